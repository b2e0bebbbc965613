import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches, ValidateBy, ValidationOptions } from 'class-validator';
import { PageInfo, PageLinks, PageQuery } from '../../common/pagination/pagination';

/** A real calendar date YYYY-MM-DD. */
export function isDatum(v: unknown): v is string {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

export const IsDatum = (options?: ValidationOptions) =>
  ValidateBy({ name: 'isDatum', validator: { validate: (v) => isDatum(v), defaultMessage: (a) => `${a?.property} must be a date YYYY-MM-DD` } }, options);

export const DatumProperty = (description: string, example = '2024-08-01') => ApiProperty({ description, example, format: 'date', type: String });
export const OptionalDatumProperty = (description: string, example = '2030-08-01') => ApiPropertyOptional({ description, example, format: 'date', type: String, nullable: true });

/** Query of every read: the date the answer is valid on, and the page. */
export class GeldigOpQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Answer as valid on this date (begindatum inclusive, einddatum exclusive). Default: the date of the sandbox clock.', format: 'date', example: '2025-09-01' })
  @IsOptional()
  @IsDatum()
  datumGeldigOp?: string;
}

/** Query of one object: only the date. */
export class DatumGeldigOpQuery {
  @ApiPropertyOptional({ description: 'Answer as valid on this date (begindatum inclusive, einddatum exclusive); 404 when the object is not valid then. Default: the date of the sandbox clock.', format: 'date', example: '2025-09-01' })
  @IsOptional()
  @IsDatum()
  datumGeldigOp?: string;
}

export class WijzigingenQuery extends PageQuery {
  @ApiProperty({ description: 'Changes at or after this moment (sandbox time; any offset accepted).', format: 'date-time', example: '2025-09-01T00:00:00Z' })
  @IsISO8601({ strict: true }, { message: 'sinds must be an ISO 8601 date-time' })
  @Matches(/T/, { message: 'sinds must hold a time' })
  sinds: string;
}

export class Wijziging {
  @ApiProperty({ description: 'Code of the object (for onderwijslocatiegebruik: onderwijsbestuurcode/onderwijslocatiecode).', example: '100A001' }) code: string;
  @ApiProperty({ description: 'What happened.', enum: ['TOEGEVOEGD', 'GEWIJZIGD', 'VERWIJDERD'], example: 'GEWIJZIGD' }) soortWijziging: string;
  @ApiProperty({ description: 'When, in sandbox time (UTC).', format: 'date-time', example: '2025-09-01T08:30:00.000Z' }) tijdstip: string;
}

export class WijzigingPage {
  @ApiProperty({ type: [Wijziging] }) items: Wijziging[];
  @ApiProperty({ type: PageInfo }) page: PageInfo;
  @ApiProperty({ type: PageLinks }) _links: PageLinks;
}

export class Foutmelding {
  @ApiProperty({ example: 'N05060' }) foutcode: string;
  @ApiProperty({ example: 'De periodes sluiten niet op elkaar aan.' }) fouttekst: string;
  @ApiProperty({ example: [{ sleutelnaam: 'begindatum', sleutelwaarde: '2024-08-01' }] }) sleutelgegeven: { sleutelnaam: string; sleutelwaarde: string }[];
}
