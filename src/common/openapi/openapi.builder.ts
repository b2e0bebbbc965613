import type { INestApplication, Type } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { SCOPE_DESCRIPTIONS } from '../auth/scopes';
import type { RegisterApiInfo } from '../http/registers';
import { addValidatorRules } from './validator-rules';

type Json = Record<string, any>;

const PROBLEM_SCHEMA = {
  type: 'object',
  description: 'Problem Details (RFC 9457). Business outcomes of a register travel inside as extension members.',
  required: ['status', 'title', 'detail'],
  properties: {
    type: { type: 'string', format: 'uri', description: 'Problem type URI.', example: 'urn:nl:rod-simulator:problem:invalid_input' },
    title: { type: 'string', description: 'Short summary of the problem type.', example: 'Bad Request' },
    status: { type: 'integer', format: 'int32', description: 'HTTP status code.', example: 400 },
    detail: { type: 'string', description: 'What went wrong in this occurrence.', example: 'The request has 2 invalid values; see errors.' },
    instance: { type: 'string', description: 'Path of the request.', example: '/beheer/v1/clients' },
    code: { type: 'string', description: 'Machine-readable code of the problem.', example: 'invalid_input' },
    errors: {
      type: 'array',
      description: 'Every invalid value of the request, all at once.',
      items: {
        type: 'object',
        required: ['code', 'detail'],
        properties: {
          pointer: { type: 'string', description: 'JSON Pointer into the request body.', example: '/oin' },
          parameter: { type: 'string', description: 'Query or path parameter.', example: 'pageSize' },
          header: { type: 'string', description: 'Request header.', example: 'Idempotency-Key' },
          code: { type: 'string', description: 'Machine-readable code.', example: 'matches' },
          detail: { type: 'string', description: 'What is wrong with it.', example: 'oin must be 20 digits' },
        },
      },
    },
  },
};

const STANDARD_RESPONSES: Record<string, { description: string }> = {
  BadRequest: { description: 'Invalid input: every invalid value is listed in `errors`.' },
  Unauthorized: { description: 'No valid access token.' },
  Forbidden: { description: 'The token lacks the scope, role or mandate for this.' },
  NotFound: { description: 'No such resource in this sandbox.' },
  Conflict: { description: 'The request conflicts with the current state.' },
  UnprocessableContent: { description: 'The request is well-formed but cannot be processed; the problem code says why.' },
  InternalServerError: { description: 'Unexpected error; logged, no internals in the body.' },
  UnsupportedMediaType: { description: 'The Content-Type of the request body is not one this operation takes.' },
  ContentTooLarge: { description: 'The request body is larger than the 5 MiB the server reads (code `payload_too_large`).' },
  TooManyRequests: { description: 'Too many requests (also what a storing of the conformance API injects); retry after the seconds in Retry-After.' },
  ServiceUnavailable: { description: 'The database is not available at the moment (code `database_unavailable`); retry after the seconds in Retry-After.' },
};
const STATUS_REF: Record<string, string> = {
  '400': 'BadRequest',
  '401': 'Unauthorized',
  '403': 'Forbidden',
  '404': 'NotFound',
  '409': 'Conflict',
  '422': 'UnprocessableContent',
  '500': 'InternalServerError',
  '413': 'ContentTooLarge',
  '415': 'UnsupportedMediaType',
  '429': 'TooManyRequests',
  '503': 'ServiceUnavailable',
};

/** The token endpoint, served under every register's base path too, so a client generated from one document can get its token. */
const TOKEN_SCHEMAS = {
  TokenRequest: {
    type: 'object',
    description: 'OAuth 2.0 client credentials grant (RFC 6749 §4.4). Authenticate the client with exactly one of: HTTP Basic (client_secret_basic), client_id + client_secret here (client_secret_post), or client_assertion (private_key_jwt, RFC 7523).',
    required: ['grant_type'],
    additionalProperties: false,
    properties: {
      grant_type: { type: 'string', enum: ['client_credentials'] },
      scope: { type: 'string', description: 'Space-separated scopes; default every scope the client holds.', example: 'rod.aanleveren rod.lezen' },
      sandbox: { type: 'string', maxLength: 63, description: 'Sandbox the token is for; default the client\'s first sandbox.', example: 'default' },
      client_id: { type: 'string', maxLength: 100, example: 'las-alfa' },
      client_secret: { type: 'string', maxLength: 200 },
      client_assertion_type: { type: 'string', enum: ['urn:ietf:params:oauth:client-assertion-type:jwt-bearer'] },
      client_assertion: { type: 'string', maxLength: 8192, description: 'A signed JWT (RS256 or ES256) with iss = sub = client_id, aud = this token endpoint, exp within 10 minutes, a unique jti.' },
    },
  },
  TokenResponse: {
    type: 'object',
    required: ['access_token', 'token_type', 'expires_in', 'scope', 'sandbox'],
    properties: {
      access_token: { type: 'string', description: 'Send as `Authorization: Bearer …`.' },
      token_type: { type: 'string', enum: ['Bearer'] },
      expires_in: { type: 'integer', description: 'Seconds the token is valid.', example: 900 },
      scope: { type: 'string', description: 'Scopes granted, space-separated.', example: 'rod.aanleveren rod.lezen' },
      sandbox: { type: 'string', description: 'The sandbox the token sees.', example: 'default' },
    },
  },
  OAuthProblem: {
    description: 'An OAuth error (RFC 6749 §5.2) as problem+json: `error` and `error_description` besides the Problem members.',
    allOf: [
      { $ref: '#/components/schemas/Problem' },
      {
        type: 'object',
        required: ['error', 'error_description'],
        properties: {
          error: { type: 'string', enum: ['invalid_request', 'invalid_client', 'invalid_grant', 'unsupported_grant_type', 'invalid_scope', 'invalid_target', 'too_many_requests'], example: 'invalid_client' },
          error_description: { type: 'string', example: 'Client authentication failed.' },
        },
      },
    ],
  },
};
const oauthProblem = (description: string, example: Json) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/OAuthProblem' }, example } },
});
export const TOKEN_PATH = {
  post: {
    operationId: 'issueToken',
    summary: 'Get an access token (OAuth 2.0 client credentials)',
    description:
      'The token endpoint of the simulator, also at /oauth/token. Form-encoded (application/x-www-form-urlencoded), as RFC 6749 prescribes. ' +
      'The token is for one sandbox and sees only that sandbox.',
    tags: ['OAuth'],
    security: [],
    requestBody: {
      required: true,
      content: {
        'application/x-www-form-urlencoded': {
          schema: { $ref: '#/components/schemas/TokenRequest' },
          example: { grant_type: 'client_credentials', client_id: 'las-alfa', client_secret: 'las-alfa-geheim', sandbox: 'default' },
        },
      },
    },
    responses: {
      '200': {
        description: 'A bearer token.',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/TokenResponse' }, example: { access_token: 'eyJhbGciOiJIUzI1NiJ9.e30.c2ln', token_type: 'Bearer', expires_in: 900, scope: 'rod.aanleveren rod.lezen', sandbox: 'default' } } },
      },
      '400': oauthProblem('The request is not a valid token request (grant, scope, sandbox, assertion).', {
        type: 'urn:nl:rod-simulator:problem:unsupported_grant_type', title: 'Bad Request', status: 400, detail: 'grant_type password is not supported; use client_credentials.', instance: '/oauth/token', code: 'unsupported_grant_type', error: 'unsupported_grant_type', error_description: 'grant_type password is not supported; use client_credentials.',
      }),
      '401': oauthProblem('Client authentication failed.', {
        type: 'urn:nl:rod-simulator:problem:invalid_client', title: 'Unauthorized', status: 401, detail: 'Client authentication failed.', instance: '/oauth/token', code: 'invalid_client', error: 'invalid_client', error_description: 'Client authentication failed.',
      }),
      '429': {
        ...oauthProblem('Too many token requests for this client id (known or not): a burst of TOKEN_RATE_BURST, then TOKEN_RATE_PER_MINUTE. Reuse a token until it expires.', {
          type: 'urn:nl:rod-simulator:problem:too_many_requests', title: 'Too Many Requests', status: 429, detail: 'Too many token requests for this client id; retry after 1 s.', instance: '/oauth/token', code: 'too_many_requests', error: 'too_many_requests', error_description: 'Too many token requests for this client id; retry after 1 s.',
        }),
        headers: { 'Retry-After': { description: 'Seconds to wait before the next token request.', schema: { type: 'integer', example: 1 } } },
      },
    },
  },
};

const problemContent = () => ({ 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } });

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as Json)
        .sort()
        .map((k) => [k, sortKeys((value as Json)[k])]),
    );
  }
  return value;
}

/** Builds the committed-form OpenAPI document of one register API: ADR-compliant, key-sorted. */
export function buildRegisterDocument(app: INestApplication, info: RegisterApiInfo, modules: Type<unknown>[]): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(info.title)
    .setDescription(info.description)
    .setVersion(info.version)
    .setContact('ROD po simulator beheer', 'http://localhost:3000/docs', 'beheer@rod-simulator.test')
    .setLicense('EUPL-1.2', 'https://eupl.eu/1.2/nl/')
    .addServer(info.basePath, 'This simulator')
    .addOAuth2(
      {
        type: 'oauth2',
        description: 'OAuth 2.0 client credentials (NL GOV profile, simplified): client_secret_basic, client_secret_post or private_key_jwt.',
        flows: { clientCredentials: { tokenUrl: '/oauth/token', scopes: SCOPE_DESCRIPTIONS } },
      },
      'oauth2',
    )
    .build();
  const raw = SwaggerModule.createDocument(app, config, {
    include: modules,
    operationIdFactory: (_controller: string, method: string) => method,
    autoTagControllers: false,
  }) as Json;
  const doc = JSON.parse(JSON.stringify(raw)) as Json;

  const paths: Json = {};
  for (const [path, item] of Object.entries(doc.paths as Json)) {
    if (!path.startsWith(info.basePath + '/')) continue;
    paths[path.slice(info.basePath.length)] = item;
  }
  paths['/openapi.json'] = {
    get: {
      operationId: 'getOpenApiDocument',
      summary: 'This OpenAPI document',
      description: 'Public, no token needed; CORS open to every origin.',
      tags: ['OpenAPI'],
      security: [],
      responses: { '200': { description: 'The OpenAPI document.', content: { 'application/json': { schema: { type: 'object' } } } } },
    },
  };
  // The token endpoint answers under each register's base path: its problems name that path as their instance.
  paths['/oauth/token'] = JSON.parse(JSON.stringify(TOKEN_PATH).replaceAll('"instance":"/oauth/token"', `"instance":"${info.basePath}/oauth/token"`)) as Json;
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(item as Json)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      completeOperation(op as Json, path);
    }
  }
  doc.paths = paths;
  doc.components ??= {};
  doc.components.schemas = { ...(doc.components.schemas ?? {}), Problem: PROBLEM_SCHEMA, ...TOKEN_SCHEMAS };
  doc.components.headers = {
    'API-Version': { description: 'Full semantic version of this API.', schema: { type: 'string', example: info.version } },
  };
  doc.components.responses = Object.fromEntries(
    Object.entries(STANDARD_RESPONSES).map(([name, r]) => [
      name,
      name === 'ServiceUnavailable' || name === 'TooManyRequests'
        ? { description: r.description, content: problemContent(), headers: { 'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer', example: 5 } } } }
        : { description: r.description, content: problemContent() },
    ]),
  );
  const used = new Set<string>();
  for (const item of Object.values(paths)) for (const op of Object.values(item as Json)) for (const t of (op as Json).tags ?? []) used.add(t);
  // The register's own order and descriptions first; a tag it does not describe yet comes last (a test requires a description).
  const oauthTag = { name: 'OAuth', description: 'The token endpoint: a bearer token for one sandbox (client credentials), the first call of every client.' };
  const described = [oauthTag, ...(info.tags ?? []).filter((t) => t.name !== oauthTag.name)];
  doc.tags = [
    ...described.filter((t) => used.has(t.name)),
    ...[...used]
      .filter((name) => !described.some((t) => t.name === name))
      .sort()
      .map((name) => ({ name })),
  ];
  addValidatorRules(doc);
  return sortKeys(doc) as OpenAPIObject;
}

function completeOperation(op: Json, path: string) {
  // A file upload's example is the file as text: it belongs to the plain media type, a compressed file has none.
  const gzip = op.requestBody?.content?.['application/gzip'] as Json | undefined;
  if (gzip) {
    delete gzip.examples;
    delete gzip.example;
  }
  op.responses ??= {};
  const responses = op.responses as Json;
  for (const [status, response] of Object.entries(responses)) {
    if (/^[23]\d\d$/.test(status)) {
      (response as Json).headers = { ...((response as Json).headers ?? {}), 'API-Version': { $ref: '#/components/headers/API-Version' } };
    } else if (/^[45]\d\d$/.test(status)) {
      const declared = Object.values(((response as Json).content ?? {}) as Json)[0] as Json | undefined;
      if (STATUS_REF[status] && !declared) responses[status] = { $ref: `#/components/responses/${STATUS_REF[status]}` };
      else if (declared?.schema) (response as Json).content = { 'application/problem+json': declared };
      else (response as Json).content = problemContent();
    }
  }
  const add = (status: string) => {
    if (!responses[status]) responses[status] = { $ref: `#/components/responses/${STATUS_REF[status]}` };
  };
  // Every operation may answer 400: one without query parameters still refuses an unknown one (unknown_field).
  if (path !== '/openapi.json') add('400');
  const secured = Array.isArray(op.security) ? op.security.length > 0 : true;
  if (secured && path !== '/openapi.json') {
    add('401');
    add('403');
  }
  if (path.includes('{')) add('404');
  add('500');
  if (path !== '/openapi.json') add('503');
  if (path !== '/openapi.json') add('429');
  if (op.requestBody) {
    add('413');
    add('415');
  }
}
