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
  const { startEmbeddedPostgres, EmbeddedPostgresError } = require(join(root, 'dist', 'database', 'embedded-postgres.js'));
  const explicit = process.env.EMBEDDED_PG_TEST_PORT;
  try {
    embedded = await startEmbeddedPostgres({
      dir: process.env.EMBEDDED_PG_TEST_DIR ?? join(root, '.data', 'pg-test'),
      port: explicit ? Number(explicit) : undefined,
      preferredPort: 54330,
      log: (_level, msg) => console.log(msg),
    });
  } catch (e) {
    console.error(e instanceof EmbeddedPostgresError ? e.message : e);
    process.exit(1);
  }
  process.env.DATABASE_URL = embedded.url;
  console.log(`embedded PostgreSQL for tests on port ${embedded.port}`);
}
const jest = join(dirname(require.resolve('jest/package.json')), 'bin', 'jest.js');
const child = spawn(process.execPath, [jest, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root, env: process.env });
// Ctrl-C reaches jest too (same process group); wait for it, then stop the database.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
const code = await new Promise((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
if (embedded) await embedded.stop();
process.exit(code);
