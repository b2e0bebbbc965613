import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentPrincipal, RequireScopes } from '../../common/auth/auth.decorators';
import type { Principal } from '../../common/auth/principal';
import { ApiIdempotent } from '../../common/openapi/api-problems.decorator';
import { ApiRioProblems } from '../rio.errors';
import { ApiRioAfkeuring } from '../dto/common.dto';
import { Overgang, OvergangenQuery, OvergangIdParam, OvergangPage, OvergangRequest } from '../dto/overgang.dto';
import { RioOvergangenService } from '../rio-overgangen.service';
import { pathOf } from './respond';

@ApiTags('Overgangen')
@Controller('rio/v1/overgangen')
export class OvergangenController {
  constructor(private readonly overgangen: RioOvergangenService) {}

  @Get()
  @RequireScopes('rio.lezen')
  @ApiOperation({ summary: 'Overgangen of BRIN4s from one bestuur to another (the open-data overgangen), planned ones included, by overgangsdatum' })
  @ApiOkResponse({ type: OvergangPage })
  listOvergangen(@CurrentPrincipal() p: Principal, @Query() q: OvergangenQuery, @Req() req: FastifyRequest) {
    return this.overgangen.list(p.sandboxId, q, pathOf(req.url));
  }

  @Post()
  @RequireScopes('beheer')
  @ApiOperation({
    summary: 'Move a BRIN4, or part of it, to another bestuur from a date (DUO side)',
    description:
      'Instellingsrelatie OVERGANG_VOLLEDIG: the BRIN4 with its vestigingen moves from the bestuur it stands under on the overgangsdatum to the new one. ' +
      'The old bestuur holds it until the day before (its period gets einddatum = overgangsdatum, exclusive), the new one from the overgangsdatum; ' +
      'the aanbieders with a juridische relatie to it change bijbehorend onderwijsbestuur on the date, and the locatiegebruik of its vestigingen goes to the new bestuur ' +
      '(a gebruik the new bestuur lacks is created from the date; one it had before is taken back in use); the aanbieders leave the old bestuur\'s onderwijsaanbiedergroepen on the date. Every read that shows the bestuur answers by datumGeldigOp; ROD machtigingen are per school and continue; ' +
      'bekostiging counts each teldatum under the bestuur of that day. Foutmeldingen: A01030, A01110, J06600, J06610, J06620, J06630, J06640, J06650, J06660, all at once. ' +
      'Instellingsrelatie OVERGANG_GEDEELTELIJK (soort, with naarInstellingscode and vestigingscodes): registers that those vestigingen go over to a BRIN4 of the new bestuur; ' +
      'only the relation is registered, nothing moves with it (README). Foutmeldingen: A01030, A01040, A01110, J06600, J06610, J06620, J06630, J06640, J06670, J06680, J06690, J06700, J06710, all at once.',
  })
  @ApiBody({
    type: OvergangRequest,
    examples: {
      school: { summary: 'School 01AB moves to bestuur 100B002 (OVERGANG_VOLLEDIG)', value: { instellingscode: '01AB', naarOnderwijsbestuurcode: '100B002', overgangsdatum: '2030-08-01' } },
      vestiging: {
        summary: 'Nevenvestiging 01AA01 of 01AA goes over to school 02AA of bestuur 100B002 (OVERGANG_GEDEELTELIJK)',
        value: { soort: 'OVERGANG_GEDEELTELIJK', instellingscode: '01AA', naarInstellingscode: '02AA', naarOnderwijsbestuurcode: '100B002', overgangsdatum: '2026-01-01', vestigingscodes: ['01AA01'] },
      },
    },
  })
  @ApiCreatedResponse({ type: Overgang })
  @ApiIdempotent()
  @ApiRioAfkeuring({ instance: '/rio/v1/overgangen', verplicht: 'overgangsdatum', aut401: false })
  createOvergang(@CurrentPrincipal() p: Principal, @Body() body: OvergangRequest) {
    return this.overgangen.create(p, body);
  }

  @Get(':overgangId')
  @RequireScopes('rio.lezen')
  @ApiOperation({ summary: 'Read an overgang' })
  @ApiOkResponse({ type: Overgang })
  @ApiRioProblems('not_found')
  getOvergang(@CurrentPrincipal() p: Principal, @Param() a: OvergangIdParam) {
    return this.overgangen.get(p.sandboxId, a.overgangId);
  }

  @Delete(':overgangId')
  @HttpCode(204)
  @RequireScopes('beheer')
  @ApiOperation({
    summary: 'Withdraw a planned overgang (DUO side)',
    description: 'Only before its overgangsdatum (sandbox clock), and only when nothing changed its BRIN4, aanbieders, locatiegebruik or groepen since: they are then as before it. Otherwise 409 rio_overgang_niet_intrekbaar, as for a seeded overgang.',
  })
  @ApiNoContentResponse({ description: 'Withdrawn.' })
  @ApiIdempotent()
  @ApiRioAfkeuring({ instance: '/rio/v1/overgangen/7d7c1a52-3f0e-4d55-9d0c-6a1f5d0f2b11', parameter: { name: 'overgangId', detail: 'overgangId must be a UUID' }, aut401: false })
  @ApiRioProblems('not_found', 'rio_overgang_niet_intrekbaar')
  deleteOvergang(@CurrentPrincipal() p: Principal, @Param() a: OvergangIdParam) {
    return this.overgangen.remove(p, a.overgangId);
  }
}
