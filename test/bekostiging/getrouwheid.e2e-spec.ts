import { dutchDate } from '../../src/common/clock/clock.service';
import { isOpen, relevanteTeldata } from '../../src/bekostiging/teldata';
import { bearer, tokenFor } from '../support/auth';
import { createTestApp, TestApp } from '../support/test-app';
import { leesFeed, nieuweLeerling, schrijfIn, statussenVan } from './bekostiging-support';

describe('bekostiging as the register keeps it: seeded history, earliest received, the clock set back', () => {
  let t: TestApp;
  let admin: string;
  let alfa: string;
  let beta: string;

  const klok = (body: object) => t.http().put('/beheer/v1/sandboxes/default/klok').set(bearer(admin)).send(body);
  const verschuif = (body: object) => t.http().post('/beheer/v1/sandboxes/default/klok/verschuivingen').set(bearer(admin)).send(body);

  beforeAll(async () => {
    t = await createTestApp();
    [admin, alfa, beta] = [await tokenFor(t, 'demo-beheer'), await tokenFor(t, 'las-alfa'), await tokenFor(t, 'las-beta')];
  });
  afterAll(() => t.close());

  // Runs first, on the sandbox as seeded (real time).
  it('a seeded sandbox has the statuses of every kept teldatum: counts per teldatum match the enrolments, and touching a pupil pushes nothing for the past', async () => {
    const vandaag = dutchDate(new Date());
    const teldata = relevanteTeldata(vandaag);
    const res = await t.http().get('/rod/v1/bekostigingsoverzichten?instellingscode=01AA').set(bearer(alfa));
    expect(res.status).toBe(200);
    const perTeldatum = Object.fromEntries(res.body.items.map((x: any) => [x.teldatum, x]));
    let getoetst = 0;
    for (const teldatum of teldata) {
      const [{ n }] = await t.db.query(
        `SELECT count(*)::int AS n FROM rod_inschrijving i JOIN sandbox s ON s.id = i.sandbox_id
          WHERE s.code = 'default' AND i.instellingscode = '01AA' AND i.datum_inschrijving <= $1 AND (i.datum_uitschrijving IS NULL OR i.datum_uitschrijving >= $1)`,
        [teldatum],
      );
      if (!n) {
        expect(perTeldatum[teldatum]).toBeUndefined();
        continue;
      }
      getoetst++;
      expect(perTeldatum[teldatum]).toMatchObject({ aantalInschrijvingen: n, aantalBekostigd: n, statusBepaling: isOpen(teldatum, vandaag) ? 'V' : 'D' });
    }
    expect(getoetst).toBeGreaterThan(0);

    // A change to one seeded pupil of this schooljaar (still enrolled, so the change adds no teldatum she was not
    // enrolled on) leaves the fixed teldata alone: no MUTATIE for a past teldatum.
    const [pupil] = await t.db.query(
      `SELECT p.burgerservicenummer AS bsn, to_char(i.datum_inschrijving, 'YYYY-MM-DD') AS datum FROM rod_inschrijving i JOIN rod_persoon p ON p.id = i.persoon_id
        JOIN sandbox s ON s.id = i.sandbox_id WHERE s.code = 'default' AND i.instellingscode = '01AA' AND p.burgerservicenummer IS NOT NULL AND i.datum_uitschrijving IS NULL
        ORDER BY p.burgerservicenummer LIMIT 1`,
    );
    const { cursor } = await leesFeed(t, alfa, '0');
    await schrijfIn(t, alfa, { burgerservicenummer: pupil.bsn }, '01AA', pupil.datum, { indicatieBekostiging: false });
    const events = (await leesFeed(t, alfa, cursor)).events.filter((e: any) => e.type === 'nl.duo.rod.bekostigingsstatus-gewijzigd');
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) expect(isOpen(e.data.teldatum, vandaag)).toBe(true);
  });

  it('equal datumInschrijving under a frozen clock: the earliest received is funded, every time', async () => {
    expect((await klok({ mode: 'FROZEN', now: '2027-01-20T10:00:00Z' })).status).toBe(200);
    for (let i = 0; i < 6; i++) {
      const bsn = await nieuweLeerling(t, admin);
      const alfaEerst = i % 2 === 0;
      const eerst = alfaEerst ? () => schrijfIn(t, alfa, { burgerservicenummer: bsn }, '01AB', '2026-12-20') : () => schrijfIn(t, beta, { burgerservicenummer: bsn }, '02AA', '2026-12-20');
      const daarna = alfaEerst ? () => schrijfIn(t, beta, { burgerservicenummer: bsn }, '02AA', '2026-12-20') : () => schrijfIn(t, alfa, { burgerservicenummer: bsn }, '01AB', '2026-12-20');
      const idEerst = await eerst();
      const idDaarna = await daarna();
      const [a, b] = alfaEerst ? [idEerst, idDaarna] : [idDaarna, idEerst];
      const statusA = (await statussenVan(t, alfa, '01AB', a))['2027-01-01'];
      const statusB = (await statussenVan(t, beta, '02AA', b))['2027-01-01'];
      expect([statusA.status, statusB.status]).toEqual(alfaEerst ? ['BEKOSTIGD', 'NIET_BEKOSTIGD'] : ['NIET_BEKOSTIGD', 'BEKOSTIGD']);
    }
  });

  it('after the clock is set back, statuses of teldata after today are not listed, counted or pushed', async () => {
    expect((await klok({ mode: 'FROZEN', now: '2027-01-20T10:00:00Z' })).status).toBe(200);
    const bsn = await nieuweLeerling(t, admin);
    const id = await schrijfIn(t, alfa, { burgerservicenummer: bsn }, '01AB', '2027-01-10');
    expect((await verschuif({ tot: '2027-02-03T10:00:00Z' })).status).toBe(200);
    expect((await statussenVan(t, alfa, '01AB', id))['2027-02-01']).toMatchObject({ status: 'BEKOSTIGD', statusBepaling: 'V' });

    expect((await klok({ mode: 'FROZEN', now: '2027-01-25T10:00:00Z' })).status).toBe(200);
    const na = await statussenVan(t, alfa, '01AB', id);
    expect(Object.keys(na).every((d) => d <= '2027-01-25')).toBe(true);
    expect(na['2027-02-01']).toBeUndefined();
    const lijst = await t.http().get('/rod/v1/bekostigingsstatussen?instellingscode=01AB&teldatum=2027-02-01').set(bearer(alfa));
    expect(lijst.status).toBe(200);
    expect(lijst.body.items).toEqual([]);
    const overzicht = await t.http().get('/rod/v1/bekostigingsoverzichten?instellingscode=01AB').set(bearer(alfa));
    expect(overzicht.body.items.map((x: any) => x.teldatum)).not.toContain('2027-02-01');
    const { cursor } = await leesFeed(t, alfa, '0');
    expect((await t.http().post('/rod/v1/bekostigingsstatussen/initiele-leveringen').set(bearer(alfa)).send({ instellingscode: '01AB' })).status).toBe(202);
    const gepusht = (await leesFeed(t, alfa, cursor)).events.filter((e: any) => e.data.aanleiding === 'INITIELE_LEVERING');
    expect(gepusht.length).toBeGreaterThan(0);
    expect(gepusht.every((e: any) => e.data.teldatum <= '2027-01-25')).toBe(true);
  });

  it('the vaststelling emits the Ovt per bestuur: each school its fixed counts and the bestuur totals', async () => {
    expect((await klok({ mode: 'FROZEN', now: '2027-04-20T10:00:00Z' })).status).toBe(200);
    const bsn = await nieuweLeerling(t, admin);
    await schrijfIn(t, alfa, { burgerservicenummer: bsn }, '01AB', '2027-04-10');
    const { cursor } = await leesFeed(t, alfa, '0');
    // 1 May is reached, then its deadline (Saturday 29 May, moved to Monday 31 May) passes on 1 June.
    const res = await verschuif({ tot: '2027-06-02T10:00:00Z' });
    expect(res.status).toBe(200);
    const ovt = (await leesFeed(t, alfa, cursor)).events.filter((e: any) => e.type === 'nl.duo.rod.overzicht-vaststelling-tellingen' && e.data.teldatum === '2027-05-01');
    const scholen = ovt.map((e: any) => e.data.instelling.instellingscode).sort();
    expect(scholen).toEqual(expect.arrayContaining(['01AA', '01AB']));
    expect(scholen.every((s: string) => s.startsWith('01'))).toBe(true); // only the schools that mandate las-alfa
    const overzicht = (await t.http().get('/rod/v1/bekostigingsoverzichten?instellingscode=01AB&teldatum=2027-05-01').set(bearer(alfa))).body.items[0];
    const e01AB = ovt.find((e: any) => e.data.instelling.instellingscode === '01AB');
    expect(e01AB).toMatchObject({ subject: 'onderwijsbestuur/100B001/teldatum/2027-05-01', time: '2027-05-31T22:00:00.000Z' });
    expect(e01AB.data).toMatchObject({
      onderwijsbestuurcode: '100B001',
      teldatum: '2027-05-01',
      soortBekostiging: 'GROEI',
      instelling: { instellingscode: '01AB', aantalInschrijvingen: overzicht.aantalInschrijvingen, aantalBekostigd: overzicht.aantalBekostigd, aantalNietBekostigd: overzicht.aantalNietBekostigd },
    });
    expect(overzicht.statusBepaling).toBe('D');
    // The bestuur's totals are the sum over its schools, the same in every school's event.
    const [{ n, b, scholen: aantal }] = await t.db.query(
      `SELECT count(*)::int AS n, (count(*) FILTER (WHERE s.status = 'BEKOSTIGD'))::int AS b, count(DISTINCT s.instellingscode)::int AS scholen
         FROM bekostigingsstatus s JOIN rio_instellingserkenning e ON e.sandbox_id = s.sandbox_id AND e.code = s.instellingscode
        WHERE e.onderwijsbestuurcode = '100B001' AND s.teldatum = '2027-05-01'`,
    );
    for (const e of ovt) expect(e.data.bestuur).toEqual({ aantalInstellingen: aantal, aantalInschrijvingen: n, aantalBekostigd: b, aantalNietBekostigd: n - b });
  });
});
