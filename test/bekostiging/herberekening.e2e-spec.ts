import { DomainHooks } from '../../src/common/events/domain-hooks';
import { recomputeDuration } from '../../src/common/metrics/metrics';
import { bearer, tokenFor } from '../support/auth';
import { createTestApp, TestApp } from '../support/test-app';
import { nieuweLeerling, schrijfIn } from './bekostiging-support';

type Status = { inschrijving_id: string; teldatum: string; soort: string; status: string; signalen: string[]; versie: string };

/**
 * The full recompute's rerun (POST …/bekostiging/herberekeningen): after a complete run it recomputes only the pupils
 * whose inputs changed since, however they changed — also straight in the database, as a bulk load writes, without the
 * hooks that recompute on every write — and the whole sandbox again when the clock, a reset or a bulk load says so.
 */
describe('bekostiging: a rerun recomputes what changed, and only that', () => {
  let t: TestApp;
  let admin: string;
  let alfa: string;
  let sandbox: string;

  const herbereken = async () => {
    const res = await t.http().post('/beheer/v1/sandboxes/default/bekostiging/herberekeningen').set(bearer(admin));
    expect(res.status).toBe(200);
    const { statussen, events } = res.body as { statussen: number; events: number };
    return { statussen, events };
  };
  /** How often a recompute of the given range ran in this process (the recompute's duration metric counts them). */
  const recomputes = async (bereik: 'personen' | 'persoonlijst') =>
    (await recomputeDuration.get()).values.filter((v) => v.metricName === 'rodsim_bekostiging_recompute_duration_seconds_count' && v.labels.bereik === bereik).reduce((n, v) => n + v.value, 0);
  /** Runs `f` and gives how many full-recompute chunks and person recomputes it caused. */
  const gemeten = async <T>(f: () => Promise<T>) => {
    const [c0, p0] = [await recomputes('personen'), await recomputes('persoonlijst')];
    const r = await f();
    return { r, chunks: (await recomputes('personen')) - c0, persoonlijsten: (await recomputes('persoonlijst')) - p0 };
  };
  /** Every open status of the sandbox, with its row version (xmin: changes whenever the row is written). */
  const openStatussen = (): Promise<Status[]> =>
    t.db.query(
      `SELECT inschrijving_id, teldatum::text, soort_bekostiging AS soort, status, signalen, xmin::text AS versie FROM bekostigingsstatus
        WHERE sandbox_id = $1 AND status_bepaling = 'V' ORDER BY inschrijving_id, teldatum, soort_bekostiging`,
      [sandbox],
    );
  const van = (statussen: Status[], id: string) => statussen.filter((s) => s.inschrijving_id === id);
  const zonder = (statussen: Status[], ids: string[]) => statussen.filter((s) => !ids.includes(s.inschrijving_id));
  /** The inschrijvingen of every person with one at a school of `scholen` (a change there may move a person's funding between their schools). */
  const vanPersonenOp = async (scholen: string[]): Promise<string[]> =>
    (
      await t.db.query(
        `SELECT i.id FROM rod_inschrijving i WHERE i.sandbox_id = $1 AND i.persoon_id IN (SELECT x.persoon_id FROM rod_inschrijving x WHERE x.sandbox_id = $1 AND x.instellingscode = ANY ($2))`,
        [sandbox, scholen],
      )
    ).map((x: { id: string }) => x.id);
  const leerling = async (school: '01AA' | '01AB' = '01AB') => {
    const bsn = await nieuweLeerling(t, admin);
    const id = await schrijfIn(t, alfa, { burgerservicenummer: bsn }, school, '2027-02-22');
    const [{ persoon_id }] = await t.db.query('SELECT persoon_id FROM rod_inschrijving WHERE id = $1', [id]);
    return { bsn, id, persoon: persoon_id as string };
  };

  beforeAll(async () => {
    t = await createTestApp();
    [admin, alfa] = [await tokenFor(t, 'demo-beheer'), await tokenFor(t, 'las-alfa')];
    // Teldatum 1 March 2027 open (deadline 29 March), 1 February fixed.
    expect((await t.http().put('/beheer/v1/sandboxes/default/klok').set(bearer(admin)).send({ mode: 'FROZEN', now: '2027-03-10T10:00:00Z' })).status).toBe(200);
    [{ id: sandbox }] = await t.db.query(`SELECT id FROM sandbox WHERE code = 'default'`);
  });
  afterAll(() => t.close());

  it('after a complete run, an unchanged rerun recomputes no pupil and writes no status', async () => {
    await leerling();
    const eerste = await gemeten(herbereken);
    expect(eerste.chunks).toBeGreaterThan(0); // the first run covers the whole sandbox
    const voor = await openStatussen();
    expect(voor.length).toBeGreaterThan(10);
    const tweede = await gemeten(herbereken);
    expect(tweede).toEqual({ r: { statussen: 0, events: 0 }, chunks: 0, persoonlijsten: 0 });
    expect(await openStatussen()).toEqual(voor);
  });

  it('every input of the recompute changed straight in the database (as a bulk load writes) is seen by the next rerun, for that pupil only', async () => {
    const [geboorte, bsn, uitschrijving, laat, periodeWeg, dubbel, tlv] = [await leerling(), await leerling(), await leerling(), await leerling(), await leerling(), await leerling(), await leerling('01AA')];
    const gewijzigd = [geboorte, bsn, uitschrijving, laat, periodeWeg, dubbel, tlv].map((x) => x.id);
    expect(await herbereken()).toEqual({ statussen: 0, events: 0 });
    const voor = await openStatussen();
    for (const x of gewijzigd) expect(van(voor, x).map((s) => s.status)).toEqual(['BEKOSTIGD']);

    await t.db.query(`UPDATE rod_persoon SET geboortedatum = '2008-01-01' WHERE id = $1`, [geboorte.persoon]);
    await t.db.query(`UPDATE rod_persoon SET burgerservicenummer = NULL WHERE id = $1`, [bsn.persoon]);
    await t.db.query(`UPDATE rod_inschrijving SET datum_uitschrijving = '2027-02-26' WHERE id = $1`, [uitschrijving.id]);
    await t.db.query(`UPDATE rod_inschrijving SET ontvangen_op = '2027-04-01T10:00:00Z' WHERE id = $1`, [laat.id]);
    await t.db.query(`DELETE FROM rod_inschrijving_periode WHERE inschrijving_id = $1`, [periodeWeg.id]);
    // A second, later inschrijving at another school takes the funding (B02 for the first).
    await t.db.query(
      `INSERT INTO rod_inschrijving (id, sandbox_id, persoon_id, instellingscode, inschrijvingvolgnummer, datum_inschrijving, versie, inhoud_hash,
                                     bedrijfsdocument_id, aangeleverd_door, aangeleverd_oin, eerst_ontvangen_op, ontvangen_op)
       SELECT gen_random_uuid(), sandbox_id, persoon_id, '02AA', '1', '2027-02-25', 1, inhoud_hash, gen_random_uuid(), aangeleverd_door, aangeleverd_oin, ontvangen_op, ontvangen_op
         FROM rod_inschrijving WHERE id = $1`,
      [dubbel.id],
    );
    await t.db.query(
      `INSERT INTO rod_inschrijving_periode (inschrijving_id, volgnummer, sandbox_id, datum_begin, vestigingscode, onderwijsaanbiedercode, onderwijslocatiecode, groep)
       SELECT i.id, 1, i.sandbox_id, i.datum_inschrijving, '02AA00', '100A004', '100X005', 3 FROM rod_inschrijving i WHERE i.persoon_id = $1 AND i.instellingscode = '02AA'`,
      [dubbel.persoon],
    );
    // 01AA becomes an sbo school in RIO: its pupil without a toelaatbaarheidsverklaring loses the funding (B05).
    const [{ soort }] = await t.db.query(`SELECT soort FROM rio_instellingserkenning WHERE sandbox_id = $1 AND code = '01AA'`, [sandbox]);
    expect(soort).not.toBe('SBAS');
    await t.db.query(`UPDATE rio_instellingserkenning SET soort = 'SBAS' WHERE sandbox_id = $1 AND code = '01AA'`, [sandbox]);

    const rerun = await gemeten(herbereken);
    expect(rerun.chunks).toBe(0);
    expect(rerun.persoonlijsten).toBeGreaterThan(0);
    const na = await openStatussen();
    const signalen = (x: { id: string }) => van(na, x.id).map((s) => [s.status, s.signalen]);
    expect(signalen(geboorte)).toEqual([['NIET_BEKOSTIGD', ['B06_leeftijd']]]);
    expect(signalen(bsn)).toEqual([['NIET_BEKOSTIGD', ['B07_pgn_niet_geverifieerd']]]);
    expect(signalen(uitschrijving)).toEqual([['NIET_BEKOSTIGD', ['B01_niet_ingeschreven_op_teldatum']]]);
    expect(signalen(laat)).toEqual([['NIET_BEKOSTIGD', ['B04_te_laat_geregistreerd']]]);
    expect(signalen(periodeWeg)).toEqual([['NIET_BEKOSTIGD', ['B01_niet_ingeschreven_op_teldatum']]]);
    expect(signalen(dubbel)).toEqual([['NIET_BEKOSTIGD', ['B02_dubbele_inschrijving']]]);
    expect(signalen(tlv)).toEqual([['NIET_BEKOSTIGD', ['B05_geen_geldige_tlv']]]);
    const [{ n: nieuw }] = await t.db.query(`SELECT count(*)::int AS n FROM bekostigingsstatus b JOIN rod_inschrijving i ON i.id = b.inschrijving_id WHERE i.persoon_id = $1 AND i.instellingscode = '02AA' AND b.status = 'BEKOSTIGD'`, [
      dubbel.persoon,
    ]);
    expect(nieuw).toBe(1);
    // The other pupils of 01AA (the seed's) follow the sbo rule too; every status of every other person is untouched.
    const buiten = [...gewijzigd, ...(await vanPersonenOp(['01AA', '02AA']))];
    expect(zonder(na, buiten).length).toBeGreaterThan(0);
    expect(zonder(na, buiten)).toEqual(zonder(voor, buiten));
    expect(rerun.r.statussen).toBeGreaterThanOrEqual(8);
    expect(rerun.r.events).toBe(rerun.r.statussen);
    expect(await gemeten(herbereken)).toEqual({ r: { statussen: 0, events: 0 }, chunks: 0, persoonlijsten: 0 });

    await t.db.query(`UPDATE rio_instellingserkenning SET soort = $2 WHERE sandbox_id = $1 AND code = '01AA'`, [sandbox, soort]);
    await herbereken();
    expect(van(await openStatussen(), tlv.id).map((s) => s.status)).toEqual(['BEKOSTIGD']);
  });

  it('a vestiging losing its funding in RIO without the hook: the next rerun turns its pupils B08, and back', async () => {
    const a = await leerling('01AB');
    const b = await leerling('01AA');
    expect(await herbereken()).toEqual({ statussen: 0, events: 0 });
    const voor = await openStatussen();
    const zet = (code: string) => t.db.query(`UPDATE rio_vestigingserkenning_periode SET bekostigingscode = $2 WHERE sandbox_id = $1 AND vestigingscode = '01AB00'`, [sandbox, code]);
    await zet('NIET_BEKOSTIGD');
    const rerun = await gemeten(herbereken);
    expect(rerun.chunks).toBe(0);
    let na = await openStatussen();
    expect(van(na, a.id).map((s) => [s.status, s.signalen])).toEqual([['NIET_BEKOSTIGD', ['B08_vestiging_niet_bekostigd']]]);
    expect(van(na, b.id).map((s) => s.status)).toEqual(['BEKOSTIGD']);
    const buiten = await vanPersonenOp(['01AB']);
    expect(zonder(na, buiten)).toEqual(zonder(voor, buiten));
    const opVestiging: { n: number }[] = await t.db.query(
      `SELECT count(*)::int AS n FROM bekostigingsstatus WHERE sandbox_id = $1 AND status_bepaling = 'V' AND vestigingscode = '01AB00' AND NOT ('B08_vestiging_niet_bekostigd' = ANY (signalen))`,
      [sandbox],
    );
    expect(opVestiging[0].n).toBe(0);
    await zet('BEKOSTIGD');
    expect((await herbereken()).statussen).toBe(rerun.r.statussen);
    na = await openStatussen();
    expect(van(na, a.id).map((s) => s.status)).toEqual(['BEKOSTIGD']);
  });

  it('a RIO change with its hook recomputes at once and marks the pupils too, so RIO put back without the hook is still seen by the rerun', async () => {
    const a = await leerling('01AB');
    expect(await herbereken()).toEqual({ statussen: 0, events: 0 });
    await t.db.transaction(async (m) => {
      await m.query(`UPDATE rio_vestigingserkenning_periode SET bekostigingscode = 'NIET_BEKOSTIGD' WHERE sandbox_id = $1 AND vestigingscode = '01AB00'`, [sandbox]);
      await t.app.get(DomainHooks).emit('rio.gewijzigd', m, { sandboxId: sandbox, vestigingscodes: ['01AB00'] });
    });
    expect(van(await openStatussen(), a.id).map((s) => s.status)).toEqual(['NIET_BEKOSTIGD']);
    await t.db.query(`UPDATE rio_vestigingserkenning_periode SET bekostigingscode = 'BEKOSTIGD' WHERE sandbox_id = $1 AND vestigingscode = '01AB00'`, [sandbox]);
    expect((await herbereken()).statussen).toBeGreaterThan(0);
    expect(van(await openStatussen(), a.id).map((s) => s.status)).toEqual(['BEKOSTIGD']);
  });

  it('the clock changed, a teldatum reached, a bulk load or a reset: the next run is full again, and the one after it recomputes nothing', async () => {
    expect((await gemeten(herbereken)).chunks).toBe(0);
    // The clock moved within the same open teldatum.
    expect((await t.http().put('/beheer/v1/sandboxes/default/klok').set(bearer(admin)).send({ mode: 'FROZEN', now: '2027-03-11T10:00:00Z' })).status).toBe(200);
    expect((await gemeten(herbereken)).chunks).toBeGreaterThan(0);
    expect(await gemeten(herbereken)).toEqual({ r: { statussen: 0, events: 0 }, chunks: 0, persoonlijsten: 0 });
    // A new teldatum (1 April) reached: its statuses and the March ones are the open ones.
    const verschuiving = await t.http().post('/beheer/v1/sandboxes/default/klok/verschuivingen').set(bearer(admin)).send({ tot: '2027-04-02T10:00:00Z' });
    expect(verschuiving.status).toBe(200);
    expect((await gemeten(herbereken)).chunks).toBeGreaterThan(0);
    expect((await gemeten(herbereken)).chunks).toBe(0);
    // Statements of up to 10,000 rows are tracked row by row (an update of 6,000 persons counts 6,000, not old and new rows).
    await t.db.query(
      `INSERT INTO rod_persoon (sandbox_id, burgerservicenummer, geboortedatum, geslacht, achternaam)
       SELECT $1, lpad((600000000 + g)::text, 9, '0'), '2019-01-01', 'M', 'Bulk' FROM generate_series(1, 6000) g`,
      [sandbox],
    );
    expect((await gemeten(herbereken)).chunks).toBe(0);
    await t.db.query(`UPDATE rod_persoon SET achternaam = 'Bulk2' WHERE sandbox_id = $1 AND achternaam = 'Bulk'`, [sandbox]);
    const [{ n: gemarkeerd }] = await t.db.query('SELECT count(*)::int AS n FROM bekostiging_vuil WHERE sandbox_id = $1', [sandbox]);
    expect(gemarkeerd).toBe(6000);
    expect(await gemeten(herbereken)).toMatchObject({ r: { statussen: 0, events: 0 }, chunks: 0 });
    // A bulk load of more than 10,000 rows in one statement (its pupils are not enrolled: the rerun finds nothing to change).
    await t.db.query(
      `INSERT INTO rod_persoon (sandbox_id, burgerservicenummer, geboortedatum, geslacht, achternaam)
       SELECT $1, lpad((700000000 + g)::text, 9, '0'), '2019-01-01', 'M', 'Bulk' FROM generate_series(1, 10001) g`,
      [sandbox],
    );
    const [{ n: naBulk }] = await t.db.query('SELECT count(*)::int AS n FROM bekostiging_vuil WHERE sandbox_id = $1', [sandbox]);
    expect(naBulk).toBe(0);
    const naLoad = await gemeten(herbereken);
    expect(naLoad).toMatchObject({ r: { statussen: 0, events: 0 } });
    expect(naLoad.chunks).toBeGreaterThan(0);
    expect((await gemeten(herbereken)).chunks).toBe(0);
    // A reset: the seed's statuses again, and a full run.
    expect((await t.http().post('/beheer/v1/sandboxes/default/resets').set(bearer(admin)).send({})).status).toBeLessThan(300);
    const na = await gemeten(herbereken);
    expect(na.chunks).toBeGreaterThan(0);
    expect((await gemeten(herbereken)).chunks).toBe(0);
  });

  it('a pupil changed while nothing is tracked (the clock just moved) is covered by the full run that follows; a change after it by the next rerun', async () => {
    expect((await t.http().put('/beheer/v1/sandboxes/default/klok').set(bearer(admin)).send({ mode: 'FROZEN', now: '2027-03-10T10:00:00Z' })).status).toBe(200);
    const a = await leerling();
    const b = await leerling();
    await t.db.query(`UPDATE rod_inschrijving_periode SET indicatie_bekostiging = false WHERE inschrijving_id = $1`, [a.id]);
    expect((await gemeten(herbereken)).chunks).toBeGreaterThan(0);
    expect(van(await openStatussen(), a.id).map((s) => s.signalen)).toEqual([['B03_indicatie_bekostiging_nee']]);
    await t.db.query(`UPDATE rod_inschrijving_periode SET indicatie_bekostiging = false WHERE inschrijving_id = $1`, [b.id]);
    expect(await gemeten(herbereken)).toMatchObject({ r: { statussen: 1, events: 1 }, chunks: 0 });
    expect(van(await openStatussen(), b.id).map((s) => s.signalen)).toEqual([['B03_indicatie_bekostiging_nee']]);
  });
});
