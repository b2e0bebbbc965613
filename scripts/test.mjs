// `npm test`: uses DATABASE_URL when set; otherwise starts an embedded PostgreSQL for the run.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFast } from './build-fast.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
let embedded;
if (!process.env.DATABASE_URL) {
  await buildFast();
  const { startEmbeddedPostgres } = require(join(root, 'dist', 'database', 'embedded-postgres.js'));
  const port = Number(process.env.EMBEDDED_PG_TEST_PORT ?? 54330);
  embedded = await startEmbeddedPostgres(join(root, '.data', 'pg-test'), port);
  process.env.DATABASE_URL = embedded.url;
  console.log(`embedded PostgreSQL for tests on port ${port}`);
}
const jest = join(dirname(require.resolve('jest/package.json')), 'bin', 'jest.js');
const child = spawn(process.execPath, [jest, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root, env: process.env });
const code = await new Promise((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
if (embedded) await embedded.stop();
process.exit(code);
