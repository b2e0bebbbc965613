import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, RequireScopes } from '../../common/auth/auth.decorators';
import type { Principal } from '../../common/auth/principal';
import { ApiIdempotent } from '../../common/openapi/api-problems.decorator';
import { ApiRodProblems } from '../rod.errors';
import { metStatus } from '../rod-http';
import { ApiAfgekeurd } from '../rod-shared.dto';
import { MeldingsnummerParam, VerzuimAntwoord, VerzuimmeldingRequest, VerzuimmeldingResponse } from './verzuim.dto';
import { VerzuimService } from './verzuim.service';

const AFGEKEURD =
  'Afgekeurd: problem+json with `code: "afgekeurd"`, `resultaat: "afgekeurd"` and every foutmelding in `foutmeldingen` (plus any `meldingen`); nothing was stored. ' +
  'Also 422 `bedrijfsdocument_hergebruikt` (this identificatiecodeBedrijfsdocument was answered for other content) and `idempotency_key_reused`.';

@ApiTags('Verzuim')
@Controller('rod/v1')
export class VerzuimController {
  constructor(private readonly verzuim: VerzuimService) {}

  @Post('verzuimmeldingen')
  @RequireScopes('rod.aanleveren')
  @ApiOperation({
    summary: 'Verzuimmelding: report verzuim of a pupil; ROD answers a meldingsnummer to look it up by',
    description:
      'Every message is a melding of its own with a new meldingsnummer (`VZ` and 10 digits). Answers: **201** goedgekeurd (met meldingen); ' +
      '**422** afgekeurd with every foutmelding, nothing stored; **403** `221_geen_machtiging` without a machtiging for the school; **400** `invalid_input` when the body fails the schema. ' +
      'Foutmeldingen: 046 soortVerzuim not in the list, 210/211 PGN, 280 the pupil is not enrolled at this school for the whole verzuimperiode, 281 datumEinde before datumBegin, ' +
      '282 the register is closed (the BRON freeze, or the school before its aansluiting) and the pupil is not in ROD yet: during the closure verzuim is taken only for pupils already in ROD. ' +
      'Meldingen (stored): 213 onderwijsnummer while a BSN is known, 283 verzuim was already reported for part of the periode. ' +
      'A resend with the same identificatiecodeBedrijfsdocument and the same content gets the stored answer (the same meldingsnummer).',
  })
  @ApiCreatedResponse({ type: VerzuimAntwoord, description: 'Goedgekeurd (met meldingen): stored under the meldingsnummer.' })
  @ApiAfgekeurd(AFGEKEURD, '/rod/v1/verzuimmeldingen')
  @ApiIdempotent()
  verzuimMelden(@CurrentPrincipal() p: Principal, @Body() body: VerzuimmeldingRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return metStatus(reply, this.verzuim.submitMelding(p, body));
  }

  @Get('verzuimmeldingen/:meldingsnummer')
  @RequireScopes('rod.lezen')
  @ApiOperation({ summary: 'Look a verzuimmelding up by its meldingsnummer', description: 'Only for schools your OIN holds a machtiging for; others are 404.' })
  @ApiOkResponse({ type: VerzuimmeldingResponse })
  @ApiRodProblems('not_found')
  getVerzuimmelding(@CurrentPrincipal() p: Principal, @Param() param: MeldingsnummerParam) {
    return this.verzuim.get(p, param.meldingsnummer);
  }
}
