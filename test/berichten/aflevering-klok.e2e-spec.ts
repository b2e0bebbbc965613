import { AfleveringWorker, BerichtenVolgorde } from '../../src/berichten';
import { bearer, tokenFor } from '../support/auth';
import { createTestApp, TestApp } from '../support/test-app';
import { sandboxId, schrijfEvents, startOntvanger, wachtTot } from './berichten-support';

/** The default retry schedule (30 s doubling to 1 h, 8 attempts) and a long timeout, as a vendor meets them. */
const ENV = { WEBHOOK_TIMEOUT_MS: '60000' };

describe('berichten: deliveries run side by side, retries follow the sandbox clock', () => {
  let t: TestApp;
  let admin: string;
  let alfa: string;
  let beta: string;
  let sandbox: string;
  let worker: AfleveringWorker;
  const open: { close: () => Promise<void> }[] = [];

  beforeAll(async () => {
    t = await createTestApp(ENV);
    [admin, alfa, beta] = [await tokenFor(t, 'demo-beheer'), await tokenFor(t, 'las-alfa'), await tokenFor(t, 'las-beta')];
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

  async function abonneer(token: string, url: string) {
    const res = await t.http().post('/rod/v1/webhook-abonnementen').set(bearer(token)).send({ url });
    expect(res.status).toBe(201);
    return res.body as { abonnementId: string };
  }

  const log = async (token: string, id: string, q = '') => (await t.http().get(`/rod/v1/webhook-abonnementen/${id}/afleveringen${q}`).set(bearer(token))).body;
  const ronde = () => worker.runRound();
  const klok = (body: object) => t.http().put('/beheer/v1/sandboxes/default/klok').set(bearer(admin)).send(body);
  const verschuif = (duur: string) => t.http().post('/beheer/v1/sandboxes/default/klok/verschuivingen').set(bearer(admin)).send({ duur });

  it('a receiver that holds its requests open does not delay the deliveries to another endpoint', async () => {
    const traag = await ontvanger(() => 'hang');
    const snel = await ontvanger();
    await abonneer(alfa, traag.url);
    await abonneer(beta, snel.url);
    await schrijfEvents(t, sandbox, '01AA', 3, 'traag-1');
    await schrijfEvents(t, sandbox, '01AB', 3, 'traag-2');
    const snelIds = await schrijfEvents(t, sandbox, '02AA', 3, 'snel');
    await wachtTot(() => snel.ontvangen.length === 3, ronde, 8_000);
    expect(snel.ontvangen.map((x) => x.json.id)).toEqual(snelIds);
    // The slow receiver got its first requests and still holds them: nothing waited for its answer.
    expect(traag.ontvangen.length).toBeGreaterThanOrEqual(1);
    const l = await log(alfa, (await t.http().get('/rod/v1/webhook-abonnementen').set(bearer(alfa))).body.items[0].abonnementId);
    expect(l.items.every((x: any) => x.status === 'WACHTEND' && x.pogingLog.length === 0)).toBe(true);
  });

  it('retries fall due on the sandbox clock: advancing it walks a delivery to the dead letter, and a redelivery brings it back', async () => {
    expect((await klok({ mode: 'FROZEN', now: '2027-03-10T09:00:00Z' })).status).toBe(200);
    // What the clock crossed (teldata of the seeded pupils) is positioned before the subscription exists.
    await t.app.get(BerichtenVolgorde).positionAll();
    const o = await ontvanger(() => 503);
    const sub = await abonneer(alfa, o.url);
    const [id] = await schrijfEvents(t, sandbox, '01AA', 1, 'dood');
    await wachtTot(() => o.ontvangen.length === 1, ronde);
    await worker.runUntilIdle();
    const eerste = (await log(alfa, sub.abonnementId)).items[0];
    // The first retry is 30 s later in sandbox time; the frozen clock does not get there by itself.
    expect(eerste).toMatchObject({ status: 'WACHTEND', pogingen: 1, volgendePogingOp: '2027-03-10T09:00:30.000Z' });
    await worker.runUntilIdle();
    expect(o.ontvangen).toHaveLength(1);

    for (let poging = 2; poging <= 8; poging++) {
      expect((await verschuif('PT1H')).status).toBe(200);
      await wachtTot(() => o.ontvangen.length === poging, ronde);
      await worker.runUntilIdle();
    }
    const dood = (await log(alfa, sub.abonnementId, '?status=DEAD_LETTER')).items[0];
    expect(dood).toMatchObject({ eventId: id, status: 'DEAD_LETTER', pogingen: 8, volgendePogingOp: null });
    expect(dood.pogingLog.map((p: any) => p.statusCode)).toEqual(Array(8).fill(503));
    expect((await verschuif('P1D')).status).toBe(200);
    await worker.runUntilIdle();
    expect(o.ontvangen).toHaveLength(8);

    o.zetGedrag(() => 200);
    const res = await t.http().post(`/rod/v1/webhook-abonnementen/${sub.abonnementId}/afleveringen/${dood.afleveringId}/herleveringen`).set(bearer(alfa));
    expect(res.status).toBe(202);
    await wachtTot(() => o.ontvangen.length === 9, ronde);
    await worker.runUntilIdle();
    expect(o.ontvangen[8].json.id).toBe(id);
    expect((await log(alfa, sub.abonnementId)).items[0]).toMatchObject({ status: 'GELEVERD', pogingen: 1 });
  });
});
