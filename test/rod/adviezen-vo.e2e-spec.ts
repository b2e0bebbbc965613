import { bearer, tokenFor } from '../support/auth';
import { expectInvalid, expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';
import { bedrijfsdocument, codes, inschrijving, nieuweLeerling, RodTest, rodSetup, SCHOOL_ALFA, SCHOOL_ALFA_2 } from './rod-support';

/** AanleverenAdviesVO (rod.md §4.5): the schooladvies at the end of groep 8. */
describe('ROD aanleveren schooladvies (AanleverenAdviesVO)', () => {
  let t: TestApp;
  let r: RodTest;
  beforeAll(async () => {
    t = await createTestApp();
    r = await rodSetup(t);
  });
  afterAll(() => t.close());

  const send = (body: unknown, token = r.alfa) => t.http().post('/rod/v1/adviezen-vo').set(bearer(token)).send(body as object);
  const { instellingscode, vestigingscode, onderwijsaanbiedercode, onderwijslocatiecode } = SCHOOL_ALFA;
  const advies = (bsn: string, overrides: Record<string, unknown> = {}) => ({
    bedrijfsdocument: bedrijfsdocument(),
    instellingscode,
    vestigingscode,
    persoonsgebondenNummer: { burgerservicenummer: bsn },
    adviesvolgnummer: 'A1',
    adviesjaar: 2026,
    onderwijsaanbiedercode,
    onderwijslocatiecode,
    advies1: { advies: 'HAVO', adviesdatum: '2026-01-20' },
    ...overrides,
  });
  /** A pupil of 11 in groep 8 at school alfa from 2025-08-28; returns the BSN. */
  const groep8 = async (groep = '8') => {
    const bsn = await nieuweLeerling(r, '2014-03-01');
    const res = await t.http().post('/rod/v1/inschrijvingen').set(bearer(r.alfa)).send(inschrijving(bsn, { inschrijvingPeriodeBO: [{ datumBegin: '2025-08-28', vestigingscode, onderwijsaanbiedercode, onderwijslocatiecode, groep }] }));
    expect(res.status).toBe(201);
    return bsn;
  };
  const expectAfgekeurd = (res: Awaited<ReturnType<typeof send>>, expected: string[]) => {
    const body = expectProblem(res, 422, 'afgekeurd');
    expect(body.resultaat).toBe('afgekeurd');
    expect(codes(body.foutmeldingen)).toEqual([...expected].sort());
    for (const f of body.foutmeldingen) expect(f).toEqual(expect.objectContaining({ soort: 'FOUTMELDING', tekst: expect.any(String), veld: expect.any(String) }));
    return body;
  };
  const aantal = async () => (await t.db.query('SELECT count(*)::int AS n FROM rod_advies_vo'))[0].n as number;

  it('goedgekeurd: 201 with the advies id, read back with its version', async () => {
    const bsn = await groep8();
    const res = await send(advies(bsn, { advies2: { advies: 'VWO', adviesdatum: '2026-06-15' } }));
    expect(res.status).toBe(201);
    expect(res.body).toEqual(expect.objectContaining({ resultaat: 'goedgekeurd', versie: 1, gewijzigd: true, meldingen: [], foutmeldingen: [], adviesId: expect.any(String) }));
    const get = await t.http().get(`/rod/v1/adviezen-vo/${res.body.adviesId}`).set(bearer(r.alfa));
    expect(get.status).toBe(200);
    expect(get.body).toEqual(
      expect.objectContaining({
        instellingscode, vestigingscode, adviesjaar: 2026, adviesvolgnummer: 'A1', versie: 1,
        advies1: { advies: 'HAVO', adviesdatum: '2026-01-20' }, advies2: { advies: 'VWO', adviesdatum: '2026-06-15' },
      }),
    );
    expect(JSON.stringify(get.body)).not.toContain(bsn);
  });

  it('goedgekeurd met meldingen: RIO link checks on the adviesdatum are stored as meldingen', async () => {
    const bsn = await groep8();
    const res = await send(advies(bsn, { onderwijsaanbiedercode: SCHOOL_ALFA_2.onderwijsaanbiedercode }));
    expect(res.status).toBe(201);
    expect(res.body.resultaat).toBe('goedgekeurd met meldingen');
    expect(codes(res.body.meldingen)).toEqual(['223_aanbieder_geen_relatie', '225_geen_aangeboden_opleiding']);
    const get = await t.http().get(`/rod/v1/adviezen-vo/${res.body.adviesId}`).set(bearer(r.alfa));
    expect(codes(get.body.meldingen)).toEqual(['223_aanbieder_geen_relatie', '225_geen_aangeboden_opleiding']);
  });

  it('a new message for the same pupil and adviesjaar replaces the advies as version 2; both versions stay readable', async () => {
    const bsn = await groep8();
    const first = await send(advies(bsn));
    const second = await send(advies(bsn, { adviesvolgnummer: 'A2', advies2: { advies: 'VWO', adviesdatum: '2026-06-15' } }));
    expect(second.status).toBe(200);
    expect(second.body).toEqual(expect.objectContaining({ adviesId: first.body.adviesId, versie: 2, gewijzigd: true }));
    const same = await send(advies(bsn, { adviesvolgnummer: 'A2', advies2: { advies: 'VWO', adviesdatum: '2026-06-15' } }));
    expect(same.status).toBe(200);
    expect(same.body).toEqual(expect.objectContaining({ versie: 2, gewijzigd: false }));
    const versies = await t.http().get(`/rod/v1/adviezen-vo/${first.body.adviesId}/versies`).set(bearer(r.alfa));
    expect(versies.status).toBe(200);
    expect(versies.body.items.map((v: any) => [v.versie, v.inhoud.adviesvolgnummer, v.inhoud.advies2?.advies ?? null])).toEqual([[1, 'A1', null], [2, 'A2', 'VWO']]);
    const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM rod_advies_vo WHERE id = $1', [first.body.adviesId]);
    expect(n).toBe(1);
  });

  it('afgekeurd: every foutmelding at once, nothing stored', async () => {
    const bsn = await groep8();
    const before = await aantal();
    const body = advies(bsn, {
      adviesjaar: 2026,
      onderwijsaanbiedercode: undefined,
      onderwijslocatiecode: undefined,
      vestigingscode: '02AA00',
      advies1: { advies: 'GYMNASIUM', adviesdatum: '2025-07-01' },
    });
    const problem = expectAfgekeurd(await send(body), ['030_onderwijsaanbieder_ontbreekt', '031_onderwijslocatie_ontbreekt', '046_waardenlijst_fout', '220_vestiging_onbekend', '270_adviesdatum_buiten_schooljaar']);
    expect(problem.identificatiecodeBedrijfsdocument).toBe(body.bedrijfsdocument.identificatiecodeBedrijfsdocument);
    expect(await aantal()).toBe(before);
  });

  it('102: the definitief advies may not be lower than the voorlopig one', async () => {
    const bsn = await groep8();
    const res = await send(advies(bsn, { advies1: { advies: 'HAVO', adviesdatum: '2026-01-20' }, advies2: { advies: 'VMBO_KB', adviesdatum: '2026-06-15' } }));
    expect(expectAfgekeurd(res, ['102_advies_lager_dan_voorlopig_advies']).foutmeldingen[0].veld).toBe('/advies2/advies');
  });

  it('103: a message without any advies', async () => {
    const bsn = await groep8();
    expectAfgekeurd(await send(advies(bsn, { advies1: undefined })), ['103_advies_ontbreekt']);
  });

  it('271: only for a pupil in groep 8 at this school on the adviesdatum', async () => {
    const bsn = await groep8('7');
    expectAfgekeurd(await send(advies(bsn)), ['271_leerling_niet_in_groep_8']);
    const zonderInschrijving = await nieuweLeerling(r, '2014-03-01');
    expectAfgekeurd(await send(advies(zonderInschrijving)), ['271_leerling_niet_in_groep_8']);
  });

  it('210 and 211: the PGN must be known and pass the 11-proef', async () => {
    expectAfgekeurd(await send(advies('123456782')), ['210_pgn_onbekend']);
    expectAfgekeurd(await send(advies('123456789')), ['211_pgn_elfproef']);
  });

  it('before adviesjaar 2024 aanbieder and locatie may be absent', async () => {
    const bsn = await nieuweLeerling(r, '2010-03-01');
    const ins = await t.http().post('/rod/v1/inschrijvingen').set(bearer(r.alfa)).send(
      inschrijving(bsn, { datumInschrijving: '2022-08-22', inschrijvingvolgnummer: 'G8', inschrijvingPeriodeBO: [{ datumBegin: '2022-08-22', vestigingscode, onderwijsaanbiedercode, onderwijslocatiecode, groep: '8' }], datumUitschrijving: '2023-07-31' }),
    );
    expect(ins.status).toBe(201);
    const res = await send(advies(bsn, { adviesjaar: 2023, onderwijsaanbiedercode: undefined, onderwijslocatiecode: undefined, advies1: { advies: 'VMBO_GL/TL', adviesdatum: '2023-02-01' } }));
    expect(res.status).toBe(201);
  });

  it('schema-level garbage is a plain 400', async () => {
    const res = await send({ bedrijfsdocument: bedrijfsdocument(), instellingscode: 'X', adviesjaar: 'dit jaar', persoonsgebondenNummer: {} });
    expectProblem(res, 400, 'invalid_input');
  });

  it('no machtiging: 403 before anything else, and another vendor cannot read the advies', async () => {
    const bsn = await groep8();
    const before = await aantal();
    expectProblem(await send(advies(bsn, { advies1: { advies: 'NIETS', adviesdatum: '2020-01-01' } }), r.beta), 403, '221_geen_machtiging');
    expect(await aantal()).toBe(before);
    const ok = await send(advies(bsn));
    expectProblem(await t.http().get(`/rod/v1/adviezen-vo/${ok.body.adviesId}`).set(bearer(r.beta)), 404, 'not_found');
    expectProblem(await t.http().get(`/rod/v1/adviezen-vo/${ok.body.adviesId}/versies`).set(bearer(r.beta)), 404, 'not_found');
  });

  it('replay: the same bedrijfsdocument gets the stored answer; other content under it is refused', async () => {
    const bsn = await groep8();
    const body = advies(bsn);
    const first = await send(body);
    const again = await send(body);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expectProblem(await send({ ...body, advies1: { advies: 'VWO', adviesdatum: '2026-01-20' } }), 422, 'bedrijfsdocument_hergebruikt');
    const viaKey = (b: object) => t.http().post('/rod/v1/adviezen-vo').set(bearer(r.alfa)).set('Idempotency-Key', 'advies-key-1').send(b);
    const metKey = advies(bsn);
    const k1 = await viaKey(metKey);
    expect(k1.status).toBe(200);
    const k2 = await viaKey(metKey);
    expect(k2.status).toBe(200);
    expect(k2.headers['idempotent-replayed']).toBe('true');
    expectProblem(await viaKey(advies(bsn)), 422, 'idempotency_key_reused');
    const versies = await t.http().get(`/rod/v1/adviezen-vo/${first.body.adviesId}/versies`).set(bearer(r.alfa));
    expect(versies.body.items).toHaveLength(1);
    expect(k1.body.gewijzigd).toBe(false);
  });

  it('sandbox isolation: an advies in one sandbox is invisible from another', async () => {
    const bsn = await groep8();
    const ok = await send(advies(bsn));
    expect(ok.status).toBe(201);
    const created = await t.http().post('/beheer/v1/sandboxes').set(bearer(r.admin)).send({ code: 'advies-tweede', seed: 'small', clientIds: ['las-alfa'] });
    expect(created.status).toBe(201);
    const tweede = await tokenFor(t, 'las-alfa', undefined, { sandbox: 'advies-tweede' });
    expectProblem(await t.http().get(`/rod/v1/adviezen-vo/${ok.body.adviesId}`).set(bearer(tweede)), 404, 'not_found');
    // The same pupil number in the other sandbox is nobody there.
    expectAfgekeurd(await send(advies(bsn), tweede), ['210_pgn_onbekend']);
  });

  it('GET /rod/v1/adviezen-vo: the adviezen of a school, the seeded one of 02AB with its doorstroomtoets and heroverweging; 403 without machtiging, 400 malformed', async () => {
    const lijst = await t.http().get('/rod/v1/adviezen-vo?instellingscode=02AB&adviesjaar=2025').set(bearer(r.beta));
    expect(lijst.status).toBe(200);
    expect(lijst.headers['content-type']).toMatch(/^application\/json/);
    expect(lijst.body.page).toEqual(expect.objectContaining({ totalElements: 1 }));
    const [seeded] = lijst.body.items;
    expect(seeded).toEqual(expect.objectContaining({
      instellingscode: '02AB', vestigingscode: '02AB00', adviesjaar: 2025, adviesvolgnummer: 'ADV2025', versie: 1, meldingen: [],
      advies1: { advies: 'HAVO', adviesdatum: '2025-01-20' }, advies2: { advies: 'VWO', adviesdatum: '2025-03-20' },
      doorstroomtoets: { toets: 'ROUTE8_DOORSTROOMTOETS', afnamedatum: '2025-02-11', score: 231, toetsadvies: 'VWO', referentieniveaus: { lezen: '2F', taalverzorging: '2F', rekenen: '1S' } },
      heroverweging: 'ADVIES_VERHOOGD',
    }));
    expect((await t.http().get(seeded._links.advies.href).set(bearer(r.beta))).body).toEqual(seeded);
    expect((await t.http().get('/rod/v1/adviezen-vo?instellingscode=02AB&adviesjaar=2024').set(bearer(r.beta))).body.items).toEqual([]);
    // One posted here shows up in its school's list.
    const bsn = await groep8();
    const nieuw = await send(advies(bsn));
    expect(nieuw.status).toBe(201);
    const alfa = await t.http().get('/rod/v1/adviezen-vo?instellingscode=01AA&pageSize=100').set(bearer(r.alfa));
    expect(alfa.status).toBe(200);
    expect(alfa.body.items.map((a: any) => a.adviesId)).toContain(nieuw.body.adviesId);
    expectProblem(await t.http().get('/rod/v1/adviezen-vo?instellingscode=02AB').set(bearer(r.alfa)), 403, '221_geen_machtiging');
    expectInvalid(await t.http().get('/rod/v1/adviezen-vo?instellingscode=2AB&adviesjaar=dit').set(bearer(r.beta)), [
      { parameter: 'instellingscode' },
      { parameter: 'adviesjaar', code: 'is_int' },
      { parameter: 'adviesjaar', code: 'min' },
      { parameter: 'adviesjaar', code: 'max' },
    ]);
  });

  it('a reset of the sandbox takes its adviezen away and seeds the seeded one again', async () => {
    expect((await t.http().post('/beheer/v1/sandboxes').set(bearer(r.admin)).send({ code: 'advies-reset', seed: 'small', clientIds: ['las-alfa'] })).status).toBe(201);
    expect((await t.http().put('/beheer/v1/sandboxes/advies-reset/klok').set(bearer(r.admin)).send({ mode: 'FROZEN', now: '2026-01-20T10:00:00Z' })).status).toBe(200);
    const las = await tokenFor(t, 'las-alfa', undefined, { sandbox: 'advies-reset' });
    // Liv Bos, the schooladvies persona, is in groep 8 of 01AA in 2025-2026.
    const res = await send(advies('999990123'), las);
    expect(res.status).toBe(201);
    const lijst = async () => (await t.http().get('/rod/v1/adviezen-vo?instellingscode=01AA&adviesjaar=2026').set(bearer(las))).body.items.map((a: any) => a.adviesId);
    expect(await lijst()).toEqual([res.body.adviesId]);
    const [{ id }] = await t.db.query(`SELECT id FROM sandbox WHERE code = 'advies-reset'`);
    expect((await t.http().post('/beheer/v1/sandboxes/advies-reset/resets').set(bearer(r.admin))).status).toBe(200);
    expect(await lijst()).toEqual([]);
    const rijen = await t.db.query(`SELECT instellingscode, adviesjaar FROM rod_advies_vo WHERE sandbox_id = $1`, [id]);
    expect(rijen).toEqual([{ instellingscode: '02AB', adviesjaar: 2025 }]);
  });

  describe('the eindtoets / doorstroomtoets with the advies (rod.md §3 #8)', () => {
    const toets = { toets: 'ROUTE8_DOORSTROOMTOETS', afnamedatum: '2026-02-10', score: 212, toetsadvies: 'HAVO', referentieniveaus: { lezen: '2F', rekenen: '1S' } };
    const lees = async (id: string) => {
      const res = await t.http().get(`/rod/v1/adviezen-vo/${id}`).set(bearer(r.alfa));
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      return res.body;
    };

    it('goedgekeurd: a toetsadvies not above the voorlopig advies needs no heroverweging; stored and read back', async () => {
      const bsn = await groep8();
      const res = await send(advies(bsn, { doorstroomtoets: toets }));
      expect(res.status).toBe(201);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).toEqual(expect.objectContaining({ resultaat: 'goedgekeurd', meldingen: [], foutmeldingen: [] }));
      expect(await lees(res.body.adviesId)).toEqual(expect.objectContaining({ doorstroomtoets: toets, heroverweging: 'NIET_NODIG', advies1: { advies: 'HAVO', adviesdatum: '2026-01-20' }, advies2: null }));
      const [{ inhoud }] = await t.db.query('SELECT inhoud FROM rod_advies_vo WHERE id = $1', [res.body.adviesId]);
      expect(inhoud.doorstroomtoets).toEqual(toets);
    });

    it('goedgekeurd met meldingen: a higher toetsadvies opens the heroverweging (273); the raised definitief advies closes it as version 2', async () => {
      const bsn = await groep8();
      const hoger = { ...toets, toetsadvies: 'VWO' };
      const eerste = await send(advies(bsn, { doorstroomtoets: hoger }));
      expect(eerste.status).toBe(201);
      expect(eerste.body.resultaat).toBe('goedgekeurd met meldingen');
      expect(eerste.body.meldingen).toEqual([{ code: '273_heroverweging_advies_nodig', soort: 'MELDING', tekst: expect.any(String), veld: '/doorstroomtoets/toetsadvies' }]);
      expect(await lees(eerste.body.adviesId)).toEqual(expect.objectContaining({ heroverweging: 'OPEN', meldingen: eerste.body.meldingen }));

      const herzien = await send(advies(bsn, { doorstroomtoets: hoger, advies2: { advies: 'VWO', adviesdatum: '2026-03-20' } }));
      expect(herzien.status).toBe(200);
      expect(herzien.body).toEqual(expect.objectContaining({ resultaat: 'goedgekeurd', adviesId: eerste.body.adviesId, versie: 2, meldingen: [] }));
      expect(await lees(eerste.body.adviesId)).toEqual(expect.objectContaining({ heroverweging: 'ADVIES_VERHOOGD', advies2: { advies: 'VWO', adviesdatum: '2026-03-20' }, meldingen: [] }));
      const versies = await t.http().get(`/rod/v1/adviezen-vo/${eerste.body.adviesId}/versies`).set(bearer(r.alfa));
      expect(versies.body.items.map((v: any) => [v.versie, v.inhoud.doorstroomtoets.toetsadvies, v.inhoud.advies2?.advies ?? null, v.meldingen.map((m: any) => m.code)])).toEqual([
        [1, 'VWO', null, ['273_heroverweging_advies_nodig']],
        [2, 'VWO', 'VWO', []],
      ]);
    });

    it('goedgekeurd met meldingen: a definitief advies raised while the toetsadvies is not higher (274)', async () => {
      const bsn = await groep8();
      const res = await send(advies(bsn, { doorstroomtoets: toets, advies2: { advies: 'VWO', adviesdatum: '2026-03-20' } }));
      expect(res.status).toBe(201);
      expect(codes(res.body.meldingen)).toEqual(['274_advies_verhoogd_zonder_hoger_toetsadvies']);
      expect((await lees(res.body.adviesId)).heroverweging).toBe('NIET_NODIG');
    });

    it('afgekeurd: toets not valid on the afnamedatum, score off the scale, unknown toetsadvies and niveau, afnamedatum outside the schooljaar — all at once, nothing stored', async () => {
      const bsn = await groep8();
      const before = await aantal();
      const res = await send(advies(bsn, { doorstroomtoets: { toets: 'CENTRALE_EINDTOETS', afnamedatum: '2026-02-10', score: 535, toetsadvies: 'GYMNASIUM', referentieniveaus: { rekenen: '2F' } } }));
      const body = expectAfgekeurd(res, ['046_waardenlijst_fout', '046_waardenlijst_fout', '046_waardenlijst_fout']);
      expect(body.foutmeldingen.map((f: any) => f.veld).sort()).toEqual(['/doorstroomtoets/referentieniveaus/rekenen', '/doorstroomtoets/toets', '/doorstroomtoets/toetsadvies']);
      expectAfgekeurd(await send(advies(bsn, { doorstroomtoets: { ...toets, score: 301, afnamedatum: '2026-08-03' } })), ['270_adviesdatum_buiten_schooljaar', '272_toetsscore_buiten_schaal']);
      expect(await aantal()).toBe(before);
    });

    it('afgekeurd: the toets was taken while the pupil was not in groep 8 at this school (271)', async () => {
      const bsn = await groep8();
      const res = await send(advies(bsn, { doorstroomtoets: { ...toets, afnamedatum: '2025-08-20' } }));
      expect(expectAfgekeurd(res, ['271_leerling_niet_in_groep_8']).foutmeldingen[0].veld).toBe('/doorstroomtoets/afnamedatum');
    });

    it('a toets without score or toetsadvies, or a score that is no integer, fails the schema: 400 with every field', async () => {
      const bsn = await groep8();
      expectInvalid(await send(advies(bsn, { doorstroomtoets: { toets: 'ROUTE8_DOORSTROOMTOETS', afnamedatum: '10-02-2026', score: 21.5 } })), [
        { pointer: '/doorstroomtoets/afnamedatum' },
        { pointer: '/doorstroomtoets/score' },
        { pointer: '/doorstroomtoets/toetsadvies' },
      ]);
    });
  });
});
