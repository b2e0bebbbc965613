import { Module } from '@nestjs/common';
import { RioDataContributor } from './rio-data.contributor';
import { RioQueryService } from './rio-query.service';

/** The RIO register /rio/v1: besturen and erkenningen (DUO side), aanbieders, locaties, locatiegebruik and aangeboden opleidingen (board side). */
@Module({
  controllers: [],
  providers: [RioQueryService, RioDataContributor],
  exports: [RioQueryService],
})
export class RioModule {}
