import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { AfleveringWorker, BerichtenVolgorde } from '../berichten';
import { BekostigingService } from '../bekostiging';
import { peakRssMb, printFigures, startBenchApp, token } from './harness';

const SANDBOX = 'nationaal';
/** The bench's sandbox date: teldatum 1 March 2027 is open (deadline 29 March), 1 February 2027 fixed. */
const VANDAAG = '2027-03-15';

const secs = (t0: bigint) => Math.round(Number(process.hrtime.bigint() - t0) / 1e7) / 100;

/**
 * `npm run bench:bekostiging [inschrijvingen=1500000] [feedEvents=200000] [webhookDeliveries=20000]`:
 * a national sandbox (RIO national seed, ≈ 7,000 vestigingen) with generated pupils and inschrijvingen written
 * set-based into the ROD tables (2 % of pupils doubly enrolled), then the full bekostiging recompute (first: every
 * status new, with events; second: nothing changed; third: one pupil in 200 changed in the database), the sequencer, the pull feed's throughput over HTTP and webhook
 * delivery to a local receiver (bounded counts), and peak RSS of the process.
 */
export async function main(args: string[]) {
  const aantal = Number(args[0] ?? 1_500_000);
  const feedAantal = Number(args[1] ?? 200_000);
  const webhookAantal = Number(args[2] ?? 20_000);
  const bench = await startBenchApp('bekostiging', { WORKERS_ENABLED: 'false', WEBHOOK_BATCH_SIZE: '100' });
  const ontvangen = { n: 0 };
  const receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      ontvangen.n++;
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const db = new Client({ connectionString: bench.databaseUrl });
  await db.connect();
  try {
    const admin = await token(bench.baseUrl, 'demo-beheer', 'demo-beheer-geheim');
    const h = { 'Content-Type': 'application/json', Authorization: `Bearer ${admin}` };
    let t0 = process.hrtime.bigint();
    const created = await fetch(`${bench.baseUrl}/beheer/v1/sandboxes`, { method: 'POST', headers: h, body: JSON.stringify({ code: SANDBOX, seed: 'national', clientIds: ['las-alfa'] }) });
    if (created.status !== 201) throw new Error(`sandbox: ${created.status} ${await created.text()}`);
    const seedSeconds = secs(t0);
    const klok = await fetch(`${bench.baseUrl}/beheer/v1/sandboxes/${SANDBOX}/klok`, { method: 'PUT', headers: h, body: JSON.stringify({ mode: 'FROZEN', now: `${VANDAAG}T10:00:00Z` }) });
    if (klok.status !== 200) throw new Error(`klok: ${klok.status} ${await klok.text()}`);
    const [{ id: sandboxId }] = (await db.query('SELECT id FROM sandbox WHERE code = $1', [SANDBOX])).rows;

    // Vestigingen funded and open on the bench's teldata.
    await db.query(
      `CREATE TABLE bench_vestiging AS
       SELECT (row_number() OVER (ORDER BY vestigingscode) - 1)::int AS k, vestigingscode, instellingscode,
              EXISTS (SELECT 1 FROM rio_instellingserkenning e WHERE e.sandbox_id = $1 AND e.code = v.instellingscode AND e.soort = 'SBAS') AS sbo FROM (
         SELECT DISTINCT vestigingscode, instellingscode FROM v_rio_vestiging_bekostiging
          WHERE sandbox_id = $1 AND bekostigingscode = 'BEKOSTIGD' AND begindatum <= '2027-01-01' AND (einddatum IS NULL OR einddatum > '2027-04-01')) v`,
      [sandboxId],
    );
    const [{ n: vestigingen, scholen }] = (await db.query('SELECT count(*)::int AS n, count(DISTINCT instellingscode)::int AS scholen FROM bench_vestiging')).rows;

    // Pupils and inschrijvingen, set-based. 2 % of pupils have a second, later inschrijving at another school; at sbo
    // schools nine in ten inschrijvingen carry a toelaatbaarheidsverklaring (the others get B05).
    t0 = process.hrtime.bigint();
    const dubbel = Math.floor(aantal * 0.02);
    const leerlingen = aantal - dubbel;
    await db.query(
      `INSERT INTO rod_persoon (id, sandbox_id, burgerservicenummer, geboortedatum, geslacht, achternaam)
       SELECT md5('p' || g)::uuid, $1, lpad((800000000 + g)::text, 9, '0'), (date '2015-01-01' + (g::bigint * 7919 % 2500)::int)::text, CASE WHEN g % 2 = 0 THEN 'M' ELSE 'V' END, 'Bench'
         FROM generate_series(1, $2::int) g`,
      [sandboxId, leerlingen],
    );
    const inschrijvingen = (van: number, tot: number, tweede: boolean) =>
      db.query(
        `WITH x AS (
           SELECT g, md5(CASE WHEN $4 THEN 'd' ELSE 'i' END || g)::uuid AS id, md5('p' || g)::uuid AS persoon_id,
                  v.vestigingscode, v.instellingscode,
                  CASE WHEN v.sbo AND g % 10 <> 0 THEN jsonb_build_array(jsonb_build_object('beschikkingsnummer', 'TLV' || g, 'datumBegin', '2026-08-01', 'datumEinde', NULL))
                       ELSE '[]'::jsonb END AS tlv,
                  CASE WHEN $4 THEN date '2027-01-10' + (g % 20) ELSE date '2026-08-01' + (g % 120) END AS datum
             FROM generate_series($2::int, $3::int) g
             JOIN bench_vestiging v ON v.k = (CASE WHEN $4 THEN g * 31 + 17 ELSE g END) % $5),
         i AS (
           INSERT INTO rod_inschrijving (id, sandbox_id, persoon_id, instellingscode, inschrijvingvolgnummer, datum_inschrijving, toelaatbaarheidsverklaringen, versie, inhoud_hash,
                                         bedrijfsdocument_id, aangeleverd_door, aangeleverd_oin, eerst_ontvangen_op, ontvangen_op)
           SELECT id, $1, persoon_id, instellingscode, CASE WHEN $4 THEN '2' ELSE '1' END, datum, tlv, 1, md5(id::text) || md5(id::text), id, 'bench', '00000003111111110000', datum + time '09:00', datum + time '09:00'
             FROM x RETURNING id)
         INSERT INTO rod_inschrijving_periode (inschrijving_id, volgnummer, sandbox_id, datum_begin, vestigingscode, onderwijsaanbiedercode, onderwijslocatiecode, groep)
         SELECT id, 1, $1, datum, vestigingscode, '100A001', '100X001', 1 + g % 8 FROM x`,
        [sandboxId, van, tot, tweede, vestigingen],
      );
    const CHUNK = 250_000;
    for (let van = 1; van <= leerlingen; van += CHUNK) await inschrijvingen(van, Math.min(leerlingen, van + CHUNK - 1), false);
    if (dubbel) await inschrijvingen(1, dubbel, true);
    // las-alfa is mandated for one school in ten.
    await db.query(
      `INSERT INTO rod_machtiging (sandbox_id, oin, instellingscode, geldig_vanaf, verleend_door)
       SELECT DISTINCT $1::uuid, '00000003111111110000', instellingscode, date '2020-01-01', 'bench' FROM bench_vestiging WHERE abs(hashtext(instellingscode)) % 10 = 0
       ON CONFLICT DO NOTHING`,
      [sandboxId],
    );
    await db.query('DROP TABLE bench_vestiging');
    await db.query('ANALYZE');
    const generateSeconds = secs(t0);
    const [{ n: totaal }] = (await db.query('SELECT count(*)::int AS n FROM rod_inschrijving WHERE sandbox_id = $1', [sandboxId])).rows;

    // A webhook subscription of las-alfa, to a local receiver (before the events, so they fan out to it).
    const alfa = await token(bench.baseUrl, 'las-alfa', 'las-alfa-geheim', SANDBOX);
    const port = (receiver.address() as AddressInfo).port;
    const sub = await fetch(`${bench.baseUrl}/rod/v1/webhook-abonnementen`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${alfa}` },
      body: JSON.stringify({ url: `http://127.0.0.1:${port}/hook` }),
    });
    if (sub.status !== 201) throw new Error(`abonnement: ${sub.status} ${await sub.text()}`);

    // Full recompute, as POST …/bekostiging/herberekeningen runs it (called directly: on a busy machine it can outlast an
    // HTTP client's header timeout): first every status is new (with an event each), then nothing changed.
    const bekostiging = bench.app.get(BekostigingService);
    const herbereken = async () => {
      const s = process.hrtime.bigint();
      const r = await bekostiging.recomputeAll(sandboxId, true, process.env.BENCH_CHUNK ? Number(process.env.BENCH_CHUNK) : undefined);
      return { ...r, seconden: secs(s) };
    };
    // Each measured phase (the first run here, the yardstick below) starts from a checkpoint: neither inherits the
    // dirty buffers and the running checkpoint of what came before it (the generated register, the recomputes).
    await db.query('CHECKPOINT');
    const eerste = await herbereken();
    const tweede = await herbereken();
    // A rerun after a few pupils changed straight in the database (as a bulk load writes): one pupil in 200 loses the
    // funding indication of their periode (one statement, marked by the change detection), then only they are recomputed.
    const { rowCount: gewijzigd } = await db.query(
      `UPDATE rod_inschrijving_periode p SET indicatie_bekostiging = false FROM rod_inschrijving i
        WHERE i.id = p.inschrijving_id AND i.sandbox_id = $1 AND i.inschrijvingvolgnummer = '1' AND abs(hashtext(i.persoon_id::text)) % 200 = 0`,
      [sandboxId],
    );
    const derde = await herbereken();
    // Yardstick, in the same run: the raw PostgreSQL operation the recompute stands on — one set-based UPDATE of every
    // status row of the sandbox (about 1.5 million), on the same table with the same indexes, committed. It rewrites the
    // columns a recompute writes (to their own values), so the figures say how far the recompute is from plain writing.
    await db.query('CHECKPOINT');
    t0 = process.hrtime.bigint();
    const { rowCount: maatRijen } = await db.query(
      `UPDATE bekostigingsstatus SET status = status, signalen = signalen, vestigingscode = vestigingscode, bepaald_op = bepaald_op WHERE sandbox_id = $1`,
      [sandboxId],
    );
    const maatSeconden = secs(t0);
    await db.query('VACUUM ANALYZE bekostigingsstatus');
    const [verdeling] = (
      await db.query(
        `SELECT count(*) FILTER (WHERE status = 'BEKOSTIGD')::int AS bekostigd, count(*) FILTER (WHERE 'B02_dubbele_inschrijving' = ANY (signalen))::int AS b02,
                count(*) FILTER (WHERE 'B05_geen_geldige_tlv' = ANY (signalen))::int AS b05,
                count(*)::int AS totaal FROM bekostigingsstatus WHERE sandbox_id = $1`,
        [sandboxId],
      )
    ).rows;

    printFigures('Full bekostiging recompute (open teldatum 2027-03-01, set-based in person chunks)', {
      'first run: statuses written': eerste.statussen,
      'first run: events written': eerste.events,
      'first run, s': eerste.seconden,
      'second run (nothing changed): statuses': tweede.statussen,
      'second run, s': tweede.seconden,
      'third run (one pupil in 200 changed): pupils changed / statuses written': `${gewijzigd ?? 0} / ${derde.statussen}`,
      'third run, s': derde.seconden,
      'bekostigd / B02 / B05 / all statuses': `${verdeling.bekostigd} / ${verdeling.b02} / ${verdeling.b05} / ${verdeling.totaal}`,
      'yardstick: one UPDATE of every status row, rows': maatRijen ?? 0,
      'yardstick, s': maatSeconden,
      'first run / yardstick (target <= 3)': `${(eerste.seconden / Math.max(maatSeconden, 0.001)).toFixed(2)}x`,
      'second run / yardstick (target <= 1)': `${(tweede.seconden / Math.max(maatSeconden, 0.001)).toFixed(2)}x`,
      'third run / yardstick': `${(derde.seconden / Math.max(maatSeconden, 0.001)).toFixed(2)}x`,
    });

    // The sequencer: feed positions in commit order plus the fan-out to the subscription.
    t0 = process.hrtime.bigint();
    const gepositioneerd = await bench.app.get(BerichtenVolgorde).positionAll(100_000);
    const positionSeconds = secs(t0);
    const [{ n: afleveringen }] = (await db.query('SELECT count(*)::int AS n FROM webhook_aflevering')).rows;

    // Pull feed over HTTP, pages of 1,000: beheer (every event) and las-alfa (its mandated schools only).
    const leesFeed = async (tok: string, max: number) => {
      const s = process.hrtime.bigint();
      let cursor = '0';
      let n = 0;
      let pages = 0;
      while (n < max) {
        const res = await fetch(`${bench.baseUrl}/rod/v1/berichten?vanaf=${cursor}&limit=1000`, { headers: { Authorization: `Bearer ${tok}` } });
        if (res.status !== 200) throw new Error(`feed: ${res.status} ${await res.text()}`);
        const body = (await res.json()) as { berichten: unknown[]; volgendeCursor: string; meer: boolean };
        n += body.berichten.length;
        pages++;
        cursor = body.volgendeCursor;
        if (!body.meer) break;
      }
      const sec = secs(s);
      return { events: n, pages, seconden: sec, perSeconde: Math.round(n / Math.max(sec, 0.001)) };
    };
    const adminFeed = await token(bench.baseUrl, 'demo-beheer', 'demo-beheer-geheim', SANDBOX);
    const feedBeheer = await leesFeed(adminFeed, feedAantal);
    // A fresh token: on a busy machine the recompute can outlast the first one (15 minutes).
    const feedAlfa = await leesFeed(await token(bench.baseUrl, 'las-alfa', 'las-alfa-geheim', SANDBOX), Math.min(feedAantal, afleveringen));

    // Webhook delivery to the local receiver: four workers side by side until the bounded count arrived.
    const worker = bench.app.get(AfleveringWorker);
    t0 = process.hrtime.bigint();
    const doel = Math.min(webhookAantal, afleveringen);
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (ontvangen.n < doel) if ((await worker.runRound()) === 0) await new Promise((r) => setTimeout(r, 5));
      }),
    );
    const webhookSeconds = secs(t0);

    printFigures('National sandbox', {
      'vestigingen (funded, open)': vestigingen,
      scholen,
      'inschrijvingen': totaal,
      'of which second inschrijving (dubbel)': dubbel,
      'national RIO seed, s': seedSeconds,
      'generate pupils + inschrijvingen, s': generateSeconds,
    });
    printFigures('Events', {
      'sequenced (feed positions + fan-out)': gepositioneerd,
      'sequencing, s': positionSeconds,
      'sequencing, events/s': Math.round(gepositioneerd / Math.max(positionSeconds, 0.001)),
      'webhook deliveries created': afleveringen,
      'pull feed (beheer, all events)': feedBeheer,
      'pull feed (las-alfa, mandated schools)': feedAlfa,
      'webhook deliveries received': ontvangen.n,
      'webhook delivery, s': webhookSeconds,
      'webhook deliveries/s': Math.round(ontvangen.n / Math.max(webhookSeconds, 0.001)),
    });
    printFigures('Process', { 'peak RSS MB': peakRssMb(), cpus: (await import('node:os')).cpus().length });
  } finally {
    await db.end();
    receiver.closeAllConnections();
    receiver.close();
    await bench.close();
  }
}
