import type { ContractChecker } from '../support/contract';

type Json = Record<string, any>;

/** One operation of a register document, with everything needed to call it. */
export interface Operation {
  register: string;
  basePath: string;
  method: string;
  path: string;
  op: Json;
  doc: Json;
}

/** Every operation of the documents that takes input and needs a token (not the token endpoint, not the document itself). */
export function operations(checker: ContractChecker): Operation[] {
  const out: Operation[] = [];
  for (const { key, basePath, doc } of checker.documents) {
    for (const [path, item] of Object.entries(doc.paths as Json)) {
      if (path === '/openapi.json' || path === '/oauth/token') continue;
      for (const [method, op] of Object.entries(item as Json)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        out.push({ register: key, basePath, method: method.toUpperCase(), path, op: op as Json, doc });
      }
    }
  }
  return out;
}

export function deref(doc: Json, schema: Json | undefined): Json {
  let s = schema ?? {};
  for (let i = 0; i < 10 && s.$ref; i++) {
    s = s.$ref
      .replace(/^#\//, '')
      .split('/')
      .reduce((o: Json, k: string) => o?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
  }
  if (s.allOf?.length === 1 && !s.properties) return { ...deref(doc, s.allOf[0]), ...Object.fromEntries(Object.entries(s).filter(([k]) => k !== 'allOf')) };
  return s;
}

/** The JSON body schema of an operation, when it takes JSON. */
export const jsonBodySchema = (o: Operation): Json | undefined => o.op.requestBody?.content?.['application/json']?.schema;

/** A plausible value for a schema: its example, default or enum first, else built from its type. */
export function sample(doc: Json, schema: Json | undefined, depth = 0): unknown {
  const s = deref(doc, schema);
  if (s.example !== undefined) return s.example;
  if (s.default !== undefined) return s.default;
  if (s.enum) return s.enum[0];
  switch (s.type) {
    case 'string':
      return s.format === 'date' ? '2025-09-01' : s.format === 'date-time' ? '2025-09-01T10:00:00Z' : s.format === 'uuid' ? '00000000-0000-4000-8000-000000000000' : 'x';
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return depth > 4 ? [] : Array.from({ length: s.minItems ?? 1 }, () => sample(doc, s.items, depth + 1));
    case 'object':
    default:
      if (!s.properties || depth > 4) return {};
      return Object.fromEntries(Object.entries(s.properties as Json).map(([k, v]) => [k, sample(doc, v as Json, depth + 1)]));
  }
}

/** Fills a path template with values. */
export const fillPath = (path: string, values: Record<string, string>) => path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? 'x'));

/** Scopes any of which lets a token call the operation. */
export const requiredScopes = (o: Operation): string[][] => ((o.op.security ?? []) as Json[]).map((r) => (r.oauth2 ?? []) as string[]);

/** Tokens of a vendor (las-alfa) and an administrator (demo-beheer) with the scopes each was granted. */
export async function contractTokens(t: { http: () => import('supertest/lib/agent') }): Promise<{ scopes: string[]; token: string }[]> {
  const tokens: { scopes: string[]; token: string }[] = [];
  for (const clientId of ['las-alfa', 'demo-beheer']) {
    const res = await t.http().post('/oauth/token').type('form').send({ grant_type: 'client_credentials', client_id: clientId, client_secret: `${clientId}-geheim` });
    tokens.push({ scopes: String(res.body.scope).split(' '), token: res.body.access_token });
  }
  return tokens;
}

/** The token whose scopes satisfy one of the operation's alternatives (the administrator's otherwise). */
export function tokenVoor(tokens: { scopes: string[]; token: string }[], o: Operation): string {
  const alternatives = requiredScopes(o);
  return (tokens.find((tk) => alternatives.some((need) => need.every((s) => tk.scopes.includes(s)))) ?? tokens[1]).token;
}
