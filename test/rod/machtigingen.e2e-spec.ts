import { bearer, tokenFor } from '../support/auth';
import { expectInvalid, expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';
import { inschrijving, nieuweLeerling, RodTest, rodSetup, SCHOOL_ALFA, SCHOOL_ALFA_2, SCHOOL_BETA } from './rod-support';

const OIN_ALFA = '00000003111111110000';
const OIN_BETA = '00000003222222220000';

describe('ROD machtigingen and sandbox isolation', () => {
  let t: TestApp;
  let r: RodTest;
  beforeAll(async () => {
    t = await createTestApp();
    r = await rodSetup(t);
  });
  afterAll(() => t.close());

  const grant = (token: string, body: object) => t.http().post('/rod/v1/machtigingen').set(bearer(token)).send(body);

  it('the seed mandates las-alfa for every school of 100B001 and las-beta for every school of 100B002', async () => {
    const res = await t.http().get('/rod/v1/machtigingen?pageSize=100').set(bearer(r.admin));
    expect(res.status).toBe(200);
    const pairs = res.body.items.map((m: any) => `${m.oin}:${m.instellingscode}`);
    expect(pairs).toEqual(expect.arrayContaining([`${OIN_ALFA}:${SCHOOL_ALFA.instellingscode}`, `${OIN_ALFA}:${SCHOOL_ALFA_2.instellingscode}`, `${OIN_BETA}:${SCHOOL_BETA.instellingscode}`]));
    expect(pairs).not.toContain(`${OIN_BETA}:${SCHOOL_ALFA.instellingscode}`);
  });

  it('a vendor without a machtiging gets 403 for the school and sees nothing of it', async () => {
    const bsn = await nieuweLeerling(r);
    const created = await t.http().post('/rod/v1/inschrijvingen').set(bearer(r.alfa)).send(inschrijving(bsn));
    expect(created.status).toBe(201);
    expectProblem(await t.http().post('/rod/v1/inschrijvingen').set(bearer(r.beta)).send(inschrijving(bsn, { inschrijvingvolgnummer: '2' })), 403, '221_geen_machtiging');
    expectProblem(await t.http().get(`/rod/v1/inschrijvingen/${created.body.inschrijvingId}`).set(bearer(r.beta)), 404, 'not_found');
    expectProblem(await t.http().get(`/rod/v1/inschrijvingen/${created.body.inschrijvingId}/versies`).set(bearer(r.beta)), 404, 'not_found');
    expectProblem(await t.http().get(`/rod/v1/instellingen/${SCHOOL_ALFA.instellingscode}/registratieoverzicht`).set(bearer(r.beta)), 403, '221_geen_machtiging');
    const zoek = await t.http().post('/rod/v1/inschrijvingen/_zoek').set(bearer(r.beta)).send({ persoonsgebondenNummer: { burgerservicenummer: bsn } });
    expect(zoek.status).toBe(200);
    expect(zoek.body.items).toEqual([]);
  });

  it('DUO-beheer mandates a vendor from a date; before that date it is still 403', async () => {
    const bsn = await nieuweLeerling(r);
    const res = await grant(r.admin, { oin: OIN_BETA, instellingscode: SCHOOL_ALFA.instellingscode, geldigVanaf: '2025-09-02' });
    expect(res.status).toBe(201);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual(expect.objectContaining({ oin: OIN_BETA, instellingscode: SCHOOL_ALFA.instellingscode, geldigVanaf: '2025-09-02', geldigTot: null, verleendDoor: 'demo-beheer' }));
    expectProblem(await t.http().post('/rod/v1/inschrijvingen').set(bearer(r.beta)).send(inschrijving(bsn)), 403, '221_geen_machtiging');
    expectProblem(await grant(r.admin, { oin: OIN_BETA, instellingscode: SCHOOL_ALFA.instellingscode }), 409, 'machtiging_bestaat');
    // withdraw it again
    expect((await t.http().delete(`/rod/v1/machtigingen/${res.body.machtigingId}`).set(bearer(r.admin))).status).toBe(204);
  });

  it("the bestuur's own client mandates a vendor for its school, which can then exchange and read", async () => {
    const bsn = await nieuweLeerling(r);
    // las-alfa acts for bestuur 100B001 and mandates las-beta for a 100B001 school
    const res = await grant(r.alfa, { oin: OIN_BETA, instellingscode: SCHOOL_ALFA_2.instellingscode });
    expect(res.status).toBe(201);
    expect(res.body.geldigVanaf).toBe('2025-09-01');
    const created = await t.http().post('/rod/v1/inschrijvingen').set(bearer(r.beta)).send(inschrijving(bsn, {}, SCHOOL_ALFA_2));
    expect(created.status).toBe(201);
    const read = await t.http().get(`/rod/v1/inschrijvingen/${created.body.inschrijvingId}`).set(bearer(r.beta));
    expect(read.status).toBe(200);
    // las-beta sees the mandate (its own OIN); las-alfa withdraws it, and las-beta is out again
    const list = await t.http().get(`/rod/v1/machtigingen?oin=${OIN_BETA}`).set(bearer(r.beta));
    expect(list.body.items.map((m: any) => m.instellingscode)).toContain(SCHOOL_ALFA_2.instellingscode);
    expect((await t.http().delete(`/rod/v1/machtigingen/${res.body.machtigingId}`).set(bearer(r.alfa))).status).toBe(204);
    expectProblem(await t.http().get(`/rod/v1/inschrijvingen/${created.body.inschrijvingId}`).set(bearer(r.beta)), 404, 'not_found');
  });

  it("a client cannot mandate for another bestuur's school", async () => {
    expectProblem(await grant(r.beta, { oin: OIN_BETA, instellingscode: SCHOOL_ALFA.instellingscode }), 403, 'forbidden');
  });

  it('bad input is 400 with every problem', async () => {
    expectInvalid(await grant(r.admin, { oin: '123', instellingscode: 'abcd', geldigVanaf: '2025-13-01' }), [{ pointer: '/oin' }, { pointer: '/instellingscode' }, { pointer: '/geldigVanaf' }]);
  });

  it('sandboxes are isolated: another sandbox sees none of these inschrijvingen and has its own register', async () => {
    const bsn = await nieuweLeerling(r);
    const created = await t.http().post('/rod/v1/inschrijvingen').set(bearer(r.alfa)).send(inschrijving(bsn));
    expect(created.status).toBe(201);
    const sb = await t.http().post('/beheer/v1/sandboxes').set(bearer(r.admin)).send({ code: 'rod-isolatie', seed: 'small', clientIds: ['las-alfa'] });
    expect(sb.status).toBe(201);
    const other = await tokenFor(t, 'las-alfa', undefined, { sandbox: 'rod-isolatie' });
    expectProblem(await t.http().get(`/rod/v1/inschrijvingen/${created.body.inschrijvingId}`).set(bearer(other)), 404, 'not_found');
    const zoek = await t.http().post('/rod/v1/inschrijvingen/_zoek').set(bearer(other)).send({ persoonsgebondenNummer: { burgerservicenummer: bsn } });
    expect(zoek.body.items).toEqual([]);
    // the person only exists in the default sandbox
    const res = await t.http().post('/rod/v1/inschrijvingen').set(bearer(other)).send(inschrijving(bsn));
    expect(expectProblem(res, 422, 'afgekeurd').foutmeldingen.map((f: any) => f.code)).toEqual(['210_pgn_onbekend']);
    // the personas are seeded in every sandbox
    const persona = await t.http().post('/rod/v1/identificaties').set(bearer(other)).send({ persoonsgebondenNummer: { burgerservicenummer: '999990019' }, geboortedatum: '2018-03-15', geslacht: 'V' });
    expect(persona.body.resultaat).toBe('goedgekeurd');
    // a reset empties what was sent there
    await t.http().post('/rod/v1/inschrijvingen').set(bearer(other)).send(inschrijving('999990081'));
    expect((await t.http().post('/beheer/v1/sandboxes/rod-isolatie/resets').set(bearer(r.admin))).status).toBe(200);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM rod_inschrijving i JOIN sandbox s ON s.id = i.sandbox_id WHERE s.code = 'rod-isolatie' AND i.aangeleverd_door <> 'seed'`);
    expect(n).toBe(0);
  });
});
