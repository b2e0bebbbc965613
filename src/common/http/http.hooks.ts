import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { JsonLogger } from '../logging/json-logger';
import { httpDuration, httpRequests } from '../metrics/metrics';
import { COMMON_PROBLEM_STATUS } from '../problem/common.errors';
import { commonProblem, ProblemCode, problemTitle, Problems } from '../problem/problem';
import { apiVersionFor } from './registers';

/** Deeper than any request document of the APIs (the deepest is about 6). */
export const MAX_JSON_DEPTH = 64;
const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Deepest nesting of objects and arrays in a parsed body, counted without recursion (stops past the limit). */
export function jsonDepth(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (!v || typeof v !== 'object') continue;
    if (d > max) max = d;
    if (max > MAX_JSON_DEPTH) return max;
    for (const child of Object.values(v)) if (child && typeof child === 'object') stack.push([child, d + 1]);
  }
  return max;
}

/**
 * One look at a parsed body for the common case: 'deep' when it nests more than MAX_JSON_DEPTH levels (as jsonDepth
 * counts them), 'nul' when a string (value or key) holds U+0000, 'ok' otherwise. Recursion stops past the limit, so
 * the stack stays shallow; nothing is built (jsonDepth and nulPointers give the details when it is not 'ok').
 */
function scanBody(value: object, depth: number): 'ok' | 'deep' | 'nul' {
  if (depth > MAX_JSON_DEPTH) return 'deep';
  let found: 'ok' | 'nul' = 'ok';
  if (Array.isArray(value)) {
    for (const v of value) {
      if (typeof v === 'string') {
        if (v.includes('\u0000')) found = 'nul';
      } else if (v && typeof v === 'object') {
        const r = scanBody(v, depth + 1);
        if (r === 'deep') return r;
        if (r === 'nul') found = r;
      }
    }
    return found;
  }
  for (const k in value) {
    if (!Object.prototype.hasOwnProperty.call(value, k)) continue;
    if (k.includes('\u0000')) found = 'nul';
    const v = (value as Record<string, unknown>)[k];
    if (typeof v === 'string') {
      if (v.includes('\u0000')) found = 'nul';
    } else if (v && typeof v === 'object') {
      const r = scanBody(v, depth + 1);
      if (r === 'deep') return r;
      if (r === 'nul') found = r;
    }
  }
  return found;
}

/** JSON pointers of every string (value or key) holding U+0000. */
function nulPointers(value: unknown, pointer: string, out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) out.push(pointer);
  } else if (Array.isArray(value)) value.forEach((v, i) => nulPointers(v, `${pointer}/${i}`, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const here = `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (k.includes('\u0000')) out.push(here);
      else nulPointers(v, here, out);
    }
  }
  return out;
}

const safeDecode = (s: string) => {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' ')).split('\u0000').join('\\0');
  } catch {
    return s;
  }
};

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

/** Longest path parameter routed; a longer one is 414 (shorter ones meet their parameter's own rule). */
export const MAX_PARAM_LENGTH = 500;

/**
 * Errors the router raises before any hook runs (a path parameter over MAX_PARAM_LENGTH, a path
 * that is not valid percent-encoding): answered as problem+json like every other error.
 */
export function frameworkErrors(error: { code?: string }, request: FastifyRequest, reply: FastifyReply) {
  request.correlationId ??= randomUUID();
  request.startedAt ??= process.hrtime.bigint();
  const path = request.url.split('?')[0];
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  const code = tooLong ? 'uri_too_long' : 'bad_url';
  const status = COMMON_PROBLEM_STATUS[code];
  const detail = tooLong ? `A path segment is longer than ${MAX_PARAM_LENGTH} characters.` : 'The path is not valid percent-encoding.';
  reply.status(status);
  reply.header('Content-Type', 'application/problem+json');
  reply.send(JSON.stringify({ type: `urn:nl:rod-simulator:problem:${code}`, title: problemTitle(status), status, detail, instance: safeDecode(path).slice(0, 200), code }));
}

/** Node reads at most this much of a request line and its headers together (its default --max-http-header-size). */
const MAX_HEADER_BYTES = 16 * 1024;

/**
 * Requests Node's HTTP parser refuses before Fastify sees them: a request line or headers past MAX_HEADER_BYTES, a
 * request that does not arrive in time, bytes that are not HTTP. Answered on the socket as problem+json like every
 * other error (Fastify's own answer is a bare JSON body). A request line of more than half the limit is what overflowed:
 * 414 uri_too_long; otherwise the headers did: 431.
 */
export function clientErrors(err: Error & { code?: string; rawPacket?: Buffer }, socket: import('node:net').Socket) {
  if (err.code === 'ECONNRESET' || socket.destroyed || socket.writableEnded) return;
  const packet = err.rawPacket;
  const requestLine = packet && /^[A-Z]+ \S/.test(packet.subarray(0, 16).toString('latin1')) ? packet.subarray(0, packet.indexOf('\r\n') < 0 ? packet.length : packet.indexOf('\r\n')) : undefined;
  const [code, detail] =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? (['request_timeout', 'The request did not arrive in time.'] as const)
      : err.code === 'HPE_HEADER_OVERFLOW'
        ? requestLine && requestLine.length > MAX_HEADER_BYTES / 2
          ? (['uri_too_long', `The request line is longer than ${MAX_HEADER_BYTES / 2} bytes.`] as const)
          : (['request_header_fields_too_large', `The request line and headers are longer than ${MAX_HEADER_BYTES} bytes together.`] as const)
        : (['bad_request', 'The request is not valid HTTP.'] as const);
  const status = COMMON_PROBLEM_STATUS[code];
  const path = requestLine ? safeDecode(requestLine.toString('latin1').split(' ')[1]?.split('?')[0] ?? '/').slice(0, 200) : '/';
  const body = JSON.stringify({ type: `urn:nl:rod-simulator:problem:${code}`, title: problemTitle(status), status, detail, instance: path, code });
  const headers = { ...SECURITY_HEADERS, 'Content-Type': 'application/problem+json', 'Content-Length': String(Buffer.byteLength(body)), Connection: 'close' };
  socket.end(`HTTP/1.1 ${status} ${problemTitle(status)}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n${body}`);
}

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
  // JSON bodies: nesting deeper than any document of ours, or a NUL character in a string, is refused
  // as a 400 problem before anything walks (recursively) or stores it.
  fastify.addHook('preValidation', async (request: FastifyRequest) => {
    const body = request.body;
    // Parsed JSON only (a plain object or array), never a streamed upload.
    if (!body || typeof body !== 'object' || !(Array.isArray(body) || Object.getPrototypeOf(body) === Object.prototype)) return;
    // Most bodies are neither: one cheap look says so.
    if (scanBody(body, 1) === 'ok') return;
    const depth = jsonDepth(body);
    if (depth > MAX_JSON_DEPTH) {
      throw Problems.invalidInput([{ pointer: '', code: 'too_deeply_nested', detail: `The JSON body is nested more than ${MAX_JSON_DEPTH} levels deep.` }]);
    }
    const nul = nulPointers(body, '');
    if (nul.length) throw Problems.invalidInput(nul.map((pointer) => ({ pointer, code: 'nul_character', detail: 'A NUL character (U+0000) is not allowed in text.' })));
  });

  // A method no route knows (QUERY, PROPFIND, …) is 405 with the methods the path has; a NUL byte
  // in the path or query is refused before routing.
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0];
    if (!KNOWN_METHODS.has(request.method)) {
      const allowed = fastify.allowedMethods?.(request.method, path) ?? [];
      if (allowed.length) reply.header('Allow', allowed.join(', '));
      throw commonProblem(ProblemCode.methodNotAllowed, `${request.method} is not a method of this API${allowed.length ? `; allowed on ${path}: ${allowed.join(', ')}` : ''}.`);
    }
    if (/%00/i.test(request.url)) {
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
      const errors = query
        .split('&')
        .filter((pair) => /%00/i.test(pair))
        .map((pair) => ({ parameter: safeDecode(pair.split('=')[0]), code: 'nul_character', detail: 'A NUL character (%00) is not allowed in a query parameter.' }));
      if (/%00/i.test(path)) errors.unshift({ parameter: 'path', code: 'nul_character', detail: 'A NUL character (%00) is not allowed in the path.' });
      throw Problems.invalidInput(errors);
    }
  });

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
    // The route pattern, never the path: no ids or codes in metric labels.
    const labels = { method: request.method, route: request.routeOptions?.url ?? 'unmatched', status: String(reply.statusCode) };
    httpRequests.inc(labels);
    httpDuration.observe(labels, ms / 1000);
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
