import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { sandboxNuSql } from '../common/clock/clock.service';
import { Backoff } from '../common/database/outage';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { webhookDoelFout } from './webhook-doel';
import { BerichtenVolgorde } from './berichten-volgorde.service';
import { OutboxRij, toCloudEvent } from './cloud-event';
import { HANDTEKENING_HEADER, handtekeningHeader } from './handtekening';

interface Claim extends OutboxRij {
  id: string;
  url: string;
  geheim: string;
  /** The subscription is in a simulated push outage that fails every attempt. */
  gestoord: boolean;
}

interface Uitkomst {
  id: string;
  ok: boolean;
  statusCode: number | null;
  fout: string | null;
  gestartOp: Date;
  duurMs: number;
}

/** Deliveries in flight per instance at most, in multiples of WEBHOOK_BATCH_SIZE (each is one open HTTP request). */
const IN_VLUCHT_FACTOR = 10;

/**
 * Webhook delivery on PostgreSQL: positions new outbox events (fan-out to subscriptions), claims due deliveries
 * with FOR UPDATE SKIP LOCKED under a lease, POSTs them signed, and records the outcome: delivered, retry with
 * exponential backoff, or dead letter at the attempt limit. Instances side by side never claim the same row;
 * a crashed instance's claims become claimable again when their lease runs out. Order per pupil: a delivery
 * waits while an earlier one with the same ordering key for the same subscription is still WACHTEND.
 *
 * Deliveries do not wait on each other: each POST runs on its own and its outcome is recorded as soon as it is known
 * (outcomes that arrive together in one statement), while the loop goes on claiming. A subscription has at most
 * WEBHOOK_BATCH_SIZE deliveries in flight (over all instances), so a receiver that holds every request open until the
 * timeout occupies only its own share and never delays another subscription, in this sandbox or any other.
 *
 * Retry times follow the sandbox clock (`volgende_poging_op` is sandbox time): with a frozen clock a retry falls due when
 * the clock is moved past it, so a test run can walk a delivery to the dead letter in seconds.
 */
@Injectable()
export class AfleveringWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AfleveringWorker');
  private readonly backoff = new Backoff('webhook delivery and sequencing', this.logger);
  private stopped = false;
  private loop: Promise<void> | null = null;
  /** Deliveries of this instance whose POST is running. */
  private readonly inVlucht = new Set<Promise<void>>();
  /** Outcomes known but not yet recorded. */
  private klaar: Uitkomst[] = [];
  /** Wakes the loop when an outcome arrives. */
  private wake: (() => void) | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly volgorde: BerichtenVolgorde,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap() {
    if (this.config.WORKERS_ENABLED) this.loop = this.run();
  }

  async onApplicationShutdown() {
    this.stopped = true;
    this.wake?.();
    await this.loop;
    await Promise.allSettled([...this.inVlucht]);
    await this.recordFinished().catch(() => undefined);
  }

  /** Rounds until shutdown. A failing round (the database away) never ends the loop: it waits with growing backoff. */
  private async run() {
    while (!this.stopped) {
      let wachtMs = 0;
      let falen = false;
      try {
        if ((await this.runRound()) === 0) wachtMs = this.config.WORKER_POLL_MS;
        this.backoff.succeeded();
      } catch (error) {
        if (this.stopped) break;
        falen = true;
        wachtMs = Math.max(this.config.WORKER_POLL_MS, this.backoff.failed(error));
      }
      // Idle: until an outcome arrives or the poll interval passed. After a failure: the whole backoff (only shutdown wakes).
      if (wachtMs && !this.stopped) await this.sleep(wachtMs, !falen);
    }
  }

  /** Sleeps `ms`; with `opUitkomst` an arriving outcome ends it early. Shutdown always does. */
  private sleep(ms: number, opUitkomst = true): Promise<void> {
    if (opUitkomst && this.klaar.length) return Promise.resolve();
    return new Promise((resolve) => {
      const klaar = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(klaar, ms);
      this.wake = () => {
        if (opUitkomst || this.stopped) klaar();
      };
    });
  }

  /**
   * One pass: record the outcomes that arrived, position new events, and start the due deliveries (without waiting for
   * them). Returns the work done (0 = idle).
   */
  async runRound(): Promise<number> {
    const gelegd = await this.recordFinished();
    const gepositioneerd = await this.volgorde.position();
    const ruimte = Math.min(this.config.WEBHOOK_BATCH_SIZE, this.config.WEBHOOK_BATCH_SIZE * IN_VLUCHT_FACTOR - this.inVlucht.size);
    const claims = ruimte > 0 ? await this.claim(ruimte) : [];
    for (const claim of claims) this.start(claim);
    return gelegd + gepositioneerd + claims.length;
  }

  /** Rounds until nothing is due, in flight or unrecorded, or the deadline passes (tests and tools). */
  async runUntilIdle(deadlineMs = 10_000): Promise<void> {
    const einde = Date.now() + deadlineMs;
    while (Date.now() < einde) {
      const count = await this.runRound();
      if (count === 0 && !this.inVlucht.size && !this.klaar.length) return;
      if (count === 0) await this.sleep(Math.max(1, einde - Date.now()));
    }
  }

  private start(claim: Claim) {
    const delivery: Promise<void> = this.deliver(claim).then((uitkomst) => {
      this.inVlucht.delete(delivery);
      this.klaar.push(uitkomst);
      this.wake?.();
    });
    this.inVlucht.add(delivery);
  }

  private async recordFinished(): Promise<number> {
    if (!this.klaar.length) return 0;
    const batch = this.klaar;
    this.klaar = [];
    try {
      await this.record(batch);
    } catch (error) {
      // Kept for the next round (the database may be away); a claim whose lease runs out first is tried again.
      this.klaar = batch.concat(this.klaar);
      throw error;
    }
    return batch.length;
  }

  private async claim(limit: number): Promise<Claim[]> {
    const leaseMs = this.config.WEBHOOK_TIMEOUT_MS + 30_000;
    // Due on the sandbox clock; at most WEBHOOK_BATCH_SIZE in flight per subscription (claims with a running lease count).
    // An UPDATE answers [rows, count].
    const [rows]: [Claim[], number] = await this.db.query(
      `WITH kandidaat AS (
         SELECT d.id, d.abonnement_id FROM webhook_aflevering d JOIN sandbox s ON s.id = d.sandbox_id JOIN webhook_abonnement sa ON sa.id = d.abonnement_id
          WHERE d.status = 'WACHTEND' AND d.volgende_poging_op <= ${sandboxNuSql('s')} AND (d.geclaimd_tot IS NULL OR d.geclaimd_tot < now())
            AND NOT (sa.storing_soort IS NOT DISTINCT FROM 'UITSTEL' AND sa.storing_tot > ${sandboxNuSql('s')})
            AND NOT EXISTS (SELECT 1 FROM webhook_aflevering e
                             WHERE e.abonnement_id = d.abonnement_id AND e.ordering_key = d.ordering_key AND e.status = 'WACHTEND' AND e.feed_positie < d.feed_positie)
          ORDER BY d.id
          LIMIT $1 * 4),
       bezig AS (
         SELECT b.abonnement_id, count(*) AS n FROM webhook_aflevering b
          WHERE b.status = 'WACHTEND' AND b.geclaimd_tot >= now() AND b.abonnement_id IN (SELECT abonnement_id FROM kandidaat)
          GROUP BY b.abonnement_id),
       gekozen AS (
         SELECT k.id FROM (SELECT kandidaat.*, row_number() OVER (PARTITION BY kandidaat.abonnement_id ORDER BY kandidaat.id) AS rn FROM kandidaat) k
           LEFT JOIN bezig ON bezig.abonnement_id = k.abonnement_id
          WHERE k.rn + coalesce(bezig.n, 0) <= $3
          ORDER BY k.id
          LIMIT $1),
       c AS (
         SELECT d.id FROM webhook_aflevering d
          WHERE d.id IN (SELECT id FROM gekozen) AND d.status = 'WACHTEND' AND (d.geclaimd_tot IS NULL OR d.geclaimd_tot < now())
          FOR UPDATE SKIP LOCKED)
       UPDATE webhook_aflevering d SET geclaimd_tot = now() + $2 * interval '1 millisecond', pogingen = d.pogingen + 1
         FROM c, webhook_abonnement a, outbox_event o, sandbox s
        WHERE d.id = c.id AND a.id = d.abonnement_id AND o.seq = d.event_seq AND s.id = d.sandbox_id
       RETURNING d.id, a.url, a.geheim, o.event_id, o.type, o.source, o.subject, o.time, o.data, o.feed_positie,
                 (a.storing_soort = 'MISLUKT' AND a.storing_tot > ${sandboxNuSql('s')}) IS TRUE AS "gestoord"`,
      [limit, leaseMs, this.config.WEBHOOK_BATCH_SIZE],
    );
    return rows;
  }

  private async deliver(claim: Claim): Promise<Uitkomst> {
    const body = JSON.stringify(toCloudEvent(claim));
    const gestartOp = new Date();
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), this.config.WEBHOOK_TIMEOUT_MS);
    try {
      // A simulated push outage (conformance storing): the attempt fails without reaching the receiver.
      if (claim.gestoord) return { id: claim.id, ok: false, statusCode: null, fout: 'simulated push outage (storing): not sent', gestartOp, duurMs: 0 };
      // Again at every delivery: the host may resolve elsewhere than when the subscription was made.
      const doelFout = await webhookDoelFout(claim.url, this.config.WEBHOOK_PRIVATE_TARGETS);
      if (doelFout) return { id: claim.id, ok: false, statusCode: null, fout: `target not allowed: ${doelFout}`.slice(0, 500), gestartOp, duurMs: Date.now() - gestartOp.getTime() };
      const res = await fetch(claim.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/cloudevents+json', [HANDTEKENING_HEADER]: handtekeningHeader(claim.geheim, Math.floor(Date.now() / 1000), body), 'User-Agent': 'rod-po-simulator-webhooks/1.0' },
        body,
        signal: abort.signal,
        redirect: 'manual',
      });
      await res.body?.cancel().catch(() => undefined);
      const ok = res.status >= 200 && res.status < 300;
      return { id: claim.id, ok, statusCode: res.status, fout: ok ? null : `HTTP ${res.status}`, gestartOp, duurMs: Date.now() - gestartOp.getTime() };
    } catch (error) {
      const fout = abort.signal.aborted ? `timeout after ${this.config.WEBHOOK_TIMEOUT_MS} ms` : ((error as Error & { cause?: Error }).cause?.message ?? (error as Error).message);
      return { id: claim.id, ok: false, statusCode: null, fout: fout.slice(0, 500), gestartOp, duurMs: Date.now() - gestartOp.getTime() };
    } finally {
      clearTimeout(timer);
    }
  }

  /** Records a batch of outcomes in one statement: status, backoff, and one log row per attempt. */
  private async record(uitkomsten: Uitkomst[]) {
    await this.db.query(
      `WITH r AS (SELECT * FROM unnest($1::bigint[], $2::boolean[], $3::int[], $4::text[], $5::timestamptz[], $6::int[]) AS r(id, ok, code, fout, gestart, duur)),
       d AS (
         UPDATE webhook_aflevering d SET
           status = CASE WHEN r.ok THEN 'GELEVERD' WHEN d.pogingen >= $7 THEN 'DEAD_LETTER' ELSE 'WACHTEND' END,
           pogingen_totaal = d.pogingen_totaal + 1,
           geclaimd_tot = NULL,
           laatste_status_code = r.code,
           laatste_fout = r.fout,
           geleverd_op = CASE WHEN r.ok THEN now() ELSE d.geleverd_op END,
           volgende_poging_op = CASE WHEN r.ok THEN d.volgende_poging_op
             ELSE ${sandboxNuSql('s')} + least($9::float8, $8::float8 * power(2, greatest(d.pogingen - 1, 0))) * interval '1 millisecond' END
          FROM r, sandbox s WHERE d.id = r.id AND s.id = d.sandbox_id
         RETURNING d.id, d.sandbox_id, d.pogingen_totaal)
       INSERT INTO webhook_poging (aflevering_id, nummer, sandbox_id, gestart_op, duur_ms, status_code, fout)
       SELECT d.id, d.pogingen_totaal, d.sandbox_id, r.gestart, r.duur, r.code, r.fout FROM d JOIN r ON r.id = d.id`,
      [
        uitkomsten.map((x) => x.id),
        uitkomsten.map((x) => x.ok),
        uitkomsten.map((x) => x.statusCode),
        uitkomsten.map((x) => x.fout),
        uitkomsten.map((x) => x.gestartOp),
        uitkomsten.map((x) => x.duurMs),
        this.config.WEBHOOK_MAX_ATTEMPTS,
        this.config.WEBHOOK_BACKOFF_BASE_MS,
        this.config.WEBHOOK_BACKOFF_MAX_MS,
      ],
    );
  }
}
