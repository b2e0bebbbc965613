import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateBy, ValidateNested } from 'class-validator';
import { Link, PageInfo, PageLinks } from '../../common/pagination/pagination';
import { BESTUUR_CODE, BEVOEGD_GEZAG_NUMMER, BRIN4, BRIN6, isValidRsin, KVK_NUMMER } from '../rules/identifiers';
import { DatumProperty, GeldigOpQuery, IsDatum, OptionalDatumProperty, SortProperty } from './common.dto';
import { InstellingBestuur } from './overgang.dto';

export class BestuurPeriode {
  @DatumProperty('First day of the periode.', '1996-08-01') @IsDatum() begindatum: string;
  @OptionalDatumProperty('Day after the periode (exclusive); absent or null = open.') @IsOptional() @IsDatum() einddatum?: string | null;
  @ApiProperty({ description: 'Naam, 1..80.', example: 'Stichting Openbaar Onderwijs Utrecht-Oost' }) @IsString() @Length(1, 80) naam: string;
  @ApiPropertyOptional({ description: 'Internationale naam, 1..225.', example: null, nullable: true, type: String }) @IsOptional() @IsString() @Length(1, 225) internationaleNaam?: string | null;
}

/** Full state of an onderwijsbestuur (standlevering): periodes not re-sent are removed. */
export class OnderwijsbestuurRequest {
  @ApiPropertyOptional({ description: 'Bevoegd-gezagnummer, 5 digits; unique in the sandbox (the small seed uses 10001 and 10002).', example: '10003', pattern: '^\\d{5}$', nullable: true, type: String })
  @IsOptional() @Matches(BEVOEGD_GEZAG_NUMMER, { message: 'bevoegdGezagNummer must be 5 digits' }) bevoegdGezagNummer?: string | null;
  @ApiPropertyOptional({ description: 'KvK-nummer, 8 digits.', example: '41000001', pattern: '^\\d{8}$', nullable: true, type: String })
  @IsOptional() @Matches(KVK_NUMMER, { message: 'kvkNummer must be 8 digits' }) kvkNummer?: string | null;
  @ApiPropertyOptional({ description: 'RSIN, 9 digits passing the 11-proef (weights 9..2 and −1).', example: '800000018', pattern: '^\\d{9}$', nullable: true, type: String })
  @IsOptional()
  @ValidateBy({ name: 'isRsin', validator: { validate: (v) => typeof v === 'string' && isValidRsin(v), defaultMessage: () => 'rsin must be 9 digits passing the 11-proef' } })
  rsin?: string | null;
  @ApiPropertyOptional({ description: 'Soort of its BevoegdGezagErkenning (BesturendeOrganisatiesoort: BGCD, BGEO, BGPA, BGRE, BGTC, BINS, BUVI, OL, OVRG).', example: 'BINS', nullable: true, type: String })
  @IsOptional() @IsString() besturendeOrganisatiesoort?: string | null;
  @DatumProperty('In bedrijf from (inclusive); "meestal 1 augustus".', '1996-08-01') @IsDatum() inBedrijfdatum: string;
  @OptionalDatumProperty('Uit bedrijf from (exclusive).') @IsOptional() @IsDatum() uitBedrijfdatum?: string | null;
  @ApiProperty({ type: [BestuurPeriode], description: 'Contiguous periodes from inBedrijfdatum to uitBedrijfdatum.' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(999) @ValidateNested({ each: true }) @Type(() => BestuurPeriode) periodes: BestuurPeriode[];
}

export class Onderwijsbestuur extends OnderwijsbestuurRequest {
  @ApiProperty({ description: 'Onderwijsbestuurcode nnnBnnn, assigned by RIO.', example: '100B001' }) code: string;
  @ApiProperty({ type: BestuurPeriode, nullable: true, description: 'The periode valid on datumGeldigOp; null when none is (a write answer for an object whose first periode begins later, or a read of an object on a date it has no periode).' }) geldigePeriode: BestuurPeriode | null;
  @ApiProperty({ description: 'BRIN4 codes of which this bestuur is the bevoegd gezag on datumGeldigOp (an overgang moves a BRIN4 on its overgangsdatum).', example: ['01AA', '01AB'], type: [String] }) instellingscodes: string[];
}

export class OnderwijsbestuurPage {
  @ApiProperty({ type: [Onderwijsbestuur] }) items: Onderwijsbestuur[];
  @ApiProperty({ type: PageInfo }) page: PageInfo;
  @ApiProperty({ type: PageLinks }) _links: PageLinks;
}

export class OnderwijsbestuurcodeParam {
  @ApiProperty({ description: 'Onderwijsbestuurcode nnnBnnn.', example: '100B001' })
  @Matches(BESTUUR_CODE, { message: 'onderwijsbestuurcode must look like 100B001' }) onderwijsbestuurcode: string;
}

export class OnderwijsbesturenQuery extends GeldigOpQuery {
  @ApiPropertyOptional({ description: 'Part of the naam (case-insensitive).', example: 'Utrecht' }) @IsOptional() @IsString() @Length(1, 80) naam?: string;
  @ApiPropertyOptional({ description: 'Bevoegd-gezagnummer.', example: '10001' }) @IsOptional() @Matches(BEVOEGD_GEZAG_NUMMER, { message: 'bevoegdGezagNummer must be 5 digits' }) bevoegdGezagNummer?: string;
  @SortProperty(['code', 'naam', 'bevoegdGezagNummer', 'inBedrijfdatum'], 'naam') sort?: string;
}

export class Adres {
  @ApiProperty({ description: 'Postcode NNNNAA (a space and lower case are accepted).', example: '3581AA' }) @IsString() @Length(6, 7) postcode: string;
  @ApiProperty({ type: 'integer', description: 'Huisnummer 1..99999.', example: 1 }) @Type(() => Number) @IsInt() @Min(1) @Max(99999) huisnummer: number;
  @ApiPropertyOptional({ description: 'Huisnummertoevoeging, at most 6 (N03010).', type: String, nullable: true, example: null }) @IsOptional() @IsString() @Length(1, 6) huisnummertoevoeging?: string;
}

export class InstellingPeriode {
  @DatumProperty('First day of the periode.', '1996-08-01') @IsDatum() begindatum: string;
  @OptionalDatumProperty('Day after the periode (exclusive); absent or null = open.') @IsOptional() @IsDatum() einddatum?: string | null;
  @ApiProperty({ description: 'Volledige naam, 1..80.', example: 'OBS De Regenboog' }) @IsString() @Length(1, 80) naam: string;
  @ApiPropertyOptional({ description: 'Verkorte naam, 1..30.', example: 'OBS De Regenboog', nullable: true, type: String }) @IsOptional() @IsString() @Length(1, 30) verkorteNaam?: string | null;
  @ApiProperty({ description: 'Richtingen / denominatie (waardenlijst denominatie), 1..10.', example: ['OPB'], type: [String] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10) @IsString({ each: true }) richtingen: string[];
  @ApiProperty({ description: 'Bekostigingscode (waardenlijst bekostigingscode).', example: 'BEKOSTIGD' }) @IsString() bekostigingscode: string;
  @ApiPropertyOptional({ description: 'Wet the erkenning rests on: WPO (BAS, SBAS) or WPO_BES, WEC (SPEC). Default: WEC for SPEC, else WPO.', example: 'WPO', type: String })
  @IsOptional() @IsString() wet?: string;
  @ApiPropertyOptional({ description: 'Grondslag (waardenlijst denominatie), 0..10; default none.', example: ['OPB'], type: [String] })
  @IsOptional() @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) grondslagen?: string[];
}

/** Full state of a BRIN4 onderwijsinstellingserkenning (DUO side). */
export class InstellingserkenningRequest {
  @ApiPropertyOptional({ description: 'The bevoegd gezag (onderwijsbestuurcode).', example: '100B001', nullable: true, type: String })
  @IsOptional() @Matches(BESTUUR_CODE, { message: 'onderwijsbestuurcode must look like 100B001' }) onderwijsbestuurcode?: string | null;
  @ApiProperty({ description: 'Instellingssoort: BAS, SBAS or SPEC.', example: 'BAS' }) @IsString() soort: string;
  @ApiProperty({ description: 'OPENBAAR or BIJZONDER.', example: 'OPENBAAR' }) @IsString() vrijheidVanOnderwijs: string;
  @DatumProperty('In bedrijf from (inclusive): from when deelname can lead to bekostiging.', '1996-08-01') @IsDatum() inBedrijfdatum: string;
  @OptionalDatumProperty('Uit bedrijf from (exclusive).') @IsOptional() @IsDatum() uitBedrijfdatum?: string | null;
  @ApiPropertyOptional({ description: 'Erkenner: OCW (the only one for po). Default OCW.', example: 'OCW', type: String }) @IsOptional() @IsString() erkenner?: string;
  @OptionalDatumProperty('Stichtingsdatum, on or before inBedrijfdatum (J06520).', '1995-06-15') @IsOptional() @IsDatum() stichtingsdatum?: string | null;
  @ApiPropertyOptional({ description: 'SpeciaalOnderwijsCluster CLUSTER_1 … CLUSTER_4; only for soort SPEC (K01030).', example: null, nullable: true, type: String }) @IsOptional() @IsString() soCluster?: string | null;
  @ApiPropertyOptional({ type: () => Adres, nullable: true, description: 'Formeel instellingsadres (BINNENLANDS); must exist in the simulated BAG (A01010).' })
  @IsOptional() @ValidateNested() @Type(() => Adres) formeelAdres?: Adres | null;
  @ApiProperty({ type: [InstellingPeriode] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(999) @ValidateNested({ each: true }) @Type(() => InstellingPeriode) periodes: InstellingPeriode[];
}

export class FormeelAdres extends Adres {
  @ApiProperty({ enum: ['BINNENLANDS'], example: 'BINNENLANDS' }) type: string;
  @ApiProperty({ example: 'Regenbooglaan' }) straatnaam: string;
  @ApiProperty({ example: 'Utrecht' }) plaatsnaam: string;
  @ApiProperty({ example: 'Utrecht' }) gemeentenaam: string;
  @ApiProperty({ description: 'BAG id of the address.', example: '0344010000000001' }) bagId: string;
}

export class Instellingserkenning extends InstellingserkenningRequest {
  @ApiProperty({ description: 'Instellingscode (BRIN4).', example: '01AA' }) code: string;
  @ApiProperty({ example: 'OCW' }) declare erkenner: string;
  @ApiProperty({ type: FormeelAdres, nullable: true }) declare formeelAdres: FormeelAdres | null;
  @ApiProperty({ type: InstellingPeriode, nullable: true, description: 'The periode valid on datumGeldigOp; null when none is (a write answer for an object whose first periode begins later, or a read of an object on a date it has no periode).' }) geldigePeriode: InstellingPeriode | null;
  @ApiProperty({ description: 'BRIN6 codes of its vestigingen.', example: ['01AA00', '01AA01'], type: [String] }) vestigingscodes: string[];
  @ApiProperty({ description: 'The bevoegd gezag on datumGeldigOp (see besturen for every period).', example: '100B001', nullable: true, type: String }) declare onderwijsbestuurcode: string | null;
  @ApiProperty({ type: [InstellingBestuur], description: 'Its bevoegd gezag, dated (instellingsrelatie with the BevoegdGezagErkenning): one period per bestuur; an overgang (/rio/v1/overgangen) ends one on its overgangsdatum and starts the next.' }) besturen: InstellingBestuur[];
}

export class InstellingserkenningPage {
  @ApiProperty({ type: [Instellingserkenning] }) items: Instellingserkenning[];
  @ApiProperty({ type: PageInfo }) page: PageInfo;
  @ApiProperty({ type: PageLinks }) _links: PageLinks;
}

export class InstellingscodeParam {
  @ApiProperty({ description: 'Instellingscode (BRIN4): 2 digits and 2 capitals.', example: '01AA' })
  @Matches(BRIN4, { message: 'instellingscode must be a BRIN4 like 01AA' }) instellingscode: string;
}

export class InstellingserkenningenQuery extends GeldigOpQuery {
  @ApiPropertyOptional({ description: 'Part of the naam (case-insensitive).', example: 'Regenboog' }) @IsOptional() @IsString() @Length(1, 80) naam?: string;
  @ApiPropertyOptional({ description: 'Bevoegd gezag.', example: '100B001' }) @IsOptional() @Matches(BESTUUR_CODE, { message: 'onderwijsbestuurcode must look like 100B001' }) onderwijsbestuurcode?: string;
  @SortProperty(['code', 'naam', 'inBedrijfdatum'], 'naam') sort?: string;
}

export class AdresResponse extends Adres {
  @ApiProperty({ example: 'Regenbooglaan' }) straatnaam: string;
  @ApiProperty({ example: 'Utrecht' }) plaatsnaam: string;
  @ApiProperty({ description: 'BAG id of the address.', example: '0344010000000001' }) bagId: string;
}

export class VestigingPeriode {
  @DatumProperty('First day of the periode.', '1996-08-01') @IsDatum() begindatum: string;
  @OptionalDatumProperty('Day after the periode (exclusive); absent or null = open.') @IsOptional() @IsDatum() einddatum?: string | null;
  @ApiProperty({ description: 'Naam, 1..80.', example: 'OBS De Regenboog' }) @IsString() @Length(1, 80) naam: string;
  @ApiProperty({ description: 'Bekostigingscode of the vestiging in this periode.', example: 'BEKOSTIGD' }) @IsString() bekostigingscode: string;
}

/** Full state of a BRIN6 vestigingserkenning (DUO side); the BRIN4 is the first four characters of the code. */
/** The address of a vestiging; its examples are a free BAG address of the small seed, so the request built from them is real. */
export class VestigingAdres extends Adres {
  @ApiProperty({ description: 'Postcode NNNNAA (a space and lower case are accepted).', example: '3581AB' }) declare postcode: string;
  @ApiProperty({ type: 'integer', description: 'Huisnummer 1..99999.', example: 12 }) declare huisnummer: number;
}

export class VestigingserkenningRequest {
  @ApiProperty({ description: 'HOOFDVESTIGING or NEVENVESTIGING.', example: 'NEVENVESTIGING' }) @IsString() hoofdNevenvestiging: string;
  @ApiProperty({ description: 'Vestigingssoort (VST, DIS, …).', example: 'VST' }) @IsString() soort: string;
  @DatumProperty('In bedrijf from (inclusive).', '1996-08-01') @IsDatum() inBedrijfdatum: string;
  @OptionalDatumProperty('Uit bedrijf from (exclusive).') @IsOptional() @IsDatum() uitBedrijfdatum?: string | null;
  @ApiProperty({ type: VestigingAdres, description: 'Formal address; must exist in the (simulated) BAG.' }) @ValidateNested() @Type(() => Adres) adres: Adres;
  @ApiProperty({ type: [VestigingPeriode] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(999) @ValidateNested({ each: true }) @Type(() => VestigingPeriode) periodes: VestigingPeriode[];
}

export class Vestigingserkenning extends VestigingserkenningRequest {
  @ApiProperty({ description: 'Vestigingscode (BRIN6).', example: '01AA00' }) code: string;
  @ApiProperty({ description: 'Instellingscode (BRIN4).', example: '01AA' }) instellingscode: string;
  @ApiProperty({ type: AdresResponse }) declare adres: AdresResponse;
  @ApiProperty({ type: VestigingPeriode, nullable: true, description: 'The periode valid on datumGeldigOp; null when none is (a write answer for an object whose first periode begins later, or a read of an object on a date it has no periode).' }) geldigePeriode: VestigingPeriode | null;
}

export class VestigingserkenningPage {
  @ApiProperty({ type: [Vestigingserkenning] }) items: Vestigingserkenning[];
  @ApiProperty({ type: PageInfo }) page: PageInfo;
  @ApiProperty({ type: PageLinks }) _links: PageLinks;
}

export class VestigingscodeParam {
  @ApiProperty({ description: 'Vestigingscode (BRIN6): BRIN4 + 2 digits.', example: '01AA00' })
  @Matches(BRIN6, { message: 'vestigingscode must be a BRIN6 like 01AA00' }) vestigingscode: string;
}

export class VestigingserkenningenQuery extends GeldigOpQuery {
  @ApiPropertyOptional({ description: 'BRIN4.', example: '01AA' }) @IsOptional() @Matches(BRIN4, { message: 'instellingscode must be a BRIN4 like 01AA' }) instellingscode?: string;
  @ApiPropertyOptional({ description: 'Part of the naam (case-insensitive).', example: 'Regenboog' }) @IsOptional() @IsString() @Length(1, 80) naam?: string;
  @ApiPropertyOptional({ description: 'Postcode NNNNAA, or its 4 digits for the whole area.', example: '3581AA' }) @IsOptional() @Matches(/^[1-9][0-9]{3}( ?[A-Za-z]{2})?$/, { message: 'postcode must be NNNNAA or NNNN' }) postcode?: string;
  @ApiPropertyOptional({ description: 'Plaatsnaam (case-insensitive, exact).', example: 'Utrecht' }) @IsOptional() @IsString() @Length(1, 80) plaatsnaam?: string;
  @SortProperty(['code', 'naam', 'postcode', 'plaatsnaam', 'inBedrijfdatum'], 'plaatsnaam,naam') sort?: string;
}

export class BevoegdGezagErkenningLinks {
  @ApiProperty({ type: Link }) self: Link;
  @ApiProperty({ type: Link, description: 'The onderwijsbestuur this erkenning belongs to (1:1, "wordtErkendAls").' }) onderwijsbestuur: Link;
}

/** BevoegdGezagErkenning (rio.md §4): the juridische side of an onderwijsbestuur, keyed by its bevoegd-gezagnummer. */
export class BevoegdGezagErkenning {
  @ApiProperty({ description: 'Bevoegd-gezagnummer, 5 digits.', example: '10001' }) code: string;
  @ApiProperty({ description: 'Erkenner: OCW.', example: 'OCW' }) erkenner: string;
  @ApiProperty({ description: 'BesturendeOrganisatiesoort, as DUO recorded it; null when none.', example: 'BINS', nullable: true, type: String }) soort: string | null;
  @DatumProperty('Begindatum (inclusive): the inBedrijfdatum of the onderwijsbestuur.', '1996-08-01') begindatum: string;
  @OptionalDatumProperty('Einddatum (exclusive): the uitBedrijfdatum of the onderwijsbestuur.') einddatum: string | null;
  @ApiProperty({ description: 'Naam valid on datumGeldigOp.', example: 'Stichting Openbaar Onderwijs Utrecht-Oost' }) naam: string;
  @ApiProperty({ description: 'The onderwijsbestuur it is the erkenning of.', example: '100B001' }) onderwijsbestuurcode: string;
  @ApiProperty({ description: 'BRIN4 codes it is bevoegd gezag of, in bedrijf on datumGeldigOp.', example: ['01AA', '01AB'], type: [String] }) instellingscodes: string[];
  @ApiProperty({ type: BevoegdGezagErkenningLinks }) _links: BevoegdGezagErkenningLinks;
}

export class BevoegdGezagErkenningPage {
  @ApiProperty({ type: [BevoegdGezagErkenning] }) items: BevoegdGezagErkenning[];
  @ApiProperty({ type: PageInfo }) page: PageInfo;
  @ApiProperty({ type: PageLinks }) _links: PageLinks;
}

export class BevoegdGezagNummerParam {
  @ApiProperty({ description: 'Bevoegd-gezagnummer, 5 digits.', example: '10001' }) @Matches(BEVOEGD_GEZAG_NUMMER, { message: 'bevoegdGezagNummer must be 5 digits' }) bevoegdGezagNummer: string;
}

export class BevoegdGezagErkenningenQuery extends GeldigOpQuery {
  @ApiPropertyOptional({ description: 'Part of the naam (case-insensitive).', example: 'Utrecht' }) @IsOptional() @IsString() @Length(1, 80) naam?: string;
  @ApiPropertyOptional({ description: 'BesturendeOrganisatiesoort.', example: 'BINS' }) @IsOptional() @IsString() @Length(1, 10) soort?: string;
  @SortProperty(['code', 'naam', 'begindatum'], 'naam') sort?: string;
}
