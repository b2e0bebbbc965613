import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { bearer, demo, tokenFor } from '../support/auth';
import { expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';

const form = { grant_type: 'client_credentials' };
const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));

describe('POST /oauth/token (client credentials)', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await tokenFor(t, 'demo-beheer');
  });
  afterAll(() => t.close());

  it('issues a token with client_secret_basic', async () => {
    const res = await t.http().post('/oauth/token').auth('las-alfa', demo['las-alfa'].secret).type('form').send(form);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual(expect.objectContaining({ token_type: 'Bearer', expires_in: 900, sandbox: 'default' }));
    const claims = claimsOf(res.body.access_token);
    expect(claims).toEqual(expect.objectContaining({ sub: 'las-alfa', role: 'LEVERANCIER', oin: '00000003111111110000', sandbox: 'default', besturen: ['100B001'] }));
    expect(claims.exp - claims.iat).toBe(900);
    expect(res.body.scope.split(' ')).not.toContain('beheer');
  });

  it('issues a token with client_secret_post and a narrowed scope', async () => {
    const res = await t.http().post('/oauth/token').type('form').send({ ...form, client_id: 'las-alfa', client_secret: demo['las-alfa'].secret, scope: 'rio.lezen' });
    expect(res.status).toBe(200);
    expect(res.body.scope).toBe('rio.lezen');
    // the narrowed token cannot do what the scope does not allow
    const forbidden = await t.http().get('/beheer/v1/clients').set(bearer(res.body.access_token));
    expectProblem(forbidden, 403, 'insufficient_scope');
  });

  it('answers a wrong secret or unknown client with 401 invalid_client', async () => {
    const wrong = await t.http().post('/oauth/token').auth('las-alfa', 'wrong').type('form').send(form);
    const body = expectProblem(wrong, 401, 'invalid_client');
    expect(body.error).toBe('invalid_client');
    expect(wrong.headers['www-authenticate']).toMatch(/^Basic/);
    expectProblem(await t.http().post('/oauth/token').type('form').send({ ...form, client_id: 'nobody', client_secret: 'x' }), 401, 'invalid_client');
    expectProblem(await t.http().post('/oauth/token').type('form').send(form), 401, 'invalid_client');
  });

  it('grants a vendor the permitted part of "select all" scopes and says which it granted (RFC 6749 §3.3)', async () => {
    const all = 'beheer rio.lezen rio.beheren rod.lezen rod.aanleveren rod.berichten klok';
    const res = await t.http().post('/oauth/token').auth('las-alfa', demo['las-alfa'].secret).type('form').send({ ...form, scope: all });
    expect(res.status).toBe(200);
    expect(res.body.scope.split(' ').sort()).toEqual(['klok', 'rio.beheren', 'rio.lezen', 'rod.aanleveren', 'rod.berichten', 'rod.lezen']);
    expect(claimsOf(res.body.access_token).scope.split(' ').sort()).toEqual(res.body.scope.split(' ').sort());
    expectProblem(await t.http().get('/beheer/v1/clients').set(bearer(res.body.access_token)), 403, 'insufficient_scope');
    const part = await t.http().post('/oauth/token').auth('las-alfa', demo['las-alfa'].secret).type('form').send({ ...form, scope: 'beheer rod.lezen' });
    expect(part.body.scope).toBe('rod.lezen');
  });

  it('rejects other grant types, unknown scopes and two authentication methods', async () => {
    const grant = await t.http().post('/oauth/token').auth('las-alfa', demo['las-alfa'].secret).type('form').send({ grant_type: 'password' });
    expect(expectProblem(grant, 400, 'unsupported_grant_type').error).toBe('unsupported_grant_type');
    const scope = await t.http().post('/oauth/token').auth('las-alfa', demo['las-alfa'].secret).type('form').send({ ...form, scope: 'beheer' });
    expectProblem(scope, 400, 'invalid_scope');
    const unknown = await t.http().post('/oauth/token').auth('las-alfa', demo['las-alfa'].secret).type('form').send({ ...form, scope: 'rod.lezen rod.alles' });
    expect(expectProblem(unknown, 400, 'invalid_scope').error_description).toMatch(/rod\.alles/);
    const both = await t.http().post('/oauth/token').auth('las-alfa', demo['las-alfa'].secret).type('form').send({ ...form, client_id: 'las-alfa', client_secret: demo['las-alfa'].secret });
    expectProblem(both, 400, 'invalid_request');
  });

  it('issues tokens only for sandboxes the client is bound to; administrators reach every sandbox', async () => {
    const created = await t.http().post('/beheer/v1/sandboxes').set(bearer(admin)).send({ code: 'alleen-beta', seed: 'empty', clientIds: ['las-beta'] });
    expect(created.status).toBe(201);
    const alfa = await t.http().post('/oauth/token').auth('las-alfa', demo['las-alfa'].secret).type('form').send({ ...form, sandbox: 'alleen-beta' });
    expectProblem(alfa, 400, 'invalid_target');
    const beta = await t.http().post('/oauth/token').auth('las-beta', demo['las-beta'].secret).type('form').send({ ...form, sandbox: 'alleen-beta' });
    expect(beta.status).toBe(200);
    expect(claimsOf(beta.body.access_token).sandbox).toBe('alleen-beta');
    const adm = await t.http().post('/oauth/token').auth('demo-beheer', demo['demo-beheer'].secret).type('form').send({ ...form, sandbox: 'alleen-beta' });
    expect(adm.status).toBe(200);
    expectProblem(await t.http().post('/oauth/token').auth('demo-beheer', demo['demo-beheer'].secret).type('form').send({ ...form, sandbox: 'bestaat-niet' }), 400, 'invalid_target');
  });

  it('authenticates with private_key_jwt and refuses a replayed assertion', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const created = await t
      .http()
      .post('/beheer/v1/clients')
      .set(bearer(admin))
      .send({ clientId: 'las-jwt', naam: 'LAS met sleutel', role: 'LEVERANCIER', oin: '00000003444444440000', publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() });
    expect(created.status).toBe(201);
    expect(created.body.tokenEndpointAuthMethods).toContain('private_key_jwt');
    const now = Math.floor(Date.now() / 1000);
    const make = (payload: object) => {
      const input = `${Buffer.from(JSON.stringify({ alg: 'ES256', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
      return `${input}.${sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`;
    };
    const assertion = make({ iss: 'las-jwt', sub: 'las-jwt', aud: 'http://localhost:3000/oauth/token', exp: now + 120, jti: randomUUID() });
    const body = { ...form, client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: assertion };
    const ok = await t.http().post('/oauth/token').type('form').send(body);
    expect(ok.status).toBe(200);
    expect(claimsOf(ok.body.access_token).sub).toBe('las-jwt');
    expectProblem(await t.http().post('/oauth/token').type('form').send(body), 400, 'invalid_grant');
    const otherKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    const input = assertion.split('.').slice(0, 2).join('.');
    const forged = `${input}.${sign('sha256', Buffer.from(input), { key: otherKey, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`;
    expectProblem(await t.http().post('/oauth/token').type('form').send({ ...body, client_assertion: forged }), 401, 'invalid_client');
  });

  it('rejects requests to protected endpoints without, with a malformed, or with a forged token', async () => {
    expectProblem(await t.http().get('/beheer/v1/sandboxes'), 401, 'unauthorized');
    expectProblem(await t.http().get('/beheer/v1/sandboxes').set('Authorization', 'Basic abc'), 401, 'unauthorized');
    const [h, p] = admin.split('.');
    const res = await t.http().get('/beheer/v1/sandboxes').set(bearer(`${h}.${p}.AAAA`));
    expectProblem(res, 401, 'unauthorized');
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
  });
});
