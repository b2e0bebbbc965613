import { bearer, tokenFor } from '../support/auth';
import { expectInvalid, expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';
import { KlokWorker } from '../../src/klok';

describe('klok: the test clock of a sandbox', () => {
  let t: TestApp;
  let admin: string;
  let alfa: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await tokenFor(t, 'demo-beheer');
    alfa = await tokenFor(t, 'las-alfa');
    const res = await t.http().post('/beheer/v1/sandboxes').set(bearer(admin)).send({ code: 'andere', seed: 'empty' });
    expect(res.status).toBe(201);
  });
  afterAll(() => t.close());

  const klok = (token: string, code = 'default') => t.http().get(`/beheer/v1/sandboxes/${code}/klok`).set(bearer(token));
  const zet = (token: string, body: object, code = 'default') => t.http().put(`/beheer/v1/sandboxes/${code}/klok`).set(bearer(token)).send(body);
  const verschuif = (token: string, body: object, code = 'default') => t.http().post(`/beheer/v1/sandboxes/${code}/klok/verschuivingen`).set(bearer(token)).send(body);

  it('runs on real time by default', async () => {
    const res = await klok(admin, 'andere');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual({ sandboxCode: 'andere', mode: 'REAL', now: expect.any(String), vandaag: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), offsetMs: 0, verwerktTot: null });
    expect(Math.abs(new Date(res.body.now).getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('freezes at an instant given with any offset, and reports it in UTC', async () => {
    const res = await zet(admin, { mode: 'FROZEN', now: '2026-01-15T09:30:00+01:00' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ mode: 'FROZEN', now: '2026-01-15T08:30:00.000Z', vandaag: '2026-01-15', offsetMs: 0, verwerktTot: '2026-01-15' });
    const again = await klok(admin);
    expect(again.body.now).toBe('2026-01-15T08:30:00.000Z');
  });

  it('advances a frozen clock by a duration and keeps it frozen; the planning marker follows', async () => {
    const res = await verschuif(admin, { duur: 'P1DT2H' });
    expect(res.status).toBe(200);
    expect(res.body.klok).toMatchObject({ mode: 'FROZEN', now: '2026-01-16T10:30:00.000Z', vandaag: '2026-01-16', verwerktTot: '2026-01-16' });
    expect(res.body.verwerkt).toEqual(expect.any(Array));
  });

  it('sets the clock forward at most three years in one PUT (as a verschuiving), back as far as wanted', async () => {
    const voor = (await klok(admin)).body;
    const ver = await zet(admin, { mode: 'FROZEN', now: '2150-01-01T00:00:00Z' });
    expectInvalid(ver, [{ pointer: '/now', code: 'klok_ongeldige_verschuiving' }]);
    const dertig = new Date(new Date(voor.now).getTime() + 30 * 365 * 86_400_000).toISOString();
    expectInvalid(await zet(admin, { mode: 'REAL', now: dertig }), [{ pointer: '/now', code: 'klok_ongeldige_verschuiving' }]);
    expect((await klok(admin)).body).toEqual(voor);
    expect((await zet(admin, { mode: 'FROZEN', now: new Date(new Date(voor.now).getTime() - 2 * 365 * 86_400_000).toISOString() })).status).toBe(200);
    expect((await zet(admin, { mode: 'FROZEN', now: voor.now })).status).toBe(200);
  });

  it('advances to an instant', async () => {
    const res = await verschuif(admin, { tot: '2026-01-20T00:00:00Z' });
    expect(res.status).toBe(200);
    expect(res.body.klok).toMatchObject({ now: '2026-01-20T00:00:00.000Z', vandaag: '2026-01-20' });
  });

  it('lets time run again from where it stands (unfreeze), with an offset from real time', async () => {
    const res = await zet(admin, { mode: 'REAL' });
    expect(res.status).toBe(200);
    expect(res.body.mode).toBe('REAL');
    expect(res.body.offsetMs).toBeLessThan(0);
    expect(new Date(res.body.now).getTime()).toBeGreaterThanOrEqual(new Date('2026-01-20T00:00:00Z').getTime());
    const later = await verschuif(admin, { duur: 'PT1H' });
    expect(later.body.klok.mode).toBe('REAL');
    expect(later.body.klok.offsetMs).toBeGreaterThan(res.body.offsetMs + 3_599_000);
  });

  it('setting the clock back moves the planning marker back with it', async () => {
    const res = await zet(admin, { mode: 'FROZEN', now: '2026-01-10T12:00:00Z' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ vandaag: '2026-01-10', verwerktTot: '2026-01-10' });
  });

  it('lets a vendor with scope klok move the clock of a sandbox of its own, and no other', async () => {
    expect((await t.http().post('/beheer/v1/sandboxes').set(bearer(admin)).send({ code: 'alleen-alfa', seed: 'empty', clientIds: ['las-alfa'] })).status).toBe(201);
    const eigen = await tokenFor(t, 'las-alfa', undefined, { sandbox: 'alleen-alfa' });
    expect((await zet(eigen, { mode: 'FROZEN', now: '2026-01-10T12:00:00Z' }, 'alleen-alfa')).status).toBe(200);
    const own = await verschuif(eigen, { duur: 'P1D' }, 'alleen-alfa');
    expect(own.status).toBe(200);
    expect(own.body.klok.vandaag).toBe('2026-01-11');
    expectProblem(await klok(eigen, 'andere'), 403, 'klok_andere_sandbox');
    expectProblem(await verschuif(eigen, { duur: 'P1D' }, 'andere'), 403, 'klok_andere_sandbox');
  });

  it('never lets a vendor move the clock of a shared sandbox: the default sandbox, or one bound to more clients', async () => {
    const before = (await klok(admin)).body;
    expect((await klok(alfa)).status).toBe(200);
    expectProblem(await verschuif(alfa, { duur: 'P1D' }), 403, 'klok_gedeelde_sandbox');
    expectProblem(await zet(alfa, { mode: 'FROZEN', now: '2030-01-01T00:00:00Z' }), 403, 'klok_gedeelde_sandbox');
    expect((await klok(admin)).body).toMatchObject({ mode: before.mode, vandaag: before.vandaag, offsetMs: before.offsetMs });

    expect((await t.http().post('/beheer/v1/sandboxes').set(bearer(admin)).send({ code: 'samen', seed: 'empty', clientIds: ['las-alfa', 'las-beta'] })).status).toBe(201);
    const samen = await tokenFor(t, 'las-alfa', undefined, { sandbox: 'samen' });
    expectProblem(await verschuif(samen, { duur: 'P1D' }, 'samen'), 403, 'klok_gedeelde_sandbox');
    expect((await verschuif(admin, { duur: 'P1D' }, 'samen')).status).toBe(200);
  });

  it('refuses a token without scope beheer or klok', async () => {
    const rod = await tokenFor(t, 'las-alfa', undefined, { scope: 'rod.lezen' });
    expectProblem(await klok(rod), 403, 'insufficient_scope');
  });

  it('lets real time passing trigger the work too: the worker tick catches a sandbox up to its today', async () => {
    const [{ id }] = await t.db.query(`SELECT id FROM sandbox WHERE code = 'andere'`);
    await t.db.query(`INSERT INTO klok_planning (sandbox_id, verwerkt_tot) VALUES ($1, '2020-01-01') ON CONFLICT (sandbox_id) DO UPDATE SET verwerkt_tot = '2020-01-01'`, [id]);
    await t.app.get(KlokWorker).tick();
    const res = await klok(admin, 'andere');
    expect(res.body.verwerktTot).toBe(res.body.vandaag);
  });

  it('answers 404 for an unknown sandbox', async () => {
    expectProblem(await klok(admin, 'bestaat-niet'), 404, 'sandbox_not_found');
  });

  it('lists every invalid value at once', async () => {
    expectInvalid(await zet(admin, { mode: 'STIL', now: 'gisteren' }), [{ pointer: '/mode' }, { pointer: '/now' }]);
    expectInvalid(await verschuif(admin, {}), [{ code: 'klok_ongeldige_verschuiving' }]);
    expectInvalid(await verschuif(admin, { duur: 'P1D', tot: '2030-01-01T00:00:00Z' }), [{ code: 'klok_ongeldige_verschuiving' }]);
    expectInvalid(await verschuif(admin, { duur: 'P1DT' }), [{ pointer: '/duur', code: 'klok_ongeldige_verschuiving' }]);
    expectInvalid(await verschuif(admin, { tot: '2020-01-01T00:00:00Z' }), [{ pointer: '/tot', code: 'klok_ongeldige_verschuiving' }]);
    expectInvalid(await verschuif(admin, { duur: 'P4Y' }), [{ pointer: '/duur', code: 'klok_ongeldige_verschuiving' }]);
  });
});
