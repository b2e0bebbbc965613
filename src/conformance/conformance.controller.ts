import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, RequireScopes } from '../common/auth/auth.decorators';
import { dutchDate } from '../common/clock/clock.service';
import type { Principal } from '../common/auth/principal';
import { ApiIdempotent } from '../common/openapi/api-problems.decorator';
import { ApiConformanceProblems } from './conformance.errors';
import { JournaalList, JournaalQuery, PersonaCatalogus, PersonaQuery, ProefgevalList, RunList, RunParam, RunRequest, RunResponse } from './conformance.dto';
import { JournaalService } from './journaal/journaal.service';
import { CHANGELOG, NIEUWSTE_VERSIE, personasIn } from './personas/personas';
import { CATALOGUS_VERSIE, proefgevallen } from './proefgevallen/proefgevallen';
import { badgeSvg, htmlRapport, junitXml } from './rapport/rapport';
import { RunsService } from './runs/runs.service';
import { StoringList, StoringParam, StoringRequest, StoringResponse } from './storingen/storing.dto';
import { StoringenService } from './storingen/storingen.service';

const ELKE_CLIENT = ['rod.aanleveren', 'rod.lezen', 'beheer'] as const;

@ApiTags('Personas')
@RequireScopes(...ELKE_CLIENT)
@Controller('conformance/v1')
export class PersonasController {
  constructor(private readonly db: DataSource) {}

  @Get('personas')
  @ApiOperation({
    summary: 'The persona catalogue',
    description: 'Generated persons and schools with deterministic outcomes, the same in every sandbox seeded with `small`. Versioned: a persona never changes within a version; see `changelog`.',
  })
  @ApiOkResponse({ type: PersonaCatalogus })
  async getPersonas(@Query() q: PersonaQuery, @CurrentPrincipal() p: Principal): Promise<PersonaCatalogus> {
    const versie = q.versie ?? NIEUWSTE_VERSIE;
    // Seeding takes the sandbox's today at creation or reset (the clock is real time then).
    const [s]: { geseed: Date; schaal: string }[] = await this.db.query('SELECT coalesce(last_reset_at, created_at) AS geseed, seed_scale AS schaal FROM sandbox WHERE id = $1', [p.sandboxId]);
    const seedDatum = s?.schaal === 'small' ? dutchDate(s.geseed) : null;
    return { versie, seedDatum, items: personasIn(versie, seedDatum), changelog: CHANGELOG };
  }

  @Get('proefgevallen')
  @ApiOperation({ summary: 'The numbered proefgevallen a LAS performs, with their instructions' })
  @ApiOkResponse({ type: ProefgevalList })
  getProefgevallen(): ProefgevalList {
    return { catalogusVersie: CATALOGUS_VERSIE, items: proefgevallen(CATALOGUS_VERSIE).map(({ nummer, titel, instructie }) => ({ nummer, titel, instructie })) };
  }
}

@ApiTags('Runs')
@RequireScopes(...ELKE_CLIENT)
@Controller('conformance/v1/runs')
export class RunsController {
  constructor(private readonly runs: RunsService) {}

  @Post()
  @ApiOperation({
    summary: 'Start a conformance run for the sandbox of the token',
    description: 'From now on the exchanges of this client in this sandbox are graded against the proefgevallen. Do the cases with your LAS, then read the run (graded live) or finish it.',
  })
  @ApiCreatedResponse({ type: RunResponse })
  @ApiIdempotent()
  createRun(@Body() body: RunRequest, @CurrentPrincipal() p: Principal) {
    return this.runs.start(p, body);
  }

  @Get()
  @ApiOperation({ summary: "The client's runs in this sandbox, newest first (administrators: every client's)" })
  @ApiOkResponse({ type: RunList })
  async listRuns(@CurrentPrincipal() p: Principal): Promise<RunList> {
    return { items: await this.runs.list(p) };
  }

  @Get(':runId')
  @ApiOperation({ summary: 'A run with every case graded: passed with its reason, failed with the reason and the exchanges it looked at, or not attempted' })
  @ApiOkResponse({ type: RunResponse })
  @ApiConformanceProblems('not_found')
  getRun(@Param() r: RunParam, @CurrentPrincipal() p: Principal) {
    return this.runs.getRapport(p, r.runId);
  }

  @Post(':runId/afronding')
  @HttpCode(200)
  @ApiOperation({ summary: 'Finish a run: its grading is frozen (finishing again answers the same)' })
  @ApiOkResponse({ type: RunResponse })
  @ApiConformanceProblems('not_found')
  createAfronding(@Param() r: RunParam, @CurrentPrincipal() p: Principal) {
    return this.runs.finish(p, r.runId);
  }

  @Get(':runId/junit')
  @Header('Content-Type', 'application/xml; charset=utf-8')
  @ApiProduces('application/xml')
  @ApiOperation({ summary: 'The run as JUnit XML, for CI: a failed case is a failure, a case not attempted is skipped' })
  @ApiOkResponse({ description: 'JUnit XML.', content: { 'application/xml': { schema: { type: 'string' } } } })
  @ApiConformanceProblems('not_found')
  async getRunJunit(@Param() r: RunParam, @CurrentPrincipal() p: Principal) {
    return junitXml(await this.runs.getRapport(p, r.runId));
  }

  @Get(':runId/rapport')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
  @ApiProduces('text/html')
  @ApiOperation({ summary: 'The run as an HTML page for a person to read' })
  @ApiOkResponse({ description: 'HTML report.', content: { 'text/html': { schema: { type: 'string' } } } })
  @ApiConformanceProblems('not_found')
  async getRunRapport(@Param() r: RunParam, @CurrentPrincipal() p: Principal) {
    return htmlRapport(await this.runs.getRapport(p, r.runId));
  }

  @Get(':runId/badge')
  @Header('Content-Type', 'image/svg+xml; charset=utf-8')
  @ApiProduces('image/svg+xml')
  @ApiOperation({ summary: 'An SVG badge: cases passed of all cases' })
  @ApiOkResponse({ description: 'SVG badge.', content: { 'image/svg+xml': { schema: { type: 'string' } } } })
  @ApiConformanceProblems('not_found')
  async getRunBadge(@Param() r: RunParam, @CurrentPrincipal() p: Principal) {
    return badgeSvg(await this.runs.getRapport(p, r.runId));
  }
}

@ApiTags('Journaal')
@RequireScopes(...ELKE_CLIENT)
@Controller('conformance/v1/journaal')
export class JournaalController {
  constructor(private readonly journaal: JournaalService) {}

  @Get()
  @ApiOperation({
    summary: 'Search the request journal of the sandbox',
    description:
      'Every exchange with the sandbox (time, client, method, path, status, problem/foutmelding/melding codes, bedrijfsdocument id, duration, bodies with person numbers masked), newest first. ' +
      'A vendor sees only its own exchanges. Kept for JOURNAAL_RETENTION_HOURS (default a week).',
  })
  @ApiOkResponse({ type: JournaalList })
  async listJournaal(@Query() q: JournaalQuery, @CurrentPrincipal() p: Principal): Promise<JournaalList> {
    const clientId = p.role === 'BEHEER' ? q.clientId : p.clientId;
    return { items: await this.journaal.search({ sandboxId: p.sandboxId, clientId, van: q.van, tot: q.tot, pad: q.pad, code: q.code, bedrijfsdocumentId: q.bedrijfsdocumentId, limiet: q.limit }) };
  }
}

@ApiTags('Storingen')
@RequireScopes(...ELKE_CLIENT)
@Controller('conformance/v1/storingen')
export class StoringenController {
  constructor(private readonly storingen: StoringenService) {}

  @Post()
  @ApiOperation({
    summary: 'Add a storing (fault rule) to the sandbox',
    description:
      'Requests that match (method, path pattern, a probability or every n-th, a window on the sandbox clock) get a status (503 with Retry-After, 500, 429), a delay, or a dropped connection. ' +
      "A vendor's storing meets only its own requests; an administrator's may meet every client (alleClients). Exchanges it changed carry its id in the journal.",
  })
  @ApiCreatedResponse({ type: StoringResponse })
  @ApiConformanceProblems('alleen_beheer')
  @ApiIdempotent()
  createStoring(@Body() body: StoringRequest, @CurrentPrincipal() p: Principal) {
    return this.storingen.create(p, body);
  }

  @Get()
  @ApiOperation({ summary: 'The storingen that can meet this client (administrators: all of the sandbox)' })
  @ApiOkResponse({ type: StoringList })
  async listStoringen(@CurrentPrincipal() p: Principal): Promise<StoringList> {
    return { items: await this.storingen.list(p) };
  }

  @Get(':storingId')
  @ApiOperation({ summary: 'One storing' })
  @ApiOkResponse({ type: StoringResponse })
  @ApiConformanceProblems('not_found')
  getStoring(@Param() s: StoringParam, @CurrentPrincipal() p: Principal) {
    return this.storingen.get(p, s.storingId);
  }

  @Delete(':storingId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a storing' })
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiConformanceProblems('not_found', 'storing_niet_van_jou')
  deleteStoring(@Param() s: StoringParam, @CurrentPrincipal() p: Principal) {
    return this.storingen.remove(p, s.storingId);
  }
}
