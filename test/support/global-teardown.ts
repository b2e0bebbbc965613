import { RUN_ENV, withServer } from './test-database';

export default async function globalTeardown() {
  const run = process.env[RUN_ENV];
  if (!run) return;
  await withServer(async (c) => {
    const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${run}%`]);
    for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  });
}
