import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source.options';

/** Runs pending migrations under an advisory lock, so instances starting together migrate once. */
export async function runMigrations(url: string): Promise<string[]> {
  const ds = new DataSource({ ...dataSourceOptions(url, 2) });
  await ds.initialize();
  const runner = ds.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', ['rod-simulator-migrations']);
    const done = await ds.runMigrations({ transaction: 'each' });
    return done.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', ['rod-simulator-migrations']).catch(() => undefined);
    await runner.release();
    await ds.destroy();
  }
}
