import { bearer } from '../support/auth';
import { ContractChecker } from '../support/contract';
import { createTestApp, TestApp } from '../support/test-app';
import { deref, fillPath, jsonBodySchema, Operation, operations, sample, contractTokens, tokenVoor } from './openapi-requests';

type Json = Record<string, any>;

/**
 * Bounded fuzz test generated from the OpenAPI documents: for every operation, invalid variants of every
 * path and query parameter and of every body property (wrong JSON type, null where not nullable, a
 * required one missing, out of range, bad pattern, impossible dates, NUL characters, unknown fields).
 * Every answer is a 4xx problem+json; a 400 lists the field; nothing is stored.
 */
describe('fuzz: invalid variants of every parameter and body property, from the documents', () => {
  let t: TestApp;
  const checker = new ContractChecker();
  let tokens: { scopes: string[]; token: string }[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    tokens = await contractTokens(t);
  });
  afterAll(() => t.close());

  const tokenFor = (o: Operation) => tokenVoor(tokens, o);

  const tableCounts = async () => {
    // Register data only: the conformance journaal records every exchange by design.
    const tables: { name: string }[] = await t.db.query(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE '%journaal%' ORDER BY 1`);
    const counts: Record<string, number> = {};
    for (const { name } of tables) counts[name] = Number((await t.db.query(`SELECT count(*)::int AS n FROM "${name}"`))[0].n);
    return counts;
  };

  /** Invalid JSON values for a schema, each with why. */
  function invalidJson(doc: Json, schema: Json): { value: unknown; why: string }[] {
    const s = deref(doc, schema);
    const out: { value: unknown; why: string }[] = [];
    switch (s.type) {
      case 'string':
        out.push({ value: 123, why: 'number for string' });
        if (s.format === 'date') out.push({ value: '2026-13-01', why: 'month 13' }, { value: '0000-01-01', why: 'year 0000' });
        if (s.format === 'date-time') out.push({ value: '2026-02-30T00:00:00Z', why: '30 February' });
        if (s.pattern && !new RegExp(s.pattern).test('!?')) out.push({ value: '!?', why: 'pattern' });
        if (s.maxLength && s.maxLength < 10000) out.push({ value: 'x'.repeat(s.maxLength + 1), why: 'too long' });
        if (s.enum) out.push({ value: 'NIET_BESTAAND', why: 'not in enum' });
        out.push({ value: 'a\u0000b', why: 'NUL' });
        break;
      case 'integer':
      case 'number':
        out.push({ value: 'x', why: 'string for number' }, { value: true, why: 'boolean for number' });
        if (s.type === 'integer') out.push({ value: 1.5, why: 'fraction' });
        if (typeof s.maximum === 'number') out.push({ value: s.maximum + 1, why: 'over maximum' });
        if (typeof s.minimum === 'number') out.push({ value: s.minimum - 1, why: 'under minimum' });
        break;
      case 'boolean':
        out.push({ value: 'true', why: 'string for boolean' }, { value: 1, why: 'number for boolean' });
        break;
      case 'array':
        out.push({ value: { a: 1 }, why: 'object for array' }, { value: 'x', why: 'string for array' });
        break;
      default:
        if (s.properties || s.allOf) out.push({ value: [], why: 'array for object' }, { value: 'x', why: 'string for object' });
    }
    // Bounded: the type error, the rule-specific ones, and null where the document does not allow it.
    return [...out.slice(0, 3), ...(s.nullable ? [] : [{ value: null, why: 'null' }])];
  }

  /** Invalid query or path strings for a parameter schema. */
  function invalidParam(schema: Json): string[] {
    const out: string[] = [];
    if (schema.type === 'integer' || schema.type === 'number') out.push('abc', '99999999999999999999');
    if (schema.type === 'integer') out.push('1.5');
    if (schema.format === 'date') out.push('2026-13-01', '0000-01-01');
    if (schema.format === 'date-time') out.push('2026-02-30T00:00:00Z');
    if (schema.format === 'uuid') out.push('geen-uuid');
    if (schema.enum) out.push('NIET_BESTAAND');
    if (schema.type === 'boolean') out.push('misschien');
    if (schema.pattern && !new RegExp(schema.pattern).test('!?')) out.push('!?');
    if (schema.maxLength && schema.maxLength < 400) out.push('x'.repeat(schema.maxLength + 1));
    if (out.length) out.push('a\u0000');
    return out;
  }

  it('no 5xx, problem+json everywhere, every invalid field listed, nothing stored', async () => {
    const before = await tableCounts();
    const stats = { requests: 0, fiveXx: 0, nonProblem: 0, notListed: 0, accepted: 0 };
    const failures: string[] = [];
    const send = async (o: Operation, pathValues: Record<string, string>, query: Record<string, string>, body: unknown, where: { pointer?: string; parameter?: string }, why: string) => {
      const url = fillPath(o.basePath + o.path, pathValues) + (Object.keys(query).length ? '?' + new URLSearchParams(query).toString() : '');
      let req = t.http()[o.method.toLowerCase() as 'get'](url).set(bearer(tokenFor(o)));
      if (body !== undefined) req = req.set('Content-Type', 'application/json').send(JSON.stringify(body));
      const res = await req;
      stats.requests++;
      const label = `${o.method} ${o.path} ${where.pointer ?? where.parameter} (${why}) → ${res.status}`;
      const fail = (kind: 'fiveXx' | 'accepted' | 'nonProblem' | 'notListed', text: string) => {
        stats[kind]++;
        failures.push(text);
      };
      if (res.status >= 500) fail('fiveXx', `${label} ${JSON.stringify(res.body).slice(0, 200)}`);
      else if (res.status < 400) fail('accepted', `${label}: accepted`);
      else if (!String(res.headers['content-type']).startsWith('application/problem+json')) fail('nonProblem', `${label}: not problem+json`);
      else if (res.status === 400) {
        const errors = (res.body.errors ?? []) as { pointer?: string; parameter?: string }[];
        const listed = errors.some((e) =>
          where.pointer !== undefined ? e.pointer === where.pointer || (e.pointer ?? '').startsWith(where.pointer + '/') || (where.pointer.startsWith(e.pointer ?? '\u0001') && e.pointer !== '') : e.parameter === where.parameter || e.parameter === 'path',
        );
        if (!listed) fail('notListed', `${label}: not listed in ${JSON.stringify(errors).slice(0, 300)}`);
      }
    };

    for (const o of operations(checker)) {
      const params = ((o.op.parameters ?? []) as Json[]).filter((p) => p.in === 'path' || p.in === 'query');
      const pathValues = Object.fromEntries(params.filter((p) => p.in === 'path').map((p) => [p.name, String(sample(o.doc, p.schema) ?? p.example ?? 'x')]));
      const requiredQuery = Object.fromEntries(params.filter((p) => p.in === 'query' && p.required).map((p) => [p.name, String(sample(o.doc, p.schema))]));
      for (const p of params) {
        for (const bad of invalidParam(deref(o.doc, p.schema))) {
          if (p.in === 'path') await send(o, { ...pathValues, [p.name]: bad }, {}, jsonBodySchema(o) ? sample(o.doc, jsonBodySchema(o)) : undefined, { parameter: p.name }, `path ${JSON.stringify(bad).slice(0, 20)}`);
          else await send(o, pathValues, { ...requiredQuery, [p.name]: bad }, jsonBodySchema(o) ? sample(o.doc, jsonBodySchema(o)) : undefined, { parameter: p.name }, `query ${JSON.stringify(bad).slice(0, 20)}`);
        }
      }
      const schema = jsonBodySchema(o);
      if (!schema) continue;
      const base = sample(o.doc, schema) as Json;
      // Every top-level property and one level down: wrong values, and a required one missing.
      const visit = async (s: Json, value: Json, pointer: string, depth: number, setAt: (v: unknown, remove?: boolean) => Json) => {
        const props = (deref(o.doc, s).properties ?? {}) as Json;
        const required = (deref(o.doc, s).required ?? []) as string[];
        for (const [name, propSchema] of Object.entries(props)) {
          const here = `${pointer}/${name}`;
          const withValue = (v: unknown, remove = false) => {
            const copy = { ...value };
            if (remove) delete copy[name];
            else copy[name] = v;
            return setAt(copy);
          };
          for (const { value: bad, why } of invalidJson(o.doc, propSchema as Json)) await send(o, pathValues, {}, withValue(bad), { pointer: here }, why);
          if (required.includes(name)) await send(o, pathValues, {}, withValue(undefined, true), { pointer: here }, 'missing');
          const inner = deref(o.doc, propSchema as Json);
          if (depth < 1 && inner.properties && value[name] && typeof value[name] === 'object' && !Array.isArray(value[name])) {
            await visit(inner, value[name], here, depth + 1, (v) => withValue(v));
          }
        }
        if (deref(o.doc, s).additionalProperties === false) await send(o, pathValues, {}, setAt({ ...value, onbekendVeld: 1 }), { pointer: `${pointer}/onbekendVeld` }, 'unknown field');
      };
      await visit(schema, base, '', 0, (v) => v as Json);
    }

    const after = await tableCounts();
    console.log(`fuzz: ${stats.requests} requests sent, ${stats.fiveXx} 5xx, ${stats.nonProblem} non-problem answers, ${stats.accepted} accepted, ${stats.notListed} without the invalid field listed`);
    expect(failures.slice(0, 40)).toEqual([]);
    expect(stats.requests).toBeGreaterThan(500);
    expect(after).toEqual(before);
  }, 240_000);
});
