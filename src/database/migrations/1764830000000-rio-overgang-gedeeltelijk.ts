import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Overgang gedeeltelijk (rio.md §4 Instellingsrelatie OVERGANG_GEDEELTELIJK): part of a BRIN4 goes over to another
 * bestuur's BRIN4, so an overgang names the receiving BRIN4. One BRIN4 may hand several parts over on one day, to
 * different schools: only a volledige overgang stays one per BRIN4 and date.
 */
export class RioOvergangGedeeltelijk1764830000000 implements MigrationInterface {
  name = 'RioOvergangGedeeltelijk1764830000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rio_overgang ADD COLUMN naar_instellingscode varchar(4),
      ADD CONSTRAINT fk_rio_overgang_naar_erkenning FOREIGN KEY (sandbox_id, naar_instellingscode) REFERENCES rio_instellingserkenning (sandbox_id, code) ON DELETE CASCADE`);
    await q.query('CREATE INDEX ix_rio_overgang_naar_instelling ON rio_overgang (sandbox_id, naar_instellingscode)');
    await q.query('ALTER TABLE rio_overgang DROP CONSTRAINT uq_rio_overgang_instelling_datum');
    await q.query(`CREATE UNIQUE INDEX uq_rio_overgang_volledig ON rio_overgang (sandbox_id, instellingscode, overgangsdatum) WHERE soort = 'OVERGANG_VOLLEDIG'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM rio_overgang WHERE soort <> 'OVERGANG_VOLLEDIG'`);
    await q.query('DROP INDEX uq_rio_overgang_volledig');
    await q.query('ALTER TABLE rio_overgang ADD CONSTRAINT uq_rio_overgang_instelling_datum UNIQUE (sandbox_id, instellingscode, overgangsdatum)');
    await q.query('DROP INDEX ix_rio_overgang_naar_instelling');
    await q.query('ALTER TABLE rio_overgang DROP CONSTRAINT fk_rio_overgang_naar_erkenning, DROP COLUMN naar_instellingscode');
  }
}
