import { bearer, tokenFor } from '../support/auth';
import { expectInvalid } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';

/** Webhook subscriptions may not point into the simulator's own network (WEBHOOK_PRIVATE_TARGETS). */
describe('webhook targets', () => {
  const abonnementen = async (t: TestApp) => Number((await t.db.query('SELECT count(*) AS n FROM webhook_abonnement'))[0].n);

  describe('default (loopback allowed)', () => {
    let t: TestApp;
    let token: string;
    beforeAll(async () => {
      t = await createTestApp();
      token = await tokenFor(t, 'las-alfa');
    });
    afterAll(() => t.close());

    it('refuses link-local, metadata and private addresses, nothing stored; accepts loopback', async () => {
      for (const url of ['http://169.254.169.254/latest/meta-data/', 'http://[fd00:ec2::254]/', 'http://10.0.0.8/hook', 'https://192.168.1.10/hook', 'http://[fe80::1]:8080/hook', 'http://0.0.0.0:8080/hook']) {
        const res = await t.http().post('/rod/v1/webhook-abonnementen').set(bearer(token)).send({ url });
        expectInvalid(res, [{ pointer: '/url', code: 'webhook_doel_niet_toegestaan' }]);
      }
      expect(await abonnementen(t)).toBe(0);
      // Credentials in the URL: no delivery could ever be made (fetch refuses such a URL), so no subscription either.
      for (const url of ['http://las:geheim@127.0.0.1:9/hook', 'https://las@las.example.nl/hook']) {
        expectInvalid(await t.http().post('/rod/v1/webhook-abonnementen').set(bearer(token)).send({ url }), [{ pointer: '/url', code: 'webhook_url_met_inloggegevens' }]);
      }
      expect(await abonnementen(t)).toBe(0);
      const ok = await t.http().post('/rod/v1/webhook-abonnementen').set(bearer(token)).send({ url: 'http://127.0.0.1:9/hook' });
      expect(ok.status).toBe(201);
      expect(await abonnementen(t)).toBe(1);
    });
  });

  describe('WEBHOOK_PRIVATE_TARGETS=none (a shared instance)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ WEBHOOK_PRIVATE_TARGETS: 'none' });
    });
    afterAll(() => t.close());

    it('refuses loopback too', async () => {
      const token = await tokenFor(t, 'las-alfa');
      for (const url of ['http://127.0.0.1:9/hook', 'http://[::1]:9/hook', 'http://localhost:9/hook']) {
        expectInvalid(await t.http().post('/rod/v1/webhook-abonnementen').set(bearer(token)).send({ url }), [{ pointer: '/url', code: 'webhook_doel_niet_toegestaan' }]);
      }
      expect(await abonnementen(t)).toBe(0);
    });
  });
});
