import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AlsGetal } from '../../common/validation/getal';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { PageQuery } from '../../common/pagination/pagination';
import { PageInfo, PageLinks } from '../../common/pagination/pagination';
import { SEED_SCALES, SeedScale } from '../../common/sandbox/sandbox-data.registry';

export const SANDBOX_CODE_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export class CreateSandboxRequest {
  /** Identifier of the sandbox in URLs and token requests: lowercase letters, digits and hyphens. */
  @ApiProperty({ description: 'Identifier of the sandbox in URLs and token requests: lowercase letters, digits and hyphens, at most 63.', example: 'ci-run-4711' })
  @IsString()
  @Matches(SANDBOX_CODE_PATTERN, { message: 'code must be 1-63 lowercase letters, digits or hyphens, not starting or ending with a hyphen' })
  code: string;

  @ApiPropertyOptional({ description: 'Display name.', example: 'CI run 4711' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  naam?: string;

  @ApiPropertyOptional({ description: 'Named seed: `empty` (no data), `small` (the demo data set), `national` (national scale, slow) or `bron-2021` (national RIO, clock on 2021-12-01, the BRON freeze set and generated BRON files staged in a migratie: rehearse freeze → convert → connect → backlog → first push).', enum: SEED_SCALES, default: 'small' })
  @IsOptional()
  @IsIn(SEED_SCALES)
  seed?: SeedScale;

  @ApiPropertyOptional({ description: 'Seed value of the deterministic generators; the same value gives the same data.', type: 'integer', format: 'int32', default: 1, minimum: 0, maximum: 2147483647 })
  @IsOptional()
  @AlsGetal()
  @IsInt()
  @Min(0)
  @Max(2147483647)
  seedValue?: number;

  @ApiPropertyOptional({ description: 'Clients (besides administrators) that may request tokens for this sandbox.', type: [String], example: ['las-alfa'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  clientIds?: string[];
}

export class SandboxClock {
  @ApiProperty({ description: 'REAL (real time, possibly shifted) or FROZEN.', enum: ['REAL', 'FROZEN'] })
  mode: 'REAL' | 'FROZEN';

  @ApiProperty({ type: String, description: "The sandbox's current time (UTC).", format: 'date-time', example: '2026-02-01T09:00:00.000Z' })
  now: string;

  @ApiProperty({ type: String, description: "The sandbox's current date in the Netherlands.", format: 'date', example: '2026-02-01' })
  vandaag: string;

  @ApiProperty({ type: 'integer', description: 'Shift from real time in milliseconds (REAL mode).', example: 0 })
  offsetMs: number;
}

export class SandboxResponse {
  @ApiProperty({ example: 'default' }) code: string;
  @ApiProperty({ example: 'Standaard sandbox' }) naam: string;
  @ApiProperty({ enum: SEED_SCALES, example: 'small' }) seed: string;
  @ApiProperty({ type: 'integer', example: 1 }) seedValue: number;
  @ApiProperty({ description: 'The default sandbox cannot be deleted.' }) isDefault: boolean;
  @ApiProperty({ type: SandboxClock }) klok: SandboxClock;
  @ApiProperty({ description: 'Clients bound to the sandbox (administrators reach every sandbox).', type: [String] }) clientIds: string[];
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) lastResetAt: string | null;
}

export class SandboxPage {
  @ApiProperty({ type: [SandboxResponse] }) items: SandboxResponse[];
  @ApiProperty({ type: PageInfo }) page: PageInfo;
  @ApiProperty({ type: PageLinks }) _links: PageLinks;
}

export class SandboxListQuery extends PageQuery {}

export class SandboxCodeParam {
  @ApiProperty({ description: 'Code of the sandbox. Move the clock, reset or delete only a sandbox of your own: the default sandbox is shared.', example: 'ci-run-4711' })
  @Matches(SANDBOX_CODE_PATTERN, { message: 'sandboxCode must be lowercase letters, digits and hyphens' })
  sandboxCode: string;
}
