import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Backoff } from '../common/database/outage';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { BerichtenVolgorde } from './berichten-volgorde.service';
import { OutboxRij, toCloudEvent } from './cloud-event';
import { HANDTEKENING_HEADER, handtekeningHeader } from './handtekening';

interface Claim extends OutboxRij {
  id: string;
  url: string;
  geheim: string;
}

interface Uitkomst {
  id: string;
  ok: boolean;
  statusCode: number | null;
  fout: string | null;
  gestartOp: Date;
  duurMs: number;
}

/**
 * Webhook delivery on PostgreSQL: positions new outbox events (fan-out to subscriptions), claims due deliveries
 * with FOR UPDATE SKIP LOCKED under a lease, POSTs them signed, and records the outcome: delivered, retry with
 * exponential backoff, or dead letter at the attempt limit. Instances side by side never claim the same row;
 * a crashed instance's claims become claimable again when their lease runs out. Order per pupil: a delivery
 * waits while an earlier one with the same ordering key for the same subscription is still WACHTEND.
 */
@Injectable()
export class AfleveringWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AfleveringWorker');
  private readonly backoff = new Backoff('webhook delivery and sequencing', this.logger);
  private stopped = false;
  private wake: (() => void) | null = null;
  private loop: Promise<void> | null = null;

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
  }

  /** Rounds until shutdown. A failing round (the database away) never ends the loop: it waits with growing backoff. */
  private async run() {
    while (!this.stopped) {
      let wachtMs = 0;
      try {
        if ((await this.eenRonde()) === 0) wachtMs = this.config.WORKER_POLL_MS;
        this.backoff.succeeded();
      } catch (e) {
        if (this.stopped) break;
        wachtMs = Math.max(this.config.WORKER_POLL_MS, this.backoff.failed(e));
      }
      if (wachtMs && !this.stopped) {
        await new Promise<void>((r) => {
          const t = setTimeout(r, wachtMs);
          this.wake = () => (clearTimeout(t), r());
        });
        this.wake = null;
      }
    }
  }

  /** One pass: position new events, deliver one batch of due deliveries. Returns the work done (0 = idle). */
  async eenRonde(): Promise<number> {
    const gepositioneerd = await this.volgorde.positioneer();
    const claims = await this.claim();
    if (claims.length) await this.leg(await Promise.all(claims.map((c) => this.lever(c))));
    return gepositioneerd + claims.length;
  }

  /** Rounds until nothing is due or the deadline passes (tests and tools). */
  async totRust(deadlineMs = 10_000): Promise<void> {
    const einde = Date.now() + deadlineMs;
    while (Date.now() < einde) if ((await this.eenRonde()) === 0) return;
  }

  private async claim(): Promise<Claim[]> {
    const leaseMs = this.config.WEBHOOK_TIMEOUT_MS + 30_000;
    // An UPDATE answers [rows, count].
    const [rows]: [Claim[], number] = await this.db.query(
      `WITH c AS (
         SELECT d.id FROM webhook_aflevering d
          WHERE d.status = 'WACHTEND' AND d.volgende_poging_op <= now() AND (d.geclaimd_tot IS NULL OR d.geclaimd_tot < now())
            AND NOT EXISTS (SELECT 1 FROM webhook_aflevering e
                             WHERE e.abonnement_id = d.abonnement_id AND e.ordering_key = d.ordering_key AND e.status = 'WACHTEND' AND e.feed_positie < d.feed_positie)
          ORDER BY d.volgende_poging_op, d.feed_positie
          LIMIT $1
          FOR UPDATE SKIP LOCKED)
       UPDATE webhook_aflevering d SET geclaimd_tot = now() + $2 * interval '1 millisecond', pogingen = d.pogingen + 1
         FROM c, webhook_abonnement a, outbox_event o
        WHERE d.id = c.id AND a.id = d.abonnement_id AND o.seq = d.event_seq
       RETURNING d.id, a.url, a.geheim, o.event_id, o.type, o.source, o.subject, o.time, o.data, o.feed_positie`,
      [this.config.WEBHOOK_BATCH_SIZE, leaseMs],
    );
    return rows;
  }

  private async lever(c: Claim): Promise<Uitkomst> {
    const body = JSON.stringify(toCloudEvent(c));
    const gestartOp = new Date();
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), this.config.WEBHOOK_TIMEOUT_MS);
    try {
      const res = await fetch(c.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/cloudevents+json', [HANDTEKENING_HEADER]: handtekeningHeader(c.geheim, Math.floor(Date.now() / 1000), body), 'User-Agent': 'rod-po-simulator-webhooks/1.0' },
        body,
        signal: abort.signal,
        redirect: 'manual',
      });
      await res.body?.cancel().catch(() => undefined);
      const ok = res.status >= 200 && res.status < 300;
      return { id: c.id, ok, statusCode: res.status, fout: ok ? null : `HTTP ${res.status}`, gestartOp, duurMs: Date.now() - gestartOp.getTime() };
    } catch (e) {
      const fout = abort.signal.aborted ? `timeout after ${this.config.WEBHOOK_TIMEOUT_MS} ms` : ((e as Error & { cause?: Error }).cause?.message ?? (e as Error).message);
      return { id: c.id, ok: false, statusCode: null, fout: fout.slice(0, 500), gestartOp, duurMs: Date.now() - gestartOp.getTime() };
    } finally {
      clearTimeout(timer);
    }
  }

  /** Records a batch of outcomes in one statement: status, backoff, and one log row per attempt. */
  private async leg(u: Uitkomst[]) {
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
             ELSE now() + least($9::float8, $8::float8 * power(2, greatest(d.pogingen - 1, 0))) * interval '1 millisecond' END
          FROM r WHERE d.id = r.id
         RETURNING d.id, d.sandbox_id, d.pogingen_totaal)
       INSERT INTO webhook_poging (aflevering_id, nummer, sandbox_id, gestart_op, duur_ms, status_code, fout)
       SELECT d.id, d.pogingen_totaal, d.sandbox_id, r.gestart, r.duur, r.code, r.fout FROM d JOIN r ON r.id = d.id`,
      [
        u.map((x) => x.id),
        u.map((x) => x.ok),
        u.map((x) => x.statusCode),
        u.map((x) => x.fout),
        u.map((x) => x.gestartOp),
        u.map((x) => x.duurMs),
        this.config.WEBHOOK_MAX_ATTEMPTS,
        this.config.WEBHOOK_BACKOFF_BASE_MS,
        this.config.WEBHOOK_BACKOFF_MAX_MS,
      ],
    );
  }
}
