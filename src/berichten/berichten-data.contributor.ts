import { Injectable, OnModuleInit } from '@nestjs/common';
import { SandboxDataRegistry } from '../common/sandbox/sandbox-data.registry';

/** A reset forgets deliveries and their log; subscriptions are vendor configuration and stay (deleting the sandbox removes them). */
@Injectable()
export class BerichtenDataContributor implements OnModuleInit {
  constructor(private readonly registry: SandboxDataRegistry) {}

  onModuleInit() {
    this.registry.register({
      name: 'berichten',
      order: 30,
      purge: async (m, sandboxId) => {
        await m.query('DELETE FROM webhook_aflevering WHERE sandbox_id = $1', [sandboxId]);
      },
    });
  }
}
