import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The named seeds a sandbox can start from. */
/** `bron-2021`: the national RIO seed with the clock on 1 December 2021, the BRON freeze set and generated BRON files staged in a migratie. */
export const SEED_SCALES = ['empty', 'small', 'national', 'bron-2021'] as const;
export type SeedScale = (typeof SEED_SCALES)[number];

export interface SeedContext {
  sandboxId: string;
  scale: SeedScale;
  /** Seed value of the deterministic generators: the same value gives the same data. */
  seed: number;
  /** The sandbox's "today" (its clock) when seeding starts, YYYY-MM-DD. */
  today: string;
}

/**
 * A module that keeps data per sandbox registers here, so that creating,
 * resetting and deleting a sandbox covers every table without knowing them.
 */
export interface SandboxDataContributor {
  name: string;
  /** Seeding runs in ascending order, purging in descending order. */
  order: number;
  purge(manager: EntityManager, sandboxId: string): Promise<void>;
  seed?(manager: EntityManager, ctx: SeedContext): Promise<void>;
}

@Injectable()
export class SandboxDataRegistry {
  private readonly contributors: SandboxDataContributor[] = [];

  register(c: SandboxDataContributor) {
    if (this.contributors.some((x) => x.name === c.name)) return;
    this.contributors.push(c);
    this.contributors.sort((a, b) => a.order - b.order);
  }

  async purge(manager: EntityManager, sandboxId: string) {
    for (const c of [...this.contributors].reverse()) await c.purge(manager, sandboxId);
  }

  async seed(manager: EntityManager, ctx: SeedContext) {
    if (ctx.scale === 'empty') return;
    for (const c of this.contributors) if (c.seed) await c.seed(manager, ctx);
  }
}
