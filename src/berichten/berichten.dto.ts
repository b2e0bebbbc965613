import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AlsGetal } from '../common/validation/getal';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  Validate,
  ValidateBy,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { Link, PageInfo, PageLinks, PageQuery } from '../common/pagination/pagination';
import { EVENT_TYPES } from './berichten.errors';

/** A whole number that fits a PostgreSQL bigint. */
@ValidatorConstraint({ name: 'bigintBereik' })
class BigintBereik implements ValidatorConstraintInterface {
  validate(v: unknown) {
    // Anything not a run of digits is reported by the pattern check alone.
    return typeof v !== 'string' || !/^\d{1,19}$/.test(v) || BigInt(v) <= 9223372036854775807n;
  }
}

export class CloudEventResponse {
  @ApiProperty({ description: 'CloudEvents version.', example: '1.0' }) specversion: string;
  @ApiProperty({ description: 'Event id, unique per source; a redelivery or duplicate carries the same id (dedupe on it).', format: 'uuid', example: '0b6f6a5e-6a0e-4d3c-9d53-1b9a8b7e2f10' }) id: string;
  @ApiProperty({ description: 'urn:nld:oin URN of DUO\'s ROD.', example: 'urn:nld:oin:00000001800866472000:systeem:rod-po' }) source: string;
  @ApiProperty({ description: 'Reverse-DNS event type.', enum: EVENT_TYPES, example: 'nl.duo.rod.bekostigingsstatus-gewijzigd' }) type: string;
  @ApiProperty({ type: String, description: 'When it happened, in sandbox time (UTC).', format: 'date-time', example: '2026-03-03T00:00:00.000Z' }) time: string;
  @ApiProperty({ description: 'What it is about (e.g. inschrijving/{id}); never a BSN.', example: 'inschrijving/5f0c7d0e-2c55-4a8e-9d8e-0c1f3a3b6b11' }) subject: string;
  @ApiProperty({ description: 'Media type of data.', example: 'application/json' }) datacontenttype: string;
  @ApiProperty({
    description: 'Extension `sequence`: the feed position of the event in this sandbox (usable as cursor), zero-padded to 19 digits so that it sorts as a string.',
    example: '0000000000000001234',
    pattern: '^[0-9]{19}$',
  })
  sequence: string;
  @ApiProperty({ description: 'The message, by type: Bekostigingsstatus, KennisgevingInUitschrijving or Persoonsgegevens.', type: 'object', additionalProperties: true }) data: Record<string, unknown>;
}

export class FeedQuery {
  @ApiPropertyOptional({
    description:
      "Cursor: return events after this position (volgendeCursor of the previous page, or the `sequence` of the last event processed; 0 = from the start). " +
      'Positions are per sandbox and only grow; a cursor beyond the newest position is refused (cursor_onbekend).',
    example: '0',
    default: '0',
    pattern: '^[0-9]{1,19}$',
  })
  @IsOptional()
  @Matches(/^\d{1,19}$/, { message: 'vanaf must be a cursor: a whole number' })
  @Validate(BigintBereik, { message: 'vanaf must be a cursor: at most 9223372036854775807' })
  vanaf?: string;

  @ApiPropertyOptional({ description: 'Events at most, 1..1000.', type: 'integer', format: 'int32', minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @AlsGetal()
  @IsInt()
  @Min(1)
  @Max(1000)
  limit: number = 100;
}

export class FeedLinks {
  @ApiProperty({ type: Link }) self: Link;
  @ApiProperty({ type: Link, description: 'The next page: follow it until meer is false, then poll it.' }) volgende: Link;
}

export class FeedResponse {
  @ApiProperty({ type: [CloudEventResponse], description: 'Events of the mandated schools, in feed order; order per pupil is the order of the changes.' })
  berichten: CloudEventResponse[];

  @ApiProperty({ description: 'Store it after processing the page; the next request passes it as vanaf. Never skips an event. Zero-padded like sequence.', example: '0000000000000001234' })
  volgendeCursor: string;

  @ApiProperty({ description: 'Whether more events are ready now.', example: false })
  meer: boolean;

  @ApiProperty({ type: FeedLinks }) _links: FeedLinks;
}

/**
 * No user or password in a webhook URL: fetch refuses to send to such a URL, so every delivery would fail and end as a
 * dead letter. A receiver that wants a secret of its own checks the ROD-Signature instead.
 */
const ZonderInloggegevens = () =>
  ValidateBy({
    name: 'webhookUrlMetInloggegevens',
    validator: {
      validate: (v) => {
        try {
          const url = new URL(String(v));
          return !url.username && !url.password;
        } catch {
          return true; // not a URL at all: IsUrl says so
        }
      },
      defaultMessage: () => 'url must not contain a user name or password',
    },
  });

export class AbonnementRequest {
  @ApiProperty({ description: 'HTTPS (or, for local tests, HTTP) URL that receives each event as a POST (application/cloudevents+json); without user name or password (400 webhook_url_met_inloggegevens).', example: 'https://las.example.nl/rod/webhook' })
  @IsString()
  @MaxLength(2000)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'url must be an http(s) URL' })
  @ZonderInloggegevens()
  url: string;

  @ApiPropertyOptional({ description: 'Only these event types, each once; absent = every type.', enum: EVENT_TYPES, isArray: true, uniqueItems: true, example: ['nl.duo.rod.bekostigingsstatus-gewijzigd'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn(EVENT_TYPES, { each: true })
  types?: string[];
}

export class AbonnementResponse {
  @ApiProperty({ format: 'uuid', example: '8c0d5a4e-1f1a-4a43-9c3e-7d2f1e0b9a77' }) abonnementId: string;
  @ApiProperty({ example: 'https://las.example.nl/rod/webhook' }) url: string;
  @ApiProperty({ description: 'Event types; null = every type.', type: [String], nullable: true, example: null }) types: string[] | null;
  @ApiProperty({ description: 'Client that owns the subscription.', example: 'las-alfa' }) clientId: string;
  @ApiProperty({ type: String, format: 'date-time', example: '2026-01-15T08:30:00.000Z' }) aangemaaktOp: string;
  @ApiPropertyOptional({ description: 'The signing secret — only in the answer to the POST; store it, it is never shown again.', example: 'whsec_3q2+7w…' }) geheim?: string;
  @ApiProperty({ description: 'Links: afleveringen (the delivery log).', type: 'object', additionalProperties: true }) _links: Record<string, Link>;
}

export class AbonnementPage {
  @ApiProperty({ type: [AbonnementResponse] }) items: AbonnementResponse[];
  @ApiProperty({ type: PageInfo }) page: PageInfo;
  @ApiProperty({ type: PageLinks }) _links: PageLinks;
}

export class PogingResponse {
  @ApiProperty({ type: 'integer', description: 'Attempt number over all rounds.', example: 1 }) nummer: number;
  @ApiProperty({ type: String, format: 'date-time', example: '2026-01-15T08:30:00.000Z' }) gestartOp: string;
  @ApiProperty({ type: 'integer', example: 42 }) duurMs: number;
  @ApiProperty({ description: 'HTTP status of the receiver; null when there was none (timeout, refused).', nullable: true, type: 'integer', example: 500 }) statusCode: number | null;
  @ApiProperty({ nullable: true, type: String, example: 'HTTP 500' }) fout: string | null;
}

export class AfleveringResponse {
  @ApiProperty({ example: '17' }) afleveringId: string;
  @ApiProperty({ format: 'uuid', example: '0b6f6a5e-6a0e-4d3c-9d53-1b9a8b7e2f10' }) eventId: string;
  @ApiProperty({ example: 'nl.duo.rod.bekostigingsstatus-gewijzigd' }) type: string;
  @ApiProperty({ example: 'inschrijving/5f0c7d0e-2c55-4a8e-9d8e-0c1f3a3b6b11' }) subject: string;
  @ApiProperty({ description: 'Feed position of the event (its CloudEvents sequence).', example: '0000000000000001234' }) sequence: string;
  @ApiProperty({ description: 'WACHTEND (to be delivered or retried), GELEVERD, or DEAD_LETTER (attempts used up; redeliver by hand).', enum: ['WACHTEND', 'GELEVERD', 'DEAD_LETTER'], example: 'GELEVERD' }) status: string;
  @ApiProperty({ type: 'integer', description: 'Attempts in the current round.', example: 1 }) pogingen: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Next attempt (status WACHTEND).', example: null }) volgendePogingOp: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, example: '2026-01-15T08:30:00.000Z' }) geleverdOp: string | null;
  @ApiProperty({ type: [PogingResponse], description: 'Every attempt, newest first (at most 20).' }) pogingLog: PogingResponse[];
}

export class AfleveringPage {
  @ApiProperty({ type: [AfleveringResponse] }) items: AfleveringResponse[];
  @ApiProperty({ type: PageInfo }) page: PageInfo;
  @ApiProperty({ type: PageLinks }) _links: PageLinks;
}

export class AfleveringQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only deliveries with this status.', enum: ['WACHTEND', 'GELEVERD', 'DEAD_LETTER'] })
  @IsOptional()
  @IsIn(['WACHTEND', 'GELEVERD', 'DEAD_LETTER'])
  status?: string;
}

export class AbonnementParam {
  @ApiProperty({ format: 'uuid', description: 'The abonnementId POST /webhook-abonnementen answered.' })
  @IsUUID()
  abonnementId: string;
}

export class AfleveringParam extends AbonnementParam {
  @ApiProperty({ description: 'The afleveringId of a delivery, as GET …/afleveringen lists it.' })
  @Matches(/^\d{1,18}$/, { message: 'afleveringId must be a whole number' })
  afleveringId: string;
}
