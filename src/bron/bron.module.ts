import { Inject, Module, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ClockService } from '../common/clock/clock.service';
import type { SeedContext } from '../common/sandbox/sandbox-data.registry';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { KlokPlanner } from '../klok';
import { STANDAARD_BEVROREN_TOT, STANDAARD_BEVROREN_VANAF } from './aansluiting/aansluiting.service';
import { genereerBronBestanden } from './format/bron-generator';
import { BekostigingModule } from '../bekostiging';
import { KlokModule } from '../klok';
import { AansluitingController } from './aansluiting/aansluiting.controller';
import { AchterstandController } from './achterstand/achterstand.controller';
import { AchterstandService } from './achterstand/achterstand.service';
import { AansluitingService } from './aansluiting/aansluiting.service';
import { SandboxDataRegistry } from '../common/sandbox/sandbox-data.registry';
import { RioModule } from '../rio';
import { RodModule } from '../rod';
import { FormatLezer } from './migraties/format-lezer';
import { BronLezer } from './migraties/lezer.port';
import { MigratieRunner } from './migraties/migratie-runner';
import { MigratiesController } from './migraties/migraties.controller';
import { MigratiesRepository } from './migraties/migraties.repository';
import { MigratiesService } from './migraties/migraties.service';
import { RodConversieAdapter } from './migraties/rod-conversie.adapter';
import { RodConversiePoort } from './migraties/rod-conversie.port';

/** The BRON po → ROD po migration API /bron/v1: migraties (upload, dry run, conversion, reports), freeze and phased aansluiting, the freeze backlog. */
@Module({
  imports: [RodModule, RioModule, BekostigingModule, KlokModule],
  controllers: [MigratiesController, AansluitingController, AchterstandController],
  providers: [
    MigratiesRepository,
    MigratiesService,
    MigratieRunner,
    AansluitingService,
    AchterstandService,
    { provide: BronLezer, useClass: FormatLezer },
    { provide: RodConversiePoort, useClass: RodConversieAdapter },
  ],
  exports: [MigratiesService],
})
export class BronModule implements OnModuleInit {
  constructor(
    private readonly registry: SandboxDataRegistry,
    private readonly repo: MigratiesRepository,
    private readonly migraties: MigratiesService,
    private readonly planner: KlokPlanner,
    private readonly clock: ClockService,
    private readonly aansluiting: AansluitingService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit() {
    this.registry.register({ name: 'bron', order: 40, purge: (m, sandboxId) => this.repo.purge(m, sandboxId), seed: (m, ctx) => this.seed(m, ctx) });
  }

  /** Seed `bron-2021`: the clock on 1 December 2021 (frozen), the historical freeze, and generated BRON files staged in a migratie. */
  private async seed(m: EntityManager, ctx: SeedContext) {
    if (ctx.scale === 'small') return this.aansluiting.seedPersona(m, ctx.sandboxId, ctx.today);
    if (ctx.scale !== 'bron-2021') return;
    await m.query(`UPDATE sandbox SET clock_frozen_at = '2021-12-01T09:00:00Z', clock_offset_ms = 0 WHERE id = $1`, [ctx.sandboxId]);
    await this.planner.begin(m, ctx.sandboxId, '2021-12-01');
    await this.planner.terugNaar(m, ctx.sandboxId, '2021-12-01');
    this.clock.invalidate(ctx.sandboxId);
    await m.query(
      `INSERT INTO bron_bevriezing (sandbox_id, bevroren_vanaf, bevroren_tot) VALUES ($1, $2, $3) ON CONFLICT (sandbox_id) DO UPDATE SET bevroren_vanaf = EXCLUDED.bevroren_vanaf, bevroren_tot = EXCLUDED.bevroren_tot`,
      [ctx.sandboxId, STANDAARD_BEVROREN_VANAF, STANDAARD_BEVROREN_TOT],
    );
    const record = 0.01;
    const gen = genereerBronBestanden({
      leerlingen: this.config.BRON_SEED_LEERLINGEN, seed: ctx.seed, rioSchaal: 'national', rioSeed: ctx.seed, datum: '2021-12-06',
      foutkansen: { PGN_CONTROLECIJFER: record, BRIN6_ONBEKEND: record, BRIN6_NIET_ONDER_BRIN4: record, PERIODES_OVERLAPPEN: record, LEERLING_OP_TWEE_SCHOLEN: record, TE_JONG: record, VOLGNUMMER_DUBBEL: record },
    });
    const bestanden = (function* () {
      for (let r = gen.next(); !r.done; r = gen.next()) yield r.value;
    })();
    await this.migraties.seedBestanden(m, ctx.sandboxId, bestanden);
  }
}
