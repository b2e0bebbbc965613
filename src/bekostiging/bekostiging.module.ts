import { Module } from '@nestjs/common';
import { BeheerModule } from '../beheer';
import { KlokModule } from '../klok';
import { RodModule } from '../rod';
import { BekostigingBeheerController, BekostigingController } from './bekostiging.controller';
import { BekostigingLezenService } from './bekostiging-lezen.service';
import { BekostigingService } from './bekostiging.service';

/** Bekostigingsstatus per inschrijving per teldatum: hooks, teldata on the clock, V → D, overviews and the initial push. */
@Module({
  imports: [RodModule, KlokModule, BeheerModule],
  controllers: [BekostigingController, BekostigingBeheerController],
  providers: [BekostigingService, BekostigingLezenService],
  exports: [BekostigingService],
})
export class BekostigingModule {}
