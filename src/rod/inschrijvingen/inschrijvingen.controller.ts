import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, RequireScopes } from '../../common/auth/auth.decorators';
import type { Principal } from '../../common/auth/principal';
import { ApiIdempotent } from '../../common/openapi/api-problems.decorator';
import { ApiRodProblems } from '../rod.errors';
import { PageQuery } from '../../common/pagination/pagination';
import { metStatus } from '../rod-http';
import { ApiAfgekeurd } from '../rod-shared.dto';
import { AanleverAntwoord, AanleverenInschrijvingRequest, AanleverenInschrijvingSoRequest, VerwijderingRequest } from './aanleveren.dto';
import { AanleverenService } from './aanleveren.service';
import {
  InschrijvingIdParam, InschrijvingPage, InschrijvingResponse, InschrijvingZoekRequest, InstellingParam, Registratieoverzicht, RegistratieoverzichtQuery, SignalenQuery, KwaliteitscontroleSignalenAntwoord, VersieList,
} from './inschrijving.dto';
import { KwaliteitscontroleSignalen } from './kwaliteitscontrole.signalen';
import { InschrijvingenLezenService } from './inschrijvingen-lezen.service';

const AFGEKEURD =
  'Afgekeurd: problem+json with `code: "afgekeurd"`, `resultaat: "afgekeurd"` and every foutmelding in `foutmeldingen` (plus any `meldingen`); nothing was stored. ' +
  'Also 422 `bedrijfsdocument_hergebruikt` (this identificatiecodeBedrijfsdocument was answered for other content) and `idempotency_key_reused`.';

/**
 * The so example: the small seed's SO school is 02AC of bestuur 100B002, so the sender is las-beta (the vendor with its
 * machtiging); cluster 4 needs a toelaatbaarheidsverklaring, so (no vso) no uitstroomprofiel and no arrangement.
 */
const SO_VOORBEELD = {
  bedrijfsdocument: { identificatiecodeBedrijfsdocument: '8d5fa074-b16e-4c9d-af48-6eaf0b5f2154', datumTijdBedrijfsdocument: '2025-08-19T08:30:00Z', verzendendeInstantie: '00000003222222220000', ontvangendeInstantie: 'DUO' },
  instellingscode: '02AC',
  persoonsgebondenNummer: { burgerservicenummer: '999990019' },
  inschrijvingvolgnummer: '1',
  datumInschrijving: '2025-08-18',
  inschrijvingPeriodeSO: [{ datumBegin: '2025-08-18', vestigingscode: '02AC00', onderwijsaanbiedercode: '100A006', onderwijslocatiecode: '100X006', groep: '3' }],
  schoolsoort: '1',
  cluster: 4,
  soortVerblijf: 'REGULIER',
  toelaatbaarheidsverklaring: [{ beschikkingsnummer: 'TLV2025017', datumBegin: '2025-08-01', datumEinde: '2027-07-31' }],
};

@ApiTags('Inschrijvingen')
@Controller('rod/v1')
export class InschrijvingenController {
  constructor(
    private readonly aanleveren: AanleverenService,
    private readonly lezen: InschrijvingenLezenService,
    private readonly kwaliteitscontrole: KwaliteitscontroleSignalen,
  ) {}

  @Post('inschrijvingen')
  @RequireScopes('rod.aanleveren')
  @ApiOperation({
    summary: 'Aanleveren inschrijving (AanleverenInschrijvingBO): upsert the full current state of one inschrijving',
    description:
      'Keyed by instellingscode + persoonsgebondenNummer + inschrijvingvolgnummer; send the whole inschrijving every time (a new periode on every change of groep or location; ' +
      'datumUitschrijving to unenrol). Answers: **201** goedgekeurd (met meldingen) for a new inschrijving, **200** for a change of an existing one (or an unchanged resend: `gewijzigd: false`); ' +
      '**422** afgekeurd with every foutmelding, nothing stored; **403** `221_geen_machtiging` when your OIN holds no machtiging for the school; **400** `invalid_input` when the body fails the schema (DUO: SOAP fault, `200_xsd_ongeldig`). ' +
      'Foutmeldingen: 046 waardenlijst, 210 PGN onbekend, 211 11-proef, 220 RIO code onbekend or not under the BRIN4, 230 voor de 4e verjaardag, 231 periodes overlap or outside the inschrijving, ' +
      '232 uitschrijving voor inschrijving, 233 first periode not on datumInschrijving, 234 a toelaatbaarheidsverklaring ends before it begins. Meldingen (stored): 213 onderwijsnummer while a BSN is known, 222 BRIN6 not valid on the date, ' +
      '223 aanbieder without juridische relatie, 224 locatie not used by the bestuur / not linked to the BRIN6, 225 no aangeboden opleiding there, 250 overlap with an inschrijving at another school ' +
      '(a kennisgeving goes to both), 251 already 14 before 1 August, 260 exchanged more than 7 days after the in- or uitschrijving. ' +
      'A resend with the same identificatiecodeBedrijfsdocument and the same content gets the stored answer.',
  })
  @ApiCreatedResponse({ type: AanleverAntwoord, description: 'Goedgekeurd (met meldingen): a new inschrijving.' })
  @ApiOkResponse({ type: AanleverAntwoord, description: 'Goedgekeurd (met meldingen): the inschrijving changed (or was already in this state).' })
  @ApiAfgekeurd(AFGEKEURD)
  @ApiIdempotent()
  aanleverenInschrijving(@CurrentPrincipal() p: Principal, @Body() body: AanleverenInschrijvingRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return metStatus(reply, this.aanleveren.submitAanlevering(p, body));
  }

  @Post('inschrijvingen-so')
  @RequireScopes('rod.aanleveren')
  @ApiOperation({
    summary: 'Aanleveren inschrijving so/vso (AanleverenInschrijvingSO): upsert the full current state of one inschrijving at a school for (voortgezet) speciaal onderwijs',
    description:
      'The so/vso contract (rod.md §4.3), for a school whose RIO Instellingssoort is SPEC; the bo contract (`POST /rod/v1/inschrijvingen`) is for every other school, and each contract sent to the other kind of school is ' +
      'afgekeurd with `290_contract_past_niet_bij_soort_school`. The same key, rules and answers as the bo contract (periodes in `inschrijvingPeriodeSO`; read back, versions and verwijdering are shared), plus: ' +
      '`schoolsoort` 1 so / 2 vso, `cluster` 1–4, `soortOnderwijs` (required for cluster 1/2: 292; of the cluster: 293), `soortVerblijf`, `arrangement` (cluster 1/2 or epilepsie only: 296), ' +
      '`uitstroomprofiel` (required for vso: 294; not for so: 295), and for cluster 3/4 a toelaatbaarheidsverklaring (291). Values outside a code list: 046. ' +
      'Meldingen: 251 when the pupil was already 14 (so) or 20 (vso) before 1 August of the schooljaar. Bekostiging: cluster 3/4 is funded on a teldatum only with a TLV valid on it (B05); vso is funded up to the schooljaar in which the pupil turns 20 (B06).',
  })
  @ApiBody({ type: AanleverenInschrijvingSoRequest, examples: { so: { summary: 'las-beta enrols a pupil at SO school 02AC (cluster 4, with a TLV)', value: SO_VOORBEELD } } })
  @ApiCreatedResponse({ type: AanleverAntwoord, description: 'Goedgekeurd (met meldingen): a new inschrijving.' })
  @ApiOkResponse({ type: AanleverAntwoord, description: 'Goedgekeurd (met meldingen): the inschrijving changed (or was already in this state).' })
  @ApiAfgekeurd(AFGEKEURD, '/rod/v1/inschrijvingen-so')
  @ApiIdempotent()
  aanleverenInschrijvingSo(@CurrentPrincipal() p: Principal, @Body() body: AanleverenInschrijvingSoRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return metStatus(reply, this.aanleveren.aanleverenSo(p, body));
  }

  @Post('verwijderingen')
  @RequireScopes('rod.aanleveren')
  @ApiOperation({
    summary: 'Verwijderen inschrijving (AanleverenVerwijderingInschrijvingBO): delete an inschrijving sent by mistake',
    description: 'The inschrijving disappears from the register; its versions stay readable. An unknown inschrijvingvolgnummer gives 422 afgekeurd with `240_inschrijvingvolgnummer_onbekend`.',
  })
  @ApiOkResponse({ type: AanleverAntwoord, description: 'Goedgekeurd: deleted.' })
  @ApiAfgekeurd(AFGEKEURD, '/rod/v1/verwijderingen')
  @ApiIdempotent()
  verwijderInschrijving(@CurrentPrincipal() p: Principal, @Body() body: VerwijderingRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return metStatus(reply, this.aanleveren.submitVerwijdering(p, body));
  }

  @Get('inschrijvingen/:inschrijvingId')
  @RequireScopes('rod.lezen')
  @ApiOperation({ summary: 'Read the current state of an inschrijving', description: 'Only for schools your OIN holds a machtiging for; others are 404.' })
  @ApiOkResponse({ type: InschrijvingResponse })
  @ApiRodProblems('not_found')
  getInschrijving(@CurrentPrincipal() p: Principal, @Param() param: InschrijvingIdParam) {
    return this.lezen.get(p, param.inschrijvingId);
  }

  @Get('inschrijvingen/:inschrijvingId/versies')
  @RequireScopes('rod.lezen')
  @ApiOperation({ summary: 'Every accepted version of an inschrijving: content, meldingen, sender, time and bedrijfsdocument id' })
  @ApiOkResponse({ type: VersieList })
  @ApiRodProblems('not_found')
  listInschrijvingVersies(@CurrentPrincipal() p: Principal, @Param() param: InschrijvingIdParam) {
    return this.lezen.listVersies(p, param.inschrijvingId);
  }

  @Post('inschrijvingen/_zoek')
  @HttpCode(200)
  @RequireScopes('rod.lezen')
  @ApiOperation({ summary: 'Search inschrijvingen of your mandated schools', description: 'By persoonsgebondenNummer and/or instellingscode in the body (a BSN never goes in a URL).' })
  @ApiOkResponse({ type: InschrijvingPage })
  zoekInschrijvingen(@CurrentPrincipal() p: Principal, @Body() body: InschrijvingZoekRequest, @Query() q: PageQuery, @Req() req: FastifyRequest) {
    return this.lezen.search(p, body, q, req.url.split('?')[0]);
  }

  @Get('instellingen/:instellingscode/registratieoverzicht')
  @RequireScopes('rod.lezen')
  @ApiOperation({ summary: 'Registratieoverzicht: every inschrijving of a school active on a peildatum, with its periodes', description: '403 `221_geen_machtiging` without a machtiging for the school.' })
  @ApiOkResponse({ type: Registratieoverzicht })
  getRegistratieoverzicht(@CurrentPrincipal() p: Principal, @Param() param: InstellingParam, @Query() q: RegistratieoverzichtQuery, @Req() req: FastifyRequest) {
    return this.lezen.getRegistratieoverzicht(p, param.instellingscode, q, req.url.split('?')[0]);
  }

  @Get('signalen')
  @RequireScopes('rod.lezen')
  @ApiOperation({
    summary: 'Signalen of the weekly kwaliteitscontrole of a school (the kwaliteitscontrolebestand)',
    description:
      'Every Monday (sandbox clock) ROD checks every school (rod.md §7.1, §9.6) and pushes the signalen of each school that has any as one `nl.duo.rod.signalen-kwaliteitscontrole` event. ' +
      'This reads the same content back for the week of `peildatum` (default today): S01 dubbele inschrijving, S02 onderwijsnummer of a pupil living in the Netherlands. ' +
      '**403** `221_geen_machtiging` without a machtiging for the school; **400** for a malformed instellingscode or peildatum.',
  })
  @ApiOkResponse({ type: KwaliteitscontroleSignalenAntwoord })
  @ApiRodProblems('221_geen_machtiging')
  getSignalen(@CurrentPrincipal() p: Principal, @Query() q: SignalenQuery) {
    return this.kwaliteitscontrole.lees(p, q.instellingscode, q.peildatum);
  }
}
