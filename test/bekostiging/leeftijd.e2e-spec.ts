import { bearer, tokenFor } from '../support/auth';
import { createTestApp, TestApp } from '../support/test-app';
import { nieuweLeerling, schrijfIn, statussenVan } from './bekostiging-support';

/**
 * B06 (rod.md §8.2, WPO art. 39): funded from the 4th birthday to the end of the schooljaar in which the pupil turns 14,
 * by the same rule as ROD's melding 251 (a partial geboortedatum counts only when certain).
 */
describe('bekostiging: B06 age range, one rule with ROD', () => {
  let t: TestApp;
  let admin: string;
  let alfa: string;

  beforeAll(async () => {
    t = await createTestApp();
    [admin, alfa] = [await tokenFor(t, 'demo-beheer'), await tokenFor(t, 'las-alfa')];
    const res = await t.http().put('/beheer/v1/sandboxes/default/klok').set(bearer(admin)).send({ mode: 'FROZEN', now: '2027-01-20T10:00:00Z' });
    expect(res.status).toBe(200);
  });
  afterAll(() => t.close());

  /** Enrols a pupil born on `geboortedatum` at 01AA from 20 December; answers the status on teldatum 1 January and ROD's meldingen. */
  const opTeldatum = async (geboortedatum: string) => {
    const bsn = await nieuweLeerling(t, admin, geboortedatum);
    const id = await schrijfIn(t, alfa, { burgerservicenummer: bsn }, '01AA', '2026-12-20');
    const status = (await statussenVan(t, alfa, '01AA', id))['2027-01-01'];
    const res = await t.http().get(`/rod/v1/inschrijvingen/${id}`).set(bearer(alfa));
    expect(res.status).toBe(200);
    return { status: status.status, signalen: status.signalen, meldingen: res.body.meldingen.map((m: { code: string }) => m.code.slice(0, 3)) };
  };

  it('born 31 July 2012: 14 before 1 August 2026, outside the range in schooljaar 2026/27 (B06), and melding 251', async () => {
    expect(await opTeldatum('2012-07-31')).toEqual({ status: 'NIET_BEKOSTIGD', signalen: ['B06'], meldingen: ['251', '260'] });
  });

  it('born 1 August 2012: turns 14 on the first day of schooljaar 2026/27 and is funded in it; no 251', async () => {
    expect(await opTeldatum('2012-08-01')).toEqual({ status: 'BEKOSTIGD', signalen: [], meldingen: ['260'] });
  });

  it('born in 2012, month and day unknown (2012-00-00): not certainly too old, funded; no 251', async () => {
    expect(await opTeldatum('2012-00-00')).toEqual({ status: 'BEKOSTIGD', signalen: [], meldingen: ['260'] });
  });

  it('born in 2011, month and day unknown: certainly 14 before 1 August 2026 (B06, 251)', async () => {
    expect(await opTeldatum('2011-00-00')).toEqual({ status: 'NIET_BEKOSTIGD', signalen: ['B06'], meldingen: ['251', '260'] });
  });

  it('born 29 February 2012: 14 on 1 March 2026, outside the range in schooljaar 2026/27 (B06, 251)', async () => {
    expect(await opTeldatum('2012-02-29')).toEqual({ status: 'NIET_BEKOSTIGD', signalen: ['B06'], meldingen: ['251', '260'] });
  });
});
