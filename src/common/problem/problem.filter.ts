import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger, NotFoundException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable, OUTAGE_RETRY_AFTER_SECONDS } from '../database/outage';
import '../http/http.hooks';
import type { CommonProblemCode } from './common.errors';
import { commonProblem, ProblemCode, ProblemException, problemTitle, problemType } from './problem';

export const PROBLEM_JSON = 'application/problem+json';

export interface ProblemResponse {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

/**
 * The common code of a status a framework error carries (each maps back to that status in COMMON_PROBLEM_STATUS): every
 * 4xx of Nest's built-in exceptions and of Fastify's and Node's own errors, so none answers as another status. Only
 * 418 (Nest's ImATeapotException, which nothing here throws) has no code of its own and becomes bad_request.
 */
export const HTTP_CODES: Record<number, CommonProblemCode> = {
  400: ProblemCode.badRequest,
  401: ProblemCode.unauthorized,
  403: ProblemCode.forbidden,
  404: ProblemCode.notFound,
  405: ProblemCode.methodNotAllowed,
  406: ProblemCode.notAcceptable,
  408: ProblemCode.requestTimeout,
  409: ProblemCode.conflict,
  410: ProblemCode.gone,
  412: ProblemCode.preconditionFailed,
  413: ProblemCode.payloadTooLarge,
  414: ProblemCode.uriTooLong,
  415: ProblemCode.unsupportedMediaType,
  421: ProblemCode.misdirectedRequest,
  422: ProblemCode.unprocessableContent,
  429: ProblemCode.tooManyRequests,
  431: ProblemCode.requestHeaderFieldsTooLarge,
};

/** Fastify's own errors (parsing, limits) are the client's fault: never a 5xx. */
function fromFastifyError(err: { statusCode?: number; code?: string; message?: string }): ProblemException | undefined {
  const status = err.statusCode;
  if (!status || status >= 500 || status < 400) return undefined;
  const code: CommonProblemCode =
    err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
      ? ProblemCode.unsupportedMediaType
      : err.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
        ? ProblemCode.payloadTooLarge
        : status === 400
          ? 'malformed_body'
          : (HTTP_CODES[status] ?? ProblemCode.badRequest);
  const detail =
    code === 'malformed_body'
      ? 'The request body is not valid JSON.'
      : code === ProblemCode.unsupportedMediaType
        ? 'The Content-Type of the request is not supported; send application/json.'
        : (err.message ?? problemTitle(status));
  // The status follows the code (an unknown 4xx of the framework becomes bad_request, 400).
  return commonProblem(code, detail);
}

/** Maps anything thrown to a problem+json response (RFC 9457). Unknown errors become an opaque 500. */
export function toProblem(err: unknown, instance: string, logger?: Logger): ProblemResponse {
  let problem: ProblemException | undefined;
  if (err instanceof ProblemException) problem = err;
  else if (err instanceof HttpException) {
    const status = err.getStatus();
    const response = err.getResponse();
    const message =
      typeof response === 'object' && response && 'message' in response
        ? ([] as unknown[]).concat((response as { message: unknown }).message).join('; ')
        : err.message;
    problem = commonProblem(HTTP_CODES[status] ?? (status >= 500 ? ProblemCode.internal : ProblemCode.badRequest), message);
  } else if (err && typeof err === 'object' && 'statusCode' in err) {
    problem = fromFastifyError(err as { statusCode?: number });
  }
  if (!problem && isDatabaseUnavailable(err)) {
    // Not the request's fault and not a bug: the database is down or restarting. The client may retry.
    logger?.warn({ msg: 'database unavailable', err: err instanceof Error ? err.message : String(err), instance });
    problem = commonProblem(ProblemCode.databaseUnavailable, 'The database is not available at the moment; retry after the time in Retry-After.', {}, {
      'Retry-After': String(OUTAGE_RETRY_AFTER_SECONDS),
    });
  }
  if (!problem) {
    logger?.error({ msg: 'unhandled error', err: err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : String(err), instance });
    problem = commonProblem(ProblemCode.internal, 'An unexpected error occurred. It has been logged.');
  }
  return {
    status: problem.status,
    headers: { 'Content-Type': PROBLEM_JSON, ...problem.headers },
    body: {
      type: problemType(problem.code),
      title: problem.title,
      status: problem.status,
      detail: problem.detail,
      instance,
      code: problem.code,
      ...problem.extras,
    },
  };
}

export function sendProblem(reply: FastifyReply, problem: ProblemResponse) {
  reply.status(problem.status);
  for (const [k, v] of Object.entries(problem.headers)) reply.header(k, v);
  return reply.send(JSON.stringify(problem.body));
}

/** The one global exception filter. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost) {
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    const path = request.url.split('?')[0];
    if (exception instanceof NotFoundException && !(exception instanceof ProblemException)) {
      // Nest's handler for a path no route matches: 405 when the path exists for another method.
      const allowed = request.server.allowedMethods?.(request.method, path) ?? [];
      if (allowed.length > 0 && request.method !== 'OPTIONS') {
        reply.header('Allow', allowed.join(', '));
        return sendProblem(reply, toProblem(commonProblem(ProblemCode.methodNotAllowed, `${request.method} is not allowed on ${path}; allowed: ${allowed.join(', ')}.`), path));
      }
      return sendProblem(reply, toProblem(commonProblem(ProblemCode.notFound, `There is no resource at ${path}.`), path));
    }
    sendProblem(reply, toProblem(exception, path, this.logger));
  }
}
