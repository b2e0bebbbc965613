import { randomBytes } from 'node:crypto';
import { runMigrations } from '../../src/database/migrate';
import { databaseUrl, RUN_ENV, TEMPLATE_ENV, withServer } from './test-database';

/** Migrates one template database per run; every test file clones it (CREATE DATABASE … TEMPLATE). */
export default async function globalSetup() {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set: run the tests with `npm test`.');
  const run = `rodsim_test_${process.pid}_${randomBytes(3).toString('hex')}`;
  const template = `${run}_tpl`;
  await withServer(async (c) => {
    await c.query(`CREATE DATABASE ${template}`);
  });
  await runMigrations(databaseUrl(template));
  process.env[TEMPLATE_ENV] = template;
  process.env[RUN_ENV] = run;
}
