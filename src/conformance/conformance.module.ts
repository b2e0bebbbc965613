import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { BerichtenModule } from '../berichten';
import { JournaalController, PersonasController, RunsController, StoringenController } from './conformance.controller';
import { ConformanceDataContributor } from './conformance-data.contributor';
import { JournaalService } from './journaal/journaal.service';
import { RunsService } from './runs/runs.service';
import { StoringenService, StoringGuard } from './storingen/storingen.service';

/** Conformance runs for CI: personas, proefgevallen graded from the request journal, reports, and fault injection. */
@Module({
  imports: [BerichtenModule],
  controllers: [PersonasController, RunsController, JournaalController, StoringenController],
  providers: [JournaalService, RunsService, StoringenService, ConformanceDataContributor, { provide: APP_GUARD, useClass: StoringGuard }],
  exports: [JournaalService],
})
export class ConformanceModule {}
