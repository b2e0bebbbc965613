import { bearer } from '../support/auth';
import { ContractChecker } from '../support/contract';
import { createTestApp, TestApp } from '../support/test-app';
import { deref, fillPath, Operation, sample } from './openapi-requests';
import { exampleFailures } from './example-errors';
import { DEMO_CLIENTS } from '../../src/beheer';

type Json = Record<string, any>;
type Tokens = Record<string, { token: string; scopes: string[] }>;

/**
 * What a message is about must exist first, as a vendor works: a pupil is enrolled (the POST /inschrijvingen
 * example) before the verwijdering or verzuimmelding examples about that pupil. (The schooladvies example is about a
 * pupil the small seed has in groep 8.)
 */
const PREREQUISITES: Record<string, string[]> = {
  'rod POST /verwijderingen': ['rod POST /inschrijvingen'],
  'rod POST /verzuimmeldingen': ['rod POST /inschrijvingen'],
};

/**
 * What makes the member a path parameter names appear in the collection it is picked from, when nothing creates it
 * directly: a subscription gets a delivery when an event of a mandated school is positioned (a pupil is enrolled, the
 * feed is read).
 */
const BEFORE_LISTING: Record<string, string[]> = {
  'rod POST /webhook-abonnementen/{abonnementId}/afleveringen/{afleveringId}/herleveringen': ['rod POST /inschrijvingen', 'rod GET /berichten'],
};

const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Every operation of every committed document, the token endpoint and the document itself included. */
function allOperations(checker: ContractChecker): Operation[] {
  const out: Operation[] = [];
  for (const { key, basePath, doc } of checker.documents) {
    for (const [path, item] of Object.entries(doc.paths as Json)) {
      for (const [method, op] of Object.entries(item as Json)) {
        if (['get', 'post', 'put', 'patch', 'delete'].includes(method)) out.push({ register: key, basePath, method: method.toUpperCase(), path, op: op as Json, doc });
      }
    }
  }
  return out;
}

const label = (o: Operation) => `${o.register} ${o.method} ${o.path}`;
const exampleOf = (p: Json): unknown => p.example ?? p.schema?.example ?? (p.examples ? (Object.values(p.examples as Json)[0] as Json)?.value : undefined);

/** The request bodies a person gets from the document: each named example, the one example, or the value built from the schema's examples. */
function bodies(o: Operation): { mediaType: string; name: string; value: unknown }[] {
  const content = (o.op.requestBody?.content ?? {}) as Json;
  const out: { mediaType: string; name: string; value: unknown }[] = [];
  for (const [mediaType, c] of Object.entries(content) as [string, Json][]) {
    if (c.examples) for (const [name, e] of Object.entries(c.examples as Json)) out.push({ mediaType, name, value: (e as Json).value });
    else if (c.example !== undefined) out.push({ mediaType, name: 'example', value: c.example });
    else if (/json/.test(mediaType)) out.push({ mediaType, name: 'from schema', value: sample(o.doc, c.schema) });
    // A file upload's example is the file as text (under application/octet-stream; gzip has none).
    if (out.length) break;
  }
  return out;
}

/** The example of each path parameter of an operation. */
const pathExamples = (o: Operation): Record<string, string> =>
  Object.fromEntries(((o.op.parameters ?? []) as Json[]).filter((p) => p.in === 'path' && exampleOf(p) !== undefined).map((p) => [p.name, String(exampleOf(p))]));

/**
 * The operation that creates what a path parameter names: POST on the collection the parameter is a member of; for a
 * DELETE of a member that is created by PUT (create or replace), that PUT when its example names the same member.
 */
function creatorOf(ops: Operation[], o: Operation, param: string): Operation | undefined {
  const at = o.path.indexOf(`/{${param}}`);
  if (at < 0) return undefined;
  const collection = o.path.slice(0, at);
  const post = ops.find((c) => c.register === o.register && c.method === 'POST' && c.path === collection);
  if (post || o.method !== 'DELETE') return post;
  const put = ops.find((c) => c.register === o.register && c.method === 'PUT' && c.path === o.path);
  return put && pathExamples(put)[param] !== undefined && pathExamples(put)[param] === pathExamples(o)[param] ? put : undefined;
}

/** A value named `name` (or a link naming it) anywhere in an answer. */
function findValue(body: unknown, name: string): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const b = body as Json;
  if (typeof b[name] === 'string' || typeof b[name] === 'number') return String(b[name]);
  for (const v of Object.values(b)) {
    const found = findValue(v, name);
    if (found) return found;
  }
  return undefined;
}

/**
 * Every example in the committed OpenAPI documents is real. For every operation the request is built as a
 * person builds it from the document (Swagger UI's "Try it out"): path and query parameters from their examples,
 * the body from the request body's example(s) or the schema's property examples. It is sent to the small seed
 * with a demo client's token whose scopes the operation asks for, and must get a documented 2xx whose body
 * satisfies the document (the shared test app checks every answer). Reads run on the default sandbox; an
 * operation that changes state, or reads what another operation creates, runs in a fresh app of its own, after
 * the operation that creates what its path names (POST on the collection). Error examples are checked for
 * belonging to their operation (see example-errors.ts).
 */
describe('every example in the OpenAPI documents is real', () => {
  const checker = new ContractChecker();
  const ops = allOperations(checker);
  let shared: TestApp;
  let sharedTokens: Tokens;

  async function tokensOf(t: TestApp, sandbox?: string): Promise<Tokens> {
    const out: Tokens = {};
    for (const clientId of ['las-alfa', 'las-beta', 'demo-beheer']) {
      const res = await t.http().post('/oauth/token').type('form').send({ grant_type: 'client_credentials', client_id: clientId, client_secret: `${clientId}-geheim`, ...(sandbox ? { sandbox } : {}) });
      if (res.status !== 200) throw new Error(`token for ${clientId}: ${res.status} ${JSON.stringify(res.body)}`);
      out[clientId] = { token: res.body.access_token, scopes: String(res.body.scope).split(' ') };
    }
    return out;
  }

  /**
   * A vendor where a vendor may call it (the way LAS vendors use the API), else the administrator; administration APIs as
   * the administrator. A message whose example names its sender (bedrijfsdocument.verzendendeInstantie) goes as that vendor.
   */
  function tokenFor(tokens: Tokens, o: Operation, body?: { value: unknown }): string {
    const alternatives = ((o.op.security ?? []) as Json[]).map((r) => (r.oauth2 ?? []) as string[]);
    const fits = (c: string) => alternatives.some((need) => need.every((s) => tokens[c].scopes.includes(s)));
    const oin = (body?.value as Json | undefined)?.bedrijfsdocument?.verzendendeInstantie;
    const sender = DEMO_CLIENTS.find((c) => c.oin === oin && c.role === 'LEVERANCIER')?.clientId;
    const order = o.register === 'beheer' ? ['demo-beheer', 'las-alfa'] : sender ? [sender, 'demo-beheer'] : ['las-alfa', 'demo-beheer'];
    return tokens[order.find(fits) ?? 'demo-beheer'].token;
  }

  beforeAll(async () => {
    // Two tokens for each of ~60 sandboxes of their own: above a vendor's token rate (tested in token-limiet).
    shared = await createTestApp({ TOKEN_RATE_BURST: '500' });
    sharedTokens = await tokensOf(shared);
  });
  afterAll(() => shared?.close());

  const stats = { sent: 0, passed: 0, ownSandboxes: 0 };
  const failures: string[] = [];
  const fail = (text: string) => failures.push(text);

  /** Sends one operation with one body; returns the answer. */
  async function send(t: TestApp, tokens: Tokens, o: Operation, pathValues: Record<string, string>, body?: { mediaType: string; value: unknown }) {
    const params = (o.op.parameters ?? []) as Json[];
    const query: Record<string, string> = {};
    for (const p of params.filter((x) => x.in === 'query')) {
      const ex = exampleOf(p);
      if (ex !== undefined) query[p.name] = String(ex);
      else if (p.required) query[p.name] = String(sample(o.doc, p.schema));
    }
    const url = fillPath(o.basePath + o.path, pathValues) + (Object.keys(query).length ? '?' + new URLSearchParams(query).toString() : '');
    let req = t.http()[o.method.toLowerCase() as 'get'](url);
    if (o.op.security?.length) req = req.set(bearer(tokenFor(tokens, o, body)));
    if (body) {
      if (body.mediaType === 'application/x-www-form-urlencoded') req = req.type('form').send(body.value as Json);
      // A file's example (a binary upload) is its text, sent as it stands.
      else if (typeof body.value === 'string' && !/json/.test(body.mediaType)) req = req.set('Content-Type', body.mediaType).send(Buffer.from(body.value, 'latin1'));
      else req = req.set('Content-Type', body.mediaType).send(JSON.stringify(body.value));
    }
    return req;
  }

  /** Sends the examples an operation's example needs first; false (and a failure) when one of them fails. */
  async function prepare(t: TestApp, tokens: Tokens, o: Operation): Promise<boolean> {
    for (const name of PREREQUISITES[label(o)] ?? []) {
      const pre = ops.find((x) => label(x) === name)!;
      const res = await send(t, tokens, pre, {}, bodies(pre)[0]);
      if (res.status >= 300) {
        fail(`${label(o)}: its prerequisite ${name} gave ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
        return false;
      }
    }
    return true;
  }

  /** Runs an operation with each of its bodies; creators of what its path names first. */
  async function run(t: TestApp, tokens: Tokens, o: Operation, how: { chain?: boolean } = {}): Promise<void> {
    const pathValues: Record<string, string> = {};
    if (!how.chain && !(await prepare(t, tokens, o))) return;
    // A singleton read (GET /bevriezing) after the PUT that makes it.
    const maker = singletonMaker(o);
    if (maker && !how.chain) await send(t, tokens, maker, {}, bodies(maker)[0]);
    const pathParams = ((o.op.parameters ?? []) as Json[]).filter((p) => p.in === 'path');
    for (const p of pathParams) {
      const ex = exampleOf(p);
      const creator = creatorOf(ops, o, p.name);
      const needsCreator = !how.chain && creator && creator !== o && (ex === undefined || deletesWhatItsCreatorMakes(o) || bodies(creator).some((b) => JSON.stringify(b.value).includes(JSON.stringify(String(ex)))));
      if (needsCreator) {
        if (!(await prepare(t, tokens, creator))) return;
        const res = await send(t, tokens, creator, { ...pathExamples(creator), ...pathValues }, bodies(creator)[0]);
        if (res.status >= 300) {
          fail(`${label(o)}: creating ${p.name} with ${label(creator)} gave ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
          return;
        }
        pathValues[p.name] = ex !== undefined ? String(ex) : (findValue(res.body, p.name) ?? findValue(res.body, 'id') ?? '');
      } else if (ex !== undefined) pathValues[p.name] = String(ex);
      else if (how.chain) pathValues[p.name] = created[`${o.register}:${p.name}`] ?? '';
      if (!pathValues[p.name] && ex === undefined) {
        // Nothing creates it directly (a delivery): the first one its collection lists.
        const at = o.path.indexOf(`/{${p.name}}`);
        const list = ops.find((c) => c.register === o.register && c.method === 'GET' && c.path === o.path.slice(0, at));
        if (list) {
          for (const name of BEFORE_LISTING[label(o)] ?? []) {
            const step = ops.find((x) => label(x) === name)!;
            const res = await send(t, tokens, step, pathValues, bodies(step)[0]);
            if (res.status >= 300) {
              fail(`${label(o)}: ${name} before listing ${p.name} gave ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
              return;
            }
          }
          pathValues[p.name] = findValue((await send(t, tokens, list, pathValues)).body, p.name) ?? '';
        }
      }
      if (!pathValues[p.name]) {
        fail(`${label(o)}: no example for path parameter ${p.name} and nothing creates it`);
        return;
      }
    }
    const variants = bodies(o);
    if (o.op.requestBody?.required && variants.length === 0) {
      fail(`${label(o)}: no request body example (${Object.keys(o.op.requestBody.content ?? {}).join(', ')})`);
      return;
    }
    for (const body of variants.length ? variants : [undefined]) {
      const before = t.contractViolations.length;
      const res = await send(t, tokens, o, pathValues, body);
      stats.sent++;
      const documented = Object.keys(o.op.responses ?? {}).filter((s) => s.startsWith('2'));
      const name = `${label(o)}${body ? ` (${body.name})` : ''} → ${res.status}`;
      if (!documented.includes(String(res.status))) fail(`${name}, documented ${documented.join('/')}: ${JSON.stringify(res.body).slice(0, 400)}`);
      else if (t.contractViolations.length > before) fail(`${name}: ${t.contractViolations.slice(before).join('; ')}`);
      else stats.passed++;
      // What a create answers is what the next operations of a chain name.
      if (res.status < 300 && rank(o) === 0) for (const p of pathParamsOfMembers(o)) created[`${o.register}:${p}`] ??= findValue(res.body, p) ?? '';
    }
  }

  const created: Record<string, string> = {};
  /** The path parameters of the member paths under a collection (`/sandboxes` → sandboxCode). */
  const pathParamsOfMembers = (o: Operation) => [...new Set(ops.filter((x) => x.register === o.register && x.path.startsWith(o.path + '/{')).map((x) => /^\/\{(\w+)\}/.exec(x.path.slice(o.path.length))![1]))];

  const singletonMaker = (o: Operation) => (o.method === 'GET' && !o.path.includes('{') ? ops.find((x) => x.register === o.register && x.method === 'PUT' && x.path === o.path) : undefined);

  /** A delete removes what its collection's create example makes (seed objects are in use), in the same sandbox. */
  const deletesWhatItsCreatorMakes = (o: Operation) => o.method === 'DELETE' && o.register === 'rio';

  /** Needs a sandbox of its own: changes state, or reads something another operation creates first. */
  const ownSandbox = (o: Operation) =>
    !!singletonMaker(o) ||
    (WRITE.has(o.method) && o.path !== '/oauth/token' && !o.path.endsWith('/_zoek')) ||
    ((o.op.parameters ?? []) as Json[]).some((p) => p.in === 'path' && creatorOf(ops, o, p.name) && (exampleOf(p) === undefined || bodies(creatorOf(ops, o, p.name)!).some((b) => JSON.stringify(b.value).includes(JSON.stringify(String(exampleOf(p)))))));

  /** Ordered as a person works through a resource: create it, read it, change it, delete it. */
  const rank = (o: Operation) => (o.method === 'POST' && !/\}$/.test(o.path) && !o.path.includes('}/') ? 0 : o.method === 'GET' ? 1 : o.method === 'DELETE' ? 3 : 2);

  it('sends every request example and gets a documented success', async () => {
    const started = Date.now();
    // Reads of the seed on the shared default sandbox.
    for (const o of ops.filter((x) => !ownSandbox(x))) await run(shared, sharedTokens, o);
    // Everything else in a fresh small sandbox of its own; the administration API (clients, sandboxes) has no
    // sandbox of its own, so its examples run as one chain on the shared app: create, read, change, delete.
    let n = 0;
    for (const o of ops.filter((x) => ownSandbox(x) && x.register !== 'beheer')) {
      const code = `voorbeeld-${++n}`;
      const made = await shared.http().post('/beheer/v1/sandboxes').set(bearer(sharedTokens['demo-beheer'].token)).send({ code, seed: 'small', clientIds: ['las-alfa', 'las-beta'] });
      expect(made.status).toBe(201);
      stats.ownSandboxes++;
      await run(shared, await tokensOf(shared, code), o);
    }
    const beheer = ops.filter((x) => ownSandbox(x) && x.register === 'beheer').sort((a, b) => rank(a) - rank(b));
    for (const o of beheer) await run(shared, sharedTokens, o, { chain: true });
    console.log(`examples: ${stats.sent} requests sent from the documents' examples, ${stats.passed} passed, ${stats.ownSandboxes} operations in a sandbox of their own, ${Math.round((Date.now() - started) / 1000)} s; ${failures.length} failures`);
    // Every example works: none is waiting to be fixed.
    expect(failures).toEqual([]);
    expect(stats.sent).toBeGreaterThan(100);
  }, 900_000);

  it('every error example belongs to its operation', () => {
    expect(exampleFailures(checker.documents)).toEqual([]);
  });

  it('the check can fail: a path example not in the seed, and an error example of another operation', async () => {
    const o = ops.find((x) => x.register === 'rio' && x.method === 'GET' && x.path === '/onderwijsaanbieders/{onderwijsaanbiedercode}')!;
    expect(o).toBeDefined();
    const res = await send(shared, sharedTokens, o, { onderwijsaanbiedercode: '100A999' });
    expect(res.status).toBe(404);
    const doc = structuredClone(checker.documents.find((d) => d.key === 'rod')!);
    const post = doc.doc.paths['/identificaties'].post;
    post.responses['409'] = { content: { 'application/problem+json': { example: { status: 409, code: 'sandbox_exists', instance: '/rod/v1/inschrijvingen' } } } };
    expect(exampleFailures([doc]).join('\n')).toMatch(/sandbox_exists/);
    expect(deref(doc.doc, { $ref: '#/components/schemas/Problem' })).toBeDefined();
  });
});
