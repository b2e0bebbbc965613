import { Module } from '@nestjs/common';
import { BekostigingModule } from '../bekostiging';
import { KlokModule } from '../klok';
import { RioModule } from '../rio';
import { RodModule } from '../rod';
import { AansluitingController } from './aansluiting/aansluiting.controller';
import { AansluitingService } from './aansluiting/aansluiting.service';

/** The BRON po → ROD po migration API /bron/v1: freeze and phased aansluiting. */
@Module({
  imports: [RodModule, RioModule, BekostigingModule, KlokModule],
  controllers: [AansluitingController],
  providers: [AansluitingService],
})
export class BronModule {}
