import { Client } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Principal } from '../common/auth/principal';
import { MigratiesService } from '../bron';
import { genereerBronBestanden } from '../bron/format/bron-generator';
import { peakRssMb, printFigures, startBenchApp, token } from './harness';

const SANDBOX = 'bron-bench';
const secs = (t0: bigint) => Math.round(Number(process.hrtime.bigint() - t0) / 1e6) / 1000;
const duur = (f: { gestartOp?: string; klaarOp?: string } | undefined) => (f?.gestartOp && f.klaarOp ? (Date.parse(f.klaarOp) - Date.parse(f.gestartOp)) / 1000 : NaN);

/**
 * `npm run bench:bron [pupils=1500000] [seed=7]`: the BRON → ROD migration at scale. A national sandbox (RIO national
 * seed), the BRON files of `pupils` generated for its schools (1 % flaws per category), then: every file read and staged
 * (parse + COPY, in groups of files as the CLI does), the conversion (ROD's rules, bulk write), and the bekostiging recompute reported on its own. Yardstick,
 * in the same run: a raw COPY of the same staged rows into a plain table (COPY TO → COPY FROM), the median of three. Prints wall time per
 * phase, rows/s, the ratio (read + convert) / raw COPY, and peak RSS.
 */
export async function main(args: string[]) {
  const leerlingen = Number(args[0] ?? 1_500_000);
  const seed = Number(args[1] ?? 7);
  const bench = await startBenchApp('bron', { WORKERS_ENABLED: 'false', BRON_CHUNK: process.env.BRON_CHUNK ?? '2000' });
  const db = new Client({ connectionString: bench.databaseUrl });
  await db.connect();
  try {
    const admin = await token(bench.baseUrl, 'demo-beheer', 'demo-beheer-geheim');
    const h = { 'Content-Type': 'application/json', Authorization: `Bearer ${admin}` };
    const created = await fetch(`${bench.baseUrl}/beheer/v1/sandboxes`, { method: 'POST', headers: h, body: JSON.stringify({ code: SANDBOX, seed: 'national', clientIds: ['las-alfa'] }) });
    if (created.status !== 201) throw new Error(`sandbox: ${created.status} ${await created.text()}`);
    const klok = await fetch(`${bench.baseUrl}/beheer/v1/sandboxes/${SANDBOX}/klok`, { method: 'PUT', headers: h, body: JSON.stringify({ mode: 'FROZEN', now: '2021-12-10T10:00:00Z' }) });
    if (klok.status !== 200) throw new Error(`klok: ${klok.status} ${await klok.text()}`);
    const [{ id: sandboxId }] = (await db.query('SELECT id FROM sandbox WHERE code = $1', [SANDBOX])).rows;
    const p: Principal = { clientId: 'demo-beheer', clientName: 'bench', role: 'BEHEER', oin: '00000001800866472000', scopes: ['beheer'], sandboxId, sandboxCode: SANDBOX, bestuurcodes: [] };
    const service = bench.app.get(MigratiesService);

    // Read and stage every file as it is generated (the generator's time is left out).
    const m = await service.create(p);
    const flaws = { PGN_CONTROLECIJFER: 0.01, BRIN6_ONBEKEND: 0.01, BRIN6_NIET_ONDER_BRIN4: 0.01, PERIODES_OVERLAPPEN: 0.01, LEERLING_OP_TWEE_SCHOLEN: 0.01, TE_JONG: 0.01, VOLGNUMMER_DUBBEL: 0.01 };
    const gen = genereerBronBestanden({ leerlingen, seed, rioSchaal: 'national', rioSeed: 1, foutkansen: flaws });
    let lezen = 0;
    let bestanden = 0;
    let bytes = 0;
    // Files are staged in groups (one transaction and one COPY each), as the CLI stages a folder.
    const GROEP_BYTES = 16 * 1024 * 1024;
    let groep: { bestandsnaam: string; inhoud: Buffer }[] = [];
    let groepBytes = 0;
    const stage = async () => {
      const t0 = process.hrtime.bigint();
      await service.uploadGroep(p, m.id, groep.map((g) => ({ bestandsnaam: g.bestandsnaam, open: () => Readable.from([g.inhoud]) })));
      lezen += secs(t0);
      groep = [];
      groepBytes = 0;
    };
    for (let r = gen.next(); !r.done; r = gen.next()) {
      groep.push({ bestandsnaam: r.value.bestand, inhoud: r.value.inhoud });
      groepBytes += r.value.inhoud.length;
      bestanden++;
      bytes += r.value.inhoud.length;
      if (groep.length >= 500 || groepBytes >= GROEP_BYTES) await stage();
    }
    if (groep.length) await stage();
    const [{ rijen }] = (await db.query('SELECT count(*)::int AS rijen FROM bron_staging WHERE migratie_id = $1', [m.id])).rows;

    const rssNaLezen = peakRssMb();
    // Convert (ROD's rules and bulk write), then bekostiging.
    let t0 = process.hrtime.bigint();
    await service.convert(p, m.id);
    // The process's peak RSS up to the start of the bekostiging recompute (which is reported on its own).
    let rssVoorBekostiging = NaN;
    // And the current RSS sampled every 100 ms, the highest per phase (as last polled).
    let fase: 'conversie' | 'bekostiging' = 'conversie';
    const rssPerFase = { conversie: 0, bekostiging: 0 };
    const peiler = setInterval(() => {
      if (!Number.isNaN(rssVoorBekostiging)) return;
      const rss = peakRssMb();
      service
        .getVoortgang(p, m.id)
        .then((x) => {
          if (x.fasen.bekostiging && Number.isNaN(rssVoorBekostiging)) {
            rssVoorBekostiging = rss;
            fase = 'bekostiging';
          }
        })
        .catch(() => undefined);
    }, 250);
    const sampler = setInterval(() => (rssPerFase[fase] = Math.max(rssPerFase[fase], Math.round(process.memoryUsage.rss() / 1048576))), 100);
    try {
      await service.waitFor(m.id);
    } finally {
      clearInterval(peiler);
      clearInterval(sampler);
    }
    const totaalConversie = secs(t0);
    const klaar = await service.get(p, m.id);
    const telling = await service.getTelling(p, m.id, false);
    const conversie = duur(klaar.fasen.conversie);
    const bekostiging = duur(klaar.fasen.bekostiging);

    // Yardstick: a raw COPY of the same staged rows into a plain table, three times (each into a fresh table); the median
    // counts, so one burst of load on the shared machine does not move the ratio.
    const bron = new Client({ connectionString: bench.databaseUrl });
    await bron.connect();
    const copies: number[] = [];
    for (let k = 0; k < 3; k++) {
      await db.query('DROP TABLE IF EXISTS bench_copy');
      await db.query('CREATE TABLE bench_copy (LIKE bron_staging)');
      t0 = process.hrtime.bigint();
      await pipeline(bron.query(copyTo(`COPY (SELECT * FROM bron_staging WHERE migratie_id = '${m.id}') TO STDOUT`)), db.query(copyFrom('COPY bench_copy FROM STDIN')));
      copies.push(secs(t0));
    }
    await bron.end();
    copies.sort((a, b) => a - b);
    const copy = copies[1];

    printFigures(`bench:bron — ${leerlingen} pupils (seed ${seed}), ${bestanden} files, ${Math.round(bytes / 1e6)} MB`, {
      'staged inschrijvingen': rijen,
      'read + stage (parse, COPY) s': lezen.toFixed(2),
      'read rows/s': Math.round(rijen / lezen),
      'convert (validate + write) s': conversie.toFixed(2),
      'convert rows/s': Math.round(rijen / conversie),
      'bekostiging recompute s (separate)': bekostiging.toFixed(2),
      'conversion wall incl. bekostiging s': totaalConversie.toFixed(2),
      'goedgekeurd / afgekeurd': `${telling.totaal.goedgekeurd} / ${telling.totaal.afgekeurd} (files refused: ${telling.afgekeurdeBestanden.length})`,
      'yardstick: raw COPY of the staged rows s (median of 3)': `${copy.toFixed(2)} (${copies.map((c) => c.toFixed(2)).join(' / ')})`,
      'ratio (read + convert) / raw COPY': `${((lezen + conversie) / copy).toFixed(1)}x (target ≤ 3x)`,
      'peak RSS MB after read + stage': rssNaLezen,
      'peak RSS MB up to bekostiging (process, incl. generator)': `${rssVoorBekostiging} (target ≤ 512)`,
      'RSS MB sampled: highest during convert / bekostiging': `${rssPerFase.conversie} / ${rssPerFase.bekostiging}`,
      'peak RSS MB whole run': peakRssMb(),
    });
  } finally {
    await db.end();
    await bench.close();
  }
}
