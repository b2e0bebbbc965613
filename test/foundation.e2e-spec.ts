import { createTestApp, TestApp } from './support/test-app';
import { bearer, tokenFor } from './support/auth';
import { expectProblem } from './support/problems';

describe('cross-cutting HTTP behaviour', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await tokenFor(t, 'demo-beheer');
  });
  afterAll(() => t.close());

  it('answers liveness and readiness (the database is checked)', async () => {
    const live = await t.http().get('/health/live');
    expect(live.status).toBe(200);
    expect(live.body).toEqual({ status: 'UP' });
    const ready = await t.http().get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.checks.database.status).toBe('UP');
  });

  it('sends API-Version and the security headers on every response, errors included', async () => {
    for (const res of [await t.http().get('/beheer/v1/sandboxes').set(bearer(admin)), await t.http().get('/beheer/v1/sandboxes'), await t.http().get('/nothing-here')]) {
      expect(res.headers['api-version']).toBe('1.0.0');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['content-security-policy']).toBe("frame-ancestors 'none'");
      expect(res.headers['strict-transport-security']).toMatch(/max-age=/);
      expect(res.headers['access-control-allow-origin']).toBe('*');
      expect(res.headers['correlation-id']).toBeTruthy();
    }
  });

  it('echoes a given correlation id', async () => {
    const res = await t.http().get('/health/live').set('Correlation-Id', 'ci-run-42');
    expect(res.headers['correlation-id']).toBe('ci-run-42');
  });

  it('serves the OpenAPI document publicly with CORS *', async () => {
    const res = await t.http().get('/beheer/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.body.openapi).toMatch(/^3\./);
    expect(res.body.info.version).toBe(res.headers['api-version']);
    expect(res.body.servers[0].url).toBe('/beheer/v1');
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/clients', '/sandboxes/{sandboxCode}']));
  });

  it('gives 404 problem for an unknown path and for a trailing slash (no redirect)', async () => {
    expectProblem(await t.http().get('/beheer/v1/nope').set(bearer(admin)), 404, 'not_found');
    expectProblem(await t.http().get('/beheer/v1/sandboxes/').set(bearer(admin)), 404, 'not_found');
  });

  it('gives 405 with Allow for a known path and another method', async () => {
    const res = await t.http().put('/beheer/v1/sandboxes').set(bearer(admin));
    expectProblem(res, 405, 'method_not_allowed');
    expect(res.headers.allow).toContain('GET');
    expect(res.headers.allow).toContain('POST');
  });

  it('answers malformed JSON and a wrong content type with a 4xx problem, never a 5xx', async () => {
    const bad = await t.http().post('/beheer/v1/sandboxes').set(bearer(admin)).set('Content-Type', 'application/json').send('{"code": ');
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    const text = await t.http().post('/beheer/v1/sandboxes').set(bearer(admin)).set('Content-Type', 'text/plain').send('code=x');
    expect(text.status).toBe(415);
    expect(text.headers['content-type']).toMatch(/^application\/problem\+json/);
    const empty = await t.http().post('/beheer/v1/sandboxes').set(bearer(admin));
    expect(empty.status).toBe(400);
  });

  it('lists every invalid query parameter at once', async () => {
    const res = await t.http().get('/beheer/v1/sandboxes?page=0&pageSize=500').set(bearer(admin));
    const body = expectProblem(res, 400, 'invalid_input');
    expect(body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ parameter: 'page' }), expect.objectContaining({ parameter: 'pageSize' })]));
  });

  it('writes one JSON log line per request with the correlation id', async () => {
    await t.http().get('/health/live').set('Correlation-Id', 'log-check-1');
    const line = t.logs.map((l) => JSON.parse(l)).find((l) => l.correlationId === 'log-check-1');
    expect(line).toEqual(expect.objectContaining({ msg: 'request', method: 'GET', path: '/health/live', status: 200 }));
  });
});
