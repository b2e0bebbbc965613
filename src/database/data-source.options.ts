import { DataSourceOptions } from 'typeorm';
import { ENTITIES, MIGRATIONS } from './schema';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** The one set of DataSource options, for the app, the tests and the TypeORM CLI. */
export function dataSourceOptions(url: string, poolSize = 20): DataSourceOptions {
  return {
    type: 'postgres',
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
