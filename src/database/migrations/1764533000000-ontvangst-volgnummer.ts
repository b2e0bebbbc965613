import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Equal datumInschrijving: the earliest-received message is funded" (rod.md §8.3) must hold when two messages arrive at
 * the same sandbox instant (a frozen clock gives every message the same receive time). Every inschrijving gets a receive
 * number when it is first stored, from one sequence: the person's lock serialises writers of one pupil, so the numbers of
 * a pupil's inschrijvingen follow the order in which they reached ROD. Existing rows are numbered by their receive time.
 */
export class OntvangstVolgnummer1764533000000 implements MigrationInterface {
  name = 'OntvangstVolgnummer1764533000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE SEQUENCE rod_inschrijving_ontvangst_seq AS bigint');
    await q.query('ALTER TABLE rod_inschrijving ADD COLUMN ontvangst_volgnummer bigint NULL');
    await q.query(`UPDATE rod_inschrijving i SET ontvangst_volgnummer = r.n FROM (
                     SELECT id, nextval('rod_inschrijving_ontvangst_seq') AS n FROM (SELECT id FROM rod_inschrijving ORDER BY eerst_ontvangen_op, id) o) r
                   WHERE i.id = r.id`);
    await q.query(`ALTER TABLE rod_inschrijving ALTER COLUMN ontvangst_volgnummer SET DEFAULT nextval('rod_inschrijving_ontvangst_seq')`);
    await q.query('ALTER TABLE rod_inschrijving ALTER COLUMN ontvangst_volgnummer SET NOT NULL');
    await q.query('ALTER SEQUENCE rod_inschrijving_ontvangst_seq OWNED BY rod_inschrijving.ontvangst_volgnummer');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE rod_inschrijving DROP COLUMN ontvangst_volgnummer');
  }
}
