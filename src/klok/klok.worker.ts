import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { clockNow, dutchDate } from '../common/clock/clock.service';
import { Backoff, isDatabaseUnavailable } from '../common/database/outage';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { KlokPlanner } from './klok-planner';

/**
 * Lets real time trigger scheduled work (teldata reached, deadlines passed, with their bekostiging recomputes): every
 * tick, each sandbox whose today is past its marker is caught up. A failing tick (the database away) never ends the
 * loop: the next one comes after a backoff that grows while the failures last, and the work is caught up afterwards.
 */
@Injectable()
export class KlokWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('KlokWorker');
  private readonly backoff = new Backoff('scheduled clock work', this.logger);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly planner: KlokPlanner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap() {
    if (this.config.WORKERS_ENABLED) this.schedule(this.config.KLOK_TICK_MS);
  }

  async onApplicationShutdown() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(ms: number) {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick()
        .then(
          () => (this.backoff.succeeded(), this.config.KLOK_TICK_MS),
          (e) => Math.max(this.config.KLOK_TICK_MS, this.backoff.failed(e)),
        )
        .then((next) => {
          this.running = null;
          this.schedule(next);
        });
    }, ms);
    this.timer.unref();
  }

  /** One pass over every sandbox; public so tests and tools can drive it. */
  async tick(): Promise<void> {
    const rows: { id: string; clock_frozen_at: Date | null; clock_offset_ms: string; verwerkt_tot: string | null }[] = await this.db.query(
      `SELECT s.id, s.clock_frozen_at, s.clock_offset_ms, to_char(k.verwerkt_tot, 'YYYY-MM-DD') AS verwerkt_tot FROM sandbox s LEFT JOIN klok_planning k ON k.sandbox_id = s.id`,
    );
    for (const r of rows) {
      const vandaag = dutchDate(clockNow({ frozenAt: r.clock_frozen_at, offsetMs: Number(r.clock_offset_ms) }));
      if (r.verwerkt_tot !== null && r.verwerkt_tot >= vandaag) continue;
      try {
        await this.planner.verwerk(r.id);
      } catch (e) {
        if (isDatabaseUnavailable(e)) throw e; // the whole tick backs off
        this.logger.error(`scheduled work of sandbox ${r.id} failed: ${(e as Error).message}`);
      }
    }
  }
}
