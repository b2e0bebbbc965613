import type { Response } from 'supertest';
import { bearer } from '../support/auth';
import { expectInvalid, expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';
import { aanbiederBody, expectJson, foutcodes, opleidingBody, rioSetup, RioTest } from './rio-support';

/**
 * Authorisation matrix over every RIO write (rio.md §7 AUT401): las-alfa acts for 100B001 (BRIN4 01AA/01AB/01AC),
 * las-beta for 100B002 (BRIN4 02AA/02AB/02AC, locatie 100X004). A write must be covered for every bestuur and
 * BRIN4 it touches; a refused write stores nothing.
 */
describe('RIO authorisation matrix', () => {
  let t: TestApp;
  let r: RioTest;
  const gebruik = (bestuur: string, locatie: string) => `/rio/v1/onderwijsbesturen/${bestuur}/onderwijslocatiegebruiken/${locatie}`;
  const gebruikBody = (relaties: { vestigingscode: string; begindatum: string }[] = []) => ({ inBedrijfdatum: '2025-08-01', periodes: [{ begindatum: '2025-08-01' }], relaties });
  const SAMEN_AO = '0b0e4c1a-7d0f-4a8e-9c51-3f2b6a1d0e01';

  beforeAll(async () => {
    t = await createTestApp();
    r = await rioSetup(t);
  });
  afterAll(() => t.close());

  const mutaties = async () => Number((await t.db.query('SELECT count(*) AS n FROM rio_mutatie'))[0].n);
  const tellers = async () => (await t.db.query('SELECT soort, laatste FROM rio_code_teller ORDER BY soort')) as unknown[];

  /** Refused with 403 AUT401 (naming the foreign keys), and nothing stored: no mutation logged, no code taken. */
  async function geweigerd(req: () => Promise<Response>, sleutel?: string) {
    const voor = [await mutaties(), await tellers()];
    const res = await req();
    const body = expectProblem(res, 403, 'forbidden');
    expect(body.foutmeldingen).toEqual([expect.objectContaining({ foutcode: 'AUT401' })]);
    if (sleutel) expect(body.foutmeldingen[0].sleutelgegeven.map((s: { sleutelwaarde: string }) => s.sleutelwaarde)).toContain(sleutel);
    expect([await mutaties(), await tellers()]).toEqual(voor);
  }

  it("an aanbieder naming another bestuur or another bestuur's BRIN4 is refused, and so is aanbod at that bestuur's locatie", async () => {
    // the reported hole: own bestuur plus another, the other's BRIN4, then aanbod at the other's locatie
    const beide = [{ onderwijsbestuurcode: '100B001', begindatum: '2025-08-01' }, { onderwijsbestuurcode: '100B002', begindatum: '2025-08-01' }];
    await geweigerd(() => t.http().post('/rio/v1/onderwijsaanbieders').set(bearer(r.alfa)).send(aanbiederBody({ besturen: beide, juridischeRelaties: [{ instellingscode: '02AA', begindatum: '2025-08-01' }] })), '100B002');
    await geweigerd(() => t.http().post('/rio/v1/onderwijsaanbieders').set(bearer(r.alfa)).send(aanbiederBody({ besturen: beide })), '100B002');
    await geweigerd(() => t.http().post('/rio/v1/onderwijsaanbieders').set(bearer(r.alfa)).send(aanbiederBody({ juridischeRelaties: [{ instellingscode: '02AA', begindatum: '2025-08-01' }] })), '02AA');
    await geweigerd(() => t.http().post('/rio/v1/onderwijsaanbieders').set(bearer(r.alfa)).send(aanbiederBody({ besturen: [{ onderwijsbestuurcode: '100B002', begindatum: '2025-08-01' }] })), '100B002');
    // own aanbieder 100A002: adding the other bestuur or its BRIN4 is refused; beta's aanbieder cannot be touched
    const eigen = (over: Record<string, unknown>) => aanbiederBody({ inBedrijfdatum: '2004-08-01', periodes: [{ begindatum: '2004-08-01', naam: 'OBS Het Kompas' }], juridischeRelaties: [{ instellingscode: '01AB', begindatum: '2004-08-01' }], besturen: [{ onderwijsbestuurcode: '100B001', begindatum: '2004-08-01' }], ...over });
    await geweigerd(() => t.http().put('/rio/v1/onderwijsaanbieders/100A002').set(bearer(r.alfa)).send(eigen({ besturen: [{ onderwijsbestuurcode: '100B001', begindatum: '2004-08-01' }, { onderwijsbestuurcode: '100B002', begindatum: '2025-08-01' }] })), '100B002');
    await geweigerd(() => t.http().put('/rio/v1/onderwijsaanbieders/100A002').set(bearer(r.alfa)).send(eigen({ juridischeRelaties: [{ instellingscode: '01AB', begindatum: '2004-08-01' }, { instellingscode: '02AA', begindatum: '2025-08-01' }] })), '02AA');
    await geweigerd(() => t.http().put('/rio/v1/onderwijsaanbieders/100A004').set(bearer(r.alfa)).send(aanbiederBody()), '100A004');
    await geweigerd(() => t.http().delete('/rio/v1/onderwijsaanbieders/100A004').set(bearer(r.alfa)), '100A004');
    expectJson(await t.http().put('/rio/v1/onderwijsaanbieders/100A002').set(bearer(r.alfa)).send(eigen({ eigenSleutel: 'kompas' })), 200);
    // aanbod: of another bestuur's aanbieder, or at another bestuur's locatie
    await geweigerd(() => t.http().put(`/rio/v1/aangeboden-opleidingen/${SAMEN_AO}`).set(bearer(r.alfa)).send(opleidingBody({ onderwijsaanbiedercode: '100A004', onderwijslocatiecode: '100X004' })));
    const vreemdeLocatie = await t.http().put(`/rio/v1/aangeboden-opleidingen/${SAMEN_AO}`).set(bearer(r.alfa)).send(opleidingBody({ onderwijslocatiecode: '100X004' }));
    expect(foutcodes(expectInvalid(vreemdeLocatie, [{ pointer: '/onderwijslocatiecode', code: 'A01060' }]))).toEqual(['A01060']);
    const vanBeta = (await t.http().get('/rio/v1/aangeboden-opleidingen?onderwijsaanbiedercode=100A004').set(bearer(r.alfa))).body.items[0].code;
    await geweigerd(() => t.http().delete(`/rio/v1/aangeboden-opleidingen/${vanBeta}`).set(bearer(r.alfa)));
    expect((await t.http().get('/rio/v1/onderwijsaanbieders?onderwijsbestuurcode=100B002&pageSize=100').set(bearer(r.beta))).body.items.map((a: { code: string }) => a.code)).toEqual(['100A004', '100A005', '100A006', '100A007']);
  });

  it('a samenwerkingsschool (registered by DUO for two besturen): each bestuur keeps up its own part only', async () => {
    const samen = await t.http().post('/rio/v1/onderwijsaanbieders').set(bearer(r.admin)).send(aanbiederBody({
      juridischeRelaties: [{ instellingscode: '01AB', begindatum: '2025-08-01' }, { instellingscode: '02AA', begindatum: '2025-08-01' }],
      besturen: [{ onderwijsbestuurcode: '100B001', begindatum: '2025-08-01' }, { onderwijsbestuurcode: '100B002', begindatum: '2025-08-01' }],
    }));
    expectJson(samen, 201);
    const code = samen.body.code as string;
    const state = { juridischeRelaties: samen.body.juridischeRelaties, besturen: samen.body.besturen };
    // changing only what is its own (naam) is fine; dropping or changing the other bestuur's part is not
    expectJson(await t.http().put(`/rio/v1/onderwijsaanbieders/${code}`).set(bearer(r.alfa)).send(aanbiederBody({ ...state, periodes: [{ begindatum: '2025-08-01', naam: 'Samenwerkingsschool De Brug' }] })), 200);
    await geweigerd(() => t.http().put(`/rio/v1/onderwijsaanbieders/${code}`).set(bearer(r.alfa)).send(aanbiederBody({ ...state, besturen: [state.besturen[0]] })), '100B002');
    await geweigerd(() => t.http().put(`/rio/v1/onderwijsaanbieders/${code}`).set(bearer(r.alfa)).send(aanbiederBody({ ...state, juridischeRelaties: [state.juridischeRelaties[0]] })), '02AA');
    await geweigerd(() => t.http().delete(`/rio/v1/onderwijsaanbieders/${code}`).set(bearer(r.alfa)), '100B002');
    // aanbod at alfa's locatie by alfa: fine; at beta's locatie by alfa: refused; by beta: fine
    expectJson(await t.http().put(`/rio/v1/aangeboden-opleidingen/${SAMEN_AO}`).set(bearer(r.alfa)).send(opleidingBody({ onderwijsaanbiedercode: code, onderwijslocatiecode: '100X002' })), 201);
    await geweigerd(() => t.http().put(`/rio/v1/aangeboden-opleidingen/${SAMEN_AO}`).set(bearer(r.alfa)).send(opleidingBody({ onderwijsaanbiedercode: code, onderwijslocatiecode: '100X004' })), '100X004');
    await geweigerd(() => t.http().put(`/rio/v1/aangeboden-opleidingen/${SAMEN_AO}`).set(bearer(r.beta)).send(opleidingBody({ onderwijsaanbiedercode: code, onderwijslocatiecode: '100X004' })), '100X002');
    expect((await t.http().delete(`/rio/v1/aangeboden-opleidingen/${SAMEN_AO}`).set(bearer(r.alfa))).status).toBe(204);
    expectJson(await t.http().put(`/rio/v1/aangeboden-opleidingen/${SAMEN_AO}`).set(bearer(r.beta)).send(opleidingBody({ onderwijsaanbiedercode: code, onderwijslocatiecode: '100X004' })), 201);
    await geweigerd(() => t.http().delete(`/rio/v1/aangeboden-opleidingen/${SAMEN_AO}`).set(bearer(r.alfa)), '100X004');
  });

  it('locaties and locatiegebruik: only a bestuur that registered or uses a locatie deletes it, only its own bestuur writes a gebruik', async () => {
    const loc = await t.http().post('/rio/v1/onderwijslocaties').set(bearer(r.beta)).send({ postcode: '3811AB', huisnummer: 1, huisnummertoevoeging: 'A' });
    expectJson(loc, 201);
    const code = loc.body.code as string;
    // resolving the same address again gives the locatie, not ownership
    expectJson(await t.http().post('/rio/v1/onderwijslocaties').set(bearer(r.alfa)).send({ postcode: '3811AB', huisnummer: 1, huisnummertoevoeging: 'A' }), 200);
    await geweigerd(() => t.http().delete(`/rio/v1/onderwijslocaties/${code}`).set(bearer(r.alfa)), code);
    await geweigerd(() => t.http().put(gebruik('100B002', code)).set(bearer(r.alfa)).send(gebruikBody()), '100B002');
    expectJson(await t.http().put(gebruik('100B002', code)).set(bearer(r.beta)).send(gebruikBody([{ vestigingscode: '02AA00', begindatum: '2025-08-01' }])), 201);
    await geweigerd(() => t.http().delete(gebruik('100B002', code)).set(bearer(r.alfa)), '100B002');
    // a gebruik of one's own bestuur linked to another bestuur's BRIN6
    const vreemd = await t.http().put(gebruik('100B001', code)).set(bearer(r.alfa)).send(gebruikBody([{ vestigingscode: '02AA00', begindatum: '2025-08-01' }]));
    expect(foutcodes(expectInvalid(vreemd, [{ pointer: '/relaties/0/vestigingscode', code: 'AUT401' }]))).toEqual(['AUT401']);
    expect((await t.http().delete(gebruik('100B002', code)).set(bearer(r.beta))).status).toBe(204);
    // a seeded locatie belongs to DUO and the besturen that use it: another bestuur may not remove it
    await geweigerd(() => t.http().delete('/rio/v1/onderwijslocaties/100X004').set(bearer(r.alfa)), '100X004');
    expectProblem(await t.http().delete('/rio/v1/onderwijslocaties/100X004').set(bearer(r.beta)), 409, 'rio_object_in_gebruik');
    expect((await t.http().delete(`/rio/v1/onderwijslocaties/${code}`).set(bearer(r.beta))).status).toBe(204);
  });

  it('DUO-side writes need scope beheer', async () => {
    for (const res of [
      await t.http().post('/rio/v1/onderwijsbesturen').set(bearer(r.alfa)).send({}),
      await t.http().put('/rio/v1/onderwijsbesturen/100B002').set(bearer(r.alfa)).send({}),
      await t.http().delete('/rio/v1/onderwijsbesturen/100B002').set(bearer(r.alfa)),
      await t.http().put('/rio/v1/onderwijsinstellingserkenningen/02AA').set(bearer(r.alfa)).send({}),
      await t.http().delete('/rio/v1/onderwijsinstellingserkenningen/02AA').set(bearer(r.alfa)),
      await t.http().put('/rio/v1/vestigingserkenningen/02AA00').set(bearer(r.alfa)).send({}),
      await t.http().delete('/rio/v1/vestigingserkenningen/02AA00').set(bearer(r.alfa)),
    ]) {
      expectProblem(res, 403, 'insufficient_scope');
    }
  });
});
