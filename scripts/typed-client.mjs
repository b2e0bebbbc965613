// `npm run typed-client`: generates TypeScript types from the committed OpenAPI documents with
// openapi-typescript, as a vendor would, and type-checks a small vendor program against them
// (strict, no casts), so a change that breaks generated clients fails CI.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'typed-client', 'generated');
mkdirSync(out, { recursive: true });
for (const register of ['rod', 'rio', 'beheer']) {
  const file = join(root, 'openapi', `${register}.json`);
  const ast = await openapiTS(pathToFileURL(file), { silent: true });
  writeFileSync(join(out, `${register}.d.ts`), astToString(ast));
  console.log(`typed-client: generated types from openapi/${register}.json`);
}
const raw = readFileSync(join(root, 'typed-client', 'vendor.ts'), 'utf8');
const code = raw.replace(/^import .*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '').replace(/'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/g, "''");
if (/@ts-(ignore|expect-error|nocheck)/.test(raw) || /\bas\s+(?!const\b)[A-Za-z{[(]|\bany\b|!\./.test(code)) {
  console.error('typed-client: the vendor program must not use casts, any, non-null assertions or ts-ignore');
  process.exit(1);
}
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'typed-client', 'tsconfig.json')], { stdio: 'inherit' });
if (result.status === 0) console.log('typed-client: the vendor program type-checks against the generated types (strict)');
process.exit(result.status ?? 1);
