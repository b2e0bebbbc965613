import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The migration's own reject code for a key twice in the BRON files moves from 290 (ROD's number for a contract that does
 * not fit the soort school) to 900: verdicts already stored carry the new code, so a reject report never shows two codes 290.
 */
export class BronAfkeurcode9001764705000000 implements MigrationInterface {
  name = 'BronAfkeurcode9001764705000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE bron_resultaat SET terugmeldingen = replace(terugmeldingen::text, '"290_inschrijvingvolgnummer_dubbel_in_bron"', '"900_inschrijvingvolgnummer_dubbel_in_bron"')::jsonb
        WHERE NOT goedgekeurd AND terugmeldingen::text LIKE '%"290_inschrijvingvolgnummer_dubbel_in_bron"%'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE bron_resultaat SET terugmeldingen = replace(terugmeldingen::text, '"900_inschrijvingvolgnummer_dubbel_in_bron"', '"290_inschrijvingvolgnummer_dubbel_in_bron"')::jsonb
        WHERE NOT goedgekeurd AND terugmeldingen::text LIKE '%"900_inschrijvingvolgnummer_dubbel_in_bron"%'`,
    );
  }
}
