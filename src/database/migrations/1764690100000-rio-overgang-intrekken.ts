import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A planned overgang can be withdrawn: it keeps the BRIN4, aanbieders and locatiegebruik it changed as they were before
 * (voor_stand) and as it left them (na_stand), so a withdrawal restores them when nothing changed them since. Seeded
 * overgangen have neither: they are history.
 */
export class RioOvergangIntrekken1764690100000 implements MigrationInterface {
  name = 'RioOvergangIntrekken1764690100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE rio_overgang ADD COLUMN voor_stand jsonb, ADD COLUMN na_stand jsonb');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE rio_overgang DROP COLUMN voor_stand, DROP COLUMN na_stand');
  }
}
