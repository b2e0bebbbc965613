import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { ApiClient } from './clients/api-client.entity';
import { ClientsService } from './clients/clients.service';
import { DEMO_CLIENTS } from './demo-data';
import { Sandbox } from './sandboxes/sandbox.entity';
import { DEFAULT_SANDBOX, SandboxesService } from './sandboxes/sandboxes.service';

/** On start: the default sandbox (small seed), the demo clients when asked for, and the beheer client when configured. Idempotent. */
@Injectable()
export class DemoBootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoBootstrap');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly sandboxes: SandboxesService,
    private readonly clients: ClientsService,
  ) {}

  async onApplicationBootstrap() {
    if (!this.config.SEED_ON_START) return;
    await this.ensureDemoData();
  }

  async ensureDemoData() {
    // One instance at a time, when several start side by side.
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock(hashtext($1))', ['demo-bootstrap']);
      if (!(await this.db.getRepository(Sandbox).exist({ where: { code: DEFAULT_SANDBOX } }))) {
        const t0 = Date.now();
        await this.sandboxes.create({ code: DEFAULT_SANDBOX, naam: 'Standaard sandbox', seed: 'small', seedValue: 1 }, { isDefault: true });
        this.logger.log({ msg: 'default sandbox seeded', ms: Date.now() - t0 });
      }
      if (this.config.BEHEER_CLIENT_SECRET && !(await this.db.getRepository(ApiClient).exist({ where: { clientId: this.config.BEHEER_CLIENT_ID } }))) {
        await this.clients.create(
          { clientId: this.config.BEHEER_CLIENT_ID, naam: 'Beheer', role: 'BEHEER', oin: '00000001800866472000', sandboxes: [DEFAULT_SANDBOX] },
          this.config.BEHEER_CLIENT_SECRET,
        );
        this.logger.log({ msg: 'beheer client created', clientId: this.config.BEHEER_CLIENT_ID });
      }
      // Demo clients have public secrets (README): only when asked for (DEMO_CLIENTS, on by default in development).
      for (const d of this.config.DEMO_CLIENTS ? DEMO_CLIENTS : []) {
        if (await this.db.getRepository(ApiClient).exist({ where: { clientId: d.clientId } })) continue;
        await this.clients.create({ clientId: d.clientId, naam: d.naam, role: d.role, oin: d.oin, bestuurcodes: d.bestuurcodes, sandboxes: [DEFAULT_SANDBOX] }, d.secret);
        this.logger.log({ msg: 'demo client created', clientId: d.clientId });
      }
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', ['demo-bootstrap']).catch(() => undefined);
      await runner.release();
    }
  }
}
