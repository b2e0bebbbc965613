import { Module } from '@nestjs/common';
import { BeheerModule } from '../beheer';
import { KlokController } from './klok.controller';
import { KlokPlanner } from './klok-planner';
import { KlokService } from './klok.service';
import { KlokWorker } from './klok.worker';

/** The test clock per sandbox (/beheer/v1/sandboxes/{code}/klok) and the scheduler that runs what time crosses. */
@Module({
  imports: [BeheerModule],
  controllers: [KlokController],
  providers: [KlokService, KlokPlanner, KlokWorker],
  exports: [KlokPlanner, KlokWorker],
})
export class KlokModule {}
