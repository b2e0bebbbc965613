import { Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { CurrentPrincipal, RequireScopes } from '../../common/auth/auth.decorators';
import type { Principal } from '../../common/auth/principal';
import { ProblemCode } from '../../common/problem/problem';
import { ApiBronProblems, bronProblem } from '../bron.errors';
import { BRON_BESTAND_BODY } from '../format/bron-voorbeeld';
import { AfkeuringenResponse, BestandUploadResponse, MigratieIdParam, MigratieList, MigratieResponse, RapportQuery, TellingQuery, TellingResponse, UploadQuery } from './migratie.dto';
import { MigratiesService } from './migraties.service';

@ApiTags('Migraties')
@RequireScopes('beheer')
@Controller('bron/v1/migraties')
export class MigratiesController {
  constructor(private readonly migraties: MigratiesService) {}

  @Post()
  @ApiOperation({ summary: 'Create a migratie in the sandbox of the token', description: 'Status AANGEMAAKT: upload files, run a dry run, then convert.' })
  @ApiCreatedResponse({ type: MigratieResponse })
  createMigratie(@CurrentPrincipal() p: Principal) {
    return this.migraties.create(p);
  }

  @Get()
  @ApiOperation({ summary: 'List the migraties of the sandbox (newest first, at most 100)' })
  @ApiOkResponse({ type: MigratieList })
  async listMigraties(@CurrentPrincipal() p: Principal): Promise<MigratieList> {
    return { migraties: await this.migraties.list(p) };
  }

  @Get(':migratieId')
  @ApiOperation({ summary: 'Read a migratie: status, files and progress per phase', description: 'Readable at any time, also while a dry run or conversion runs.' })
  @ApiOkResponse({ type: MigratieResponse })
  @ApiBronProblems('migratie_niet_gevonden')
  getMigratie(@CurrentPrincipal() p: Principal, @Param() a: MigratieIdParam) {
    return this.migraties.get(p, a.migratieId);
  }

  @Post(':migratieId/bestanden')
  @ApiOperation({
    summary: 'Upload one BRON po export file (streamed; gzip allowed)',
    description:
      'The body is the file itself (ISO-8859-1, CRLF), plain or gzip-compressed (recognised by its magic number). It is read as it arrives and staged; ' +
      'the same file again (SHA-256 of the bytes as sent) is recognised: 200 with `herkend: true`, nothing staged twice. A file with bad control totals, ' +
      'a truncated record, a wrong encoding or an unknown record type is refused whole (status AFGEKEURD with its line numbers); the other files go on. ' +
      'Only while the migratie is AANGEMAAKT or PROEFDRAAI_KLAAR (a new file then asks for a new dry run).',
  })
  @ApiConsumes('application/octet-stream', 'application/gzip')
  @ApiBody(BRON_BESTAND_BODY)
  @ApiCreatedResponse({ type: BestandUploadResponse, description: 'The file was read (status GELEZEN, or AFGEKEURD with its problems).' })
  @ApiOkResponse({ type: BestandUploadResponse, description: 'The same content was uploaded before.' })
  @ApiBronProblems('migratie_niet_gevonden', 'migratie_status_ongeldig', 'bestandsnaam_ontbreekt', 'unsupported_media_type')
  async uploadBestand(
    @CurrentPrincipal() p: Principal,
    @Param() a: MigratieIdParam,
    @Query() q: UploadQuery,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BestandUploadResponse> {
    if (!(req.body instanceof Readable)) throw bronProblem(ProblemCode.unsupportedMediaType, 'Send the file as application/octet-stream or application/gzip.');
    const r = await this.migraties.upload(p, a.migratieId, q.bestandsnaam, req.body);
    reply.status(r.status);
    return r.body;
  }

  @Post(':migratieId/proefdraaien')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Start a dry run',
    description: "Every staged inschrijving is judged by ROD's own rules and nothing is written; the result is in the telling and the reports with proefdraai=true. Follow the progress with GET.",
  })
  @ApiAcceptedResponse({ type: MigratieResponse })
  @ApiBronProblems('migratie_niet_gevonden', 'migratie_status_ongeldig')
  startProefdraai(@CurrentPrincipal() p: Principal, @Param() a: MigratieIdParam) {
    return this.migraties.proefdraai(p, a.migratieId);
  }

  @Post(':migratieId/conversies')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Start the conversion into ROD',
    description:
      "Every staged inschrijving is judged by ROD's own rules; a goedgekeurde one is written into ROD (persons entered as BRON held them: a BSN kept, an onderwijsnummer kept and known to the persoonsregister), " +
      'an afgekeurde one goes to its school’s reject report with the foutcode /rod/v1 gives for it. Runs in chunks, each committed with its verdicts: after a crash the run resumes where it was. ' +
      'Then bekostiging is recomputed (phase bekostiging). Follow the progress with GET.',
  })
  @ApiAcceptedResponse({ type: MigratieResponse })
  @ApiBronProblems('migratie_niet_gevonden', 'migratie_status_ongeldig')
  startConversie(@CurrentPrincipal() p: Principal, @Param() a: MigratieIdParam) {
    return this.migraties.convert(p, a.migratieId);
  }

  @Get(':migratieId/telling')
  @ApiOperation({ summary: 'Counts that reconcile: gelezen = goedgekeurd + afgekeurd (+ open while running), per file, per school and in total' })
  @ApiOkResponse({ type: TellingResponse })
  @ApiBronProblems('migratie_niet_gevonden')
  getTelling(@CurrentPrincipal() p: Principal, @Param() a: MigratieIdParam, @Query() q: TellingQuery) {
    return this.migraties.getTelling(p, a.migratieId, q.proefdraai ?? false);
  }

  @Get(':migratieId/afkeuringen')
  @ApiOperation({
    summary: 'Reject report of one school (JSON, or CSV with Accept: text/csv)',
    description: 'Per afgekeurde inschrijving and foutcode: file, line, sleutel (PGN/inschrijvingvolgnummer), code, text; and the problems of the school’s files refused whole.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: AfkeuringenResponse })
  @ApiBronProblems('migratie_niet_gevonden')
  async getAfkeuringen(
    @CurrentPrincipal() p: Principal,
    @Param() a: MigratieIdParam,
    @Query() q: RapportQuery,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AfkeuringenResponse | string> {
    const csv = /text\/csv/.test(req.headers.accept ?? '');
    if (!csv) return this.migraties.listAfkeuringen(p, a.migratieId, q.instellingscode, q.proefdraai ?? false);
    const body = await this.migraties.afkeuringenCsv(p, a.migratieId, q.instellingscode, q.proefdraai ?? false);
    reply.header('Content-Type', 'text/csv; charset=utf-8');
    reply.header('Content-Disposition', `attachment; filename="afkeuringen-${q.instellingscode}.csv"`);
    return body;
  }
}
