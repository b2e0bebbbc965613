import { Injectable, OnModuleInit } from '@nestjs/common';
import { SandboxDataRegistry } from './sandbox-data.registry';

/** Resetting a sandbox also forgets its stored idempotent responses and its undelivered events. */
@Injectable()
export class CommonDataContributor implements OnModuleInit {
  constructor(private readonly registry: SandboxDataRegistry) {}

  onModuleInit() {
    this.registry.register({
      name: 'common',
      order: 0,
      purge: async (m, sandboxId) => {
        await m.query('DELETE FROM idempotency_key WHERE sandbox_id = $1', [sandboxId]);
        await m.query('DELETE FROM outbox_event WHERE sandbox_id = $1', [sandboxId]);
      },
    });
  }
}
