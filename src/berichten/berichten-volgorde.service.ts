import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { dutchDateSql, sandboxNuSql } from '../common/clock/clock.service';

/** Advisory lock key of the sequencer (one at a time per database). */
export const VOLGORDE_LOCK = 7_405_000_001;

/** Positioned rows after which the sequencer vacuums outbox_event once it has caught up. */
const VACUUM_NA = 50_000;

/** SQL condition: the vendor OIN `oin` is mandated for the event's school on the event's date (Netherlands). */
export const gemachtigdVoorEvent = (e: string, oin: string) =>
  `EXISTS (SELECT 1 FROM rod_machtiging m WHERE m.sandbox_id = ${e}.sandbox_id AND m.oin = ${oin} AND m.instellingscode = ${e}.instellingscode
     AND m.geldig_vanaf <= ${dutchDateSql(`${e}.time`)} AND (m.geldig_tot IS NULL OR m.geldig_tot >= ${dutchDateSql(`${e}.time`)}))`;

/**
 * The sequencer: gives committed outbox events their feed position, in commit order, and fans them out to
 * the webhook subscriptions of the vendors the school mandates — one statement, one transaction.
 *
 * Positions are per sandbox (a vendor's token reads one sandbox): each sandbox counts on from its own counter
 * (feed_teller), which only grows and survives a reset, so deleting or resetting another sandbox never hands out a
 * position below a cursor a vendor holds, and a sandbox's feed has no jumps caused by other tenants.
 *
 * Why not hand out outbox_event.seq itself: a bigserial is taken at INSERT, so a transaction that commits
 * later can still add seq 5 after a reader saw seq 6 and moved its cursor past 5. The sequencer only sees
 * committed rows and numbers them after everything it numbered before, under one lock; a reader therefore
 * never sees position n+1 without n, and an event of a pupil written after another (its transaction read
 * the other's committed state) gets the later position.
 */
@Injectable()
export class BerichtenVolgorde implements OnApplicationShutdown {
  private readonly logger = new Logger('BerichtenVolgorde');
  /** Rows this instance positioned since its last vacuum of outbox_event. */
  private sindsVacuum = 0;
  private vacuum: Promise<void> | null = null;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async onApplicationShutdown() {
    await this.vacuum;
  }

  /** Positions up to `limit` events; 0 when there was nothing or another instance is busy with it. */
  async position(limit = 10_000): Promise<number> {
    const count = await this.positionRound(limit);
    this.sindsVacuum += count;
    if (count < limit && this.sindsVacuum >= VACUUM_NA && !this.vacuum) {
      this.sindsVacuum = 0;
      this.vacuum = this.vacuumOutbox().finally(() => (this.vacuum = null));
    }
    return count;
  }

  /**
   * Why vacuum: every round (and so every feed page and every worker round) starts with the pending events, found
   * through the partial index on feed_positie IS NULL. Positioning a row updates it, which leaves a dead entry in that
   * index until vacuum; after a mass write (a national recompute positions 1.5 million rows) each look walked all of
   * them, about a quarter of a second even with nothing pending. Skipping the look instead (e.g. "the highest seq is
   * already positioned") is not provably safe: a seq is drawn before its transaction commits, and before it even has
   * a transaction id, so a lower seq can still commit later and must not be skipped. So the scan stays exactly as it
   * was (never skips an event, commit order) and this instance vacuums outbox_event, outside a transaction and off the
   * caller's path, once it caught up after positioning many rows. Plain VACUUM takes no lock that blocks writers or readers.
   */
  private async vacuumOutbox(): Promise<void> {
    try {
      await this.db.query('VACUUM outbox_event');
    } catch (error) {
      this.logger.warn(`vacuum of outbox_event failed: ${(error as Error).message}`);
    }
  }

  private async positionRound(limit: number): Promise<number> {
    return this.db.transaction(async (manager) => {
      const [{ ok }]: { ok: boolean }[] = await manager.query('SELECT pg_try_advisory_xact_lock($1) AS ok', [VOLGORDE_LOCK]);
      if (!ok) return 0;
      // Positions per sandbox, each after the sandbox's counter (which only grows): nothing in another sandbox moves them.
      const [r]: { n: string }[] = await manager.query(
        `WITH nieuw AS (
           SELECT x.seq, x.sandbox_id, row_number() OVER (PARTITION BY x.sandbox_id ORDER BY x.seq) AS rn
             FROM (SELECT seq, sandbox_id FROM outbox_event WHERE feed_positie IS NULL ORDER BY seq LIMIT $1) x),
         teller AS (
           INSERT INTO feed_teller AS t (sandbox_id, laatste_positie)
           SELECT sandbox_id, max(rn) FROM nieuw GROUP BY sandbox_id
           ON CONFLICT (sandbox_id) DO UPDATE SET laatste_positie = t.laatste_positie + EXCLUDED.laatste_positie
           RETURNING t.sandbox_id, t.laatste_positie),
         basis AS (
           SELECT teller.sandbox_id, teller.laatste_positie - n.aantal AS b
             FROM teller JOIN (SELECT sandbox_id, max(rn) AS aantal FROM nieuw GROUP BY sandbox_id) n ON n.sandbox_id = teller.sandbox_id),
         u AS (
           UPDATE outbox_event o SET feed_positie = basis.b + nieuw.rn FROM nieuw JOIN basis ON basis.sandbox_id = nieuw.sandbox_id WHERE o.seq = nieuw.seq
           RETURNING o.seq, o.sandbox_id, o.event_id, o.type, o.instellingscode, o.ordering_key, o.time, o.feed_positie, o.created_at),
         a AS (
           INSERT INTO webhook_aflevering (sandbox_id, abonnement_id, event_seq, event_id, feed_positie, ordering_key, volgende_poging_op)
           SELECT u.sandbox_id, w.id, u.seq, u.event_id, u.feed_positie, u.ordering_key, ${sandboxNuSql('s')}
             FROM u JOIN webhook_abonnement w ON w.sandbox_id = u.sandbox_id AND (w.types IS NULL OR u.type = ANY (w.types))
             JOIN sandbox s ON s.id = u.sandbox_id
            WHERE ${gemachtigdVoorEvent('u', 'w.oin')}
              -- A subscription receives what happens from its creation on: not an event written before it that the
              -- sequencer reaches only now (both times are the database's, at the start of their transactions).
              AND u.created_at >= w.created_at
           ON CONFLICT DO NOTHING)
         SELECT count(*) AS n FROM u`,
        [limit],
      );
      return Number(r.n);
    });
  }

  /** Positions everything pending (bounded rounds), and waits for a vacuum that this started. */
  async positionAll(maxRondes = 1000): Promise<number> {
    let totaal = 0;
    for (let i = 0; i < maxRondes; i++) {
      const count = await this.position();
      totaal += count;
      if (count === 0) break;
    }
    await this.vacuum;
    return totaal;
  }
}
