import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stores the answer under an Idempotency-Key as json rather than jsonb: jsonb reorders an object's members (shorter keys
 * first), so a replay carried the same values in another order than the first answer. json keeps the text as written,
 * and a retry gets the very body the first request got (api-conventions.md §6).
 */
export class IdempotencyBodyJson1764840000000 implements MigrationInterface {
  name = 'IdempotencyBodyJson1764840000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE idempotency_key ALTER COLUMN response_body TYPE json USING response_body::json');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE idempotency_key ALTER COLUMN response_body TYPE jsonb USING response_body::jsonb');
  }
}
