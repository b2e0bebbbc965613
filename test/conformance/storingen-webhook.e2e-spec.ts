import { AfleveringWorker } from '../../src/berichten';
import { bearer, tokenFor } from '../support/auth';
import { createTestApp, TestApp } from '../support/test-app';
import { sandboxId, schrijfEvents, startOntvanger, wachtTot } from '../berichten/berichten-support';
import { zetKlok } from '../rod/rod-support';

const ENV = { WEBHOOK_BACKOFF_BASE_MS: '20', WEBHOOK_BACKOFF_MAX_MS: '100', WEBHOOK_MAX_ATTEMPTS: '3', WEBHOOK_TIMEOUT_MS: '300' };

describe('conformance storingen on pushes: webhook deliveries held back or failing for a window on the sandbox clock', () => {
  let t: TestApp;
  let alfa: string;
  let beheer: string;
  let sandbox: string;
  let worker: AfleveringWorker;
  beforeAll(async () => {
    t = await createTestApp(ENV);
    await zetKlok(t, '2025-09-01');
    alfa = await tokenFor(t, 'las-alfa');
    beheer = await tokenFor(t, 'demo-beheer');
    sandbox = await sandboxId(t);
    worker = t.app.get(AfleveringWorker);
  });
  afterEach(async () => {
    await t.db.query('DELETE FROM webhook_abonnement');
    await t.db.query('DELETE FROM conformance_storing');
  });
  afterAll(() => t.close());

  const abonneer = async (url: string) => (await t.http().post('/rod/v1/webhook-abonnementen').set(bearer(alfa)).send({ url }).expect(201)).body;
  const storing = (body: object) => t.http().post('/conformance/v1/storingen').set(bearer(alfa)).send(body);

  it('WEBHOOK_UITSTEL holds deliveries back until the window ends on the sandbox clock, then they all go out', async () => {
    const o = await startOntvanger();
    try {
      await abonneer(o.url);
      const s = await storing({ soort: 'WEBHOOK_UITSTEL', tot: '2025-09-01T12:00:00Z' });
      expect(s.status).toBe(201);
      const ids = await schrijfEvents(t, sandbox, '01AA', 3);
      for (let i = 0; i < 5; i++) await worker.runRound();
      await new Promise((r) => setTimeout(r, 100));
      expect(o.ontvangen).toHaveLength(0);
      await zetKlok(t, '2025-09-02');
      await wachtTot(() => ids.every((id) => o.ontvangen.some((x) => x.json.id === id)), () => worker.runRound());
    } finally {
      await o.close();
    }
  });

  it('WEBHOOK_MISLUKT fails every attempt without reaching the receiver, to dead letter; removing the storing ends it', async () => {
    await zetKlok(t, '2025-09-01');
    const o = await startOntvanger();
    try {
      const sub = await abonneer(o.url);
      const s = await storing({ soort: 'WEBHOOK_MISLUKT', tot: '2025-09-01T12:00:00Z' });
      const [id] = await schrijfEvents(t, sandbox, '01AA', 1);
      const log = async () => (await t.http().get(`/rod/v1/webhook-abonnementen/${sub.abonnementId}/afleveringen`).set(bearer(alfa)).expect(200)).body.items;
      // Retries follow the sandbox clock: walk it on a second per round (still inside the window).
      const verder = async () => {
        await t.http().post('/beheer/v1/sandboxes/default/klok/verschuivingen').set(bearer(beheer)).send({ duur: 'PT1S' }).expect(200);
        await worker.runRound();
      };
      const dood = await wachtTot(async () => (await log()).find((a: any) => a.eventId === id && a.status === 'DEAD_LETTER'), verder);
      expect(dood.pogingLog[0].fout).toContain('simulated push outage');
      expect(o.ontvangen).toHaveLength(0);
      await t.http().delete(`/conformance/v1/storingen/${s.body.id}`).set(bearer(alfa)).expect(204);
      const [id2] = await schrijfEvents(t, sandbox, '01AA', 1);
      await wachtTot(() => o.ontvangen.some((x) => x.json.id === id2), () => worker.runRound());
    } finally {
      await o.close();
    }
  });

  it('a webhook storing needs its end and cannot start later', async () => {
    const res = await storing({ soort: 'WEBHOOK_MISLUKT', vanaf: '2025-09-01T11:00:00Z' });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: any) => e.pointer).sort()).toEqual(['/tot', '/vanaf']);
  });
});
