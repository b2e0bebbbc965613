// Lets a child process run the TypeScript sources as they are (`node -r ./test/support/ts-register.js src/main.ts`),
// compiled in memory by SWC with the project's settings, as jest does: tests start real simulator processes without a build.
const { transformSync } = require('@swc/core');
const fs = require('node:fs');
const path = require('node:path');

const swc = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '.swcrc'), 'utf8'));
require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), { ...swc, swcrc: false, filename, sourceMaps: 'inline' });
  module._compile(code, filename);
};
