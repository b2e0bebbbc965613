import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { bearer, tokenFor } from '../support/auth';
import { createTestApp, TestApp } from '../support/test-app';
import { databaseUrl } from '../support/test-database';
import { leesFeed, nieuweLeerling, schrijfIn, statussenVan } from './bekostiging-support';

/** Statuses and events keep their references by statement triggers (not per-row foreign keys); these prove them. */
describe('bekostiging: statuses and events never outlive what they belong to', () => {
  let t: TestApp;
  let admin: string;
  let alfa: string;
  let beta: string;
  let sandboxId: string;

  const statusRijen = async (inschrijvingId: string) => (await t.db.query('SELECT teldatum FROM bekostigingsstatus WHERE inschrijving_id = $1', [inschrijvingId])).length;
  const verwijder = (token: string, school: string, bsn: string) =>
    t
      .http()
      .post('/rod/v1/verwijderingen')
      .set(bearer(token))
      .send({
        bedrijfsdocument: { identificatiecodeBedrijfsdocument: randomUUID(), datumTijdBedrijfsdocument: '2027-01-01T09:00:00Z' },
        instellingscode: school,
        persoonsgebondenNummer: { burgerservicenummer: bsn },
        inschrijvingvolgnummer: '1',
      });

  beforeAll(async () => {
    t = await createTestApp();
    [admin, alfa, beta] = [await tokenFor(t, 'demo-beheer'), await tokenFor(t, 'las-alfa'), await tokenFor(t, 'las-beta')];
    expect((await t.http().put('/beheer/v1/sandboxes/default/klok').set(bearer(admin)).send({ mode: 'FROZEN', now: '2027-02-24T10:00:00Z' })).status).toBe(200);
    [{ id: sandboxId }] = await t.db.query(`SELECT id FROM sandbox WHERE code = 'default'`);
  });
  afterAll(() => t.close());

  it('verwijderen removes the inschrijving’s statuses, and the other school is funded again', async () => {
    const bsn = await nieuweLeerling(t, admin);
    const oud = await schrijfIn(t, alfa, { burgerservicenummer: bsn }, '01AB', '2027-01-10');
    const nieuw = await schrijfIn(t, beta, { burgerservicenummer: bsn }, '02AA', '2027-01-20');
    expect((await statussenVan(t, alfa, '01AB', oud))['2027-02-01']).toMatchObject({ status: 'NIET_BEKOSTIGD', signalen: ['B02'] });
    expect(await statusRijen(nieuw)).toBeGreaterThan(0);

    const statussenVoor = await statussenVan(t, beta, '02AA', nieuw);
    expect(statussenVoor['2027-02-01']).toMatchObject({ status: 'BEKOSTIGD' });
    const { cursor } = await leesFeed(t, beta, '0');

    expect((await verwijder(beta, '02AA', bsn)).status).toBe(200);
    expect(await statusRijen(nieuw)).toBe(0);
    expect((await statussenVan(t, alfa, '01AB', oud))['2027-02-01']).toMatchObject({ status: 'BEKOSTIGD', signalen: [] });
    // rod.md §8.4: the removed statuses are a status change, pushed to the school's LAS (no stale BEKOSTIGD there).
    const weg = (await leesFeed(t, beta, cursor)).events.filter((e: any) => e.subject === `inschrijving/${nieuw}`);
    expect(weg.map((e: any) => e.data.teldatum).sort()).toEqual(Object.keys(statussenVoor).sort());
    for (const e of weg) {
      expect(e).toMatchObject({ type: 'nl.duo.rod.bekostigingsstatus-gewijzigd', time: '2027-02-24T10:00:00.000Z' });
      expect(e.data).toMatchObject({
        inschrijvingId: nieuw,
        instellingscode: '02AA',
        persoonsgebondenNummer: { burgerservicenummer: bsn },
        status: 'NIET_BEKOSTIGD',
        statusBepaling: 'V',
        signalen: [{ code: 'B01_niet_ingeschreven_op_teldatum', omschrijving: expect.any(String) }],
        aanleiding: 'VERWIJDERING',
      });
    }
  });

  it('a verwijdering waits for a running set-based recompute, so no status is left for the removed inschrijving', async () => {
    const bsn = await nieuweLeerling(t, admin);
    const id = await schrijfIn(t, alfa, { burgerservicenummer: bsn }, '01AB', '2027-01-10');
    // A recompute in flight: it holds the sandbox's bekostiging lock shared and read the inschrijving before it went.
    const recompute = new Client({ connectionString: databaseUrl(t.databaseName) });
    await recompute.connect();
    try {
      await recompute.query('BEGIN');
      await recompute.query(`SELECT pg_advisory_xact_lock_shared(hashtextextended('bekostiging:' || $1::text, 0))`, [sandboxId]);
      let klaar = false;
      const weg = verwijder(alfa, '01AB', bsn).then((r) => {
        klaar = true;
        return r;
      });
      await new Promise((r) => setTimeout(r, 400));
      expect(klaar).toBe(false);
      // The recompute writes its status for the inschrijving it read, and commits.
      await recompute.query(
        `INSERT INTO bekostigingsstatus (inschrijving_id, teldatum, sandbox_id, persoon_id, instellingscode, inschrijvingvolgnummer, vestigingscode, soort_bekostiging, status, status_bepaling, bepaald_op)
         SELECT id, date '2027-06-01', sandbox_id, persoon_id, instellingscode, inschrijvingvolgnummer, NULL, 'GROEI', 'BEKOSTIGD', 'V', now() FROM rod_inschrijving WHERE id = $1`,
        [id],
      );
      await recompute.query('COMMIT');
      expect((await weg).status).toBe(200);
      expect(await statusRijen(id)).toBe(0);
    } finally {
      await recompute.end();
    }
  });

  it('an event for a sandbox that does not exist is refused; deleting a sandbox deletes its events', async () => {
    const insert = (sandbox: string) =>
      t.db.query(
        `INSERT INTO outbox_event (sandbox_id, event_id, type, source, subject, instellingscode, ordering_key, time, data)
         VALUES ($1, gen_random_uuid(), 'nl.duo.rod.test', 'urn:nld:oin:00000001234567890000:systeem:rod', 'x', '01AA', 'x', now(), '{}')`,
        [sandbox],
      );
    await expect(insert(randomUUID())).rejects.toMatchObject({ code: '23503', constraint: 'fk_outbox_event_sandbox' });

    expect((await t.http().post('/beheer/v1/sandboxes').set(bearer(admin)).send({ code: 'kort-leven', seed: 'small' })).status).toBe(201);
    const [{ id }] = await t.db.query(`SELECT id FROM sandbox WHERE code = 'kort-leven'`);
    await insert(id);
    expect((await t.db.query('SELECT count(*)::int AS n FROM outbox_event WHERE sandbox_id = $1', [id]))[0].n).toBeGreaterThan(0);
    // The row itself, as the cascades of every other table see it (the API's removal purges events explicitly first).
    await t.db.query('DELETE FROM sandbox WHERE id = $1', [id]);
    expect((await t.db.query('SELECT count(*)::int AS n FROM outbox_event WHERE sandbox_id = $1', [id]))[0].n).toBe(0);
  });
});
