import { Module } from '@nestjs/common';
import { AfleveringWorker } from './aflevering.worker';
import { BerichtenController } from './berichten.controller';
import { BerichtenDataContributor } from './berichten-data.contributor';
import { BerichtenMetrics } from './berichten-metrics';
import { BerichtenVolgorde } from './berichten-volgorde.service';
import { FeedService } from './feed.service';
import { WebhooksService } from './webhooks.service';

/** What ROD pushes to the LAS: the pull feed and signed webhooks, both from the transactional outbox. */
@Module({
  controllers: [BerichtenController],
  providers: [BerichtenVolgorde, FeedService, WebhooksService, AfleveringWorker, BerichtenDataContributor, BerichtenMetrics],
  exports: [BerichtenVolgorde, AfleveringWorker, WebhooksService],
})
export class BerichtenModule {}
