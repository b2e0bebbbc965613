import { EntityManager } from 'typeorm';
import { BekostigingService } from '../../src/bekostiging';
import { recomputeSql } from '../../src/bekostiging/bekostiging.sql';
import { relevanteTeldata } from '../../src/bekostiging/teldata';
import { bearer, tokenFor } from '../support/auth';
import { createTestApp, TestApp } from '../support/test-app';
import { nieuweLeerling, schrijfIn } from './bekostiging-support';

const GEEN_PERSOON = '00000000-0000-0000-0000-000000000000';
const LAATSTE_PERSOON = 'ffffffff-ffff-ffff-ffff-ffffffffffff';
const VANDAAG = '2027-03-10';
const MOMENT = new Date('2027-03-10T10:00:00Z');

/**
 * A chunk of the full recompute whose persons have no status yet (a sandbox's first full run) inserts its statuses plainly
 * and builds its events from the computed rows; every other chunk upserts. Both must write the same statuses and events.
 */
describe('bekostiging: the first full run of a chunk (plain insert) writes what the upsert writes', () => {
  let t: TestApp;
  let sandbox: string;
  let bekostiging: BekostigingService;

  /** The whole sandbox as one chunk, over every kept teldatum (open ones voorlopig, the others definitief); the statements it ran. */
  const ronde = async (nieuw?: boolean) => {
    const [{ seq }]: { seq: string }[] = await t.db.query('SELECT coalesce(max(seq), 0)::text AS seq FROM outbox_event');
    const statements: string[] = [];
    const spy = jest.spyOn(EntityManager.prototype, 'query');
    let telling;
    try {
      telling = await t.db.transaction((m) =>
        bekostiging.recompute(m, sandbox, 'personen', [GEEN_PERSOON, LAATSTE_PERSOON], VANDAAG, MOMENT, 'HERBEREKENING', { teldata: relevanteTeldata(VANDAAG), nieuw }),
      );
      statements.push(...spy.mock.calls.map((c) => c[0] as string));
    } finally {
      spy.mockRestore();
    }
    const statussen = await t.db.query(
      `SELECT inschrijving_id, teldatum::text, soort_bekostiging, persoon_id, instellingscode, inschrijvingvolgnummer, vestigingscode, status, status_bepaling, signalen, bepaald_op
         FROM bekostigingsstatus WHERE sandbox_id = $1 ORDER BY inschrijving_id, teldatum, soort_bekostiging`,
      [sandbox],
    );
    const events = await t.db.query(`SELECT type, source, subject, instellingscode, ordering_key, time, data FROM outbox_event WHERE sandbox_id = $1 AND seq > $2 ORDER BY seq`, [
      sandbox,
      seq,
    ]);
    return { telling, statussen, events, plain: statements.includes(recomputeSql('personen', true)) };
  };

  beforeAll(async () => {
    t = await createTestApp();
    const [admin, alfa] = [await tokenFor(t, 'demo-beheer'), await tokenFor(t, 'las-alfa')];
    expect((await t.http().put('/beheer/v1/sandboxes/default/klok').set(bearer(admin)).send({ mode: 'FROZEN', now: `${VANDAAG}T10:00:00Z` })).status).toBe(200);
    [{ id: sandbox }] = await t.db.query(`SELECT id FROM sandbox WHERE code = 'default'`);
    bekostiging = t.app.get(BekostigingService);
    // Besides the seed's pupils: a double enrolment (B02), a school's "not funded" (B03), an sbo pupil without a
    // toelaatbaarheidsverklaring (B05), a nieuwkomer (NIEUWKOMERS statuses) and a pupil who left before the open teldatum (no status for it).
    const dubbel = await nieuweLeerling(t, admin);
    await schrijfIn(t, alfa, { burgerservicenummer: dubbel }, '01AA', '2026-09-01');
    await schrijfIn(t, alfa, { burgerservicenummer: dubbel }, '01AB', '2027-01-15');
    await schrijfIn(t, alfa, { burgerservicenummer: await nieuweLeerling(t, admin) }, '01AA', '2026-10-01', { indicatieBekostiging: false });
    await schrijfIn(t, alfa, { burgerservicenummer: await nieuweLeerling(t, admin) }, '01AC', '2026-10-01');
    await schrijfIn(t, alfa, { burgerservicenummer: await nieuweLeerling(t, admin) }, '01AB', '2026-09-15', { datumVestigingInNederland: '2026-06-01' });
    await schrijfIn(t, alfa, { burgerservicenummer: await nieuweLeerling(t, admin) }, '01AB', '2026-09-15', { datumUitschrijving: '2027-02-20' });
  });
  afterAll(() => t.close());

  it('on a chunk without statuses: the same statuses and events (content and order) as the upsert, and the plain insert is what ran', async () => {
    await t.db.query('DELETE FROM bekostigingsstatus WHERE sandbox_id = $1', [sandbox]);
    const upsert = await ronde(false);
    expect(upsert.plain).toBe(false);
    expect(upsert.statussen.length).toBeGreaterThan(50);
    const signalen = new Set(upsert.statussen.flatMap((s: { signalen: string[] }) => s.signalen.map((x) => x.slice(0, 3))));
    for (const code of ['B02', 'B03', 'B05']) expect(signalen).toContain(code);
    expect(new Set(upsert.statussen.map((s: { soort_bekostiging: string }) => s.soort_bekostiging))).toContain('NIEUWKOMERS');
    expect(new Set(upsert.statussen.map((s: { status_bepaling: string }) => s.status_bepaling))).toEqual(new Set(['V', 'D']));

    await t.db.query('DELETE FROM bekostigingsstatus WHERE sandbox_id = $1', [sandbox]);
    const eerste = await ronde();
    expect(eerste.plain).toBe(true);
    expect(eerste.telling).toEqual(upsert.telling);
    expect(eerste.telling).toEqual({ statussen: upsert.statussen.length, events: upsert.statussen.length });
    expect(eerste.statussen).toEqual(upsert.statussen);
    expect(eerste.events).toEqual(upsert.events);
  });

  it('a chunk with statuses upserts; told to insert plainly, the unique violation sends it to the upsert, which writes only what changed', async () => {
    const voor = await ronde();
    expect(voor.plain).toBe(false);
    expect(voor.telling).toEqual({ statussen: 0, events: 0 });

    const [{ id }] = await t.db.query(`SELECT id FROM rod_inschrijving WHERE sandbox_id = $1 AND datum_uitschrijving IS NULL ORDER BY id LIMIT 1`, [sandbox]);
    await t.db.query('UPDATE rod_inschrijving_periode SET indicatie_bekostiging = false WHERE inschrijving_id = $1', [id]);
    const na = await ronde(true);
    expect(na.plain).toBe(true);
    const open = (x: typeof voor) => x.statussen.filter((s: { status_bepaling: string }) => s.status_bepaling === 'V');
    const veranderd = open(na).filter((s: { inschrijving_id: string }) => s.inschrijving_id === id);
    expect(veranderd.length).toBeGreaterThan(0);
    for (const s of veranderd) expect(s.signalen).toContain('B03_indicatie_bekostiging_nee');
    expect(na.telling.statussen).toBeGreaterThanOrEqual(veranderd.length);
    expect(na.telling.events).toBe(na.telling.statussen);
    expect(na.events.every((e: { subject: string }) => na.statussen.some((s: { inschrijving_id: string }) => e.subject === `inschrijving/${s.inschrijving_id}`))).toBe(true);
    const ongewijzigd = (x: typeof voor) => x.statussen.filter((s: { inschrijving_id: string; persoon_id: string }) => !na.events.some((e: { ordering_key: string }) => e.ordering_key === s.persoon_id));
    expect(ongewijzigd(na)).toEqual(ongewijzigd(voor));
  });
});
