import { randomUUID } from 'node:crypto';
import { bearer, tokenFor } from '../support/auth';
import { expectInvalid } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';
import { leesFeed, nieuweLeerling, SCHOLEN, schrijfIn, statussenVan } from './bekostiging-support';

/** sbo (01AC, RIO soort SBAS) is funded on a teldatum only with a toelaatbaarheidsverklaring valid on it: B05. */
describe('bekostiging: toelaatbaarheidsverklaring (TLV) for sbo', () => {
  let t: TestApp;
  let admin: string;
  let alfa: string;

  beforeAll(async () => {
    t = await createTestApp();
    [admin, alfa] = [await tokenFor(t, 'demo-beheer'), await tokenFor(t, 'las-alfa')];
    // Teldatum 1 February 2027 is open (deadline 1 March).
    expect((await t.http().put('/beheer/v1/sandboxes/default/klok').set(bearer(admin)).send({ mode: 'FROZEN', now: '2027-02-10T10:00:00Z' })).status).toBe(200);
  });
  afterAll(() => t.close());

  it('without a TLV an sbo inschrijving gets B05; a TLV valid on the teldatum funds it; one that ended before does not', async () => {
    const bsn = await nieuweLeerling(t, admin);
    const cursor = (await leesFeed(t, alfa, '0')).cursor;
    const id = await schrijfIn(t, alfa, { burgerservicenummer: bsn }, '01AC', '2027-01-11');
    expect((await statussenVan(t, alfa, '01AC', id))['2027-02-01']).toMatchObject({ status: 'NIET_BEKOSTIGD', signalen: ['B05'] });
    const [event] = (await leesFeed(t, alfa, cursor)).events.filter((e) => e.data.inschrijvingId === id && e.data.teldatum === '2027-02-01');
    expect(event.data.signalen).toEqual([{ code: 'B05_geen_geldige_tlv', omschrijving: expect.stringContaining('toelaatbaarheidsverklaring') }]);

    await schrijfIn(t, alfa, { burgerservicenummer: bsn }, '01AC', '2027-01-11', { tlv: [{ beschikkingsnummer: 'TLV-2027-001', datumBegin: '2027-01-04' }] });
    expect((await statussenVan(t, alfa, '01AC', id))['2027-02-01']).toMatchObject({ status: 'BEKOSTIGD', signalen: [] });

    await schrijfIn(t, alfa, { burgerservicenummer: bsn }, '01AC', '2027-01-11', { tlv: [{ beschikkingsnummer: 'TLV-2027-001', datumBegin: '2027-01-04', datumEinde: '2027-01-31' }] });
    expect((await statussenVan(t, alfa, '01AC', id))['2027-02-01']).toMatchObject({ status: 'NIET_BEKOSTIGD', signalen: ['B05'] });
  });

  it('a bo school needs no TLV', async () => {
    const bsn = await nieuweLeerling(t, admin);
    const id = await schrijfIn(t, alfa, { burgerservicenummer: bsn }, '01AB', '2027-01-11');
    expect((await statussenVan(t, alfa, '01AB', id))['2027-02-01']).toMatchObject({ status: 'BEKOSTIGD', signalen: [] });
  });

  it('the TLV is part of the inschrijving: read back, versioned, and 234 when it ends before it begins', async () => {
    const bsn = await nieuweLeerling(t, admin);
    const tlv = [{ beschikkingsnummer: 'TLV-2027-002', datumBegin: '2027-01-04', datumEinde: '2028-07-31' }];
    const id = await schrijfIn(t, alfa, { burgerservicenummer: bsn }, '01AC', '2027-01-11', { tlv });
    const gelezen = await t.http().get(`/rod/v1/inschrijvingen/${id}`).set(bearer(alfa));
    expect(gelezen.body.toelaatbaarheidsverklaring).toEqual(tlv);
    expect(gelezen.body.versie).toBe(1);
    // The same content again changes nothing.
    await schrijfIn(t, alfa, { burgerservicenummer: bsn }, '01AC', '2027-01-11', { tlv });
    expect((await t.http().get(`/rod/v1/inschrijvingen/${id}`).set(bearer(alfa))).body.versie).toBe(1);

    const fout = await t
      .http()
      .post('/rod/v1/inschrijvingen')
      .set(bearer(alfa))
      .send({
        bedrijfsdocument: { identificatiecodeBedrijfsdocument: randomUUID(), datumTijdBedrijfsdocument: '2027-02-10T09:00:00Z' },
        instellingscode: '01AC',
        persoonsgebondenNummer: { burgerservicenummer: bsn },
        inschrijvingvolgnummer: '1',
        datumInschrijving: '2027-01-11',
        inschrijvingPeriodeBO: [{ datumBegin: '2027-01-11', ...SCHOLEN['01AC'], groep: '4' }],
        toelaatbaarheidsverklaring: [{ beschikkingsnummer: 'TLV-2027-003', datumBegin: '2027-03-01', datumEinde: '2027-02-01' }],
      });
    expect(fout.status).toBe(422);
    expect(fout.body.foutmeldingen).toEqual([expect.objectContaining({ code: '234_tlv_einde_voor_begin', veld: '/toelaatbaarheidsverklaring/0/datumEinde' })]);
    expect((await t.http().get(`/rod/v1/inschrijvingen/${id}`).set(bearer(alfa))).body).toMatchObject({ versie: 1, toelaatbaarheidsverklaring: tlv });

    // Schema-level garbage in a TLV: a plain 400 listing every problem, and nothing stored.
    const kapot = await t
      .http()
      .post('/rod/v1/inschrijvingen')
      .set(bearer(alfa))
      .send({
        bedrijfsdocument: { identificatiecodeBedrijfsdocument: randomUUID(), datumTijdBedrijfsdocument: '2027-02-10T09:00:00Z' },
        instellingscode: '01AC',
        persoonsgebondenNummer: { burgerservicenummer: bsn },
        inschrijvingvolgnummer: '1',
        datumInschrijving: '2027-01-11',
        inschrijvingPeriodeBO: [{ datumBegin: '2027-01-11', ...SCHOLEN['01AC'], groep: '4' }],
        toelaatbaarheidsverklaring: [{ beschikkingsnummer: 'TLV 2027/004!', datumBegin: '1 maart' }],
      });
    expectInvalid(kapot, [{ pointer: '/toelaatbaarheidsverklaring/0/beschikkingsnummer' }, { pointer: '/toelaatbaarheidsverklaring/0/datumBegin' }]);
    expect((await t.http().get(`/rod/v1/inschrijvingen/${id}`).set(bearer(alfa))).body).toMatchObject({ versie: 1, toelaatbaarheidsverklaring: tlv });
  });
});
