import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bearer } from '../support/auth';
import { createTestApp, TestApp } from '../support/test-app';
import { inschrijving, nieuweLeerling, rodSetup, RodTest } from '../rod/rod-support';

/** Where Debian's chromium lives; `.ci/run` installs it and sets CONFORMANCE_BROWSER_REQUIRED so CI never skips. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const browserRequired = process.env.CONFORMANCE_BROWSER_REQUIRED === '1';

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(__dirname, '..', '..', 'scripts', 'conformance.mjs'), ...args], { timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('conformance for CI: the CLI and the HTML report', () => {
  let t: TestApp;
  let r: RodTest;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp();
    r = await rodSetup(t);
    await t.app.listen(0, '127.0.0.1');
    const adres = t.app.getHttpServer().address() as { port: number };
    base = `http://127.0.0.1:${adres.port}`;
  });
  afterAll(() => t.close());

  const login = ['--base-url', '', '--client', 'las-alfa', '--secret', 'las-alfa-geheim'];
  const metBase = () => login.map((x, i) => (i === 1 ? base : x));

  it('starts a run, grades it, writes JUnit and exits 0 only when every required case passed', async () => {
    const start = await cli(['start', ...metBase()]);
    expect(start.code).toBe(0);
    const runId = start.stdout.trim();
    expect(runId).toMatch(/^[0-9a-f-]{36}$/);
    // The LAS does PG02 (enrol) but not PG03.
    const bsn = await nieuweLeerling(r, '2019-05-20');
    await t.http().post('/rod/v1/inschrijvingen').set(bearer(r.alfa)).send(inschrijving(bsn)).expect(201);

    const dir = mkdtempSync(join(tmpdir(), 'conformance-'));
    const goed = await cli([...metBase(), '--run', runId, '--cases', 'PG02', '--junit', join(dir, 'pg02.xml')]);
    expect(goed.stderr).toContain('✓ PG02');
    expect(goed.code).toBe(0);
    const xml = readFileSync(join(dir, 'pg02.xml'), 'utf8');
    expect(xml).toContain('<testcase classname="rod-po-conformance.2026.2" name="PG02');

    const start2 = await cli(['start', ...metBase()]);
    const runId2 = start2.stdout.trim();
    const fout = inschrijving(bsn, { inschrijvingvolgnummer: '5', datumUitschrijving: '2025-08-01' });
    await t.http().post('/rod/v1/inschrijvingen').set(bearer(r.alfa)).send(fout).expect(422);
    await t.http().post('/rod/v1/inschrijvingen').set(bearer(r.alfa)).send(fout).expect(422);
    const mislukt = await cli([...metBase(), '--run', runId2, '--cases', 'PG03', '--junit', join(dir, 'pg03.xml')]);
    expect(mislukt.code).toBe(1);
    expect(readFileSync(join(dir, 'pg03.xml'), 'utf8')).toContain('<failure');

    const niet = await cli([...metBase(), '--cases', 'PG06', '--junit', join(dir, 'pg06.xml')]);
    expect(niet.code).toBe(2);
    const fouteLogin = await cli(['--base-url', base, '--client', 'las-alfa', '--secret', 'fout']);
    expect(fouteLogin.code).toBe(3);
    expect(fouteLogin.stderr).toContain('token endpoint answered 401');
  });

  (existsSync(CHROMIUM) || browserRequired ? it : it.skip)('the HTML report renders in a browser with every case, and a failed case shows its reason and exchanges', async () => {
    const start = await t.http().post('/conformance/v1/runs').set(bearer(r.alfa)).send({}).expect(201);
    const bsn = await nieuweLeerling(r, '2019-09-09');
    const fout = inschrijving(bsn, { datumUitschrijving: '2025-08-01' });
    await t.http().post('/rod/v1/inschrijvingen').set(bearer(r.alfa)).send(fout).expect(422);
    await t.http().post('/rod/v1/inschrijvingen').set(bearer(r.alfa)).send(fout).expect(422);
    const cases = (await t.http().get('/conformance/v1/proefgevallen').set(bearer(r.alfa)).expect(200)).body.items.length;

    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage({ extraHTTPHeaders: bearer(r.alfa) });
      const res = await page.goto(`${base}/conformance/v1/runs/${start.body.runId}/rapport`);
      expect(res?.status()).toBe(200);
      expect(await page.title()).toMatch(/geslaagd/);
      expect(await page.locator('section.geval').count()).toBe(cases);
      const pg03 = page.locator('#PG03');
      expect(await pg03.getAttribute('data-uitslag')).toBe('MISLUKT');
      expect(await pg03.locator('.reden').innerText()).toContain('same identificatiecodeBedrijfsdocument');
      expect(await pg03.locator('table.uitwisselingen tbody tr').count()).toBeGreaterThanOrEqual(1);
      expect(await pg03.locator('table.uitwisselingen').innerText()).toContain('/rod/v1/inschrijvingen');
      expect(await page.locator('#samenvatting').innerText()).toContain('mislukt');
    } finally {
      await browser.close();
    }
  });
});
