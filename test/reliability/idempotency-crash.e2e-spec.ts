import { Client } from 'pg';
import { bearer, tokenFor } from '../support/auth';
import { ChildSimulator, startChildSimulator } from '../support/child-simulator';
import { expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';
import { databaseUrl } from '../support/test-database';

/**
 * An Idempotency-Key claim belongs to the live request holding it. Two instances on one database: the request runs on
 * a simulator process of its own (held up on a table lock), which is killed with SIGKILL mid-request; the retry with
 * the same key to the other instance runs at once (no 409 while a dead request's claim lingers), and exactly once.
 */
describe('Idempotency-Key after a crash (kill -9)', () => {
  let t: TestApp;
  let child: ChildSimulator | undefined;
  let admin: string;
  const body = { clientId: 'las-crash', naam: 'las-crash', role: 'LEVERANCIER', oin: '00000003555555550000' };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await tokenFor(t, 'demo-beheer');
  });
  afterAll(async () => {
    await child?.stop();
    await t.close();
  });

  it('a retry after the first request’s process was killed proceeds at once and the write happens once', async () => {
    child = await startChildSimulator({ DATABASE_URL: databaseUrl(t.databaseName), WORKERS_ENABLED: 'false' });
    await child.waitForLine(/"msg":"ready"/);

    // Hold up inserts of clients (reads go on), so the request is in flight when its process dies.
    const locker = new Client({ connectionString: databaseUrl(t.databaseName) });
    locker.on('error', () => undefined);
    await locker.connect();
    const [{ pid: lockerPid }] = (await locker.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows;
    const blockedByLocker = `SELECT pid FROM pg_stat_activity WHERE $1 = ANY (pg_blocking_pids(pid))`;
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE api_client IN SHARE MODE');

    const inFlight = fetch(`${child.base}/beheer/v1/clients`, {
      method: 'POST',
      headers: { ...bearer(admin), 'Content-Type': 'application/json', 'Idempotency-Key': 'crash-1' },
      body: JSON.stringify(body),
    }).catch((e: Error) => e);
    for (let i = 0; ; i++) {
      const rows: unknown[] = await t.db.query(`SELECT 1 FROM idempotency_key WHERE idempotency_key = 'crash-1' AND state = 'started'`);
      const waiting: unknown[] = await t.db.query(blockedByLocker, [lockerPid]);
      if (rows.length && waiting.length) break;
      if (i > 200) throw new Error('the request did not get under way');
      await new Promise((r) => setTimeout(r, 50));
    }

    // While it lives, the same key on the other instance is "in progress".
    expectProblem(await t.http().post('/beheer/v1/clients').set(bearer(admin)).set('Idempotency-Key', 'crash-1').send(body), 409, 'idempotency_request_in_progress');

    child.proc.kill('SIGKILL');
    await child.stop();
    const answer = await inFlight;
    expect(answer).not.toHaveProperty('status'); // no answer: the connection broke
    // The dead process's statement still waits on the table lock inside PostgreSQL; end it as the server would on
    // noticing the lost client, then let inserts go on.
    await t.db.query(`SELECT pg_terminate_backend(pid) FROM (${blockedByLocker}) b`, [lockerPid]);
    await locker.query('COMMIT');
    await locker.end();

    // The claim is still there, started, by nobody alive.
    const [claim] = await t.db.query(`SELECT state FROM idempotency_key WHERE idempotency_key = 'crash-1'`);
    expect(claim.state).toBe('started');

    const retry = await t.http().post('/beheer/v1/clients').set(bearer(admin)).set('Idempotency-Key', 'crash-1').send(body);
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    const again = await t.http().post('/beheer/v1/clients').set(bearer(admin)).set('Idempotency-Key', 'crash-1').send(body);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(retry.body);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM api_client WHERE client_id = 'las-crash'`);
    expect(n).toBe(1);
    expect(t.logs.some((l) => l.includes('idempotency claim taken over'))).toBe(true);
  }, 90_000);
});
