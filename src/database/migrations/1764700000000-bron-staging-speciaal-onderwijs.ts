import { MigrationInterface, QueryRunner } from 'typeorm';

/** The so/vso part of a staged BRON inschrijving (record 322 of the po export, our own layout addition); null for bo and sbo. */
export class BronStagingSpeciaalOnderwijs1764700000000 implements MigrationInterface {
  name = 'BronStagingSpeciaalOnderwijs1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE bron_staging ADD COLUMN speciaal_onderwijs jsonb NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE bron_staging DROP COLUMN speciaal_onderwijs');
  }
}
