import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { PageInfo, PageLinks, PageQuery } from '../../common/pagination/pagination';
import { BESTUUR_CODE, BRIN4, BRIN6 } from '../rules/identifiers';
import { DatumProperty, IsDatum, OptionalDatumProperty } from './common.dto';

export const OVERGANGSOORTEN = ['OVERGANG_VOLLEDIG', 'OVERGANG_GEDEELTELIJK'] as const;
export type Overgangsoort = (typeof OVERGANGSOORTEN)[number];

/**
 * An overgang (Instellingsrelatie): DUO moves a BRIN4 to another bestuur from a date (OVERGANG_VOLLEDIG), or registers
 * that part of it, some of its vestigingen, goes over to another bestuur's BRIN4 (OVERGANG_GEDEELTELIJK).
 */
export class OvergangRequest {
  @ApiPropertyOptional({ description: 'Soort instellingsrelatie: OVERGANG_VOLLEDIG (default) moves the whole BRIN4; OVERGANG_GEDEELTELIJK registers that the vestigingen named go over to naarInstellingscode.', enum: OVERGANGSOORTEN, default: 'OVERGANG_VOLLEDIG' })
  @IsOptional() @IsIn(OVERGANGSOORTEN, { message: `soort must be one of ${OVERGANGSOORTEN.join(', ')}` }) soort?: Overgangsoort;
  @ApiProperty({ description: 'The BRIN4 that moves, with its vestigingen, its aanbieders and their locatiegebruik (OVERGANG_GEDEELTELIJK: the BRIN4 part of which goes over).', example: '01AB' })
  @Matches(BRIN4, { message: 'instellingscode must be a BRIN4 like 01AA' }) instellingscode: string;
  @ApiProperty({ description: 'The bestuur it moves to; in bedrijf on the overgangsdatum (J06610) and not the bestuur it stands under then (J06620). OVERGANG_GEDEELTELIJK: the bestuur of naarInstellingscode on the date (J06670).', example: '100B002' })
  @Matches(BESTUUR_CODE, { message: 'naarOnderwijsbestuurcode must look like 100B001' }) naarOnderwijsbestuurcode: string;
  @ApiPropertyOptional({ description: 'OVERGANG_GEDEELTELIJK only, and required there (J06710): the BRIN4 of the new bestuur that receives the part; in bedrijf on the overgangsdatum under naarOnderwijsbestuurcode (J06670).', example: '02AA' })
  @IsOptional() @Matches(BRIN4, { message: 'naarInstellingscode must be a BRIN4 like 01AA' }) naarInstellingscode?: string;
  @ApiPropertyOptional({
    description: 'OVERGANG_GEDEELTELIJK only, and required there (J06710): the BRIN6 vestigingen of instellingscode that go over (1..99, each once): each of that BRIN4 (A01040), in bedrijf the day before the overgangsdatum (J06680), not gone over before (J06700), and not every running one (J06690: that is an OVERGANG_VOLLEDIG).',
    type: [String], example: ['01AA01'], uniqueItems: true,
  })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(99) @ArrayUnique({ message: 'vestigingscodes must name each vestiging once' })
  @Matches(BRIN6, { each: true, message: 'each vestigingscode must be a BRIN6 like 01AA00' }) vestigingscodes?: string[];
  @DatumProperty('First day under the new bestuur (the old one holds it until the day before); after the BRIN4\'s inBedrijfdatum and before its uitBedrijfdatum (J06640), after every earlier overgang of the BRIN4 (J06630). Past or future on the sandbox clock; a planned one can be withdrawn (DELETE) until then.', '2030-08-01')
  @IsDatum() overgangsdatum: string;
}

export class Overgang {
  @ApiProperty({ description: 'Id RIO gave the overgang.', format: 'uuid', example: '7d7c1a52-3f0e-4d55-9d0c-6a1f5d0f2b11' }) overgangId: string;
  @ApiProperty({ description: 'Soort instellingsrelatie: OVERGANG_VOLLEDIG, the whole BRIN4 moved; OVERGANG_GEDEELTELIJK, the vestigingen listed went over to naarInstellingscode.', enum: OVERGANGSOORTEN, example: 'OVERGANG_VOLLEDIG' }) soort: string;
  @ApiProperty({ description: 'The BRIN4 that moved (OVERGANG_GEDEELTELIJK: part of which went over).', example: '01AB' }) instellingscode: string;
  @ApiProperty({ description: 'OVERGANG_GEDEELTELIJK: the BRIN4 that received the part; null for an OVERGANG_VOLLEDIG.', type: String, nullable: true, example: null }) naarInstellingscode: string | null;
  @ApiProperty({ description: 'The bestuur it stood under until the day before the overgangsdatum.', example: '100B001' }) vanOnderwijsbestuurcode: string;
  @ApiProperty({ description: 'The bestuur it stands under from the overgangsdatum.', example: '100B002' }) naarOnderwijsbestuurcode: string;
  @DatumProperty('First day under the new bestuur.', '2026-01-01') overgangsdatum: string;
  @ApiProperty({ description: 'Its BRIN6 vestigingen (all move along; OVERGANG_GEDEELTELIJK: those that went over).', example: ['01AB00'], type: [String] }) vestigingscodes: string[];
  @ApiProperty({ description: 'The aanbieders with a juridische relatie to the BRIN4 running past the date: their bijbehorend onderwijsbestuur changes on it (OVERGANG_GEDEELTELIJK: none, nothing moves with it).', example: ['100A002'], type: [String] }) onderwijsaanbiedercodes: string[];
  @ApiProperty({ description: 'The locaties whose gebruik for the vestigingen went from the old bestuur to the new one (OVERGANG_GEDEELTELIJK: the locaties of the vestigingen that went over, on the day before; their gebruik does not move).', example: ['100X002'], type: [String] }) onderwijslocatiecodes: string[];
  @ApiProperty({ type: String, format: 'date-time', description: 'When RIO registered it (sandbox time).', example: '2025-09-01T08:30:00.000Z' }) geregistreerdOp: string;
}

export class OvergangPage {
  @ApiProperty({ type: [Overgang] }) items: Overgang[];
  @ApiProperty({ type: PageInfo }) page: PageInfo;
  @ApiProperty({ type: PageLinks }) _links: PageLinks;
}

export class OvergangIdParam {
  @ApiProperty({ description: 'Id of the overgang (RIO gives it on POST /overgangen).', format: 'uuid' })
  @IsUUID('all', { message: 'overgangId must be a UUID' }) overgangId: string;
}

/** The open-data `overgangen` table as a list: every overgang, planned ones included, by overgangsdatum. */
export class OvergangenQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only overgangen of this BRIN4 (for an OVERGANG_GEDEELTELIJK: from or to it).', example: '01AB' }) @IsOptional() @Matches(BRIN4, { message: 'instellingscode must be a BRIN4 like 01AA' }) instellingscode?: string;
  @ApiPropertyOptional({ description: 'Only overgangen from or to this bestuur.', example: '100B001' }) @IsOptional() @Matches(BESTUUR_CODE, { message: 'onderwijsbestuurcode must look like 100B001' }) onderwijsbestuurcode?: string;
  @OptionalDatumProperty('Only overgangen on or after this date.', '2025-01-01') @IsOptional() @IsDatum() overgangsdatumVanaf?: string;
  @OptionalDatumProperty('Only overgangen before this date (exclusive).', '2027-01-01') @IsOptional() @IsDatum() overgangsdatumTot?: string;
}

/** A period of the bevoegd gezag of a BRIN4 (instellingsrelatie with its BevoegdGezagErkenning). */
export class InstellingBestuur {
  @ApiProperty({ example: '100B001' }) onderwijsbestuurcode: string;
  @DatumProperty('First day (inclusive).', '1996-08-01') begindatum: string;
  @OptionalDatumProperty('Day after the period (exclusive): the overgangsdatum of the overgang that ended it; null = open.') einddatum: string | null;
}
