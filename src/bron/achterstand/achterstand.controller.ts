import { Body, Controller, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { CurrentPrincipal, RequireScopes } from '../../common/auth/auth.decorators';
import type { Principal } from '../../common/auth/principal';
import { ProblemCode } from '../../common/problem/problem';
import { ApiBronProblems, bronProblem } from '../bron.errors';
import { BRON_BESTAND_BODY } from '../format/bron-voorbeeld';
import { AchterstandBestandQuery, AchterstandRequest, AchterstandResponse } from './achterstand.dto';
import { AchterstandService } from './achterstand.service';

const UITLEG =
  'Per inschrijving (PGN + inschrijvingvolgnummer): OPNIEUW_AANLEVEREN — GEWIJZIGD (datumInschrijving, datumUitschrijving or the periodes differ: changed during the freeze) or NIET_IN_ROD (never sent); ' +
  'NIET_IN_LAS — ROD holds it, the LAS does not (uitgeschreven or removed there); GELIJK. Compared on what both hold: dates and periodes (datumBegin, vestigingscode, groep). ' +
  'Scope rod.lezen with a machtiging for the school, or beheer. 403 `221_geen_machtiging` without one.';

@ApiTags('Bevriezingsachterstand')
@RequireScopes('rod.lezen', 'beheer')
@Controller('bron/v1/bevriezingsachterstanden')
export class AchterstandController {
  constructor(private readonly achterstand: AchterstandService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: "Compare a school's LAS state (ROD's REST shape) with ROD after the freeze", description: UITLEG })
  @ApiOkResponse({ type: AchterstandResponse })
  @ApiBronProblems('221_geen_machtiging')
  compareAchterstand(@CurrentPrincipal() p: Principal, @Body() body: AchterstandRequest) {
    return this.achterstand.compareJson(p, body.instellingscode, body.inschrijvingen);
  }

  @Post('bestanden')
  @HttpCode(200)
  @ApiOperation({ summary: "Compare a school's LAS state (a BRON po export file, plain or gzip) with ROD after the freeze", description: `${UITLEG} A file refused as a whole is 400 \`bestand_afgekeurd\` with its problems.` })
  @ApiConsumes('application/octet-stream', 'application/gzip')
  @ApiBody(BRON_BESTAND_BODY)
  @ApiOkResponse({ type: AchterstandResponse })
  @ApiBronProblems('221_geen_machtiging', 'bestand_afgekeurd', 'unsupported_media_type')
  compareAchterstandBestand(@CurrentPrincipal() p: Principal, @Query() q: AchterstandBestandQuery, @Req() req: FastifyRequest) {
    if (!(req.body instanceof Readable)) throw bronProblem(ProblemCode.unsupportedMediaType, 'Send the file as application/octet-stream or application/gzip.');
    return this.achterstand.compareBestand(p, q.instellingscode, req.body, q.bestandsnaam ?? `${q.instellingscode}001A.P01`);
  }
}
