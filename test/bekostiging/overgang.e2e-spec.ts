import { bearer, tokenFor } from '../support/auth';
import { createTestApp, TestApp } from '../support/test-app';
import { leesFeed, nieuweLeerling, schrijfIn, statussenVan } from './bekostiging-support';

const OVT = 'nl.duo.rod.overzicht-vaststelling-tellingen';

/**
 * An overgang and bekostiging: school 01AB moves from 100B001 to 100B002 on 1 February 2026. Its pupils stay funded
 * (not re-enrolled); each teldatum counts under the bestuur of that day — 1 January under the old one, 1 February
 * (the overgangsdatum) under the new one — in the overzicht and in the Ovt per bestuur.
 */
describe('bekostiging after an overgang: the bestuur of each teldatum', () => {
  let t: TestApp;
  let admin: string;
  let alfa: string;

  beforeAll(async () => {
    t = await createTestApp();
    [admin, alfa] = [await tokenFor(t, 'demo-beheer'), await tokenFor(t, 'las-alfa')];
  });
  afterAll(() => t.close());

  it('counts 1 January under the old bestuur and 1 February under the new one; the pupil stays funded on both', async () => {
    expect((await t.http().put('/beheer/v1/sandboxes/default/klok').set(bearer(admin)).send({ mode: 'FROZEN', now: '2026-01-20T10:00:00Z' })).status).toBe(200);
    const bsn = await nieuweLeerling(t, admin);
    const id = await schrijfIn(t, alfa, { burgerservicenummer: bsn }, '01AB', '2025-12-01');
    // A pupil at 01AA, a school that stays with 100B001.
    await schrijfIn(t, alfa, { burgerservicenummer: await nieuweLeerling(t, admin) }, '01AA', '2025-12-01');
    expect((await statussenVan(t, alfa, '01AB', id))['2026-01-01']).toMatchObject({ status: 'BEKOSTIGD', statusBepaling: 'V' });

    const overgang = await t.http().post('/rio/v1/overgangen').set(bearer(admin)).send({ instellingscode: '01AB', naarOnderwijsbestuurcode: '100B002', overgangsdatum: '2026-02-01' });
    expect(overgang.status).toBe(201);
    // The recompute after the overgang leaves the pupil's status as it was: funding follows the school, not the bestuur.
    expect((await statussenVan(t, alfa, '01AB', id))['2026-01-01']).toMatchObject({ status: 'BEKOSTIGD', statusBepaling: 'V', signalen: [] });

    const { cursor } = await leesFeed(t, alfa, '0');
    // Past both deadlines (1 January: 29 January; 1 February: Sunday 1 March → Monday 2 March).
    expect((await t.http().post('/beheer/v1/sandboxes/default/klok/verschuivingen').set(bearer(admin)).send({ tot: '2026-03-04T10:00:00Z' })).status).toBe(200);
    const statussen = await statussenVan(t, alfa, '01AB', id);
    expect(statussen['2026-01-01']).toMatchObject({ status: 'BEKOSTIGD', statusBepaling: 'D' });
    expect(statussen['2026-02-01']).toMatchObject({ status: 'BEKOSTIGD', statusBepaling: 'D' });

    const overzicht = (await t.http().get('/rod/v1/bekostigingsoverzichten?instellingscode=01AB').set(bearer(alfa))).body.items;
    const perTeldatum = Object.fromEntries(overzicht.map((x: { teldatum: string; onderwijsbestuurcode: string }) => [x.teldatum, x.onderwijsbestuurcode]));
    expect(perTeldatum['2026-01-01']).toBe('100B001');
    expect(perTeldatum['2026-02-01']).toBe('100B002');
    expect(perTeldatum['2025-12-01']).toBe('100B001');

    // The school's vendor (its machtiging is per school and continues) hears the Ovt of each teldatum under that day's bestuur.
    const ovt = (await leesFeed(t, alfa, cursor)).events.filter((e: any) => e.type === OVT && e.data.instelling.instellingscode === '01AB');
    const subjects = ovt.map((e: any) => e.subject).sort();
    expect(subjects).toEqual(['onderwijsbestuur/100B001/teldatum/2026-01-01', 'onderwijsbestuur/100B002/teldatum/2026-02-01']);
    const februari = ovt.find((e: any) => e.data.teldatum === '2026-02-01');
    expect(februari.data.onderwijsbestuurcode).toBe('100B002');
    // The new bestuur's totals on 1 February include the school; the old bestuur's no longer do.
    const totaal = async (scholen: string[]) =>
      (await t.db.query(
        `SELECT count(*)::int AS n, count(DISTINCT s.instellingscode)::int AS scholen FROM bekostigingsstatus s JOIN sandbox x ON x.id = s.sandbox_id
          WHERE x.code = 'default' AND s.teldatum = '2026-02-01' AND s.soort_bekostiging = $2 AND s.instellingscode = ANY($1)`,
        [scholen, februari.data.soortBekostiging],
      ))[0];
    const nieuw = await totaal(['01AB', '02AA', '02AB', '02AC', '02AD']);
    expect(februari.data.bestuur).toMatchObject({ aantalInstellingen: nieuw.scholen, aantalInschrijvingen: nieuw.n });
    const oudEvent = (await leesFeed(t, alfa, cursor)).events.find((e: any) => e.type === OVT && e.data.teldatum === '2026-02-01' && e.data.instelling.instellingscode === '01AA');
    const oud = await totaal(['01AA', '01AC']);
    expect(oudEvent.subject).toBe('onderwijsbestuur/100B001/teldatum/2026-02-01');
    expect(oudEvent.data.bestuur).toMatchObject({ aantalInstellingen: oud.scholen, aantalInschrijvingen: oud.n });
  });
});
