import { bearer, tokenFor } from '../support/auth';
import type { TestApp } from '../support/test-app';

/** The default sandbox's frozen "today" in the RIO e2e tests. */
export const VANDAAG = '2025-09-01';

export interface RioTest {
  t: TestApp;
  admin: string;
  alfa: string;
  beta: string;
}

export async function rioSetup(t: TestApp): Promise<RioTest> {
  const admin = await tokenFor(t, 'demo-beheer');
  // Through the klok API, as a tester sets it.
  const res = await t.http().put('/beheer/v1/sandboxes/default/klok').set(bearer(admin)).send({ mode: 'FROZEN', now: `${VANDAAG}T10:00:00Z` });
  if (res.status !== 200) throw new Error(`klok: ${res.status} ${JSON.stringify(res.body)}`);
  return { t, admin, alfa: await tokenFor(t, 'las-alfa'), beta: await tokenFor(t, 'las-beta') };
}

/** A second sandbox (empty RIO) that las-alfa may use; returns las-alfa's token for it. */
export async function andereSandbox(r: RioTest, code: string, seed: 'empty' | 'small' = 'empty'): Promise<string> {
  const res = await r.t.http().post('/beheer/v1/sandboxes').set(bearer(r.admin)).send({ code, seed, clientIds: ['las-alfa'] });
  if (res.status !== 201) throw new Error(`sandbox: ${res.status} ${JSON.stringify(res.body)}`);
  return tokenFor(r.t, 'las-alfa', undefined, { sandbox: code });
}

export const expectJson = (res: { status: number; headers: Record<string, string> }, status: number) => {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status} ${JSON.stringify((res as unknown as { body: unknown }).body)}`);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
};

/** Foutcodes of a RIO 400, sorted. */
export const foutcodes = (body: { foutmeldingen?: { foutcode: string }[] }) => (body.foutmeldingen ?? []).map((f) => f.foutcode).sort();

export const aanbiederBody = (over: Record<string, unknown> = {}) => ({
  inBedrijfdatum: '2025-08-01',
  periodes: [{ begindatum: '2025-08-01', naam: 'IKC De Nieuwe Kompas' }],
  juridischeRelaties: [{ instellingscode: '01AB', begindatum: '2025-08-01' }],
  besturen: [{ onderwijsbestuurcode: '100B001', begindatum: '2025-08-01' }],
  ...over,
});

export const opleidingBody = (over: Record<string, unknown> = {}) => ({
  onderwijsaanbiedercode: '100A002',
  onderwijslocatiecode: '100X002',
  soort: 'BO',
  opleidingseenheidcode: '1001O0001',
  begindatum: '2026-08-01',
  doelgroepen: ['BO'],
  periodes: [{ begindatum: '2026-08-01', eigenNaam: 'Daltononderwijs Het Kompas', onderwijsconcept: 'DALTON' }],
  ...over,
});
