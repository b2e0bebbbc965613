import { PERSONAS } from '../../src/rod';
import { bearer } from '../support/auth';
import { expectInvalid, expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';
import { inschrijving, RodTest, rodSetup } from './rod-support';

describe('ROD persoonsregister and identificatie', () => {
  let t: TestApp;
  let r: RodTest;
  beforeAll(async () => {
    t = await createTestApp();
    r = await rodSetup(t);
  });
  afterAll(() => t.close());

  const identificeer = (body: object, token = r.alfa) => t.http().post('/rod/v1/identificaties').set(bearer(token)).send(body);
  const zonderPgn = (achternaam: string, adres: object = { buitenlandsAdres: { landcode: '9089' } }) => ({ geboortedatum: '2019-01-02', geslacht: 'M', achternaam, voornamen: 'Jonas', adres });

  it('the seed holds a few hundred generated persons with valid BSNs in the test range, and the personas', async () => {
    const [{ n, bad }] = await t.db.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE burgerservicenummer !~ '^99') ::int AS bad FROM rod_persoon WHERE sandbox_id = $1 AND burgerservicenummer IS NOT NULL`,
      [r.sandboxId],
    );
    expect(n).toBeGreaterThanOrEqual(300);
    expect(bad).toBe(0);
    const personas: { persona: string }[] = await t.db.query(`SELECT persona FROM rod_persoon WHERE sandbox_id = $1 AND persona IS NOT NULL ORDER BY persona`, [r.sandboxId]);
    expect(personas.map((p) => p.persona).sort()).toEqual(Object.keys(PERSONAS).sort());
    expect(personas).toHaveLength(12);
  });

  it('a known BSN with matching geboortedatum and geslacht: goedgekeurd, the BSN', async () => {
    const res = await identificeer({ persoonsgebondenNummer: { burgerservicenummer: '999990019' }, geboortedatum: '2018-03-15', geslacht: 'V' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual({ resultaat: 'goedgekeurd', persoonsgebondenNummer: { burgerservicenummer: '999990019' }, onderwijsnummerUitgegeven: false, meldingen: [], foutmeldingen: [] });
  });

  it('212: geboortedatum differs (persona geboortedatum-wijkt-af)', async () => {
    const res = await identificeer({ persoonsgebondenNummer: { burgerservicenummer: '999990020' }, geboortedatum: '2017-06-10', geslacht: 'M' });
    expect(res.status).toBe(200);
    expect(res.body.resultaat).toBe('goedgekeurd met meldingen');
    expect(res.body.meldingen).toEqual([expect.objectContaining({ code: '212_geboortedatum_geslacht_wijkt_af', soort: 'MELDING', veld: '/geboortedatum' })]);
  });

  it('212: geslacht differs', async () => {
    const res = await identificeer({ persoonsgebondenNummer: { burgerservicenummer: '999990019' }, geboortedatum: '2018-03-15', geslacht: 'M' });
    expect(res.body.meldingen).toEqual([expect.objectContaining({ code: '212_geboortedatum_geslacht_wijkt_af', veld: '/geslacht' })]);
  });

  it('210: a valid but unknown BSN is afgekeurd', async () => {
    const body = expectProblem(await identificeer({ persoonsgebondenNummer: { burgerservicenummer: '123456782' }, geboortedatum: '2018-03-15', geslacht: 'V' }), 422, 'afgekeurd');
    expect(body.foutmeldingen.map((f: any) => f.code)).toEqual(['210_pgn_onbekend']);
  });

  it('211: a BSN failing the 11-proef is afgekeurd', async () => {
    const body = expectProblem(await identificeer({ persoonsgebondenNummer: { burgerservicenummer: '999990010' }, geboortedatum: '2018-03-15', geslacht: 'V' }), 422, 'afgekeurd');
    expect(body.foutmeldingen.map((f: any) => f.code)).toEqual(['211_pgn_elfproef']);
  });

  it('211: an onderwijsnummer of 9 digits that does not start with 10 is a foutmelding, as the document describes it', async () => {
    const body = expectProblem(await identificeer({ persoonsgebondenNummer: { onderwijsnummer: '200000004' }, geboortedatum: '2018-03-15', geslacht: 'V' }), 422, 'afgekeurd');
    expect(body.foutmeldingen.map((f: any) => f.code)).toEqual(['211_pgn_elfproef']);
    // The document's schema lets it through (a schema fault would be a 400): the check is ROD's 211, not the format.
    const doc = (await t.http().get('/rod/v1/openapi.json')).body;
    const pattern = doc.components.schemas.PersoonsgebondenNummer.properties.onderwijsnummer.pattern;
    expect(new RegExp(pattern).test('200000004')).toBe(true);
    expect(new RegExp(pattern).test('20000000')).toBe(false);
  });

  it('046: geslacht outside M, V, O', async () => {
    const body = expectProblem(await identificeer({ persoonsgebondenNummer: { burgerservicenummer: '999990019' }, geboortedatum: '2018-03-15', geslacht: 'X' }), 422, 'afgekeurd');
    expect(body.foutmeldingen.map((f: any) => f.code)).toEqual(['046_waardenlijst_fout']);
  });

  it('an onderwijsnummer-only person (abroad) is answered with the onderwijsnummer; a partial geboortedatum works', async () => {
    const a = await identificeer({ persoonsgebondenNummer: { onderwijsnummer: '100000028' }, geboortedatum: '2018-11-30', geslacht: 'V' });
    expect(a.body).toEqual(expect.objectContaining({ resultaat: 'goedgekeurd', persoonsgebondenNummer: { onderwijsnummer: '100000028' } }));
    const b = await identificeer({ persoonsgebondenNummer: { onderwijsnummer: '100000041' }, geboortedatum: '2016-00-00', geslacht: 'M' });
    expect(b.body.resultaat).toBe('goedgekeurd');
  });

  it('213: an onderwijsnummer of a person who has a BSN is answered with the BSN', async () => {
    const res = await identificeer({ persoonsgebondenNummer: { onderwijsnummer: '100000016' }, geboortedatum: '2017-02-14', geslacht: 'M' });
    expect(res.body).toEqual(expect.objectContaining({ resultaat: 'goedgekeurd met meldingen', persoonsgebondenNummer: { burgerservicenummer: '999990068' } }));
    expect(res.body.meldingen.map((m: any) => m.code)).toEqual(['213_onderwijsnummer_bij_bsn_bekend']);
  });

  it('without PGN: a person in the BRP is found by naam, geboortedatum, geslacht and adres and answered with the BSN', async () => {
    const created = await t.http().post('/rod/v1/personen').set(bearer(r.admin)).send({
      geboortedatum: '2019-04-04', geslacht: 'V', achternaam: 'Dijkstra', voornamen: 'Fenna', adres: { binnenlandsAdres: { straatnaam: 'Dorpsstraat', huisnummer: 3, postcode: '9711AB', plaatsnaam: 'Groningen' } },
    });
    expect(created.status).toBe(201);
    const res = await identificeer({
      geboortedatum: '2019-04-04', geslacht: 'V', achternaam: 'dijkstra', voornamen: 'fenna', adres: { binnenlandsAdres: { straatnaam: 'Dorpsstraat', huisnummer: 3, postcode: '9711AB', plaatsnaam: 'Groningen' } },
    });
    expect(res.body).toEqual({ resultaat: 'goedgekeurd', persoonsgebondenNummer: { burgerservicenummer: created.body.burgerservicenummer }, onderwijsnummerUitgegeven: false, meldingen: [], foutmeldingen: [] });
  });

  it('without PGN: an unknown person gets an onderwijsnummer, once — asking again gives the same number', async () => {
    const first = await identificeer(zonderPgn('Schneider'));
    expect(first.status).toBe(200);
    expect(first.body.onderwijsnummerUitgegeven).toBe(true);
    const on = first.body.persoonsgebondenNummer.onderwijsnummer;
    expect(on).toMatch(/^10\d{7}$/);
    const again = await identificeer(zonderPgn('Schneider'));
    expect(again.body).toEqual(expect.objectContaining({ persoonsgebondenNummer: { onderwijsnummer: on }, onderwijsnummerUitgegeven: false }));
    // …and the number can be used to enrol
    const enrol = await t.http().post('/rod/v1/inschrijvingen').set(bearer(r.alfa)).send(inschrijving('x', { persoonsgebondenNummer: { onderwijsnummer: on } }));
    expect(enrol.status).toBe(201);
  });

  it('without PGN: 20 concurrent requests for one new person issue one onderwijsnummer', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => identificeer(zonderPgn('Müller'))));
    const numbers = new Set(answers.map((a) => a.body.persoonsgebondenNummer.onderwijsnummer));
    expect(numbers.size).toBe(1);
    expect(answers.filter((a) => a.body.onderwijsnummerUitgegeven)).toHaveLength(1);
  });

  it('214: an onderwijsnummer for a pupil living in the Netherlands comes with a melding to check and identify again', async () => {
    const res = await identificeer(zonderPgn('Onbekend', { binnenlandsAdres: { straatnaam: 'Kerkstraat', huisnummer: 9, postcode: '8011AA', plaatsnaam: 'Zwolle' } }));
    expect(res.body.resultaat).toBe('goedgekeurd met meldingen');
    expect(res.body.meldingen.map((m: any) => m.code)).toEqual(['214_onderwijsnummer_bij_woonadres_in_nederland']);
  });

  it('without PGN, naam (achternaam and voornamen) and adres are required: 400', async () => {
    expectInvalid(await identificeer({ geboortedatum: '2019-01-02', geslacht: 'M' }), [{ pointer: '/achternaam' }, { pointer: '/voornamen' }, { pointer: '/adres' }]);
  });

  it('without PGN: twins of one sex at one address with different voornamen are two persons with two onderwijsnummers', async () => {
    const adres = { binnenlandsAdres: { straatnaam: 'Tweelinglaan', huisnummer: 2, postcode: '3581AB', plaatsnaam: 'Utrecht' } };
    const tweeling = (voornamen: string) => identificeer({ geboortedatum: '2020-02-20', geslacht: 'V', achternaam: 'Tweeling', voornamen, adres });
    const anna = await tweeling('Anna');
    const bente = await tweeling('Bente');
    expect([anna.status, bente.status]).toEqual([200, 200]);
    expect(anna.body.onderwijsnummerUitgegeven).toBe(true);
    expect(bente.body.onderwijsnummerUitgegeven).toBe(true);
    expect(bente.body.persoonsgebondenNummer.onderwijsnummer).not.toBe(anna.body.persoonsgebondenNummer.onderwijsnummer);
    // Each twin asking again gets her own number back (case and spacing do not matter).
    expect((await tweeling(' anna ')).body).toMatchObject({ persoonsgebondenNummer: anna.body.persoonsgebondenNummer, onderwijsnummerUitgegeven: false });
    expect((await tweeling('BENTE')).body).toMatchObject({ persoonsgebondenNummer: bente.body.persoonsgebondenNummer, onderwijsnummerUitgegeven: false });
  });

  it('without PGN abroad: the address lines count, not only the land', async () => {
    const kind = (adresregels: string[]) => identificeer({ geboortedatum: '2018-08-08', geslacht: 'M', achternaam: 'Wagner', voornamen: 'Lukas', adres: { buitenlandsAdres: { landcode: '9089', adresregels } } });
    const muenster = await kind(['Hauptstraße 1', '48143 Münster']);
    const berlijn = await kind(['Lindenallee 5', '10115 Berlin']);
    expect(muenster.body.onderwijsnummerUitgegeven).toBe(true);
    expect(berlijn.body.onderwijsnummerUitgegeven).toBe(true);
    expect(berlijn.body.persoonsgebondenNummer.onderwijsnummer).not.toBe(muenster.body.persoonsgebondenNummer.onderwijsnummer);
    expect((await kind(['hauptstraße  1', '48143 MÜNSTER'])).body).toMatchObject({ persoonsgebondenNummer: muenster.body.persoonsgebondenNummer, onderwijsnummerUitgegeven: false });
  });

  it('a person known by onderwijsnummer gets a BSN: ROD links both and tells the schools', async () => {
    const first = await identificeer(zonderPgn('Novak'));
    const on = first.body.persoonsgebondenNummer.onderwijsnummer;
    const enrol = await t.http().post('/rod/v1/inschrijvingen').set(bearer(r.alfa)).send(inschrijving('x', { persoonsgebondenNummer: { onderwijsnummer: on } }));
    expect(enrol.status).toBe(201);
    const res = await t.http().post('/rod/v1/bsn-toekenningen').set(bearer(r.admin)).send({ onderwijsnummer: on });
    expect(res.status).toBe(201);
    expect(res.body).toEqual(expect.objectContaining({ onderwijsnummer: on, burgerservicenummer: expect.stringMatching(/^99\d{7}$/) }));
    const events = await t.db.query(`SELECT type, subject, instellingscode, data FROM outbox_event WHERE sandbox_id = $1 AND type = 'nl.duo.rod.persoonsgegevens-gewijzigd'`, [r.sandboxId]);
    expect(events).toHaveLength(1);
    expect(events[0].subject).not.toContain(res.body.burgerservicenummer);
    expect(events[0].data.inschrijvingen).toEqual([{ inschrijvingId: enrol.body.inschrijvingId, inschrijvingvolgnummer: '1' }]);
    const again = await identificeer({ persoonsgebondenNummer: { onderwijsnummer: on }, geboortedatum: '2019-01-02', geslacht: 'M' });
    expect(again.body.persoonsgebondenNummer).toEqual({ burgerservicenummer: res.body.burgerservicenummer });
    // the inschrijving now reads back with the BSN
    const get = await t.http().get(`/rod/v1/inschrijvingen/${enrol.body.inschrijvingId}`).set(bearer(r.alfa));
    expect(get.body.persoonsgebondenNummer).toEqual({ burgerservicenummer: res.body.burgerservicenummer });
    expectProblem(await t.http().post('/rod/v1/bsn-toekenningen').set(bearer(r.admin)).send({ onderwijsnummer: on }), 409, 'persoon_heeft_bsn');
  });

  it('the persoonsregister is beheer only', async () => {
    expectProblem(await t.http().post('/rod/v1/personen').set(bearer(r.alfa)).send({ geboortedatum: '2019-01-01' }), 403, 'insufficient_scope');
  });
});
