import { plusDagen, plusJaren } from '../../src/rod/rules/datum';
import { bearer } from '../support/auth';
import { expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';
import { inschrijving, nieuweLeerling, rodSetup, RodTest, zetKlok } from '../rod/rod-support';

const codes = (res: { body: { meldingen?: { code: string }[]; foutmeldingen?: { code: string }[] } }) => [...(res.body.foutmeldingen ?? []), ...(res.body.meldingen ?? [])].map((m) => m.code);

/**
 * Catalogue 2026.2: personas relative to the sandbox clock at seeding (the seed date), each giving the outcome the
 * catalogue promises — before and after the date it names.
 */
describe('conformance personas 2026.2: a pupil turning 4, one turning 14, a school not yet connected, a vestiging that closes', () => {
  let t: TestApp;
  let r: RodTest;
  let p: Record<string, any>;
  /** The sandbox's today when it was seeded. */
  let seedDatum: string;
  beforeAll(async () => {
    t = await createTestApp();
    r = await rodSetup(t);
    p = Object.fromEntries((await t.http().get('/conformance/v1/personas').set(bearer(r.alfa)).expect(200)).body.items.map((x: any) => [x.sleutel, x]));
    const [{ geboortedatum }] = await t.db.query(`SELECT geboortedatum FROM rod_persoon WHERE persona = 'wordtVierVolgendeWeek'`);
    seedDatum = plusDagen(plusJaren(geboortedatum, 4), -7);
  });
  afterAll(() => t.close());

  const post = (token: string, body: object) => t.http().post('/rod/v1/inschrijvingen').set(bearer(token)).send(body);
  const vanaf = (bsn: string, datum: string, volgnummer: string, school: Record<string, string>) => {
    const { instellingscode, ...periode } = school;
    return inschrijving(bsn, { instellingscode, inschrijvingvolgnummer: volgnummer, datumInschrijving: datum, inschrijvingPeriodeBO: [{ datumBegin: datum, ...periode, groep: '1' }] });
  };
  const opgeslagen = async (token: string, instellingscode: string, bsn: string) =>
    (await t.http().post('/rod/v1/inschrijvingen/_zoek').set(bearer(token)).send({ instellingscode, persoonsgebondenNummer: { burgerservicenummer: bsn } }).expect(200)).body.items;

  it('2026.2 adds the four personas and keeps every 2026.1 persona as it was; 2026.1 stays pinnable', async () => {
    const nu = (await t.http().get('/conformance/v1/personas').set(bearer(r.alfa)).expect(200)).body;
    const oud = (await t.http().get('/conformance/v1/personas?versie=2026.1').set(bearer(r.alfa)).expect(200)).body;
    expect(nu.versie).toBe('2026.2');
    expect(oud.versie).toBe('2026.1');
    expect(nu.changelog.map((c: any) => c.versie)).toEqual(['2026.1', '2026.2']);
    const nieuw = ['wordtVierVolgendeWeek', 'wordtVeertien', 'nietAangeslotenSchool', 'sluitendeVestiging'];
    expect(nu.items.filter((x: any) => x.sinds === '2026.2').map((x: any) => x.sleutel).sort()).toEqual([...nieuw].sort());
    expect(oud.items.map((x: any) => x.sleutel)).not.toEqual(expect.arrayContaining(nieuw.slice(0, 1)));
    for (const x of oud.items) expect(nu.items.find((y: any) => y.sleutel === x.sleutel)).toEqual(x);
    // Personas relative to the seed date show their dates in this sandbox, the same as it was seeded with.
    expect(nu.seedDatum).toBe(seedDatum);
    const [{ geboortedatum }] = await t.db.query(`SELECT geboortedatum FROM rod_persoon WHERE persona = 'wordtVeertien'`);
    expect(p.wordtVeertien.inDezeSandbox).toEqual({ geboortedatum });
    expect(p.wordtVierVolgendeWeek.inDezeSandbox).toEqual({ geboortedatum: plusJaren(plusDagen(seedDatum, 7), -4) });
    expect(p.nietAangeslotenSchool.inDezeSandbox).toEqual({ aansluitdatum: plusDagen(seedDatum, 14) });
    const vestiging = (await t.http().get('/rio/v1/vestigingserkenningen/01AA01').set(bearer(r.alfa)).expect(200)).body;
    expect(p.sluitendeVestiging.inDezeSandbox).toEqual({ sluitdatum: vestiging.uitBedrijfdatum });
    expect(p.bekend.inDezeSandbox).toBeUndefined();
    // A run may pin either version.
    const run = await t.http().post('/conformance/v1/runs').set(bearer(r.alfa)).send({ catalogusVersie: '2026.1' }).expect(201);
    expect(run.body.catalogusVersie).toBe('2026.1');
  });

  it('wordtVierVolgendeWeek: refused (230) before the 4th birthday, a week on the sandbox clock later accepted; PG14 grades it', async () => {
    const bsn = p.wordtVierVolgendeWeek.gegevens.bsn;
    const verjaardag = plusDagen(seedDatum, 7);
    await zetKlok(t, seedDatum);
    const run = async (body: object = {}) => (await t.http().post('/conformance/v1/runs').set(bearer(r.alfa)).send(body).expect(201)).body.runId as string;
    const pg14 = async (id: string) => (await t.http().get(`/conformance/v1/runs/${id}`).set(bearer(r.alfa)).expect(200)).body.gevallen.find((g: any) => g.nummer === 'PG14');
    const teVroeg = await run();
    expect(await pg14(teVroeg)).toMatchObject({ uitslag: 'NIET_GEPROBEERD' });
    const nu = await post(r.alfa, vanaf(bsn, seedDatum, 'V1', { instellingscode: '01AB', vestigingscode: '01AB00', onderwijsaanbiedercode: '100A002', onderwijslocatiecode: '100X002' }));
    expect(nu.status).toBe(422);
    expect(codes(nu)).toContain('230_datum_inschrijving_voor_4e_verjaardag');
    const dagErvoor = await post(r.alfa, vanaf(bsn, plusDagen(verjaardag, -1), 'V1', { instellingscode: '01AB', vestigingscode: '01AB00', onderwijsaanbiedercode: '100A002', onderwijslocatiecode: '100X002' }));
    expect(codes(dagErvoor)).toContain('230_datum_inschrijving_voor_4e_verjaardag');
    expect(await opgeslagen(r.alfa, '01AB', bsn)).toHaveLength(0);
    const opTijd = await run();
    const oudeCatalogus = await run({ catalogusVersie: '2026.1' });
    await zetKlok(t, verjaardag);
    const later = await post(r.alfa, vanaf(bsn, verjaardag, 'V1', { instellingscode: '01AB', vestigingscode: '01AB00', onderwijsaanbiedercode: '100A002', onderwijslocatiecode: '100X002' }));
    expect(later.status).toBe(201);
    expect(codes(later)).not.toContain('230_datum_inschrijving_voor_4e_verjaardag');
    // PG14: the LAS that sent before the birthday fails with the reason; the one that waited passes; 2026.1 has no PG14.
    expect(await pg14(teVroeg)).toMatchObject({ uitslag: 'MISLUKT', reden: expect.stringContaining('before the fourth birthday (230)') });
    expect((await pg14(teVroeg)).details.map((d: any) => d.status)).toEqual([422, 422]);
    expect(await pg14(opTijd)).toMatchObject({ uitslag: 'GESLAAGD', details: [expect.objectContaining({ status: 201 })] });
    expect(await pg14(oudeCatalogus)).toBeUndefined();
  });

  it('wordtVeertien: goedgekeurd without 251 in this schooljaar, with 251 from the next 1 August', async () => {
    const bsn = p.wordtVeertien.gegevens.bsn;
    await zetKlok(t, seedDatum);
    const [{ geboortedatum }] = await t.db.query(`SELECT geboortedatum FROM rod_persoon WHERE persona = 'wordtVeertien'`);
    const volgendSchooljaar = plusDagen(plusJaren(geboortedatum, 14), 1);
    expect(volgendSchooljaar.slice(5)).toBe('08-01');
    const school = { instellingscode: '01AB', vestigingscode: '01AB00', onderwijsaanbiedercode: '100A002', onderwijslocatiecode: '100X002' };
    const dit = await post(r.alfa, vanaf(bsn, seedDatum, 'W1', school));
    expect(dit.status).toBe(201);
    expect(codes(dit)).not.toContain('251_leerling_te_oud');
    const volgend = await post(r.alfa, vanaf(bsn, volgendSchooljaar, 'W2', school));
    expect(volgend.status).toBe(201);
    expect(codes(volgend)).toContain('251_leerling_te_oud');
  });

  it('nietAangeslotenSchool: 409 school_niet_aangesloten until its aansluitdatum, then accepted', async () => {
    const school = p.nietAangeslotenSchool.gegevens;
    const aansluitingen = (await t.http().get('/bron/v1/aansluitingen').set(bearer(r.admin)).expect(200)).body.aansluitingen;
    const aansluitdatum = plusDagen(seedDatum, 14);
    expect(aansluitingen).toContainEqual(expect.objectContaining({ instellingscode: school.instellingscode, aansluitdatum }));
    await zetKlok(t, seedDatum);
    const bsn = await nieuweLeerling(r, '2018-04-04');
    const voor = await post(r.beta, vanaf(bsn, seedDatum, 'N1', school));
    expectProblem(voor, 409, 'school_niet_aangesloten');
    expect(voor.body.detail).toContain('not yet connected');
    expect(await opgeslagen(r.beta, school.instellingscode, bsn)).toHaveLength(0);
    // Every other school takes inschrijvingen as usual.
    expect((await post(r.beta, vanaf(bsn, seedDatum, 'N2', { instellingscode: '02AA', vestigingscode: '02AA00', onderwijsaanbiedercode: '100A004', onderwijslocatiecode: '100X004' }))).status).toBe(201);
    await zetKlok(t, aansluitdatum);
    const na = await post(r.beta, vanaf(bsn, aansluitdatum, 'N1', school));
    expect(na.status).toBe(201);
  });

  it('sluitendeVestiging: a periode before the closing date gets no melding, one from it melding 222', async () => {
    const school = p.sluitendeVestiging.gegevens;
    const vestiging = (await t.http().get(`/rio/v1/vestigingserkenningen/${school.vestigingscode}`).set(bearer(r.alfa)).expect(200)).body;
    const sluitdatum = vestiging.uitBedrijfdatum as string;
    const [jaar] = seedDatum.split('-').map(Number);
    expect(sluitdatum).toBe(`${Number(seedDatum.slice(5, 7)) >= 8 ? jaar + 1 : jaar}-08-01`);
    await zetKlok(t, seedDatum);
    const bsn = await nieuweLeerling(r, '2018-05-05');
    const open = await post(r.alfa, vanaf(bsn, seedDatum, 'S1', school));
    expect(open.status).toBe(201);
    expect(codes(open)).not.toContain('222_vestiging_niet_geldig');
    const dicht = await post(r.alfa, vanaf(bsn, sluitdatum, 'S2', school));
    expect(dicht.status).toBe(201);
    expect(codes(dicht)).toContain('222_vestiging_niet_geldig');
  });
});
