import type { INestApplication } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { installHttpHooks } from './common/http/http.hooks';
import { JsonLogger } from './common/logging/json-logger';
import { installDocsUi } from './common/openapi/docs-ui';
import { buildRegisterDocument } from './common/openapi/openapi.builder';
import { ProblemFilter } from './common/problem/problem.filter';
import { ProblemValidationPipe } from './common/problem/validation.pipe';
import { REGISTER_APIS } from './registers';

/** Builds every register's OpenAPI document (also used by the openapi script). */
export function buildOpenApiDocuments(app: INestApplication): Record<string, OpenAPIObject> {
  return Object.fromEntries(REGISTER_APIS.map(({ info, modules }) => [info.key, buildRegisterDocument(app, info, modules)]));
}

/**
 * Everything between creating the Nest app and listening; shared by main.ts and the tests,
 * so tests run the app exactly as it is served.
 */
export function configureApp(app: NestFastifyApplication, logger: JsonLogger): Record<string, OpenAPIObject> {
  const fastify = app.getHttpAdapter().getInstance();
  installHttpHooks(fastify, logger);
  app.useGlobalPipes(new ProblemValidationPipe());
  // Every problem at once (AllProblemsInterceptor) runs in the global RequestInterceptor (CommonModule), around idempotency.
  app.useGlobalFilters(new ProblemFilter());
  app.enableCors({ origin: '*', exposedHeaders: ['API-Version', 'Correlation-Id', 'Location', 'Idempotent-Replayed'] });
  // No enableShutdownHooks: main.ts handles SIGINT/SIGTERM and closes the app once (two closes ended the pool twice).

  const documents = buildOpenApiDocuments(app);
  for (const { info } of REGISTER_APIS) {
    const body = JSON.stringify(documents[info.key]);
    fastify.get(`${info.basePath}/openapi.json`, (_req, reply) => {
      reply.header('Content-Type', 'application/json; charset=utf-8');
      reply.header('Access-Control-Allow-Origin', '*');
      reply.send(body);
    });
  }
  // The docs open on ROD, the register a vendor comes for; then RIO, conformance, the BRON migration, and beheer.
  const docsOrder = ['rod', 'rio', 'conformance', 'bron', 'beheer'];
  const rank = (key: string) => (docsOrder.includes(key) ? docsOrder.indexOf(key) : docsOrder.length);
  installDocsUi(
    fastify,
    [...REGISTER_APIS]
      .sort((a, b) => rank(a.info.key) - rank(b.info.key))
      .map(({ info }) => ({ url: `${info.basePath}/openapi.json`, name: info.title, path: info.docsPath ?? info.key })),
  );
  return documents;
}
