import { randomUUID } from 'node:crypto';
import { BerichtenVolgorde } from '../../src/berichten';
import { bearer } from '../support/auth';
import { expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';
import { bedrijfsdocument, inschrijving, nieuweLeerling, rodSetup, RodTest, SCHOOL_ALFA } from '../rod/rod-support';

describe('conformance: runs graded from the journal, reports, storingen', () => {
  let t: TestApp;
  let r: RodTest;
  beforeAll(async () => {
    t = await createTestApp();
    r = await rodSetup(t);
  });
  afterAll(() => t.close());

  const post = (token: string, path: string, body: unknown, headers: Record<string, string> = {}) => t.http().post(path).set(bearer(token)).set(headers).send(body as object);
  const run = async (token: string, id: string) => (await t.http().get(`/conformance/v1/runs/${id}`).set(bearer(token)).expect(200)).body;
  const geval = (rapport: any, nummer: string) => rapport.gevallen.find((g: any) => g.nummer === nummer);
  const startRun = async (token: string) => {
    const res = await post(token, '/conformance/v1/runs', {});
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('LOPEND');
    return res.body.runId as string;
  };

  it('a LAS that does the proefgevallen right passes them, with the exchanges it was graded on', async () => {
    const runId = await startRun(r.alfa);
    const bsn = await nieuweLeerling(r, '2019-05-20');
    // PG03: afgekeurd (first periode not on datumInschrijving), then corrected as a new bedrijfsdocument
    const fout = inschrijving(bsn, { inschrijvingPeriodeBO: [{ datumBegin: '2025-08-29', ...codesVan(SCHOOL_ALFA), groep: '1' }] });
    expect((await post(r.alfa, '/rod/v1/inschrijvingen', fout)).status).toBe(422);
    // PG02 + PG08: accepted, and retried with the same Idempotency-Key
    const goed = inschrijving(bsn);
    const sleutel = randomUUID();
    expect((await post(r.alfa, '/rod/v1/inschrijvingen', goed, { 'Idempotency-Key': sleutel })).status).toBe(201);
    const herhaald = await post(r.alfa, '/rod/v1/inschrijvingen', goed, { 'Idempotency-Key': sleutel });
    expect(herhaald.headers['idempotent-replayed']).toBe('true');
    // PG04: groep change as a new periode
    const groep2 = inschrijving(bsn, { inschrijvingPeriodeBO: [...goed.inschrijvingPeriodeBO, { datumBegin: '2025-09-01', ...codesVan(SCHOOL_ALFA), groep: '2' }] });
    expect((await post(r.alfa, '/rod/v1/inschrijvingen', groep2)).status).toBe(200);
    // PG05: uitschrijven
    expect((await post(r.alfa, '/rod/v1/inschrijvingen', { ...groep2, bedrijfsdocument: bedrijfsdocument(), datumUitschrijving: '2025-09-01' })).status).toBe(200);
    // PG06: verwijderen an inschrijving sent by mistake
    const bsn2 = await nieuweLeerling(r, '2019-03-03');
    expect((await post(r.alfa, '/rod/v1/inschrijvingen', inschrijving(bsn2))).status).toBe(201);
    const verwijdering = { bedrijfsdocument: bedrijfsdocument(), instellingscode: '01AA', persoonsgebondenNummer: { burgerservicenummer: bsn2 }, inschrijvingvolgnummer: '1' };
    expect((await post(r.alfa, '/rod/v1/verwijderingen', verwijdering)).status).toBe(200);
    // PG10: the feed, cursor by cursor
    const f1 = await t.http().get('/rod/v1/berichten?vanaf=0').set(bearer(r.alfa)).expect(200);
    await t.http().get(`/rod/v1/berichten?vanaf=${f1.body.volgendeCursor}`).set(bearer(r.alfa)).expect(200);
    // PG11: registratieoverzicht
    await t.http().get('/rod/v1/instellingen/01AA/registratieoverzicht').set(bearer(r.alfa)).expect(200);
    // PG12: a storing on every enrolment until removed; retried with the same bedrijfsdocument
    const storing = await post(r.alfa, '/conformance/v1/storingen', { methode: 'POST', padPatroon: '/rod/v1/inschrijvingen', soort: 'STATUS', status: 503, retryAfter: 2 });
    expect(storing.status).toBe(201);
    const bsn3 = await nieuweLeerling(r, '2019-04-04');
    const getroffen = inschrijving(bsn3);
    const storingAntwoord = await post(r.alfa, '/rod/v1/inschrijvingen', getroffen);
    expectProblem(storingAntwoord, 503, 'gesimuleerde_storing');
    expect(storingAntwoord.headers['retry-after']).toBe('2');
    await t.http().delete(`/conformance/v1/storingen/${storing.body.id}`).set(bearer(r.alfa)).expect(204);
    expect((await post(r.alfa, '/rod/v1/inschrijvingen', getroffen)).status).toBe(201);

    const rapport = await run(r.alfa, runId);
    for (const n of ['PG02', 'PG03', 'PG04', 'PG05', 'PG06', 'PG08', 'PG10', 'PG11', 'PG12']) {
      expect({ n, ...geval(rapport, n) }).toMatchObject({ n, uitslag: 'GESLAAGD' });
    }
    expect(geval(rapport, 'PG03').details.map((d: any) => d.status)).toEqual([422, 201]);
    for (const n of ['PG01', 'PG07', 'PG09']) expect(geval(rapport, n).uitslag).toBe('NIET_GEPROBEERD');
    // The other vendor's run sees none of this.
    const betaRun = await startRun(r.beta);
    expect((await run(r.beta, betaRun)).totalen.geslaagd).toBe(0);
    await t.http().get(`/conformance/v1/runs/${runId}`).set(bearer(r.beta)).expect(404);
  });

  it('a LAS that does them wrong fails with the reason, and finishing freezes the grading; reports for CI', async () => {
    const runId = await startRun(r.alfa);
    const bsn = await nieuweLeerling(r, '2019-06-06');
    // PG03 wrong: the afgekeurd bedrijfsdocument is sent again unchanged
    const fout = inschrijving(bsn, { inschrijvingPeriodeBO: [{ datumBegin: '2025-08-30', ...codesVan(SCHOOL_ALFA), groep: '1' }] });
    await post(r.alfa, '/rod/v1/inschrijvingen', fout).expect(422);
    await post(r.alfa, '/rod/v1/inschrijvingen', fout).expect(422);
    // PG04 wrong: the groep is changed by rewriting the periode (another inschrijving: the afgekeurd one stays uncorrected)
    const goed = inschrijving(bsn, { inschrijvingvolgnummer: '2' });
    await post(r.alfa, '/rod/v1/inschrijvingen', goed).expect(201);
    await post(r.alfa, '/rod/v1/inschrijvingen', inschrijving(bsn, { inschrijvingvolgnummer: '2', inschrijvingPeriodeBO: [{ ...goed.inschrijvingPeriodeBO[0], groep: '2' }] })).expect(200);
    // PG12 wrong: after a storing the message is sent again as a new bedrijfsdocument
    const storing = await post(r.alfa, '/conformance/v1/storingen', { padPatroon: '/rod/v1/inschrijvingen', methode: 'POST', soort: 'STATUS', status: 500, elkeNde: 1 });
    const bsn2 = await nieuweLeerling(r, '2019-07-07');
    await post(r.alfa, '/rod/v1/inschrijvingen', inschrijving(bsn2)).expect(500);
    await t.http().delete(`/conformance/v1/storingen/${storing.body.id}`).set(bearer(r.alfa)).expect(204);
    await post(r.alfa, '/rod/v1/inschrijvingen', inschrijving(bsn2)).expect(201);

    const rapport = await run(r.alfa, runId);
    expect(geval(rapport, 'PG03')).toMatchObject({ uitslag: 'MISLUKT', reden: expect.stringContaining('same identificatiecodeBedrijfsdocument') });
    expect(geval(rapport, 'PG04')).toMatchObject({ uitslag: 'MISLUKT', reden: expect.stringContaining('rewriting an existing periode') });
    expect(geval(rapport, 'PG12')).toMatchObject({ uitslag: 'MISLUKT', reden: expect.stringContaining('new bedrijfsdocument') });
    expect(geval(rapport, 'PG12').details[0]).toMatchObject({ status: 500, codes: ['gesimuleerde_storing'] });

    const af = await post(r.alfa, `/conformance/v1/runs/${runId}/afronding`, {}).expect(200);
    expect(af.body).toMatchObject({ status: 'AFGEROND', afgerondOp: expect.any(String) });
    // After finishing, new traffic does not change the grading.
    await post(r.alfa, '/rod/v1/inschrijvingen', inschrijving(await nieuweLeerling(r, '2019-08-08'), { inschrijvingvolgnummer: '7' })).expect(201);
    expect(await run(r.alfa, runId)).toEqual(af.body);

    const junit = await t.http().get(`/conformance/v1/runs/${runId}/junit`).set(bearer(r.alfa)).expect(200);
    expect(junit.headers['content-type']).toMatch(/^application\/xml/);
    expect(junit.text).toMatch(/<testsuites name="ROD po conformance" tests="\d+" failures="3"/);
    expect(junit.text).toContain('<failure message="An afgekeurd bedrijfsdocument was sent again');
    const html = await t.http().get(`/conformance/v1/runs/${runId}/rapport`).set(bearer(r.alfa)).expect(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.text).toContain('id="PG04"');
    const badge = await t
      .http()
      .get(`/conformance/v1/runs/${runId}/badge`)
      .set(bearer(r.alfa))
      .buffer(true)
      .parse((res, cb) => {
        let d = '';
        res.on('data', (c: Buffer) => (d += c.toString()));
        res.on('end', () => cb(null, d));
      })
      .expect(200);
    expect(badge.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(badge.body).toMatch(/\d+\/\d+ geslaagd/);
  });

  it('PG01, PG07 and PG13: identificatie without BSN, a dubbele inschrijving resolved, a bekostigingssignaal fixed while voorlopig', async () => {
    const runId = await startRun(r.alfa);
    // PG01: identify a pupil abroad without PGN; enrol with the onderwijsnummer ROD answers
    const id = await post(r.alfa, '/rod/v1/identificaties', {
      geboortedatum: '2018-11-30', geslacht: 'V', achternaam: 'Kowalski', voornamen: 'Zofia',
      adres: { buitenlandsAdres: { adresregels: ['Hauptstrasse 1', '10115 Berlin'], landcode: '9089' } },
    });
    expect(id.status).toBe(200);
    const on = id.body.persoonsgebondenNummer.onderwijsnummer as string;
    expect(on).toMatch(/^\d{9}$/);
    const metOn = { ...inschrijving('x'), persoonsgebondenNummer: { onderwijsnummer: on }, inschrijvingvolgnummer: 'ON1' };
    expect((await post(r.alfa, '/rod/v1/inschrijvingen', metOn)).status).toBe(201);
    // PG07: the persona still enrolled at 02AA is enrolled at 01AA: melding 250; resolved by enrolling from after the other school's end
    const dubbel = inschrijving('999990056', { inschrijvingvolgnummer: 'D1' });
    const eerst = await post(r.alfa, '/rod/v1/inschrijvingen', dubbel);
    expect(eerst.status).toBe(201);
    expect(eerst.body.meldingen.map((m: any) => m.code)).toContain('250_overlap_andere_school');
    await post(r.beta, '/rod/v1/inschrijvingen', {
      ...inschrijving('999990056', {}, { instellingscode: '02AA', vestigingscode: '02AA00', onderwijsaanbiedercode: '100A004', onderwijslocatiecode: '100X004' }),
      datumInschrijving: '2025-08-01', datumUitschrijving: '2025-08-27', inschrijvingPeriodeBO: [{ datumBegin: '2025-08-01', vestigingscode: '02AA00', onderwijsaanbiedercode: '100A004', onderwijslocatiecode: '100X004', groep: '3' }],
    });
    const opgelost = await post(r.alfa, '/rod/v1/inschrijvingen', { ...dubbel, bedrijfsdocument: bedrijfsdocument() });
    expect(opgelost.body.meldingen.map((m: any) => m.code)).not.toContain('250_overlap_andere_school');
    // PG13: an sbo pupil without TLV is not funded (B05, voorlopig); read it from the feed and send the TLV
    const sbo = { instellingscode: '01AC', vestigingscode: '01AC00', onderwijsaanbiedercode: '100A003', onderwijslocatiecode: '100X003' };
    const bsn = await nieuweLeerling(r, '2017-04-04');
    const zonderTlv = inschrijving(bsn, { inschrijvingvolgnummer: 'S1' }, sbo);
    const sboRes = await post(r.alfa, '/rod/v1/inschrijvingen', zonderTlv);
    expect(sboRes.status).toBe(201);
    await t.app.get(BerichtenVolgorde).positionAll();
    let cursor = '0';
    for (let i = 0; i < 50; i++) {
      const f = await t.http().get(`/rod/v1/berichten?vanaf=${cursor}&limit=100`).set(bearer(r.alfa)).expect(200);
      cursor = f.body.volgendeCursor;
      if (!f.body.meer) break;
    }
    const metTlv = { ...zonderTlv, bedrijfsdocument: bedrijfsdocument(), toelaatbaarheidsverklaring: [{ beschikkingsnummer: 'TLV1', datumBegin: '2025-08-01' }] };
    expect((await post(r.alfa, '/rod/v1/inschrijvingen', metTlv)).status).toBe(200);

    const rapport = await run(r.alfa, runId);
    for (const n of ['PG01', 'PG07', 'PG13']) expect({ n, ...geval(rapport, n) }).toMatchObject({ n, uitslag: 'GESLAAGD' });
    expect(geval(rapport, 'PG13').details[1]).toMatchObject({ methode: 'POST', pad: '/rod/v1/inschrijvingen', status: 200 });
  });

  it('the journal keeps every exchange with person numbers masked; a vendor sees only its own', async () => {
    const bsn = await nieuweLeerling(r, '2019-01-21');
    const bericht = inschrijving(bsn, { inschrijvingvolgnummer: 'J1', inschrijvingPeriodeBO: [{ datumBegin: '2025-08-29', ...codesVan(SCHOOL_ALFA), groep: '1' }] });
    await post(r.alfa, '/rod/v1/inschrijvingen', bericht).expect(422);
    await post(r.beta, '/rod/v1/inschrijvingen', inschrijving(bsn)).expect(403);
    const doc = bericht.bedrijfsdocument.identificatiecodeBedrijfsdocument;
    const zoek = await t.http().get(`/conformance/v1/journaal?bedrijfsdocumentId=${doc}`).set(bearer(r.alfa)).expect(200);
    expect(zoek.body.items).toHaveLength(1);
    expect(zoek.body.items[0]).toMatchObject({ clientId: 'las-alfa', methode: 'POST', pad: '/rod/v1/inschrijvingen', status: 422, bedrijfsdocumentId: doc });
    expect(zoek.body.items[0].codes).toEqual(expect.arrayContaining(['afgekeurd', '233_eerste_periode_niet_op_datum_inschrijving']));
    const perCode = await t.http().get('/conformance/v1/journaal?code=233_eerste_periode_niet_op_datum_inschrijving').set(bearer(r.alfa)).expect(200);
    expect(perCode.body.items.map((i: any) => i.bedrijfsdocumentId)).toContain(doc);
    const beta = await t.http().get('/conformance/v1/journaal?pad=/rod/v1/*&limit=500').set(bearer(r.beta)).expect(200);
    expect(beta.body.items.length).toBeGreaterThan(0);
    expect(beta.body.items.every((i: any) => i.clientId === 'las-beta')).toBe(true);
    const admin = await t.http().get('/conformance/v1/journaal?clientId=las-alfa&limit=5').set(bearer(r.admin)).expect(200);
    expect(admin.body.items.every((i: any) => i.clientId === 'las-alfa')).toBe(true);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM conformance_journaal WHERE verzoek::text LIKE $1 OR antwoord::text LIKE $1`, [`%${bsn}%`]);
    expect(n).toBe(0);
    expect(JSON.stringify(zoek.body)).not.toContain(bsn);
  });

  it('a storing before handling stores nothing; one after handling stores and answers with the fault; only its creator meets it', async () => {
    const bsn = await nieuweLeerling(r, '2019-02-02');
    const voor = await post(r.alfa, '/conformance/v1/storingen', { methode: 'POST', padPatroon: '/rod/v1/inschrijvingen', soort: 'STATUS', status: 429 });
    const bericht = inschrijving(bsn);
    expectProblem(await post(r.alfa, '/rod/v1/inschrijvingen', bericht), 429, 'gesimuleerde_storing');
    // las-beta is not touched by las-alfa's storing (it gets its own answer: no machtiging for 01AA).
    expectProblem(await post(r.beta, '/rod/v1/inschrijvingen', inschrijving(bsn)), 403, '221_geen_machtiging');
    const zoek = await post(r.alfa, '/rod/v1/inschrijvingen/_zoek', { instellingscode: '01AA', persoonsgebondenNummer: { burgerservicenummer: bsn } });
    expect(zoek.status).toBe(200);
    expect(zoek.body.items ?? zoek.body).toHaveLength(0);
    await t.http().delete(`/conformance/v1/storingen/${voor.body.id}`).set(bearer(r.alfa)).expect(204);

    const na = await post(r.alfa, '/conformance/v1/storingen', { methode: 'POST', padPatroon: '/rod/v1/inschrijvingen', soort: 'STATUS', status: 503, schrijven: 'OPSLAAN_DAN_STORING' });
    const sleutel = randomUUID();
    expectProblem(await post(r.alfa, '/rod/v1/inschrijvingen', bericht, { 'Idempotency-Key': sleutel }), 503, 'gesimuleerde_storing');
    await t.http().delete(`/conformance/v1/storingen/${na.body.id}`).set(bearer(r.alfa)).expect(204);
    const opnieuw = await post(r.alfa, '/rod/v1/inschrijvingen', bericht, { 'Idempotency-Key': sleutel });
    expect(opnieuw.status).toBe(201);
    expect(opnieuw.headers['idempotent-replayed']).toBe('true');
    const gevonden = await post(r.alfa, '/rod/v1/inschrijvingen/_zoek', { instellingscode: '01AA', persoonsgebondenNummer: { burgerservicenummer: bsn } });
    expect(gevonden.body.items ?? gevonden.body).toHaveLength(1);

    // Only administrators may make a storing for every client; a vendor cannot remove another's storing.
    expectProblem(await post(r.alfa, '/conformance/v1/storingen', { padPatroon: '/rod/v1/*', soort: 'VERTRAGING', vertragingMs: 5, alleClients: true }), 403, 'alleen_beheer');
    const adminStoring = await post(r.admin, '/conformance/v1/storingen', { padPatroon: '/nergens', soort: 'VERTRAGING', vertragingMs: 5, alleClients: true });
    expect(adminStoring.status).toBe(201);
    expectProblem(await t.http().delete(`/conformance/v1/storingen/${adminStoring.body.id}`).set(bearer(r.alfa)), 403, 'storing_niet_van_jou');
    // Bad rules list every problem at once.
    const slecht = await post(r.alfa, '/conformance/v1/storingen', { padPatroon: 'geen-pad', soort: 'STATUS', status: 418, kans: 2 });
    expect(slecht.status).toBe(400);
    expect(slecht.body.errors.map((e: any) => e.pointer).sort()).toEqual(['/kans', '/padPatroon', '/status']);
  });

  it('personas: a versioned catalogue whose schools give the outcomes it promises', async () => {
    const res = await t.http().get('/conformance/v1/personas').set(bearer(r.alfa)).expect(200);
    expect(res.body.versie).toBe('2026.2');
    expect(res.body.changelog[0].versie).toBe('2026.1');
    const p = Object.fromEntries(res.body.items.map((x: any) => [x.sleutel, x]));
    const bsn = p.bekend.gegevens.bsn as string;
    expect((await post(r.alfa, '/rod/v1/identificaties', { persoonsgebondenNummer: { burgerservicenummer: bsn }, geboortedatum: p.bekend.gegevens.geboortedatum, geslacht: p.bekend.gegevens.geslacht })).body.resultaat).toBe('goedgekeurd');
    const viaSchool = (school: Record<string, string>, volgnummer: string) => {
      const { instellingscode, ...codes } = school;
      return post(r.alfa, '/rod/v1/inschrijvingen', inschrijving(bsn, { instellingscode, inschrijvingvolgnummer: volgnummer, inschrijvingPeriodeBO: [{ datumBegin: '2025-08-28', ...codes, groep: '3' }] }));
    };
    expect((await viaSchool(p.gemachtigdeSchool.gegevens, 'P1')).status).toBe(201);
    expectProblem(await viaSchool(p.schoolZonderMachtiging.gegevens, 'P2'), 403, '221_geen_machtiging');
    const onbekend = await viaSchool(p.onbekendeVestiging.gegevens, 'P3');
    expect(onbekend.status).toBe(422);
    expect(onbekend.body.foutmeldingen.map((f: any) => f.code)).toContain('220_vestiging_onbekend');
    // Identificatie personas: a new pupil abroad gets an onderwijsnummer, the same when asked again; twins get two.
    const ident = (g: Record<string, unknown>, voornamen = g.voornamen) => post(r.alfa, '/rod/v1/identificaties', { ...g, voornamen });
    const nieuw = await ident(p.nieuwZonderBsn.gegevens);
    expect(nieuw.body).toMatchObject({ onderwijsnummerUitgegeven: true, persoonsgebondenNummer: { onderwijsnummer: expect.stringMatching(/^\d{9}$/) } });
    expect((await ident(p.nieuwZonderBsn.gegevens)).body.persoonsgebondenNummer).toEqual(nieuw.body.persoonsgebondenNummer);
    const [a, b] = p.tweelingen.gegevens.voornamen as string[];
    const ta = (await ident(p.tweelingen.gegevens, a)).body.persoonsgebondenNummer.onderwijsnummer;
    const tb = (await ident(p.tweelingen.gegevens, b)).body.persoonsgebondenNummer.onderwijsnummer;
    expect(ta).toMatch(/^\d{9}$/);
    expect(tb).toMatch(/^\d{9}$/);
    expect(ta).not.toBe(tb);
    await t.http().get('/conformance/v1/personas?versie=1999.9').set(bearer(r.alfa)).expect(400);
  });
});

function codesVan(school: typeof SCHOOL_ALFA) {
  const { instellingscode: _, ...codes } = school;
  return codes;
}
