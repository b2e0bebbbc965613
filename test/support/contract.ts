import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REGISTER_APIS } from '../../src/registers';

type Json = Record<string, any>;

/**
 * The committed OpenAPI documents as a response checker: every answer of the app is held against the
 * document of its register (documented path, method and status; media type; body schema). OpenAPI 3.0's
 * `nullable` becomes JSON Schema's null type; everything else is read as written.
 */
export class ContractChecker {
  private readonly ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  private readonly compiled = new Map<string, ValidateFunction>();
  readonly documents: { key: string; basePath: string; doc: Json }[];
  /** Answers checked so far by install()'s hook. */
  checked = 0;

  constructor(dir = join(__dirname, '..', '..', 'openapi')) {
    addFormats(this.ajv);
    this.documents = REGISTER_APIS.map(({ info }) => ({ key: info.key, basePath: info.basePath, doc: JSON.parse(readFileSync(join(dir, `${info.key}.json`), 'utf8')) as Json }));
    for (const { key, doc } of this.documents) this.ajv.addSchema({ ...toJsonSchema(doc), $id: key });
  }

  /** The register document and its path template for a request path pattern (`/rod/v1/inschrijvingen/:id`). */
  locate(pattern: string): { key: string; doc: Json; path: string } | undefined {
    const register = [...this.documents].sort((a, b) => b.basePath.length - a.basePath.length).find((d) => pattern.startsWith(d.basePath + '/'));
    if (!register) return undefined;
    return { key: register.key, doc: register.doc, path: pattern.slice(register.basePath.length).replace(/:(\w+)/g, '{$1}') };
  }

  /** Problems of one answer against the document; empty when it satisfies it. */
  check(pattern: string, method: string, status: number, contentType: string | undefined, body: string | undefined): string[] {
    const where = this.locate(pattern);
    if (!where) return [];
    const { key, doc, path } = where;
    const op = doc.paths?.[path]?.[method.toLowerCase()];
    const label = `${method} ${pattern} → ${status}`;
    if (!op) return [`${label}: ${key}.json documents no ${method} ${path}`];
    let response = op.responses?.[String(status)] ?? op.responses?.[`${String(status)[0]}XX`] ?? op.responses?.default;
    if (!response) return [`${label}: ${key}.json documents no ${status} for ${method} ${path} (documented: ${Object.keys(op.responses ?? {}).join(', ')})`];
    let pointer = `#/paths/${escape(path)}/${method.toLowerCase()}/responses/${status}`;
    if (response.$ref) {
      pointer = response.$ref;
      response = resolve(doc, response.$ref);
    }
    const content = response.content as Json | undefined;
    if (!content || status === 204) return body && body.length > 0 && status === 204 ? [`${label}: 204 with a body`] : [];
    const mediaType = (contentType ?? '').split(';')[0].trim();
    if (!content[mediaType]) return [`${label}: media type ${mediaType || '(none)'} not documented (documented: ${Object.keys(content).join(', ')})`];
    const schema = content[mediaType].schema;
    if (!schema || !/(^application\/json$|\+json$)/.test(mediaType)) return [];
    let parsed: unknown;
    try {
      parsed = JSON.parse(body ?? '');
    } catch {
      return [`${label}: body is not JSON`];
    }
    const id = `${key}${pointer}/content/${escape(mediaType)}/schema`;
    let validate = this.compiled.get(id);
    if (!validate) {
      validate = this.ajv.compile({ $ref: id });
      this.compiled.set(id, validate);
    }
    if (validate(parsed)) return [];
    return (validate.errors ?? []).slice(0, 8).map((e) => `${label}: body${e.instancePath} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`);
  }

  /** Installs the check on every answer of a Fastify app; violations go to `sink`. */
  install(fastify: FastifyInstance, sink: (violation: string) => void) {
    fastify.addHook('onSend', async (request, reply, payload) => {
      const pattern = request.routeOptions?.url;
      if (!pattern || request.method === 'HEAD' || request.method === 'OPTIONS') return payload;
      const text = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : undefined;
      if (payload !== undefined && payload !== null && text === undefined) return payload;
      const type = reply.getHeader('content-type');
      this.checked++;
      for (const v of this.check(pattern, request.method, reply.statusCode, typeof type === 'string' ? type : undefined, text)) sink(v);
      return payload;
    });
  }
}

const escape = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

function resolve(doc: Json, ref: string): Json {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .reduce((o: Json, k) => o?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
}

/** OpenAPI 3.0 schema objects → JSON Schema: `nullable: true` admits null. */
export function toJsonSchema(value: unknown): any {
  if (Array.isArray(value)) return value.map(toJsonSchema);
  if (!value || typeof value !== 'object') return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value as Json)) out[k] = k === 'example' || k === 'examples' ? v : toJsonSchema(v);
  if (out.nullable === true) {
    delete out.nullable;
    if (out.enum) out.enum = [...out.enum, null];
    if (typeof out.type === 'string' && !out.allOf && !out.$ref && !out.oneOf && !out.anyOf) return { ...out, type: [out.type, 'null'] };
    const { description, ...rest } = out;
    return { description, anyOf: [rest, { type: 'null' }] };
  }
  return out;
}
