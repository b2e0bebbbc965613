// `npm run bron:migreer -- --map <dir> [--sandbox <code>] [--proefdraai] [--migratie <id>]`: compile src/ when it is newer
// than dist/ (SWC, about a second), then run a BRON → ROD migratie from a folder of files (src/bron/migreer.ts).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFast, newestSource } from './build-fast.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist', '.build-stamp');
if (!existsSync(stamp) || Number(readFileSync(stamp, 'utf8')) < newestSource()) await buildFast();
const { main } = createRequire(import.meta.url)(join(root, 'dist', 'bron', 'migreer.js'));
try {
  await main(process.argv.slice(2));
  process.exit(0);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
