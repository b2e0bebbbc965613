import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { dutchDate } from '../common/clock/clock.service';
import { bsnMetControlecijfer } from '../rod';
import { writeGroupSize } from '../common/metrics/metrics';
import { JournaalService } from '../conformance';
import { CpuUse, LoadResult, loadTestInProcess, peakRssMb, PlannedRequest, printFigures, startBenchApp, startSecondInstance, StatementStats, token, upsertYardstick, withCpu } from './harness';

/** Demo schools of the small seed with a valid RIO combination (vestiging, aanbieder, locatie). */
const SCHOLEN = {
  '01AA': ['01AA00', '100A001', '100X001'],
  '01AB': ['01AB00', '100A002', '100X002'],
  '02AA': ['02AA00', '100A004', '100X004'],
} as const;

/** Pairs of runs (journal on, journal off) for the journal's cost. */
const JOURNAL_PAIRS = 3;

/**
 * `npm run bench:rod`: accepted AanleverenInschrijvingBO messages per second at concurrency 32 and 64
 * (distinct pupils, bounded counts) with p50/p99, the same at concurrency 32 spread over two instances (a second process on
 * the same database), each as a ratio to its yardstick measured in the same run, with the CPU each accepted submission
 * cost the app, the PostgreSQL backends and the load generator; the registratieoverzicht of a 1,000-pupil school; and
 * the request journal's cost (on vs off, three alternating pairs, with their spread).
 *
 * The yardstick is what issue #12 §5 names: single-row upsert transactions straight from pg at concurrency 32, each an
 * explicit transaction (BEGIN; INSERT … ON CONFLICT … DO UPDATE; COMMIT: three round trips) on a logged table with the
 * server's own synchronous_commit, so every transaction is a durable commit (upsertYardstick). Until this was made
 * faithful it sent the INSERT alone in autocommit (one round trip), which ran about three times faster than what the
 * issue measured.
 *
 * Every process runs on the same machine: the app, a second instance, PostgreSQL and the load generator share its
 * cores, which the `cores busy` figure shows; where they are all busy, a second instance cannot add throughput.
 * Args: [submissions per run, default 10000].
 */
export async function main(args: string[]) {
  const perRun = Number(args[0] ?? 10_000);
  const bench = await startBenchApp('rod');
  try {
    const db = new Client({ connectionString: bench.databaseUrl });
    await db.connect();
    const [{ id: sandboxId }] = (await db.query(`SELECT id FROM sandbox WHERE code = 'default'`)).rows;
    // Pupils: generated persons with valid BSNs, inserted set-based.
    const journalRun = Math.floor(perRun / 4);
    const total = 2 * 500 + 3 * perRun + 1000 + 2 * JOURNAL_PAIRS * journalRun;
    const bsns: string[] = [];
    for (let i = 0; bsns.length < total; i++) {
      const bsn = bsnMetControlecijfer('98' + String(i).padStart(6, '0'));
      if (bsn) bsns.push(bsn);
    }
    await db.query(
      `INSERT INTO rod_persoon (sandbox_id, burgerservicenummer, geboortedatum, geslacht, achternaam)
       SELECT $1, b, '2018-05-05', 'M', 'Bench' FROM unnest($2::text[]) AS b ON CONFLICT DO NOTHING`,
      [sandboxId, bsns],
    );
    // Statistics, as a register in use has them (autovacuum would gather them within a minute).
    await db.query('ANALYZE rod_persoon');
    await db.end();
    const alfa = await token(bench.baseUrl, 'las-alfa', 'las-alfa-geheim');
    const beta = await token(bench.baseUrl, 'las-beta', 'las-beta-geheim');
    const vandaag = dutchDate(new Date());
    const plan = (bsn: string, school: keyof typeof SCHOLEN, tok: string, baseUrl = bench.baseUrl): PlannedRequest => {
      const [vestigingscode, onderwijsaanbiedercode, onderwijslocatiecode] = SCHOLEN[school];
      return {
        method: 'POST',
        url: `${baseUrl}/rod/v1/inschrijvingen`,
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${tok}` },
        body: JSON.stringify({
          bedrijfsdocument: { identificatiecodeBedrijfsdocument: randomUUID(), datumTijdBedrijfsdocument: new Date().toISOString() },
          instellingscode: school,
          persoonsgebondenNummer: { burgerservicenummer: bsn },
          inschrijvingvolgnummer: '1',
          datumInschrijving: vandaag,
          inschrijvingPeriodeBO: [{ datumBegin: vandaag, vestigingscode, onderwijsaanbiedercode, onderwijslocatiecode, groep: '3' }],
        }),
      };
    };
    const accepted = (s: number) => s === 201;
    let next = 0;
    const take = (n: number) => bsns.slice(next, (next += n));

    const warm = take(500);
    // The load is sent by a separate process, so the generator does not share the app's event loop.
    await loadTestInProcess(warm.map((b) => plan(b, '01AA', alfa)), 16, accepted);
    // Statistics of the tables the warm-up filled, as autovacuum keeps them for a register in use: the cached generic
    // plans are made again on them (a plan made on near-empty tables may scan a whole sandbox where an index would do).
    const analyse = new Client({ connectionString: bench.databaseUrl });
    await analyse.connect();
    await analyse.query('ANALYZE');
    await analyse.end();
    const database = new URL(bench.databaseUrl).pathname.slice(1);
    const { result: yardstick, cpu: yardstickCpu } = await withCpu(database, [], () => upsertYardstick(bench.databaseUrl, perRun, 32));
    // Group commit in this process: submissions per group transaction over a run (rodsim_write_group_size).
    const groepen = async () => {
      const { values } = await writeGroupSize.get();
      const of = (suffix: string) => values.find((v) => v.metricName === `rodsim_write_group_size_${suffix}`)?.value ?? 0;
      return { sum: of('sum'), count: of('count') };
    };
    const perGroep = (a: { sum: number; count: number }, b: { sum: number; count: number }) => Math.round(((b.sum - a.sum) / Math.max(1, b.count - a.count)) * 10) / 10;
    const g0 = await groepen();
    const statements = await StatementStats.start(bench.databaseUrl);
    const { result: c32, cpu: c32Cpu } = await withCpu(database, [], () => loadTestInProcess(take(perRun).map((b) => plan(b, '01AA', alfa)), 32, accepted));
    const g1 = await groepen();
    const perStatement = await statements.stop();
    // Two instances: the same load at concurrency 32, every other submission to a second process on the same database
    // (warmed up first, as the first instance was).
    const second = await startSecondInstance(bench.databaseUrl, { SEED_ON_START: 'false' });
    let twee: LoadResult;
    let tweeCpu: CpuUse;
    let perStatement2: Awaited<ReturnType<StatementStats['stop']>> = null;
    try {
      // The second instance is warmed up as the first was (its code compiled, its connections opened and their
      // statements prepared), so the run compares two warm instances with one.
      await loadTestInProcess(take(500).map((b) => plan(b, '01AA', alfa, second.baseUrl)), 16, accepted);
      const statements2 = await StatementStats.start(bench.databaseUrl);
      ({ result: twee, cpu: tweeCpu } = await withCpu(database, [second.pid], () =>
        loadTestInProcess(take(perRun).map((b, i) => plan(b, '01AA', alfa, i % 2 ? second.baseUrl : bench.baseUrl)), 32, accepted),
      ));
      perStatement2 = await statements2.stop();
    } finally {
      await second.close();
    }
    const g2 = await groepen();
    const c64 = await loadTestInProcess(take(perRun).map((b) => plan(b, '01AB', alfa)), 64, accepted);
    const fill = await loadTestInProcess(take(1000).map((b) => plan(b, '02AA', beta)), 32, accepted);

    // Registratieoverzicht of the 1,000-pupil school: every page of 100, 20 full passes.
    const pageLatencies: number[] = [];
    const passLatencies: number[] = [];
    let seen = 0;
    for (let pass = 0; pass < 20; pass++) {
      const p0 = process.hrtime.bigint();
      seen = 0;
      for (let page = 1; page <= 10; page++) {
        const t0 = process.hrtime.bigint();
        const res = await fetch(`${bench.baseUrl}/rod/v1/instellingen/02AA/registratieoverzicht?pageSize=100&page=${page}`, { headers: { Authorization: `Bearer ${beta}` } });
        const body = (await res.json()) as { items: unknown[] };
        seen += body.items.length;
        pageLatencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
      passLatencies.push(Number(process.hrtime.bigint() - p0) / 1e6);
    }
    const pct = (xs: number[], p: number) => {
      const s = [...xs].sort((a, b) => a - b);
      return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] * 10) / 10;
    };

    const ratio = (x: number) => `${(x / yardstick.perSecond).toFixed(2)}x`;
    // CPU per accepted submission (per transaction for the yardstick), and the cores all of it kept busy: with as many
    // cores as processes that want them, more instances cannot add throughput.
    const cpuFigures = (r: LoadResult, cpu: CpuUse, app: string) => {
      const per = (ms: number) => Math.round((ms / Math.max(1, r.ok)) * 100) / 100;
      const total = cpu.appMs + cpu.otherMs + (cpu.postgresMs ?? 0) + (r.generatorCpuMs ?? 0);
      return {
        [`CPU ms per accepted: ${app}`]: per(cpu.appMs + cpu.otherMs),
        'CPU ms per accepted: postgres backends': cpu.postgresMs === null ? 'not visible' : per(cpu.postgresMs),
        ...(r.generatorCpuMs === undefined ? {} : { 'CPU ms per accepted: load generator': per(r.generatorCpuMs) }),
        'cores busy (all of the above)': Math.round((total / 1000 / r.seconds) * 100) / 100,
      };
    };
    printFigures('Yardstick: single-row upsert transactions (BEGIN; INSERT … ON CONFLICT DO UPDATE; COMMIT) straight from pg, concurrency 32', {
      transactions: yardstick.requests, 'per second': yardstick.perSecond, 'p50 ms': yardstick.p50Ms, 'p99 ms': yardstick.p99Ms, ...cpuFigures(yardstick, yardstickCpu, 'pg client (node)'),
    });
    printFigures('ROD aanleveren inschrijving, concurrency 32 (distinct pupils, one school), one instance', {
      requests: c32.requests, accepted: c32.ok, 'accepted per second': c32.perSecond, 'ratio to yardstick': ratio(c32.ok / c32.seconds), 'p50 ms': c32.p50Ms, 'p99 ms': c32.p99Ms, 'max ms': c32.maxMs, statuses: c32.statuses,
      'submissions per group commit (mean)': perGroep(g0, g1), ...cpuFigures(c32, c32Cpu, 'app'),
    });
    printStatements('one-instance run', perStatement, c32.ok);
    printFigures('ROD aanleveren inschrijving, concurrency 32, two instances (second process, same database)', {
      requests: twee.requests, accepted: twee.ok, 'accepted per second': twee.perSecond, 'ratio to yardstick': ratio(twee.ok / twee.seconds), 'ratio to one instance': `${(twee.perSecond / c32.perSecond).toFixed(2)}x`, 'p50 ms': twee.p50Ms, 'p99 ms': twee.p99Ms, 'max ms': twee.maxMs, statuses: twee.statuses,
      'submissions per group commit, instance 1': perGroep(g1, g2), ...cpuFigures(twee, tweeCpu, 'both apps'),
      // Each instance took half of the submissions.
      'CPU ms per own accepted: instance 1 / 2': `${Math.round((tweeCpu.appMs / Math.max(1, twee.ok / 2)) * 100) / 100} / ${Math.round((tweeCpu.otherMs / Math.max(1, twee.ok / 2)) * 100) / 100}`,
    });
    printStatements('two-instance run', perStatement2, twee.ok);
    printFigures('ROD aanleveren inschrijving, concurrency 64', {
      requests: c64.requests, accepted: c64.ok, 'accepted per second': c64.perSecond, 'p50 ms': c64.p50Ms, 'p99 ms': c64.p99Ms, 'max ms': c64.maxMs, statuses: c64.statuses,
    });
    printFigures('ROD registratieoverzicht, school with 1,000 pupils (pages of 100, 20 passes)', {
      'pupils in school': fill.ok, 'items read per pass': seen, 'page p50 ms': pct(pageLatencies, 50), 'page p99 ms': pct(pageLatencies, 99), 'full overview p50 ms': pct(passLatencies, 50), 'full overview max ms': pct(passLatencies, 100),
    });
    // The request journal's cost on the write path: the same load at concurrency 32 with the journal on and off, in
    // JOURNAL_PAIRS pairs alternated (on, off, on, off, …) so the growth of the tables and the neighbours' load weigh on
    // both alike; each pair gives a ratio, and their spread says how far one figure can be trusted.
    const journaal = bench.app.get(JournaalService);
    const perModus: Record<'aan' | 'uit', { perSecond: number[]; p99: number[] }> = { aan: { perSecond: [], p99: [] }, uit: { perSecond: [], p99: [] } };
    for (let paar = 0; paar < JOURNAL_PAIRS; paar++) {
      for (const modus of ['aan', 'uit'] as const) {
        journaal.actief = modus === 'aan';
        const r = await loadTestInProcess(take(journalRun).map((b) => plan(b, '01AB', alfa)), 32, accepted);
        perModus[modus].perSecond.push(r.ok / r.seconds);
        perModus[modus].p99.push(r.p99Ms);
      }
    }
    journaal.actief = true;
    const gem = (xs: number[]) => Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10;
    const paren = perModus.aan.perSecond.map((aan, i) => aan / perModus.uit.perSecond[i]);
    printFigures(`ROD aanleveren at concurrency 32, request journal on vs off (${JOURNAL_PAIRS} alternating pairs of ${journalRun} submissions)`, {
      'journal on: accepted per second': gem(perModus.aan.perSecond), 'journal on: p99 ms': gem(perModus.aan.p99),
      'journal off: accepted per second': gem(perModus.uit.perSecond), 'journal off: p99 ms': gem(perModus.uit.p99),
      'on / off throughput': Math.round((gem(perModus.aan.perSecond) / gem(perModus.uit.perSecond)) * 1000) / 1000,
      'on / off per pair': paren.map((x) => x.toFixed(3)).join(' '),
      'on / off spread (min-max)': `${Math.min(...paren).toFixed(3)}-${Math.max(...paren).toFixed(3)}`,
    });
    printFigures('Process', { 'peak RSS MB': peakRssMb(), cpus: (await import('node:os')).cpus().length });
  } finally {
    await bench.close();
  }
}

/** The statements of a run per accepted submission: how many, their execution time, and the costliest ones. */
function printStatements(run: string, rows: Awaited<ReturnType<StatementStats['stop']>>, accepted: number) {
  if (!rows) {
    printFigures(`Statements of the ${run}`, { pg_stat_statements: 'not available (the server does not load it: shared_preload_libraries)' });
    return;
  }
  const per = (x: number) => Math.round((x / Math.max(1, accepted)) * 1000) / 1000;
  printFigures(`Statements of the ${run}, per accepted submission (pg_stat_statements; the 15 with most execution time)`, {
    'statements per accepted': per(rows.reduce((a, r) => a + r.calls, 0)),
    'execution ms per accepted': per(rows.reduce((a, r) => a + r.ms, 0)),
    ...Object.fromEntries(rows.slice(0, 15).map((r, i) => [`${String(i + 1).padStart(2)}. ${r.query.replace(/\s+/g, ' ').slice(0, 60)}`, `${per(r.calls)} calls, ${per(r.ms)} ms`])),
  });
}
