import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The request journal is written on every request: kept out of the write-ahead log (UNLOGGED), so it does not add to
 * the WAL flush that bounds the write path. After a crash of PostgreSQL itself the journal starts empty; the register's
 * own data is unaffected.
 */
export class JournaalUnlogged1764583000000 implements MigrationInterface {
  name = 'JournaalUnlogged1764583000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE conformance_journaal SET UNLOGGED');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE conformance_journaal SET LOGGED');
  }
}
