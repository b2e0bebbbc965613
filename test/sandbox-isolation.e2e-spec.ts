import { bearer, tokenFor } from './support/auth';
import { expectProblem } from './support/problems';
import { createTestApp, TestApp } from './support/test-app';

const CODE = '6f1c1f7e-2a7e-4b55-9a51-0d9f0c6b2a10';
const aanbod = (eigenNaam: string) => ({
  onderwijsaanbiedercode: '100A002',
  onderwijslocatiecode: '100X002',
  soort: 'BO',
  opleidingseenheidcode: '1001O0001',
  begindatum: '2026-08-01',
  doelgroepen: ['BO'],
  periodes: [{ begindatum: '2026-08-01', eigenNaam, onderwijsconcept: 'DALTON' }],
});

/** Nothing in one sandbox can be read or written from another, even where both hold the same seeded codes. */
describe('sandbox isolation across registers', () => {
  let t: TestApp;
  let admin: string;
  let inDefault: string;
  let inTweede: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await tokenFor(t, 'demo-beheer');
    const created = await t.http().post('/beheer/v1/sandboxes').set(bearer(admin)).send({ code: 'tweede', seed: 'small', clientIds: ['las-alfa'] });
    expect(created.status).toBe(201);
    inDefault = await tokenFor(t, 'las-alfa');
    inTweede = await tokenFor(t, 'las-alfa', undefined, { sandbox: 'tweede' });
  });
  afterAll(() => t.close());

  it('a write in one sandbox is invisible in the other', async () => {
    const put = await t.http().put(`/rio/v1/aangeboden-opleidingen/${CODE}`).set(bearer(inDefault)).send(aanbod('Dalton in default'));
    expect(put.status).toBe(201);
    const here = await t.http().get(`/rio/v1/aangeboden-opleidingen/${CODE}?datumGeldigOp=2026-09-01`).set(bearer(inDefault));
    expect(here.status).toBe(200);
    expectProblem(await t.http().get(`/rio/v1/aangeboden-opleidingen/${CODE}?datumGeldigOp=2026-09-01`).set(bearer(inTweede)), 404, 'not_found');
  });

  it('the same key written in the other sandbox is a separate object', async () => {
    const put = await t.http().put(`/rio/v1/aangeboden-opleidingen/${CODE}`).set(bearer(inTweede)).send(aanbod('Dalton in tweede'));
    expect(put.status).toBe(201);
    const a = await t.http().get(`/rio/v1/aangeboden-opleidingen/${CODE}?datumGeldigOp=2026-09-01`).set(bearer(inDefault));
    const b = await t.http().get(`/rio/v1/aangeboden-opleidingen/${CODE}?datumGeldigOp=2026-09-01`).set(bearer(inTweede));
    expect(JSON.stringify(a.body)).toContain('Dalton in default');
    expect(JSON.stringify(b.body)).toContain('Dalton in tweede');
  });

  it('resetting or deleting one sandbox leaves the other untouched', async () => {
    expect((await t.http().post('/beheer/v1/sandboxes/tweede/resets').set(bearer(admin))).status).toBe(200);
    expect((await t.http().get(`/rio/v1/aangeboden-opleidingen/${CODE}?datumGeldigOp=2026-09-01`).set(bearer(inTweede))).status).toBe(404);
    expect((await t.http().get(`/rio/v1/aangeboden-opleidingen/${CODE}?datumGeldigOp=2026-09-01`).set(bearer(inDefault))).status).toBe(200);
    expect((await t.http().delete('/beheer/v1/sandboxes/tweede').set(bearer(admin))).status).toBe(204);
    expect((await t.http().get(`/rio/v1/aangeboden-opleidingen/${CODE}?datumGeldigOp=2026-09-01`).set(bearer(inDefault))).status).toBe(200);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM rio_aangeboden_opleiding WHERE sandbox_id NOT IN (SELECT id FROM sandbox)`);
    expect(n).toBe(0);
  });
});
