import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SandboxDataRegistry, SeedContext } from '../common/sandbox/sandbox-data.registry';
import { purgeRio, setCodeTeller, writeDataset } from './rio.store';
import { buildDataset } from './seed/rio-seed';
import type { RioCodeSoort } from './rules/identifiers';

/** Creating, resetting and deleting a sandbox covers the RIO tables; small and national seeds (small: 01AA01 closes on the next 1 August after the seed date). */
@Injectable()
export class RioDataContributor implements OnModuleInit {
  constructor(private readonly registry: SandboxDataRegistry) {}

  onModuleInit() {
    this.registry.register({
      name: 'rio',
      order: 10,
      purge: (m, sandboxId) => purgeRio(m, sandboxId),
      seed: (m, ctx) => this.seed(m, ctx),
    });
  }

  async seed(manager: EntityManager, ctx: SeedContext) {
    if (ctx.scale === 'empty') return;
    const { dataset, tellers } = buildDataset(ctx.scale === 'small' ? 'small' : 'national', ctx.seed, ctx.today);
    await writeDataset(manager, ctx.sandboxId, dataset);
    for (const [soort, n] of Object.entries(tellers)) await setCodeTeller(manager, ctx.sandboxId, soort as RioCodeSoort, n);
  }
}
