import { AfleveringWorker, BerichtenVolgorde, verifieer } from '../../src/berichten';
import { createApp } from '../../src/bootstrap';
import { JsonLogger } from '../../src/common/logging/json-logger';
import { loadConfig } from '../../src/config/app-config';
import { bearer, tokenFor } from '../support/auth';
import { expectInvalid, expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';
import { databaseUrl } from '../support/test-database';
import { sandboxId, schrijfEvents, startOntvanger, wachtTot } from './berichten-support';

const ENV = { WEBHOOK_BACKOFF_BASE_MS: '20', WEBHOOK_BACKOFF_MAX_MS: '200', WEBHOOK_MAX_ATTEMPTS: '3', WEBHOOK_TIMEOUT_MS: '300' };

describe('berichten: signed webhooks with retries, dead letter and redelivery', () => {
  let t: TestApp;
  let alfa: string;
  let beta: string;
  let sandbox: string;
  let worker: AfleveringWorker;
  const open: { close: () => Promise<void> }[] = [];

  beforeAll(async () => {
    t = await createTestApp(ENV);
    [alfa, beta] = [await tokenFor(t, 'las-alfa'), await tokenFor(t, 'las-beta')];
    sandbox = await sandboxId(t);
    worker = t.app.get(AfleveringWorker);
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((o) => o.close()));
    await t.db.query('DELETE FROM webhook_abonnement');
  });
  afterAll(() => t.close());

  async function ontvanger(...args: Parameters<typeof startOntvanger>) {
    const o = await startOntvanger(...args);
    open.push(o);
    return o;
  }

  async function abonneer(token: string, url: string, extra: object = {}) {
    const res = await t.http().post('/rod/v1/webhook-abonnementen').set(bearer(token)).send({ url, ...extra });
    expect(res.status).toBe(201);
    return res.body as { abonnementId: string; geheim: string };
  }

  const log = async (token: string, id: string, q = '') => (await t.http().get(`/rod/v1/webhook-abonnementen/${id}/afleveringen${q}`).set(bearer(token))).body;
  const ronde = () => worker.runRound();

  it('subscribes, shows the secret once, lists and deletes', async () => {
    const sub = await abonneer(alfa, 'https://las.example.nl/hook', { types: ['nl.duo.rod.bekostigingsstatus-gewijzigd'] });
    expect(sub).toMatchObject({ url: 'https://las.example.nl/hook', types: ['nl.duo.rod.bekostigingsstatus-gewijzigd'], clientId: 'las-alfa', geheim: expect.stringMatching(/^whsec_/) });
    const read = await t.http().get(`/rod/v1/webhook-abonnementen/${sub.abonnementId}`).set(bearer(alfa));
    expect(read.status).toBe(200);
    expect(read.body.geheim).toBeUndefined();
    const list = await t.http().get('/rod/v1/webhook-abonnementen').set(bearer(alfa));
    expect(list.body.items.map((x: any) => x.abonnementId)).toEqual([sub.abonnementId]);
    expect((await t.http().get('/rod/v1/webhook-abonnementen').set(bearer(beta))).body.items).toEqual([]);
    expectProblem(await t.http().get(`/rod/v1/webhook-abonnementen/${sub.abonnementId}`).set(bearer(beta)), 404, 'webhook_abonnement_onbekend');
    const del = await t.http().delete(`/rod/v1/webhook-abonnementen/${sub.abonnementId}`).set(bearer(alfa));
    expect(del.status).toBe(204);
    expectProblem(await t.http().get(`/rod/v1/webhook-abonnementen/${sub.abonnementId}`).set(bearer(alfa)), 404, 'webhook_abonnement_onbekend');
  });

  it('rejects a bad URL and an unknown type at once', async () => {
    const res = await t.http().post('/rod/v1/webhook-abonnementen').set(bearer(alfa)).send({ url: 'ftp://x', types: ['nl.duo.iets'] });
    expectInvalid(res, [{ pointer: '/url' }, { pointer: '/types' }]);
    // a type named twice is a mistake in the request, not a subscription listing it twice
    const dubbel = await t.http().post('/rod/v1/webhook-abonnementen').set(bearer(alfa)).send({ url: 'https://las.example.nl/hook', types: ['nl.duo.rod.melding', 'nl.duo.rod.melding'] });
    expectInvalid(dubbel, [{ pointer: '/types', code: 'array_unique' }]);
  });

  it('delivers the events of mandated schools as signed CloudEvents the receiver can verify', async () => {
    const o = await ontvanger();
    const sub = await abonneer(alfa, o.url);
    const ids = await schrijfEvents(t, sandbox, '01AA', 3);
    await schrijfEvents(t, sandbox, '02AA', 2); // not las-alfa's school
    await wachtTot(() => o.ontvangen.length >= 3, ronde);
    await worker.runUntilIdle();
    expect(o.ontvangen.map((x) => x.json.id)).toEqual(ids);
    for (const x of o.ontvangen) {
      expect(x.headers['content-type']).toBe('application/cloudevents+json');
      expect(x.headers['rod-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      expect(verifieer(x.headers['rod-signature'] as string, sub.geheim, x.body)).toBe(true);
      expect(verifieer(x.headers['rod-signature'] as string, 'whsec_wrong', x.body)).toBe(false);
      expect(x.json).toMatchObject({ specversion: '1.0', source: 'urn:nld:oin:00000001800866472000:systeem:rod-po', type: 'nl.duo.rod.kennisgeving-in-uitschrijving', datacontenttype: 'application/json' });
    }
    const l = await log(alfa, sub.abonnementId);
    expect(l.items).toHaveLength(3);
    expect(l.items[0]).toMatchObject({ status: 'GELEVERD', pogingen: 1, pogingLog: [expect.objectContaining({ nummer: 1, statusCode: 200, fout: null })] });
  });

  it('a subscription receives what happens from its creation on, also while earlier events still wait for their position', async () => {
    const o = await ontvanger();
    // committed before the subscription, not yet positioned by the sequencer (no worker round ran)
    const eerder = await schrijfEvents(t, sandbox, '01AA', 2);
    await abonneer(alfa, o.url);
    const later = await schrijfEvents(t, sandbox, '01AA', 1);
    await wachtTot(() => o.ontvangen.length >= 1, ronde);
    await worker.runUntilIdle();
    expect(o.ontvangen.map((x) => x.json.id)).toEqual(later);
    // the earlier ones are in the feed, as the README says
    const feed = await t.http().get('/rod/v1/berichten?vanaf=0&limit=100').set(bearer(alfa));
    expect(feed.body.berichten.map((b: { id: string }) => b.id)).toEqual(expect.arrayContaining([...eerder, ...later]));
  });

  it('retries a failure and a timeout with backoff, then delivers', async () => {
    const o = await ontvanger((_, n) => (n === 1 ? 500 : n === 2 ? 'hang' : 204));
    const sub = await abonneer(alfa, o.url);
    const [id] = await schrijfEvents(t, sandbox, '01AB', 1);
    const geleverd = await wachtTot(async () => {
      const l = await log(alfa, sub.abonnementId, '?status=GELEVERD');
      return l.items.length === 1 && l.items[0];
    }, ronde);
    expect(geleverd).toMatchObject({ eventId: id, pogingen: 3 });
    expect(geleverd.pogingLog.map((p: any) => [p.nummer, p.statusCode])).toEqual([
      [3, 204],
      [2, null],
      [1, 500],
    ]);
    expect(geleverd.pogingLog[1].fout).toMatch(/timeout/);
    expect(o.ontvangen.map((x) => x.json.id)).toEqual([id, id, id]);
  });

  it('dead-letters after the attempt limit; a manual redelivery delivers the same event id', async () => {
    const o = await ontvanger(() => 503);
    const sub = await abonneer(alfa, o.url);
    const [id] = await schrijfEvents(t, sandbox, '01AA', 1);
    const dood = await wachtTot(async () => (await log(alfa, sub.abonnementId, '?status=DEAD_LETTER')).items[0], ronde);
    expect(dood).toMatchObject({ eventId: id, status: 'DEAD_LETTER', pogingen: 3, volgendePogingOp: null });
    expect(o.ontvangen).toHaveLength(3);
    await ronde();
    expect(o.ontvangen).toHaveLength(3);

    o.zetGedrag(() => 200);
    const res = await t.http().post(`/rod/v1/webhook-abonnementen/${sub.abonnementId}/afleveringen/${dood.afleveringId}/herleveringen`).set(bearer(alfa));
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ afleveringId: dood.afleveringId, status: 'WACHTEND', pogingen: 0 });
    await wachtTot(() => o.ontvangen.length === 4, ronde);
    expect(o.ontvangen[3].json.id).toBe(id);
    const na = await log(alfa, sub.abonnementId);
    expect(na.items[0]).toMatchObject({ status: 'GELEVERD', pogingen: 1 });
    expect(na.items[0].pogingLog.map((p: any) => p.nummer)).toEqual([4, 3, 2, 1]);
    expectProblem(await t.http().post(`/rod/v1/webhook-abonnementen/${sub.abonnementId}/afleveringen/999999/herleveringen`).set(bearer(alfa)), 404, 'webhook_aflevering_onbekend');
  });

  it('keeps the order per pupil: a later event waits while an earlier one of the same pupil is being retried', async () => {
    const o = await ontvanger((req, n) => (req.json.data.orderingKey === 'pupil-a' && n <= 2 ? 500 : 200));
    await abonneer(alfa, o.url);
    const a = await schrijfEvents(t, sandbox, '01AA', 3, 'pupil-a');
    const b = await schrijfEvents(t, sandbox, '01AA', 2, 'pupil-b');
    await wachtTot(() => new Set(o.ontvangen.filter((x) => x.headers).map((x) => x.json.id)).size === 5, ronde);
    const firstSeen = (ids: string[]) => ids.map((id) => o.ontvangen.findIndex((x) => x.json.id === id));
    const posA = firstSeen(a);
    expect([...posA].sort((x, y) => x - y)).toEqual(posA);
    // pupil-b was not held up by pupil-a's failures.
    expect(Math.max(...firstSeen(b))).toBeLessThan(Math.max(...posA));
    // The second event of pupil-a only after the first was delivered.
    const deliveredFirstA = o.ontvangen.map((x, i) => [x.json.id, i] as const).filter(([id]) => id === a[0]).pop()![1];
    expect(posA[1]).toBeGreaterThan(deliveredFirstA);
  });

  it('several instances side by side deliver every event once; a crashed claim is picked up after its lease', async () => {
    const o = await ontvanger();
    await abonneer(alfa, o.url);
    // An event committed while no worker runs ("crash between commit and delivery") ...
    const eerder = await schrijfEvents(t, sandbox, '01AA', 5, 'crash');
    // ... and a delivery claimed by an instance that died: its lease has run out.
    await t.app.get(BerichtenVolgorde).positionAll();
    const claimed = await t.db.query(`UPDATE webhook_aflevering SET geclaimd_tot = now() - interval '1 second', pogingen = 1 WHERE event_id = $1 RETURNING id`, [eerder[0]]);
    expect(claimed[1]).toBe(1);

    const meer = await Promise.all(['p1', 'p2', 'p3', 'p4'].map((k) => schrijfEvents(t, sandbox, '01AB', 10, k)));
    // A generous delivery timeout: on a loaded machine a 300 ms timeout lets a delivery that did arrive count as failed
    // and be sent again, a duplicate the receiver is allowed to see but that this test counts.
    const config = loadConfig({
      LOG_LEVEL: 'error', DB_POOL_SIZE: '5', SEED_ON_START: 'false', WORKERS_ENABLED: 'true', WORKER_POLL_MS: '10', ...ENV, WEBHOOK_TIMEOUT_MS: '10000',
      DATABASE_URL: databaseUrl(t.databaseName),
    });
    const tweede = await createApp(config, new JsonLogger('error'));
    const derde = await createApp(config, new JsonLogger('error'));
    try {
      const alle = [...eerder, ...meer.flat()];
      await wachtTot(() => alle.every((id) => o.ontvangen.some((x) => x.json.id === id)), undefined, 20_000);
      const perId = new Map<string, number>();
      for (const x of o.ontvangen) perId.set(x.json.id, (perId.get(x.json.id) ?? 0) + 1);
      expect([...perId.values()].every((n) => n === 1)).toBe(true);
      // Per pupil, in order.
      for (const ids of meer) expect(o.ontvangen.filter((x) => ids.includes(x.json.id)).map((x) => x.json.id)).toEqual(ids);
    } finally {
      await tweede.close();
      await derde.close();
    }
  });
});
