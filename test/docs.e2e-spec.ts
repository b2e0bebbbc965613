import { runInNewContext } from 'node:vm';
import { ALL_SCOPES, ROLE_SCOPES } from '../src/common/auth/scopes';
import { REGISTER_APIS } from '../src/registers';
import { bearer, demo, tokenFor } from './support/auth';
import { expectProblem } from './support/problems';
import { createTestApp, TestApp } from './support/test-app';

type Json = Record<string, any>;

/** Swagger UI and the OpenAPI documents as a person meets them in a browser. */
describe('docs: Swagger UI and the OpenAPI documents', () => {
  let t: TestApp;
  const docs: Record<string, Json> = {};

  beforeAll(async () => {
    t = await createTestApp();
    for (const key of REGISTER_APIS.map((r) => r.info.key)) docs[key] = (await t.http().get(`/${key}/v1/openapi.json`)).body;
  });
  afterAll(() => t.close());

  /** Runs the page's script the way a browser would, and returns the configuration it gave Swagger UI. */
  function swaggerConfig(html: string, stored: Record<string, string> = {}): { config: Json; sandboxInput: { value: string } } {
    const script = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
    const sandboxInput = { value: '', addEventListener: () => undefined };
    let config: Json = {};
    runInNewContext(script, {
      document: { getElementById: (id: string) => (id === 'sandbox' ? sandboxInput : null) },
      localStorage: { getItem: (k: string) => stored[k] ?? null, setItem: (k: string, v: string) => (stored[k] = v) },
      location: { href: 'http://localhost:3000/docs' },
      URL,
      SwaggerUIBundle: Object.assign((c: Json) => (config = c), { presets: { apis: {} } }),
      SwaggerUIStandalonePreset: {},
      window: {},
    });
    return { config, sandboxInput };
  }

  it('leads from / to the docs, which open on ROD; each register has its own URL', async () => {
    const root = await t.http().get('/');
    expect(root.status).toBe(302);
    expect(root.headers.location).toBe('/docs');

    const home = await t.http().get('/docs');
    expect(home.status).toBe(200);
    expect(home.headers['content-type']).toMatch(/^text\/html/);
    const { config } = swaggerConfig(home.text);
    expect(config['urls.primaryName']).toBe(docs.rod.info.title);
    expect(config.urls.map((u: Json) => u.url).slice(0, 2)).toEqual(['/rod/v1/openapi.json', '/rio/v1/openapi.json']);
    expect(config.urls.map((u: Json) => u.url).sort()).toEqual(Object.keys(docs).map((k) => `/${k}/v1/openapi.json`).sort());

    for (const key of Object.keys(docs)) {
      const res = await t.http().get(`/docs/${key}`);
      expect(res.status).toBe(200);
      expect(swaggerConfig(res.text).config['urls.primaryName']).toBe(docs[key].info.title);
      for (const u of config.urls) expect((await t.http().get(u.url)).status).toBe(200);
    }
    expect((await t.http().get('/docs/bestaat-niet')).status).toBe(404);
    expect((await t.http().get('/docs/assets/swagger-ui-bundle.js')).status).toBe(200);
  });

  it('describes every tag, in the order a vendor works (identificatie before inschrijvingen)', () => {
    // A register's tags are listed, with their descriptions and order, in src/registers.ts.
    for (const doc of Object.values(docs)) {
      const used = new Set<string>();
      for (const item of Object.values(doc.paths as Json)) for (const op of Object.values(item as Json)) for (const tag of op.tags ?? []) used.add(tag);
      expect(doc.tags.map((t: Json) => t.name).sort()).toEqual([...used].sort());
      for (const tag of doc.tags) expect({ tag: tag.name, description: tag.description }).toEqual({ tag: tag.name, description: expect.stringMatching(/\w{3,}.*\./) });
    }
    const rod = docs.rod.tags.map((t: Json) => t.name);
    expect(rod.indexOf('Identificatie')).toBeLessThan(rod.indexOf('Inschrijvingen'));
    expect(rod.indexOf('Inschrijvingen')).toBeLessThan(rod.indexOf('Bekostiging'));
    expect(rod[rod.length - 1]).toBe('OpenAPI');
    expect(docs.rod.paths['/identificaties'].post.tags).toEqual(['Identificatie']);
  });

  it('Authorize: asks the token endpoint for the chosen sandbox, and "select all" scopes gives a vendor the scopes it holds', async () => {
    const admin = await tokenFor(t, 'demo-beheer');
    expect((await t.http().post('/beheer/v1/sandboxes').set(bearer(admin)).send({ code: 'mijn-sandbox', seed: 'empty', clientIds: ['las-alfa'] })).status).toBe(201);

    const { config, sandboxInput } = swaggerConfig((await t.http().get('/docs')).text, { 'rodsim.sandbox': 'mijn-sandbox' });
    expect(sandboxInput.value).toBe('mijn-sandbox');
    const scheme = docs.rod.components.securitySchemes.oauth2.flows.clientCredentials;
    // What Swagger UI sends for client credentials with every scope of the document selected.
    const request = config.requestInterceptor({ url: scheme.tokenUrl, method: 'POST', body: `grant_type=client_credentials&scope=${encodeURIComponent(Object.keys(scheme.scopes).join(' '))}` });
    expect(request.body).toMatch(/&sandbox=mijn-sandbox$/);
    expect(config.requestInterceptor({ url: '/rod/v1/berichten', body: undefined }).body).toBeUndefined();

    const res = await t.http().post(scheme.tokenUrl).auth('las-alfa', demo['las-alfa'].secret).type('form').send(request.body);
    expect(res.status).toBe(200);
    expect(res.body.sandbox).toBe('mijn-sandbox');
    expect(res.body.scope.split(' ').sort()).toEqual([...ROLE_SCOPES.LEVERANCIER].sort());
    expect(Object.keys(scheme.scopes).sort()).toEqual([...ALL_SCOPES].sort());
  });

  it('lists scopes as alternatives when either suffices, and the server accepts each alternative alone', async () => {
    const alternatives = docs.rod.paths['/bekostigingsstatussen'].get.security;
    expect(alternatives).toEqual([{ oauth2: ['rod.lezen'] }, { oauth2: ['rod.berichten'] }]);
    for (const doc of Object.values(docs)) {
      for (const item of Object.values(doc.paths as Json)) for (const op of Object.values(item as Json)) for (const req of op.security ?? []) expect(req.oauth2).toHaveLength(1);
    }
    for (const scope of ['rod.lezen', 'rod.berichten']) {
      const token = await tokenFor(t, 'las-alfa', undefined, { scope });
      expect((await t.http().get('/rod/v1/bekostigingsstatussen?instellingscode=01AA').set(bearer(token))).status).toBe(200);
    }
    const neither = await tokenFor(t, 'las-alfa', undefined, { scope: 'rod.aanleveren' });
    expectProblem(await t.http().get('/rod/v1/bekostigingsstatussen?instellingscode=01AA').set(bearer(neither)), 403, 'insufficient_scope');
  });
});
