import { createApp } from './bootstrap';
import { ConfigError, loadConfig } from './config/app-config';
import { JsonLogger } from './common/logging/json-logger';
import { EmbeddedDatabase, startEmbeddedPostgres } from './database/embedded-postgres';

async function main() {
  const started = Date.now();
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(e.message + '\n');
      process.exit(1);
    }
    throw e;
  }
  const logger = new JsonLogger(config.LOG_LEVEL);
  let embedded: EmbeddedDatabase | undefined;
  if (!config.DATABASE_URL) {
    embedded = await startEmbeddedPostgres(config.EMBEDDED_PG_DIR, config.EMBEDDED_PG_PORT, (msg) => logger.event('info', { msg }));
    config.DATABASE_URL = embedded.url;
    logger.event('info', { msg: 'embedded PostgreSQL started', dir: config.EMBEDDED_PG_DIR, port: config.EMBEDDED_PG_PORT });
  }
  const app = await createApp(config, logger);
  const stop = async (signal: string) => {
    logger.event('info', { msg: 'shutting down', signal });
    await app.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ port: config.PORT, host: config.HOST });
  logger.event('info', { msg: 'ready', url: `http://localhost:${config.PORT}`, docs: `http://localhost:${config.PORT}/docs`, startupMs: Date.now() - started, database: embedded ? 'embedded' : 'DATABASE_URL' });
}

void main().catch((e) => {
  process.stderr.write(`startup failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
