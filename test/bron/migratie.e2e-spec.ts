import { aantallenVan, alsBytes, leerlingRegels, sluitRegel, voorloopRegel } from '../../src/bron/format/bron-schrijver';
import { bearer, tokenFor } from '../support/auth';
import { expectInvalid, expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';
import { bestand, gzip, leerling, onderwijsnummer, upload, wachtOpStatus } from './bron-support';

describe('bron: a migratie from upload through dry run and conversion to the reject reports', () => {
  let t: TestApp;
  let admin: string;
  let alfa: string;
  let id: string;

  // 01AA: four good pupils (one with an onderwijsnummer, one with diacritics), one too young, one with a wrong check digit,
  // one at a BRIN6 RIO does not know, one whose BRIN6 is not under 01AA, and a key twice.
  const goed = [
    leerling('01AA00', '2021-08-30'),
    leerling('01AA00', '2021-08-30', { burgerservicenummer: null, onderwijsnummer: onderwijsnummer(), achternaam: 'Çelik', voornamen: 'Zoë Noëlle', voorvoegsel: null }),
    leerling('01AA00', '2020-08-31', { achternaam: 'Brouwer', voorvoegsel: 'de', geslacht: 'M' }),
    leerling('01AA00', '2019-09-02', { groep: '5' }),
  ];
  const teJong = leerling('01AA00', '2021-08-30', { geboortedatum: '2018-01-10' });
  const foutBsn = leerling('01AA00', '2021-08-30', { burgerservicenummer: '123456789' });
  const onbekend = leerling('01AA77', '2021-08-30');
  const andereSchool = leerling('02AA00', '2021-08-30');
  const dubbel = { ...leerling('01AA00', '2021-09-06'), burgerservicenummer: goed[0].burgerservicenummer };
  const alfaBestand = bestand('01AA', [...goed, teJong, foutBsn, onbekend, andereSchool, dubbel]);
  // 01AB: a good file and a broken one (control totals wrong).
  const abBestand = bestand('01AB', [leerling('01AB00', '2021-08-30'), leerling('01AB00', '2021-08-30')]);
  // The voorloop announces 5 pupils, 1 follows.
  const kapot = (() => {
    const l = leerling('01AB00', '2021-08-30');
    const regels = [voorloopRegel({ brin4: '01AB', batchnummer: 2, aanleverpunt: 1, aanmaakdatum: '2021-12-03', aantalPersonen: 5 }), ...leerlingRegels(l)];
    regels.push(sluitRegel(regels.length + 1, aantallenVan([l])));
    return { naam: '01AB002A.P01', bytes: alsBytes(regels) };
  })();

  beforeAll(async () => {
    t = await createTestApp();
    [admin, alfa] = [await tokenFor(t, 'demo-beheer'), await tokenFor(t, 'las-alfa')];
    expect((await t.http().put('/beheer/v1/sandboxes/default/klok').set(bearer(admin)).send({ mode: 'FROZEN', now: '2021-12-10T10:00:00Z' })).status).toBe(200);
  });
  afterAll(() => t.close());

  it('creates a migratie; only scope beheer may', async () => {
    const res = await t.http().post('/bron/v1/migraties').set(bearer(admin));
    expect(res.status).toBe(201);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toMatchObject({ status: 'AANGEMAAKT', bestanden: [], fasen: {} });
    id = res.body.id;
    expectProblem(await t.http().post('/bron/v1/migraties').set(bearer(alfa)), 403, 'insufficient_scope');
    expectProblem(await t.http().get('/bron/v1/migraties/00000000-0000-4000-8000-000000000000').set(bearer(admin)), 404, 'migratie_niet_gevonden');
    expectInvalid(await t.http().get('/bron/v1/migraties/x').set(bearer(admin)), [{ parameter: 'migratieId' }]);
  });

  it('uploads files streamed (gzip allowed); the same file again is recognised by its hash; a broken file is refused whole with its line', async () => {
    const a = await upload(t, admin, id, alfaBestand.naam, gzip(alfaBestand.bytes), 'application/gzip');
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ bestandsnaam: '01AA001A.P01', instellingscode: '01AA', status: 'GELEZEN', fouten: [], aantalLeerlingen: 9, aantalInschrijvingen: 9, herkend: false });
    const again = await upload(t, admin, id, 'anders.P01', gzip(alfaBestand.bytes), 'application/gzip');
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: a.body.id, herkend: true });
    expect((await upload(t, admin, id, abBestand.naam, abBestand.bytes)).status).toBe(201);
    const k = await upload(t, admin, id, kapot.naam, kapot.bytes);
    expect(k.status).toBe(201);
    expect(k.body).toMatchObject({ status: 'AFGEKEURD', aantalInschrijvingen: 0 });
    expect(k.body.fouten).toEqual([expect.objectContaining({ code: 'CONTROLETOTAAL_ONJUIST', regel: expect.any(Number) })]);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM bron_staging WHERE migratie_id = $1`, [id]);
    expect(n).toBe(11);
    expectProblem(await t.http().post(`/bron/v1/migraties/${id}/bestanden?bestandsnaam=x`).set(bearer(admin)).send({ a: 1 }), 415, 'unsupported_media_type');
  });

  it('a dry run judges every inschrijving by ROD’s rules and writes nothing', async () => {
    const res = await t.http().post(`/bron/v1/migraties/${id}/proefdraaien`).set(bearer(admin));
    expect(res.status).toBe(202);
    const m = await wachtOpStatus(t, admin, id, 'PROEFDRAAI_KLAAR');
    expect(m.fasen.proefdraai).toMatchObject({ status: 'KLAAR', verwerkt: 11, totaal: 11 });
    const telling = await t.http().get(`/bron/v1/migraties/${id}/telling?proefdraai=true`).set(bearer(admin));
    expect(telling.body.totaal).toEqual({ gelezen: 11, goedgekeurd: 6, afgekeurd: 5, open: 0 });
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM rod_inschrijving WHERE aangeleverd_door = 'bron-migratie'`);
    expect(n).toBe(0);
  });

  it('converts: goedgekeurde inschrijvingen are in ROD, counts reconcile per file, per school and in total', async () => {
    const res = await t.http().post(`/bron/v1/migraties/${id}/conversies`).set(bearer(admin));
    expect(res.status).toBe(202);
    const m = await wachtOpStatus(t, admin, id, 'GECONVERTEERD');
    expect(m.fasen.conversie).toMatchObject({ status: 'KLAAR', verwerkt: 11, totaal: 11 });
    expect(m.fasen.bekostiging).toMatchObject({ status: 'KLAAR' });
    const telling = (await t.http().get(`/bron/v1/migraties/${id}/telling`).set(bearer(admin))).body;
    expect(telling.totaal).toEqual({ gelezen: 11, goedgekeurd: 6, afgekeurd: 5, open: 0 });
    expect(telling.perSchool).toEqual([
      { instellingscode: '01AA', gelezen: 9, goedgekeurd: 4, afgekeurd: 5, open: 0 },
      { instellingscode: '01AB', gelezen: 2, goedgekeurd: 2, afgekeurd: 0, open: 0 },
    ]);
    expect(telling.perBestand.map((b: any) => [b.bestandsnaam, b.gelezen, b.goedgekeurd + b.afgekeurd])).toEqual([
      ['01AA001A.P01', 9, 9],
      ['01AB001A.P01', 2, 2],
    ]);
    expect(telling.afgekeurdeBestanden).toEqual([{ bestandsnaam: '01AB002A.P01', instellingscode: '01AB', fouten: [expect.objectContaining({ code: 'CONTROLETOTAAL_ONJUIST' })] }]);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM rod_inschrijving WHERE aangeleverd_door = 'bron-migratie'`);
    expect(n).toBe(6);
    // Names with diacritics arrive intact; the onderwijsnummer is known to the persoonsregister.
    const [p] = await t.db.query(`SELECT achternaam, voornamen FROM rod_persoon WHERE onderwijsnummer = $1`, [goed[1].onderwijsnummer]);
    expect(p).toEqual({ achternaam: 'Çelik', voornamen: 'Zoë Noëlle' });
    // Identificatie of that pupil through /rod/v1 returns the same onderwijsnummer: nothing new issued, no melding.
    const o = goed[1];
    const ident = await t.http().post('/rod/v1/identificaties').set(bearer(alfa)).send({ persoonsgebondenNummer: { onderwijsnummer: o.onderwijsnummer }, geboortedatum: o.geboortedatum, geslacht: o.geslacht });
    expect(ident.status).toBe(200);
    expect(ident.body).toMatchObject({ resultaat: 'goedgekeurd', persoonsgebondenNummer: { onderwijsnummer: o.onderwijsnummer }, onderwijsnummerUitgegeven: false, meldingen: [] });
    expect(ident.body.persoonsgebondenNummer.burgerservicenummer).toBeUndefined();
    const opNaam = await t.http().post('/rod/v1/identificaties').set(bearer(alfa)).send({
      geboortedatum: o.geboortedatum, geslacht: o.geslacht, achternaam: o.achternaam, voornamen: o.voornamen,
      adres: { binnenlandsAdres: { straatnaam: 'Schoolstraat', huisnummer: 1, postcode: o.postcode, plaatsnaam: 'Utrecht' } },
    });
    // By name, birth date and address (BRON held the postcode only): the same person, the same number.
    expect(opNaam.status).toBe(200);
    expect(opNaam.body).toMatchObject({ persoonsgebondenNummer: { onderwijsnummer: o.onderwijsnummer }, onderwijsnummerUitgegeven: false });
    // A vendor reads the converted inschrijving through /rod/v1.
    const zoek = await t.http().post('/rod/v1/inschrijvingen/_zoek').set(bearer(alfa)).send({ instellingscode: '01AA', persoonsgebondenNummer: { burgerservicenummer: goed[2].burgerservicenummer } });
    expect(zoek.status).toBe(200);
    expectProblem(await t.http().post(`/bron/v1/migraties/${id}/conversies`).set(bearer(admin)), 409, 'migratie_status_ongeldig');
    expectProblem(await upload(t, admin, id, abBestand.naam, Buffer.from('x')), 409, 'migratie_status_ongeldig');
  });

  it('reports per school what was rejected, with file, line, sleutel and ROD’s foutcode, as JSON and CSV', async () => {
    const res = await t.http().get(`/bron/v1/migraties/${id}/afkeuringen?instellingscode=01AA`).set(bearer(admin));
    expect(res.status).toBe(200);
    expect(res.body.aantalInschrijvingen).toBe(5);
    const per = (pgn: string) => res.body.afkeuringen.filter((a: any) => a.sleutel?.startsWith(pgn)).map((a: any) => a.code);
    expect(per(teJong.burgerservicenummer!)).toEqual(['230_datum_inschrijving_voor_4e_verjaardag']);
    expect(per(foutBsn.burgerservicenummer!)).toEqual(['211_pgn_elfproef']);
    expect(per(onbekend.burgerservicenummer!)).toContain('220_vestiging_onbekend');
    expect(per(andereSchool.burgerservicenummer!)).toContain('220_vestiging_onbekend');
    expect(res.body.afkeuringen.filter((a: any) => a.code === '900_inschrijvingvolgnummer_dubbel_in_bron')).toEqual([
      { bestandsnaam: '01AA001A.P01', regel: expect.any(Number), sleutel: `${goed[0].burgerservicenummer}/1`, code: '900_inschrijvingvolgnummer_dubbel_in_bron', tekst: expect.any(String) },
    ]);
    for (const a of res.body.afkeuringen) expect(a.regel).toBeGreaterThan(1);
    const csv = await t.http().get(`/bron/v1/migraties/${id}/afkeuringen?instellingscode=01AA`).set(bearer(admin)).set('Accept', 'text/csv');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const regels = csv.text.trim().split('\r\n');
    expect(regels[0]).toBe('bestandsnaam,regel,sleutel,code,tekst');
    expect(regels).toHaveLength(res.body.afkeuringen.length + 1);
    const ab = await t.http().get(`/bron/v1/migraties/${id}/afkeuringen?instellingscode=01AB`).set(bearer(admin));
    expect(ab.body).toMatchObject({ aantalInschrijvingen: 0, aantalBestanden: 1, afkeuringen: [expect.objectContaining({ bestandsnaam: '01AB002A.P01', code: 'CONTROLETOTAAL_ONJUIST', sleutel: null })] });
  });
});
