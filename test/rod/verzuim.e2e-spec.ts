import { bearer, tokenFor } from '../support/auth';
import { expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';
import { bedrijfsdocument, codes, inschrijving, nieuweLeerling, RodTest, rodSetup } from './rod-support';

/** Verzuimmelding (rod.md §3 #7, §10): a meldingsnummer to look it up by; during the BRON freeze only for pupils already in ROD. */
describe('ROD verzuimmelding', () => {
  let t: TestApp;
  let r: RodTest;
  beforeAll(async () => {
    t = await createTestApp();
    r = await rodSetup(t);
  });
  afterAll(() => t.close());

  const send = (body: unknown, token = r.alfa) => t.http().post('/rod/v1/verzuimmeldingen').set(bearer(token)).send(body as object);
  const melding = (bsn: string, overrides: Record<string, unknown> = {}) => ({
    bedrijfsdocument: bedrijfsdocument(),
    instellingscode: '01AA',
    persoonsgebondenNummer: { burgerservicenummer: bsn },
    soortVerzuim: 'ZESTIEN_UUR',
    datumBegin: '2025-08-28',
    datumEinde: '2025-08-29',
    aantalUren: 16,
    ...overrides,
  });
  /** A pupil enrolled at 01AA from 2025-08-28; returns the BSN. */
  const ingeschreven = async () => {
    const bsn = await nieuweLeerling(r);
    expect((await t.http().post('/rod/v1/inschrijvingen').set(bearer(r.alfa)).send(inschrijving(bsn))).status).toBe(201);
    return bsn;
  };
  const expectAfgekeurd = (res: Awaited<ReturnType<typeof send>>, expected: string[]) => {
    const body = expectProblem(res, 422, 'afgekeurd');
    expect(codes(body.foutmeldingen)).toEqual([...expected].sort());
    for (const f of body.foutmeldingen) expect(f).toEqual(expect.objectContaining({ soort: 'FOUTMELDING', tekst: expect.any(String), veld: expect.any(String) }));
    return body;
  };
  const aantal = async () => (await t.db.query('SELECT count(*)::int AS n FROM rod_verzuimmelding'))[0].n as number;

  it('goedgekeurd: 201 with a meldingsnummer that looks the melding up later', async () => {
    const bsn = await ingeschreven();
    const res = await send(melding(bsn, { toelichting: 'Ouders gebeld.' }));
    expect(res.status).toBe(201);
    expect(res.body).toEqual(expect.objectContaining({ resultaat: 'goedgekeurd', meldingsnummer: expect.stringMatching(/^VZ\d{10}$/), meldingen: [], foutmeldingen: [] }));
    const get = await t.http().get(`/rod/v1/verzuimmeldingen/${res.body.meldingsnummer}`).set(bearer(r.alfa));
    expect(get.status).toBe(200);
    expect(get.body).toEqual(
      expect.objectContaining({
        meldingsnummer: res.body.meldingsnummer, instellingscode: '01AA', soortVerzuim: 'ZESTIEN_UUR', datumBegin: '2025-08-28', datumEinde: '2025-08-29',
        aantalUren: 16, toelichting: 'Ouders gebeld.', persoonsgebondenNummer: { burgerservicenummer: bsn },
      }),
    );
    const tweede = await send(melding(bsn, { datumBegin: '2025-08-30', datumEinde: '2025-08-31' }));
    expect(tweede.body.meldingsnummer).not.toBe(res.body.meldingsnummer);
  });

  it('goedgekeurd met meldingen: 283 when part of the periode was reported before', async () => {
    const bsn = await ingeschreven();
    const eerste = await send(melding(bsn));
    const res = await send(melding(bsn, { soortVerzuim: 'SIGNAALVERZUIM', datumBegin: '2025-08-29', datumEinde: undefined }));
    expect(res.status).toBe(201);
    expect(res.body.resultaat).toBe('goedgekeurd met meldingen');
    expect(codes(res.body.meldingen)).toEqual(['283_verzuim_overlapt_eerdere_melding']);
    expect(res.body.meldingen[0].tekst).toContain(eerste.body.meldingsnummer);
  });

  it('afgekeurd: every foutmelding at once, nothing stored', async () => {
    const bsn = await ingeschreven();
    const before = await aantal();
    const body = melding(bsn, { soortVerzuim: 'SPIJBELEN', datumBegin: '2025-08-27', datumEinde: '2025-08-20' });
    const problem = expectAfgekeurd(await send(body), ['046_waardenlijst_fout', '280_geen_inschrijving_op_verzuimdatum', '281_verzuim_einde_voor_begin']);
    expect(problem.identificatiecodeBedrijfsdocument).toBe(body.bedrijfsdocument.identificatiecodeBedrijfsdocument);
    expect(await aantal()).toBe(before);
  });

  it('280: only for a pupil enrolled at this school on the verzuim dates', async () => {
    const bsn = await ingeschreven();
    expectAfgekeurd(await send(melding(bsn, { instellingscode: '01AB' })), ['280_geen_inschrijving_op_verzuimdatum']);
    expectAfgekeurd(await send(melding(await nieuweLeerling(r))), ['280_geen_inschrijving_op_verzuimdatum']);
  });

  it('210 and 211 for the PGN; schema garbage is 400', async () => {
    expectAfgekeurd(await send(melding('123456782')), ['210_pgn_onbekend']);
    expectAfgekeurd(await send(melding('123456789')), ['211_pgn_elfproef']);
    expectProblem(await send({ bedrijfsdocument: bedrijfsdocument(), instellingscode: '01AA', datumBegin: 'maandag' }), 400, 'invalid_input');
    expectProblem(await t.http().get('/rod/v1/verzuimmeldingen/123').set(bearer(r.alfa)), 400, 'invalid_input');
  });

  it('no machtiging: 403 before anything else, and the other vendor cannot look the melding up', async () => {
    const bsn = await ingeschreven();
    const before = await aantal();
    expectProblem(await send(melding(bsn, { soortVerzuim: 'X' }), r.beta), 403, '221_geen_machtiging');
    expect(await aantal()).toBe(before);
    const ok = await send(melding(bsn));
    expectProblem(await t.http().get(`/rod/v1/verzuimmeldingen/${ok.body.meldingsnummer}`).set(bearer(r.beta)), 404, 'not_found');
  });

  it('replay: the same bedrijfsdocument gets the same meldingsnummer; other content under it is refused', async () => {
    const bsn = await ingeschreven();
    const body = melding(bsn);
    const first = await send(body);
    const before = await aantal();
    const again = await send(body);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await aantal()).toBe(before);
    expectProblem(await send({ ...body, soortVerzuim: 'LUXEVERZUIM' }), 422, 'bedrijfsdocument_hergebruikt');
    const viaKey = (b: object) => t.http().post('/rod/v1/verzuimmeldingen').set(bearer(r.alfa)).set('Idempotency-Key', 'verzuim-key-1').send(b);
    const metKey = melding(bsn, { datumBegin: '2025-08-31', datumEinde: undefined });
    const k1 = await viaKey(metKey);
    const k2 = await viaKey(metKey);
    expect(k2.headers['idempotent-replayed']).toBe('true');
    expect(k2.body.meldingsnummer).toBe(k1.body.meldingsnummer);
    expectProblem(await viaKey(melding(bsn)), 422, 'idempotency_key_reused');
  });

  it('sandbox isolation: a melding of one sandbox is not found from another', async () => {
    const bsn = await ingeschreven();
    const ok = await send(melding(bsn));
    const created = await t.http().post('/beheer/v1/sandboxes').set(bearer(r.admin)).send({ code: 'verzuim-tweede', seed: 'small', clientIds: ['las-alfa'] });
    expect(created.status).toBe(201);
    const tweede = await tokenFor(t, 'las-alfa', undefined, { sandbox: 'verzuim-tweede' });
    expectProblem(await t.http().get(`/rod/v1/verzuimmeldingen/${ok.body.meldingsnummer}`).set(bearer(tweede)), 404, 'not_found');
    expectAfgekeurd(await send(melding(bsn), tweede), ['210_pgn_onbekend']);
  });

  it('during the BRON freeze: verzuim only for pupils already in ROD (282 for others), while inschrijvingen are refused', async () => {
    const inRod = await ingeschreven();
    const nietInRod = await nieuweLeerling(r);
    const zet = await t.http().put('/bron/v1/bevriezing').set(bearer(r.admin)).send({ bevrorenVanaf: '2025-08-31T00:00:00Z', bevrorenTot: '2025-10-01T00:00:00Z' });
    expect(zet.status).toBe(200);
    try {
      expectProblem(await t.http().post('/rod/v1/inschrijvingen').set(bearer(r.alfa)).send(inschrijving(nietInRod)), 409, 'register_bevroren');
      const ok = await send(melding(inRod));
      expect(ok.status).toBe(201);
      const before = await aantal();
      expectAfgekeurd(await send(melding(nietInRod)), ['282_register_gesloten_leerling_niet_in_rod']);
      expect(await aantal()).toBe(before);
    } finally {
      expect((await t.http().delete('/bron/v1/bevriezing').set(bearer(r.admin))).status).toBe(204);
    }
    expectAfgekeurd(await send(melding(nietInRod)), ['280_geen_inschrijving_op_verzuimdatum']);
  });

  it('a reset of the sandbox takes its verzuimmeldingen away', async () => {
    expect((await t.http().post('/beheer/v1/sandboxes').set(bearer(r.admin)).send({ code: 'verzuim-reset', seed: 'small', clientIds: ['las-alfa'] })).status).toBe(201);
    const [{ id }] = await t.db.query(`SELECT id FROM sandbox WHERE code = 'verzuim-reset'`);
    // A pupil the seed enrolled at 01AA from 1 August of the current schooljaar.
    const [{ bsn, begin }] = await t.db.query(
      `SELECT p.burgerservicenummer AS bsn, to_char(i.datum_inschrijving, 'YYYY-MM-DD') AS begin FROM rod_inschrijving i JOIN rod_persoon p ON p.id = i.persoon_id
        WHERE i.sandbox_id = $1 AND i.instellingscode = '01AA' AND i.datum_uitschrijving IS NULL ORDER BY p.burgerservicenummer LIMIT 1`,
      [id],
    );
    const las = await tokenFor(t, 'las-alfa', undefined, { sandbox: 'verzuim-reset' });
    const res = await send(melding(bsn, { datumBegin: begin, datumEinde: begin, bedrijfsdocument: { ...bedrijfsdocument(), datumTijdBedrijfsdocument: `${begin}T09:00:00Z` } }), las);
    expect(res.status).toBe(201);
    const inSandbox = async () => (await t.db.query('SELECT count(*)::int AS n FROM rod_verzuimmelding WHERE sandbox_id = $1', [id]))[0].n as number;
    expect(await inSandbox()).toBe(1);
    expect((await t.http().post('/beheer/v1/sandboxes/verzuim-reset/resets').set(bearer(r.admin))).status).toBe(200);
    expect(await inSandbox()).toBe(0);
  });
});
