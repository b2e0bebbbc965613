import { Module, OnModuleInit } from '@nestjs/common';
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
  ) {}

  onModuleInit() {
    this.registry.register({ name: 'bron', order: 40, purge: (m, sandboxId) => this.repo.purge(m, sandboxId) });
  }
}
