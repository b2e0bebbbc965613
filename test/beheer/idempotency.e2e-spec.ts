import { bearer, tokenFor } from '../support/auth';
import { expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';

describe('Idempotency-Key on writes', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await tokenFor(t, 'demo-beheer');
  });
  afterAll(() => t.close());

  const client = (id: string) => ({ clientId: id, naam: id, role: 'LEVERANCIER', oin: '00000003555555550000' });

  it('replays the stored response for a retry with the same key and body', async () => {
    const first = await t.http().post('/beheer/v1/clients').set(bearer(admin)).set('Idempotency-Key', 'k-1').send(client('las-idem'));
    expect(first.status).toBe(201);
    const again = await t.http().post('/beheer/v1/clients').set(bearer(admin)).set('Idempotency-Key', 'k-1').send(client('las-idem'));
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM api_client WHERE client_id = 'las-idem'`);
    expect(n).toBe(1);
  });

  it('refuses the same key with another body (422)', async () => {
    await t.http().post('/beheer/v1/clients').set(bearer(admin)).set('Idempotency-Key', 'k-2').send(client('las-k2'));
    const other = await t.http().post('/beheer/v1/clients').set(bearer(admin)).set('Idempotency-Key', 'k-2').send(client('las-k2-anders'));
    expectProblem(other, 422, 'idempotency_key_reused');
  });

  it('does not keep a key whose request was invalid, so the corrected retry runs', async () => {
    const bad = await t.http().post('/beheer/v1/clients').set(bearer(admin)).set('Idempotency-Key', 'k-3').send({ ...client('las-k3'), oin: 'x' });
    expectProblem(bad, 400, 'invalid_input');
    const fixed = await t.http().post('/beheer/v1/clients').set(bearer(admin)).set('Idempotency-Key', 'k-3').send({ ...client('las-k3'), oin: 'x' });
    expectProblem(fixed, 400, 'invalid_input');
    const good = await t.http().post('/beheer/v1/clients').set(bearer(admin)).set('Idempotency-Key', 'k-4').send(client('las-k3'));
    expect(good.status).toBe(201);
  });

  it('stores and replays a business error (409) like any executed response', async () => {
    const a = await t.http().post('/beheer/v1/clients').set(bearer(admin)).set('Idempotency-Key', 'k-5').send(client('las-alfa'));
    expectProblem(a, 409, 'client_exists');
    const b = await t.http().post('/beheer/v1/clients').set(bearer(admin)).set('Idempotency-Key', 'k-5').send(client('las-alfa'));
    expectProblem(b, 409, 'client_exists');
    expect(b.headers['idempotent-replayed']).toBe('true');
  });

  it('executes 20 concurrent identical requests once', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () => t.http().post('/beheer/v1/clients').set(bearer(admin)).set('Idempotency-Key', 'k-conc').send(client('las-conc'))),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    expect(results.filter((r) => r.status === 201 && !r.headers['idempotent-replayed'])).toHaveLength(1);
    for (const r of results.filter((x) => x.status === 409)) expect(r.body.code).toBe('idempotency_request_in_progress');
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM api_client WHERE client_id = 'las-conc'`);
    expect(n).toBe(1);
  });

  it('keeps keys per sandbox: the same key in another sandbox is a new request', async () => {
    await t.http().post('/beheer/v1/sandboxes').set(bearer(admin)).send({ code: 'andere', seed: 'empty' });
    const other = await tokenFor(t, 'demo-beheer', undefined, { sandbox: 'andere' });
    const res = await t.http().post('/beheer/v1/clients').set(bearer(other)).set('Idempotency-Key', 'k-1').send(client('las-andere'));
    expect(res.status).toBe(201);
    expect(res.headers['idempotent-replayed']).toBeUndefined();
    expect(res.body.clientId).toBe('las-andere');
  });

  it('rejects an over-long key', async () => {
    const res = await t.http().post('/beheer/v1/clients').set(bearer(admin)).set('Idempotency-Key', 'x'.repeat(256)).send(client('las-long'));
    expectProblem(res, 400, 'invalid_idempotency_key');
  });
});
