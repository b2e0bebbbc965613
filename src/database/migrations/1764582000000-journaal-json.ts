import { MigrationInterface, QueryRunner } from 'typeorm';

/** The journal keeps bodies as JSON text (json, not jsonb): written on every request, searched only by its own columns. */
export class JournaalJson1764582000000 implements MigrationInterface {
  name = 'JournaalJson1764582000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE conformance_journaal ALTER COLUMN verzoek TYPE json USING verzoek::json, ALTER COLUMN antwoord TYPE json USING antwoord::json');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE conformance_journaal ALTER COLUMN verzoek TYPE jsonb USING verzoek::jsonb, ALTER COLUMN antwoord TYPE jsonb USING antwoord::jsonb');
  }
}
