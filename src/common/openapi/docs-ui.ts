import type { FastifyInstance } from 'fastify';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'application/javascript; charset=utf-8',
};

export interface DocsEntry {
  /** URL of the OpenAPI document. */
  url: string;
  /** Name in Swagger UI's register list. */
  name: string;
  /** The register's own docs URL: /docs/{path}. */
  path: string;
}

/** The script behind the page: Swagger UI on one register, and a token for the sandbox chosen above it. */
function pageScript(documents: DocsEntry[], primary: string): string {
  return `
const sandboxInput = document.getElementById('sandbox');
sandboxInput.value = localStorage.getItem('rodsim.sandbox') || 'default';
sandboxInput.addEventListener('input', () => localStorage.setItem('rodsim.sandbox', sandboxInput.value.trim()));
window.ui = SwaggerUIBundle({
  urls: ${JSON.stringify(documents.map(({ url, name }) => ({ url, name })))},
  'urls.primaryName': ${JSON.stringify(primary)},
  dom_id: '#swagger-ui', deepLinking: true, persistAuthorization: true, tryItOutEnabled: false,
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: 'StandaloneLayout',
  // Authorize (client credentials) asks the token endpoint for the sandbox chosen above.
  requestInterceptor: (req) => {
    const sandbox = sandboxInput.value.trim();
    if (sandbox && /\\/oauth\\/token$/.test(new URL(req.url, location.href).pathname) && typeof req.body === 'string' && !/(^|&)sandbox=/.test(req.body)) {
      req.body += '&sandbox=' + encodeURIComponent(sandbox);
    }
    return req;
  },
});`;
}

function page(documents: DocsEntry[], primary: DocsEntry): string {
  const links = documents.map((d) => `<a href="/docs/${d.path}"${d === primary ? ' aria-current="page"' : ''}>${d.name.replace(/^.*— /, '')}</a>`).join(' · ');
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>${primary.name} — API documentation</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
<style>#rodsim-bar{font-family:sans-serif;font-size:14px;padding:8px 20px;background:#f3f5f7;border-bottom:1px solid #d8dde3;display:flex;gap:24px;flex-wrap:wrap;align-items:center}
#rodsim-bar input{font-size:14px;padding:2px 6px;width:12em}</style></head>
<body>
<div id="rodsim-bar"><span>Registers: ${links}</span>
<label>Sandbox for Authorize: <input id="sandbox" autocomplete="off" spellcheck="false"></label>
<span>Authorize with your client_id and secret; the token is for that sandbox and carries the scopes your client holds of those selected.</span></div>
<div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/swagger-ui-standalone-preset.js"></script>
<script>${pageScript(documents, primary.name)}</script></body></html>`;
}

/**
 * Human documentation: `/` leads to `/docs`, which opens on the first register (ROD); each register has its own URL
 * `/docs/{register}`. Swagger UI is served from the swagger-ui-dist package.
 */
export function installDocsUi(fastify: FastifyInstance, documents: DocsEntry[]) {
  const dir = dirname(require.resolve('swagger-ui-dist/package.json'));
  const cache = new Map<string, Buffer>();
  const pages = new Map(documents.map((d) => [d.path, page(documents, d)]));
  const html = (reply: { header: (k: string, v: string) => { send: (b: string) => unknown } }, body: string) =>
    reply.header('Content-Type', 'text/html; charset=utf-8').send(body);

  fastify.get('/', (_req, reply) => reply.redirect('/docs', 302));
  fastify.get('/docs', (_req, reply) => html(reply, pages.get(documents[0].path)!));
  fastify.get<{ Params: { register: string } }>('/docs/:register', (req, reply) => {
    const body = pages.get(req.params.register);
    if (!body) return reply.callNotFound();
    return html(reply, body);
  });
  fastify.get<{ Params: { file: string } }>('/docs/assets/:file', (req, reply) => {
    const type = ASSETS[req.params.file];
    if (!type) return reply.callNotFound();
    let body = cache.get(req.params.file);
    if (!body) {
      body = readFileSync(join(dir, req.params.file));
      cache.set(req.params.file, body);
    }
    reply.header('Content-Type', type).header('Cache-Control', 'public, max-age=3600').send(body);
  });
}
