import { MigrationInterface, QueryRunner } from 'typeorm';

/** Who registered an onderwijslocatie: only those besturen (or DUO) may delete it (rio.md §7 AUT401). Existing locaties belong to DUO. */
export class RioLocatieGeregistreerdDoor1764560000000 implements MigrationInterface {
  name = 'RioLocatieGeregistreerdDoor1764560000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rio_onderwijslocatie ADD COLUMN geregistreerd_door text[] NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE rio_onderwijslocatie DROP COLUMN geregistreerd_door');
  }
}
