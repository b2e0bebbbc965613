import { createApp } from './bootstrap';
import { ConfigError, loadConfig } from './config/app-config';
import { JsonLogger } from './common/logging/json-logger';
import { EmbeddedDatabase, EmbeddedPostgresError, startEmbeddedPostgres } from './database/embedded-postgres';

/** Port the embedded PostgreSQL tries first when EMBEDDED_PG_PORT is not set. */
const PREFERRED_EMBEDDED_PORT = 54329;

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
  // Last line of defence: a promise nobody awaited must not end the process (every loop handles its own errors).
  process.on('unhandledRejection', (reason) => {
    logger.event('error', { msg: 'unhandled rejection', err: reason instanceof Error ? { name: reason.name, message: reason.message, stack: reason.stack } : String(reason) });
  });
  let embedded: EmbeddedDatabase | undefined;
  if (!config.DATABASE_URL) {
    embedded = await startEmbeddedPostgres({
      dir: config.EMBEDDED_PG_DIR,
      port: config.EMBEDDED_PG_PORT,
      preferredPort: PREFERRED_EMBEDDED_PORT,
      supervise: true,
      log: (level, msg, fields) => logger.event(level, { msg, ...fields }),
    });
    config.DATABASE_URL = embedded.url;
    logger.event('info', { msg: 'embedded PostgreSQL started', dir: config.EMBEDDED_PG_DIR, port: embedded.port });
  }
  let app;
  try {
    app = await createApp(config, logger);
  } catch (e) {
    await embedded?.stop().catch(() => undefined);
    throw e;
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.event('info', { msg: 'shutting down', signal });
    await app.close().catch((e) => logger.event('error', { msg: 'closing the app failed', err: String(e) }));
    await embedded?.stop().catch((e) => logger.event('error', { msg: 'stopping embedded PostgreSQL failed', err: String(e) }));
    logger.event('info', { msg: 'stopped' });
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ port: config.PORT, host: config.HOST });
  logger.event('info', { msg: 'ready', url: `http://localhost:${config.PORT}`, docs: `http://localhost:${config.PORT}/docs`, startupMs: Date.now() - started, database: embedded ? 'embedded' : 'DATABASE_URL' });
}

void main().catch((e) => {
  if (e instanceof EmbeddedPostgresError) process.stderr.write(`startup failed: ${e.message}\n`);
  else process.stderr.write(`startup failed: ${e instanceof Error ? (e.stack ?? e.message) : e === undefined ? 'unknown error (no details)' : String(e)}\n`);
  process.exit(1);
});
