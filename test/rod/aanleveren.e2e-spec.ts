import { bearer } from '../support/auth';
import { expectInvalid, expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';
import { DEMO_SCHOLEN } from '../../src/rod/rod-seed';
import { bedrijfsdocument, codes, inschrijving, nieuweLeerling, RodTest, rodSetup, SCHOOL_ALFA, SCHOOL_ALFA_2, SCHOOL_BETA } from './rod-support';

describe('ROD aanleveren inschrijving: answers and rules', () => {
  let t: TestApp;
  let r: RodTest;
  beforeAll(async () => {
    t = await createTestApp();
    r = await rodSetup(t);
  });
  afterAll(() => t.close());

  const send = (body: unknown, token = r.alfa) => t.http().post('/rod/v1/inschrijvingen').set(bearer(token)).send(body as object);
  /** Afgekeurd: 422 problem carrying every foutmelding; returns the body. */
  const expectAfgekeurd = (res: Awaited<ReturnType<typeof send>>, expected: string[]) => {
    const body = expectProblem(res, 422, 'afgekeurd');
    expect(body.resultaat).toBe('afgekeurd');
    expect(codes(body.foutmeldingen)).toEqual([...expected].sort());
    for (const f of body.foutmeldingen) expect(f).toEqual(expect.objectContaining({ soort: 'FOUTMELDING', tekst: expect.any(String), veld: expect.any(String) }));
    return body;
  };
  const stored = async (bsn: string) => {
    const res = await t.http().post('/rod/v1/inschrijvingen/_zoek').set(bearer(r.alfa)).send({ persoonsgebondenNummer: { burgerservicenummer: bsn } });
    expect(res.status).toBe(200);
    return res.body.items as Record<string, any>[];
  };

  describe('answer kinds', () => {
    it('goedgekeurd: 201 for a new inschrijving, with its id and version 1', async () => {
      const bsn = await nieuweLeerling(r);
      const res = await send(inschrijving(bsn));
      expect(res.status).toBe(201);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).toEqual(
        expect.objectContaining({ resultaat: 'goedgekeurd', versie: 1, gewijzigd: true, meldingen: [], foutmeldingen: [], inschrijvingId: expect.any(String), ontvangenOp: '2025-09-01T10:00:00.000Z' }),
      );
    });

    it('goedgekeurd met meldingen: stored, with the meldingen', async () => {
      const bsn = await nieuweLeerling(r);
      const res = await send(inschrijving(bsn, { datumInschrijving: '2025-08-20', inschrijvingPeriodeBO: [{ datumBegin: '2025-08-20', ...codesOf(SCHOOL_ALFA), groep: '1' }] }));
      expect(res.status).toBe(201);
      expect(res.body.resultaat).toBe('goedgekeurd met meldingen');
      expect(codes(res.body.meldingen)).toEqual(['260_te_laat_uitgewisseld']);
      expect(res.body.meldingen[0]).toEqual(expect.objectContaining({ soort: 'MELDING', veld: '/datumInschrijving' }));
      expect(await stored(bsn)).toHaveLength(1);
    });

    it('afgekeurd: 422 with every foutmelding at once, and nothing stored', async () => {
      const bsn = await nieuweLeerling(r, '2022-01-01');
      const body = inschrijving(bsn, {
        datumUitschrijving: '2025-08-01',
        nNCA: 'X',
        inschrijvingPeriodeBO: [
          { datumBegin: '2025-08-29', ...codesOf(SCHOOL_ALFA), groep: '9' },
          { datumBegin: '2025-08-29', ...codesOf(SCHOOL_ALFA), groep: '2' },
        ],
      });
      const res = await send(body);
      const problem = expectAfgekeurd(res, [
        '046_waardenlijst_fout',
        '046_waardenlijst_fout',
        '230_datum_inschrijving_voor_4e_verjaardag',
        '231_periode_overlap',
        '231_periode_overlap',
        '231_periode_overlap',
        '232_uitschrijving_voor_inschrijving',
        '233_eerste_periode_niet_op_datum_inschrijving',
      ]);
      expect(problem.identificatiecodeBedrijfsdocument).toBe(body.bedrijfsdocument.identificatiecodeBedrijfsdocument);
      expect(await stored(bsn)).toEqual([]);
    });

    it('schema-level garbage is a plain 400 listing every problem', async () => {
      const res = await send({
        bedrijfsdocument: { identificatiecodeBedrijfsdocument: 'nope', datumTijdBedrijfsdocument: 'gisteren' },
        instellingscode: '1AAA',
        persoonsgebondenNummer: { burgerservicenummer: '123', onderwijsnummer: '100000004' },
        inschrijvingvolgnummer: '',
        datumInschrijving: '2025-02-30',
        inschrijvingPeriodeBO: [],
      });
      expectInvalid(res, [
        { pointer: '/bedrijfsdocument/identificatiecodeBedrijfsdocument' },
        { pointer: '/bedrijfsdocument/datumTijdBedrijfsdocument' },
        { pointer: '/instellingscode' },
        { pointer: '/persoonsgebondenNummer', code: 'is_pgn_keuze' },
        { pointer: '/persoonsgebondenNummer/burgerservicenummer' },
        { pointer: '/inschrijvingvolgnummer' },
        { pointer: '/datumInschrijving', code: 'is_datum' },
        { pointer: '/inschrijvingPeriodeBO' },
      ]);
    });

    it('a bo inschrijving carries no redenUitschrijving: 400 unknown_field (it is not in the BO schema)', async () => {
      const bsn = await nieuweLeerling(r);
      expectInvalid(await send(inschrijving(bsn, { datumUitschrijving: '2025-08-30', redenUitschrijving: 'VERHUIZING' })), [{ pointer: '/redenUitschrijving', code: 'unknown_field' }]);
    });
  });

  it('the documented demo combination of every demo school is goedgekeurd without meldingen', async () => {
    for (const school of [SCHOOL_ALFA, SCHOOL_ALFA_2, SCHOOL_BETA, ...DEMO_SCHOLEN]) {
      const bsn = await nieuweLeerling(r);
      const res = await send(inschrijving(bsn, {}, school), school.instellingscode.startsWith('01') ? r.alfa : r.beta);
      expect([school.instellingscode, res.status, res.body.meldingen]).toEqual([school.instellingscode, 201, []]);
    }
  });

  describe('mutaties', () => {
    it('a change of groep is a new periode: 200, version 2, periodes with derived ends', async () => {
      const bsn = await nieuweLeerling(r);
      const first = await send(inschrijving(bsn));
      const res = await send(
        inschrijving(bsn, { inschrijvingPeriodeBO: [{ datumBegin: '2025-08-28', ...codesOf(SCHOOL_ALFA), groep: '1' }, { datumBegin: '2025-09-01', ...codesOf(SCHOOL_ALFA), groep: '2' }] }),
      );
      expect(res.status).toBe(200);
      expect(res.body).toEqual(expect.objectContaining({ resultaat: 'goedgekeurd', inschrijvingId: first.body.inschrijvingId, versie: 2, gewijzigd: true }));
      const get = await t.http().get(`/rod/v1/inschrijvingen/${first.body.inschrijvingId}`).set(bearer(r.alfa));
      expect(get.status).toBe(200);
      expect(get.body.inschrijvingPeriodeBO.map((p: any) => [p.datumBegin, p.datumEinde, p.groep])).toEqual([
        ['2025-08-28', '2025-08-31', '1'],
        ['2025-09-01', null, '2'],
      ]);
    });

    it('an unchanged resend with a new bedrijfsdocument changes nothing: 200, gewijzigd false, same version', async () => {
      const bsn = await nieuweLeerling(r);
      const first = await send(inschrijving(bsn));
      const again = await send(inschrijving(bsn));
      expect(again.status).toBe(200);
      expect(again.body).toEqual(expect.objectContaining({ versie: 1, gewijzigd: false, inschrijvingId: first.body.inschrijvingId }));
    });

    it('uitschrijven: datumUitschrijving closes the last periode', async () => {
      const bsn = await nieuweLeerling(r);
      const first = await send(inschrijving(bsn));
      const res = await send(inschrijving(bsn, { datumUitschrijving: '2025-08-31' }));
      expect(res.status).toBe(200);
      expect(res.body.resultaat).toBe('goedgekeurd');
      const get = await t.http().get(`/rod/v1/inschrijvingen/${first.body.inschrijvingId}`).set(bearer(r.alfa));
      expect(get.body).toEqual(expect.objectContaining({ datumUitschrijving: '2025-08-31', versie: 2 }));
      expect(get.body.inschrijvingPeriodeBO[0].datumEinde).toBe('2025-08-31');
    });
  });

  describe('rules, one by one', () => {
    it('211: a BSN failing the 11-proef', async () => {
      expectAfgekeurd(await send(inschrijving('123456781')), ['211_pgn_elfproef']);
    });

    it('211: an onderwijsnummer failing its check', async () => {
      const body = inschrijving('x', { persoonsgebondenNummer: { onderwijsnummer: '100000005' } });
      const res = expectAfgekeurd(await send(body), ['211_pgn_elfproef']);
      expect(res.foutmeldingen[0].veld).toBe('/persoonsgebondenNummer/onderwijsnummer');
    });

    it('210: a valid BSN unknown in the persoonsregister', async () => {
      expectAfgekeurd(await send(inschrijving('123456782')), ['210_pgn_onbekend']);
    });

    it('210 passes for an onderwijsnummer ROD issued', async () => {
      const res = await send(inschrijving('x', { persoonsgebondenNummer: { onderwijsnummer: '100000028' }, inschrijvingvolgnummer: 'ON1' }));
      expect(res.status).toBe(201);
    });

    it('213: an onderwijsnummer of a person who has a BSN is stored with a melding', async () => {
      const res = await send(inschrijving('x', { persoonsgebondenNummer: { onderwijsnummer: '100000016' }, inschrijvingvolgnummer: 'ON2' }));
      expect(res.status).toBe(201);
      expect(codes(res.body.meldingen)).toEqual(['213_onderwijsnummer_bij_bsn_bekend']);
    });

    it('233: the first periode must start on datumInschrijving', async () => {
      const bsn = await nieuweLeerling(r);
      const res = expectAfgekeurd(await send(inschrijving(bsn, { inschrijvingPeriodeBO: [{ datumBegin: '2025-08-29', ...codesOf(SCHOOL_ALFA), groep: '1' }] })), [
        '233_eerste_periode_niet_op_datum_inschrijving',
      ]);
      expect(res.foutmeldingen[0].veld).toBe('/inschrijvingPeriodeBO/0/datumBegin');
    });

    it('231: periodes must not overlap', async () => {
      const bsn = await nieuweLeerling(r);
      const p = (d: string, g: string) => ({ datumBegin: d, ...codesOf(SCHOOL_ALFA), groep: g });
      expectAfgekeurd(await send(inschrijving(bsn, { inschrijvingPeriodeBO: [p('2025-08-28', '1'), p('2025-08-30', '2'), p('2025-08-30', '3')] })), ['231_periode_overlap']);
    });

    it('231: periodes must lie inside the inschrijving', async () => {
      const bsn = await nieuweLeerling(r);
      const p = (d: string) => ({ datumBegin: d, ...codesOf(SCHOOL_ALFA), groep: '1' });
      const res = expectAfgekeurd(await send(inschrijving(bsn, { datumUitschrijving: '2025-08-30', inschrijvingPeriodeBO: [p('2025-08-28'), p('2025-08-31')] })), ['231_periode_overlap']);
      expect(res.foutmeldingen[0].veld).toBe('/inschrijvingPeriodeBO/1/datumBegin');
    });

    it('232: datumUitschrijving before datumInschrijving', async () => {
      const bsn = await nieuweLeerling(r);
      const res = await send(inschrijving(bsn, { datumUitschrijving: '2025-08-27' }));
      expect(codes(expectProblem(res, 422, 'afgekeurd').foutmeldingen)).toContain('232_uitschrijving_voor_inschrijving');
    });

    it('230: not before the 4th birthday (WPO art. 39)', async () => {
      const bsn = await nieuweLeerling(r, '2021-08-29');
      expectAfgekeurd(await send(inschrijving(bsn)), ['230_datum_inschrijving_voor_4e_verjaardag']);
      const ok = await nieuweLeerling(r, '2021-08-28');
      expect((await send(inschrijving(ok))).status).toBe(201);
    });

    it('251: already 14 before 1 August of the schooljaar gives a melding', async () => {
      const bsn = await nieuweLeerling(r, '2011-07-31');
      const res = await send(inschrijving(bsn));
      expect(res.status).toBe(201);
      expect(codes(res.body.meldingen)).toEqual(['251_leerling_te_oud']);
      const young = await nieuweLeerling(r, '2011-08-01');
      expect((await send(inschrijving(young))).body.meldingen).toEqual([]);
    });

    it('046: groep and nNCA outside their code lists', async () => {
      const bsn = await nieuweLeerling(r);
      const res = expectAfgekeurd(await send(inschrijving(bsn, { nNCA: '2', inschrijvingPeriodeBO: [{ datumBegin: '2025-08-28', ...codesOf(SCHOOL_ALFA), groep: '0' }] })), [
        '046_waardenlijst_fout',
        '046_waardenlijst_fout',
      ]);
      expect(res.foutmeldingen.map((f: any) => f.veld).sort()).toEqual(['/inschrijvingPeriodeBO/0/groep', '/nNCA']);
    });

    it('nNCA empty (none applies, rod.md §4.2, §6.2) is accepted like null or absent, and reads back as no NNCA', async () => {
      for (const nNCA of ['', null, undefined]) {
        const bsn = await nieuweLeerling(r);
        const res = await send(inschrijving(bsn, { nNCA }));
        expect(res.status).toBe(201);
        expect(res.body.resultaat).toBe('goedgekeurd');
        const gelezen = await t.http().get(`/rod/v1/inschrijvingen/${res.body.inschrijvingId}`).set(bearer(r.alfa));
        expect(gelezen.body.nNCA).toBeNull();
      }
      // Empty and absent are the same content: resending with the other form changes nothing.
      const bsn = await nieuweLeerling(r);
      const body = inschrijving(bsn, { nNCA: '' });
      expect((await send(body)).status).toBe(201);
      const again = await send({ ...body, nNCA: undefined, bedrijfsdocument: bedrijfsdocument() });
      expect(again.status).toBe(200);
      expect(again.body.gewijzigd).toBe(false);
    });

    it('220: a vestigingscode not under the BRIN4 is a foutmelding', async () => {
      const bsn = await nieuweLeerling(r);
      const res = expectAfgekeurd(await send(inschrijving(bsn, { inschrijvingPeriodeBO: [{ datumBegin: '2025-08-28', ...codesOf(SCHOOL_ALFA), vestigingscode: SCHOOL_ALFA_2.vestigingscode, groep: '1' }] })), [
        '220_vestiging_onbekend',
      ]);
      expect(res.foutmeldingen[0].veld).toBe('/inschrijvingPeriodeBO/0/vestigingscode');
    });

    it('224: a locatie whose gebruik is not linked to the BRIN6 is stored with a melding', async () => {
      const bsn = await nieuweLeerling(r);
      const res = await send(inschrijving(bsn, { inschrijvingPeriodeBO: [{ datumBegin: '2025-08-28', ...codesOf(SCHOOL_ALFA), onderwijslocatiecode: '100X007', groep: '1' }] }));
      expect(res.status).toBe(201);
      const m = res.body.meldingen.find((x: any) => x.code === '224_locatie_niet_in_gebruik');
      expect(m).toEqual(expect.objectContaining({ soort: 'MELDING', veld: '/inschrijvingPeriodeBO/0/onderwijslocatiecode' }));
      expect(res.body.meldingen.every((x: any) => x.soort === 'MELDING')).toBe(true);
    });

    it('223 and 225: an aanbieder of the bestuur without juridische relatie with the BRIN4, offering nothing at the locatie', async () => {
      const bsn = await nieuweLeerling(r);
      const res = await send(inschrijving(bsn, { inschrijvingPeriodeBO: [{ datumBegin: '2025-08-28', ...codesOf(SCHOOL_ALFA), onderwijsaanbiedercode: SCHOOL_ALFA_2.onderwijsaanbiedercode, groep: '1' }] }));
      expect(res.status).toBe(201);
      expect(codes(res.body.meldingen)).toEqual(['223_aanbieder_geen_relatie', '225_geen_aangeboden_opleiding']);
    });

    it('222: a BRIN6 not yet in bedrijf on the periode date is stored with a melding', async () => {
      // 01AB00 is in bedrijf from 2004-08-01
      const bsn = await nieuweLeerling(r, '1998-01-01');
      const res = await send(inschrijving(bsn, { datumInschrijving: '2003-08-01', datumUitschrijving: '2004-07-31', inschrijvingPeriodeBO: [{ datumBegin: '2003-08-01', ...codesOf(SCHOOL_ALFA_2), groep: '2' }] }, SCHOOL_ALFA_2));
      expect(res.status).toBe(201);
      expect(codes(res.body.meldingen)).toContain('222_vestiging_niet_geldig');
      expect(res.body.meldingen.find((x: any) => x.code === '222_vestiging_niet_geldig').veld).toBe('/inschrijvingPeriodeBO/0/vestigingscode');
    });

    it('220: an aanbieder code unknown in RIO is a foutmelding', async () => {
      const bsn = await nieuweLeerling(r);
      const res = expectAfgekeurd(await send(inschrijving(bsn, { inschrijvingPeriodeBO: [{ datumBegin: '2025-08-28', ...codesOf(SCHOOL_ALFA), onderwijsaanbiedercode: '999A999', groep: '1' }] })), ['220_vestiging_onbekend']);
      expect(res.foutmeldingen[0].veld).toBe('/inschrijvingPeriodeBO/0/onderwijsaanbiedercode');
    });

    it('250 for the documented persona enrolled at a school of the other bestuur', async () => {
      const res = await send(inschrijving('999990056'));
      expect(res.status).toBe(201);
      expect(codes(res.body.meldingen)).toEqual(['250_overlap_andere_school']);
      expect(res.body.meldingen[0].tekst).toContain('02AA');
    });

    it('221: a vendor without a machtiging for the school gets 403', async () => {
      const bsn = await nieuweLeerling(r);
      expectProblem(await send(inschrijving(bsn), r.beta), 403, '221_geen_machtiging');
    });

    it('260: more than 7 days after datumInschrijving is a melding, only when the date is new', async () => {
      const bsn = await nieuweLeerling(r);
      const late = { datumInschrijving: '2025-08-24', inschrijvingPeriodeBO: [{ datumBegin: '2025-08-24', ...codesOf(SCHOOL_ALFA), groep: '1' }] };
      expect(codes((await send(inschrijving(bsn, late))).body.meldingen)).toEqual(['260_te_laat_uitgewisseld']);
      const change = await send(inschrijving(bsn, { ...late, nNCA: '1' }));
      expect(change.status).toBe(200);
      expect(change.body.meldingen).toEqual([]);
      const onTime = await nieuweLeerling(r);
      expect((await send(inschrijving(onTime, { datumInschrijving: '2025-08-25', inschrijvingPeriodeBO: [{ datumBegin: '2025-08-25', ...codesOf(SCHOOL_ALFA), groep: '1' }] }))).body.meldingen).toEqual([]);
    });

    it('260: more than 7 days after datumUitschrijving is a melding', async () => {
      const bsn = await nieuweLeerling(r);
      const body = { datumInschrijving: '2025-08-28', inschrijvingPeriodeBO: [{ datumBegin: '2025-08-28', ...codesOf(SCHOOL_ALFA), groep: '1' }] };
      await send(inschrijving(bsn, body));
      const res = await send(inschrijving(bsn, { ...body, datumUitschrijving: '2025-09-01' }));
      expect(res.body.meldingen).toEqual([]);
      const bsn2 = await nieuweLeerling(r);
      const old = { datumInschrijving: '2025-08-01', inschrijvingPeriodeBO: [{ datumBegin: '2025-08-01', ...codesOf(SCHOOL_ALFA), groep: '1' }] };
      const res2 = await send(inschrijving(bsn2, { ...old, datumUitschrijving: '2025-08-10' }));
      expect(res2.body.meldingen.map((m: any) => [m.code, m.veld])).toEqual([
        ['260_te_laat_uitgewisseld', '/datumInschrijving'],
        ['260_te_laat_uitgewisseld', '/datumUitschrijving'],
      ]);
    });
  });

  describe('verwijderen', () => {
    it('deletes an inschrijving sent by mistake; its versions stay readable', async () => {
      const bsn = await nieuweLeerling(r);
      const first = await send(inschrijving(bsn));
      const res = await t
        .http()
        .post('/rod/v1/verwijderingen')
        .set(bearer(r.alfa))
        .send({ bedrijfsdocument: bedrijfsdocument(), instellingscode: SCHOOL_ALFA.instellingscode, persoonsgebondenNummer: { burgerservicenummer: bsn }, inschrijvingvolgnummer: '1' });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).toEqual(expect.objectContaining({ resultaat: 'goedgekeurd', inschrijvingId: first.body.inschrijvingId, versie: 2 }));
      expectProblem(await t.http().get(`/rod/v1/inschrijvingen/${first.body.inschrijvingId}`).set(bearer(r.alfa)), 404, 'not_found');
      const versies = await t.http().get(`/rod/v1/inschrijvingen/${first.body.inschrijvingId}/versies`).set(bearer(r.alfa));
      expect(versies.status).toBe(200);
      expect(versies.body.items.map((v: any) => v.soort)).toEqual(['AANLEVERING', 'VERWIJDERING']);
    });

    it('240: an unknown inschrijvingvolgnummer', async () => {
      const bsn = await nieuweLeerling(r);
      const res = await t
        .http()
        .post('/rod/v1/verwijderingen')
        .set(bearer(r.alfa))
        .send({ bedrijfsdocument: bedrijfsdocument(), instellingscode: SCHOOL_ALFA.instellingscode, persoonsgebondenNummer: { burgerservicenummer: bsn }, inschrijvingvolgnummer: '7' });
      expectAfgekeurd(res, ['240_inschrijvingvolgnummer_onbekend']);
    });

    it('221: no machtiging, 403', async () => {
      const bsn = await nieuweLeerling(r);
      await send(inschrijving(bsn));
      const res = await t
        .http()
        .post('/rod/v1/verwijderingen')
        .set(bearer(r.beta))
        .send({ bedrijfsdocument: bedrijfsdocument(), instellingscode: SCHOOL_ALFA.instellingscode, persoonsgebondenNummer: { burgerservicenummer: bsn }, inschrijvingvolgnummer: '1' });
      expectProblem(res, 403, '221_geen_machtiging');
    });
  });
});

function codesOf(school: typeof SCHOOL_ALFA) {
  const { vestigingscode, onderwijsaanbiedercode, onderwijslocatiecode } = school;
  return { vestigingscode, onderwijsaanbiedercode, onderwijslocatiecode };
}
