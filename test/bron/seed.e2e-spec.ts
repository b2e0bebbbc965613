import { bearer, tokenFor } from '../support/auth';
import { createTestApp, TestApp } from '../support/test-app';
import { wachtOpStatus } from './bron-support';

jest.setTimeout(180_000);

describe('bron: the bron-2021 sandbox seed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ BRON_SEED_LEERLINGEN: '300' });
  });
  afterAll(() => t.close());

  it('starts on 1 December 2021 before the freeze, with generated BRON files staged and ready to convert', async () => {
    const admin = await tokenFor(t, 'demo-beheer');
    const created = await t.http().post('/beheer/v1/sandboxes').set(bearer(admin)).send({ code: 'bron', seed: 'bron-2021', clientIds: ['demo-beheer', 'las-alfa'] });
    expect(created.status).toBe(201);
    expect(created.body.seed).toBe('bron-2021');
    const token = await tokenFor(t, 'demo-beheer', undefined, { sandbox: 'bron' });
    const klok = await t.http().get('/beheer/v1/sandboxes/bron/klok').set(bearer(admin));
    expect(klok.body.now).toMatch(/^2021-12-01T09:00:00/);
    expect((await t.http().get('/bron/v1/bevriezing').set(bearer(token))).body).toEqual({ bevrorenVanaf: '2021-12-06T17:00:00.000Z', bevrorenTot: '2022-01-02T23:00:00.000Z', fase: 'OPEN' });
    const lijst = await t.http().get('/bron/v1/migraties').set(bearer(token));
    expect(lijst.status).toBe(200);
    expect(lijst.body.migraties).toHaveLength(1);
    const m = lijst.body.migraties[0];
    expect(m.status).toBe('AANGEMAAKT');
    expect(m.bestanden.length).toBeGreaterThan(10);
    const staged = m.bestanden.reduce((a: number, b: any) => a + b.aantalInschrijvingen, 0);
    expect(staged).toBeGreaterThanOrEqual(300);
    expect(m.fasen.lezen).toEqual({ status: 'KLAAR', verwerkt: staged, totaal: staged });
    expect((await t.http().post(`/bron/v1/migraties/${m.id}/conversies`).set(bearer(token))).status).toBe(202);
    await wachtOpStatus(t, token, m.id, 'GECONVERTEERD', 120_000);
    const telling = (await t.http().get(`/bron/v1/migraties/${m.id}/telling`).set(bearer(token))).body;
    expect(telling.totaal.gelezen).toBe(staged);
    expect(telling.totaal.goedgekeurd + telling.totaal.afgekeurd).toBe(staged);
    expect(telling.totaal.goedgekeurd).toBeGreaterThan(staged * 0.8);
  });
});
