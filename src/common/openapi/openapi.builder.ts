import type { INestApplication, Type } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { SCOPE_DESCRIPTIONS } from '../auth/scopes';
import type { RegisterApiInfo } from '../http/registers';

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
  UnprocessableContent: { description: 'The Idempotency-Key was used before for a different request.' },
  InternalServerError: { description: 'Unexpected error; logged, no internals in the body.' },
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
  '503': 'ServiceUnavailable',
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
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(item as Json)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      completeOperation(op as Json, method, path);
    }
  }
  doc.paths = paths;
  doc.components ??= {};
  doc.components.schemas = { ...(doc.components.schemas ?? {}), Problem: PROBLEM_SCHEMA };
  doc.components.headers = {
    'API-Version': { description: 'Full semantic version of this API.', schema: { type: 'string', example: info.version } },
  };
  doc.components.responses = Object.fromEntries(
    Object.entries(STANDARD_RESPONSES).map(([name, r]) => [
      name,
      name === 'ServiceUnavailable'
        ? { description: r.description, content: problemContent(), headers: { 'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer', example: 5 } } } }
        : { description: r.description, content: problemContent() },
    ]),
  );
  const used = new Set<string>();
  for (const item of Object.values(paths)) for (const op of Object.values(item as Json)) for (const t of (op as Json).tags ?? []) used.add(t);
  // The register's own order and descriptions first; a tag it does not describe yet comes last (a test requires a description).
  doc.tags = [
    ...(info.tags ?? []).filter((t) => used.has(t.name)),
    ...[...used]
      .filter((name) => !(info.tags ?? []).some((t) => t.name === name))
      .sort()
      .map((name) => ({ name })),
  ];
  return sortKeys(doc) as OpenAPIObject;
}

function completeOperation(op: Json, method: string, path: string) {
  op.responses ??= {};
  const responses = op.responses as Json;
  for (const [status, response] of Object.entries(responses)) {
    if (/^[23]\d\d$/.test(status)) {
      (response as Json).headers = { ...((response as Json).headers ?? {}), 'API-Version': { $ref: '#/components/headers/API-Version' } };
    } else if (/^[45]\d\d$/.test(status)) {
      if (STATUS_REF[status] && !(response as Json).content) responses[status] = { $ref: `#/components/responses/${STATUS_REF[status]}` };
      else (response as Json).content = problemContent();
    }
  }
  const hasParams = (op.parameters ?? []).length > 0;
  const add = (status: string) => {
    if (!responses[status]) responses[status] = { $ref: `#/components/responses/${STATUS_REF[status]}` };
  };
  if (hasParams || ['post', 'put', 'patch'].includes(method)) add('400');
  const secured = Array.isArray(op.security) ? op.security.length > 0 : true;
  if (secured && path !== '/openapi.json') {
    add('401');
    add('403');
  }
  if (path.includes('{')) add('404');
  add('500');
  if (path !== '/openapi.json') add('503');
}
