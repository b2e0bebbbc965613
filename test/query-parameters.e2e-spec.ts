import { bearer, tokenFor } from './support/auth';
import { expectInvalid } from './support/problems';
import { createTestApp, TestApp } from './support/test-app';

/**
 * An unknown query parameter is invalid input (api-conventions.md §2: 400, every problem at once) on every operation,
 * also on those that take no query parameters at all: a misspelt filter (`?datumGeldigop=`) must never be ignored silently.
 */
describe('unknown query parameters', () => {
  let t: TestApp;
  let alfa: string;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    [alfa, admin] = [await tokenFor(t, 'las-alfa'), await tokenFor(t, 'demo-beheer')];
  });
  afterAll(() => t.close());

  it('an operation with a query DTO lists the unknown parameter (as before)', async () => {
    expectInvalid(await t.http().get('/rio/v1/onderwijsbesturen/100B001?foo=1').set(bearer(alfa)), [{ parameter: 'foo', code: 'unknown_field' }]);
  });

  it('an operation without query parameters refuses one too, with the problems of its path at once', async () => {
    expectInvalid(await t.http().get('/rod/v1/verzuimmeldingen/VZ0000000001?foo=1').set(bearer(alfa)), [{ parameter: 'foo', code: 'unknown_field' }]);
    expectInvalid(await t.http().get('/rod/v1/adviezen-vo/nope?datumGeldigOp=2026-01-01').set(bearer(alfa)), [
      { parameter: 'datumGeldigOp', code: 'unknown_field' },
      { parameter: 'adviesId', code: 'is_uuid' },
    ]);
    expectInvalid(await t.http().get('/bron/v1/migraties?foo=1&bar=2').set(bearer(admin)), [
      { parameter: 'foo', code: 'unknown_field' },
      { parameter: 'bar', code: 'unknown_field' },
    ]);
  });

  it('a write refuses one together with the problems of its body, and stores nothing', async () => {
    const res = await t.http().post('/rod/v1/verzuimmeldingen?dryRun=true').set(bearer(alfa)).send({ instellingscode: 'x' });
    const body = expectInvalid(res, [
      { parameter: 'dryRun', code: 'unknown_field' },
      { pointer: '/instellingscode' },
      { pointer: '/bedrijfsdocument' },
      { pointer: '/persoonsgebondenNummer' },
      { pointer: '/soortVerzuim' },
      { pointer: '/datumBegin' },
    ]);
    expect(body.status).toBe(400);
  });

  it('without parameters, or with only known ones, nothing changes', async () => {
    expect((await t.http().get('/bron/v1/migraties').set(bearer(admin))).status).toBe(200);
    expect((await t.http().get('/rio/v1/onderwijsbesturen/100B001?datumGeldigOp=2025-09-01').set(bearer(alfa))).status).toBe(200);
  });
});
