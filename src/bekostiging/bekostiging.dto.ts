import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PageInfo, PageLinks, PageQuery } from '../common/pagination/pagination';
import { BRIN4 } from '../rio';

/** The first of a real month: year 0001..9999, month 01..12. */
const SOORTEN_BEKOSTIGING = ['REGULIER', 'GROEI', 'NIEUWKOMERS'];
const DATUM = /^(000[1-9]|00[1-9]\d|0[1-9]\d{2}|[1-9]\d{3})-(0[1-9]|1[0-2])-01$/;

export class SignaalResponse {
  @ApiProperty({ description: 'Bekostigingssignaal (rod.md §7.2; B08 extends the table).', example: 'B02_dubbele_inschrijving' }) code: string;
  @ApiProperty({ example: 'Dubbele inschrijving: bekostigd bij de andere inschrijving' }) omschrijving: string;
}

export class PersoonsgebondenNummerResponse {
  @ApiPropertyOptional({ example: '999990019' }) burgerservicenummer?: string;
  @ApiPropertyOptional({ example: '100000028' }) onderwijsnummer?: string;
}

export class BekostigingsstatusResponse {
  @ApiProperty({ format: 'uuid', example: '5f0c7d0e-2c55-4a8e-9d8e-0c1f3a3b6b11' }) inschrijvingId: string;
  @ApiProperty({ example: '1' }) inschrijvingvolgnummer: string;
  @ApiProperty({ example: '01AA' }) instellingscode: string;
  @ApiProperty({ description: 'BRIN6 of the periode on the teldatum; null when none.', nullable: true, type: String, example: '01AA00' }) vestigingscode: string | null;
  @ApiProperty({ type: PersoonsgebondenNummerResponse }) persoonsgebondenNummer: PersoonsgebondenNummerResponse;
  @ApiProperty({ type: String, format: 'date', example: '2026-02-01' }) teldatum: string;
  @ApiProperty({
    description: 'REGULIER (1 February), GROEI (the first of every other month) or NIEUWKOMERS: on 1 January, 1 April, 1 July and 1 October a nieuwkomer has a NIEUWKOMERS status beside the GROEI one.',
    enum: SOORTEN_BEKOSTIGING,
    example: 'REGULIER',
  })
  soortBekostiging: string;
  @ApiProperty({ enum: ['BEKOSTIGD', 'NIET_BEKOSTIGD'], example: 'BEKOSTIGD' }) status: string;
  @ApiProperty({ description: 'V = voorlopig (until the deadline), D = definitief.', enum: ['V', 'D'], example: 'V' }) statusBepaling: string;
  @ApiProperty({ type: [SignaalResponse] }) signalen: SignaalResponse[];
  @ApiProperty({ type: String, description: 'Sandbox time of the last change.', format: 'date-time', example: '2026-02-01T00:00:00.000Z' }) datumTijdBepaling: string;
}

export class BekostigingsstatusPage {
  @ApiProperty({ type: [BekostigingsstatusResponse] }) items: BekostigingsstatusResponse[];
  @ApiProperty({ type: PageInfo }) page: PageInfo;
  @ApiProperty({ type: PageLinks }) _links: PageLinks;
}

export class StatusQuery extends PageQuery {
  @ApiProperty({ description: 'BRIN4 of the school.', example: '01AA' })
  @Matches(BRIN4, { message: 'instellingscode must be a BRIN4 such as 01AA' })
  instellingscode: string;

  @ApiPropertyOptional({ type: String, description: 'Only this teldatum (the first of a month).', format: 'date', example: '2026-02-01' })
  @IsOptional()
  @Matches(DATUM, { message: 'teldatum must be the first of a month, YYYY-MM-01' })
  teldatum?: string;

  @ApiPropertyOptional({ description: 'Only this status.', enum: ['BEKOSTIGD', 'NIET_BEKOSTIGD'] })
  @IsOptional()
  @IsIn(['BEKOSTIGD', 'NIET_BEKOSTIGD'])
  status?: string;

  @ApiPropertyOptional({ description: 'Only this soort (NIEUWKOMERS: the nieuwkomers statuses).', enum: SOORTEN_BEKOSTIGING })
  @IsOptional()
  @IsIn(SOORTEN_BEKOSTIGING)
  soortBekostiging?: string;
}

export class OverzichtQuery {
  @ApiProperty({ description: 'BRIN4 of the school.', example: '01AA' })
  @Matches(BRIN4, { message: 'instellingscode must be a BRIN4 such as 01AA' })
  instellingscode: string;

  @ApiPropertyOptional({ type: String, description: 'Only this teldatum (the first of a month).', format: 'date', example: '2026-02-01' })
  @IsOptional()
  @Matches(DATUM, { message: 'teldatum must be the first of a month, YYYY-MM-01' })
  teldatum?: string;
}

export class SignaalTellingResponse extends SignaalResponse {
  @ApiProperty({ type: 'integer', example: 2 }) aantal: number;
}

export class VestigingTellingResponse {
  @ApiProperty({ example: '01AA00' }) vestigingscode: string;
  @ApiProperty({ type: 'integer', example: 20 }) aantalBekostigd: number;
  @ApiProperty({ type: 'integer', example: 1 }) aantalNietBekostigd: number;
}

export class OverzichtResponse {
  @ApiProperty({ example: '01AA' }) instellingscode: string;
  @ApiProperty({ description: 'The school\'s bestuur on the teldatum (after an overgang the new bestuur from its overgangsdatum): the bestuur whose Ovt counts it.', example: '100B001', nullable: true, type: String })
  onderwijsbestuurcode: string | null;
  @ApiProperty({ type: String, format: 'date', example: '2026-02-01' }) teldatum: string;
  @ApiProperty({ description: 'One overview per teldatum per soort: a nieuwkomers teldatum with nieuwkomers has a NIEUWKOMERS overview beside the GROEI one.', enum: SOORTEN_BEKOSTIGING, example: 'REGULIER' })
  soortBekostiging: string;
  @ApiProperty({ type: String, description: 'Last day a registration counts (teldatum + 4 weeks, weekend → Monday).', format: 'date', example: '2026-03-02' }) uitersteRegistratiedatum: string;
  @ApiProperty({ description: 'V while any status is voorlopig, D when all are definitief.', enum: ['V', 'D'], example: 'V' }) statusBepaling: string;
  @ApiProperty({ type: 'integer', example: 21 }) aantalInschrijvingen: number;
  @ApiProperty({ type: 'integer', example: 20 }) aantalBekostigd: number;
  @ApiProperty({ type: 'integer', example: 1 }) aantalNietBekostigd: number;
  @ApiProperty({ type: [SignaalTellingResponse], description: 'Per bekostigingssignaal, how many inschrijvingen carry it.' }) signalen: SignaalTellingResponse[];
  @ApiProperty({ type: [VestigingTellingResponse] }) vestigingen: VestigingTellingResponse[];
}

export class OverzichtList {
  @ApiProperty({ type: [OverzichtResponse], description: 'Per teldatum, newest first, and per soortBekostiging.' }) items: OverzichtResponse[];
}

export class InitieleLeveringRequest {
  @ApiPropertyOptional({ description: 'BRIN4 of the school; required for a vendor, absent (beheer only) = the whole sandbox.', example: '01AA' })
  @IsOptional()
  @Matches(BRIN4, { message: 'instellingscode must be a BRIN4 such as 01AA' })
  instellingscode?: string;
}

export class InitieleLeveringResponse {
  @ApiProperty({ type: 'integer', description: 'Events written (one per kept status); they reach the feed and the webhooks like any other.', example: 80 }) events: number;
}

export class HerberekeningResponse {
  @ApiProperty({ type: 'integer', description: 'Statuses created or changed.', example: 0 }) statussen: number;
  @ApiProperty({ type: 'integer', description: 'Events written.', example: 0 }) events: number;
  @ApiProperty({ type: 'integer', description: 'Duration of the recompute.', example: 120 }) duurMs: number;
}
