import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, RequireScopes } from '../../common/auth/auth.decorators';
import type { Principal } from '../../common/auth/principal';
import { ApiIdempotent } from '../../common/openapi/api-problems.decorator';
import { ApiRodProblems } from '../rod.errors';
import { metStatus } from '../rod-http';
import { ApiAfgekeurd } from '../rod-shared.dto';
import { AanleverenAdviesVoRequest, AdviesAntwoord, AdviesIdParam, AdviesPage, AdviesResponse, AdviesVersieList, AdviezenQuery } from './adviezen.dto';
import { AdviezenService } from './adviezen.service';

const AFGEKEURD =
  'Afgekeurd: problem+json with `code: "afgekeurd"`, `resultaat: "afgekeurd"` and every foutmelding in `foutmeldingen` (plus any `meldingen`); nothing was stored. ' +
  'Also 422 `bedrijfsdocument_hergebruikt` (this identificatiecodeBedrijfsdocument was answered for other content) and `idempotency_key_reused`.';

@ApiTags('Schooladviezen')
@Controller('rod/v1')
export class AdviezenController {
  constructor(private readonly adviezen: AdviezenService) {}

  @Post('adviezen-vo')
  @RequireScopes('rod.aanleveren')
  @ApiOperation({
    summary: 'Aanleveren schooladvies (AanleverenAdviesVO): the advies for voortgezet onderwijs at the end of groep 8',
    description:
      'One advies per pupil, school and adviesjaar: a later message (any adviesvolgnummer) replaces it as a new version; every version stays readable. ' +
      'Answers: **201** goedgekeurd (met meldingen) for the first advies of the adviesjaar, **200** for a replacement (or an unchanged resend: `gewijzigd: false`); ' +
      '**422** afgekeurd with every foutmelding, nothing stored; **403** `221_geen_machtiging` without a machtiging for the school; **400** `invalid_input` when the body fails the schema. ' +
      'Foutmeldingen: 030 onderwijsaanbieder and 031 onderwijslocatie missing (required from adviesjaar 2024), 046 advies not in the waardenlijst ' +
      '(PRAKTIJKONDERWIJS, VMBO_BB, VMBO_KB, VMBO_GL/TL, HAVO, VWO), 102 definitief advies (advies2) lower than the voorlopig one (advies1), 103 no advies at all, ' +
      '210/211 PGN, 220 vestiging, aanbieder or locatie unknown in RIO or not of this school, 270 adviesdatum outside the schooljaar that ends in adviesjaar, ' +
      '271 the pupil is not in groep 8 at this school on the adviesdatum; for the `doorstroomtoets` (eindtoets until 2022/23): 046 toets unknown or not valid on its afnamedatum, toetsadvies or referentieniveau unknown, ' +
      '270/271 on the afnamedatum, 272 score outside the scale of the toets. Meldingen (stored): 213 onderwijsnummer while a BSN is known, 222–225 RIO checks on the adviesdatum, ' +
      '273 a toetsadvies above the voorlopig advies while no definitief advies was sent (heroverweging), 274 a definitief advies raised above the voorlopig one while the toetsadvies is not higher. ' +
      'A resend with the same identificatiecodeBedrijfsdocument and the same content gets the stored answer.',
  })
  @ApiCreatedResponse({ type: AdviesAntwoord, description: 'Goedgekeurd (met meldingen): the first advies of this pupil at this school for the adviesjaar.' })
  @ApiOkResponse({ type: AdviesAntwoord, description: 'Goedgekeurd (met meldingen): the advies was replaced (or already in this state).' })
  @ApiAfgekeurd(AFGEKEURD, '/rod/v1/adviezen-vo')
  @ApiIdempotent()
  aanleverenAdviesVo(@CurrentPrincipal() p: Principal, @Body() body: AanleverenAdviesVoRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return metStatus(reply, this.adviezen.submitAdvies(p, body));
  }

  @Get('adviezen-vo')
  @RequireScopes('rod.lezen')
  @ApiOperation({
    summary: 'The schooladviezen of a school: the current advies per pupil and adviesjaar, with its doorstroomtoets and heroverweging',
    description: 'Optionally of one `adviesjaar`; newest adviesjaar first, paginated. **403** `221_geen_machtiging` without a machtiging for the school; **400** for a malformed instellingscode or adviesjaar.',
  })
  @ApiOkResponse({ type: AdviesPage })
  @ApiRodProblems('221_geen_machtiging')
  listAdviezenVo(@CurrentPrincipal() p: Principal, @Query() q: AdviezenQuery, @Req() req: FastifyRequest) {
    return this.adviezen.list(p, q, req.url.split('?')[0]);
  }

  @Get('adviezen-vo/:adviesId')
  @RequireScopes('rod.lezen')
  @ApiOperation({ summary: 'Read the current schooladvies', description: 'Only for schools your OIN holds a machtiging for; others are 404.' })
  @ApiOkResponse({ type: AdviesResponse })
  @ApiRodProblems('not_found')
  getAdviesVo(@CurrentPrincipal() p: Principal, @Param() param: AdviesIdParam) {
    return this.adviezen.get(p, param.adviesId);
  }

  @Get('adviezen-vo/:adviesId/versies')
  @RequireScopes('rod.lezen')
  @ApiOperation({ summary: 'Every accepted version of a schooladvies: content, meldingen, sender, time and bedrijfsdocument id' })
  @ApiOkResponse({ type: AdviesVersieList })
  @ApiRodProblems('not_found')
  listAdviesVoVersies(@CurrentPrincipal() p: Principal, @Param() param: AdviesIdParam) {
    return this.adviezen.listVersies(p, param.adviesId);
  }
}
