import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Referential integrity per statement instead of per row, for national-scale recomputes (1.5 million statuses and
 * events in one go spent a quarter of their time in the per-row foreign key triggers):
 * - bekostigingsstatus → rod_inschrijving: deleting inschrijvingen deletes their statuses (one statement per delete
 *   statement). A recompute that inserts statuses holds the sandbox's bekostiging lock shared (set-based scopes) or the
 *   person's lock (one person, as the writers of inschrijvingen do); the delete takes the bekostiging lock exclusively, so
 *   a status can never be written for an inschrijving that a concurrent transaction removed.
 * - outbox_event → sandbox: one check per insert statement, which takes the same key-share lock on the sandbox row the
 *   foreign key took (a sandbox being reset or deleted waits for the writer), and deleting a sandbox deletes its events.
 */
export class BekostigingBulk1764430000000 implements MigrationInterface {
  name = 'BekostigingBulk1764430000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE bekostigingsstatus DROP CONSTRAINT fk_bekostigingsstatus_inschrijving');
    await q.query(`
      CREATE FUNCTION rod_inschrijving_weg_bekostiging() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtextextended('bekostiging:' || s.sandbox_id::text, 0)) FROM (SELECT DISTINCT sandbox_id FROM weg ORDER BY 1) s;
        DELETE FROM bekostigingsstatus b USING weg WHERE b.inschrijving_id = weg.id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_rod_inschrijving_weg_bekostiging AFTER DELETE ON rod_inschrijving
        REFERENCING OLD TABLE AS weg FOR EACH STATEMENT EXECUTE FUNCTION rod_inschrijving_weg_bekostiging()`);

    await q.query('ALTER TABLE outbox_event DROP CONSTRAINT fk_outbox_event_sandbox');
    await q.query(`
      CREATE FUNCTION outbox_event_sandbox_bestaat() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        gevraagd int;
        gevonden int;
      BEGIN
        SELECT count(DISTINCT sandbox_id) INTO gevraagd FROM nieuw;
        SELECT count(*) INTO gevonden FROM (SELECT 1 FROM sandbox WHERE id IN (SELECT sandbox_id FROM nieuw) FOR KEY SHARE) s;
        IF gevonden < gevraagd THEN
          RAISE foreign_key_violation USING MESSAGE = 'outbox_event: the sandbox does not exist', CONSTRAINT = 'fk_outbox_event_sandbox';
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_outbox_event_sandbox AFTER INSERT ON outbox_event
        REFERENCING NEW TABLE AS nieuw FOR EACH STATEMENT EXECUTE FUNCTION outbox_event_sandbox_bestaat()`);
    await q.query(`
      CREATE FUNCTION sandbox_weg_outbox_event() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM outbox_event o USING weg WHERE o.sandbox_id = weg.id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_sandbox_weg_outbox_event AFTER DELETE ON sandbox
        REFERENCING OLD TABLE AS weg FOR EACH STATEMENT EXECUTE FUNCTION sandbox_weg_outbox_event()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER tr_sandbox_weg_outbox_event ON sandbox');
    await q.query('DROP FUNCTION sandbox_weg_outbox_event()');
    await q.query('DROP TRIGGER tr_outbox_event_sandbox ON outbox_event');
    await q.query('DROP FUNCTION outbox_event_sandbox_bestaat()');
    await q.query('ALTER TABLE outbox_event ADD CONSTRAINT fk_outbox_event_sandbox FOREIGN KEY (sandbox_id) REFERENCES sandbox (id) ON DELETE CASCADE');
    await q.query('DROP TRIGGER tr_rod_inschrijving_weg_bekostiging ON rod_inschrijving');
    await q.query('DROP FUNCTION rod_inschrijving_weg_bekostiging()');
    await q.query('DELETE FROM bekostigingsstatus b WHERE NOT EXISTS (SELECT 1 FROM rod_inschrijving i WHERE i.id = b.inschrijving_id)');
    await q.query(
      'ALTER TABLE bekostigingsstatus ADD CONSTRAINT fk_bekostigingsstatus_inschrijving FOREIGN KEY (inschrijving_id) REFERENCES rod_inschrijving (id) ON DELETE CASCADE',
    );
  }
}
