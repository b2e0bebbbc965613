import { bearer } from '../support/auth';
import { expectInvalid, expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';
import { buildDataset, SEED_OVERGANG_02AC } from '../../src/rio';
import { writeDataset } from '../../src/rio/rio.store';
import { andereSandbox, expectJson, foutcodes, rioSetup, RioTest } from './rio-support';
import { bedrijfsdocument } from '../rod/rod-support';

/**
 * Overgangen (rio.md §4 OVERGANG_VOLLEDIG, the open-data overgangen): DUO moves school 01AB (OBS Het Kompas, aanbieder
 * 100A002 on locatie 100X002) from 100B001 to 100B002 on 1 January 2026, four months after the sandbox's today.
 */
describe('RIO overgangen: a BRIN4 moves to another bestuur on a date', () => {
  let t: TestApp;
  let r: RioTest;
  const DATUM = '2026-01-01';
  let overgangId: string;

  const post = (body: object, token = r.admin) => t.http().post('/rio/v1/overgangen').set(bearer(token)).send(body);
  const get = (url: string, token = r.beta) => t.http().get(url).set(bearer(token));

  beforeAll(async () => {
    t = await createTestApp();
    r = await rioSetup(t);
  });
  afterAll(() => t.close());

  it('records the overgang (201) with what moved along', async () => {
    const body = { instellingscode: '01AB', naarOnderwijsbestuurcode: '100B002', overgangsdatum: DATUM };
    const res = await t.http().post('/rio/v1/overgangen').set(bearer(r.admin)).set('Idempotency-Key', 'overgang-01ab').send(body);
    expectJson(res, 201);
    expect(res.body).toEqual({
      overgangId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      soort: 'OVERGANG_VOLLEDIG',
      instellingscode: '01AB',
      naarInstellingscode: null,
      vanOnderwijsbestuurcode: '100B001',
      naarOnderwijsbestuurcode: '100B002',
      overgangsdatum: DATUM,
      vestigingscodes: ['01AB00'],
      onderwijsaanbiedercodes: ['100A002'],
      onderwijslocatiecodes: ['100X002'],
      geregistreerdOp: '2025-09-01T10:00:00.000Z',
    });
    overgangId = res.body.overgangId;
    // A retry with the same key is the same overgang, not a second one.
    const retry = await t.http().post('/rio/v1/overgangen').set(bearer(r.admin)).set('Idempotency-Key', 'overgang-01ab').send(body);
    expectJson(retry, 201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(res.body);
  });

  it('every read that shows the bestuur answers by datumGeldigOp: the old bestuur until the day before, the new one from the date', async () => {
    const nu = await get('/rio/v1/onderwijsinstellingserkenningen/01AB');
    expectJson(nu, 200);
    expect(nu.body.onderwijsbestuurcode).toBe('100B001');
    expect(nu.body.besturen).toEqual([
      { onderwijsbestuurcode: '100B001', begindatum: '2004-08-01', einddatum: DATUM },
      { onderwijsbestuurcode: '100B002', begindatum: DATUM, einddatum: null },
    ]);
    expect((await get('/rio/v1/onderwijsinstellingserkenningen/01AB?datumGeldigOp=2025-12-31')).body.onderwijsbestuurcode).toBe('100B001');
    expect((await get(`/rio/v1/onderwijsinstellingserkenningen/01AB?datumGeldigOp=${DATUM}`)).body.onderwijsbestuurcode).toBe('100B002');

    expect((await get('/rio/v1/onderwijsbesturen/100B001')).body.instellingscodes).toEqual(['01AA', '01AB', '01AC']);
    expect((await get(`/rio/v1/onderwijsbesturen/100B001?datumGeldigOp=${DATUM}`)).body.instellingscodes).toEqual(['01AA', '01AC']);
    expect((await get(`/rio/v1/onderwijsbesturen/100B002?datumGeldigOp=${DATUM}`)).body.instellingscodes).toEqual(['01AB', '02AA', '02AB', '02AC', '02AD']);
    expect((await get(`/rio/v1/bevoegd-gezag-erkenningen/10002?datumGeldigOp=${DATUM}`)).body.instellingscodes).toContain('01AB');
    const lijst = (datum: string) => get(`/rio/v1/onderwijsinstellingserkenningen?onderwijsbestuurcode=100B002&datumGeldigOp=${datum}&sort=code`);
    expect((await lijst('2025-12-31')).body.items.map((i: { code: string }) => i.code)).not.toContain('01AB');
    expect((await lijst(DATUM)).body.items.map((i: { code: string; onderwijsbestuurcode: string }) => [i.code, i.onderwijsbestuurcode])).toContainEqual(['01AB', '100B002']);

    // The aanbieder's bijbehorend onderwijsbestuur changes on the date, and the new bestuur uses the locatie from it.
    const aanbieder = await get('/rio/v1/onderwijsaanbieders/100A002');
    expect(aanbieder.body.besturen).toEqual([
      { onderwijsbestuurcode: '100B001', begindatum: '2004-08-01', einddatum: DATUM },
      { onderwijsbestuurcode: '100B002', begindatum: DATUM, einddatum: null },
    ]);
    const aanbiedersB = await get(`/rio/v1/onderwijsaanbieders?onderwijsbestuurcode=100B002&datumGeldigOp=${DATUM}&pageSize=100`);
    expect(aanbiedersB.body.items.map((a: { code: string }) => a.code)).toContain('100A002');
    const oud = await get('/rio/v1/onderwijsbesturen/100B001/onderwijslocatiegebruiken/100X002?datumGeldigOp=2025-12-31');
    expectJson(oud, 200);
    expect(oud.body).toMatchObject({ uitBedrijfdatum: DATUM, relaties: [{ vestigingscode: '01AB00', begindatum: '2004-08-01', einddatum: DATUM }] });
    const nieuw = await get(`/rio/v1/onderwijsbesturen/100B002/onderwijslocatiegebruiken/100X002?datumGeldigOp=${DATUM}`);
    expectJson(nieuw, 200);
    expect(nieuw.body).toMatchObject({ inBedrijfdatum: DATUM, uitBedrijfdatum: null, relaties: [{ vestigingscode: '01AB00', begindatum: DATUM, einddatum: null }] });
    expectProblem(await get('/rio/v1/onderwijsbesturen/100B002/onderwijslocatiegebruiken/100X002?datumGeldigOp=2025-12-31'), 404, 'not_found');
  });

  it('the aanbieder leaves the old bestuur\'s aanbiedergroepen on the date; the groep stays with its bestuur', async () => {
    const leden = async (d: string) => (await get(`/rio/v1/onderwijsaanbiedergroepen/100G002/onderwijsaanbieders?datumGeldigOp=${d}`)).body.items.map((a: { code: string }) => a.code);
    expect(await leden('2025-12-31')).toEqual(['100A001', '100A002', '100A003']);
    expect(await leden(DATUM)).toEqual(['100A001', '100A003']);
    const groep = await get('/rio/v1/onderwijsaanbiedergroepen/100G002');
    expect(groep.body.onderwijsbestuurcode).toBe('100B001');
    expect(groep.body.onderwijsaanbieders).toContainEqual({ onderwijsaanbiedercode: '100A002', begindatum: '2020-08-01', einddatum: DATUM });
    // A bestuur's aanbieders and groepen on the date: the groep of 100B001 holds only aanbieders of 100B001.
    const bestuur = await get(`/rio/v1/onderwijsbesturen/100B001/onderwijsaanbieders?datumGeldigOp=${DATUM}`);
    const eigen = bestuur.body.onderwijsaanbieders.map((a: { code: string }) => a.code);
    for (const g of bestuur.body.onderwijsaanbiedergroepen) {
      const lopend = g.onderwijsaanbieders.filter((l: { begindatum: string; einddatum: string | null }) => l.begindatum <= DATUM && (l.einddatum == null || l.einddatum > DATUM));
      expect(lopend.map((l: { onderwijsaanbiedercode: string }) => l.onderwijsaanbiedercode).filter((c: string) => !eigen.includes(c))).toEqual([]);
    }
    const feed = await get('/rio/v1/onderwijsaanbiedergroepen/_wijzigingen?sinds=2025-09-01T00:00:00Z');
    expect(feed.body.items).toContainEqual(expect.objectContaining({ code: '100G002', soortWijziging: 'GEWIJZIGD' }));
  });

  it('lists the overgangen like the open data, filtered by school, bestuur and date, and reads one', async () => {
    const alle = await get('/rio/v1/overgangen');
    expectJson(alle, 200);
    // The small seed's own overgang (02AC, 2010) and the one made here.
    expect(alle.body.items.map((o: { overgangId: string }) => o.overgangId).sort()).toEqual([SEED_OVERGANG_02AC, overgangId].sort());
    expect(alle.body.page).toEqual({ number: 1, size: 20, totalElements: 2, totalPages: 1 });
    expect((await get('/rio/v1/overgangen?onderwijsbestuurcode=100B001')).body.items).toHaveLength(2);
    expect((await get('/rio/v1/overgangen?instellingscode=01AA')).body.items).toEqual([]);
    expect((await get('/rio/v1/overgangen?instellingscode=02AC')).body.items).toMatchObject([{ overgangId: SEED_OVERGANG_02AC, vanOnderwijsbestuurcode: '100B001', naarOnderwijsbestuurcode: '100B002', overgangsdatum: '2010-08-01' }]);
    expect((await get(`/rio/v1/overgangen?overgangsdatumTot=${DATUM}`)).body.items.map((o: { overgangId: string }) => o.overgangId)).toEqual([SEED_OVERGANG_02AC]);
    expect((await get(`/rio/v1/overgangen?overgangsdatumVanaf=${DATUM}&onderwijsbestuurcode=100B002`)).body.items).toHaveLength(1);
    const een = await get(`/rio/v1/overgangen/${overgangId}`, r.alfa);
    expectJson(een, 200);
    expect(een.body).toEqual(alle.body.items.find((o: { overgangId: string }) => o.overgangId === overgangId));
    expectProblem(await get('/rio/v1/overgangen/6f1c1f7e-2a7e-4b55-9a51-0d9f0c6b2a10'), 404, 'not_found');
    expectInvalid(await get('/rio/v1/overgangen/x1'), [{ parameter: 'overgangId' }]);
    expectInvalid(await get('/rio/v1/overgangen?overgangsdatumVanaf=2026-13-01&instellingscode=1'), [{ parameter: 'overgangsdatumVanaf' }, { parameter: 'instellingscode' }]);
    const feed = await get('/rio/v1/onderwijsinstellingserkenningen/_wijzigingen?sinds=2025-09-01T00:00:00Z');
    expect(feed.body.items).toContainEqual(expect.objectContaining({ code: '01AB', soortWijziging: 'GEWIJZIGD' }));
  });

  it('rejects with every foutmelding at once (400), and stores nothing', async () => {
    const voor = await t.db.query('SELECT count(*)::int AS n FROM rio_overgang');
    // Unknown BRIN4 and unknown bestuur.
    const onbekend = await post({ instellingscode: '99ZZ', naarOnderwijsbestuurcode: '999B999', overgangsdatum: DATUM });
    expect(expectProblem(onbekend, 400, 'invalid_input').requestGoedgekeurd).toBe(false);
    expect(foutcodes(onbekend.body)).toEqual(['A01030', 'A01110']);
    // Onto its own bestuur, before the BRIN4 was in bedrijf.
    const zelf = await post({ instellingscode: '01AA', naarOnderwijsbestuurcode: '100B001', overgangsdatum: '1990-08-01' });
    expect(foutcodes(expectProblem(zelf, 400, 'invalid_input'))).toEqual(['J06610', 'J06620', 'J06640']); // 100B001 itself began in 1996
    expect(zelf.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ pointer: '/naarOnderwijsbestuurcode', code: 'J06620' }), expect.objectContaining({ pointer: '/overgangsdatum', code: 'J06640' })]));
    // Overlapping: 01AB already moves on 1 January; one before it would cut through that period. And a bestuur not yet in bedrijf.
    const nieuwBestuur = await t.http().post('/rio/v1/onderwijsbesturen').set(bearer(r.admin)).send({ bevoegdGezagNummer: '10077', inBedrijfdatum: '2026-08-01', periodes: [{ begindatum: '2026-08-01', naam: 'Stichting Nieuw Begin' }] });
    expectJson(nieuwBestuur, 201);
    const overlap = await post({ instellingscode: '01AB', naarOnderwijsbestuurcode: nieuwBestuur.body.code, overgangsdatum: '2025-12-01' });
    expect(foutcodes(expectProblem(overlap, 400, 'invalid_input'))).toEqual(['J06610', 'J06630']);
    expect(overlap.body.foutmeldingen.find((f: { foutcode: string }) => f.foutcode === 'J06630').sleutelgegeven).toContainEqual({ sleutelnaam: 'latereOvergangsdatum', sleutelwaarde: DATUM });
    // The same overgang again: on the same date is an overlap too.
    expect(foutcodes((await post({ instellingscode: '01AB', naarOnderwijsbestuurcode: '100B002', overgangsdatum: DATUM })).body)).toEqual(['J06620', 'J06630']);
    // Schema faults, all at once.
    expectInvalid(await post({ instellingscode: '1AB', naarOnderwijsbestuurcode: 'B002', overgangsdatum: '2026-02-30' }), [
      { pointer: '/instellingscode' },
      { pointer: '/naarOnderwijsbestuurcode' },
      { pointer: '/overgangsdatum' },
    ]);
    expect(await t.db.query('SELECT count(*)::int AS n FROM rio_overgang')).toEqual(voor);
  });

  it('is DUO-side only: a bestuur may not move its school (403)', async () => {
    expectProblem(await post({ instellingscode: '01AA', naarOnderwijsbestuurcode: '100B002', overgangsdatum: DATUM }, r.alfa), 403, 'insufficient_scope');
  });

  it('a PUT of the erkenning keeps its overgangen; the bestuur changes only by a new overgang (J06530)', async () => {
    const erkenning = (await get('/rio/v1/onderwijsinstellingserkenningen/01AB')).body;
    const body = { onderwijsbestuurcode: '100B002', soort: erkenning.soort, vrijheidVanOnderwijs: erkenning.vrijheidVanOnderwijs, inBedrijfdatum: erkenning.inBedrijfdatum, periodes: erkenning.periodes };
    const res = await t.http().put('/rio/v1/onderwijsinstellingserkenningen/01AB').set(bearer(r.admin)).send(body);
    expectJson(res, 200);
    expect(res.body.onderwijsbestuurcode).toBe('100B001'); // on today
    expect(res.body.besturen).toHaveLength(2);
    const fout = await t.http().put('/rio/v1/onderwijsinstellingserkenningen/01AB').set(bearer(r.admin)).send({ ...body, onderwijsbestuurcode: '100B001' });
    expect(foutcodes(expectProblem(fout, 400, 'invalid_input'))).toEqual(['J06530']);
  });

  it('ROD: the new bestuur administers the school from the date; the vendor mandate continues and enrolments stay valid', async () => {
    const oinBeta = (await t.db.query(`SELECT oin FROM api_client WHERE client_id = 'las-beta'`))[0].oin;
    const grant = (token: string) => t.http().post('/rod/v1/machtigingen').set(bearer(token)).send({ oin: oinBeta, instellingscode: '01AB' });
    // Before the date the school is 100B001's: las-beta (100B002) may not mandate for it.
    expectProblem(await grant(r.beta), 403, 'forbidden');
    // A pupil enrolled at 01AB before the overgang.
    const leerling = async () => (await t.http().post('/rod/v1/personen').set(bearer(r.admin)).send({ geboortedatum: '2019-05-20', geslacht: 'M', achternaam: 'Overgang' })).body.burgerservicenummer;
    const inschrijving = (bsn: string, datum: string) => ({
      bedrijfsdocument: bedrijfsdocument(),
      instellingscode: '01AB',
      persoonsgebondenNummer: { burgerservicenummer: bsn },
      inschrijvingvolgnummer: '1',
      datumInschrijving: datum,
      inschrijvingPeriodeBO: [{ datumBegin: datum, vestigingscode: '01AB00', onderwijsaanbiedercode: '100A002', onderwijslocatiecode: '100X002', groep: '3' }],
    });
    const bsn = await leerling();
    const eerst = await t.http().post('/rod/v1/inschrijvingen').set(bearer(r.alfa)).send(inschrijving(bsn, '2025-08-28'));
    expect(eerst.status).toBe(201);
    expect(eerst.body).toMatchObject({ resultaat: 'goedgekeurd', meldingen: [] });

    // The clock reaches the overgangsdatum.
    expect((await t.http().put('/beheer/v1/sandboxes/default/klok').set(bearer(r.admin)).send({ mode: 'FROZEN', now: '2026-01-05T10:00:00Z' })).status).toBe(200);
    expect((await get('/rio/v1/onderwijsinstellingserkenningen/01AB')).body.onderwijsbestuurcode).toBe('100B002');
    // las-alfa's machtiging is per school: it still sends for 01AB. The pupil's inschrijving from before the date stays
    // valid as it was (resent: the same inschrijving, no melding), and a new pupil enrols under the new bestuur without one.
    const opnieuw = await t.http().post('/rod/v1/inschrijvingen').set(bearer(r.alfa)).send(inschrijving(bsn, '2025-08-28'));
    expect(opnieuw.status).toBe(200);
    expect(opnieuw.body).toMatchObject({ resultaat: 'goedgekeurd', meldingen: [], inschrijvingId: eerst.body.inschrijvingId });
    const nieuw = await t.http().post('/rod/v1/inschrijvingen').set(bearer(r.alfa)).send(inschrijving(await leerling(), '2026-01-05'));
    expect(nieuw.status).toBe(201);
    expect(nieuw.body).toMatchObject({ resultaat: 'goedgekeurd', meldingen: [] });
    // RIO's board side follows the date too: the new bestuur keeps the aanbieder and the locatiegebruik up, the old one no longer.
    const a = (await get('/rio/v1/onderwijsaanbieders/100A002')).body;
    const aanbiederBody = { inBedrijfdatum: a.inBedrijfdatum, uitBedrijfdatum: a.uitBedrijfdatum, eigenSleutel: a.eigenSleutel, periodes: a.periodes, juridischeRelaties: a.juridischeRelaties, besturen: a.besturen };
    expectJson(await t.http().put('/rio/v1/onderwijsaanbieders/100A002').set(bearer(r.beta)).send(aanbiederBody), 200);
    expect(expectProblem(await t.http().put('/rio/v1/onderwijsaanbieders/100A002').set(bearer(r.alfa)).send(aanbiederBody), 403, 'forbidden').foutmeldingen[0].foutcode).toBe('AUT401');
    const g = (await get('/rio/v1/onderwijsbesturen/100B002/onderwijslocatiegebruiken/100X002')).body;
    const gebruikBody = { inBedrijfdatum: g.inBedrijfdatum, uitBedrijfdatum: g.uitBedrijfdatum, eigenSleutel: g.eigenSleutel, periodes: g.periodes, relaties: g.relaties };
    expectJson(await t.http().put('/rio/v1/onderwijsbesturen/100B002/onderwijslocatiegebruiken/100X002').set(bearer(r.beta)).send(gebruikBody), 200);
    // Now 100B002 administers the school's mandates, and 100B001 no longer does.
    const verleend = await grant(r.beta);
    expectJson(verleend, 201);
    expect(verleend.body).toMatchObject({ oin: oinBeta, instellingscode: '01AB' });
    const alfaLijst = await t.http().get('/rod/v1/machtigingen?instellingscode=01AB&pageSize=100').set(bearer(r.alfa));
    expect(alfaLijst.body.items.map((m: { oin: string }) => m.oin)).not.toContain(oinBeta);
    expectProblem(await t.http().delete(`/rod/v1/machtigingen/${verleend.body.machtigingId}`).set(bearer(r.alfa)), 404, 'not_found');
  });

  it('withdraws a planned overgang (204): everything as before; one that took effect, or whose objects changed since, stays (409)', async () => {
    // The clock stands on 2026-01-05: the overgang of 01AB took effect.
    expectProblem(await t.http().delete(`/rio/v1/overgangen/${overgangId}`).set(bearer(r.admin)), 409, 'rio_overgang_niet_intrekbaar');
    const gepland = await post({ instellingscode: '02AD', naarOnderwijsbestuurcode: '100B001', overgangsdatum: '2027-01-01' });
    expectJson(gepland, 201);
    const [locatie] = gepland.body.onderwijslocatiecodes;
    expect((await get('/rio/v1/onderwijsinstellingserkenningen/02AD?datumGeldigOp=2027-01-01')).body.onderwijsbestuurcode).toBe('100B001');
    expectProblem(await t.http().delete(`/rio/v1/overgangen/${gepland.body.overgangId}`).set(bearer(r.alfa)), 403, 'insufficient_scope');
    const weg = await t.http().delete(`/rio/v1/overgangen/${gepland.body.overgangId}`).set(bearer(r.admin));
    expect(weg.status).toBe(204);
    const erkenning = (await get('/rio/v1/onderwijsinstellingserkenningen/02AD?datumGeldigOp=2027-01-01')).body;
    expect([erkenning.onderwijsbestuurcode, erkenning.besturen]).toEqual(['100B002', [{ onderwijsbestuurcode: '100B002', begindatum: '2012-08-01', einddatum: null }]]);
    expect((await get('/rio/v1/onderwijsaanbieders/100A007')).body.besturen).toEqual([{ onderwijsbestuurcode: '100B002', begindatum: '2012-08-01', einddatum: null }]);
    expect((await get(`/rio/v1/onderwijsbesturen/100B002/onderwijslocatiegebruiken/${locatie}?datumGeldigOp=2027-01-01`)).body).toMatchObject({ uitBedrijfdatum: null, relaties: [{ vestigingscode: '02AD00', einddatum: null }] });
    expectProblem(await get(`/rio/v1/onderwijsbesturen/100B001/onderwijslocatiegebruiken/${locatie}?datumGeldigOp=2027-01-01`), 404, 'not_found');
    expectProblem(await t.http().delete(`/rio/v1/overgangen/${gepland.body.overgangId}`).set(bearer(r.admin)), 404, 'not_found');
    // Planned again, then the erkenning changes: the withdrawal would undo that change, so it is refused.
    const opnieuw = await post({ instellingscode: '02AD', naarOnderwijsbestuurcode: '100B001', overgangsdatum: '2027-01-01' });
    expectJson(opnieuw, 201);
    const e = (await get('/rio/v1/onderwijsinstellingserkenningen/02AD')).body;
    const gewijzigd = { onderwijsbestuurcode: '100B001', soort: e.soort, vrijheidVanOnderwijs: e.vrijheidVanOnderwijs, inBedrijfdatum: e.inBedrijfdatum, periodes: e.periodes.map((p: Record<string, unknown>) => ({ ...p, verkorteNaam: 'Het Startpunt' })) };
    expectJson(await t.http().put('/rio/v1/onderwijsinstellingserkenningen/02AD').set(bearer(r.admin)).send(gewijzigd), 200);
    expectProblem(await t.http().delete(`/rio/v1/overgangen/${opnieuw.body.overgangId}`).set(bearer(r.admin)), 409, 'rio_overgang_niet_intrekbaar');
    expectInvalid(await t.http().delete('/rio/v1/overgangen/x1').set(bearer(r.admin)), [{ parameter: 'overgangId' }]);
    // The groepen come back too: 01AA's aanbieder 100A001 leaves 100B001's groep 100G002 on the date, and is in it again after the withdrawal.
    const groepVoor = (await get('/rio/v1/onderwijsaanbiedergroepen/100G002')).body.onderwijsaanbieders;
    const metGroep = await post({ instellingscode: '01AA', naarOnderwijsbestuurcode: '100B002', overgangsdatum: '2027-01-01' });
    expectJson(metGroep, 201);
    expect((await get('/rio/v1/onderwijsaanbiedergroepen/100G002')).body.onderwijsaanbieders).toContainEqual({ onderwijsaanbiedercode: '100A001', begindatum: '2020-08-01', einddatum: '2027-01-01' });
    expect((await t.http().delete(`/rio/v1/overgangen/${metGroep.body.overgangId}`).set(bearer(r.admin))).status).toBe(204);
    expect((await get('/rio/v1/onderwijsaanbiedergroepen/100G002')).body.onderwijsaanbieders).toEqual(groepVoor);
  });

  it('a bestuur takes back a school at a locatie it used before: its own locatiegebruik there reopens (one per bestuur and locatie, N01020)', async () => {
    // 02AC (on 100X006) went from 100B001 to 100B002 in 2010; 100B001's locatiegebruik of 100X006 ended then.
    const voor = await get('/rio/v1/onderwijsbesturen/100B001/onderwijslocatiegebruiken/100X006?datumGeldigOp=2009-08-01');
    expectJson(voor, 200);
    expect(voor.body).toMatchObject({ inBedrijfdatum: '2002-08-01', uitBedrijfdatum: '2010-08-01' });
    const terug = await post({ instellingscode: '02AC', naarOnderwijsbestuurcode: '100B001', overgangsdatum: '2026-08-01' });
    expectJson(terug, 201);
    expect(terug.body).toMatchObject({ vanOnderwijsbestuurcode: '100B002', naarOnderwijsbestuurcode: '100B001', onderwijsaanbiedercodes: ['100A006'], onderwijslocatiecodes: ['100X006'] });
    // The same gebruik, its history kept, in bedrijf again with the vestiging from the date.
    const weer = await get('/rio/v1/onderwijsbesturen/100B001/onderwijslocatiegebruiken/100X006?datumGeldigOp=2026-08-01');
    expectJson(weer, 200);
    expect(weer.body).toMatchObject({ inBedrijfdatum: '2002-08-01', uitBedrijfdatum: null });
    expect(weer.body.relaties).toEqual([
      { vestigingscode: '02AC00', begindatum: '2002-08-01', einddatum: '2010-08-01' },
      { vestigingscode: '02AC00', begindatum: '2026-08-01', einddatum: null },
    ]);
    expect(weer.body.periodes.at(-1)).toMatchObject({ begindatum: '2026-08-01', einddatum: null, naam: voor.body.periodes.at(-1).naam });
    expectJson(await get('/rio/v1/onderwijsbesturen/100B001/onderwijslocatiegebruiken/100X006?datumGeldigOp=2009-08-01'), 200);
    expect((await get('/rio/v1/onderwijsbesturen/100B002/onderwijslocatiegebruiken/100X006?datumGeldigOp=2026-07-31')).body).toMatchObject({ uitBedrijfdatum: '2026-08-01' });
    expect((await get('/rio/v1/onderwijsinstellingserkenningen/02AC?datumGeldigOp=2026-08-01')).body.onderwijsbestuurcode).toBe('100B001');
    // The gebruik as stored passes the board's own rules: 100B001 writes it back unchanged.
    const g = weer.body;
    const gebruikBody = { inBedrijfdatum: g.inBedrijfdatum, uitBedrijfdatum: g.uitBedrijfdatum, eigenSleutel: g.eigenSleutel, periodes: g.periodes, relaties: g.relaties };
    expectJson(await t.http().put('/rio/v1/onderwijsbesturen/100B001/onderwijslocatiegebruiken/100X006').set(bearer(r.alfa)).send(gebruikBody), 200);
    // J06660 still holds where it must: a new bestuur that ends before the moved relaties cannot hold them.
    const kort = await t.http().post('/rio/v1/onderwijsbesturen').set(bearer(r.admin)).send({ bevoegdGezagNummer: '10078', inBedrijfdatum: '2020-08-01', uitBedrijfdatum: '2030-08-01', periodes: [{ begindatum: '2020-08-01', einddatum: '2030-08-01', naam: 'Stichting Tijdelijk' }] });
    expectJson(kort, 201);
    const teKort = await post({ instellingscode: '01AC', naarOnderwijsbestuurcode: kort.body.code, overgangsdatum: '2027-08-01' });
    expect(foutcodes(expectProblem(teKort, 400, 'invalid_input'))).toEqual(['J06660']);
  });

  it('the national seed\'s overgangen (past and planned) load and read like any other', async () => {
    const token = await andereSandbox(r, 'overgang-nat');
    const [{ id }] = await t.db.query(`SELECT id FROM sandbox WHERE code = 'overgang-nat'`);
    const { dataset: d } = buildDataset('national', 7);
    // The besturen the overgangen concern, with everything of theirs the overgangen touch.
    const besturen = new Set(d.overgangen.flatMap((o) => [o.vanOnderwijsbestuurcode, o.naarOnderwijsbestuurcode]));
    const instellingen = d.instellingen.filter((i) => i.besturen.some((b) => besturen.has(b.onderwijsbestuurcode)));
    const brin4 = new Set(instellingen.map((i) => i.code));
    const vestigingen = d.vestigingen.filter((v) => brin4.has(v.instellingscode));
    const gebruiken = d.gebruiken.filter((g) => besturen.has(g.onderwijsbestuurcode));
    const locaties = d.locaties.filter((l) => gebruiken.some((g) => g.onderwijslocatiecode === l.code));
    const bagIds = new Set([...vestigingen.map((v) => v.adres.bagId), ...locaties.map((l) => l.adres.bagId)]);
    const dataset = {
      bag: d.bag.filter((a) => bagIds.has(a.bagId)), besturen: d.besturen.filter((b) => besturen.has(b.code)), instellingen, vestigingen, locaties, gebruiken,
      aanbieders: d.aanbieders.filter((a) => a.juridischeRelaties.some((j) => brin4.has(j.instellingscode))), overgangen: d.overgangen,
    };
    await t.db.transaction((m) => writeDataset(m, id, dataset));
    const lijst = await t.http().get('/rio/v1/overgangen?pageSize=100').set(bearer(token));
    expectJson(lijst, 200);
    expect(lijst.body.items.map((o: { instellingscode: string }) => o.instellingscode).sort()).toEqual(dataset.overgangen.map((o) => o.instellingscode).sort());
    for (const o of lijst.body.items.slice(0, 2)) {
      const voor = new Date(`${o.overgangsdatum}T00:00:00Z`);
      voor.setUTCDate(voor.getUTCDate() - 1);
      const lees = (d: string) => t.http().get(`/rio/v1/onderwijsinstellingserkenningen/${o.instellingscode}?datumGeldigOp=${d}`).set(bearer(token));
      expect((await lees(voor.toISOString().slice(0, 10))).body.onderwijsbestuurcode).toBe(o.vanOnderwijsbestuurcode);
      expect((await lees(o.overgangsdatum)).body.onderwijsbestuurcode).toBe(o.naarOnderwijsbestuurcode);
    }
  }, 120_000);
});
