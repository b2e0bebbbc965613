import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEmail, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { DatumProperty, IsDatum, OptionalDatumProperty } from './common.dto';

/** One contactadres (communicatiecontext) of an onderwijsbestuur, onderwijsaanbieder or onderwijsaanbiedergroep (rio.md §3). */
export class Contactadres {
  @ApiProperty({ description: 'Context: AANMELDEN, ALGEMEEN, CENTRAAL_AANMELDEN_MBO or FACTURATIE.', example: 'ALGEMEEN' }) @IsString() @Length(1, 30) context: string;
  @ApiProperty({ type: 'integer', description: 'Subcontextnummer, 1..99; with the context it names the contactadres.', minimum: 1, maximum: 99, example: 1 }) @IsInt() @Min(1) @Max(99) subcontextnummer: number;
  @ApiPropertyOptional({ description: 'Subcontext, 1..80.', example: null, nullable: true, type: String }) @IsOptional() @IsString() @Length(1, 80) subcontext?: string | null;
  @DatumProperty('Begindatum (inclusive), inside the lifetime of the eenheid (N05030).', '2025-08-01') @IsDatum() begindatum: string;
  @OptionalDatumProperty('Einddatum (exclusive).') @IsOptional() @IsDatum() einddatum?: string | null;
  @ApiProperty({ description: 'Types, 1..9 of BEZOEKNL, BEZOEKBTL, POSTNL, POSTBTL, TELEFOON, FAX, EMAIL, WEB, CONTACTPUNT; EMAIL, TELEFOON and WEB need their value (K01010).', example: ['EMAIL', 'WEB'], type: [String] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(9) @IsString({ each: true }) types: string[];
  @ApiPropertyOptional({ description: 'E-mailadres.', example: 'info@01aa.school.example', nullable: true, type: String, format: 'email' }) @IsOptional() @IsEmail() @Length(3, 254) eMailadres?: string | null;
  @ApiPropertyOptional({ description: 'Telefoonnummer, digits with an optional leading +, 10..15.', example: '0301234567', nullable: true, type: String })
  @IsOptional() @Matches(/^\+?[0-9]{10,15}$/, { message: 'telefoonnummer must be 10..15 digits, optionally after +' }) telefoonnummer?: string | null;
  @ApiPropertyOptional({ description: 'Webadres, starting http:// or https://.', example: 'https://01aa.school.example', nullable: true, type: String })
  @IsOptional() @Matches(/^https?:\/\/\S+$/, { message: 'webadres must start with http:// or https://' }) @Length(8, 500) webadres?: string | null;
  @ApiPropertyOptional({ description: 'Contactnaam, 1..80.', example: null, nullable: true, type: String }) @IsOptional() @IsString() @Length(1, 80) contactnaam?: string | null;
}

/** Every contactadres of one eenheid (standlevering: those not re-sent are removed). */
export class ContactadressenRequest {
  @ApiProperty({ type: [Contactadres], description: '0..99 contactadressen.' }) @IsArray() @ArrayMaxSize(99) @ValidateNested({ each: true }) @Type(() => Contactadres) contactadressen: Contactadres[];
}

export class ContactadressenResponse {
  @ApiProperty({ description: 'Code of the onderwijsbestuur, onderwijsaanbieder or onderwijsaanbiedergroep.', example: '100A001' }) code: string;
  @ApiProperty({ type: [Contactadres], description: 'GET: those valid on datumGeldigOp; PUT: all, as stored.' }) contactadressen: Contactadres[];
}
