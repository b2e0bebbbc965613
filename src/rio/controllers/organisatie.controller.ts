import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentPrincipal, RequireScopes } from '../../common/auth/auth.decorators';
import type { Principal } from '../../common/auth/principal';
import { ApiIdempotent } from '../../common/openapi/api-problems.decorator';
import { ApiRioAfkeuring, DatumGeldigOpQuery, GeldigOpQuery, WijzigingenQuery, WijzigingPage } from '../dto/common.dto';
import { OnderwijsbestuurcodeParam } from '../dto/juridisch.dto';
import { OnderwijsaanbiederPage } from '../dto/onderwijskundig.dto';
import {
  Onderwijsaanbiedergroep,
  OnderwijsaanbiedergroepcodeParam,
  OnderwijsaanbiedergroepenQuery,
  OnderwijsaanbiedergroepPage,
  OnderwijsaanbiedergroepRequest,
  OnderwijsaanbiedersVanOrganisatie,
  OrganisatierelatiesRequest,
  OrganisatierelatiesResponse,
  OrganisatorischeEenheidcodeParam,
} from '../dto/organisatie.dto';
import { ApiRioProblems } from '../rio.errors';
import { ContactadressenRequest, ContactadressenResponse } from '../dto/contactadres.dto';
import { RioBeherenService } from '../rio-beheren.service';
import { RioLezenService } from '../rio-lezen.service';
import { RioOrganisatieService } from '../rio-organisatie.service';
import { pathOf } from './respond';

@ApiTags('Onderwijsaanbiedergroepen')
@Controller('rio/v1/onderwijsaanbiedergroepen')
export class OnderwijsaanbiedergroepenController {
  constructor(private readonly lezen: RioLezenService, private readonly beheren: RioBeherenService, private readonly organisatie: RioOrganisatieService) {}

  @Get()
  @RequireScopes('rio.lezen')
  @ApiOperation({ summary: 'Search onderwijsaanbiedergroepen valid on a date (by naam, bestuur, member aanbieder)' })
  @ApiOkResponse({ type: OnderwijsaanbiedergroepPage })
  listOnderwijsaanbiedergroepen(@CurrentPrincipal() p: Principal, @Query() q: OnderwijsaanbiedergroepenQuery, @Req() req: FastifyRequest) {
    return this.organisatie.listGroepen(p.sandboxId, q, pathOf(req.url));
  }

  @Post()
  @RequireScopes('rio.beheren')
  @ApiOperation({ summary: 'Register an onderwijsaanbiedergroep under a bestuur the client acts for (or of members of its besturen); RIO assigns the code' })
  @ApiCreatedResponse({ type: Onderwijsaanbiedergroep })
  @ApiIdempotent()
  @ApiRioAfkeuring({ instance: '/rio/v1/onderwijsaanbiedergroepen', verplicht: 'periodes', periodes: 'N05060' })
  createOnderwijsaanbiedergroep(@CurrentPrincipal() p: Principal, @Body() body: OnderwijsaanbiedergroepRequest) {
    return this.organisatie.createGroep(p, body);
  }

  @Get('_wijzigingen')
  @RequireScopes('rio.lezen')
  @ApiOperation({ summary: 'Change feed of onderwijsaanbiedergroepen since a moment' })
  @ApiOkResponse({ type: WijzigingPage })
  listOnderwijsaanbiedergroepWijzigingen(@CurrentPrincipal() p: Principal, @Query() q: WijzigingenQuery, @Req() req: FastifyRequest) {
    return this.lezen.listWijzigingen(p.sandboxId, 'onderwijsaanbiedergroepen', q, pathOf(req.url));
  }

  @Get(':onderwijsaanbiedergroepcode')
  @RequireScopes('rio.lezen')
  @ApiOperation({ summary: 'Read an onderwijsaanbiedergroep as valid on a date, with its dated members' })
  @ApiOkResponse({ type: Onderwijsaanbiedergroep })
  @ApiRioProblems('not_found')
  getOnderwijsaanbiedergroep(@CurrentPrincipal() p: Principal, @Param() a: OnderwijsaanbiedergroepcodeParam, @Query() q: DatumGeldigOpQuery) {
    return this.organisatie.getGroep(p.sandboxId, a.onderwijsaanbiedergroepcode, q);
  }

  @Get(':onderwijsaanbiedergroepcode/onderwijsaanbieders')
  @RequireScopes('rio.lezen')
  @ApiOperation({ summary: 'The member onderwijsaanbieders of a groep on a date' })
  @ApiOkResponse({ type: OnderwijsaanbiederPage })
  @ApiRioProblems('not_found')
  listLedenVanOnderwijsaanbiedergroep(@CurrentPrincipal() p: Principal, @Param() a: OnderwijsaanbiedergroepcodeParam, @Query() q: GeldigOpQuery, @Req() req: FastifyRequest) {
    return this.organisatie.listLeden(p.sandboxId, a.onderwijsaanbiedergroepcode, q, pathOf(req.url));
  }

  @Get(':onderwijsaanbiedergroepcode/contactadressen')
  @RequireScopes('rio.lezen')
  @ApiOperation({ summary: 'The contactadressen of an onderwijsaanbiedergroep valid on a date' })
  @ApiOkResponse({ type: ContactadressenResponse })
  @ApiRioProblems('not_found')
  getContactadressenVanOnderwijsaanbiedergroep(@CurrentPrincipal() p: Principal, @Param() a: OnderwijsaanbiedergroepcodeParam, @Query() q: DatumGeldigOpQuery) {
    return this.lezen.listContactadressen(p.sandboxId, 'groep', a.onderwijsaanbiedergroepcode, q);
  }

  @Put(':onderwijsaanbiedergroepcode/contactadressen')
  @RequireScopes('rio.beheren')
  @ApiOperation({ summary: 'Replace every contactadres of an onderwijsaanbiedergroep the client keeps up (standlevering)' })
  @ApiOkResponse({ type: ContactadressenResponse })
  @ApiIdempotent()
  @ApiRioAfkeuring({ instance: '/rio/v1/onderwijsaanbiedergroepen/100G002/contactadressen', verplicht: 'contactadressen' })
  @ApiRioProblems('not_found')
  putContactadressenVanOnderwijsaanbiedergroep(@CurrentPrincipal() p: Principal, @Param() a: OnderwijsaanbiedergroepcodeParam, @Body() body: ContactadressenRequest) {
    return this.beheren.putContactadressen(p, 'groep', a.onderwijsaanbiedergroepcode, body);
  }

  @Put(':onderwijsaanbiedergroepcode')
  @RequireScopes('rio.beheren')
  @ApiOperation({ summary: 'Replace the full state of an onderwijsaanbiedergroep (standlevering); an uitBedrijfdatum ends it' })
  @ApiOkResponse({ type: Onderwijsaanbiedergroep })
  @ApiIdempotent()
  @ApiRioAfkeuring({ instance: '/rio/v1/onderwijsaanbiedergroepen/100G002', parameter: { name: 'onderwijsaanbiedergroepcode', detail: 'onderwijsaanbiedergroepcode must look like 100G001' }, verplicht: 'periodes', periodes: 'N05060' })
  @ApiRioProblems('not_found')
  putOnderwijsaanbiedergroep(@CurrentPrincipal() p: Principal, @Param() a: OnderwijsaanbiedergroepcodeParam, @Body() body: OnderwijsaanbiedergroepRequest) {
    return this.organisatie.putGroep(p, a.onderwijsaanbiedergroepcode, body);
  }

  @ApiParam({ name: 'onderwijsaanbiedergroepcode', description: 'Onderwijsaanbiedergroepcode; the example is the one the POST example makes in the small seed.', type: String, example: '100G003' })
  @Delete(':onderwijsaanbiedergroepcode')
  @HttpCode(204)
  @RequireScopes('rio.beheren')
  @ApiOperation({ summary: 'Delete an onderwijsaanbiedergroep with its members, contactadressen and organisatierelaties' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiIdempotent()
  @ApiRioAfkeuring({ instance: '/rio/v1/onderwijsaanbiedergroepen/100G002', parameter: { name: 'onderwijsaanbiedergroepcode', detail: 'onderwijsaanbiedergroepcode must look like 100G001' } })
  @ApiRioProblems('not_found')
  deleteOnderwijsaanbiedergroep(@CurrentPrincipal() p: Principal, @Param() a: OnderwijsaanbiedergroepcodeParam) {
    return this.organisatie.deleteGroep(p, a.onderwijsaanbiedergroepcode);
  }
}

@ApiTags('Onderwijsbesturen')
@Controller('rio/v1/onderwijsbesturen')
export class AanbiedersVanBestuurController {
  constructor(private readonly organisatie: RioOrganisatieService) {}

  @Get(':onderwijsbestuurcode/onderwijsaanbieders')
  @RequireScopes('rio.lezen')
  @ApiOperation({ summary: 'The onderwijsaanbieders and onderwijsaanbiedergroepen of an onderwijsbestuur on a date (opvragen_onderwijsaanbiedersVanOrganisatie)' })
  @ApiOkResponse({ type: OnderwijsaanbiedersVanOrganisatie })
  @ApiRioProblems('not_found')
  getOnderwijsaanbiedersVanOnderwijsbestuur(@CurrentPrincipal() p: Principal, @Param() a: OnderwijsbestuurcodeParam, @Query() q: DatumGeldigOpQuery) {
    return this.organisatie.getAanbiedersVanBestuur(p.sandboxId, a.onderwijsbestuurcode, q);
  }
}

@ApiTags('Organisatierelaties')
@Controller('rio/v1/organisatorische-eenheden')
export class OrganisatierelatiesController {
  constructor(private readonly organisatie: RioOrganisatieService) {}

  @Get(':organisatorischeEenheidcode/organisatierelaties')
  @RequireScopes('rio.lezen')
  @ApiOperation({ summary: 'The organisatierelaties from and to an onderwijsbestuur, -aanbieder or -aanbiedergroep valid on a date' })
  @ApiOkResponse({ type: OrganisatierelatiesResponse })
  @ApiRioProblems('not_found')
  listOrganisatierelaties(@CurrentPrincipal() p: Principal, @Param() a: OrganisatorischeEenheidcodeParam, @Query() q: DatumGeldigOpQuery) {
    return this.organisatie.listRelaties(p.sandboxId, a.organisatorischeEenheidcode, q);
  }

  @Put(':organisatorischeEenheidcode/organisatierelaties')
  @RequireScopes('rio.beheren')
  @ApiOperation({ summary: 'Replace every organisatierelatie from an eenheid (standlevering), for a client acting for a bestuur of both ends' })
  @ApiOkResponse({ type: OrganisatierelatiesResponse })
  @ApiIdempotent()
  @ApiRioAfkeuring({ instance: '/rio/v1/organisatorische-eenheden/100B001/organisatierelaties', verplicht: 'organisatierelaties' })
  @ApiRioProblems('not_found')
  putOrganisatierelaties(@CurrentPrincipal() p: Principal, @Param() a: OrganisatorischeEenheidcodeParam, @Body() body: OrganisatierelatiesRequest) {
    return this.organisatie.putRelaties(p, a.organisatorischeEenheidcode, body);
  }
}
