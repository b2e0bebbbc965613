import type { EntityManager } from 'typeorm';

interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Runs a hot-path statement as a named prepared statement on the transaction's connection, so PostgreSQL
 * parses and plans it once per connection instead of on every request (the pool's connections use generic plans for
 * named statements: plan_cache_mode in dataSourceOptions). Falls back to a plain query.
 */
export async function prepared<T>(m: EntityManager, name: string, text: string, values: unknown[]): Promise<T[]> {
  const client = (m.queryRunner as unknown as { databaseConnection?: PgClient } | undefined)?.databaseConnection;
  if (!client) return m.query(text, values);
  const res = await client.query({ name, text, values });
  return res.rows as T[];
}
