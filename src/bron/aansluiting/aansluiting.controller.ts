import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequireScopes } from '../../common/auth/auth.decorators';
import type { Principal } from '../../common/auth/principal';
import { ApiBronProblems } from '../bron.errors';
import { AansluitingList, AansluitingRequest, AansluitingResponse, BevriezingRequest, BevriezingResponse, FaseringRequest, InstellingParam } from './aansluiting.dto';
import { AansluitingService } from './aansluiting.service';

@ApiTags('Bevriezing en aansluiting')
@RequireScopes('beheer')
@Controller('bron/v1')
export class AansluitingController {
  constructor(private readonly aansluiting: AansluitingService) {}

  @Get('bevriezing')
  @ApiOperation({ summary: "Read the sandbox's freeze", description: 'The freeze and the phase it puts the sandbox in on its clock now.' })
  @ApiOkResponse({ type: BevriezingResponse })
  @ApiBronProblems('not_found')
  getBevriezing(@CurrentPrincipal() p: Principal) {
    return this.aansluiting.getBevriezing(p);
  }

  @Put('bevriezing')
  @ApiOperation({
    summary: "Set the sandbox's freeze (default: the historical one)",
    description:
      'From bevrorenVanaf ROD refuses every inschrijving and verwijdering with 409 `register_bevroren`; from bevrorenTot on, a school may exchange from the start of its aansluitdatum ' +
      '(409 `school_niet_aangesloten` before, and for a school without one). Without a body: 6 December 2021 18:00 to 3 January 2022 00:00 (Europe/Amsterdam).',
  })
  @ApiOkResponse({ type: BevriezingResponse })
  putBevriezing(@CurrentPrincipal() p: Principal, @Body() body: BevriezingRequest) {
    return this.aansluiting.setBevriezing(p, body);
  }

  @Delete('bevriezing')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove the freeze: ROD takes inschrijvingen of every school again' })
  @ApiNoContentResponse({ description: 'Removed (or there was none).' })
  deleteBevriezing(@CurrentPrincipal() p: Principal) {
    return this.aansluiting.removeBevriezing(p);
  }

  @Get('aansluitingen')
  @ApiOperation({ summary: 'List the aansluitdatum of every school, and whether it is connected' })
  @ApiOkResponse({ type: AansluitingList })
  listAansluitingen(@CurrentPrincipal() p: Principal) {
    return this.aansluiting.list(p);
  }

  @Put('aansluitingen/:instellingscode')
  @ApiOperation({
    summary: "Set a school's aansluitdatum",
    description: "When the sandbox clock reaches the start of that date the school is connected: ROD takes its inschrijvingen and its vendor receives the initial bekostigingsstatus push (soort INITIELE_LEVERING) through the feed and webhooks. A date the clock has already reached connects it now.",
  })
  @ApiOkResponse({ type: AansluitingResponse })
  putAansluiting(@CurrentPrincipal() p: Principal, @Param() a: InstellingParam, @Body() body: AansluitingRequest) {
    return this.aansluiting.setAansluiting(p, a.instellingscode, body.aansluitdatum);
  }

  @Post('aansluitingen/faseringen')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Give every school without an aansluitdatum one, in phases',
    description: "Every BRIN4 of the sandbox's RIO without an aansluitdatum, spread by code over the phases (default 4 phases 14 days apart from 3 January 2022: January–February 2022).",
  })
  @ApiOkResponse({ type: AansluitingList })
  faseerAansluitingen(@CurrentPrincipal() p: Principal, @Body() body: FaseringRequest) {
    return this.aansluiting.createFasering(p, body);
  }
}
