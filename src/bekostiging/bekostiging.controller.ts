import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { SandboxesService } from '../beheer';
import { CurrentPrincipal, RequireScopes } from '../common/auth/auth.decorators';
import type { Principal } from '../common/auth/principal';
import { ApiIdempotent } from '../common/openapi/api-problems.decorator';
import { ApiBekostigingProblems } from './bekostiging.errors';
import { KlokSandboxParam } from '../klok';
import { BekostigingLezenService } from './bekostiging-lezen.service';
import { BekostigingService } from './bekostiging.service';
import {
  BekostigingsstatusPage,
  HerberekeningResponse,
  InitieleLeveringRequest,
  InitieleLeveringResponse,
  OverzichtList,
  OverzichtQuery,
  StatusQuery,
} from './bekostiging.dto';

@ApiTags('Bekostiging')
@Controller('rod/v1')
export class BekostigingController {
  constructor(private readonly lezen: BekostigingLezenService) {}

  @Get('bekostigingsstatussen')
  @RequireScopes('rod.lezen', 'rod.berichten')
  @ApiOperation({
    summary: 'Bekostigingsstatussen of a school (the OSB download)',
    description: 'Per inschrijving per teldatum: BEKOSTIGD or NIET_BEKOSTIGD, voorlopig (V) until the teldatum\'s deadline and definitief (D) after, with the bekostigingssignalen explaining why not. Teldata of the last twelve months.',
  })
  @ApiOkResponse({ type: BekostigingsstatusPage })
  @ApiBekostigingProblems('221_geen_machtiging')
  listBekostigingsstatussen(@Query() q: StatusQuery, @CurrentPrincipal() p: Principal, @Req() req: FastifyRequest) {
    return this.lezen.listStatussen(p, q, req.url.split('?')[0]);
  }

  @Get('bekostigingsoverzichten')
  @RequireScopes('rod.lezen', 'rod.berichten')
  @ApiOperation({ summary: 'Overview per teldatum of a school (the OSB equivalent)', description: 'Counts funded / not funded, per bekostigingssignaal and per vestiging, with the registration deadline.' })
  @ApiOkResponse({ type: OverzichtList })
  @ApiBekostigingProblems('221_geen_machtiging')
  listBekostigingsoverzichten(@Query() q: OverzichtQuery, @CurrentPrincipal() p: Principal) {
    return this.lezen.listOverzichten(p, q);
  }

  @Post('bekostigingsstatussen/initiele-leveringen')
  @HttpCode(202)
  @RequireScopes('rod.berichten', 'beheer')
  @ApiOperation({
    summary: 'Initial push of every bekostigingsstatus (as DUO\'s IVBG of March 2022)',
    description: 'Writes an event (aanleiding INITIELE_LEVERING) for every kept status of the school — or, for beheer without instellingscode, of the whole sandbox — to the feed and the webhooks.',
  })
  @ApiAcceptedResponse({ type: InitieleLeveringResponse })
  @ApiBekostigingProblems('221_geen_machtiging')
  @ApiIdempotent()
  createInitieleLevering(@Body() body: InitieleLeveringRequest, @CurrentPrincipal() p: Principal) {
    return this.lezen.createInitieleLevering(p, body);
  }
}

@ApiTags('Bekostiging')
@RequireScopes('beheer')
@Controller('beheer/v1/sandboxes/:sandboxCode/bekostiging')
export class BekostigingBeheerController {
  constructor(
    private readonly bekostiging: BekostigingService,
    private readonly sandboxes: SandboxesService,
  ) {}

  @Post('herberekeningen')
  @HttpCode(200)
  @ApiOperation({ summary: 'Recompute every open bekostigingsstatus of a sandbox', description: 'Set-based SQL over all inschrijvingen and every teldatum whose deadline has not passed, in chunks by person (each chunk one transaction with its statuses and events); an event per status that changed.' })
  @ApiOkResponse({ type: HerberekeningResponse })
  @ApiBekostigingProblems('sandbox_not_found')
  @ApiIdempotent()
  async createHerberekening(@Param() p: KlokSandboxParam): Promise<HerberekeningResponse> {
    const sandbox = await this.sandboxes.find(p.sandboxCode);
    const start = Date.now();
    const r = await this.bekostiging.recomputeAll(sandbox.id);
    return { ...r, duurMs: Date.now() - start };
  }
}
