// `npm start`: compile src/ when it is newer than dist/ (SWC, about a second), then run the simulator.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFast, newestSource } from './build-fast.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist', '.build-stamp');
if (!existsSync(stamp) || Number(readFileSync(stamp, 'utf8')) < newestSource()) {
  const r = await buildFast();
  process.stdout.write(JSON.stringify({ time: new Date().toISOString(), level: 'info', msg: 'compiled', files: r.files, ms: r.ms }) + '\n');
}
createRequire(import.meta.url)(join(root, 'dist', 'main.js'));
