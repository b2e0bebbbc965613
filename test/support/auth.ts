import { DEMO_CLIENTS } from '../../src/beheer';
import type { TestApp } from './test-app';

export const demo = Object.fromEntries(DEMO_CLIENTS.map((c) => [c.clientId, c])) as Record<string, (typeof DEMO_CLIENTS)[number]>;

/** Gets an access token with client_secret_post; fails the test when the token endpoint refuses. */
export async function tokenFor(t: TestApp, clientId: string, secret?: string, extra: Record<string, string> = {}): Promise<string> {
  const res = await t
    .http()
    .post('/oauth/token')
    .type('form')
    .send({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret ?? demo[clientId].secret, ...extra });
  if (res.status !== 200) throw new Error(`token for ${clientId} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.access_token as string;
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
