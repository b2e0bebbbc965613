import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { VOLGORDE_LOCK } from '../src/berichten/berichten-volgorde.service';
import { createApp } from '../src/bootstrap';
import { JsonLogger } from '../src/common/logging/json-logger';
import { loadConfig } from '../src/config/app-config';
import { bearer, demo, tokenFor } from './support/auth';
import { createTestApp, TestApp } from './support/test-app';
import { databaseUrl } from './support/test-database';

type Json = Record<string, any>;

/**
 * Several instances behind a load balancer on one PostgreSQL: two apps on the same database, each with its own
 * connection pool and background workers, take submissions, retries, clock moves and webhook subscriptions in turn.
 */
describe('two instances on one PostgreSQL', () => {
  const WORKERS = { WORKERS_ENABLED: 'true', WORKER_POLL_MS: '50', KLOK_TICK_MS: '200', WEBHOOK_BACKOFF_BASE_MS: '100', WEBHOOK_BACKOFF_MAX_MS: '500', LOG_LEVEL: 'silent' };
  let a: TestApp;
  let bApp: NestFastifyApplication;
  let receiver: Server;
  let receiverUrl: string;
  const received: Json[] = [];
  let admin: string;
  const SANDBOX = 'twee-instanties';
  const PUPILS = 24;

  const http = (i: number) => (i % 2 === 0 ? a.http() : request(bApp.getHttpServer()));
  const db = () => a.db;

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        received.push(JSON.parse(body));
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhook`;

    a = await createTestApp(WORKERS);
    const config = loadConfig({ DB_POOL_SIZE: '10', ...WORKERS, DATABASE_URL: databaseUrl(a.databaseName) });
    bApp = await createApp(config, new JsonLogger('silent'));
    await bApp.getHttpAdapter().getInstance().ready();

    admin = await tokenFor(a, 'demo-beheer');
    const created = await http(1).post('/beheer/v1/sandboxes').set(bearer(admin)).send({ code: SANDBOX, seed: 'small', clientIds: ['las-alfa'] });
    expect(created.status).toBe(201);
  });
  afterAll(async () => {
    await bApp?.close();
    await a?.close();
    await new Promise((r) => receiver?.close(r));
  });

  const vendorToken = async (i: number, sandbox = SANDBOX) => {
    const res = await http(i).post('/oauth/token').type('form').send({ grant_type: 'client_credentials', client_id: 'las-alfa', client_secret: demo['las-alfa'].secret, sandbox });
    expect(res.status).toBe(200);
    return res.body.access_token as string;
  };

  const inschrijving = (bsn: string, datum: string) => ({
    bedrijfsdocument: { identificatiecodeBedrijfsdocument: randomUUID(), datumTijdBedrijfsdocument: '2027-01-20T09:00:00Z' },
    instellingscode: '01AA',
    persoonsgebondenNummer: { burgerservicenummer: bsn },
    inschrijvingvolgnummer: '1',
    datumInschrijving: datum,
    nNCA: '1',
    inschrijvingPeriodeBO: [{ datumBegin: datum, vestigingscode: '01AA00', onderwijsaanbiedercode: '100A001', onderwijslocatiecode: '100X001', groep: '1' }],
  });

  const waitUntil = async (what: () => Promise<boolean>, state: () => Promise<unknown>, ms = 20_000) => {
    const t0 = Date.now();
    while (!(await what())) {
      if (Date.now() - t0 > ms) throw new Error(`timed out: ${JSON.stringify(await state())}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  it('share one sandbox clock, submissions, retries across instances, webhooks and the feed: every effect once, in order', async () => {
    const tokens = [await vendorToken(0), await vendorToken(1)];
    const token = (i: number) => tokens[i % 2];

    // The clock, frozen through one instance, is the clock of the other.
    const frozen = await http(0).put(`/beheer/v1/sandboxes/${SANDBOX}/klok`).set(bearer(admin)).send({ mode: 'FROZEN', now: '2027-01-20T10:00:00Z' });
    expect(frozen.status).toBe(200);
    expect((await http(1).get(`/beheer/v1/sandboxes/${SANDBOX}/klok`).set(bearer(token(1)))).body).toMatchObject({ mode: 'FROZEN', now: '2027-01-20T10:00:00.000Z' });

    const feed = async (i: number) => {
      const out: Json[] = [];
      let vanaf = '0';
      for (;;) {
        const page = await http(i).get(`/rod/v1/berichten?vanaf=${vanaf}&limit=100`).set(bearer(token(i)));
        expect(page.status).toBe(200);
        out.push(...page.body.berichten);
        vanaf = page.body.volgendeCursor;
        if (!page.body.meer) return out;
      }
    };
    // Every event committed gets its feed position (a single sequencer, whichever instance runs it).
    const unpositioned = async () =>
      ((await db().query(`SELECT count(*)::int AS n FROM outbox_event WHERE feed_positie IS NULL AND sandbox_id = (SELECT id FROM sandbox WHERE code = $1)`, [SANDBOX])) as { n: number }[])[0].n;
    // What the feed held before the subscriptions: a subscription receives what happens from its creation on.
    await waitUntil(async () => (await unpositioned()) === 0, async () => ({ unpositioned: await unpositioned() }));
    const before = new Set((await feed(0)).map((e) => e.id));

    // A webhook subscription through each instance.
    const subs: string[] = [];
    for (const i of [0, 1]) {
      const sub = await http(i).post('/rod/v1/webhook-abonnementen').set(bearer(token(i))).send({ url: `${receiverUrl}?sub=${i}` });
      expect(sub.status).toBe(201);
      subs.push(sub.body.abonnementId);
    }

    // Pupils added to the register through both instances.
    const bsns: string[] = [];
    for (let i = 0; i < PUPILS; i++) {
      const p = await http(i).post('/rod/v1/personen').set(bearer(await tokenFor(a, 'demo-beheer', undefined, { sandbox: SANDBOX }))).send({ geboortedatum: '2019-03-01', geslacht: i % 2 ? 'M' : 'V', achternaam: `Twee${i}` });
      expect(p.status).toBe(201);
      bsns.push(p.body.burgerservicenummer);
    }

    // Every submission: first try to one instance, the retry (same Idempotency-Key) to the other, and a third copy
    // with the same key to both at once.
    const answers = await Promise.all(
      bsns.map(async (bsn, i) => {
        const key = randomUUID();
        const body = inschrijving(bsn, '2027-01-19');
        const first = await http(i).post('/rod/v1/inschrijvingen').set(bearer(token(i))).set('Idempotency-Key', key).send(body);
        const retry = await http(i + 1).post('/rod/v1/inschrijvingen').set(bearer(token(i + 1))).set('Idempotency-Key', key).send(body);
        const together = await Promise.all([0, 1].map((j) => http(j).post('/rod/v1/inschrijvingen').set(bearer(token(j))).set('Idempotency-Key', key).send(body)));
        return { first, retry, together };
      }),
    );
    for (const { first, retry, together } of answers) {
      expect(first.status).toBe(201);
      expect(retry.status).toBe(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body).toEqual(first.body);
      for (const t of together) expect([201, 409]).toContain(t.status);
    }
    const rows: { n: number; versies: number }[] = await db().query(
      `SELECT count(DISTINCT i.id)::int AS n, count(v.*)::int AS versies FROM rod_inschrijving i JOIN rod_inschrijving_versie v ON v.inschrijving_id = i.id
        WHERE i.sandbox_id = (SELECT id FROM sandbox WHERE code = $1) AND i.persoon_id IN (SELECT id FROM rod_persoon WHERE burgerservicenummer = ANY($2))`,
      [SANDBOX, bsns],
    );
    expect(rows[0]).toEqual({ n: PUPILS, versies: PUPILS });

    // The clock moved through the other instance: the teldatum of 1 February runs once, and both instances see it.
    const moved = await http(1).post(`/beheer/v1/sandboxes/${SANDBOX}/klok/verschuivingen`).set(bearer(token(1))).send({ tot: '2027-02-01T08:00:00Z' });
    expect(moved.status).toBe(200);
    for (const i of [0, 1]) expect((await http(i).get(`/beheer/v1/sandboxes/${SANDBOX}/klok`).set(bearer(token(i)))).body).toMatchObject({ now: '2027-02-01T08:00:00.000Z', vandaag: '2027-02-01' });
    const teldatum: { n: number }[] = await db().query(
      `SELECT count(*)::int AS n FROM bekostigingsstatus s JOIN rod_inschrijving i ON i.id = s.inschrijving_id
        WHERE i.sandbox_id = (SELECT id FROM sandbox WHERE code = $1) AND s.teldatum = '2027-02-01' AND i.persoon_id IN (SELECT id FROM rod_persoon WHERE burgerservicenummer = ANY($2))`,
      [SANDBOX, bsns],
    );
    expect(teldatum[0].n).toBe(PUPILS);

    // The feed reads the same through both instances, in order, without gaps or repeats.
    await waitUntil(async () => (await unpositioned()) === 0, async () => ({ unpositioned: await unpositioned() }));
    const feedA = await feed(0);
    const feedB = await feed(1);
    expect(feedB.map((e) => e.id)).toEqual(feedA.map((e) => e.id));
    const positions = feedA.map((e) => BigInt(e.sequence));
    for (let k = 1; k < positions.length; k++) expect(positions[k] > positions[k - 1]).toBe(true);
    expect(new Set(feedA.map((e) => e.id)).size).toBe(feedA.length);

    // Every event delivered once to each subscription, although both instances run delivery workers.
    await waitUntil(async () => {
      const [{ n }]: { n: number }[] = await db().query(`SELECT count(*)::int AS n FROM webhook_aflevering WHERE abonnement_id = ANY($1) AND status <> 'GELEVERD'`, [subs]);
      return n === 0 && received.length >= 2 * feedA.filter((e) => !before.has(e.id)).length;
    }, async () => ({ received: received.length, feed: feedA.length, deliveries: await db().query(`SELECT status, count(*)::int FROM webhook_aflevering GROUP BY 1`) }));
    await new Promise((r) => setTimeout(r, 500));
    const expected = feedA.filter((e) => !before.has(e.id));
    expect(expected.length).toBeGreaterThanOrEqual(2 * PUPILS);
    expect(received.length).toBe(2 * expected.length);
    const perEvent = new Map<string, number>();
    for (const e of received) perEvent.set(e.id, (perEvent.get(e.id) ?? 0) + 1);
    expect([...perEvent.values()].every((n) => n === 2)).toBe(true);
    expect([...perEvent.keys()].sort()).toEqual(expected.map((e) => e.id).sort());
  });

  /** One scrape of GET /metrics: the value of a sample by name and labels (0 when the series does not exist yet). */
  const scrape = async () => {
    const res = await a.http().get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const samples = new Map<string, number>();
    for (const line of res.text.split('\n')) {
      const m = /^(\w+)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!m) continue;
      const labels = [...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, k, v]) => `${k}=${v}`).sort();
      samples.set(`${m[1]}{${labels.join(',')}}`, Number(m[3]));
    }
    const value = (name: string, labels: Record<string, string> = {}) =>
      samples.get(`${name}{${Object.entries(labels).map(([k, v]) => `${k}=${v}`).sort().join(',')}}`) ?? 0;
    return { text: res.text, value };
  };
  const count = async (sql: string, params: unknown[] = []) => ((await db().query(sql, params)) as { n: number }[])[0].n;

  it('serves Prometheus metrics: requests by route and status with latency, backlog and recompute durations', async () => {
    // Its own sandbox, clock frozen: a failed delivery's next attempt (sandbox time) never comes, so it stays WACHTEND.
    const sandbox = 'metrieken';
    expect((await a.http().post('/beheer/v1/sandboxes').set(bearer(admin)).send({ code: sandbox, seed: 'small', clientIds: ['las-alfa'] })).status).toBe(201);
    expect((await a.http().put(`/beheer/v1/sandboxes/${sandbox}/klok`).set(bearer(admin)).send({ mode: 'FROZEN', now: '2027-01-20T10:00:00Z' })).status).toBe(200);
    const token = await vendorToken(0, sandbox);
    const beheer = await tokenFor(a, 'demo-beheer', undefined, { sandbox });
    // A subscription to an endpoint that does not answer: a port nothing listens on any more.
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const sub = await a.http().post('/rod/v1/webhook-abonnementen').set(bearer(token)).send({ url: `http://127.0.0.1:${port}/webhook` });
    expect(sub.status).toBe(201);
    const bsns: string[] = [];
    for (let i = 0; i < 3; i++) {
      const p = await a.http().post('/rod/v1/personen').set(bearer(beheer)).send({ geboortedatum: '2019-03-01', geslacht: 'V', achternaam: `Metriek${i}` });
      expect(p.status).toBe(201);
      bsns.push(p.body.burgerservicenummer);
    }

    const route = { method: 'POST', route: '/rod/v1/inschrijvingen' };
    const ok = { ...route, status: '201' };
    const invalid = { ...route, status: '400' };
    const before = await scrape();
    // The sequencer is held off (its lock taken here), so the events these submissions commit (their status for the open
    // teldatum of 1 January) stay unpositioned.
    const lock = db().createQueryRunner();
    await lock.connect();
    let during: Awaited<ReturnType<typeof scrape>>;
    let unpositioned: number;
    try {
      await lock.query('SELECT pg_advisory_lock($1)', [VOLGORDE_LOCK]);
      for (const bsn of bsns) expect((await a.http().post('/rod/v1/inschrijvingen').set(bearer(token)).send(inschrijving(bsn, '2026-12-15'))).status).toBe(201);
      expect((await a.http().post('/rod/v1/inschrijvingen').set(bearer(token)).send({ instellingscode: '01AA' })).status).toBe(400);
      const outboxSql = 'SELECT count(*)::int AS n FROM outbox_event WHERE feed_positie IS NULL';
      unpositioned = await count(outboxSql);
      during = await scrape();
      expect(await count(outboxSql)).toBe(unpositioned);
    } finally {
      await lock.query('SELECT pg_advisory_unlock_all()');
      await lock.release();
    }
    expect(unpositioned).toBeGreaterThanOrEqual(bsns.length);
    expect(during.value('rodsim_outbox_unpositioned_events')).toBe(unpositioned);

    // Requests by route pattern and status, and their latency, grow by exactly what was sent.
    const grew = (name: string, labels: Record<string, string>) => during.value(name, labels) - before.value(name, labels);
    expect(grew('rodsim_http_requests_total', ok)).toBe(bsns.length);
    expect(grew('rodsim_http_requests_total', invalid)).toBe(1);
    for (const [labels, n] of [[ok, bsns.length], [invalid, 1]] as const) {
      expect(grew('rodsim_http_request_duration_seconds_count', labels)).toBe(n);
      expect(grew('rodsim_http_request_duration_seconds_bucket', { ...labels, le: '+Inf' })).toBe(n);
      expect(grew('rodsim_http_request_duration_seconds_sum', labels)).toBeGreaterThan(0);
    }
    // Each submission sent alone is a group of one.
    expect(grew('rodsim_write_group_size_sum', {})).toBe(bsns.length);

    // Let go, the events are positioned and fanned out; the first attempt fails and the deliveries wait.
    const ours = `SELECT count(*)::int AS n FROM webhook_aflevering WHERE abonnement_id = $1 AND pogingen_totaal > 0`;
    await waitUntil(async () => (await count('SELECT count(*)::int AS n FROM outbox_event WHERE feed_positie IS NULL')) === 0 && (await count(ours, [sub.body.abonnementId])) >= bsns.length,
      async () => db().query('SELECT status, pogingen_totaal, count(*)::int FROM webhook_aflevering GROUP BY 1, 2'));
    const wachtend = await count(`SELECT count(*)::int AS n FROM webhook_aflevering WHERE status = 'WACHTEND'`);
    const dead = await count(`SELECT count(*)::int AS n FROM webhook_aflevering WHERE status = 'DEAD_LETTER'`);
    const after = await scrape();
    expect(await count(`SELECT count(*)::int AS n FROM webhook_aflevering WHERE status = 'WACHTEND'`)).toBe(wachtend);
    expect(wachtend).toBeGreaterThanOrEqual(bsns.length);
    expect(after.value('rodsim_webhook_deliveries', { status: 'WACHTEND' })).toBe(wachtend);
    expect(after.value('rodsim_webhook_deliveries', { status: 'DEAD_LETTER' })).toBe(dead);
    expect(after.value('rodsim_outbox_unpositioned_events')).toBe(0);
    expect(after.value('rodsim_webhook_oldest_waiting_seconds')).toBeGreaterThan(0);

    // A recompute of the sandbox (one chunk of persons at this size) is observed, and took no longer than its answer says.
    const herberekening = await a.http().post(`/beheer/v1/sandboxes/${sandbox}/bekostiging/herberekeningen`).set(bearer(admin));
    expect(herberekening.status).toBe(200);
    const recomputed = await scrape();
    const chunk = { bereik: 'personen', outcome: 'ok' };
    expect(recomputed.value('rodsim_bekostiging_recompute_duration_seconds_count', chunk) - after.value('rodsim_bekostiging_recompute_duration_seconds_count', chunk)).toBe(1);
    const seconds = recomputed.value('rodsim_bekostiging_recompute_duration_seconds_sum', chunk) - after.value('rodsim_bekostiging_recompute_duration_seconds_sum', chunk);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual((herberekening.body.duurMs + 1) / 1000);

    // No sandbox, client, id or person number in any label.
    // (Only the labels are checked: a metric's value, such as a byte count, may hold any digits.)
    const labels = (recomputed.text.match(/\{[^}]*\}/g) ?? []).join('\n');
    expect(labels.length).toBeGreaterThan(0);
    expect(labels).not.toMatch(/twee-instanties|metrieken|las-alfa|\d{9}|[0-9a-f]{8}-[0-9a-f]{4}-/);
  });
});
