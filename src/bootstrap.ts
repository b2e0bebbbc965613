import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import type { AppConfig } from './config/app-config';
import { clientErrors, frameworkErrors, MAX_PARAM_LENGTH } from './common/http/http.hooks';
import { JsonLogger } from './common/logging/json-logger';
import { runMigrations } from './database/migrate';

/** Creates the configured app on a migrated database (the URL must be in config). */
export async function createApp(config: AppConfig, logger = new JsonLogger(config.LOG_LEVEL)): Promise<NestFastifyApplication> {
  if (!config.DATABASE_URL) throw new Error('createApp needs config.DATABASE_URL');
  const applied = await runMigrations(config.DATABASE_URL);
  if (applied.length) logger.event('info', { msg: 'migrations applied', migrations: applied });
  const adapter = new FastifyAdapter({ logger: false, bodyLimit: 5 * 1024 * 1024, trustProxy: true, routerOptions: { ignoreTrailingSlash: false, maxParamLength: MAX_PARAM_LENGTH }, frameworkErrors, clientErrorHandler: clientErrors } as never);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, { logger, bufferLogs: false });
  configureApp(app, logger);
  await app.init();
  return app;
}
