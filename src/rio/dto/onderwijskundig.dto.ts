import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { AlsGetal } from '../../common/validation/getal';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateBy, ValidateIf, ValidateNested } from 'class-validator';
import { PageInfo, PageLinks } from '../../common/pagination/pagination';
import { AANBIEDER_CODE, BESTUUR_CODE, BRIN4, BRIN6, LOCATIE_CODE, OPLEIDINGSEENHEID_CODE } from '../rules/identifiers';
import { DatumProperty, GeldigOpQuery, IsDatum, OptionalDatumProperty, SortProperty } from './common.dto';
import { Adres, AdresResponse } from './juridisch.dto';
import { WAARDENLIJSTEN } from '../rules/waardenlijsten';

/** The onderwijsconcept codes, whatever their vanaf: a filter on one not valid on the date finds nothing, an unknown one is refused. */
const ONDERWIJSCONCEPTEN = WAARDENLIJSTEN.onderwijsconcept.map((w) => w.code);

const POSTCODE_FILTER = /^[1-9][0-9]{3}( ?[A-Za-z]{2})?$/;

export class AanbiederPeriode {
  @DatumProperty('First day of the periode.', '1996-08-01') @IsDatum() begindatum: string;
  @OptionalDatumProperty('Day after the periode (exclusive); absent or null = open.') @IsOptional() @IsDatum() einddatum?: string | null;
  @ApiProperty({ description: 'Naam as used towards the public, 1..80.', example: 'OBS De Regenboog' }) @IsString() @Length(1, 80) naam: string;
  @ApiPropertyOptional({ description: 'Internationale naam, 1..225.', example: 'Rainbow Primary School', nullable: true, type: String }) @IsOptional() @IsString() @Length(1, 225) internationaleNaam?: string | null;
}

export class JuridischeRelatie {
  @ApiProperty({ description: 'BRIN4 the aanbieder gives education under.', example: '01AA' }) @Matches(BRIN4, { message: 'instellingscode must be a BRIN4 like 01AA' }) instellingscode: string;
  @DatumProperty('Begindatum (inclusive).', '1996-08-01') @IsDatum() begindatum: string;
  @OptionalDatumProperty('Einddatum (exclusive).') @IsOptional() @IsDatum() einddatum?: string | null;
}

export class BijbehorendBestuur {
  @ApiProperty({ description: 'Onderwijsbestuurcode; several besturen make a samenwerkingsschool.', example: '100B001' }) @Matches(BESTUUR_CODE, { message: 'onderwijsbestuurcode must look like 100B001' }) onderwijsbestuurcode: string;
  @DatumProperty('Begindatum (inclusive).', '1996-08-01') @IsDatum() begindatum: string;
  @OptionalDatumProperty('Einddatum (exclusive).') @IsOptional() @IsDatum() einddatum?: string | null;
}

/** Full state of an onderwijsaanbieder (standlevering): periodes and relaties not re-sent are removed. */
export class OnderwijsaanbiederRequest {
  @DatumProperty('In bedrijf from (inclusive).', '1996-08-01') @IsDatum() inBedrijfdatum: string;
  @OptionalDatumProperty('Uit bedrijf from (exclusive).') @IsOptional() @IsDatum() uitBedrijfdatum?: string | null;
  @ApiPropertyOptional({ description: 'The board\'s own key, at most 60.', example: 'school-17', nullable: true, type: String }) @IsOptional() @IsString() @Length(1, 60) eigenSleutel?: string | null;
  @ApiProperty({ type: [AanbiederPeriode] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(999) @ValidateNested({ each: true }) @Type(() => AanbiederPeriode) periodes: AanbiederPeriode[];
  @ApiProperty({ type: [JuridischeRelatie], description: '1..99 relations to a BRIN4 of one of its besturen.' }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(99) @ValidateNested({ each: true }) @Type(() => JuridischeRelatie) juridischeRelaties: JuridischeRelatie[];
  @ApiProperty({ type: [BijbehorendBestuur], description: '1..99 besturen.' }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(99) @ValidateNested({ each: true }) @Type(() => BijbehorendBestuur) besturen: BijbehorendBestuur[];
}

export class Onderwijsaanbieder extends OnderwijsaanbiederRequest {
  @ApiProperty({ description: 'Onderwijsaanbiedercode nnnAnnn, assigned by RIO.', example: '100A001' }) code: string;
  @ApiProperty({ type: AanbiederPeriode, nullable: true, description: 'The periode valid on datumGeldigOp; null when none is (a write answer for an object whose first periode begins later, or a read of an object on a date it has no periode).' }) geldigePeriode: AanbiederPeriode | null;
}

export class OnderwijsaanbiederPage {
  @ApiProperty({ type: [Onderwijsaanbieder] }) items: Onderwijsaanbieder[];
  @ApiProperty({ type: PageInfo }) page: PageInfo;
  @ApiProperty({ type: PageLinks }) _links: PageLinks;
}

export class OnderwijsaanbiedercodeParam {
  @ApiProperty({ description: 'Onderwijsaanbiedercode nnnAnnn.', example: '100A001' }) @Matches(AANBIEDER_CODE, { message: 'onderwijsaanbiedercode must look like 100A001' }) onderwijsaanbiedercode: string;
}

export class OnderwijsaanbiedersQuery extends GeldigOpQuery {
  @ApiPropertyOptional({ description: 'Part of the naam (case-insensitive).', example: 'Regenboog' }) @IsOptional() @IsString() @Length(1, 80) naam?: string;
  @ApiPropertyOptional({ description: 'BRIN4 of a juridische relatie valid on the date.', example: '01AA' }) @IsOptional() @Matches(BRIN4, { message: 'instellingscode must be a BRIN4 like 01AA' }) instellingscode?: string;
  @ApiPropertyOptional({ description: 'Bestuur the aanbieder belongs to on the date.', example: '100B001' }) @IsOptional() @Matches(BESTUUR_CODE, { message: 'onderwijsbestuurcode must look like 100B001' }) onderwijsbestuurcode?: string;
  @ApiPropertyOptional({ description: 'Postcode (NNNNAA, or NNNN for the area) of a locatie where it offers an opleiding on the date.', example: '3581AA' }) @IsOptional() @Matches(POSTCODE_FILTER, { message: 'postcode must be NNNNAA or NNNN' }) postcode?: string;
  @ApiPropertyOptional({ description: 'Plaatsnaam of such a locatie (case-insensitive).', example: 'Utrecht' }) @IsOptional() @IsString() @Length(1, 80) plaatsnaam?: string;
  @ApiPropertyOptional({ description: "The board's own key (eigenSleutel), exact.", example: 'LAS-01AA' }) @IsOptional() @IsString() @Length(1, 60) eigenSleutel?: string;
  @SortProperty(['code', 'naam', 'inBedrijfdatum'], 'naam') sort?: string;
}

/** An address to resolve; its examples are a free BAG address of the small seed (a new onderwijslocatie, the one the DELETE example removes). */
export class OnderwijslocatieRequest extends Adres {
  @ApiProperty({ description: 'Postcode NNNNAA (a space and lower case are accepted).', example: '3581AB' }) declare postcode: string;
  @ApiProperty({ type: 'integer', description: 'Huisnummer 1..99999.', example: 10 }) declare huisnummer: number;
}

export class Onderwijslocatie extends AdresResponse {
  @ApiProperty({ description: 'Onderwijslocatiecode nnnXnnn, assigned by RIO.', example: '100X001' }) code: string;
  @ApiProperty({ description: 'GPS latitude.', example: '52.09000000' }) gpsLatitude: string;
  @ApiProperty({ description: 'GPS longitude.', example: '5.12000000' }) gpsLongitude: string;
}

export class OnderwijslocatieRondom extends Onderwijslocatie {
  @ApiPropertyOptional({ type: 'integer', description: 'Distance in whole metres to the point of a search by gpsLatitude/gpsLongitude (great-circle); absent otherwise.', example: 420 }) afstand?: number;
}

export class OnderwijslocatiePage {
  @ApiProperty({ type: [OnderwijslocatieRondom] }) items: OnderwijslocatieRondom[];
  @ApiProperty({ type: PageInfo }) page: PageInfo;
  @ApiProperty({ type: PageLinks }) _links: PageLinks;
}

export class OnderwijslocatiecodeParam {
  @ApiProperty({ description: 'Onderwijslocatiecode nnnXnnn.', example: '100X001' }) @Matches(LOCATIE_CODE, { message: 'onderwijslocatiecode must look like 100X001' }) onderwijslocatiecode: string;
}

/** A GPS coordinate in -max..max; required as soon as the other coordinate or a straal is given (one problem per parameter). */
const GpsCoordinaat = (naam: string, max: number, ander: string) =>
  ValidateBy({
    name: 'gpsCoordinaat',
    validator: { validate: (v) => typeof v === 'number' && Number.isFinite(v) && v >= -max && v <= max, defaultMessage: () => `${naam} must be a number from -${max} to ${max}, required with ${ander} or straal` },
  });

const RONDOM = (o: OnderwijslocatiesQuery) => o.gpsLatitude !== undefined || o.gpsLongitude !== undefined || o.straal !== undefined;

export class OnderwijslocatiesQuery extends GeldigOpQuery {
  @ApiPropertyOptional({ description: 'Postcode NNNNAA, or NNNN for the area.', example: '3581AA' }) @IsOptional() @Matches(POSTCODE_FILTER, { message: 'postcode must be NNNNAA or NNNN' }) postcode?: string;
  @ApiPropertyOptional({ description: 'Plaatsnaam (case-insensitive, exact).', example: 'Utrecht' }) @IsOptional() @IsString() @Length(1, 80) plaatsnaam?: string;
  @ApiPropertyOptional({ description: 'Latitude (WGS84, -90..90) of a point: only locaties within `straal` of it, nearest first, each with its `afstand`. Needs gpsLongitude.', type: 'number', minimum: -90, maximum: 90, example: 52.09 })
  @ValidateIf(RONDOM) @AlsGetal() @GpsCoordinaat('gpsLatitude', 90, 'gpsLongitude') gpsLatitude?: number;
  @ApiPropertyOptional({ description: 'Longitude (WGS84, -180..180) of that point. Needs gpsLatitude.', type: 'number', minimum: -180, maximum: 180, example: 5.12 })
  @ValidateIf(RONDOM) @AlsGetal() @GpsCoordinaat('gpsLongitude', 180, 'gpsLatitude') gpsLongitude?: number;
  @ApiPropertyOptional({ description: 'Radius around the point in metres, 1..50000.', type: 'integer', minimum: 1, maximum: 50000, default: 1000, example: 2000 })
  @IsOptional() @AlsGetal() @IsInt() @Min(1) @Max(50000) straal?: number;
  @SortProperty(['code', 'postcode', 'plaatsnaam', 'afstand'], 'plaatsnaam,postcode')
  @ValidateBy({ name: 'afstandMetPunt', validator: { validate: (v: string, a) => !v || !/(^|,)-?afstand(,|$)/.test(v) || (a?.object as OnderwijslocatiesQuery).gpsLatitude !== undefined, defaultMessage: () => 'sort on afstand needs gpsLatitude and gpsLongitude' } })
  sort?: string;
}

export class GebruikPeriode {
  @DatumProperty('First day of the periode.', '1996-08-01') @IsDatum() begindatum: string;
  @OptionalDatumProperty('Day after the periode (exclusive); absent or null = open.') @IsOptional() @IsDatum() einddatum?: string | null;
  @ApiPropertyOptional({ description: 'Naam of the locatie for this bestuur, 1..80.', example: 'Hoofdgebouw', nullable: true, type: String }) @IsOptional() @IsString() @Length(1, 80) naam?: string | null;
}

export class GebruikRelatie {
  @ApiProperty({ description: 'BRIN6 this locatiegebruik belongs to.', example: '01AA00' }) @Matches(BRIN6, { message: 'vestigingscode must be a BRIN6 like 01AA00' }) vestigingscode: string;
  @DatumProperty('Begindatum (inclusive).', '1996-08-01') @IsDatum() begindatum: string;
  @OptionalDatumProperty('Einddatum (exclusive).') @IsOptional() @IsDatum() einddatum?: string | null;
}

/** Full state of an onderwijslocatiegebruik (bestuur × locatie). */
export class OnderwijslocatiegebruikRequest {
  @DatumProperty('In gebruik from (inclusive).', '1996-08-01') @IsDatum() inBedrijfdatum: string;
  @OptionalDatumProperty('Uit gebruik from (exclusive).') @IsOptional() @IsDatum() uitBedrijfdatum?: string | null;
  @ApiPropertyOptional({ description: "The board's own key, at most 60.", example: 'gebouw-1', nullable: true, type: String }) @IsOptional() @IsString() @Length(1, 60) eigenSleutel?: string | null;
  @ApiProperty({ type: [GebruikPeriode] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(999) @ValidateNested({ each: true }) @Type(() => GebruikPeriode) periodes: GebruikPeriode[];
  @ApiProperty({ type: [GebruikRelatie], description: '0..99 JuridischeOnderwijslocatiegebruikRelaties to a BRIN6 of the bestuur.' }) @IsArray() @ArrayMaxSize(99) @ValidateNested({ each: true }) @Type(() => GebruikRelatie) relaties: GebruikRelatie[];
}

export class Onderwijslocatiegebruik extends OnderwijslocatiegebruikRequest {
  @ApiProperty({ example: '100B001' }) onderwijsbestuurcode: string;
  @ApiProperty({ example: '100X001' }) onderwijslocatiecode: string;
  @ApiProperty({ type: GebruikPeriode, nullable: true, description: 'The periode valid on datumGeldigOp; null when none is (a write answer for an object whose first periode begins later, or a read of an object on a date it has no periode).' }) geldigePeriode: GebruikPeriode | null;
}

export class OnderwijslocatiegebruikPage {
  @ApiProperty({ type: [Onderwijslocatiegebruik] }) items: Onderwijslocatiegebruik[];
  @ApiProperty({ type: PageInfo }) page: PageInfo;
  @ApiProperty({ type: PageLinks }) _links: PageLinks;
}

export class GebruikParams {
  @ApiProperty({ description: 'Onderwijsbestuurcode nnnBnnn.', example: '100B001' }) @Matches(BESTUUR_CODE, { message: 'onderwijsbestuurcode must look like 100B001' }) onderwijsbestuurcode: string;
  @ApiProperty({ description: 'Onderwijslocatiecode nnnXnnn.', example: '100X001' }) @Matches(LOCATIE_CODE, { message: 'onderwijslocatiecode must look like 100X001' }) onderwijslocatiecode: string;
}

export class OnderwijslocatiegebruikenQuery extends GeldigOpQuery {
  @ApiPropertyOptional({ example: '100B001' }) @IsOptional() @Matches(BESTUUR_CODE, { message: 'onderwijsbestuurcode must look like 100B001' }) onderwijsbestuurcode?: string;
  @ApiPropertyOptional({ example: '100X001' }) @IsOptional() @Matches(LOCATIE_CODE, { message: 'onderwijslocatiecode must look like 100X001' }) onderwijslocatiecode?: string;
  @ApiPropertyOptional({ description: 'BRIN6 of a relatie valid on the date.', example: '01AA00' }) @IsOptional() @Matches(BRIN6, { message: 'vestigingscode must be a BRIN6 like 01AA00' }) vestigingscode?: string;
  @ApiPropertyOptional({ description: "The board's own key (eigenSleutel), exact.", example: 'gebouw-01AA00' }) @IsOptional() @IsString() @Length(1, 60) eigenSleutel?: string;
  @SortProperty(['onderwijsbestuurcode', 'onderwijslocatiecode', 'inBedrijfdatum'], '-inBedrijfdatum') sort?: string;
}

export class OpleidingPeriode {
  @DatumProperty('First day of the periode.', '2026-08-01') @IsDatum() begindatum: string;
  @OptionalDatumProperty('Day after the periode (exclusive); absent or null = open.') @IsOptional() @IsDatum() einddatum?: string | null;
  @ApiProperty({ description: 'Eigen naam, 1..225.', example: 'Daltononderwijs Het Kompas' }) @IsString() @Length(1, 225) eigenNaam: string;
  @ApiPropertyOptional({ description: 'Internationale naam, 1..225.', nullable: true, type: String, example: null }) @IsOptional() @IsString() @Length(1, 225) internationaleNaam?: string | null;
  @ApiPropertyOptional({ description: 'Omschrijving, at most 3000.', nullable: true, type: String, example: null }) @IsOptional() @IsString() @Length(1, 3000) omschrijving?: string | null;
  @ApiPropertyOptional({ description: 'Pedagogisch onderwijsconcept (AGORA, DALTON, FREINET, HBGO, INTERNATIONAL_PRIMARY_CURRICULUM, JENAPLAN, MONTESSORI, VRIJESCHOOL), valid on begindatum.', example: 'DALTON', nullable: true, type: String })
  @IsOptional() @IsString() onderwijsconcept?: string | null;
  @ApiPropertyOptional({ description: 'Doorlopende leerlijn: BO/SO SCHAKELKLAS_PO_VO | TIENERSCHOOL; VSO DLR_VMBO_MBO | GLR_VMBO_MBO | PRO_ENTREE.', example: null, nullable: true, type: String }) @IsOptional() @IsString() doorlopendeLeerlijn?: string | null;
  @ApiPropertyOptional({ description: 'Bijzondere inrichting: BO CULTUURPROFIEL_PO | DAMU | PILOT_TPO | TWEETALIG_PRIMAIR_ONDERWIJS_TPO | UNESCO; SO/VSO CULTUURPROFIEL_PO | UNESCO.', example: null, nullable: true, type: String })
  @IsOptional() @IsString() bijzondereInrichting?: string | null;
  @ApiPropertyOptional({ description: 'Samenwerkende onderwijsaanbieders (po-vo or po-po combination school; BO only), 0..99, each in bedrijf on begindatum (N10060), no doubles (K01040).', example: [], type: [String] })
  @IsOptional() @IsArray() @ArrayMaxSize(99) @Matches(AANBIEDER_CODE, { each: true, message: 'samenwerkendeOnderwijsaanbiedercodes must look like 100A001' }) samenwerkendeOnderwijsaanbiedercodes?: string[];
}

export class AfwijkendeOpleidingsduur {
  @ApiProperty({ description: 'Eenheid: J(aar), M(aand), W(eek), D(ag), U(ur).', enum: ['J', 'M', 'W', 'D', 'U'], example: 'J' }) @IsIn(['J', 'M', 'W', 'D', 'U']) eenheid: string;
  @ApiProperty({ type: 'integer', description: 'Omvang, 1..9999.', minimum: 1, maximum: 9999, example: 6 }) @IsInt() @Min(1) @Max(9999) omvang: number;
}

/** Full state of an aangeboden BO/SO/VSO opleiding; the key is the client's UUID. */
export class AangebodenOpleidingRequest {
  @ApiProperty({ description: 'The aanbieder offering it (cannot change later, N09450).', example: '100A002' }) @Matches(AANBIEDER_CODE, { message: 'onderwijsaanbiedercode must look like 100A001' }) onderwijsaanbiedercode: string;
  @ApiPropertyOptional({ description: 'Where; a locatie used by a bestuur of the aanbieder. Absent = not bound to a locatie.', example: '100X002', nullable: true, type: String })
  @IsOptional() @Matches(LOCATIE_CODE, { message: 'onderwijslocatiecode must look like 100X001' }) onderwijslocatiecode?: string | null;
  @ApiProperty({ description: 'BO, SO or VSO (AangebodenBOOpleiding, …).', enum: ['BO', 'SO', 'VSO'], example: 'BO' }) @IsIn(['BO', 'SO', 'VSO']) soort: 'BO' | 'SO' | 'VSO';
  @ApiProperty({ description: 'Opleidingseenheid of OCW (GET /opleidingseenheden); cannot change later.', example: '1001O0001' }) @Matches(OPLEIDINGSEENHEID_CODE, { message: 'opleidingseenheidcode must look like 1001O0001' }) opleidingseenheidcode: string;
  @DatumProperty('Begindatum (inclusive).', '2026-08-01') @IsDatum() begindatum: string;
  @OptionalDatumProperty('Einddatum (exclusive).') @IsOptional() @IsDatum() einddatum?: string | null;
  @OptionalDatumProperty('Eerste instroomdatum.', '2026-08-01') @IsOptional() @IsDatum() eersteInstroomdatum?: string | null;
  @OptionalDatumProperty('Laatste instroomdatum: from eersteInstroomdatum (or begindatum) up to, not including, einddatum (N09100).', '2029-08-01') @IsOptional() @IsDatum() laatsteInstroomdatum?: string | null;
  @ApiPropertyOptional({ type: AfwijkendeOpleidingsduur, nullable: true, description: 'A duration that differs from the opleidingseenheid\'s.' })
  @IsOptional() @ValidateNested() @Type(() => AfwijkendeOpleidingsduur) afwijkendeOpleidingsduur?: AfwijkendeOpleidingsduur | null;
  @ApiProperty({ description: 'BO: exactly one doelgroepBasisonderwijs (BO, SBO, IGBO, …); SO/VSO: 1..10 doelgroepSpeciaalOnderwijs.', example: ['BO'], type: [String] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10) @IsString({ each: true }) doelgroepen: string[];
  @ApiPropertyOptional({ description: "The board's own key, at most 60.", nullable: true, type: String, example: null }) @IsOptional() @IsString() @Length(1, 60) eigenSleutel?: string | null;
  @ApiProperty({ type: [OpleidingPeriode] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(999) @ValidateNested({ each: true }) @Type(() => OpleidingPeriode) periodes: OpleidingPeriode[];
}

export class AangebodenOpleiding extends AangebodenOpleidingRequest {
  @ApiProperty({ description: 'aangebodenOpleidingCode (UUID, chosen by the client).', format: 'uuid', example: '8ff49b6f-7726-4271-ac43-069c43a8c3b7' }) code: string;
  @ApiProperty({ type: OpleidingPeriode, nullable: true, description: 'The periode valid on datumGeldigOp; null when none is (a write answer for an object whose first periode begins later, or a read of an object on a date it has no periode).' }) geldigePeriode: OpleidingPeriode | null;
}

export class AangebodenOpleidingPage {
  @ApiProperty({ type: [AangebodenOpleiding] }) items: AangebodenOpleiding[];
  @ApiProperty({ type: PageInfo }) page: PageInfo;
  @ApiProperty({ type: PageLinks }) _links: PageLinks;
}

export class AangebodenOpleidingCodeParam {
  @ApiProperty({ description: 'aangebodenOpleidingCode (UUID).', format: 'uuid', example: '8ff49b6f-7726-4271-ac43-069c43a8c3b7' }) @IsUUID('all', { message: 'aangebodenOpleidingCode must be a UUID' }) aangebodenOpleidingCode: string;
}

export class AangebodenOpleidingenQuery extends GeldigOpQuery {
  @ApiPropertyOptional({ example: '100A001' }) @IsOptional() @Matches(AANBIEDER_CODE, { message: 'onderwijsaanbiedercode must look like 100A001' }) onderwijsaanbiedercode?: string;
  @ApiPropertyOptional({ example: '100X001' }) @IsOptional() @Matches(LOCATIE_CODE, { message: 'onderwijslocatiecode must look like 100X001' }) onderwijslocatiecode?: string;
  @ApiPropertyOptional({ description: 'Onderwijsconcept on the date (waardenlijst PedagogischConcept; another value is 400).', enum: ONDERWIJSCONCEPTEN, example: 'MONTESSORI' })
  @IsOptional()
  @IsIn(ONDERWIJSCONCEPTEN)
  onderwijsconcept?: string;
  @ApiPropertyOptional({ description: 'Postcode of the locatie (NNNNAA or NNNN).', example: '3581AA' }) @IsOptional() @Matches(POSTCODE_FILTER, { message: 'postcode must be NNNNAA or NNNN' }) postcode?: string;
  @ApiPropertyOptional({ description: "The board's own key (eigenSleutel), exact.", example: 'aanbod-01AA00' }) @IsOptional() @IsString() @Length(1, 60) eigenSleutel?: string;
  @SortProperty(['code', 'onderwijsaanbiedercode', 'begindatum', 'eigenNaam'], 'eigenNaam') sort?: string;
}

export class AanbodQuery extends GeldigOpQuery {
  @SortProperty(['code', 'onderwijsaanbiedercode', 'begindatum', 'eigenNaam'], 'eigenNaam') sort?: string;
}

export class OpleidingseenheidResponse {
  @ApiProperty({ example: '1001O0001' }) code: string;
  @ApiProperty({ enum: ['BO', 'SO', 'VSO'], example: 'BO' }) soort: string;
  @ApiProperty({ example: 'Basisonderwijs' }) naam: string;
  @ApiProperty({ example: 'PO-BAO' }) niveau: string;
  @DatumProperty('Begindatum.', '1985-08-01') begindatum: string;
}
