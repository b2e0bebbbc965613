import { bearer, tokenFor } from '../support/auth';
import { expectInvalid, expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';

describe('/beheer/v1/sandboxes', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await tokenFor(t, 'demo-beheer');
  });
  afterAll(() => t.close());

  it('has the default sandbox from the first start', async () => {
    const res = await t.http().get('/beheer/v1/sandboxes/default').set(bearer(admin));
    expect(res.status).toBe(200);
    expect(res.body).toEqual(expect.objectContaining({ code: 'default', isDefault: true, seed: 'small', seedValue: 1 }));
    expect(res.body.klok.mode).toBe('REAL');
    expect(res.body.clientIds).toEqual(['demo-beheer', 'las-alfa', 'las-beta']);
  });

  it('creates an empty sandbox and binds clients', async () => {
    const res = await t.http().post('/beheer/v1/sandboxes').set(bearer(admin)).send({ code: 'ci-1', naam: 'CI 1', seed: 'empty', clientIds: ['las-alfa'] });
    expect(res.status).toBe(201);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual(expect.objectContaining({ code: 'ci-1', naam: 'CI 1', seed: 'empty', seedValue: 1, isDefault: false, clientIds: ['las-alfa'] }));
    const list = await t.http().get('/beheer/v1/sandboxes').set(bearer(admin));
    expect(list.body.items.map((s: { code: string }) => s.code)).toEqual(['default', 'ci-1']);
  });

  it('lists every invalid field at once and refuses unknown clients', async () => {
    expectInvalid(await t.http().post('/beheer/v1/sandboxes').set(bearer(admin)).send({ code: '-Bad-', seed: 'huge', seedValue: -1, extra: 1 }), [
      { pointer: '/code' },
      { pointer: '/seed' },
      { pointer: '/seedValue' },
      { pointer: '/extra', code: 'unknown_field' },
    ]);
    expectInvalid(await t.http().post('/beheer/v1/sandboxes').set(bearer(admin)).send({ code: 'ok-code', clientIds: ['niemand'] }), [{ pointer: '/clientIds/0', code: 'client_not_found' }]);
    expectProblem(await t.http().get('/beheer/v1/sandboxes/ok-code').set(bearer(admin)), 404, 'sandbox_not_found');
  });

  it('gives 409 for an existing code and protects the default sandbox', async () => {
    expectProblem(await t.http().post('/beheer/v1/sandboxes').set(bearer(admin)).send({ code: 'default' }), 409, 'sandbox_exists');
    expectProblem(await t.http().delete('/beheer/v1/sandboxes/default').set(bearer(admin)), 409, 'default_sandbox_protected');
  });

  it('is for administrators only', async () => {
    const vendor = await tokenFor(t, 'las-alfa');
    expectProblem(await t.http().get('/beheer/v1/sandboxes'), 401, 'unauthorized');
    expectProblem(await t.http().post('/beheer/v1/sandboxes').set(bearer(vendor)).send({ code: 'mine' }), 403, 'insufficient_scope');
    expectProblem(await t.http().post('/beheer/v1/sandboxes/default/resets').set(bearer(vendor)), 403, 'insufficient_scope');
  });

  it('deletes a sandbox: its tokens stop working and its code is free again', async () => {
    await t.http().post('/beheer/v1/sandboxes').set(bearer(admin)).send({ code: 'kort', seed: 'empty', clientIds: ['las-beta'] });
    const token = await tokenFor(t, 'las-beta', undefined, { sandbox: 'kort' });
    const del = await t.http().delete('/beheer/v1/sandboxes/kort').set(bearer(admin));
    expect(del.status).toBe(204);
    expectProblem(await t.http().get('/beheer/v1/sandboxes/kort').set(bearer(admin)), 404, 'sandbox_not_found');
    expectProblem(await t.http().delete('/beheer/v1/sandboxes/kort').set(bearer(admin)), 404, 'sandbox_not_found');
    // the sandbox's token is refused (401, before any scope check) while its signature is still valid
    expectProblem(await t.http().get('/beheer/v1/sandboxes').set(bearer(token)), 401, 'unauthorized');
    expectProblem(await t.http().post('/oauth/token').type('form').send({ grant_type: 'client_credentials', client_id: 'las-beta', client_secret: 'las-beta-geheim', sandbox: 'kort' }), 400, 'invalid_target');
    expect((await t.http().post('/beheer/v1/sandboxes').set(bearer(admin)).send({ code: 'kort', seed: 'empty' })).status).toBe(201);
  });

  it('resets a sandbox: its clock goes back to real time and lastResetAt is set', async () => {
    const bevroren = await t.http().put('/beheer/v1/sandboxes/ci-1/klok').set(bearer(admin)).send({ mode: 'FROZEN', now: new Date().toISOString() });
    expect(bevroren.status).toBe(200);
    expect(bevroren.body.mode).toBe('FROZEN');
    const res = await t.http().post('/beheer/v1/sandboxes/ci-1/resets').set(bearer(admin));
    expect(res.status).toBe(200);
    expect(res.body.klok.mode).toBe('REAL');
    expect(res.body.lastResetAt).toEqual(expect.any(String));
    expectProblem(await t.http().post('/beheer/v1/sandboxes/nergens/resets').set(bearer(admin)), 404, 'sandbox_not_found');
  });
});
