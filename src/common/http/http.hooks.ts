import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { JsonLogger } from '../logging/json-logger';
import { apiVersionFor } from './registers';

declare module 'fastify' {
  interface FastifyInstance {
    /** Methods other than `method` that have a route matching `path` (for 405 + Allow). */
    allowedMethods?: (method: string, path: string) => string[];
  }
  interface FastifyRequest {
    correlationId: string;
    startedAt: bigint;
    principal?: { clientId: string; sandboxCode: string };
  }
}

const CORRELATION_HEADER = 'correlation-id';

/** ADR /core/transport/security-headers, sent on every response. */
const SECURITY_HEADERS: Record<string, string> = {
  'Cache-Control': 'no-store',
  'Content-Security-Policy': "frame-ancestors 'none'",
  'Strict-Transport-Security': 'max-age=31536000',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Access-Control-Allow-Origin': '*',
};

/** Turns a route pattern (`/a/:id`) into a matcher for a concrete path. */
const patternToRegex = (url: string) =>
  new RegExp('^' + url.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\/:[^/]+/g, '/[^/]+').replace(/\*/g, '.*') + '$');

/**
 * Hooks every response passes through: correlation id, API-Version, security headers,
 * the route table behind 405 + Allow, and one structured log line per request.
 */
export function installHttpHooks(fastify: FastifyInstance, logger: JsonLogger) {
  const routes: { method: string; regex: RegExp }[] = [];
  fastify.addHook('onRoute', (route) => {
    const methods = ([] as string[]).concat(route.method as string | string[]);
    for (const method of methods) routes.push({ method, regex: patternToRegex(route.url ?? route.path) });
  });
  fastify.decorate('allowedMethods', (method: string, path: string) =>
    [...new Set(routes.filter((r) => r.method !== method && r.method !== 'HEAD' && r.method !== 'OPTIONS' && r.regex.test(path)).map((r) => r.method))].sort(),
  );

  // Only JSON (and form-encoded for the token endpoint) is accepted: other bodies get 415.
  fastify.removeContentTypeParser('text/plain');
  // File uploads (the BRON migration) arrive as a stream: the handler reads the body itself, so no size limit applies here.
  fastify.addContentTypeParser(['application/octet-stream', 'application/gzip'], (_req, payload, done) => done(null, payload));

  fastify.addHook('onRequest', async (request: FastifyRequest) => {
    const incoming = request.headers[CORRELATION_HEADER];
    request.correlationId = typeof incoming === 'string' && /^[\w.:-]{1,100}$/.test(incoming) ? incoming : randomUUID();
    request.startedAt = process.hrtime.bigint();
  });

  fastify.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload) => {
    const path = request.url.split('?')[0];
    reply.header('API-Version', apiVersionFor(path));
    reply.header('Correlation-Id', request.correlationId);
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) if (!reply.hasHeader(k)) reply.header(k, v);
    if (!reply.hasHeader('Access-Control-Expose-Headers')) reply.header('Access-Control-Expose-Headers', 'API-Version, Correlation-Id, Location, Idempotent-Replayed');
    return payload;
  });

  fastify.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    const ms = Number(process.hrtime.bigint() - request.startedAt) / 1e6;
    logger.event(reply.statusCode >= 500 ? 'error' : 'info', {
      msg: 'request',
      correlationId: request.correlationId,
      method: request.method,
      // Query strings are left out: the path is enough and no person number is ever in a path.
      path: request.url.split('?')[0],
      status: reply.statusCode,
      durationMs: Math.round(ms * 10) / 10,
      client: request.principal?.clientId,
      sandbox: request.principal?.sandboxCode,
    });
  });
}
