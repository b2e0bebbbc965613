import { Injectable, OnModuleInit } from '@nestjs/common';
import { SandboxDataRegistry } from '../common/sandbox/sandbox-data.registry';

/** A reset forgets the sandbox's journal, runs and storingen (deleting the sandbox removes them through their foreign keys). */
@Injectable()
export class ConformanceDataContributor implements OnModuleInit {
  constructor(private readonly registry: SandboxDataRegistry) {}

  onModuleInit() {
    this.registry.register({
      name: 'conformance',
      order: 90,
      purge: async (m, sandboxId) => {
        for (const t of ['conformance_storing', 'conformance_run', 'conformance_journaal']) await m.query(`DELETE FROM ${t} WHERE sandbox_id = $1`, [sandboxId]);
      },
    });
  }
}
