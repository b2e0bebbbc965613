import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source.options';

// Used by the TypeORM CLI (`npm run migration:run`); needs DATABASE_URL.
export default new DataSource(dataSourceOptions(process.env.DATABASE_URL ?? 'postgres://localhost/rodsim'));
