// `npm run openapi` writes openapi/<register>.json; `npm run openapi:check` fails when they differ from the code.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFast } from './build-fast.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const mode = process.argv[2] ?? 'write';
await buildFast();
const { generateOpenApiDocuments } = createRequire(import.meta.url)(join(root, 'dist', 'openapi-documents.js'));
const documents = await generateOpenApiDocuments();
const dir = join(root, 'openapi');
mkdirSync(dir, { recursive: true });
let drift = 0;
for (const [key, doc] of Object.entries(documents)) {
  const file = join(dir, `${key}.json`);
  const text = JSON.stringify(doc, null, 2) + '\n';
  if (mode === 'check') {
    if (!existsSync(file) || readFileSync(file, 'utf8') !== text) {
      console.error(`openapi/${key}.json differs from the code: run \`npm run openapi\` and commit the result.`);
      drift++;
    } else console.log(`openapi/${key}.json matches the code`);
  } else {
    writeFileSync(file, text);
    console.log(`wrote openapi/${key}.json (${Object.keys(doc.paths).length} paths)`);
  }
}
for (const f of readdirSync(dir)) {
  if (f.endsWith('.json') && !(f.replace(/\.json$/, '') in documents)) {
    console.error(`openapi/${f} belongs to no register API`);
    drift++;
  }
}
process.exit(drift ? 1 : 0);
