import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The so/vso part of an inschrijving (AanleverenInschrijvingSO, rod.md §4.3): schoolsoort, cluster, soortOnderwijs,
 * soortVerblijf, arrangement, uitstroomprofiel. Null for a bo/sbo inschrijving. Bekostiging reads schoolsoort and cluster
 * (B05 for cluster 3/4, B06 with the vso age limit).
 */
export class RodSpeciaalOnderwijs1764660000000 implements MigrationInterface {
  name = 'RodSpeciaalOnderwijs1764660000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE rod_inschrijving ADD COLUMN speciaal_onderwijs jsonb');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE rod_inschrijving DROP COLUMN speciaal_onderwijs');
  }
}
