import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsNotEmpty, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { IsOnvolledigeDatum, IsPgnKeuze, PersoonsgebondenNummer, TerugmeldingDto } from '../rod-shared.dto';

export class BinnenlandsAdres {
  @ApiProperty({ example: 'Schoolstraat' }) @IsString() @Length(1, 200) straatnaam: string;
  @ApiProperty({ type: 'integer', example: 12, minimum: 1, maximum: 99999 }) @IsInt() @Min(1) @Max(99999) huisnummer: number;
  @ApiPropertyOptional({ example: 'A' }) @IsOptional() @IsString() @Length(1, 6) huisnummertoevoeging?: string;
  @ApiProperty({ example: '9711AB', pattern: '^[1-9][0-9]{3}[A-Z]{2}$' })
  @Matches(/^[1-9][0-9]{3}[A-Z]{2}$/, { message: 'postcode must be 4 digits and 2 capitals, e.g. 9711AB' })
  postcode: string;
  @ApiProperty({ example: 'Groningen' }) @IsString() @Length(1, 100) plaatsnaam: string;
}

export class BuitenlandsAdres {
  @ApiPropertyOptional({ description: 'Address lines as used abroad; identification without PGN matches on them (case and spacing ignored) as well as on the landcode.', type: [String], example: ['Hauptstraße 1', '48143 Münster'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(6)
  @IsString({ each: true })
  adresregels?: string[];

  @ApiProperty({ description: 'Woonland, BRP country table (9089 Duitsland, 5010 België).', example: '9089', pattern: '^\\d{4}$' })
  @Matches(/^\d{4}$/, { message: 'landcode must be 4 digits (BRP country table)' })
  landcode: string;
}

/** Exactly one of binnenlandsAdres and buitenlandsAdres. */
export class Adres {
  @ApiPropertyOptional({ type: BinnenlandsAdres }) @IsOptional() @ValidateNested() @Type(() => BinnenlandsAdres) binnenlandsAdres?: BinnenlandsAdres;
  @ApiPropertyOptional({ type: BuitenlandsAdres }) @IsOptional() @ValidateNested() @Type(() => BuitenlandsAdres) buitenlandsAdres?: BuitenlandsAdres;
}

/** Identificeren persoon: a PGN with geboortedatum and geslacht, or naam + geboortedatum + geslacht + adres. */
export class IdentificatieRequest {
  @ApiPropertyOptional({ type: PersoonsgebondenNummer, example: { burgerservicenummer: '999990019' }, description: 'BSN or onderwijsnummer to verify. Without it, send achternaam and adres: ROD answers the BSN of the matching person, or an onderwijsnummer.' })
  @IsOptional()
  @IsPgnKeuze()
  @ValidateNested()
  @Type(() => PersoonsgebondenNummer)
  persoonsgebondenNummer?: PersoonsgebondenNummer;

  @ApiProperty({ type: String, description: 'Geboortedatum; 00 for an unknown month or day (onvolledige datum), e.g. 2016-00-00.', pattern: '^\\d{4}-(0[0-9]|1[0-2])-([0-2][0-9]|3[01])$', example: '2018-03-15' })
  @IsOnvolledigeDatum()
  geboortedatum: string;

  @ApiProperty({ description: 'M, V or O (vastgesteld onbekend); another value gives foutmelding 046_waardenlijst_fout.', example: 'V' })
  @IsString()
  @IsNotEmpty()
  geslacht: string;

  @ApiPropertyOptional({ description: 'Required without a PGN.', example: 'Vries' }) @IsOptional() @IsString() @Length(1, 200) achternaam?: string;
  @ApiPropertyOptional({ example: 'de' }) @IsOptional() @IsString() @Length(1, 20) voorvoegsels?: string;
  @ApiPropertyOptional({ description: 'Required without a PGN and part of the match (twins differ by it); no first name: `.`', example: 'Eva' }) @IsOptional() @IsString() @Length(1, 200) voornamen?: string;

  @ApiPropertyOptional({ type: Adres, description: 'Required without a PGN.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => Adres)
  adres?: Adres;
}

export class PgnAntwoord {
  @ApiPropertyOptional({ example: '999990019' }) burgerservicenummer?: string;
  @ApiPropertyOptional({ example: '100000028' }) onderwijsnummer?: string;
}

export class IdentificatieResponse {
  @ApiProperty({ enum: ['goedgekeurd', 'goedgekeurd met meldingen'], example: 'goedgekeurd' }) resultaat: string;
  @ApiProperty({ type: PgnAntwoord, description: 'The BSN when the register knows the person; otherwise the (once issued, always the same) onderwijsnummer.' })
  persoonsgebondenNummer: PgnAntwoord;
  @ApiProperty({ description: 'True when ROD issued a new onderwijsnummer for this request.' }) onderwijsnummerUitgegeven: boolean;
  @ApiProperty({ type: [TerugmeldingDto] }) meldingen: TerugmeldingDto[];
  @ApiProperty({ type: [TerugmeldingDto], description: 'Always empty in a 200 answer; an afgekeurd identificatie is a 422 problem.' }) foutmeldingen: TerugmeldingDto[];
}

/** Beheer: add a person to the simulated persoonsregister (BRP stand-in). */
export class NieuwPersoonRequest {
  @ApiPropertyOptional({ description: 'A valid, unused BSN; generated when absent.', example: '999990901', pattern: '^\\d{9}$' })
  @IsOptional()
  @Matches(/^\d{9}$/, { message: 'burgerservicenummer must be 9 digits' })
  burgerservicenummer?: string;

  @ApiProperty({ type: String, description: 'Geboortedatum; 00 for an unknown month or day (onvolledige datum), e.g. 2016-00-00.', pattern: '^\\d{4}-(0[0-9]|1[0-2])-([0-2][0-9]|3[01])$', example: '2019-05-20' })
  @IsOnvolledigeDatum()
  geboortedatum: string;

  @ApiPropertyOptional({ enum: ['M', 'V', 'O'], default: 'O' }) @IsOptional() @Matches(/^[MVO]$/, { message: 'geslacht must be M, V or O' }) geslacht?: string;
  @ApiPropertyOptional({ example: 'Jansen' }) @IsOptional() @IsString() @Length(1, 200) achternaam?: string;
  @ApiPropertyOptional({ example: 'Daan' }) @IsOptional() @IsString() @Length(1, 200) voornamen?: string;
  @ApiPropertyOptional({ type: Adres }) @IsOptional() @ValidateNested() @Type(() => Adres) adres?: Adres;
}

export class PersoonResponse {
  @ApiProperty({ format: 'uuid' }) persoonId: string;
  @ApiPropertyOptional({ type: String, example: '999990019', nullable: true }) burgerservicenummer: string | null;
  @ApiPropertyOptional({ type: String, example: '100000016', nullable: true }) onderwijsnummer: string | null;
  @ApiProperty({ type: String, description: 'Geboortedatum; 00 for an unknown month or day (onvolledige datum).', pattern: '^\\d{4}-(0[0-9]|1[0-2])-([0-2][0-9]|3[01])$', example: '2019-05-20' }) geboortedatum: string;
  @ApiProperty({ example: 'M' }) geslacht: string;
  @ApiProperty({ example: 'Jansen' }) achternaam: string;
  @ApiProperty({ example: '6030' }) landcode: string;
}

/** Beheer: the BRP registers a person who was known by onderwijsnummer; ROD links the BSN. */
export class BsnToekenningRequest {
  @ApiProperty({ example: '100000028', pattern: '^\\d{9}$' })
  @Matches(/^\d{9}$/, { message: 'onderwijsnummer must be 9 digits' })
  onderwijsnummer: string;

  @ApiPropertyOptional({ description: 'A valid, unused BSN; generated when absent.', example: '999990998', pattern: '^\\d{9}$' })
  @IsOptional()
  @Matches(/^\d{9}$/, { message: 'burgerservicenummer must be 9 digits' })
  burgerservicenummer?: string;
}
