// `npm run bench:<name>`: compile, use DATABASE_URL (or an embedded PostgreSQL), run dist/bench/<name>.bench.js.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFast } from './build-fast.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const name = process.argv[2];
if (!name) throw new Error('usage: node scripts/bench.mjs <name> [args]');
await buildFast();
let embedded;
if (!process.env.DATABASE_URL) {
  const { startEmbeddedPostgres } = require(join(root, 'dist', 'database', 'embedded-postgres.js'));
  const explicit = process.env.EMBEDDED_PG_BENCH_PORT;
  embedded = await startEmbeddedPostgres({
    dir: join(root, '.data', 'pg-bench'),
    port: explicit ? Number(explicit) : undefined,
    preferredPort: 54331,
    log: (_level, msg) => console.log(msg),
  });
  process.env.DATABASE_URL = embedded.url;
}
let code = 0;
try {
  const mod = require(join(root, 'dist', 'bench', `${name}.bench.js`));
  await mod.main(process.argv.slice(3));
} catch (e) {
  console.error(e);
  code = 1;
} finally {
  if (embedded) await embedded.stop();
}
process.exit(code);
