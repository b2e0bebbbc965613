import { MigrationInterface, QueryRunner } from 'typeorm';

/** The statement triggers that mark pupils whose inputs changed: table, what gives the person, and the FROM of a transition table `x`. */
const GEMARKEERD = [
  { tabel: 'rod_persoon', persoon: 'x.id', van: (x: string) => `${x} x` },
  { tabel: 'rod_inschrijving', persoon: 'x.persoon_id', van: (x: string) => `${x} x` },
  // A periode names its inschrijving; a periode removed with its inschrijving finds none (the inschrijving's own trigger marked the person).
  { tabel: 'rod_inschrijving_periode', persoon: 'i.persoon_id', van: (x: string) => `${x} x JOIN rod_inschrijving i ON i.id = x.inschrijving_id` },
];

/**
 * Change detection for the full bekostiging recompute (POST …/bekostiging/herberekeningen, the BRON migration's
 * bekostiging phase), so that a rerun recomputes only the pupils whose inputs changed since the last complete run.
 *
 * - bekostiging_basis: per sandbox, the last full recompute — its run, its key (the teldata, deadlines and soorten it
 *   covered and the version of the rules), whether it completed, and the RIO inputs it saw (vestigingen funded per
 *   teldatum, sbo instellingen). A rerun with the same key compares RIO with it and marks the pupils of what differs;
 *   anything else (no row, not completed, another key) is a full recompute. Without a row nothing is tracked.
 * - bekostiging_vuil: the pupils whose ROD inputs changed since (person, inschrijving, periode: every column, as
 *   conservative), written by statement triggers, so bulk writers (BRON conversion, seeds, set-based loads) are covered.
 *   A statement of more than 10,000 rows ends the tracking instead (the next recompute is full): cheaper for bulk loads.
 * - The row goes (tracking ends, the next recompute is full) when the sandbox clock is changed, when the clock reaches
 *   a teldatum or passes a deadline (the service), at a reset, and with the sandbox.
 *
 * Lock 'bekostiging-basis:<sandbox>': writers take it shared for their transaction before looking for the row; a full
 * recompute takes it exclusively while it creates the row, so every write either committed before its chunks begin
 * or sees the row and marks its pupils.
 */
export class BekostigingWijzigingen1764750000000 implements MigrationInterface {
  name = 'BekostigingWijzigingen1764750000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE bekostiging_basis (
        sandbox_id uuid NOT NULL,
        run uuid NOT NULL,
        sleutel text NOT NULL,
        klaar boolean NOT NULL,
        rio text[] NOT NULL,
        sbo text[] NOT NULL,
        CONSTRAINT pk_bekostiging_basis PRIMARY KEY (sandbox_id)
      )`);
    await q.query(`
      CREATE TABLE bekostiging_vuil (
        sandbox_id uuid NOT NULL,
        persoon_id uuid NOT NULL,
        gemarkeerd_op timestamptz NOT NULL DEFAULT statement_timestamp(),
        CONSTRAINT pk_bekostiging_vuil PRIMARY KEY (sandbox_id, persoon_id)
      )`);

    // The sandboxes of `sandboxes` whose changes are tracked, after taking their lock shared (in id order); a statement
    // of more than 10,000 rows (`rijen`) ends their tracking instead and gives none.
    await q.query(`
      CREATE FUNCTION bekostiging_gevolgd(sandboxes uuid[], rijen bigint) RETURNS uuid[] LANGUAGE plpgsql AS $$
      DECLARE
        s uuid;
        uit uuid[];
      BEGIN
        IF sandboxes IS NULL OR cardinality(sandboxes) = 0 THEN RETURN '{}'; END IF;
        FOREACH s IN ARRAY (SELECT array_agg(DISTINCT u.id ORDER BY u.id) FROM unnest(sandboxes) AS u(id)) LOOP
          PERFORM pg_advisory_xact_lock_shared(hashtextextended('bekostiging-basis:' || s::text, 0));
        END LOOP;
        SELECT coalesce(array_agg(b.sandbox_id), '{}') INTO uit FROM bekostiging_basis b WHERE b.sandbox_id = ANY (sandboxes);
        IF cardinality(uit) > 0 AND rijen > 10000 THEN
          DELETE FROM bekostiging_basis b WHERE b.sandbox_id = ANY (uit);
          RETURN '{}';
        END IF;
        RETURN uit;
      END $$`);
    // Ends the tracking of a sandbox: its next full recompute covers everything.
    await q.query(`
      CREATE FUNCTION bekostiging_basis_vervalt(sandbox uuid) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock_shared(hashtextextended('bekostiging-basis:' || sandbox::text, 0));
        DELETE FROM bekostiging_basis WHERE sandbox_id = sandbox;
      END $$`);

    for (const { tabel, persoon, van } of GEMARKEERD) {
      // One pass per statement over its transition tables (an update: old and new rows, as a person may change sides);
      // its rows are those of the first (an update's new ones).
      const markeer = (tabellen: string[]) => `
            SELECT array_agg(DISTINCT y.sandbox_id), count(*) FILTER (WHERE y.eerste) INTO sandboxes, rijen
              FROM (${tabellen.map((t, i) => `SELECT sandbox_id, ${i === 0} AS eerste FROM ${t}`).join(' UNION ALL ')}) y;
            gevolgd := bekostiging_gevolgd(sandboxes, rijen);
            IF cardinality(gevolgd) > 0 THEN
              INSERT INTO bekostiging_vuil (sandbox_id, persoon_id)
              ${tabellen.map((t) => `SELECT x.sandbox_id, ${persoon} FROM ${van(t)} WHERE x.sandbox_id = ANY (gevolgd)`).join('\n              UNION ')}
              ON CONFLICT (sandbox_id, persoon_id) DO UPDATE SET gemarkeerd_op = statement_timestamp();
            END IF;`;
      await q.query(`
        CREATE FUNCTION ${tabel}_bekostiging_vuil() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
          sandboxes uuid[];
          rijen bigint;
          gevolgd uuid[];
        BEGIN
          IF TG_OP = 'INSERT' THEN${markeer(['nieuw'])}
          ELSIF TG_OP = 'UPDATE' THEN${markeer(['nieuw', 'oud'])}
          ELSE${markeer(['oud'])}
          END IF;
          RETURN NULL;
        END $$`);
      await q.query(`CREATE TRIGGER tr_${tabel}_bekostiging_vuil_in AFTER INSERT ON ${tabel} REFERENCING NEW TABLE AS nieuw FOR EACH STATEMENT EXECUTE FUNCTION ${tabel}_bekostiging_vuil()`);
      await q.query(
        `CREATE TRIGGER tr_${tabel}_bekostiging_vuil_wijzig AFTER UPDATE ON ${tabel} REFERENCING OLD TABLE AS oud NEW TABLE AS nieuw FOR EACH STATEMENT EXECUTE FUNCTION ${tabel}_bekostiging_vuil()`,
      );
      await q.query(`CREATE TRIGGER tr_${tabel}_bekostiging_vuil_weg AFTER DELETE ON ${tabel} REFERENCING OLD TABLE AS oud FOR EACH STATEMENT EXECUTE FUNCTION ${tabel}_bekostiging_vuil()`);
    }

    // A clock changed by hand (set, frozen, moved back or forward): the next full recompute covers everything.
    await q.query(`
      CREATE FUNCTION sandbox_klok_bekostiging_basis() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM bekostiging_basis_vervalt(NEW.id);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_sandbox_klok_bekostiging_basis AFTER UPDATE OF clock_frozen_at, clock_offset_ms ON sandbox FOR EACH ROW
        WHEN (OLD.clock_frozen_at IS DISTINCT FROM NEW.clock_frozen_at OR OLD.clock_offset_ms IS DISTINCT FROM NEW.clock_offset_ms)
        EXECUTE FUNCTION sandbox_klok_bekostiging_basis()`);
    // Both go with their sandbox (no foreign keys: the triggers above write without a check per row).
    await q.query(`
      CREATE FUNCTION sandbox_weg_bekostiging_basis() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM bekostiging_basis b USING weg WHERE b.sandbox_id = weg.id;
        DELETE FROM bekostiging_vuil v USING weg WHERE v.sandbox_id = weg.id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_sandbox_weg_bekostiging_basis AFTER DELETE ON sandbox
        REFERENCING OLD TABLE AS weg FOR EACH STATEMENT EXECUTE FUNCTION sandbox_weg_bekostiging_basis()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER tr_sandbox_weg_bekostiging_basis ON sandbox');
    await q.query('DROP FUNCTION sandbox_weg_bekostiging_basis()');
    await q.query('DROP TRIGGER tr_sandbox_klok_bekostiging_basis ON sandbox');
    await q.query('DROP FUNCTION sandbox_klok_bekostiging_basis()');
    for (const { tabel } of [...GEMARKEERD].reverse()) {
      for (const t of ['in', 'wijzig', 'weg']) await q.query(`DROP TRIGGER tr_${tabel}_bekostiging_vuil_${t} ON ${tabel}`);
      await q.query(`DROP FUNCTION ${tabel}_bekostiging_vuil()`);
    }
    await q.query('DROP FUNCTION bekostiging_basis_vervalt(uuid)');
    await q.query('DROP FUNCTION bekostiging_gevolgd(uuid[], bigint)');
    await q.query('DROP TABLE bekostiging_vuil');
    await q.query('DROP TABLE bekostiging_basis');
  }
}
