export { BerichtenModule } from './berichten.module';
export { BerichtenVolgorde } from './berichten-volgorde.service';
export { AfleveringWorker } from './aflevering.worker';
export { WebhooksService } from './webhooks.service';
export { HANDTEKENING_HEADER, handtekeningHeader, verifieer } from './handtekening';
export { toCloudEvent } from './cloud-event';
export type { CloudEvent } from './cloud-event';
