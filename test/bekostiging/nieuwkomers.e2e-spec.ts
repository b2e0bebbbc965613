import { randomUUID } from 'node:crypto';
import { AfleveringWorker } from '../../src/berichten';
import { startOntvanger, wachtTot } from '../berichten/berichten-support';
import { bearer, tokenFor } from '../support/auth';
import { expectInvalid } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';
import { leesFeed, nieuweLeerling, schrijfIn } from './bekostiging-support';

const STATUS = 'nl.duo.rod.bekostigingsstatus-gewijzigd';
const OVT = 'nl.duo.rod.overzicht-vaststelling-tellingen';

/** rod.md §8.1, §8.4: nieuwkomers teldata (1 January, April, July, October) and a status per soortBekostiging. */
describe('bekostiging: nieuwkomers teldata and soortBekostiging', () => {
  let t: TestApp;
  let admin: string;
  let alfa: string;
  let cursor = '0';
  const ontvanger = startOntvanger();

  const verschuif = (body: object) => t.http().post('/beheer/v1/sandboxes/default/klok/verschuivingen').set(bearer(admin)).send(body);
  const nieuweEvents = async () => {
    const r = await leesFeed(t, alfa, cursor);
    cursor = r.cursor;
    return r.events.filter((e: any) => e.type === STATUS);
  };
  /** The statuses of an inschrijving as `teldatum soort status signalen…` lines, from the vendor's list. */
  const statussen = async (id: string, query = '') => {
    const res = await t.http().get(`/rod/v1/bekostigingsstatussen?instellingscode=01AA&pageSize=100${query}`).set(bearer(alfa));
    expect(res.status).toBe(200);
    return res.body.items
      .filter((s: any) => s.inschrijvingId === id)
      .map((s: any) => [s.teldatum, s.soortBekostiging, s.status, s.statusBepaling, ...s.signalen.map((x: any) => x.code.slice(0, 3))].join(' '))
      .sort();
  };

  let nieuwkomer: string;
  let nieuwkomerBsn: string;
  let gevestigd: string;
  let grens: string;
  let binnenGrens: string;

  beforeAll(async () => {
    t = await createTestApp();
    [admin, alfa] = [await tokenFor(t, 'demo-beheer'), await tokenFor(t, 'las-alfa')];
    expect((await t.http().put('/beheer/v1/sandboxes/default/klok').set(bearer(admin)).send({ mode: 'FROZEN', now: '2026-09-20T10:00:00Z' })).status).toBe(200);
    const o = await ontvanger;
    expect((await t.http().post('/rod/v1/webhook-abonnementen').set(bearer(alfa)).send({ url: o.url, types: [STATUS, OVT] })).status).toBe(201);
    cursor = (await leesFeed(t, alfa, '0')).cursor;

    nieuwkomerBsn = await nieuweLeerling(t, admin);
    nieuwkomer = await schrijfIn(t, alfa, { burgerservicenummer: nieuwkomerBsn }, '01AA', '2026-09-01', { datumVestigingInNederland: '2026-03-15' });
    gevestigd = await schrijfIn(t, alfa, { burgerservicenummer: await nieuweLeerling(t, admin) }, '01AA', '2026-09-01');
    // Settled exactly two years before 1 October 2026: no longer a nieuwkomer; one day later still one (1–2 years).
    grens = await schrijfIn(t, alfa, { burgerservicenummer: await nieuweLeerling(t, admin) }, '01AA', '2026-09-01', { datumVestigingInNederland: '2024-10-01' });
    binnenGrens = await schrijfIn(t, alfa, { burgerservicenummer: await nieuweLeerling(t, admin) }, '01AA', '2026-09-01', { datumVestigingInNederland: '2024-10-02' });
  });
  afterAll(async () => {
    await (await ontvanger).close();
    await t.close();
  });

  it('keeps datumVestigingInNederland with the inschrijving and reads it back; a bad date is a 400', async () => {
    const res = await t.http().get(`/rod/v1/inschrijvingen/${nieuwkomer}`).set(bearer(alfa));
    expect(res.body.datumVestigingInNederland).toBe('2026-03-15');
    expect((await t.http().get(`/rod/v1/inschrijvingen/${gevestigd}`).set(bearer(alfa))).body.datumVestigingInNederland).toBeNull();
    const fout = await t
      .http()
      .post('/rod/v1/inschrijvingen')
      .set(bearer(alfa))
      .send({
        bedrijfsdocument: { identificatiecodeBedrijfsdocument: randomUUID(), datumTijdBedrijfsdocument: '2026-09-20T09:00:00Z' },
        instellingscode: '01AA',
        persoonsgebondenNummer: { burgerservicenummer: nieuwkomerBsn },
        inschrijvingvolgnummer: '1',
        datumInschrijving: '2026-09-01',
        datumVestigingInNederland: '2026-02-30',
        inschrijvingPeriodeBO: [{ datumBegin: '2026-09-01', vestigingscode: '01AA00', onderwijsaanbiedercode: '100A001', onderwijslocatiecode: '100X001', groep: '3' }],
      });
    expectInvalid(fout, [{ pointer: '/datumVestigingInNederland' }]);
  });

  it('before 1 October only the GROEI statuses exist (1 September is no nieuwkomers teldatum)', async () => {
    expect(await statussen(nieuwkomer)).toEqual(['2026-09-01 GROEI BEKOSTIGD V']);
    expect(await statussen(gevestigd)).toEqual(['2026-09-01 GROEI BEKOSTIGD V']);
    expect((await nieuweEvents()).filter((e: any) => e.data.soortBekostiging !== 'GROEI')).toEqual([]);
  });

  it('on 1 October a nieuwkomer gets a NIEUWKOMERS status beside the GROEI one, pushed by feed and webhook with its soortBekostiging; others get none', async () => {
    const res = await verschuif({ tot: '2026-10-01T08:00:00Z' });
    expect(res.status).toBe(200);
    expect(await statussen(nieuwkomer)).toEqual(['2026-09-01 GROEI BEKOSTIGD D', '2026-10-01 GROEI BEKOSTIGD V', '2026-10-01 NIEUWKOMERS BEKOSTIGD V']);
    expect(await statussen(binnenGrens)).toEqual(['2026-09-01 GROEI BEKOSTIGD D', '2026-10-01 GROEI BEKOSTIGD V', '2026-10-01 NIEUWKOMERS BEKOSTIGD V']);
    expect(await statussen(gevestigd)).toEqual(['2026-09-01 GROEI BEKOSTIGD D', '2026-10-01 GROEI BEKOSTIGD V']);
    expect(await statussen(grens)).toEqual(['2026-09-01 GROEI BEKOSTIGD D', '2026-10-01 GROEI BEKOSTIGD V']);

    const events = (await nieuweEvents()).filter((e: any) => e.data.inschrijvingId === nieuwkomer && e.data.teldatum === '2026-10-01');
    expect(events.map((e: any) => [e.data.teldatum, e.data.soortBekostiging, e.data.status, e.data.aanleiding]).sort()).toEqual([
      ['2026-10-01', 'GROEI', 'BEKOSTIGD', 'TELDATUM'],
      ['2026-10-01', 'NIEUWKOMERS', 'BEKOSTIGD', 'TELDATUM'],
    ]);
    const o = await ontvanger;
    await wachtTot(
      () => o.ontvangen.some((x) => x.json.data.inschrijvingId === nieuwkomer && x.json.data.soortBekostiging === 'NIEUWKOMERS'),
      () => t.app.get(AfleveringWorker).runRound(),
    );

    // Only the nieuwkomers when asked, and an overview per soort: the NIEUWKOMERS one counts the nieuwkomers only.
    const alleen = await t.http().get('/rod/v1/bekostigingsstatussen?instellingscode=01AA&teldatum=2026-10-01&soortBekostiging=NIEUWKOMERS&pageSize=100').set(bearer(alfa));
    expect(alleen.body.items.map((s: any) => s.inschrijvingId).sort()).toEqual([nieuwkomer, binnenGrens].sort());
    const overzicht = (await t.http().get('/rod/v1/bekostigingsoverzichten?instellingscode=01AA&teldatum=2026-10-01').set(bearer(alfa))).body.items;
    expect(overzicht.map((x: any) => x.soortBekostiging)).toEqual(['GROEI', 'NIEUWKOMERS']);
    expect(overzicht[1]).toMatchObject({ aantalInschrijvingen: 2, aantalBekostigd: 2, aantalNietBekostigd: 0, uitersteRegistratiedatum: '2026-10-29' });
    expect(overzicht[0].aantalInschrijvingen).toBeGreaterThanOrEqual(4);
    expectInvalid(await t.http().get('/rod/v1/bekostigingsstatussen?instellingscode=01AA&soortBekostiging=NIEUW').set(bearer(alfa)), [{ parameter: 'soortBekostiging' }]);
  });

  it('a change of datumVestigingInNederland changes the NIEUWKOMERS status only, and pushes that change', async () => {
    // The school corrects the date: settled three years ago, so no nieuwkomer on 1 October (B09); the GROEI status stays.
    await schrijfIn(t, alfa, { burgerservicenummer: nieuwkomerBsn }, '01AA', '2026-09-01', { datumVestigingInNederland: '2023-06-01' });
    expect(await statussen(nieuwkomer)).toEqual(['2026-09-01 GROEI BEKOSTIGD D', '2026-10-01 GROEI BEKOSTIGD V', '2026-10-01 NIEUWKOMERS NIET_BEKOSTIGD V B09']);
    const events = (await nieuweEvents()).filter((e: any) => e.data.inschrijvingId === nieuwkomer);
    expect(events.map((e: any) => [e.data.teldatum, e.data.soortBekostiging, e.data.status, e.data.signalen.map((x: any) => x.code), e.data.aanleiding])).toEqual([
      ['2026-10-01', 'NIEUWKOMERS', 'NIET_BEKOSTIGD', ['B09_geen_nieuwkomer'], 'MUTATIE'],
    ]);
    // And back: a nieuwkomer again.
    await schrijfIn(t, alfa, { burgerservicenummer: nieuwkomerBsn }, '01AA', '2026-09-01', { datumVestigingInNederland: '2026-03-15' });
    expect(await statussen(nieuwkomer, '&soortBekostiging=NIEUWKOMERS')).toEqual(['2026-10-01 NIEUWKOMERS BEKOSTIGD V']);
    expect((await nieuweEvents()).filter((e: any) => e.data.inschrijvingId === nieuwkomer).map((e: any) => [e.data.soortBekostiging, e.data.status])).toEqual([['NIEUWKOMERS', 'BEKOSTIGD']]);
  });

  it('the vaststelling fixes both soorten and gives the bestuur a NIEUWKOMERS Ovt beside the GROEI one', async () => {
    const { cursor: van } = await leesFeed(t, alfa, cursor);
    expect((await verschuif({ tot: '2026-10-31T10:00:00Z' })).status).toBe(200);
    expect(await statussen(nieuwkomer)).toEqual(['2026-09-01 GROEI BEKOSTIGD D', '2026-10-01 GROEI BEKOSTIGD D', '2026-10-01 NIEUWKOMERS BEKOSTIGD D']);
    const ovt = (await leesFeed(t, alfa, van)).events.filter((e: any) => e.type === OVT && e.data.teldatum === '2026-10-01' && e.data.instelling.instellingscode === '01AA');
    expect(ovt.map((e: any) => [e.subject, e.data.soortBekostiging]).sort()).toEqual([
      ['onderwijsbestuur/100B001/teldatum/2026-10-01', 'GROEI'],
      ['onderwijsbestuur/100B001/teldatum/2026-10-01/nieuwkomers', 'NIEUWKOMERS'],
    ]);
    expect(ovt.find((e: any) => e.data.soortBekostiging === 'NIEUWKOMERS').data.instelling).toMatchObject({ aantalInschrijvingen: 2, aantalBekostigd: 2 });
  });

  it('removing a nieuwkomer’s inschrijving pushes NIET_BEKOSTIGD for each of its statuses, NIEUWKOMERS included', async () => {
    await leesFeed(t, alfa, cursor).then((r) => (cursor = r.cursor));
    const res = await t
      .http()
      .post('/rod/v1/verwijderingen')
      .set(bearer(alfa))
      .send({
        bedrijfsdocument: { identificatiecodeBedrijfsdocument: randomUUID(), datumTijdBedrijfsdocument: '2026-10-31T09:00:00Z' },
        instellingscode: '01AA',
        persoonsgebondenNummer: { burgerservicenummer: nieuwkomerBsn },
        inschrijvingvolgnummer: '1',
      });
    expect(res.status).toBe(200);
    const events = (await nieuweEvents()).filter((e: any) => e.data.inschrijvingId === nieuwkomer);
    expect(events.map((e: any) => [e.data.teldatum, e.data.soortBekostiging, e.data.status, e.data.aanleiding]).sort()).toEqual([
      ['2026-09-01', 'GROEI', 'NIET_BEKOSTIGD', 'VERWIJDERING'],
      ['2026-10-01', 'GROEI', 'NIET_BEKOSTIGD', 'VERWIJDERING'],
      ['2026-10-01', 'NIEUWKOMERS', 'NIET_BEKOSTIGD', 'VERWIJDERING'],
    ]);
  });
});
