import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { createApp } from '../bootstrap';
import { JsonLogger } from '../common/logging/json-logger';
import { loadConfig } from '../config/app-config';
import type { GeneratorRequest, GeneratorResult } from './load-generator';

/** Benchmarks only: a fresh database on the server of DATABASE_URL, and the app listening on a free port. */
export async function startBenchApp(name: string, env: Record<string, string> = {}): Promise<{ app: NestFastifyApplication; baseUrl: string; databaseUrl: string; close: () => Promise<void> }> {
  const server = new URL(process.env.DATABASE_URL!);
  // BENCH_DATABASE_SUFFIX: a database of its own, so two people benching on one server do not drop each other's.
  const suffix = (process.env.BENCH_DATABASE_SUFFIX ?? '').replace(/[^a-z0-9_]/g, '');
  const database = `rodsim_bench_${name}${suffix ? `_${suffix}` : ''}`;
  const admin = new Client({ connectionString: server.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const url = new URL(server.toString());
  url.pathname = `/${database}`;
  // WRITE_LANES / WRITE_BATCH_MAX from the environment, to compare group sizes.
  const tuning = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('WRITE_')));
  const config = loadConfig({ LOG_LEVEL: 'warn', DB_POOL_SIZE: '40', ...tuning, ...env, DATABASE_URL: url.toString() });
  const app = await createApp(config, new JsonLogger('warn'));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    baseUrl: `http://127.0.0.1:${address.port}`,
    databaseUrl: url.toString(),
    close: async () => {
      await app.close();
      // BENCH_KEEP_DATABASE=1 leaves the generated database for inspection (dropped at the next run).
      if (process.env.BENCH_KEEP_DATABASE === '1') return;
      const c = new Client({ connectionString: server.toString() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface LoadResult {
  requests: number;
  ok: number;
  failed: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  statuses: Record<string, number>;
  /** CPU time of the load generator process (loadTestInProcess only), ms. */
  generatorCpuMs?: number;
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0);

/**
 * Runs `total` requests with `concurrency` workers; `send(i)` performs request i and returns its status.
 * Bounded in count, so it always stops.
 */
export async function loadTest(total: number, concurrency: number, send: (i: number) => Promise<number>, isOk = (s: number) => s < 400): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let next = 0;
  let ok = 0;
  const t0 = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const s0 = process.hrtime.bigint();
        let status: number;
        try {
          status = await send(i);
        } catch {
          status = 0;
        }
        latencies.push(Number(process.hrtime.bigint() - s0) / 1e6);
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (isOk(status)) ok++;
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  latencies.sort((a, b) => a - b);
  return {
    requests: total,
    ok,
    failed: total - ok,
    seconds: Math.round(seconds * 100) / 100,
    perSecond: Math.round(total / seconds),
    p50Ms: Math.round(percentile(latencies, 50) * 10) / 10,
    p99Ms: Math.round(percentile(latencies, 99) * 10) / 10,
    maxMs: Math.round((latencies[latencies.length - 1] ?? 0) * 10) / 10,
    statuses,
  };
}

export async function token(baseUrl: string, clientId: string, secret: string, sandbox?: string): Promise<string> {
  const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret, ...(sandbox ? { sandbox } : {}) });
  const res = await fetch(`${baseUrl}/oauth/token`, { method: 'POST', body });
  if (!res.ok) throw new Error(`token: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

export function printFigures(title: string, figures: Record<string, unknown>) {
  console.log(`\n## ${title}`);
  for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(40)} ${typeof v === 'object' ? JSON.stringify(v) : v}`);
}

export type PlannedRequest = GeneratorRequest;

/**
 * CPU time this process spent on the bench's own instruments (sampling /proc, handing the planned requests to the load
 * generator), µs: withCpu leaves it out of the app's figure, as the app runs in this process.
 */
let instrumentsUs = 0;
function instrument<T>(f: () => T): T {
  const c0 = process.cpuUsage();
  try {
    return f();
  } finally {
    const d = process.cpuUsage(c0);
    instrumentsUs += d.user + d.system;
  }
}

/** Like loadTest, but the requests are planned up front and sent by a separate load-generator process. */
export async function loadTestInProcess(requests: PlannedRequest[], concurrency: number, isOk = (s: number) => s < 400): Promise<LoadResult> {
  const { fork } = await import('node:child_process');
  const result = await new Promise<GeneratorResult>((resolve, reject) => {
    const child = instrument(() => fork(join(__dirname, 'load-generator.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
    child.once('message', (m) => resolve(m as GeneratorResult));
    child.once('error', reject);
    child.once('exit', (code) => code && reject(new Error(`load generator exited with ${code}`)));
    instrument(() => child.send({ requests, concurrency }));
  });
  const sorted = [...result.latencies].sort((a, b) => a - b);
  const statuses: Record<string, number> = {};
  for (const s of result.statuses) statuses[s] = (statuses[s] ?? 0) + 1;
  const ok = result.statuses.filter(isOk).length;
  return {
    requests: requests.length,
    ok,
    failed: requests.length - ok,
    seconds: Math.round(result.seconds * 100) / 100,
    perSecond: Math.round(requests.length / result.seconds),
    p50Ms: Math.round(percentile(sorted, 50) * 10) / 10,
    p99Ms: Math.round(percentile(sorted, 99) * 10) / 10,
    maxMs: Math.round((sorted[sorted.length - 1] ?? 0) * 10) / 10,
    statuses,
    generatorCpuMs: result.cpuMs,
  };
}

/**
 * The yardstick of a write benchmark, measured in the same run on the same server: single-row upsert transactions
 * sent straight from `pg` by `concurrency` connections, each an explicit transaction as an application sends it:
 * `BEGIN`, one `INSERT … ON CONFLICT … DO UPDATE`, `COMMIT` (three round trips), on a logged table with the server's
 * own durability settings (synchronous_commit as configured): every transaction is a durable commit with its WAL flush,
 * which is what bounds a single-row write path. A distinct key per transaction, as the ROD load has a distinct pupil each.
 */
export async function upsertYardstick(databaseUrl: string, total: number, concurrency = 32): Promise<LoadResult> {
  const setup = new Client({ connectionString: databaseUrl });
  await setup.connect();
  await setup.query('DROP TABLE IF EXISTS bench_yardstick');
  await setup.query('CREATE TABLE bench_yardstick (id bigint PRIMARY KEY, waarde text NOT NULL, gewijzigd_op timestamptz NOT NULL)');
  const clients = await Promise.all(
    Array.from({ length: concurrency }, async () => {
      const c = new Client({ connectionString: databaseUrl });
      await c.connect();
      return c;
    }),
  );
  try {
    // A free connection per transaction (as many as workers), so a connection never carries two transactions at once.
    const free = [...clients];
    const result = await loadTest(
      total,
      concurrency,
      async (i) => {
        const c = free.pop()!;
        await c.query('BEGIN');
        try {
          await c.query({
            name: 'yardstick',
            text: 'INSERT INTO bench_yardstick (id, waarde, gewijzigd_op) VALUES ($1, $2, now()) ON CONFLICT (id) DO UPDATE SET waarde = EXCLUDED.waarde, gewijzigd_op = now()',
            values: [i, `inschrijving-${i}`],
          });
          await c.query('COMMIT');
        } catch (e) {
          await c.query('ROLLBACK').catch(() => undefined);
          throw e;
        } finally {
          free.push(c);
        }
        return 200;
      },
    );
    return result;
  } finally {
    await Promise.all(clients.map((c) => c.end()));
    await setup.query('DROP TABLE IF EXISTS bench_yardstick');
    await setup.end();
  }
}

/** A second instance of the simulator as its own process (dist/main.js) on the same database, as behind a load balancer. */
export async function startSecondInstance(databaseUrl: string, env: Record<string, string> = {}): Promise<{ baseUrl: string; pid: number; close: () => Promise<void> }> {
  const { spawn } = await import('node:child_process');
  const { createServer } = await import('node:net');
  const port = await new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
  const tuning = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('WRITE_')));
  const child = spawn(process.execPath, [join(__dirname, '..', 'main.js')], {
    env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', DB_POOL_SIZE: '40', ...tuning, ...env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const t0 = Date.now();
  for (;;) {
    const ok = await fetch(`${baseUrl}/health/ready`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() - t0 > 60_000 || child.exitCode !== null) throw new Error('the second instance did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseUrl,
    pid: child.pid!,
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** CPU time (user + system) a process used so far, ms, from /proc (Linux, clock ticks of 10 ms); null when unreadable. */
function procCpuMs(pid: number | string): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** The PostgreSQL backends serving `database` on this machine, by their process title (`postgres: user database host(port) …`). */
function backendPids(database: string): string[] {
  const pids: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return pids;
  }
  for (const pid of entries) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const title = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (title.startsWith('postgres: ') && title.includes(` ${database} `)) pids.push(pid);
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

export interface CpuUse {
  /** This process (the app when it runs in-process), ms, without the bench's own instruments (sampling, handing out the load). */
  appMs: number;
  /** The other processes given (e.g. a second instance), ms. */
  otherMs: number;
  /** The PostgreSQL backends of the database, ms; null when they cannot be seen (a server on another machine, not Linux). */
  postgresMs: number | null;
}

/**
 * CPU time used while `fn` runs, by this process, by `pids`, and by the PostgreSQL backends serving `database` when the
 * server runs on this machine (read from /proc, sampled every 250 ms: a backend that ends loses at most its last 250 ms;
 * the server's shared processes such as the WAL writer are not counted). The backends are found by scanning every process
 * of the machine, which is the costly part and runs in this process (the app's event loop when the app runs in-process),
 * so it is done once a second; in between only the known backends are read. On a loaded machine wall-clock rates move with
 * the neighbours, CPU time per request much less: it says where a request's cost goes.
 */
export async function withCpu<T>(database: string, pids: number[], fn: () => Promise<T>): Promise<{ result: T; cpu: CpuUse }> {
  const first = new Map<string, number>();
  const last = new Map<string, number>();
  let started = false;
  let known: string[] = [];
  let ticks = 0;
  const sample = () => instrument(() => {
    if (ticks++ % 4 === 0) known = backendPids(database);
    for (const pid of known) {
      const ms = procCpuMs(pid);
      if (ms === null) continue;
      // A backend that starts during the run counts from zero.
      if (!first.has(pid)) first.set(pid, started ? 0 : ms);
      last.set(pid, ms);
    }
  });
  const others = () => pids.reduce((a, pid) => a + (procCpuMs(pid) ?? 0), 0);
  sample();
  started = true;
  const app0 = process.cpuUsage();
  const instruments0 = instrumentsUs;
  const others0 = others();
  const timer = setInterval(sample, 250);
  let result: T;
  try {
    result = await fn();
  } finally {
    clearInterval(timer);
  }
  ticks = 0;
  sample();
  const app = process.cpuUsage(app0);
  let postgres = 0;
  for (const [pid, ms] of last) postgres += ms - (first.get(pid) ?? 0);
  return { result, cpu: { appMs: (app.user + app.system - (instrumentsUs - instruments0)) / 1000, otherMs: others() - others0, postgresMs: last.size ? postgres : null } };
}

/**
 * The statements a run sent to `databaseUrl`'s database, from pg_stat_statements when the server loads it
 * (shared_preload_libraries): reset at start, read at stop, most execution time first; null when it is not loaded.
 */
export class StatementStats {
  private constructor(private readonly client: Client | null) {}

  static async start(databaseUrl: string): Promise<StatementStats> {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
      await client.query('SELECT pg_stat_statements_reset()');
      return new StatementStats(client);
    } catch {
      await client.end();
      return new StatementStats(null);
    }
  }

  async stop(): Promise<{ query: string; calls: number; ms: number }[] | null> {
    if (!this.client) return null;
    try {
      const { rows } = await this.client.query(
        `SELECT query, calls::float8 AS calls, total_exec_time AS ms FROM pg_stat_statements
          WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT LIKE '%pg_stat_statements%' ORDER BY total_exec_time DESC`,
      );
      return rows as { query: string; calls: number; ms: number }[];
    } finally {
      await this.client.end();
    }
  }
}
