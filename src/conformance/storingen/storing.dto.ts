import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsNumber, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateBy, ValidateIf } from 'class-validator';

export class StoringRequest {
  @ApiPropertyOptional({ description: 'Only requests with this method; absent: every method.', enum: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], example: 'POST' })
  @IsOptional()
  @IsIn(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'])
  methode?: string;

  @ApiPropertyOptional({ description: 'Path pattern; `*` stands for any characters. Required for the request kinds; not used for the webhook kinds.', example: '/rod/v1/inschrijvingen', maxLength: 500, pattern: '^/[A-Za-z0-9/_*{}.-]*$' })
  @ValidateIf((o: StoringRequest) => !o.soort?.startsWith('WEBHOOK_') || o.padPatroon !== undefined)
  @IsString()
  @MaxLength(500)
  @Matches(/^\/[A-Za-z0-9/_*{}.-]*$/, { message: 'padPatroon must be a path starting with / (letters, digits, / _ - . and * only)' })
  padPatroon?: string;

  @ApiPropertyOptional({ description: 'Probability (0 < kans ≤ 1) that a matching request meets the storing; absent with elkeNde absent: every request.', minimum: 0, maximum: 1, example: 0.5 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.0001)
  @Max(1)
  kans?: number;

  @ApiPropertyOptional({ description: 'Every n-th matching request meets the storing (instead of kans).', minimum: 1, maximum: 1000, example: 3 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  elkeNde?: number;

  @ApiProperty({
    description:
      'Requests: STATUS answers with `status`; VERTRAGING adds `vertragingMs` and then handles normally; VERBINDING_VERBREKEN drops the connection. ' +
      'Pushes, for the webhook subscriptions the client has now, from now until `tot`: WEBHOOK_UITSTEL holds deliveries back (they go out after `tot`), ' +
      'WEBHOOK_MISLUKT makes every attempt fail (retried with backoff, dead-lettered at the limit: catch up from the feed).',
    enum: ['STATUS', 'VERTRAGING', 'VERBINDING_VERBREKEN', 'WEBHOOK_UITSTEL', 'WEBHOOK_MISLUKT'],
    example: 'STATUS',
  })
  @IsIn(['STATUS', 'VERTRAGING', 'VERBINDING_VERBREKEN', 'WEBHOOK_UITSTEL', 'WEBHOOK_MISLUKT'])
  soort: 'STATUS' | 'VERTRAGING' | 'VERBINDING_VERBREKEN' | 'WEBHOOK_UITSTEL' | 'WEBHOOK_MISLUKT';

  @ApiPropertyOptional({ description: 'With soort STATUS: 503 (with Retry-After), 500 or 429 (with Retry-After).', enum: [503, 500, 429], example: 503 })
  @ValidateIf((o: StoringRequest) => o.soort === 'STATUS' || o.status !== undefined)
  @IsIn([503, 500, 429], { message: 'status must be 503, 500 or 429 (and is required with soort STATUS)' })
  status?: number;

  @ApiPropertyOptional({ description: 'Seconds in the Retry-After header of a 503 or 429 (default 1).', minimum: 0, maximum: 3600, example: 2 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3600)
  retryAfter?: number;

  @ApiPropertyOptional({ description: 'With soort VERTRAGING: milliseconds added before the request is handled.', minimum: 1, maximum: 60000, example: 1500 })
  @ValidateIf((o: StoringRequest) => o.soort === 'VERTRAGING' || o.vertragingMs !== undefined)
  @IsInt({ message: 'vertragingMs must be a whole number (and is required with soort VERTRAGING)' })
  @Min(1)
  @Max(60000)
  vertragingMs?: number;

  @ApiPropertyOptional({
    description: 'NIET_OPSLAAN (default): the request is not handled, nothing is stored. OPSLAAN_DAN_STORING: the request is handled and stored, then answered with the storing — a retry with the same bedrijfsdocument or Idempotency-Key gets the stored answer.',
    enum: ['NIET_OPSLAAN', 'OPSLAAN_DAN_STORING'],
    default: 'NIET_OPSLAAN',
  })
  @IsOptional()
  @IsIn(['NIET_OPSLAAN', 'OPSLAAN_DAN_STORING'])
  schrijven?: 'NIET_OPSLAAN' | 'OPSLAAN_DAN_STORING';

  @ApiPropertyOptional({ description: 'Start of the window on the sandbox clock (inclusive); absent: from now. Not with the webhook kinds (they start now).', format: 'date-time', example: '2026-09-01T08:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @ValidateBy({
    name: 'nietBijWebhook',
    validator: { validate: (_v, a) => !(a?.object as StoringRequest).soort?.startsWith('WEBHOOK_'), defaultMessage: () => 'vanaf cannot be set with the webhook kinds: they start now' },
  })
  vanaf?: string;

  @ApiPropertyOptional({ description: 'End of the window on the sandbox clock (exclusive); absent: until removed. Required with the webhook kinds.', format: 'date-time', example: '2026-09-01T09:00:00Z' })
  @ValidateIf((o: StoringRequest) => o.soort?.startsWith('WEBHOOK_') || o.tot !== undefined)
  @IsISO8601({ strict: true }, { message: 'tot must be an ISO 8601 date-time (and is required with the webhook kinds)' })
  tot?: string;

  @ApiPropertyOptional({ description: "Administrators only: the storing meets every client of the sandbox (default: only the creator's requests).", default: false })
  @IsOptional()
  @IsBoolean()
  alleClients?: boolean;
}

export class StoringResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true, description: 'Only this client; null: every client of the sandbox.', example: 'las-alfa' }) clientId: string | null;
  @ApiProperty({ example: 'las-alfa' }) aangemaaktDoor: string;
  @ApiProperty({ type: String, nullable: true, example: 'POST' }) methode: string | null;
  @ApiProperty({ example: '/rod/v1/inschrijvingen' }) padPatroon: string;
  @ApiProperty({ type: Number, nullable: true, example: null }) kans: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 3 }) elkeNde: number | null;
  @ApiProperty({ enum: ['STATUS', 'VERTRAGING', 'VERBINDING_VERBREKEN', 'WEBHOOK_UITSTEL', 'WEBHOOK_MISLUKT'] }) soort: string;
  @ApiProperty({ type: Number, nullable: true, example: 503 }) status: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 1 }) retryAfter: number | null;
  @ApiProperty({ type: Number, nullable: true, example: null }) vertragingMs: number | null;
  @ApiProperty({ enum: ['NIET_OPSLAAN', 'OPSLAAN_DAN_STORING'] }) schrijven: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null }) vanaf: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null }) tot: string | null;
}

export class StoringList {
  @ApiProperty({ type: [StoringResponse] }) items: StoringResponse[];
}

export class StoringParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  storingId: string;
}
