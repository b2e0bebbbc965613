import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/bootstrap';
import { loadConfig } from '../../src/config/app-config';
import { JsonLogger } from '../../src/common/logging/json-logger';
import { ContractChecker } from './contract';
import { databaseUrl, RUN_ENV, TEMPLATE_ENV, withServer } from './test-database';

let checker: ContractChecker | undefined;

export interface TestApp {
  app: NestFastifyApplication;
  http: () => TestAgent;
  db: DataSource;
  /** Log lines the app wrote (JSON strings), for assertions about logging. */
  logs: string[];
  /**
   * Answers that did not satisfy the committed OpenAPI document of their register. Every answer is
   * checked; `close()` fails the test file when any did.
   */
  contractViolations: string[];
  /** How many answers were checked against the documents (all app answers on a documented route). */
  contractChecked: () => number;
  databaseName: string;
  close: () => Promise<void>;
}

let counter = 0;

/**
 * A fresh app on a fresh database cloned from the migrated template, with the default
 * sandbox and demo clients seeded as on a first start.
 */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const template = process.env[TEMPLATE_ENV];
  const run = process.env[RUN_ENV];
  if (!template || !run) throw new Error('test template database missing: run the e2e tests through `npm test`');
  const databaseName = `${run}_${process.pid}_${++counter}_${randomBytes(2).toString('hex')}`;
  if (!databaseName.includes('test')) throw new Error('refusing to run tests on a database whose name does not say test');
  await withServer((c) => c.query(`CREATE DATABASE ${databaseName} TEMPLATE ${template}`));
  const config = loadConfig({ LOG_LEVEL: 'info', DB_POOL_SIZE: '10', WORKERS_ENABLED: 'false', ...env, DATABASE_URL: databaseUrl(databaseName) });
  const logs: string[] = [];
  const app = await createApp(config, new JsonLogger(config.LOG_LEVEL, (line) => logs.push(line)));
  const contractViolations: string[] = [];
  checker ??= new ContractChecker();
  checker.install(app.getHttpAdapter().getInstance(), (v) => {
    if (contractViolations.length < 50 && !contractViolations.includes(v)) contractViolations.push(v);
  });
  await app.getHttpAdapter().getInstance().ready();
  const server = app.getHttpServer();
  return {
    app,
    http: () => request(server),
    db: app.get(DataSource),
    logs,
    databaseName,
    contractViolations,
    contractChecked: () => checker?.checked ?? 0,
    close: async () => {
      await app.close();
      await withServer((c) => c.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`));
      if (contractViolations.length) {
        throw new Error(`answers that do not satisfy the committed OpenAPI documents:\n  ${contractViolations.join('\n  ')}`);
      }
    },
  };
}
