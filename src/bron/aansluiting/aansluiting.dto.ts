import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsInt, IsISO8601, IsOptional, Matches, Max, Min } from 'class-validator';
import { BRIN4 } from '../../rio';

export class BevriezingRequest {
  /** From this instant ROD refuses inschrijvingen (register_bevroren). Default 2021-12-06 18:00 Europe/Amsterdam. */
  @ApiPropertyOptional({ description: 'From this instant ROD refuses inschrijvingen (register_bevroren). Default 2021-12-06T18:00:00+01:00.', format: 'date-time', example: '2021-12-06T18:00:00+01:00' })
  @IsOptional()
  @IsISO8601({ strict: true })
  bevrorenVanaf?: string;

  /** Until this instant (exclusive); after it a school may exchange from its aansluitdatum. Default 2022-01-03 00:00 Europe/Amsterdam. */
  @ApiPropertyOptional({ description: 'Until this instant (exclusive); after it a school may exchange from its aansluitdatum on (school_niet_aangesloten before). Default 2022-01-03T00:00:00+01:00.', format: 'date-time', example: '2022-01-03T00:00:00+01:00' })
  @IsOptional()
  @IsISO8601({ strict: true })
  bevrorenTot?: string;
}

export class BevriezingResponse {
  @ApiProperty({ format: 'date-time' }) bevrorenVanaf: string;
  @ApiProperty({ format: 'date-time' }) bevrorenTot: string;
  /** BEVROREN, OPEN (before the freeze) or AANSLUITING (after it: per school from its aansluitdatum), on the sandbox clock now. */
  @ApiProperty({ enum: ['OPEN', 'BEVROREN', 'AANSLUITING'], description: 'The phase on the sandbox clock now: OPEN (before the freeze), BEVROREN, AANSLUITING (after it: per school from its aansluitdatum).' }) fase: string;
}

export class InstellingParam {
  /** BRIN4 of the school. */
  @ApiProperty({ description: 'BRIN4 of the school.', example: '01AA' })
  @Matches(BRIN4)
  instellingscode: string;
}

export class AansluitingRequest {
  /** The date (Europe/Amsterdam) from whose start the school exchanges with ROD. */
  @ApiProperty({ description: 'The date (Europe/Amsterdam) from whose start the school exchanges with ROD.', example: '2022-01-17', format: 'date' })
  @IsDateString({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  aansluitdatum: string;
}

export class AansluitingResponse {
  @ApiProperty({ example: '01AA' }) instellingscode: string;
  @ApiProperty({ format: 'date' }) aansluitdatum: string;
  /** When the sandbox clock reached the aansluitdatum (the initial bekostigingsstatus push went out then); null before. */
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When the sandbox clock reached the aansluitdatum (the initial bekostigingsstatus push went out then); null before.' })
  aangeslotenOp: string | null;
  /** Bekostigingsstatus events of the initial push. */
  @ApiProperty({ nullable: true, type: Number, description: 'Bekostigingsstatus events of the initial push.' }) eersteLeveringEvents: number | null;
}

export class AansluitingList {
  @ApiProperty({ type: [AansluitingResponse] }) aansluitingen: AansluitingResponse[];
}

export class FaseringRequest {
  /** First aansluitdatum. Default 2022-01-03. */
  @ApiPropertyOptional({ description: 'First aansluitdatum. Default 2022-01-03.', format: 'date', example: '2022-01-03' })
  @IsOptional()
  @IsDateString({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  vanaf?: string;

  /** Number of phases. Default 4. */
  @ApiPropertyOptional({ description: 'Number of phases. Default 4.', minimum: 1, maximum: 20, default: 4 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20)
  fasen?: number;

  /** Days between phases. Default 14 (four phases: January–February 2022). */
  @ApiPropertyOptional({ description: 'Days between phases. Default 14 (four phases cover January–February 2022).', minimum: 1, maximum: 60, default: 14 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  dagenTussen?: number;
}
