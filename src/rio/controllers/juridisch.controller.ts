import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, RequireScopes } from '../../common/auth/auth.decorators';
import type { Principal } from '../../common/auth/principal';
import { ApiIdempotent } from '../../common/openapi/api-problems.decorator';
import { ApiRioProblems } from '../rio.errors';
import { ApiRioAfkeuring, DatumGeldigOpQuery, WijzigingenQuery, WijzigingPage } from '../dto/common.dto';
import {
  BevoegdGezagErkenning,
  BevoegdGezagErkenningenQuery,
  BevoegdGezagErkenningPage,
  BevoegdGezagNummerParam,
  InstellingscodeParam,
  Instellingserkenning,
  InstellingserkenningenQuery,
  InstellingserkenningPage,
  InstellingserkenningRequest,
  Onderwijsbestuur,
  OnderwijsbestuurcodeParam,
  OnderwijsbesturenQuery,
  OnderwijsbestuurPage,
  OnderwijsbestuurRequest,
  VestigingscodeParam,
  Vestigingserkenning,
  VestigingserkenningenQuery,
  VestigingserkenningPage,
  VestigingserkenningRequest,
} from '../dto/juridisch.dto';
import { ContactadressenRequest, ContactadressenResponse } from '../dto/contactadres.dto';
import { RioBeherenService } from '../rio-beheren.service';
import { RioLezenService } from '../rio-lezen.service';
import { pathOf, upserted } from './respond';

/** The BRIN4 the PUT example creates and the DELETE example removes: free in the small seed. */
const NIEUWE_INSTELLING = '09ZY';
const NIEUWE_INSTELLING_VOORBEELD = {
  onderwijsbestuurcode: '100B001',
  soort: 'BAS',
  vrijheidVanOnderwijs: 'OPENBAAR',
  inBedrijfdatum: '2026-08-01',
  stichtingsdatum: '2026-03-01',
  periodes: [{ begindatum: '2026-08-01', naam: 'OBS De Nieuwbouw', verkorteNaam: 'De Nieuwbouw', richtingen: ['OPB'], bekostigingscode: 'BEKOSTIGD' }],
};
/** The BRIN6 the PUT example creates and the DELETE example removes: a nevenvestiging of 01AA, free in the small seed. */
const NIEUWE_VESTIGING = '01AA02';

@ApiTags('Onderwijsbesturen')
@Controller('rio/v1/onderwijsbesturen')
export class OnderwijsbesturenController {
  constructor(private readonly lezen: RioLezenService, private readonly beheren: RioBeherenService) {}

  @Get()
  @RequireScopes('rio.lezen')
  @ApiOperation({ summary: 'Search onderwijsbesturen valid on a date (by naam, bevoegd-gezagnummer)' })
  @ApiOkResponse({ type: OnderwijsbestuurPage })
  listOnderwijsbesturen(@CurrentPrincipal() p: Principal, @Query() q: OnderwijsbesturenQuery, @Req() req: FastifyRequest) {
    return this.lezen.listBesturen(p.sandboxId, q, pathOf(req.url));
  }

  @Post()
  @RequireScopes('beheer')
  @ApiOperation({ summary: 'Register an onderwijsbestuur (DUO side); RIO assigns the code' })
  @ApiCreatedResponse({ type: Onderwijsbestuur })
  @ApiIdempotent()
  @ApiRioAfkeuring({ instance: '/rio/v1/onderwijsbesturen', verplicht: 'inBedrijfdatum', periodes: 'N05060', aut401: false })
  @ApiRioProblems('rio_object_bestaat_al')
  createOnderwijsbestuur(@CurrentPrincipal() p: Principal, @Body() body: OnderwijsbestuurRequest) {
    return this.beheren.createBestuur(p, body);
  }

  @Get('_wijzigingen')
  @RequireScopes('rio.lezen')
  @ApiOperation({ summary: 'Change feed of onderwijsbesturen since a moment' })
  @ApiOkResponse({ type: WijzigingPage })
  listOnderwijsbestuurWijzigingen(@CurrentPrincipal() p: Principal, @Query() q: WijzigingenQuery, @Req() req: FastifyRequest) {
    return this.lezen.listWijzigingen(p.sandboxId, 'onderwijsbesturen', q, pathOf(req.url));
  }

  @Get(':onderwijsbestuurcode')
  @RequireScopes('rio.lezen')
  @ApiOperation({ summary: 'Read an onderwijsbestuur as valid on a date' })
  @ApiOkResponse({ type: Onderwijsbestuur })
  @ApiRioProblems('not_found')
  getOnderwijsbestuur(@CurrentPrincipal() p: Principal, @Param() a: OnderwijsbestuurcodeParam, @Query() q: DatumGeldigOpQuery) {
    return this.lezen.getBestuur(p.sandboxId, a.onderwijsbestuurcode, q);
  }

  @Get(':onderwijsbestuurcode/contactadressen')
  @RequireScopes('rio.lezen')
  @ApiOperation({ summary: 'The contactadressen of an onderwijsbestuur valid on a date' })
  @ApiOkResponse({ type: ContactadressenResponse })
  @ApiRioProblems('not_found')
  getContactadressenVanOnderwijsbestuur(@CurrentPrincipal() p: Principal, @Param() a: OnderwijsbestuurcodeParam, @Query() q: DatumGeldigOpQuery) {
    return this.lezen.listContactadressen(p.sandboxId, 'bestuur', a.onderwijsbestuurcode, q);
  }

  @Put(':onderwijsbestuurcode/contactadressen')
  @RequireScopes('rio.beheren')
  @ApiOperation({ summary: 'Replace every contactadres of an onderwijsbestuur the client acts for (standlevering; board side)' })
  @ApiOkResponse({ type: ContactadressenResponse })
  @ApiIdempotent()
  @ApiRioAfkeuring({ instance: '/rio/v1/onderwijsbesturen/100B001/contactadressen', verplicht: 'contactadressen' })
  @ApiRioProblems('not_found')
  putContactadressenVanOnderwijsbestuur(@CurrentPrincipal() p: Principal, @Param() a: OnderwijsbestuurcodeParam, @Body() body: ContactadressenRequest) {
    return this.beheren.putContactadressen(p, 'bestuur', a.onderwijsbestuurcode, body);
  }

  @Put(':onderwijsbestuurcode')
  @RequireScopes('beheer')
  @ApiOperation({ summary: 'Replace the full state of an onderwijsbestuur (DUO side)' })
  @ApiOkResponse({ type: Onderwijsbestuur })
  @ApiIdempotent()
  @ApiRioAfkeuring({ instance: '/rio/v1/onderwijsbesturen/100B001', parameter: { name: 'onderwijsbestuurcode', detail: 'onderwijsbestuurcode must look like 100B001' }, verplicht: 'inBedrijfdatum', periodes: 'N05060', aut401: false })
  @ApiRioProblems('not_found', 'rio_object_bestaat_al')
  putOnderwijsbestuur(@CurrentPrincipal() p: Principal, @Param() a: OnderwijsbestuurcodeParam, @Body() body: OnderwijsbestuurRequest) {
    return this.beheren.putBestuur(p, a.onderwijsbestuurcode, body);
  }

  @Delete(':onderwijsbestuurcode')
  @ApiParam({ name: 'onderwijsbestuurcode', description: 'Onderwijsbestuurcode; the example is the one the POST example makes in the small seed.', type: String, example: '100B007' })
  @HttpCode(204)
  @RequireScopes('beheer')
  @ApiOperation({ summary: 'Delete an onderwijsbestuur without erkenningen, aanbieders or locatiegebruik (DUO side)' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiIdempotent()
  @ApiRioAfkeuring({ instance: '/rio/v1/onderwijsbesturen/100B001', parameter: { name: 'onderwijsbestuurcode', detail: 'onderwijsbestuurcode must look like 100B001' }, aut401: false })
  @ApiRioProblems('not_found', 'rio_object_in_gebruik')
  deleteOnderwijsbestuur(@CurrentPrincipal() p: Principal, @Param() a: OnderwijsbestuurcodeParam) {
    return this.beheren.deleteBestuur(p, a.onderwijsbestuurcode);
  }
}

@ApiTags('Onderwijsinstellingserkenningen (BRIN4)')
@Controller('rio/v1/onderwijsinstellingserkenningen')
export class InstellingserkenningenController {
  constructor(private readonly lezen: RioLezenService, private readonly beheren: RioBeherenService) {}

  @Get()
  @RequireScopes('rio.lezen')
  @ApiOperation({ summary: 'Search BRIN4 erkenningen valid on a date (by naam, bestuur)' })
  @ApiOkResponse({ type: InstellingserkenningPage })
  listInstellingserkenningen(@CurrentPrincipal() p: Principal, @Query() q: InstellingserkenningenQuery, @Req() req: FastifyRequest) {
    return this.lezen.listInstellingen(p.sandboxId, q, pathOf(req.url));
  }

  @Get('_wijzigingen')
  @RequireScopes('rio.lezen')
  @ApiOperation({ summary: 'Change feed of BRIN4 erkenningen since a moment' })
  @ApiOkResponse({ type: WijzigingPage })
  listInstellingserkenningWijzigingen(@CurrentPrincipal() p: Principal, @Query() q: WijzigingenQuery, @Req() req: FastifyRequest) {
    return this.lezen.listWijzigingen(p.sandboxId, 'onderwijsinstellingserkenningen', q, pathOf(req.url));
  }

  @Get(':instellingscode')
  @RequireScopes('rio.lezen')
  @ApiOperation({ summary: 'Read a BRIN4 erkenning as valid on a date' })
  @ApiOkResponse({ type: Instellingserkenning })
  @ApiRioProblems('not_found')
  getInstellingserkenning(@CurrentPrincipal() p: Principal, @Param() a: InstellingscodeParam, @Query() q: DatumGeldigOpQuery) {
    return this.lezen.getInstelling(p.sandboxId, a.instellingscode, q);
  }

  @Get(':instellingscode/vestigingserkenningen')
  @RequireScopes('rio.lezen')
  @ApiOperation({ summary: 'The BRIN6 vestigingen of a BRIN4 valid on a date' })
  @ApiOkResponse({ type: VestigingserkenningPage })
  @ApiRioProblems('not_found')
  async listVestigingenVanInstelling(@CurrentPrincipal() p: Principal, @Param() a: InstellingscodeParam, @Query() q: VestigingserkenningenQuery, @Req() req: FastifyRequest) {
    return this.lezen.getInstelling(p.sandboxId, a.instellingscode, q).then(() => this.lezen.listVestigingen(p.sandboxId, { ...q, instellingscode: a.instellingscode }, pathOf(req.url)));
  }

  @Put(':instellingscode')
  @RequireScopes('beheer')
  @ApiOperation({ summary: 'Create or replace a BRIN4 erkenning (DUO side)' })
  @ApiParam({ name: 'instellingscode', description: 'Instellingscode (BRIN4); the example is a new one in the small seed, the one the DELETE example removes.', type: String, example: NIEUWE_INSTELLING })
  @ApiBody({ type: InstellingserkenningRequest, examples: { nieuweSchool: { summary: 'A new basisschool of bestuur 100B001', value: NIEUWE_INSTELLING_VOORBEELD } } })
  @ApiOkResponse({ type: Instellingserkenning, description: 'Replaced.' })
  @ApiCreatedResponse({ type: Instellingserkenning, description: 'Created.' })
  @ApiIdempotent()
  @ApiRioAfkeuring({ instance: '/rio/v1/onderwijsinstellingserkenningen/01AA', parameter: { name: 'instellingscode', detail: 'instellingscode must be a BRIN4 like 01AA' }, verplicht: 'inBedrijfdatum', periodes: 'N05060', aut401: false })
  putInstellingserkenning(@CurrentPrincipal() p: Principal, @Param() a: InstellingscodeParam, @Body() body: InstellingserkenningRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return upserted(reply, this.beheren.putInstelling(p, a.instellingscode, body));
  }

  @Delete(':instellingscode')
  @HttpCode(204)
  @RequireScopes('beheer')
  @ApiOperation({ summary: 'Delete a BRIN4 erkenning without vestigingen or juridische relaties (DUO side)' })
  @ApiParam({ name: 'instellingscode', description: 'Instellingscode (BRIN4); the example is the one the PUT example makes (every BRIN4 of the small seed has vestigingen).', type: String, example: NIEUWE_INSTELLING })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiIdempotent()
  @ApiRioAfkeuring({ instance: '/rio/v1/onderwijsinstellingserkenningen/01AA', parameter: { name: 'instellingscode', detail: 'instellingscode must be a BRIN4 like 01AA' }, aut401: false })
  @ApiRioProblems('not_found', 'rio_object_in_gebruik')
  deleteInstellingserkenning(@CurrentPrincipal() p: Principal, @Param() a: InstellingscodeParam) {
    return this.beheren.deleteInstelling(p, a.instellingscode);
  }
}

@ApiTags('Vestigingserkenningen (BRIN6)')
@Controller('rio/v1/vestigingserkenningen')
export class VestigingserkenningenController {
  constructor(private readonly lezen: RioLezenService, private readonly beheren: RioBeherenService) {}

  @Get()
  @RequireScopes('rio.lezen')
  @ApiOperation({ summary: 'Search BRIN6 vestigingen valid on a date (by BRIN4, naam, postcode, plaatsnaam)' })
  @ApiOkResponse({ type: VestigingserkenningPage })
  listVestigingserkenningen(@CurrentPrincipal() p: Principal, @Query() q: VestigingserkenningenQuery, @Req() req: FastifyRequest) {
    return this.lezen.listVestigingen(p.sandboxId, q, pathOf(req.url));
  }

  @Get('_wijzigingen')
  @RequireScopes('rio.lezen')
  @ApiOperation({ summary: 'Change feed of BRIN6 vestigingen since a moment' })
  @ApiOkResponse({ type: WijzigingPage })
  listVestigingserkenningWijzigingen(@CurrentPrincipal() p: Principal, @Query() q: WijzigingenQuery, @Req() req: FastifyRequest) {
    return this.lezen.listWijzigingen(p.sandboxId, 'vestigingserkenningen', q, pathOf(req.url));
  }

  @Get(':vestigingscode')
  @RequireScopes('rio.lezen')
  @ApiOperation({ summary: 'Read a BRIN6 vestiging as valid on a date' })
  @ApiOkResponse({ type: Vestigingserkenning })
  @ApiRioProblems('not_found')
  getVestigingserkenning(@CurrentPrincipal() p: Principal, @Param() a: VestigingscodeParam, @Query() q: DatumGeldigOpQuery) {
    return this.lezen.getVestiging(p.sandboxId, a.vestigingscode, q);
  }

  @Put(':vestigingscode')
  @RequireScopes('beheer')
  @ApiOperation({ summary: 'Create or replace a BRIN6 vestigingserkenning (DUO side); its BRIN4 must exist' })
  @ApiParam({ name: 'vestigingscode', description: 'Vestigingscode (BRIN6); the example is a new nevenvestiging of 01AA in the small seed (built from the property examples of the body: at a free BAG address), the one the DELETE example removes.', type: String, example: NIEUWE_VESTIGING })
  @ApiOkResponse({ type: Vestigingserkenning, description: 'Replaced.' })
  @ApiCreatedResponse({ type: Vestigingserkenning, description: 'Created.' })
  @ApiIdempotent()
  @ApiRioAfkeuring({ instance: '/rio/v1/vestigingserkenningen/01AA00', parameter: { name: 'vestigingscode', detail: 'vestigingscode must be a BRIN6 like 01AA00' }, verplicht: 'adres', periodes: 'N05060', aut401: false })
  putVestigingserkenning(@CurrentPrincipal() p: Principal, @Param() a: VestigingscodeParam, @Body() body: VestigingserkenningRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return upserted(reply, this.beheren.putVestiging(p, a.vestigingscode, body));
  }

  @Delete(':vestigingscode')
  @HttpCode(204)
  @RequireScopes('beheer')
  @ApiOperation({ summary: 'Delete a BRIN6 vestigingserkenning not linked to locatiegebruik (DUO side)' })
  @ApiParam({ name: 'vestigingscode', description: 'Vestigingscode (BRIN6); the example is the one the PUT example makes (every BRIN6 of the small seed is linked to locatiegebruik).', type: String, example: NIEUWE_VESTIGING })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiIdempotent()
  @ApiRioAfkeuring({ instance: '/rio/v1/vestigingserkenningen/01AA00', parameter: { name: 'vestigingscode', detail: 'vestigingscode must be a BRIN6 like 01AA00' }, aut401: false })
  @ApiRioProblems('not_found', 'rio_object_in_gebruik')
  deleteVestigingserkenning(@CurrentPrincipal() p: Principal, @Param() a: VestigingscodeParam) {
    return this.beheren.deleteVestiging(p, a.vestigingscode);
  }
}

@ApiTags('Bevoegd-gezag-erkenningen')
@Controller('rio/v1/bevoegd-gezag-erkenningen')
export class BevoegdGezagErkenningenController {
  constructor(private readonly lezen: RioLezenService) {}

  @Get()
  @RequireScopes('rio.lezen')
  @ApiOperation({ summary: 'Search bevoegd-gezag-erkenningen valid on a date (by naam, soort)' })
  @ApiOkResponse({ type: BevoegdGezagErkenningPage })
  listBevoegdGezagErkenningen(@CurrentPrincipal() p: Principal, @Query() q: BevoegdGezagErkenningenQuery, @Req() req: FastifyRequest) {
    return this.lezen.listBevoegdGezagErkenningen(p.sandboxId, q, pathOf(req.url));
  }

  @Get(':bevoegdGezagNummer')
  @RequireScopes('rio.lezen')
  @ApiOperation({ summary: 'Read the bevoegd-gezag-erkenning with this nummer as valid on a date, with a link to its onderwijsbestuur' })
  @ApiOkResponse({ type: BevoegdGezagErkenning })
  @ApiRioProblems('not_found')
  getBevoegdGezagErkenning(@CurrentPrincipal() p: Principal, @Param() a: BevoegdGezagNummerParam, @Query() q: DatumGeldigOpQuery) {
    return this.lezen.getBevoegdGezagErkenning(p.sandboxId, a.bevoegdGezagNummer, q);
  }
}
