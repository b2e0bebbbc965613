import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { PageInfo, PageLinks } from '../../common/pagination/pagination';
import { AANBIEDER_CODE, BESTUUR_CODE, GROEP_CODE, ORGANISATORISCHE_EENHEID_CODE } from '../rules/identifiers';
import { DatumProperty, GeldigOpQuery, IsDatum, OptionalDatumProperty, SortProperty } from './common.dto';
import { Onderwijsaanbieder } from './onderwijskundig.dto';

export class GroepPeriode {
  @DatumProperty('First day of the periode.', '2020-08-01') @IsDatum() begindatum: string;
  @OptionalDatumProperty('Day after the periode (exclusive); absent or null = open.') @IsOptional() @IsDatum() einddatum?: string | null;
  @ApiProperty({ description: 'Naam, 1..80.', example: 'Scholengroep Utrecht-Oost' }) @IsString() @Length(1, 80) naam: string;
  @ApiPropertyOptional({ description: 'Internationale naam, 1..225.', example: null, nullable: true, type: String }) @IsOptional() @IsString() @Length(1, 225) internationaleNaam?: string | null;
}

export class GroepLid {
  @ApiProperty({ description: 'Onderwijsaanbiedercode of the member.', example: '100A001' }) @Matches(AANBIEDER_CODE, { message: 'onderwijsaanbiedercode must look like 100A001' }) onderwijsaanbiedercode: string;
  @DatumProperty('Member from (inclusive), inside the lifetimes of groep and aanbieder (J06410).', '2020-08-01') @IsDatum() begindatum: string;
  @OptionalDatumProperty('Member until (exclusive).') @IsOptional() @IsDatum() einddatum?: string | null;
}

/** Full state of an onderwijsaanbiedergroep (standlevering): periodes and members not re-sent are removed. */
export class OnderwijsaanbiedergroepRequest {
  @ApiPropertyOptional({ description: 'The onderwijsbestuur the groep is grouped under (optional); its lifetime holds the groep\'s (N05030).', example: '100B001', nullable: true, type: String })
  @IsOptional() @Matches(BESTUUR_CODE, { message: 'onderwijsbestuurcode must look like 100B001' }) onderwijsbestuurcode?: string | null;
  @DatumProperty('In bedrijf from (inclusive).', '2020-08-01') @IsDatum() inBedrijfdatum: string;
  @OptionalDatumProperty('Uit bedrijf from (exclusive); ending the groep ends its members by then too (J06410).') @IsOptional() @IsDatum() uitBedrijfdatum?: string | null;
  @ApiProperty({ type: [GroepPeriode], description: 'Contiguous periodes from inBedrijfdatum to uitBedrijfdatum, 1..999.' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(999) @ValidateNested({ each: true }) @Type(() => GroepPeriode) periodes: GroepPeriode[];
  @ApiProperty({ type: [GroepLid], description: 'Member onderwijsaanbieders, dated, 0..999; one aanbieder\'s memberships do not overlap (J06020).' })
  @IsArray() @ArrayMaxSize(999) @ValidateNested({ each: true }) @Type(() => GroepLid) onderwijsaanbieders: GroepLid[];
}

export class Onderwijsaanbiedergroep extends OnderwijsaanbiedergroepRequest {
  @ApiProperty({ description: 'Onderwijsaanbiedergroepcode nnnGnnn, assigned by RIO.', example: '100G002' }) code: string;
  @ApiProperty({ description: 'The onderwijsbestuur it is grouped under; null = none.', example: '100B001', nullable: true, type: String }) declare onderwijsbestuurcode: string | null;
  @ApiProperty({ type: GroepPeriode, nullable: true, description: 'The periode valid on datumGeldigOp; null when none is.' }) geldigePeriode: GroepPeriode | null;
}

export class OnderwijsaanbiedergroepPage {
  @ApiProperty({ type: [Onderwijsaanbiedergroep] }) items: Onderwijsaanbiedergroep[];
  @ApiProperty({ type: PageInfo }) page: PageInfo;
  @ApiProperty({ type: PageLinks }) _links: PageLinks;
}

export class OnderwijsaanbiedergroepcodeParam {
  @ApiProperty({ description: 'Onderwijsaanbiedergroepcode nnnGnnn.', example: '100G002' }) @Matches(GROEP_CODE, { message: 'onderwijsaanbiedergroepcode must look like 100G001' }) onderwijsaanbiedergroepcode: string;
}

export class OnderwijsaanbiedergroepenQuery extends GeldigOpQuery {
  @ApiPropertyOptional({ description: 'Part of the naam (case-insensitive).', example: 'Utrecht' }) @IsOptional() @IsString() @Length(1, 80) naam?: string;
  @ApiPropertyOptional({ description: 'The bestuur the groep is grouped under.', example: '100B001' }) @IsOptional() @Matches(BESTUUR_CODE, { message: 'onderwijsbestuurcode must look like 100B001' }) onderwijsbestuurcode?: string;
  @ApiPropertyOptional({ description: 'An aanbieder that is a member on the date.', example: '100A001' }) @IsOptional() @Matches(AANBIEDER_CODE, { message: 'onderwijsaanbiedercode must look like 100A001' }) onderwijsaanbiedercode?: string;
  @SortProperty(['code', 'naam', 'inBedrijfdatum'], 'naam') sort?: string;
}

/** opvragen_onderwijsaanbiedersVanOrganisatie: the aanbieders and groepen of one bestuur on a date. */
export class OnderwijsaanbiedersVanOrganisatie {
  @ApiProperty({ description: 'The onderwijsbestuur.', example: '100B001' }) onderwijsbestuurcode: string;
  @ApiProperty({ type: String, format: 'date', description: 'The date the answer is valid on.', example: '2025-09-01' }) datumGeldigOp: string;
  @ApiProperty({ type: [Onderwijsaanbieder], description: 'Its onderwijsaanbieders on the date (0..999), by code.' }) onderwijsaanbieders: Onderwijsaanbieder[];
  @ApiProperty({ type: [Onderwijsaanbiedergroep], description: 'The onderwijsaanbiedergroepen grouped under it on the date (0..999), by code.' }) onderwijsaanbiedergroepen: Onderwijsaanbiedergroep[];
}

export const ORGANISATIERELATIESOORTEN = ['HIERARCHISCH', 'OVERGANG'] as const;

/** One organisatierelatie starting at the eenheid of the path. */
export class OrganisatierelatieRequest {
  @ApiProperty({ description: 'Code of the eenheid the relatie runs to (nnnBnnn, nnnAnnn or nnnGnnn); not the eenheid itself (N07030).', example: '100G002' })
  @Matches(ORGANISATORISCHE_EENHEID_CODE, { message: 'naarOrganisatorischeEenheid must be an onderwijsbestuur-, onderwijsaanbieder- or onderwijsaanbiedergroepcode like 100B001' }) naarOrganisatorischeEenheid: string;
  @ApiProperty({ description: 'HIERARCHISCH (between eenheden of different types) or OVERGANG (within one type: the van-eenheid goes over into the naar-eenheid), N07420.', enum: ORGANISATIERELATIESOORTEN, example: 'HIERARCHISCH' })
  @IsIn(ORGANISATIERELATIESOORTEN, { message: 'soort must be HIERARCHISCH or OVERGANG' }) soort: 'HIERARCHISCH' | 'OVERGANG';
  @DatumProperty('Begindatum (inclusive); both eenheden exist then (N07410).', '2020-08-01') @IsDatum() begindatum: string;
  @OptionalDatumProperty('Einddatum (exclusive); never for OVERGANG (N07020).') @IsOptional() @IsDatum() einddatum?: string | null;
}

/** Every organisatierelatie that starts at one eenheid (standlevering: those not re-sent are removed). */
export class OrganisatierelatiesRequest {
  @ApiProperty({ type: [OrganisatierelatieRequest], description: '0..999 relaties from this eenheid; per pair of eenheden and soort they do not overlap (N07050).' })
  @IsArray() @ArrayMaxSize(999) @ValidateNested({ each: true }) @Type(() => OrganisatierelatieRequest) organisatierelaties: OrganisatierelatieRequest[];
}

export class Organisatierelatie {
  @ApiProperty({ description: 'Code of the eenheid the relatie runs from.', example: '100B001' }) vanOrganisatorischeEenheid: string;
  @ApiProperty({ description: 'Code of the eenheid the relatie runs to.', example: '100G002' }) naarOrganisatorischeEenheid: string;
  @ApiProperty({ enum: ORGANISATIERELATIESOORTEN, example: 'HIERARCHISCH' }) soort: string;
  @ApiProperty({ type: String, format: 'date', example: '2020-08-01' }) begindatum: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, example: null, description: 'Exclusive; null = open.' }) einddatum: string | null;
}

export class OrganisatierelatiesResponse {
  @ApiProperty({ description: 'Code of the organisatorische eenheid.', example: '100B001' }) code: string;
  @ApiProperty({ type: [Organisatierelatie], description: 'GET: the relaties from and to the eenheid valid on datumGeldigOp; PUT: every relatie from it, as stored.' }) organisatierelaties: Organisatierelatie[];
}

export class OrganisatorischeEenheidcodeParam {
  @ApiProperty({ description: 'Code of an onderwijsbestuur (nnnBnnn), onderwijsaanbieder (nnnAnnn) or onderwijsaanbiedergroep (nnnGnnn).', example: '100B001' })
  @Matches(ORGANISATORISCHE_EENHEID_CODE, { message: 'organisatorischeEenheidcode must look like 100B001, 100A001 or 100G001' }) organisatorischeEenheidcode: string;
}
