import { MigrationInterface, QueryRunner } from 'typeorm';

/** Toelaatbaarheidsverklaringen on the inschrijving: sbo is funded on a teldatum only with a TLV valid on it (B05). */
export class RodTlv1764440000000 implements MigrationInterface {
  name = 'RodTlv1764440000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rod_inschrijving ADD COLUMN toelaatbaarheidsverklaringen jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE rod_inschrijving DROP COLUMN toelaatbaarheidsverklaringen');
  }
}
