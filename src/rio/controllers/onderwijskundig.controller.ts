import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, RequireScopes } from '../../common/auth/auth.decorators';
import type { Principal } from '../../common/auth/principal';
import { ApiIdempotent } from '../../common/openapi/api-problems.decorator';
import { ApiRioProblems } from '../rio.errors';
import { ApiRioAfkeuring, DatumGeldigOpQuery, WijzigingenQuery, WijzigingPage } from '../dto/common.dto';
import {
  AanbodQuery,
  AangebodenOpleiding,
  AangebodenOpleidingCodeParam,
  AangebodenOpleidingenQuery,
  AangebodenOpleidingPage,
  AangebodenOpleidingRequest,
  GebruikParams,
  Onderwijsaanbieder,
  OnderwijsaanbiedercodeParam,
  OnderwijsaanbiederPage,
  OnderwijsaanbiederRequest,
  OnderwijsaanbiedersQuery,
  Onderwijslocatie,
  OnderwijslocatiecodeParam,
  Onderwijslocatiegebruik,
  OnderwijslocatiegebruikenQuery,
  OnderwijslocatiegebruikPage,
  OnderwijslocatiegebruikRequest,
  OnderwijslocatiePage,
  OnderwijslocatieRequest,
  OnderwijslocatiesQuery,
  OpleidingseenheidResponse,
} from '../dto/onderwijskundig.dto';
import { ContactadressenRequest, ContactadressenResponse } from '../dto/contactadres.dto';
import { RioBeherenService } from '../rio-beheren.service';
import { RioLezenService } from '../rio-lezen.service';
import { pathOf, upserted } from './respond';

@ApiTags('Onderwijsaanbieders')
@Controller('rio/v1/onderwijsaanbieders')
export class OnderwijsaanbiedersController {
  constructor(private readonly lezen: RioLezenService, private readonly beheren: RioBeherenService) {}

  @Get()
  @RequireScopes('rio.lezen')
  @ApiOperation({ summary: 'Find schools: aanbieders valid on a date, by naam, BRIN4, bestuur, or postcode/plaatsnaam of where they offer education' })
  @ApiOkResponse({ type: OnderwijsaanbiederPage })
  listOnderwijsaanbieders(@CurrentPrincipal() p: Principal, @Query() q: OnderwijsaanbiedersQuery, @Req() req: FastifyRequest) {
    return this.lezen.listAanbieders(p.sandboxId, q, pathOf(req.url));
  }

  @Post()
  @RequireScopes('rio.beheren')
  @ApiOperation({ summary: 'Register an onderwijsaanbieder for a bestuur the client acts for; RIO assigns the code' })
  @ApiCreatedResponse({ type: Onderwijsaanbieder })
  @ApiIdempotent()
  @ApiRioAfkeuring({ instance: '/rio/v1/onderwijsaanbieders', verplicht: 'besturen', periodes: 'N05060' })
  createOnderwijsaanbieder(@CurrentPrincipal() p: Principal, @Body() body: OnderwijsaanbiederRequest) {
    return this.beheren.createAanbieder(p, body);
  }

  @Get('_wijzigingen')
  @RequireScopes('rio.lezen')
  @ApiOperation({ summary: 'Change feed of onderwijsaanbieders since a moment' })
  @ApiOkResponse({ type: WijzigingPage })
  listOnderwijsaanbiederWijzigingen(@CurrentPrincipal() p: Principal, @Query() q: WijzigingenQuery, @Req() req: FastifyRequest) {
    return this.lezen.listWijzigingen(p.sandboxId, 'onderwijsaanbieders', q, pathOf(req.url));
  }

  @Get(':onderwijsaanbiedercode')
  @RequireScopes('rio.lezen')
  @ApiOperation({ summary: 'Read an onderwijsaanbieder as valid on a date' })
  @ApiOkResponse({ type: Onderwijsaanbieder })
  @ApiRioProblems('not_found')
  getOnderwijsaanbieder(@CurrentPrincipal() p: Principal, @Param() a: OnderwijsaanbiedercodeParam, @Query() q: DatumGeldigOpQuery) {
    return this.lezen.getAanbieder(p.sandboxId, a.onderwijsaanbiedercode, q);
  }

  @Get(':onderwijsaanbiedercode/aangeboden-opleidingen')
  @RequireScopes('rio.lezen')
  @ApiOperation({ summary: 'The aanbod of an onderwijsaanbieder on a date' })
  @ApiOkResponse({ type: AangebodenOpleidingPage })
  @ApiRioProblems('not_found')
  listAanbodVanOnderwijsaanbieder(@CurrentPrincipal() p: Principal, @Param() a: OnderwijsaanbiedercodeParam, @Query() q: AanbodQuery, @Req() req: FastifyRequest) {
    return this.lezen.listAanbodVan(p.sandboxId, a.onderwijsaanbiedercode, q, pathOf(req.url));
  }

  @Get(':onderwijsaanbiedercode/contactadressen')
  @RequireScopes('rio.lezen')
  @ApiOperation({ summary: 'The contactadressen of an onderwijsaanbieder valid on a date' })
  @ApiOkResponse({ type: ContactadressenResponse })
  @ApiRioProblems('not_found')
  getContactadressenVanOnderwijsaanbieder(@CurrentPrincipal() p: Principal, @Param() a: OnderwijsaanbiedercodeParam, @Query() q: DatumGeldigOpQuery) {
    return this.lezen.listContactadressen(p.sandboxId, 'aanbieder', a.onderwijsaanbiedercode, q);
  }

  @Put(':onderwijsaanbiedercode/contactadressen')
  @RequireScopes('rio.beheren')
  @ApiOperation({ summary: 'Replace every contactadres of an onderwijsaanbieder of a bestuur the client acts for (standlevering)' })
  @ApiOkResponse({ type: ContactadressenResponse })
  @ApiIdempotent()
  @ApiRioAfkeuring({ instance: '/rio/v1/onderwijsaanbieders/100A001/contactadressen', verplicht: 'contactadressen' })
  @ApiRioProblems('not_found')
  putContactadressenVanOnderwijsaanbieder(@CurrentPrincipal() p: Principal, @Param() a: OnderwijsaanbiedercodeParam, @Body() body: ContactadressenRequest) {
    return this.beheren.putContactadressen(p, 'aanbieder', a.onderwijsaanbiedercode, body);
  }

  @Put(':onderwijsaanbiedercode')
  @RequireScopes('rio.beheren')
  @ApiOperation({ summary: 'Replace the full state of an onderwijsaanbieder (standlevering)' })
  @ApiOkResponse({ type: Onderwijsaanbieder })
  @ApiIdempotent()
  @ApiRioAfkeuring({ instance: '/rio/v1/onderwijsaanbieders/100A001', parameter: { name: 'onderwijsaanbiedercode', detail: 'onderwijsaanbiedercode must look like 100A001' }, verplicht: 'besturen', periodes: 'N05060' })
  @ApiRioProblems('not_found')
  putOnderwijsaanbieder(@CurrentPrincipal() p: Principal, @Param() a: OnderwijsaanbiedercodeParam, @Body() body: OnderwijsaanbiederRequest) {
    return this.beheren.putAanbieder(p, a.onderwijsaanbiedercode, body);
  }

  @ApiParam({ name: 'onderwijsaanbiedercode', description: 'Onderwijsaanbiedercode; the example is the one the POST example makes in the small seed.', type: String, example: '100A019' })
  @Delete(':onderwijsaanbiedercode')
  @HttpCode(204)
  @RequireScopes('rio.beheren')
  @ApiOperation({ summary: 'Delete an onderwijsaanbieder without aangeboden opleidingen' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiIdempotent()
  @ApiRioAfkeuring({ instance: '/rio/v1/onderwijsaanbieders/100A001', parameter: { name: 'onderwijsaanbiedercode', detail: 'onderwijsaanbiedercode must look like 100A001' } })
  @ApiRioProblems('not_found', 'rio_object_in_gebruik')
  deleteOnderwijsaanbieder(@CurrentPrincipal() p: Principal, @Param() a: OnderwijsaanbiedercodeParam) {
    return this.beheren.deleteAanbieder(p, a.onderwijsaanbiedercode);
  }
}

@ApiTags('Onderwijslocaties')
@Controller('rio/v1/onderwijslocaties')
export class OnderwijslocatiesController {
  constructor(private readonly lezen: RioLezenService, private readonly beheren: RioBeherenService) {}

  @Get()
  @RequireScopes('rio.lezen')
  @ApiOperation({ summary: 'Search onderwijslocaties by postcode or plaatsnaam' })
  @ApiOkResponse({ type: OnderwijslocatiePage })
  listOnderwijslocaties(@CurrentPrincipal() p: Principal, @Query() q: OnderwijslocatiesQuery, @Req() req: FastifyRequest) {
    return this.lezen.listLocaties(p.sandboxId, q, pathOf(req.url));
  }

  @Post()
  @RequireScopes('rio.beheren')
  @ApiOperation({ summary: 'Resolve an address through BAG to an onderwijslocatie; RIO assigns a code when the address has none yet (201), else returns it (200)' })
  @ApiCreatedResponse({ type: Onderwijslocatie, description: 'New onderwijslocatie.' })
  @ApiOkResponse({ type: Onderwijslocatie, description: 'The existing onderwijslocatie at that address.' })
  @ApiIdempotent()
  @ApiRioAfkeuring({ instance: '/rio/v1/onderwijslocaties', verplicht: 'postcode' })
  createOnderwijslocatie(@CurrentPrincipal() p: Principal, @Body() body: OnderwijslocatieRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return upserted(reply, this.beheren.createLocatie(p, body));
  }

  @Get('_wijzigingen')
  @RequireScopes('rio.lezen')
  @ApiOperation({ summary: 'Change feed of onderwijslocaties since a moment' })
  @ApiOkResponse({ type: WijzigingPage })
  listOnderwijslocatieWijzigingen(@CurrentPrincipal() p: Principal, @Query() q: WijzigingenQuery, @Req() req: FastifyRequest) {
    return this.lezen.listWijzigingen(p.sandboxId, 'onderwijslocaties', q, pathOf(req.url));
  }

  @Get(':onderwijslocatiecode')
  @RequireScopes('rio.lezen')
  @ApiOperation({ summary: 'Read an onderwijslocatie' })
  @ApiOkResponse({ type: Onderwijslocatie })
  @ApiRioProblems('not_found')
  // datumGeldigOp as on every read; a locatie is an address without a lifetime, the same on every date.
  getOnderwijslocatie(@CurrentPrincipal() p: Principal, @Param() a: OnderwijslocatiecodeParam, @Query() _q: DatumGeldigOpQuery) {
    return this.lezen.getLocatie(p.sandboxId, a.onderwijslocatiecode);
  }

  @Delete(':onderwijslocatiecode')
  @HttpCode(204)
  @RequireScopes('rio.beheren')
  @ApiOperation({ summary: 'Delete an onderwijslocatie that no bestuur uses' })
  @ApiParam({ name: 'onderwijslocatiecode', description: 'Onderwijslocatiecode; the example is the one the POST example makes in the small seed (every onderwijslocatie of the seed is in use).', type: String, example: '100X022' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiIdempotent()
  @ApiRioAfkeuring({ instance: '/rio/v1/onderwijslocaties/100X001', parameter: { name: 'onderwijslocatiecode', detail: 'onderwijslocatiecode must look like 100X001' } })
  @ApiRioProblems('not_found', 'rio_object_in_gebruik')
  deleteOnderwijslocatie(@CurrentPrincipal() p: Principal, @Param() a: OnderwijslocatiecodeParam) {
    return this.beheren.deleteLocatie(p, a.onderwijslocatiecode);
  }
}

@ApiTags('Onderwijslocatiegebruiken')
@Controller('rio/v1')
export class OnderwijslocatiegebruikenController {
  constructor(private readonly lezen: RioLezenService, private readonly beheren: RioBeherenService) {}

  @Get('onderwijslocatiegebruiken')
  @RequireScopes('rio.lezen')
  @ApiOperation({ summary: 'Search onderwijslocatiegebruik valid on a date (by bestuur, locatie, BRIN6)' })
  @ApiOkResponse({ type: OnderwijslocatiegebruikPage })
  listOnderwijslocatiegebruiken(@CurrentPrincipal() p: Principal, @Query() q: OnderwijslocatiegebruikenQuery, @Req() req: FastifyRequest) {
    return this.lezen.listGebruiken(p.sandboxId, q, pathOf(req.url));
  }

  @Get('onderwijslocatiegebruiken/_wijzigingen')
  @RequireScopes('rio.lezen')
  @ApiOperation({ summary: 'Change feed of onderwijslocatiegebruik since a moment (code = onderwijsbestuurcode/onderwijslocatiecode)' })
  @ApiOkResponse({ type: WijzigingPage })
  listOnderwijslocatiegebruikWijzigingen(@CurrentPrincipal() p: Principal, @Query() q: WijzigingenQuery, @Req() req: FastifyRequest) {
    return this.lezen.listWijzigingen(p.sandboxId, 'onderwijslocatiegebruiken', q, pathOf(req.url));
  }

  @Get('onderwijsbesturen/:onderwijsbestuurcode/onderwijslocatiegebruiken/:onderwijslocatiecode')
  @RequireScopes('rio.lezen')
  @ApiOperation({ summary: 'Read the gebruik of a locatie by a bestuur as valid on a date' })
  @ApiOkResponse({ type: Onderwijslocatiegebruik })
  @ApiRioProblems('not_found')
  getOnderwijslocatiegebruik(@CurrentPrincipal() p: Principal, @Param() a: GebruikParams, @Query() q: DatumGeldigOpQuery) {
    return this.lezen.getGebruik(p.sandboxId, a.onderwijsbestuurcode, a.onderwijslocatiecode, q);
  }

  @Put('onderwijsbesturen/:onderwijsbestuurcode/onderwijslocatiegebruiken/:onderwijslocatiecode')
  @RequireScopes('rio.beheren')
  @ApiOperation({ summary: 'Create or replace the gebruik of a locatie by a bestuur the client acts for, with its relaties to BRIN6 vestigingen' })
  @ApiOkResponse({ type: Onderwijslocatiegebruik, description: 'Replaced.' })
  @ApiCreatedResponse({ type: Onderwijslocatiegebruik, description: 'Created.' })
  @ApiIdempotent()
  @ApiRioAfkeuring({ instance: '/rio/v1/onderwijsbesturen/100B001/onderwijslocatiegebruiken/100X001', parameter: { name: 'onderwijslocatiecode', detail: 'onderwijslocatiecode must look like 100X001' }, verplicht: 'relaties', periodes: 'N02040' })
  @ApiRioProblems('not_found')
  putOnderwijslocatiegebruik(@CurrentPrincipal() p: Principal, @Param() a: GebruikParams, @Body() body: OnderwijslocatiegebruikRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return upserted(reply, this.beheren.putGebruik(p, a.onderwijsbestuurcode, a.onderwijslocatiecode, body));
  }

  @Delete('onderwijsbesturen/:onderwijsbestuurcode/onderwijslocatiegebruiken/:onderwijslocatiecode')
  @HttpCode(204)
  @RequireScopes('rio.beheren')
  @ApiOperation({ summary: 'Delete the gebruik of a locatie by a bestuur' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiIdempotent()
  @ApiRioAfkeuring({ instance: '/rio/v1/onderwijsbesturen/100B001/onderwijslocatiegebruiken/100X001', parameter: { name: 'onderwijslocatiecode', detail: 'onderwijslocatiecode must look like 100X001' } })
  @ApiRioProblems('not_found')
  deleteOnderwijslocatiegebruik(@CurrentPrincipal() p: Principal, @Param() a: GebruikParams) {
    return this.beheren.deleteGebruik(p, a.onderwijsbestuurcode, a.onderwijslocatiecode);
  }
}

@ApiTags('Aangeboden opleidingen')
@Controller('rio/v1')
export class AangebodenOpleidingenController {
  constructor(private readonly lezen: RioLezenService, private readonly beheren: RioBeherenService) {}

  @Get('aangeboden-opleidingen')
  @RequireScopes('rio.lezen')
  @ApiOperation({ summary: 'Search aangeboden opleidingen valid on a date (by aanbieder, locatie, onderwijsconcept, postcode)' })
  @ApiOkResponse({ type: AangebodenOpleidingPage })
  listAangebodenOpleidingen(@CurrentPrincipal() p: Principal, @Query() q: AangebodenOpleidingenQuery, @Req() req: FastifyRequest) {
    return this.lezen.listOpleidingen(p.sandboxId, q, pathOf(req.url));
  }

  @Get('aangeboden-opleidingen/_wijzigingen')
  @RequireScopes('rio.lezen')
  @ApiOperation({ summary: 'Change feed of aangeboden opleidingen since a moment' })
  @ApiOkResponse({ type: WijzigingPage })
  listAangebodenOpleidingWijzigingen(@CurrentPrincipal() p: Principal, @Query() q: WijzigingenQuery, @Req() req: FastifyRequest) {
    return this.lezen.listWijzigingen(p.sandboxId, 'aangeboden-opleidingen', q, pathOf(req.url));
  }

  @Get('aangeboden-opleidingen/:aangebodenOpleidingCode')
  @RequireScopes('rio.lezen')
  @ApiOperation({ summary: 'Read an aangeboden opleiding as valid on a date' })
  @ApiOkResponse({ type: AangebodenOpleiding })
  @ApiRioProblems('not_found')
  getAangebodenOpleiding(@CurrentPrincipal() p: Principal, @Param() a: AangebodenOpleidingCodeParam, @Query() q: DatumGeldigOpQuery) {
    return this.lezen.getOpleiding(p.sandboxId, a.aangebodenOpleidingCode, q);
  }

  @Put('aangeboden-opleidingen/:aangebodenOpleidingCode')
  @RequireScopes('rio.beheren')
  @ApiOperation({ summary: 'Create or replace an aangeboden BO/SO/VSO opleiding (key: a UUID the client chooses) of an aanbieder of a bestuur the client acts for' })
  @ApiOkResponse({ type: AangebodenOpleiding, description: 'Replaced.' })
  @ApiCreatedResponse({ type: AangebodenOpleiding, description: 'Created.' })
  @ApiIdempotent()
  @ApiParam({ name: 'aangebodenOpleidingCode', description: 'aangebodenOpleidingCode (UUID, chosen by the client); the example is a new one.', type: String, format: 'uuid', example: '6f1c1f7e-2a7e-4b55-9a51-0d9f0c6b2a10' })
  @ApiRioAfkeuring({ instance: '/rio/v1/aangeboden-opleidingen/6f1c1f7e-2a7e-4b55-9a51-0d9f0c6b2a10', parameter: { name: 'aangebodenOpleidingCode', detail: 'aangebodenOpleidingCode must be a UUID' }, verplicht: 'soort', periodes: 'N05060' })
  putAangebodenOpleiding(@CurrentPrincipal() p: Principal, @Param() a: AangebodenOpleidingCodeParam, @Body() body: AangebodenOpleidingRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return upserted(reply, this.beheren.putOpleiding(p, a.aangebodenOpleidingCode, body));
  }

  @Delete('aangeboden-opleidingen/:aangebodenOpleidingCode')
  @HttpCode(204)
  @RequireScopes('rio.beheren')
  @ApiOperation({ summary: 'Delete an aangeboden opleiding' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiIdempotent()
  @ApiRioAfkeuring({ instance: '/rio/v1/aangeboden-opleidingen/8ff49b6f-7726-4271-ac43-069c43a8c3b7', parameter: { name: 'aangebodenOpleidingCode', detail: 'aangebodenOpleidingCode must be a UUID' } })
  @ApiRioProblems('not_found')
  deleteAangebodenOpleiding(@CurrentPrincipal() p: Principal, @Param() a: AangebodenOpleidingCodeParam) {
    return this.beheren.deleteOpleiding(p, a.aangebodenOpleidingCode);
  }

  @Get('opleidingseenheden')
  @RequireScopes('rio.lezen')
  @ApiOperation({ summary: 'The po opleidingseenheden of OCW an aangeboden opleiding refers to, those begun on datumGeldigOp' })
  @ApiOkResponse({ type: [OpleidingseenheidResponse] })
  listOpleidingseenheden(@CurrentPrincipal() p: Principal, @Query() q: DatumGeldigOpQuery) {
    return this.lezen.listOpleidingseenheden(p.sandboxId, q);
  }
}
