import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { IsTijdstip, TIJDSTIP_RANGE_TEXT } from '../common/validation/tijdstip';

export const KLOK_MODES = ['FROZEN', 'REAL'] as const;

export class KlokResponse {
  @ApiProperty({ description: 'Code of the sandbox.', example: 'default' })
  sandboxCode: string;

  @ApiProperty({ description: 'FROZEN: time stands still; REAL: time runs, at real speed, plus offsetMs.', enum: KLOK_MODES, example: 'FROZEN' })
  mode: string;

  @ApiProperty({ type: String, description: 'The sandbox\'s current instant (UTC).', format: 'date-time', example: '2026-03-03T10:00:00.000Z' })
  now: string;

  @ApiProperty({ type: String, description: 'The sandbox\'s current date in the Netherlands.', format: 'date', example: '2026-03-03' })
  vandaag: string;

  @ApiProperty({ type: 'integer', description: 'Offset from real time in milliseconds (REAL mode).', example: 0 })
  offsetMs: number;

  @ApiProperty({ description: 'Up to which date scheduled work (teldata reached, deadlines passed) has run; null before the first run.', format: 'date', nullable: true, type: String, example: '2026-03-03' })
  verwerktTot: string | null;
}

export class KlokRequest {
  @ApiProperty({ description: 'FROZEN stops time at `now` (default: where it stands); REAL lets it run from `now` (default: from where it stands). A reset of the sandbox returns it to real time.', enum: KLOK_MODES, example: 'FROZEN' })
  @IsIn(KLOK_MODES)
  mode: (typeof KLOK_MODES)[number];

  @ApiPropertyOptional({ type: String, description: 'The instant to set, any offset (e.g. 2026-02-01T09:00:00+01:00). Later than the current time: everything crossed runs first, as with a verschuiving, and at most three years ahead (400 klok_ongeldige_verschuiving). Accepted: ' + TIJDSTIP_RANGE_TEXT + '.', format: 'date-time', example: '2026-02-01T08:00:00Z' })
  @IsOptional()
  @IsTijdstip()
  now?: string;
}

export class VerschuivingRequest {
  @ApiPropertyOptional({ description: 'Advance by this ISO 8601 duration (e.g. P28D, PT6H, P1M). Give `duur` or `tot`, not both.', example: 'P28D' })
  @IsOptional()
  @IsString()
  @Matches(/^P[0-9YMWDTHS.]+$/, { message: 'duur must be an ISO 8601 duration such as P28D or PT6H' })
  duur?: string;

  @ApiPropertyOptional({ type: String, description: 'Advance to this instant (not before the current time), ' + TIJDSTIP_RANGE_TEXT + '.', format: 'date-time', example: '2026-03-03T00:00:00+01:00' })
  @IsOptional()
  @IsTijdstip()
  tot?: string;
}

export class VerwerktMomentResponse {
  @ApiProperty({ type: String, description: 'Date (sandbox calendar) at whose start the work fell due.', format: 'date', example: '2026-03-03' })
  datum: string;

  @ApiProperty({ description: 'TELDATUM (a teldatum is reached: its statuses are determined) or DEADLINE_VERSTREKEN (the registration deadline passed: voorlopig becomes definitief).', example: 'DEADLINE_VERSTREKEN' })
  soort: string;

  @ApiPropertyOptional({ type: String, description: 'The teldatum concerned.', format: 'date', example: '2026-02-01' })
  teldatum?: string;

  @ApiProperty({ type: 'integer', description: 'Bekostigingsstatussen created or changed.', example: 80 })
  statussen: number;

  @ApiProperty({ type: 'integer', description: 'Events written for the LAS.', example: 80 })
  events: number;
}

export class VerschuivingResponse {
  @ApiProperty({ type: KlokResponse })
  klok: KlokResponse;

  @ApiProperty({ description: 'What ran, in time order.', type: [VerwerktMomentResponse] })
  verwerkt: VerwerktMomentResponse[];
}

export class KlokSandboxParam {
  @ApiProperty({ description: 'Code of the sandbox. Move the clock, reset or delete only a sandbox of your own: the default sandbox is shared.', example: 'ci-run-4711' })
  @IsString()
  @Matches(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, { message: 'sandboxCode must be 1-63 lowercase letters, digits or hyphens' })
  sandboxCode: string;
}
