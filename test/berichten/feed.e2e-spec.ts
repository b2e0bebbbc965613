import { BerichtenVolgorde } from '../../src/berichten';
import { EventOutbox } from '../../src/common/events/outbox';
import { bearer, tokenFor } from '../support/auth';
import { expectInvalid, expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';
import { sandboxId, schrijfEvents } from './berichten-support';

describe('berichten: the pull feed with a cursor', () => {
  let t: TestApp;
  let alfa: string;
  let beta: string;
  let admin: string;
  let sandbox: string;

  beforeAll(async () => {
    t = await createTestApp();
    [alfa, beta, admin] = [await tokenFor(t, 'las-alfa'), await tokenFor(t, 'las-beta'), await tokenFor(t, 'demo-beheer')];
    sandbox = await sandboxId(t);
  });
  afterAll(() => t.close());

  const feed = (token: string, q = '') => t.http().get(`/rod/v1/berichten${q}`).set(bearer(token));

  /** Reads the whole feed page by page from `vanaf`; returns the events and the last cursor. */
  async function leesAlles(token: string, vanaf = '0', limit = 3) {
    const events: any[] = [];
    let cursor = vanaf;
    for (let i = 0; i < 100; i++) {
      const res = await feed(token, `?vanaf=${cursor}&limit=${limit}`);
      expect(res.status).toBe(200);
      events.push(...res.body.berichten);
      cursor = res.body.volgendeCursor;
      if (!res.body.meer) break;
    }
    return { events, cursor };
  }

  it('gives a vendor the CloudEvents of its mandated schools only, in order, and resumes from the cursor', async () => {
    const start = (await feed(alfa)).body.volgendeCursor;
    const alfaIds = [...(await schrijfEvents(t, sandbox, '01AA', 4)), ...(await schrijfEvents(t, sandbox, '01AB', 2))];
    const betaIds = await schrijfEvents(t, sandbox, '02AA', 3);

    const first = await feed(alfa, `?vanaf=${start}&limit=4`);
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toMatch(/^application\/json/);
    expect(first.body.berichten).toHaveLength(4);
    expect(first.body.meer).toBe(true);
    expect(first.body._links.volgende.href).toBe(`/rod/v1/berichten?vanaf=${first.body.volgendeCursor}&limit=4`);
    expect(first.body.berichten[0]).toEqual({
      specversion: '1.0',
      id: alfaIds[0],
      source: 'urn:nld:oin:00000001800866472000:systeem:rod-po',
      type: 'nl.duo.rod.kennisgeving-in-uitschrijving',
      time: expect.stringMatching(/Z$/),
      subject: expect.stringMatching(/^inschrijving\//),
      datacontenttype: 'application/json',
      sequence: expect.stringMatching(/^\d+$/),
      data: expect.objectContaining({ volgnummer: 0 }),
    });
    const rest = await feed(alfa, `?vanaf=${first.body.volgendeCursor}&limit=4`);
    const all = [...first.body.berichten, ...rest.body.berichten];
    expect(all.map((e: any) => e.id)).toEqual(alfaIds);
    const seqs = all.map((e: any) => BigInt(e.sequence));
    expect([...seqs].sort((a, b) => (a < b ? -1 : 1))).toEqual(seqs);

    const b = await leesAlles(beta, start);
    expect(b.events.map((e: any) => e.id)).toEqual(betaIds);
    // Beheer sees the whole sandbox.
    const a = await leesAlles(admin, start, 100);
    expect(a.events.map((e: any) => e.id)).toEqual([...alfaIds, ...betaIds]);
  });

  it('answers an empty page with the same or a later cursor when there is nothing new', async () => {
    const { cursor } = await leesAlles(alfa);
    const res = await feed(alfa, `?vanaf=${cursor}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ berichten: [], meer: false });
    expect(BigInt(res.body.volgendeCursor) >= BigInt(cursor)).toBe(true);
  });

  it('never skips an event whose transaction commits after a later one (bigserial gap)', async () => {
    const { cursor } = await leesAlles(alfa);
    const outbox = t.app.get(EventOutbox);
    const runner = t.db.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      // The slow transaction takes its seq first ...
      const traag = await outbox.append(runner.manager, sandbox, { type: 'nl.duo.rod.kennisgeving-in-uitschrijving', subject: 'inschrijving/traag', instellingscode: '01AA', orderingKey: 'traag', data: {} });
      // ... a later one commits first and is read.
      const [snel] = await schrijfEvents(t, sandbox, '01AA', 1);
      const tussen = await feed(alfa, `?vanaf=${cursor}`);
      expect(tussen.body.berichten.map((e: any) => e.id)).toEqual([snel]);
      await runner.commitTransaction();
      const daarna = await feed(alfa, `?vanaf=${tussen.body.volgendeCursor}`);
      expect(daarna.body.berichten.map((e: any) => e.id)).toEqual([traag]);
    } finally {
      await runner.release();
    }
  });

  it('positions in commit order even when several instances run the sequencer at once', async () => {
    const { cursor } = await leesAlles(admin);
    const ids = (await Promise.all([0, 1, 2, 3].map(() => schrijfEvents(t, sandbox, '01AB', 5)))).flat();
    const volgorde = t.app.get(BerichtenVolgorde);
    await Promise.all([volgorde.position(3), volgorde.position(3), volgorde.position(3)]);
    await volgorde.positionAll();
    const { events } = await leesAlles(admin, cursor, 7);
    expect(events.map((e: any) => e.id).sort()).toEqual([...ids].sort());
    expect(new Set(events.map((e: any) => e.sequence)).size).toBe(ids.length);
  });

  it('keeps a cursor valid and positions growing when another sandbox with higher positions is deleted or reset', async () => {
    const nieuw = (code: string) => t.http().post('/beheer/v1/sandboxes').set(bearer(admin)).send({ code, seed: 'small', clientIds: ['las-alfa'] });
    expect((await nieuw('ander-1')).status).toBe(201);
    expect((await nieuw('ander-2')).status).toBe(201);
    await schrijfEvents(t, await sandboxId(t, 'ander-1'), '01AA', 7);
    await schrijfEvents(t, await sandboxId(t, 'ander-2'), '01AA', 3);
    await t.app.get(BerichtenVolgorde).positionAll();
    const eerst = await schrijfEvents(t, sandbox, '01AA', 2);
    const { events: gelezen, cursor } = await leesAlles(alfa);
    expect(gelezen.slice(-2).map((e: any) => e.id)).toEqual(eerst);

    // The other tenants go away: one deleted, one reset to its seed.
    expect((await t.http().delete('/beheer/v1/sandboxes/ander-1').set(bearer(admin))).status).toBe(204);
    expect((await t.http().post('/beheer/v1/sandboxes/ander-2/resets').set(bearer(admin))).status).toBe(200);
    await schrijfEvents(t, await sandboxId(t, 'ander-2'), '01AA', 1);
    const daarna = await schrijfEvents(t, sandbox, '01AA', 3);
    const { events } = await leesAlles(alfa, cursor);
    expect(events.map((e: any) => e.id)).toEqual(daarna);
    expect(events.every((e: any) => BigInt(e.sequence) > BigInt(cursor))).toBe(true);
    // Dense per sandbox: no jumps caused by other tenants.
    expect(events.map((e: any) => BigInt(e.sequence) - BigInt(gelezen[gelezen.length - 1].sequence))).toEqual([1n, 2n, 3n]);
  });

  it('keeps counting on after a reset of the sandbox itself', async () => {
    const code = 'eigen-reset';
    expect((await t.http().post('/beheer/v1/sandboxes').set(bearer(admin)).send({ code, seed: 'small', clientIds: ['las-alfa'] })).status).toBe(201);
    const id = await sandboxId(t, code);
    const token = await tokenFor(t, 'las-alfa', undefined, { sandbox: code });
    await schrijfEvents(t, id, '01AA', 4);
    const { cursor } = await leesAlles(token);
    expect(BigInt(cursor)).toBeGreaterThanOrEqual(4n);
    expect((await t.http().post(`/beheer/v1/sandboxes/${code}/resets`).set(bearer(admin))).status).toBe(200);
    const daarna = await schrijfEvents(t, id, '01AA', 2);
    expect((await leesAlles(token, cursor)).events.map((e: any) => e.id)).toEqual(daarna);
  });

  it('gives sequence and cursor as zero-padded text that sorts as the positions do', async () => {
    await schrijfEvents(t, sandbox, '01AB', 12);
    const { events, cursor } = await leesAlles(admin, '0', 1000);
    expect(events.length).toBeGreaterThan(10);
    for (const e of events) expect(e.sequence).toMatch(/^\d{19}$/);
    expect(cursor).toMatch(/^\d{19}$/);
    const alsTekst = events.map((e: any) => e.sequence);
    expect([...alsTekst].sort()).toEqual(alsTekst);
    // A sequence is a cursor as it stands.
    const verder = await feed(admin, `?vanaf=${events[events.length - 3].sequence}`);
    expect(verder.body.berichten.map((e: any) => e.id)).toEqual(events.slice(-2).map((e: any) => e.id));
  });

  it('refuses a cursor beyond the newest position of the sandbox', async () => {
    const { cursor } = await leesAlles(alfa);
    expectInvalid(await feed(alfa, `?vanaf=${BigInt(cursor) + 1000n}`), [{ parameter: 'vanaf', code: 'cursor_onbekend' }]);
    expectInvalid(await feed(alfa, '?vanaf=9999999999999999999'), [{ parameter: 'vanaf' }]);
  });

  it('rejects an invalid cursor or limit, listing both', async () => {
    expectInvalid(await feed(alfa, '?vanaf=abc&limit=0'), [{ parameter: 'vanaf' }, { parameter: 'limit' }]);
  });

  it('needs scope rod.berichten', async () => {
    const lezen = await tokenFor(t, 'las-alfa', undefined, { scope: 'rod.lezen' });
    expectProblem(await feed(lezen), 403, 'insufficient_scope');
  });
});
