import type { FastifyInstance } from 'fastify';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'application/javascript; charset=utf-8',
};

/** Human documentation at /docs: Swagger UI (served from the swagger-ui-dist package) with one entry per register API. */
export function installDocsUi(fastify: FastifyInstance, documents: { url: string; name: string }[]) {
  const dir = dirname(require.resolve('swagger-ui-dist/package.json'));
  const cache = new Map<string, Buffer>();
  const html = `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>ROD po simulator — API documentation</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/swagger-ui-standalone-preset.js"></script>
<script>
window.ui = SwaggerUIBundle({ urls: ${JSON.stringify(documents)}, dom_id: '#swagger-ui', deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: 'StandaloneLayout' });
</script></body></html>`;
  fastify.get('/docs', (_req, reply) => {
    reply.header('Content-Type', 'text/html; charset=utf-8').send(html);
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
