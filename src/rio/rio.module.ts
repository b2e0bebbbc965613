import { Module } from '@nestjs/common';
import { BevoegdGezagErkenningenController, InstellingserkenningenController, OnderwijsbesturenController, VestigingserkenningenController } from './controllers/juridisch.controller';
import { AangebodenOpleidingenController, OnderwijsaanbiedersController, OnderwijslocatiegebruikenController, OnderwijslocatiesController } from './controllers/onderwijskundig.controller';
import { AanbiedersVanBestuurController, OnderwijsaanbiedergroepenController, OrganisatierelatiesController } from './controllers/organisatie.controller';
import { RioBeherenService } from './rio-beheren.service';
import { RioDataContributor } from './rio-data.contributor';
import { RioLezenService } from './rio-lezen.service';
import { RioOrganisatieService } from './rio-organisatie.service';
import { OvergangenController } from './controllers/overgangen.controller';
import { RioOvergangenService } from './rio-overgangen.service';
import { RioQueryService } from './rio-query.service';

/** The RIO register /rio/v1: besturen and erkenningen (DUO side), aanbieders, aanbiedergroepen, organisatierelaties, locaties, locatiegebruik and aangeboden opleidingen (board side). */
@Module({
  controllers: [
    OnderwijsbesturenController,
    BevoegdGezagErkenningenController,
    InstellingserkenningenController,
    VestigingserkenningenController,
    OnderwijsaanbiedersController,
    OnderwijslocatiesController,
    OnderwijslocatiegebruikenController,
    AangebodenOpleidingenController,
    OnderwijsaanbiedergroepenController,
    AanbiedersVanBestuurController,
    OrganisatierelatiesController,
    OvergangenController,
  ],
  providers: [RioQueryService, RioDataContributor, RioLezenService, RioBeherenService, RioOrganisatieService, RioOvergangenService],
  exports: [RioQueryService],
})
export class RioModule {}
