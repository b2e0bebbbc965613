import { OauthService } from '../../src/oauth/oauth.service';
import { demo } from '../support/auth';
import { expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';

/** The token endpoint under guessing: a rate limit per client id, and no answer that tells which ids exist. */
describe('token endpoint protection', () => {
  let t: TestApp;
  const form = { grant_type: 'client_credentials' };
  const vraag = (id: string, secret: string) => t.http().post('/oauth/token').type('form').send({ ...form, client_id: id, client_secret: secret });

  beforeAll(async () => {
    t = await createTestApp({ TOKEN_RATE_BURST: '3', TOKEN_RATE_PER_MINUTE: '6' });
  });
  afterAll(() => t.close());

  it('limits token requests per client id with 429 and Retry-After, known and unknown ids alike', async () => {
    for (const id of ['las-alfa', 'niemand-bekend']) {
      const secret = id === 'las-alfa' ? demo['las-alfa'].secret : 'x';
      const eerste = [await vraag(id, secret), await vraag(id, 'fout'), await vraag(id, secret)].map((r) => r.status);
      expect(eerste).toEqual(id === 'las-alfa' ? [200, 401, 200] : [401, 401, 401]);
      const res = await vraag(id, secret);
      const body = expectProblem(res, 429, 'too_many_requests');
      expect(body.error).toBe('too_many_requests');
      expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(10);
    }
    // another client is not affected
    expect((await vraag('las-beta', demo['las-beta'].secret)).status).toBe(200);
    // HTTP Basic counts for the same id
    expectProblem(await t.http().post('/oauth/token').auth('las-alfa', demo['las-alfa'].secret).type('form').send(form), 429, 'too_many_requests');
  });

  it('verifies a secret (one scrypt) for an unknown client id too, so timing does not tell which ids exist', async () => {
    const spy = jest.spyOn(t.app.get(OauthService), 'verifieerGeheim');
    try {
      expectProblem(await vraag('ook-niet-bekend', 'geheim'), 401, 'invalid_client');
      expect(spy).toHaveBeenCalledTimes(1);
      expect(spy.mock.calls[0][1]).toMatch(/^scrypt\$/);
      expectProblem(await vraag('las-gamma-bestaat-niet', 'geheim'), 401, 'invalid_client');
      expect(spy).toHaveBeenCalledTimes(2);
    } finally {
      spy.mockRestore();
    }
  });
});
