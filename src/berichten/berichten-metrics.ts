import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Backlog, clearBacklogSource, setBacklogSource } from '../common/metrics/metrics';

/** Tells the metrics where the outbox and webhook backlog is read: this database, at scrape time. */
@Injectable()
export class BerichtenMetrics implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly source = () => this.backlog();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  onApplicationBootstrap() {
    setBacklogSource(this.source);
  }

  onApplicationShutdown() {
    clearBacklogSource(this.source);
  }

  async backlog(): Promise<Backlog> {
    const [r]: { outbox: string; wachtend: string; dead: string; oudste: number | null }[] = await this.db.query(
      `SELECT (SELECT count(*) FROM outbox_event WHERE feed_positie IS NULL) AS outbox,
              (SELECT count(*) FROM webhook_aflevering WHERE status = 'WACHTEND') AS wachtend,
              (SELECT count(*) FROM webhook_aflevering WHERE status = 'DEAD_LETTER') AS dead,
              (SELECT extract(epoch FROM now() - min(created_at))::float8 FROM webhook_aflevering WHERE status = 'WACHTEND') AS oudste`,
    );
    return { outboxOngepositioneerd: Number(r.outbox), afleveringen: { WACHTEND: Number(r.wachtend), DEAD_LETTER: Number(r.dead) }, oudsteWachtendSeconden: r.oudste ?? 0 };
  }
}
