import { Client } from 'pg';
import { loadTest, peakRssMb, printFigures, startBenchApp, token } from './harness';

/**
 * `npm run bench:rio`: seeds a national-scale sandbox through the sandbox API and times it, then
 * measures GET throughput and latency (p50/p99) of lookups by code and by postcode.
 * Args: [requests per run, default 5000] [concurrency, default 32].
 */
export async function main(args: string[]) {
  const requests = Number(args[0] ?? 5000);
  const concurrency = Number(args[1] ?? 32);
  const bench = await startBenchApp('rio');
  try {
    const admin = await token(bench.baseUrl, 'demo-beheer', 'demo-beheer-geheim');
    const t0 = process.hrtime.bigint();
    const res = await fetch(`${bench.baseUrl}/beheer/v1/sandboxes`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${admin}` },
      body: JSON.stringify({ code: 'nationaal', naam: 'National scale', seed: 'national', seedValue: 1, clientIds: ['las-alfa'] }),
    });
    const seedSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
    if (res.status !== 201) throw new Error(`seeding failed: ${res.status} ${await res.text()}`);

    const db = new Client({ connectionString: bench.databaseUrl });
    await db.connect();
    const [{ id: sid }] = (await db.query(`SELECT id FROM sandbox WHERE code = 'nationaal'`)).rows;
    const count = async (table: string) => Number((await db.query(`SELECT count(*) AS n FROM ${table} WHERE sandbox_id = $1`, [sid])).rows[0].n);
    const sizes = {
      besturen: await count('rio_onderwijsbestuur'),
      'BRIN4 instellingserkenningen': await count('rio_instellingserkenning'),
      'BRIN6 vestigingserkenningen': await count('rio_vestigingserkenning'),
      onderwijsaanbieders: await count('rio_onderwijsaanbieder'),
      onderwijslocaties: await count('rio_onderwijslocatie'),
      'aangeboden opleidingen': await count('rio_aangeboden_opleiding'),
      'BAG addresses': await count('rio_bag_adres'),
    };
    const aanbieders: string[] = (await db.query(`SELECT code FROM rio_onderwijsaanbieder WHERE sandbox_id = $1 ORDER BY md5(code) LIMIT 1000`, [sid])).rows.map((r) => r.code);
    const postcodes: string[] = (await db.query(`SELECT postcode FROM rio_onderwijslocatie WHERE sandbox_id = $1 ORDER BY md5(code) LIMIT 1000`, [sid])).rows.map((r) => r.postcode);
    await db.end();

    const alfa = await token(bench.baseUrl, 'las-alfa', 'las-alfa-geheim', 'nationaal');
    const get = async (path: string) => {
      const r = await fetch(`${bench.baseUrl}/rio/v1${path}`, { headers: { Authorization: `Bearer ${alfa}` } });
      await r.arrayBuffer();
      return r.status;
    };
    const ok200 = (s: number) => s === 200;
    // warm-up, not measured
    await loadTest(500, concurrency, (i) => get(`/onderwijsaanbieders/${aanbieders[i % aanbieders.length]}`), ok200);
    const byCode = await loadTest(requests, concurrency, (i) => get(`/onderwijsaanbieders/${aanbieders[i % aanbieders.length]}`), ok200);
    const byPostcode = await loadTest(requests, concurrency, (i) => get(`/onderwijsaanbieders?postcode=${postcodes[i % postcodes.length]}`), ok200);
    const locatiesByPostcode = await loadTest(requests, concurrency, (i) => get(`/onderwijslocaties?postcode=${postcodes[i % postcodes.length]}`), ok200);

    printFigures('RIO national seed', { 'seed time (POST /beheer/v1/sandboxes), s': Math.round(seedSeconds * 100) / 100, ...sizes });
    const fig = (r: Awaited<ReturnType<typeof loadTest>>) => ({ 'requests/s': r.perSecond, 'p50 ms': r.p50Ms, 'p99 ms': r.p99Ms, 'max ms': r.maxMs, failed: r.failed, statuses: r.statuses });
    printFigures(`GET /rio/v1/onderwijsaanbieders/{code} (${requests} at concurrency ${concurrency})`, fig(byCode));
    printFigures(`GET /rio/v1/onderwijsaanbieders?postcode= (${requests} at concurrency ${concurrency})`, fig(byPostcode));
    printFigures(`GET /rio/v1/onderwijslocaties?postcode= (${requests} at concurrency ${concurrency})`, fig(locatiesByPostcode));
    printFigures('process', { 'peak RSS MB': peakRssMb() });
  } finally {
    await bench.close();
  }
}
