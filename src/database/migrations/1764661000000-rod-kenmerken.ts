import { MigrationInterface, QueryRunner } from 'typeorm';

/** Optional items of an inschrijving (rod.md §3 #8, §4.2): pedagogischDidactischConcept, experiment and vveProgramma. */
export class RodKenmerken1764661000000 implements MigrationInterface {
  name = 'RodKenmerken1764661000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rod_inschrijving ADD COLUMN kenmerken jsonb NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE rod_inschrijving DROP COLUMN kenmerken');
  }
}
