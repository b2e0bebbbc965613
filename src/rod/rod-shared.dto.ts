import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, IsUUID, Matches, ValidateBy, ValidateNested, ValidationOptions } from 'class-validator';
import { IsTijdstip } from '../common/validation/tijdstip';
import { isDatum, isOnvolledigeDatum } from './rules/datum';
import { BRIN4_PATTERN, OIN_PATTERN } from './rio-port';
import { ROD_PROBLEM_STATUS } from './rod.errors';

/** A real calendar date YYYY-MM-DD. */
export const IsDatum = (options?: ValidationOptions) =>
  ValidateBy({ name: 'isDatum', validator: { validate: (v) => typeof v === 'string' && isDatum(v), defaultMessage: (a) => `${a?.property} must be a date YYYY-MM-DD` } }, options);

/** A date YYYY-MM-DD where month and day may be 00 when unknown. */
export const IsOnvolledigeDatum = (options?: ValidationOptions) =>
  ValidateBy(
    { name: 'isOnvolledigeDatum', validator: { validate: (v) => typeof v === 'string' && isOnvolledigeDatum(v), defaultMessage: (a) => `${a?.property} must be a date YYYY-MM-DD (00 for an unknown month or day)` } },
    options,
  );

/** Exactly one of burgerservicenummer and onderwijsnummer. */
export const IsPgnKeuze = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isPgnKeuze',
      validator: {
        validate: (v) => !!v && typeof v === 'object' && (v as Record<string, unknown>).burgerservicenummer !== undefined !== ((v as Record<string, unknown>).onderwijsnummer !== undefined),
        defaultMessage: () => 'persoonsgebondenNummer must hold exactly one of burgerservicenummer and onderwijsnummer',
      },
    },
    options,
  );

/** DUO's choice BSN | onderwijsnummer (send exactly one). */
export class PersoonsgebondenNummer {
  @ApiPropertyOptional({ description: 'Burgerservicenummer: 9 digits, 11-proef (an 8-digit BSN gets a leading 0).', example: '111222333', pattern: '^\\d{9}$' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{9}$/, { message: 'burgerservicenummer must be 9 digits' })
  burgerservicenummer?: string;

  @ApiPropertyOptional({ description: 'Onderwijsnummer issued by DUO: 9 digits; one that does not start with 10 or whose weighted sum is not ≡ 5 (mod 11) is foutmelding 211_pgn_elfproef.', example: '100000004', pattern: '^\\d{9}$' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{9}$/, { message: 'onderwijsnummer must be 9 digits' })
  onderwijsnummer?: string;
}

/** The bedrijfsdocument header of every DUO message. */
export class Bedrijfsdocument {
  @ApiProperty({ description: "The message's unique id (UUID). ROD answers a resend with the same id and the same content with the stored answer; the same id with other content is refused (422).", example: '3f0c2b8e-6d1a-4c55-9f43-2b7e8a1d9c10', format: 'uuid' })
  @IsUUID('all', { message: 'identificatiecodeBedrijfsdocument must be a UUID' })
  identificatiecodeBedrijfsdocument: string;

  @ApiProperty({ type: String, description: 'When the LAS created the message (UTC, any offset accepted).', example: '2025-08-19T08:30:00Z', format: 'date-time' })
  @IsTijdstip()
  datumTijdBedrijfsdocument: string;

  @ApiPropertyOptional({ description: "OIN of the sender (the LAS vendor); informative, the token's OIN counts.", example: '00000003111111110000', pattern: '^\\d{20}$' })
  @IsOptional()
  @Matches(OIN_PATTERN, { message: 'verzendendeInstantie must be an OIN of 20 digits' })
  verzendendeInstantie?: string;

  @ApiPropertyOptional({ description: 'Receiver: DUO or an OIN; informative.', example: 'DUO' })
  @IsOptional()
  @IsString()
  @Matches(/^(DUO|\d{20})$/, { message: 'ontvangendeInstantie must be DUO or an OIN of 20 digits' })
  ontvangendeInstantie?: string;
}

/** A foutmelding or melding. */
export class TerugmeldingDto {
  @ApiProperty({ description: "Code in DUO's NNN_snake_case style (rod.md §7.2).", example: '212_geboortedatum_geslacht_wijkt_af' })
  code: string;

  @ApiProperty({ description: 'FOUTMELDING: afgekeurd, nothing stored. MELDING: stored, but check it.', enum: ['FOUTMELDING', 'MELDING'] })
  soort: string;

  @ApiProperty({ description: 'Explanation.', example: 'De geboortedatum wijkt af van de geboortedatum in het persoonsregister.' })
  tekst: string;

  @ApiPropertyOptional({ description: 'JSON Pointer of the field it concerns.', example: '/geboortedatum' })
  veld?: string;
}

/** An afgekeurd answer of one operation, with foutmeldingen that operation gives (code, text and field as its rules write them). */
const afgekeurdVoorbeeld = (instance: string, foutmeldingen: { code: string; tekst: string; veld: string }[]) => ({
  type: 'urn:nl:rod-simulator:problem:afgekeurd',
  title: 'Unprocessable Content',
  status: 422,
  detail: `Afgekeurd: ${foutmeldingen.length} ${foutmeldingen.length === 1 ? 'foutmelding' : 'foutmeldingen'}; nothing was stored. Fix them and send again.`,
  instance,
  code: 'afgekeurd',
  resultaat: 'afgekeurd',
  foutmeldingen: foutmeldingen.map((f) => ({ code: f.code, soort: 'FOUTMELDING', tekst: f.tekst, veld: f.veld })),
  meldingen: [],
  ...(instance.endsWith('/identificaties') ? {} : { identificatiecodeBedrijfsdocument: '3f0c2b8e-6d1a-4c55-9f43-2b7e8a1d9c10' }),
});

/** Per ROD message, the foutmeldingen of its afgekeurd example. */
const AFGEKEURD_FOUTMELDINGEN: Record<string, { code: string; tekst: string; veld: string }[]> = {
  '/rod/v1/inschrijvingen': [
    { code: '230_datum_inschrijving_voor_4e_verjaardag', tekst: 'De leerling is op datumInschrijving nog geen 4 jaar (WPO art. 39 lid 1).', veld: '/datumInschrijving' },
    { code: '233_eerste_periode_niet_op_datum_inschrijving', tekst: 'De eerste periode begint op 2025-08-25, niet op datumInschrijving 2025-08-18.', veld: '/inschrijvingPeriodeBO/0/datumBegin' },
  ],
  '/rod/v1/verwijderingen': [
    { code: '240_inschrijvingvolgnummer_onbekend', tekst: 'Er is geen inschrijving met inschrijvingvolgnummer 1 van deze leerling bij instelling 01AA.', veld: '/inschrijvingvolgnummer' },
  ],
  '/rod/v1/identificaties': [
    { code: '212_geboortedatum_geslacht_wijkt_af', tekst: 'De geboortedatum wijkt af van de geboortedatum in het persoonsregister; controleer de gegevens.', veld: '/geboortedatum' },
  ],
  '/rod/v1/verzuimmeldingen': [
    { code: '280_geen_inschrijving_op_verzuimdatum', tekst: 'De leerling staat niet de hele verzuimperiode (2026-01-12 tot en met 2026-01-16) ingeschreven bij instelling 01AA.', veld: '/datumBegin' },
    { code: '281_verzuim_einde_voor_begin', tekst: 'datumEinde 2026-01-09 ligt voor datumBegin 2026-01-12.', veld: '/datumEinde' },
  ],
  '/rod/v1/adviezen-vo': [
    { code: '271_leerling_niet_in_groep_8', tekst: 'De leerling zit op 2026-01-31 niet in groep 8 van instelling 01AA.', veld: '/advies1/adviesdatum' },
  ],
};

/**
 * The 422 of a ROD message: afgekeurd (`code: "afgekeurd"`, `resultaat`, every foutmelding, any meldingen;
 * nothing stored), or another 422 problem (`bedrijfsdocument_hergebruikt`, `idempotency_key_reused`) without them.
 */
export const ApiAfgekeurd = (description: string, instance = '/rod/v1/inschrijvingen') =>
  applyDecorators(
    ApiExtraModels(TerugmeldingDto),
    ApiResponse({
      status: ROD_PROBLEM_STATUS.afgekeurd,
      description,
      content: {
        'application/problem+json': {
          schema: {
            allOf: [
              { $ref: '#/components/schemas/Problem' },
              {
                type: 'object',
                description: 'With `code: "afgekeurd"`: resultaat, foutmeldingen and meldingen are present.',
                properties: {
                  resultaat: { type: 'string', enum: ['afgekeurd'] },
                  foutmeldingen: { type: 'array', items: { $ref: getSchemaPath(TerugmeldingDto) }, description: 'Every foutmelding at once (soort FOUTMELDING).' },
                  meldingen: { type: 'array', items: { $ref: getSchemaPath(TerugmeldingDto) }, description: 'Meldingen found as well (soort MELDING).' },
                  identificatiecodeBedrijfsdocument: { type: 'string', format: 'uuid', description: 'The bedrijfsdocument answered.' },
                },
              },
            ],
          },
          examples: {
            afgekeurd: { summary: 'Afgekeurd: every foutmelding, nothing stored', value: afgekeurdVoorbeeld(instance, AFGEKEURD_FOUTMELDINGEN[instance] ?? []) },
            idempotencyKeyReused: {
              summary: 'The Idempotency-Key was used before for another request',
              value: { type: 'urn:nl:rod-simulator:problem:idempotency_key_reused', title: 'Unprocessable Content', status: 422, detail: 'This Idempotency-Key was used for a different request.', instance, code: 'idempotency_key_reused' },
            },
          },
        },
      },
    }),
  );

/**
 * The bedrijfsdocument of one kind of message, with its own example id: every message needs an id of its own (the same
 * id with other content is refused), so the examples of the inschrijving and of the messages about it can be sent in turn.
 */
export function voorbeeldBedrijfsdocument(message: new () => BerichtOverLeerling, identificatiecodeBedrijfsdocument: string, datumTijdBedrijfsdocument: string): void {
  ApiProperty({ type: Bedrijfsdocument, example: { identificatiecodeBedrijfsdocument, datumTijdBedrijfsdocument, verzendendeInstantie: '00000003111111110000', ontvangendeInstantie: 'DUO' } })(message.prototype, 'bedrijfsdocument');
}

/** What every message of a LAS about one pupil at one school carries: its bedrijfsdocument, the school and the pupil. */
export class BerichtOverLeerling {
  @ApiProperty({ type: Bedrijfsdocument })
  @ValidateNested()
  @Type(() => Bedrijfsdocument)
  bedrijfsdocument: Bedrijfsdocument;

  @ApiProperty({ description: 'BRIN4 of the school; your OIN needs a machtiging for it.', example: '01AA', pattern: '^\\d{2}[A-Z]{2}$' })
  @Matches(BRIN4_PATTERN, { message: 'instellingscode must be a BRIN4: 2 digits and 2 capitals' })
  instellingscode: string;

  @ApiProperty({ type: PersoonsgebondenNummer, example: { burgerservicenummer: '999990081' }, description: 'Exactly one of burgerservicenummer and onderwijsnummer, as identified.' })
  @IsPgnKeuze()
  @ValidateNested()
  @Type(() => PersoonsgebondenNummer)
  persoonsgebondenNummer: PersoonsgebondenNummer;
}
