import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AlsGetal } from '../common/validation/getal';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { CATALOGUS_VERSIE } from './proefgevallen/proefgevallen';
import { PERSONA_VERSIES } from './personas/personas';

export class RunRequest {
  @ApiPropertyOptional({ description: 'Catalogue version of personas and proefgevallen to grade against (pin it in CI).', enum: PERSONA_VERSIES, default: CATALOGUS_VERSIE })
  @IsOptional()
  @IsIn(PERSONA_VERSIES)
  catalogusVersie?: string;
}

export class RunParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  runId: string;
}

export class UitwisselingDto {
  @ApiProperty({ description: 'Journal id.', example: '1042' }) id: string;
  @ApiProperty({ format: 'date-time' }) tijdstip: string;
  @ApiProperty({ example: 'POST' }) methode: string;
  @ApiProperty({ example: '/rod/v1/inschrijvingen' }) pad: string;
  @ApiProperty({ example: 422 }) status: number;
  @ApiProperty({ type: [String], example: ['afgekeurd', '233_eerste_periode_niet_op_datum_inschrijving'] }) codes: string[];
}

export class GevalUitslagDto {
  @ApiProperty({ example: 'PG03' }) nummer: string;
  @ApiProperty({ example: 'Een afgekeurd antwoord verwerken en verbeterd opnieuw aanleveren' }) titel: string;
  @ApiProperty() instructie: string;
  @ApiProperty({ enum: ['GESLAAGD', 'MISLUKT', 'NIET_GEPROBEERD'] }) uitslag: string;
  @ApiProperty({ description: 'Why the case passed, failed, or counts as not attempted.' }) reden: string;
  @ApiProperty({ type: [String], description: 'Journal ids of the exchanges the grading looked at.' }) uitwisselingen: string[];
  @ApiProperty({ type: [UitwisselingDto] }) details: UitwisselingDto[];
}

export class TotalenDto {
  @ApiProperty() geslaagd: number;
  @ApiProperty() mislukt: number;
  @ApiProperty() nietGeprobeerd: number;
  @ApiProperty() totaal: number;
}

export class RunResponse {
  @ApiProperty({ format: 'uuid' }) runId: string;
  @ApiProperty({ example: 'ci-run-1' }) sandbox: string;
  @ApiProperty({ example: 'las-alfa' }) clientId: string;
  @ApiProperty({ example: CATALOGUS_VERSIE }) catalogusVersie: string;
  @ApiProperty({ format: 'date-time' }) gestartOp: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) afgerondOp: string | null;
  @ApiProperty({ enum: ['LOPEND', 'AFGEROND'], description: 'LOPEND: graded live from the journal on every read; AFGEROND: the grading is frozen.' }) status: string;
  @ApiProperty({ type: TotalenDto }) totalen: TotalenDto;
  @ApiProperty({ type: [GevalUitslagDto] }) gevallen: GevalUitslagDto[];
}

export class RunList {
  @ApiProperty({ type: [RunResponse] }) items: RunResponse[];
}

export class ProefgevalDto {
  @ApiProperty({ example: 'PG01' }) nummer: string;
  @ApiProperty() titel: string;
  @ApiProperty() instructie: string;
}

export class ProefgevalList {
  @ApiProperty({ example: CATALOGUS_VERSIE }) catalogusVersie: string;
  @ApiProperty({ type: [ProefgevalDto] }) items: ProefgevalDto[];
}

export class PersonaDto {
  @ApiProperty({ example: 'bekend' }) sleutel: string;
  @ApiProperty({ enum: ['LEERLING', 'SCHOOL'] }) soort: string;
  @ApiProperty({ description: 'What the persona is for.' }) omschrijving: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The data to send (generated, never a real person).' }) gegevens: Record<string, unknown>;
  @ApiProperty({ description: 'The outcome the simulator gives, always the same in every seeded sandbox.' }) verwachting: string;
  @ApiProperty({ example: '2026.1', description: 'Catalogue version that introduced the persona.' }) sinds: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string', format: 'date' },
    description: 'For a persona relative to the seed date: its dates in the caller\'s sandbox (geboortedatum, aansluitdatum or sluitdatum), from the day the sandbox was seeded.',
    example: { geboortedatum: '2022-12-07' },
  })
  inDezeSandbox?: Record<string, string>;
}

export class ChangelogDto {
  @ApiProperty({ example: '2026.1' }) versie: string;
  @ApiProperty({ type: [String] }) wijzigingen: string[];
}

export class PersonaCatalogus {
  @ApiProperty({ example: '2026.2' }) versie: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'The day the caller\'s sandbox was seeded (created or last reset) with `small`; null for another seed.', example: '2026-11-30' })
  seedDatum: string | null;
  @ApiProperty({ type: [PersonaDto] }) items: PersonaDto[];
  @ApiProperty({ type: [ChangelogDto] }) changelog: ChangelogDto[];
}

export class PersonaQuery {
  @ApiPropertyOptional({ description: 'Catalogue version (default: the newest).', enum: PERSONA_VERSIES })
  @IsOptional()
  @IsIn(PERSONA_VERSIES)
  versie?: string;
}

export class JournaalQuery {
  @ApiPropertyOptional({ description: 'From this instant (inclusive).', format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  van?: string;

  @ApiPropertyOptional({ description: 'Before this instant.', format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  tot?: string;

  @ApiPropertyOptional({ description: 'Path, `*` for any characters.', example: '/rod/v1/inschrijvingen*' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @Matches(/^\/[A-Za-z0-9/_*{}.-]*$/, { message: 'pad must be a path starting with /' })
  pad?: string;

  @ApiPropertyOptional({ description: 'Exchanges whose answer carries this problem, foutmelding or melding code.', example: '233_eerste_periode_niet_op_datum_inschrijving' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  code?: string;

  @ApiPropertyOptional({ description: 'Exchanges of this bedrijfsdocument.', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  bedrijfsdocumentId?: string;

  @ApiPropertyOptional({ description: 'Only this client (administrators; a vendor always sees only its own).', example: 'las-alfa' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  clientId?: string;

  @ApiPropertyOptional({ description: 'Most exchanges, newest first.', minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @AlsGetal()
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number = 100;
}

export class JournaalRegelDto {
  @ApiProperty({ example: '1042' }) id: string;
  @ApiProperty({ format: 'date-time' }) tijdstip: string;
  @ApiProperty({ example: 'las-alfa' }) clientId: string;
  @ApiProperty({ example: 'POST' }) methode: string;
  @ApiProperty({ example: '/rod/v1/inschrijvingen' }) pad: string;
  @ApiProperty({ example: 201 }) status: number;
  @ApiProperty({ type: [String] }) codes: string[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) bedrijfsdocumentId: string | null;
  @ApiProperty({ type: String, nullable: true }) idempotencyKey: string | null;
  @ApiProperty({ description: 'The answer was a stored one replayed for an Idempotency-Key.' }) herhaald: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The storing (fault rule) that changed this exchange.' }) storingId: string | null;
  @ApiProperty({ example: 12.5 }) duurMs: number;
  @ApiProperty() correlationId: string;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'Request body (or query of a read), person numbers masked.' }) verzoek: unknown;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'Answer, person numbers masked.' }) antwoord: unknown;
}

export class JournaalList {
  @ApiProperty({ type: [JournaalRegelDto] }) items: JournaalRegelDto[];
}
