import { bearer } from '../support/auth';
import { expectInvalid, expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';
import { bedrijfsdocument, codes, inschrijving, nieuweLeerling, RodTest, rodSetup, SCHOOL_ALFA, zetKlok } from './rod-support';

/** School voor SO De Brug of the small seed: RIO Instellingssoort SPEC, bestuur 100B002 (las-beta holds the machtiging). */
const DE_BRUG = { vestigingscode: '02AC00', onderwijsaanbiedercode: '100A006', onderwijslocatiecode: '100X006' };

/** AanleverenInschrijvingSO (rod.md §4.3): the so/vso contract, on RIO soort SPEC, with its own rules (046, 290–296). */
describe('ROD so/vso inschrijvingen', () => {
  let t: TestApp;
  let r: RodTest;
  beforeAll(async () => {
    t = await createTestApp();
    r = await rodSetup(t);
    await zetKlok(t, '2027-01-11');
  });
  afterAll(() => t.close());

  const send = (body: unknown, token = r.beta) => t.http().post('/rod/v1/inschrijvingen-so').set(bearer(token)).send(body as object);
  const soInschrijving = (bsn: string, overrides: Record<string, unknown> = {}) => ({
    bedrijfsdocument: bedrijfsdocument(),
    instellingscode: '02AC',
    persoonsgebondenNummer: { burgerservicenummer: bsn },
    inschrijvingvolgnummer: '1',
    datumInschrijving: '2027-01-07',
    inschrijvingPeriodeSO: [{ datumBegin: '2027-01-07', ...DE_BRUG, groep: '3' }],
    schoolsoort: '1',
    cluster: 3,
    soortOnderwijs: 'MOEILIJK_LEREND',
    soortVerblijf: 'REGULIER',
    toelaatbaarheidsverklaring: [{ beschikkingsnummer: 'TLV-SWV-0001', datumBegin: '2027-01-04', datumEinde: '2028-07-31' }],
    ...overrides,
  });
  const expectAfgekeurd = (res: Awaited<ReturnType<typeof send>>, expected: string[]) => {
    const body = expectProblem(res, 422, 'afgekeurd');
    expect(codes(body.foutmeldingen)).toEqual([...expected].sort());
    for (const f of body.foutmeldingen) expect(f).toEqual(expect.objectContaining({ soort: 'FOUTMELDING', tekst: expect.any(String), veld: expect.any(String) }));
    return body;
  };
  const aantal = async () => (await t.db.query(`SELECT count(*)::int AS n FROM rod_inschrijving WHERE instellingscode = '02AC'`))[0].n as number;

  it('the small seed: so and vso pupils at 02AC from 1 August, each with its so part and a TLV, read by las-beta and funded', async () => {
    const [{ begin }]: { begin: string }[] = await t.db.query(
      `SELECT to_char(min(datum_inschrijving), 'YYYY-MM-DD') AS begin FROM rod_inschrijving WHERE sandbox_id = $1 AND instellingscode = '02AC' AND aangeleverd_door = 'seed'`,
      [r.sandboxId],
    );
    expect(begin).toMatch(/^\d{4}-08-01$/);
    const overzicht = await t.http().get(`/rod/v1/instellingen/02AC/registratieoverzicht?peildatum=${begin}&pageSize=100`).set(bearer(r.beta));
    expect(overzicht.status).toBe(200);
    expect(overzicht.headers['content-type']).toMatch(/^application\/json/);
    const seeded = overzicht.body.items.filter((i: any) => i.datumInschrijving === begin);
    expect(seeded).toHaveLength(7);
    expect(seeded.map((i: any) => i.speciaalOnderwijs.schoolsoort).sort()).toEqual(['SO', 'SO', 'SO', 'SO', 'VSO', 'VSO', 'VSO']);
    for (const i of seeded) {
      expect(i.speciaalOnderwijs).toEqual(expect.objectContaining({ cluster: 4, soortOnderwijs: expect.any(String), soortVerblijf: expect.any(String) }));
      expect(i.speciaalOnderwijs.uitstroomprofiel === null).toBe(i.speciaalOnderwijs.schoolsoort === 'SO');
      expect(i.toelaatbaarheidsverklaring).toEqual([expect.objectContaining({ beschikkingsnummer: expect.stringMatching(/^TLV-/), datumBegin: begin })]);
      expect(i.inschrijvingPeriodeBO).toEqual([expect.objectContaining({ datumBegin: begin, vestigingscode: '02AC00', onderwijsaanbiedercode: '100A006', onderwijslocatiecode: '100X006' })]);
    }
    // The vso pupils are older than a bo pupil may be, yet inside the vso range (WEC): funded, as every seeded so pupil with its TLV.
    const ids = new Set(seeded.map((i: any) => i.inschrijvingId));
    const statussen = await t.http().get(`/rod/v1/bekostigingsstatussen?instellingscode=02AC&teldatum=${begin}&pageSize=100`).set(bearer(r.beta));
    expect(statussen.status).toBe(200);
    const eigen = statussen.body.items.filter((s: any) => ids.has(s.inschrijvingId));
    expect(eigen).toHaveLength(7);
    expect(eigen.map((s: any) => [s.status, s.signalen])).toEqual(Array(7).fill(['BEKOSTIGD', []]));
    const personen: { geboortedatum: string }[] = await t.db.query(
      `SELECT p.geboortedatum FROM rod_inschrijving i JOIN rod_persoon p ON p.id = i.persoon_id WHERE i.sandbox_id = $1 AND i.instellingscode = '02AC' AND i.aangeleverd_door = 'seed' AND i.speciaal_onderwijs->>'schoolsoort' = 'VSO'`,
      [r.sandboxId],
    );
    expect(personen.some((p) => Number(begin.slice(0, 4)) - Number(p.geboortedatum.slice(0, 4)) >= 15)).toBe(true);
    // las-alfa holds no machtiging for 02AC.
    expectProblem(await t.http().get(`/rod/v1/instellingen/02AC/registratieoverzicht?peildatum=${begin}`).set(bearer(r.alfa)), 403, '221_geen_machtiging');
  });

  it('goedgekeurd: 201, the so part read back and versioned, a resend changes nothing', async () => {
    const bsn = await nieuweLeerling(r, '2017-03-10');
    const body = soInschrijving(bsn);
    const res = await send(body);
    expect(res.status).toBe(201);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual(expect.objectContaining({ resultaat: 'goedgekeurd', versie: 1, gewijzigd: true, meldingen: [], foutmeldingen: [] }));
    const gelezen = await t.http().get(`/rod/v1/inschrijvingen/${res.body.inschrijvingId}`).set(bearer(r.beta));
    expect(gelezen.status).toBe(200);
    expect(gelezen.body).toMatchObject({
      instellingscode: '02AC',
      speciaalOnderwijs: { schoolsoort: 'SO', cluster: 3, soortOnderwijs: 'MOEILIJK_LEREND', soortVerblijf: 'REGULIER', arrangement: null, uitstroomprofiel: null },
      inschrijvingPeriodeBO: [expect.objectContaining({ datumBegin: '2027-01-07', vestigingscode: '02AC00', groep: '3' })],
      toelaatbaarheidsverklaring: body.toelaatbaarheidsverklaring,
    });
    const versies = await t.http().get(`/rod/v1/inschrijvingen/${res.body.inschrijvingId}/versies`).set(bearer(r.beta));
    expect(versies.body.items[0].inhoud).toMatchObject({ speciaalOnderwijs: { schoolsoort: 'SO', cluster: 3 }, inschrijvingPeriodeSO: [expect.objectContaining({ vestigingscode: '02AC00' })] });
    const opnieuw = await send({ ...body, bedrijfsdocument: bedrijfsdocument() });
    expect(opnieuw.status).toBe(200);
    expect(opnieuw.body).toMatchObject({ versie: 1, gewijzigd: false });
  });

  it('goedgekeurd: vso with an uitstroomprofiel (a pupil of 15: no melding in vso), cluster 2 with soortOnderwijs and an arrangement', async () => {
    const vso = await send(soInschrijving(await nieuweLeerling(r, '2010-02-01'), { schoolsoort: '2', uitstroomprofiel: 'ARBEIDSMARKT' }));
    expect(vso.status).toBe(201);
    expect(vso.body.resultaat).toBe('goedgekeurd');
    const cluster2 = await send(soInschrijving(await nieuweLeerling(r), { cluster: 2, soortOnderwijs: 'SLECHT_HOREND', arrangement: 'MEDIUM', toelaatbaarheidsverklaring: undefined }));
    expect(cluster2.status).toBe(201);
    const gelezen = await t.http().get(`/rod/v1/inschrijvingen/${cluster2.body.inschrijvingId}`).set(bearer(r.beta));
    expect(gelezen.body.speciaalOnderwijs).toEqual({ schoolsoort: 'SO', cluster: 2, soortOnderwijs: 'SLECHT_HOREND', soortVerblijf: 'REGULIER', arrangement: 'MEDIUM', uitstroomprofiel: null });
  });

  it('goedgekeurd met meldingen: 251 when a vso pupil was already 20 before 1 August', async () => {
    const res = await send(soInschrijving(await nieuweLeerling(r, '2004-05-01'), { schoolsoort: '2', uitstroomprofiel: 'DAGBESTEDING' }));
    expect(res.status).toBe(201);
    expect(res.body.resultaat).toBe('goedgekeurd met meldingen');
    expect(codes(res.body.meldingen)).toEqual(['251_leerling_te_oud']);
    expect(res.body.meldingen[0].tekst).toContain('20 jaar');
    // so keeps the bo limit: 14 before 1 August.
    const so = await send(soInschrijving(await nieuweLeerling(r, '2010-02-01')));
    expect(codes(so.body.meldingen)).toEqual(['251_leerling_te_oud']);
    expect(so.body.meldingen[0].tekst).toContain('14 jaar');
  });

  it('afgekeurd: every so/vso foutmelding at once, with its field, nothing stored', async () => {
    const bsn = await nieuweLeerling(r);
    const before = await aantal();
    const body = expectAfgekeurd(
      await send(soInschrijving(bsn, { schoolsoort: '2', cluster: 4, soortOnderwijs: 'DOOF', arrangement: 'INTENSIEF', soortVerblijf: 'INTERNAAT', toelaatbaarheidsverklaring: [] })),
      ['046_waardenlijst_fout', '291_tlv_ontbreekt', '293_soort_onderwijs_past_niet_bij_cluster', '294_uitstroomprofiel_ontbreekt', '296_arrangement_past_niet_bij_cluster'],
    );
    expect(body.foutmeldingen.map((f: { veld: string }) => f.veld).sort()).toEqual(['/arrangement', '/soortOnderwijs', '/soortVerblijf', '/toelaatbaarheidsverklaring', '/uitstroomprofiel']);
    expectAfgekeurd(await send(soInschrijving(bsn, { schoolsoort: '3', cluster: 5 })), ['046_waardenlijst_fout', '046_waardenlijst_fout']);
    expectAfgekeurd(await send(soInschrijving(bsn, { cluster: 1, soortOnderwijs: undefined, uitstroomprofiel: 'ARBEIDSMARKT' })), ['292_soort_onderwijs_ontbreekt', '295_uitstroomprofiel_alleen_bij_vso']);
    // Periode rules answer in the contract's own names.
    const periode = expectAfgekeurd(await send(soInschrijving(bsn, { inschrijvingPeriodeSO: [{ datumBegin: '2027-01-07', ...DE_BRUG, groep: '9' }] })), ['046_waardenlijst_fout']);
    expect(periode.foutmeldingen[0].veld).toBe('/inschrijvingPeriodeSO/0/groep');
    expect(await aantal()).toBe(before);
  });

  it('290: the so/vso contract only at a SPEC school, the bo contract only at the others', async () => {
    const bsn = await nieuweLeerling(r);
    const { instellingscode: _i, ...alfa } = SCHOOL_ALFA;
    const soBijBo = await send(soInschrijving(bsn, { instellingscode: '01AA', inschrijvingPeriodeSO: [{ datumBegin: '2027-01-07', ...alfa, groep: '3' }] }), r.alfa);
    expect(expectAfgekeurd(soBijBo, ['290_contract_past_niet_bij_soort_school']).foutmeldingen[0].tekst).toContain('AanleverenInschrijvingBO');
    const boBijSo = await t.http().post('/rod/v1/inschrijvingen').set(bearer(r.beta)).send(inschrijving(bsn, {}, { instellingscode: '02AC', ...DE_BRUG }));
    expect(expectAfgekeurd(boBijSo, ['290_contract_past_niet_bij_soort_school']).foutmeldingen[0].tekst).toContain('AanleverenInschrijvingSO');
  });

  it('400: the body fails the schema, every problem listed', async () => {
    const bsn = await nieuweLeerling(r);
    expectInvalid(await send(soInschrijving(bsn, { schoolsoort: undefined, cluster: 'drie', inschrijvingPeriodeSO: undefined, inschrijvingPeriodeBO: [] })), [
      { pointer: '/cluster' },
      { pointer: '/inschrijvingPeriodeBO' },
      { pointer: '/inschrijvingPeriodeSO' },
      { pointer: '/schoolsoort' },
    ]);
  });

  it('403: no machtiging for the school, before anything else', async () => {
    const before = await aantal();
    expectProblem(await send(soInschrijving(await nieuweLeerling(r), { cluster: 9 }), r.alfa), 403, '221_geen_machtiging');
    expect(await aantal()).toBe(before);
  });
});
