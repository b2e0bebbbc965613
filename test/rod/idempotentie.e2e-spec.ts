import { bearer } from '../support/auth';
import { expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';
import { inschrijving, nieuweLeerling, RodTest, rodSetup, SCHOOL_ALFA } from './rod-support';

describe('ROD: safe to retry, safe under concurrency', () => {
  let t: TestApp;
  let r: RodTest;
  beforeAll(async () => {
    t = await createTestApp({ DB_POOL_SIZE: '20' });
    r = await rodSetup(t);
  });
  afterAll(() => t.close());

  const send = (body: unknown, key?: string) => {
    const req = t.http().post('/rod/v1/inschrijvingen').set(bearer(r.alfa));
    if (key) req.set('Idempotency-Key', key);
    return req.send(body as object);
  };
  const versies = async (id: string) => {
    const res = await t.http().get(`/rod/v1/inschrijvingen/${id}/versies`).set(bearer(r.alfa));
    expect(res.status).toBe(200);
    return res.body.items as Record<string, any>[];
  };

  it('Idempotency-Key: the same key replays the stored response', async () => {
    const bsn = await nieuweLeerling(r);
    const body = inschrijving(bsn);
    const first = await send(body, 'rod-key-1');
    const again = await send(body, 'rod-key-1');
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    // the same bytes, members in the same order (api-conventions.md §6: the first body is replayed)
    expect(again.text).toBe(first.text);
    expect(await versies(first.body.inschrijvingId)).toHaveLength(1);
  });

  it('Idempotency-Key: the same key with another body is 422', async () => {
    const bsn = await nieuweLeerling(r);
    await send(inschrijving(bsn), 'rod-key-2');
    expectProblem(await send(inschrijving(bsn, { nNCA: '1' }), 'rod-key-2'), 422, 'idempotency_key_reused');
  });

  it('Idempotency-Key: an afgekeurd answer is replayed too', async () => {
    const body = inschrijving('123456782');
    const first = await send(body, 'rod-key-3');
    const again = await send(body, 'rod-key-3');
    expectProblem(first, 422, 'afgekeurd');
    expectProblem(again, 422, 'afgekeurd');
    expect(again.text).toBe(first.text);
    expect(again.headers['idempotent-replayed']).toBe('true');
  });

  it('a repeated identificatiecodeBedrijfsdocument with the same content gets the stored answer', async () => {
    const bsn = await nieuweLeerling(r);
    const body = inschrijving(bsn);
    const first = await send(body);
    // Meanwhile the inschrijving changed; the resend of the first message must not undo that.
    const change = await send(inschrijving(bsn, { nNCA: '1' }));
    expect(change.body.versie).toBe(2);
    const again = await send(body);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await versies(first.body.inschrijvingId)).toHaveLength(2);
  });

  it('a repeated identificatiecodeBedrijfsdocument with other content is refused', async () => {
    const bsn = await nieuweLeerling(r);
    const body = inschrijving(bsn);
    await send(body);
    const res = await send({ ...body, nNCA: '1' });
    expectProblem(res, 422, 'bedrijfsdocument_hergebruikt');
  });

  it('50 concurrent identical submissions leave exactly one state change', async () => {
    const bsn = await nieuweLeerling(r);
    const body = inschrijving(bsn);
    const answers = await Promise.all(Array.from({ length: 50 }, () => send(body)));
    for (const a of answers) {
      expect(a.status).toBe(201);
      expect(a.body).toEqual(answers[0].body);
    }
    expect(await versies(answers[0].body.inschrijvingId)).toHaveLength(1);
  });

  it('50 concurrent identical submissions with one Idempotency-Key: one state change, the rest replayed or told to retry', async () => {
    const bsn = await nieuweLeerling(r);
    const body = inschrijving(bsn);
    const answers = await Promise.all(Array.from({ length: 50 }, () => send(body, `rod-burst-${bsn}`)));
    const ok = answers.filter((a) => a.status === 201);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    for (const a of answers) expect([201, 409]).toContain(a.status);
    for (const a of ok) expect(a.body.inschrijvingId).toBe(ok[0].body.inschrijvingId);
    expect(await versies(ok[0].body.inschrijvingId)).toHaveLength(1);
  });

  it('50 concurrent copies of one message each under a new bedrijfsdocument id: one version, the rest unchanged', async () => {
    const bsn = await nieuweLeerling(r);
    const answers = await Promise.all(Array.from({ length: 50 }, () => send(inschrijving(bsn))));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 200 && a.body.gewijzigd === false)).toHaveLength(49);
    expect(await versies(answers[0].body.inschrijvingId)).toHaveLength(1);
  });

  it('concurrent different updates of one inschrijving never interleave into a state nobody sent', async () => {
    const bsn = await nieuweLeerling(r);
    const created = await send(inschrijving(bsn));
    const { instellingscode: _school, ...codes } = SCHOOL_ALFA;
    void _school;
    // Update k: groep k in periode 2 starting on day k, nNCA set for even k.
    const bodies = Array.from({ length: 30 }, (_, k) =>
      inschrijving(bsn, {
        nNCA: k % 2 === 0 ? '1' : undefined,
        inschrijvingPeriodeBO: [
          { datumBegin: '2025-08-28', ...codes, groep: '1' },
          { datumBegin: `2025-09-${String(1 + (k % 28)).padStart(2, '0')}`, ...codes, groep: String(2 + (k % 7)) },
        ],
      }),
    );
    const answers = await Promise.all(bodies.map((b) => send(b)));
    for (const a of answers) expect(a.status).toBe(200);
    const vs = await versies(created.body.inschrijvingId);
    // Versions are numbered without gaps and each is exactly one body that was sent.
    expect(vs.map((v) => v.versie)).toEqual(Array.from({ length: vs.length }, (_, i) => i + 1));
    const sent = bodies.map((b) => JSON.stringify([(b as { nNCA?: string }).nNCA ?? null, b.inschrijvingPeriodeBO.map((p) => [p.datumBegin, p.groep])]));
    for (const v of vs.slice(1)) {
      expect(sent).toContain(JSON.stringify([v.inhoud.nNCA, v.inhoud.inschrijvingPeriodeBO.map((p: any) => [p.datumBegin, p.groep])]));
    }
    // The current state is the last version, periodes included.
    const now = await t.http().get(`/rod/v1/inschrijvingen/${created.body.inschrijvingId}`).set(bearer(r.alfa));
    const last = vs[vs.length - 1].inhoud;
    expect(now.body.versie).toBe(vs.length);
    expect(now.body.nNCA).toBe(last.nNCA);
    expect(now.body.inschrijvingPeriodeBO.map((p: any) => [p.datumBegin, p.groep])).toEqual(last.inschrijvingPeriodeBO.map((p: any) => [p.datumBegin, p.groep]));
  });
});
