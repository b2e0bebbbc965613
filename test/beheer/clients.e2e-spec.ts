import { bearer, demo, tokenFor } from '../support/auth';
import { expectInvalid, expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';

describe('/beheer/v1/clients', () => {
  let t: TestApp;
  let admin: string;
  let vendor: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await tokenFor(t, 'demo-beheer');
    vendor = await tokenFor(t, 'las-alfa');
  });
  afterAll(() => t.close());

  const gamma = { clientId: 'las-gamma', naam: 'LAS Gamma', role: 'LEVERANCIER', oin: '00000003333333330000', bestuurcodes: ['100B003'] };

  it('creates a vendor client, shows its secret once and stores only a hash', async () => {
    const res = await t.http().post('/beheer/v1/clients').set(bearer(admin)).send(gamma);
    expect(res.status).toBe(201);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual(expect.objectContaining({ clientId: 'las-gamma', role: 'LEVERANCIER', sandboxes: ['default'], active: true, bestuurcodes: ['100B003'] }));
    expect(res.body.clientSecret).toMatch(/^[\w-]{40,}$/);
    expect(res.body.scopes).not.toContain('beheer');
    const [row] = await t.db.query(`SELECT secret_hash FROM api_client WHERE client_id = 'las-gamma'`);
    expect(row.secret_hash).toMatch(/^scrypt\$/);
    expect(row.secret_hash).not.toContain(res.body.clientSecret);
    const token = await tokenFor(t, 'las-gamma', res.body.clientSecret);
    expect(token).toBeTruthy();
    const read = await t.http().get('/beheer/v1/clients/las-gamma').set(bearer(admin));
    expect(read.status).toBe(200);
    expect(read.body.clientSecret).toBeUndefined();
  });

  it('lists every invalid field at once', async () => {
    const res = await t.http().post('/beheer/v1/clients').set(bearer(admin)).send({ clientId: 'X!', role: 'ROOT', oin: '123', bestuurcodes: ['B1'], onbekend: true });
    expectInvalid(res, [
      { pointer: '/clientId' },
      { pointer: '/naam' },
      { pointer: '/role' },
      { pointer: '/oin' },
      { pointer: '/bestuurcodes' },
      { pointer: '/onbekend', code: 'unknown_field' },
    ]);
  });

  it('refuses scopes beyond the role and unknown sandboxes, together', async () => {
    const res = await t.http().post('/beheer/v1/clients').set(bearer(admin)).send({ ...gamma, clientId: 'las-delta', scopes: ['rio.lezen', 'beheer'], sandboxes: ['default', 'nergens'] });
    expectInvalid(res, [
      { pointer: '/scopes/1', code: 'scope_not_allowed_for_role' },
      { pointer: '/sandboxes/1', code: 'sandbox_not_found' },
    ]);
    expectProblem(await t.http().get('/beheer/v1/clients/las-delta').set(bearer(admin)), 404, 'client_not_found');
  });

  it('gives 409 for an existing client id', async () => {
    expectProblem(await t.http().post('/beheer/v1/clients').set(bearer(admin)).send({ ...gamma, clientId: 'las-alfa' }), 409, 'client_exists');
  });

  it('is for administrators only: 401 without token, 403 for a vendor', async () => {
    expectProblem(await t.http().get('/beheer/v1/clients'), 401, 'unauthorized');
    expectProblem(await t.http().get('/beheer/v1/clients').set(bearer(vendor)), 403, 'insufficient_scope');
    expectProblem(await t.http().post('/beheer/v1/clients').set(bearer(vendor)).send(gamma), 403, 'insufficient_scope');
  });

  it('lists clients with pagination and a role filter', async () => {
    const res = await t.http().get('/beheer/v1/clients?role=LEVERANCIER&pageSize=1').set(bearer(admin));
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0].role).toBe('LEVERANCIER');
    expect(res.body.page.totalElements).toBeGreaterThanOrEqual(2);
    expect(res.body._links.next.href).toContain('role=LEVERANCIER');
    expectInvalid(await t.http().get('/beheer/v1/clients?role=ROOT&pageSize=101').set(bearer(admin)), [{ parameter: 'role' }, { parameter: 'pageSize' }]);
  });

  it('rotates a secret: the new one works, the old one stops working', async () => {
    const res = await t.http().post('/beheer/v1/clients/las-beta/secrets').set(bearer(admin));
    expect(res.status).toBe(201);
    expect(res.body.clientSecret).not.toBe(demo['las-beta'].secret);
    await expect(tokenFor(t, 'las-beta')).rejects.toThrow(/401/);
    await expect(tokenFor(t, 'las-beta', res.body.clientSecret)).resolves.toEqual(expect.any(String));
    expectProblem(await t.http().post('/beheer/v1/clients/niemand/secrets').set(bearer(admin)), 404, 'client_not_found');
  });

  it('disables a client: no new tokens and its issued tokens stop working', async () => {
    const created = await t.http().post('/beheer/v1/clients').set(bearer(admin)).send({ ...gamma, clientId: 'las-tijdelijk', role: 'BEHEER' });
    const token = await tokenFor(t, 'las-tijdelijk', created.body.clientSecret);
    expect((await t.http().get('/beheer/v1/sandboxes').set(bearer(token))).status).toBe(200);
    const patched = await t.http().patch('/beheer/v1/clients/las-tijdelijk').set(bearer(admin)).send({ active: false, naam: 'Uit' });
    expect(patched.status).toBe(200);
    expect(patched.body).toEqual(expect.objectContaining({ active: false, naam: 'Uit' }));
    expectProblem(await t.http().get('/beheer/v1/sandboxes').set(bearer(token)), 401, 'unauthorized');
    await expect(tokenFor(t, 'las-tijdelijk', created.body.clientSecret)).rejects.toThrow(/401/);
  });

  it("an issued token follows the client's besturen, scopes and sandboxes at once", async () => {
    const created = await t.http().post('/beheer/v1/clients').set(bearer(admin)).send({ ...gamma, clientId: 'las-wisselend', bestuurcodes: ['100B001'], sandboxes: ['default'] });
    expect(created.status).toBe(201);
    const token = await tokenFor(t, 'las-wisselend', created.body.clientSecret);
    const locatie = () => t.http().post('/rio/v1/onderwijslocaties').set(bearer(token)).send({ postcode: '3581AB', huisnummer: 10 });
    const gebruik = () => t.http().put('/rio/v1/onderwijsbesturen/100B001/onderwijslocatiegebruiken/100X001').set(bearer(token)).send({ inBedrijfdatum: '1996-08-01', periodes: [{ begindatum: '1996-08-01' }], relaties: [{ vestigingscode: '01AA00', begindatum: '1996-08-01' }] });
    expect((await gebruik()).status).toBe(200);
    // the bestuur is taken away: the same token may no longer write for it
    expect((await t.http().patch('/beheer/v1/clients/las-wisselend').set(bearer(admin)).send({ bestuurcodes: ['100B002'] })).status).toBe(200);
    expectProblem(await gebruik(), 403, 'forbidden');
    // a scope is taken away
    expect([200, 201]).toContain((await locatie()).status);
    expect((await t.http().patch('/beheer/v1/clients/las-wisselend').set(bearer(admin)).send({ scopes: ['rio.lezen'] })).status).toBe(200);
    expectProblem(await locatie(), 403, 'insufficient_scope');
    expect((await t.http().get('/rio/v1/onderwijslocaties/100X001').set(bearer(token))).status).toBe(200);
    // the sandbox is unbound
    expect((await t.http().patch('/beheer/v1/clients/las-wisselend').set(bearer(admin)).send({ sandboxes: [] })).status).toBe(200);
    expectProblem(await t.http().get('/rio/v1/onderwijslocaties/100X001').set(bearer(token)), 401, 'unauthorized');
  });

  it('deletes a client, but not the caller itself', async () => {
    await t.http().post('/beheer/v1/clients').set(bearer(admin)).send({ ...gamma, clientId: 'las-weg' });
    const del = await t.http().delete('/beheer/v1/clients/las-weg').set(bearer(admin));
    expect(del.status).toBe(204);
    expectProblem(await t.http().get('/beheer/v1/clients/las-weg').set(bearer(admin)), 404, 'client_not_found');
    expectProblem(await t.http().delete('/beheer/v1/clients/las-weg').set(bearer(admin)), 404, 'client_not_found');
    expectProblem(await t.http().delete('/beheer/v1/clients/demo-beheer').set(bearer(admin)), 409, 'own_client_protected');
  });

  it('validates the path parameter', async () => {
    expectInvalid(await t.http().get('/beheer/v1/clients/NOT_VALID').set(bearer(admin)), [{ parameter: 'clientId' }]);
  });
});
