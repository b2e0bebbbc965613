// Compiles src/ to dist/ with SWC (no type check; `npm run build` type-checks with tsc).
import { transformFile } from '@swc/core';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const out = join(root, 'dist');
const swcrc = JSON.parse(readFileSync(join(root, '.swcrc'), 'utf8'));

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* walk(p);
    else if (p.endsWith('.ts') && !p.endsWith('.spec.ts') && !p.endsWith('.d.ts')) yield p;
  }
}

export function newestSource() {
  let newest = 0;
  for (const f of walk(src)) newest = Math.max(newest, statSync(f).mtimeMs);
  return newest;
}

export async function buildFast() {
  const t0 = Date.now();
  rmSync(out, { recursive: true, force: true });
  const files = [...walk(src)];
  await Promise.all(
    files.map(async (file) => {
      const target = join(out, relative(src, file)).replace(/\.ts$/, '.js');
      const { code, map } = await transformFile(file, { ...swcrc, swcrc: false, filename: file, sourceFileName: relative(dirname(target), file) });
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, code + `\n//# sourceMappingURL=${target.split('/').pop()}.map\n`);
      if (map) writeFileSync(target + '.map', map);
    }),
  );
  writeFileSync(join(out, '.build-stamp'), String(Date.now()));
  return { files: files.length, ms: Date.now() - t0 };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await buildFast();
  console.log(`compiled ${r.files} files in ${r.ms} ms`);
}
