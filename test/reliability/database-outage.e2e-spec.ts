import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedDatabase, startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { PERSONAS } from '../../src/rod';
import { ChildSimulator, childToken, startChildSimulator } from '../support/child-simulator';

/**
 * The database killed (SIGKILL of the postmaster) under load, with the simulator in its own process as `npm start`
 * runs it: the process stays up, every request during the outage is answered (503 problem+json with Retry-After, never
 * another 5xx), readiness says not ready and liveness stays up, and the simulator serves again by itself once the
 * database is back: restarted by the simulator (embedded) or by its operator (DATABASE_URL). Never the shared server:
 * each test kills a throwaway PostgreSQL of its own.
 */

interface Outcome {
  kind: 'read' | 'write' | 'ready' | 'live';
  status: number;
  contentType: string;
  retryAfter: string | null;
  code?: string;
  at: number;
}

/** The persona the register knows by BSN (README, ROD personas). */
const IDENTIFICATIE = { persoonsgebondenNummer: { burgerservicenummer: PERSONAS.bekend.bsn }, geboortedatum: PERSONAS.bekend.geboortedatum, geslacht: PERSONAS.bekend.geslacht };

function postmasterPid(dir: string): number {
  return Number(readFileSync(join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
}

/** Sends reads, writes and health checks from `workers` loops until stopped; records every answer. */
function load(base: string, token: string, workers = 6) {
  const outcomes: Outcome[] = [];
  let running = true;
  let n = 0;
  const one = async (): Promise<void> => {
    const i = n++;
    const kind: Outcome['kind'] = (['read', 'write', 'ready', 'live', 'read'] as const)[i % 5];
    const auth = { Authorization: `Bearer ${token}` };
    const req: [string, RequestInit] =
      kind === 'read'
        ? [`${base}/rio/v1/onderwijsbesturen?pageSize=5`, { headers: auth }]
        : kind === 'write'
          ? // A write that can be repeated without limit (a client has at most 10 webhook subscriptions): identificatie of a known pupil.
            [`${base}/rod/v1/identificaties`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify(IDENTIFICATIE) }]
          : [`${base}/health/${kind}`, {}];
    try {
      const res = await fetch(req[0], { ...req[1], signal: AbortSignal.timeout(15_000) });
      const text = await res.text();
      let code: string | undefined;
      try {
        code = (JSON.parse(text) as { code?: string }).code;
      } catch {
        code = undefined;
      }
      outcomes.push({ kind, status: res.status, contentType: res.headers.get('content-type') ?? '', retryAfter: res.headers.get('retry-after'), code, at: Date.now() });
    } catch (e) {
      outcomes.push({ kind, status: 0, contentType: String((e as Error).message), retryAfter: null, at: Date.now() });
    }
  };
  const loops = Array.from({ length: workers }, async () => {
    while (running) await one();
  });
  return {
    outcomes,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

async function until(what: string, fn: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await fn().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const status = async (url: string, init: RequestInit = {}) => (await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) })).status;

/** What must hold for the answers given during and around the outage. */
function expectOutageHandled(outcomes: Outcome[], killedAt: number) {
  // Every request got an HTTP answer (no connection reset by a dying process).
  expect(outcomes.filter((o) => o.status === 0)).toEqual([]);
  // Liveness never failed.
  expect(outcomes.filter((o) => o.kind === 'live' && o.status !== 200)).toEqual([]);
  // Readiness said "not ready" during the outage.
  expect(outcomes.some((o) => o.kind === 'ready' && o.status === 503 && o.at >= killedAt)).toBe(true);
  // Reads and writes failed as 503 problem+json with Retry-After and the code, never as another 5xx.
  const api = outcomes.filter((o) => o.kind === 'read' || o.kind === 'write');
  const failed = api.filter((o) => o.status >= 500);
  expect(failed.length).toBeGreaterThan(0);
  for (const o of failed) {
    expect({ status: o.status, contentType: o.contentType, retryAfterSet: o.retryAfter !== null && Number(o.retryAfter) > 0, code: o.code }).toEqual({
      status: 503,
      contentType: expect.stringMatching(/^application\/problem\+json/),
      retryAfterSet: true,
      code: 'database_unavailable',
    });
  }
  // Apart from the outage, reads and writes succeeded.
  expect(api.filter((o) => o.status < 500).every((o) => o.status === 200 || o.status === 201)).toBe(true);
}

async function expectServingAgain(sim: ChildSimulator, token: string) {
  await until('readiness', async () => (await status(`${sim.base}/health/ready`)) === 200);
  expect(await status(`${sim.base}/rio/v1/onderwijsbesturen?pageSize=5`, { headers: { Authorization: `Bearer ${token}` } })).toBe(200);
  const write = await status(`${sim.base}/rod/v1/webhook-abonnementen`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ url: 'http://localhost:9/after-outage' }),
  });
  expect(write).toBe(201);
  // A new token is issued (the token endpoint reads the client from the database).
  await expect(childToken(sim.base, 'las-alfa')).resolves.toEqual(expect.any(String));
}

const BUSY_LOOPS = { KLOK_TICK_MS: '100', WORKER_POLL_MS: '20' };

describe('the database killed under load', () => {
  const dirs: string[] = [];
  let sim: ChildSimulator | undefined;
  let pg: EmbeddedDatabase | undefined;

  afterEach(async () => {
    await sim?.stop();
    await pg?.stop();
    sim = pg = undefined;
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('embedded: the simulator stays up, answers 503 meanwhile, restarts its PostgreSQL and serves again by itself', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rodsim-outage-embedded-'));
    dirs.push(dir);
    sim = await startChildSimulator({ DATABASE_URL: undefined, EMBEDDED_PG_DIR: dir, EMBEDDED_PG_PORT: undefined, ...BUSY_LOOPS });
    await sim.waitForLine(/"msg":"ready"/);
    const token = await childToken(sim.base, 'las-alfa');

    const l = load(sim.base, token);
    await new Promise((r) => setTimeout(r, 500));
    const killedAt = Date.now();
    const first = postmasterPid(dir);
    process.kill(first, 'SIGKILL');
    await sim.waitForLine(/embedded PostgreSQL restarted/, 45_000);
    await until('an answer after the restart', async () => l.outcomes.some((o) => o.kind === 'read' && o.status === 200 && o.at > killedAt + 100));
    await l.stop();

    expect(sim.proc.exitCode).toBeNull();
    expect(postmasterPid(dir)).not.toBe(first);
    expectOutageHandled(l.outcomes, killedAt);
    await expectServingAgain(sim, token);
    // The background loops saw the outage, backed off and recovered; nothing went unhandled.
    await sim.waitForLine(/AfleveringWorker.*recovered/, 15_000);
    await sim.waitForLine(/KlokWorker.*recovered/, 15_000);
    expect(sim.lines.filter((x) => /unhandled|Called end on pool/.test(x))).toEqual([]);

    // A clean stop: exit 0, the server stopped with it.
    const second = postmasterPid(dir);
    expect(await sim.stop()).toBe(0);
    expect(() => process.kill(second, 0)).toThrow();
  }, 120_000);

  it('DATABASE_URL: the simulator stays up and not ready while the server is down, and serves again once it is back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rodsim-outage-url-'));
    dirs.push(dir);
    pg = await startEmbeddedPostgres({ dir });
    const port = pg.port;
    sim = await startChildSimulator({ DATABASE_URL: pg.url, ...BUSY_LOOPS });
    await sim.waitForLine(/"msg":"ready"/);
    const token = await childToken(sim.base, 'las-alfa');

    const l = load(sim.base, token);
    await new Promise((r) => setTimeout(r, 500));
    const killedAt = Date.now();
    process.kill(postmasterPid(dir), 'SIGKILL');
    // Down for a while: nobody restarts a server behind DATABASE_URL but its operator.
    await new Promise((r) => setTimeout(r, 3000));
    expect(sim.proc.exitCode).toBeNull();
    expect(await status(`${sim.base}/health/ready`)).toBe(503);
    expect(await status(`${sim.base}/health/live`)).toBe(200);

    // The operator starts the server again (same folder and port); the simulator reconnects by itself.
    await until('the server back', async () => {
      pg = await startEmbeddedPostgres({ dir, port });
      return true;
    });
    await until('an answer after the restart', async () => l.outcomes.some((o) => o.kind === 'read' && o.status === 200 && o.at > killedAt + 3000));
    await l.stop();

    expectOutageHandled(l.outcomes, killedAt);
    await expectServingAgain(sim, token);
    await sim.waitForLine(/AfleveringWorker.*recovered/, 15_000);
    expect(sim.lines.filter((x) => /unhandled|Called end on pool/.test(x))).toEqual([]);
    expect(await sim.stop()).toBe(0);
  }, 120_000);
});
