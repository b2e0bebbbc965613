import { MigrationInterface, QueryRunner } from 'typeorm';

/** The address lines of a pupil abroad, kept so that identification without PGN matches on them (rod.md §10), not on the land alone. */
export class PersoonAdresregels1764534000000 implements MigrationInterface {
  name = 'PersoonAdresregels1764534000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE rod_persoon ADD COLUMN adresregels text[] NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE rod_persoon DROP COLUMN adresregels');
  }
}
