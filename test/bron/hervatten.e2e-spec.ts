import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { genereerBronBestanden } from '../../src/bron/format/bron-generator';
import { bearer, tokenFor } from '../support/auth';
import { createTestApp, TestApp } from '../support/test-app';
import { databaseUrl } from '../support/test-database';
import { upload, wachtOpStatus } from './bron-support';

jest.setTimeout(180_000);

const ROOT = join(__dirname, '..', '..');

/** Runs `npm run bron:migreer` as a child process on a test database. */
function migreer(db: string, args: string[]): { kind: ChildProcess; klaar: Promise<{ code: number | null; signal: string | null; uit: string }> } {
  const kind = spawn(process.execPath, [join(ROOT, 'scripts', 'bron-migreer.mjs'), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl(db), BRON_CHUNK: '100' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let uit = '';
  kind.stdout!.on('data', (d: Buffer) => (uit += d.toString()));
  kind.stderr!.on('data', (d: Buffer) => (uit += d.toString()));
  return { kind, klaar: new Promise((r) => kind.on('exit', (code, signal) => r({ code, signal, uit }))) };
}

/** Every verdict of a migratie by its natural key, and what ROD holds from it. */
async function uitkomst(t: TestApp, migratieId: string) {
  const verdicten: { k: string }[] = await t.db.query(
    `SELECT s.instellingscode || '|' || coalesce(s.burgerservicenummer, s.onderwijsnummer) || '|' || s.inschrijvingvolgnummer || '|' || s.regel || '|' || r.goedgekeurd || '|' ||
            (SELECT coalesce(string_agg(x->>'code', ',' ORDER BY x->>'code'), '') FROM jsonb_array_elements(r.terugmeldingen) x WHERE x->>'soort' = 'FOUTMELDING') AS k
       FROM bron_resultaat r JOIN bron_staging s ON s.migratie_id = r.migratie_id AND s.nr = r.nr WHERE r.migratie_id = $1 AND NOT r.proef ORDER BY 1`,
    [migratieId],
  );
  const [rod] = await t.db.query(
    `SELECT count(*)::int AS n, count(DISTINCT (persoon_id, instellingscode, inschrijvingvolgnummer))::int AS uniek FROM rod_inschrijving WHERE aangeleverd_door = 'bron-migratie'`,
  );
  const [personen] = await t.db.query(`SELECT count(*)::int AS n FROM rod_persoon`);
  return { verdicten: verdicten.map((v) => v.k), rod, personen: personen.n };
}

describe('bron: a conversion killed with SIGKILL resumes and ends as an uninterrupted run', () => {
  let a: TestApp;
  let b: TestApp;
  let map: string;

  beforeAll(async () => {
    map = mkdtempSync(join(tmpdir(), 'bron-hervat-'));
    const gen = genereerBronBestanden({ leerlingen: 2500, seed: 11, rioSchaal: 'small', rioSeed: 1, foutkansen: { PGN_CONTROLECIJFER: 0.01, TE_JONG: 0.01, VOLGNUMMER_DUBBEL: 0.01, LEERLING_OP_TWEE_SCHOLEN: 0.01 } });
    for (let r = gen.next(); !r.done; r = gen.next()) writeFileSync(join(map, r.value.bestand), r.value.inhoud);
    [a, b] = [await createTestApp(), await createTestApp()];
    for (const t of [a, b]) {
      const admin = await tokenFor(t, 'demo-beheer');
      expect((await t.http().put('/beheer/v1/sandboxes/default/klok').set(bearer(admin)).send({ mode: 'FROZEN', now: '2021-12-10T10:00:00Z' })).status).toBe(200);
    }
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    rmSync(map, { recursive: true, force: true });
  });

  it('kill -9 in the middle of the conversion; the same command resumes it; counts, verdicts and ROD equal an uninterrupted run', async () => {
    // Uninterrupted, in process, through the API.
    const admin = await tokenFor(b, 'demo-beheer');
    const mb = (await b.http().post('/bron/v1/migraties').set(bearer(admin))).body.id as string;
    for (const naam of readdirSync(map).sort()) expect([200, 201]).toContain((await upload(b, admin, mb, naam, readFileSync(join(map, naam)))).status);
    expect((await b.http().post(`/bron/v1/migraties/${mb}/conversies`).set(bearer(admin))).status).toBe(202);
    await wachtOpStatus(b, admin, mb, 'GECONVERTEERD', 120_000);
    const verwacht = await uitkomst(b, mb);

    // Interrupted: the CLI in a child process, killed once a few chunks are committed.
    const eerste = migreer(a.databaseName, ['--map', map]);
    let ma: string | null = null;
    for (const einde = Date.now() + 120_000; ; ) {
      const rows = await a.db.query(`SELECT m.id, (SELECT count(*)::int FROM bron_resultaat r WHERE r.migratie_id = m.id AND NOT r.proef) AS n FROM bron_migratie m WHERE m.status = 'CONVERSIE_BEZIG'`);
      if (rows[0]?.n >= 300) {
        ma = rows[0].id;
        break;
      }
      if (Date.now() > einde) throw new Error('the conversion did not get going');
      await new Promise((r) => setTimeout(r, 10));
    }
    eerste.kind.kill('SIGKILL');
    const gestopt = await eerste.klaar;
    expect(gestopt.signal).toBe('SIGKILL');
    const [half] = await a.db.query(`SELECT status, (SELECT count(*)::int FROM bron_resultaat WHERE migratie_id = $1 AND NOT proef) AS n, (SELECT count(*)::int FROM bron_staging WHERE migratie_id = $1) AS totaal FROM bron_migratie WHERE id = $1`, [ma]);
    expect(half.status).toBe('CONVERSIE_BEZIG');
    expect(half.n).toBeLessThan(half.totaal);

    const tweede = await migreer(a.databaseName, ['--map', map, '--migratie', ma!]).klaar;
    expect(tweede.code).toBe(0);
    expect(tweede.uit).toContain(`gelezen ${half.totaal} = geconverteerd`);

    const echt = await uitkomst(a, ma!);
    expect(echt.verdicten).toHaveLength(half.totaal);
    expect(echt.verdicten).toEqual(verwacht.verdicten);
    expect(echt.rod).toEqual(verwacht.rod);
    expect(echt.rod.n).toBe(echt.rod.uniek);
    expect(echt.personen).toBe(verwacht.personen);
    const adminA = await tokenFor(a, 'demo-beheer');
    const [ta, tb] = await Promise.all([a.http().get(`/bron/v1/migraties/${ma}/telling`).set(bearer(adminA)), b.http().get(`/bron/v1/migraties/${mb}/telling`).set(bearer(admin))]);
    expect(ta.body.totaal).toEqual(tb.body.totaal);
    expect(ta.body.perSchool).toEqual(tb.body.perSchool);
    expect(ta.body.totaal.gelezen).toBe(ta.body.totaal.goedgekeurd + ta.body.totaal.afgekeurd);
  });
});
