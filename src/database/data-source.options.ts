import * as pg from 'pg';
import { DataSourceOptions } from 'typeorm';
import { ENTITIES, MIGRATIONS } from './schema';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/**
 * A pg Pool whose every connection has an 'error' listener for its whole life. pg emits 'error' on a connection that
 * breaks (the server killed or restarting) whether or not a query is running, sometimes twice (the server's FATAL, then
 * the socket's end); TypeORM listens only while it holds the connection and drops its listener as it hands a broken one
 * back, and an 'error' without a listener ends the process. The pool and TypeORM still see every error and discard the
 * broken connection; this listener only keeps a second error from taking the process down.
 */
class OutageSafePool extends pg.Pool {
  constructor(config?: pg.PoolConfig) {
    super(config);
    this.on('connect', (client) => client.on('error', () => undefined));
  }
}
// Pool as an own property of an object that inherits the rest of pg: assigning it would hit the read-only accessor a
// compiled `import * as pg` namespace has (the production build), so it is defined instead.
const OUTAGE_SAFE_PG = Object.create(pg, { Pool: { value: OutageSafePool, enumerable: true } }) as typeof pg;

/** The one set of DataSource options, for the app, the tests and the TypeORM CLI. */
export function dataSourceOptions(url: string, poolSize = 20): DataSourceOptions {
  return {
    type: 'postgres',
    driver: OUTAGE_SAFE_PG,
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    migrationsRun: false,
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    logging: false,
    // A server that does not answer (down, restarting) fails a request within seconds (503) instead of hanging it.
    connectTimeoutMS: 5000,
    // Named prepared statements (src/common/database/prepared.ts) run on generic plans: they are the hot write path,
    // and replanning them per request cost more than running them. Unnamed statements are planned per execution as ever.
    extra: { max: poolSize, application_name: 'rod-simulator', options: '-c plan_cache_mode=force_generic_plan' },
  };
}
