import { COMMON_PROBLEM_STATUS } from '../../common/problem/common.errors';
import { Foutcodes } from '../rio.errors';
import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { IsOptional, ValidateBy, ValidationOptions } from 'class-validator';
import { IsTijdstip, TIJDSTIP_RANGE_TEXT } from '../../common/validation/tijdstip';
import { PageInfo, PageLinks, PageQuery } from '../../common/pagination/pagination';

/** A real calendar date YYYY-MM-DD (year 0001 or later: there is no year 0). */
export function isDatum(v: unknown): v is string {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v) || v.startsWith('0000')) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

export const IsDatum = (options?: ValidationOptions) =>
  ValidateBy({ name: 'isDatum', validator: { validate: (v) => isDatum(v), defaultMessage: (a) => `${a?.property} must be a date YYYY-MM-DD` } }, options);

export const DatumProperty = (description: string, example = '2024-08-01') => ApiProperty({ description, example, format: 'date', type: String });
export const OptionalDatumProperty = (description: string, example: string | null = null) => ApiPropertyOptional({ description, example, format: 'date', type: String, nullable: true });

/** Query of every read: the date the answer is valid on, and the page. */
export class GeldigOpQuery extends PageQuery {
  @ApiPropertyOptional({ type: String, description: 'Answer as valid on this date (begindatum inclusive, einddatum exclusive). Default: the date of the sandbox clock.', format: 'date', example: '2025-09-01' })
  @IsOptional()
  @IsDatum()
  datumGeldigOp?: string;
}

/** Query of one object: only the date. */
export class DatumGeldigOpQuery {
  @ApiPropertyOptional({ type: String, description: 'Answer as valid on this date (begindatum inclusive, einddatum exclusive); 404 when the object is not valid then. Default: the date of the sandbox clock.', format: 'date', example: '2025-09-01' })
  @IsOptional()
  @IsDatum()
  datumGeldigOp?: string;
}

export class WijzigingenQuery extends PageQuery {
  @ApiProperty({ type: String, description: `Changes at or after this moment (sandbox time; any offset accepted), ${TIJDSTIP_RANGE_TEXT}.`, format: 'date-time', example: '2025-09-01T00:00:00Z' })
  @IsTijdstip()
  sinds: string;
}

export class Wijziging {
  @ApiProperty({ description: 'Code of the object (for onderwijslocatiegebruik: onderwijsbestuurcode/onderwijslocatiecode).', example: '100A001' }) code: string;
  @ApiProperty({ description: 'What happened.', enum: ['TOEGEVOEGD', 'GEWIJZIGD', 'VERWIJDERD'], example: 'GEWIJZIGD' }) soortWijziging: string;
  @ApiProperty({ type: String, description: 'When, in sandbox time (UTC).', format: 'date-time', example: '2025-09-01T08:30:00.000Z' }) tijdstip: string;
}

export class WijzigingPage {
  @ApiProperty({ type: [Wijziging] }) items: Wijziging[];
  @ApiProperty({ type: PageInfo }) page: PageInfo;
  @ApiProperty({ type: PageLinks }) _links: PageLinks;
}

export class Sleutelgegeven {
  @ApiProperty({ example: 'begindatum' }) sleutelnaam: string;
  @ApiProperty({ example: '2024-08-01' }) sleutelwaarde: string;
}

export class Foutmelding {
  @ApiProperty({ example: 'N05060' }) foutcode: string;
  @ApiProperty({ example: 'De periodes sluiten niet op elkaar aan.' }) fouttekst: string;
  @ApiProperty({ type: () => [Sleutelgegeven], description: 'The key values the foutmelding is about.' }) sleutelgegeven: Sleutelgegeven[];
}

/** A RIO problem: the Problem members, and for a rejected write `requestGoedgekeurd: false` with every RIO foutmelding. */
const rioProblemResponse = (description: string, examples: Record<string, { summary: string; value: unknown }>) => ({
  description,
  content: {
    'application/problem+json': {
      schema: {
        allOf: [
          { $ref: '#/components/schemas/Problem' },
          {
            type: 'object',
            properties: {
              requestGoedgekeurd: { type: 'boolean', enum: [false], description: 'Present when RIO judged the request: always false here.' },
              foutmeldingen: { type: 'array', items: { $ref: getSchemaPath(Foutmelding) }, description: 'Every RIO foutmelding at once (present when RIO judged the request).' },
            },
          },
        ],
      },
      examples,
    },
  },
});

/** What an operation's 400 and 403 examples name: its path, its path parameter, a required body field, the periode rule of its body. */
export interface RioAfkeuringVoorbeeld {
  /** The operation's path with example values (`/rio/v1/onderwijsaanbieders/100A001`). */
  instance: string;
  /** A path parameter an invalid value of which is listed. */
  parameter?: { name: string; detail: string };
  /** A required body field (without slash) whose absence is listed. */
  verplicht?: string;
  /** The foutcode of a gap between periodes, when the body has periodes (N05060 for objects, N02040 for locatiegebruik). */
  periodes?: 'N05060' | 'N02040';
  /** False for the administrator's writes (scope beheer acts for every bestuur): no AUT401. */
  aut401?: boolean;
}

/**
 * The 400 and 403 of a RIO write: a schema fault (invalid_input with `errors`) or a write RIO rejects
 * (`requestGoedgekeurd: false` and `foutmeldingen`, with the same problems as `errors`); the examples name
 * the operation's own path, parameter and fields.
 */
export const ApiRioAfkeuring = (v: RioAfkeuringVoorbeeld) => {
  const problem = { type: 'urn:nl:rod-simulator:problem:invalid_input', title: 'Bad Request', status: 400, code: 'invalid_input', instance: v.instance };
  const errors = [
    ...(v.parameter ? [{ parameter: v.parameter.name, code: 'matches', detail: v.parameter.detail }] : []),
    ...(v.verplicht ? [{ pointer: `/${v.verplicht}`, code: 'required', detail: `${v.verplicht} is required.` }] : []),
  ];
  const examples: Record<string, { summary: string; value: unknown }> = {};
  if (v.periodes) {
    const tekst = Foutcodes[v.periodes];
    examples.afgekeurd = {
      summary: 'A write RIO rejects',
      value: {
        ...problem,
        detail: 'RIO heeft het verzoek afgekeurd: 1 foutmelding; see foutmeldingen.',
        errors: [{ pointer: '/periodes/1/begindatum', code: v.periodes, detail: tekst }],
        requestGoedgekeurd: false,
        foutmeldingen: [{ foutcode: v.periodes, fouttekst: tekst, sleutelgegeven: [{ sleutelnaam: 'begindatum', sleutelwaarde: '2025-09-01' }] }],
      },
    };
  }
  if (errors.length) {
    examples.schema = {
      summary: v.verplicht ? 'A body that fails the schema' : 'An invalid path parameter',
      // The parameter is the path's last segment: the example's path carries an invalid value there.
      value: { ...problem, ...(v.parameter ? { instance: v.instance.replace(/[^/]+$/, 'x1') } : {}), detail: `The request has ${errors.length} invalid ${errors.length === 1 ? 'value' : 'values'}; see errors.`, errors },
    };
  }
  return applyDecorators(
    ApiExtraModels(Foutmelding),
    ApiResponse({
      status: COMMON_PROBLEM_STATUS.invalid_input,
      ...rioProblemResponse('Invalid input (every invalid value in `errors`), or a write RIO rejects: `requestGoedgekeurd: false` with every foutmelding at once.', examples),
    }),
    ApiResponse({
      status: COMMON_PROBLEM_STATUS.forbidden,
      ...(v.aut401 === false
        ? { description: 'The token lacks the scope.' }
        : rioProblemResponse('The token lacks the scope, or (AUT401) the client does not act for the bestuur the write touches.', {
        aut401: {
          summary: 'Not authorised for the bestuur',
          value: {
            type: 'urn:nl:rod-simulator:problem:forbidden', title: 'Forbidden', status: 403, code: 'forbidden', instance: v.instance,
            detail: 'The client does not act for onderwijsbestuur 100B002.',
            requestGoedgekeurd: false,
            foutmeldingen: [{ foutcode: 'AUT401', fouttekst: 'U bent niet geautoriseerd voor dit object.', sleutelgegeven: [{ sleutelnaam: 'onderwijsbestuurcode', sleutelwaarde: '100B002' }] }],
          },
        },
      })),
    }),
  );
};

/**
 * `sort` of a list (LOD v2 style): comma-separated field names, each optionally prefixed with `-` for descending;
 * ties are broken by the object's key, so pages are stable.
 */
export const SortProperty = (fields: readonly string[], example: string) => {
  const veld = `-?(${fields.join('|')})`;
  const pattern = new RegExp(`^${veld}(,${veld})*$`);
  return applyDecorators(
    ApiPropertyOptional({
      type: String,
      description: `Order of the items: comma-separated ${fields.map((f) => `\`${f}\``).join(', ')}; \`-\` before a field sorts descending. Ties are broken by the key. Default: the key.`,
      example,
      pattern: pattern.source,
    }),
    IsOptional(),
    ValidateBy({ name: 'isSort', validator: { validate: (v) => typeof v === 'string' && pattern.test(v), defaultMessage: () => `sort must be comma-separated fields of ${fields.join(', ')}, each optionally prefixed with -` } }),
  );
};

/** ORDER BY text for a validated `sort` value; `columns` maps each field to an SQL expression. */
export function orderBy(sort: string | undefined, columns: Record<string, string>, key: string): string {
  if (!sort) return key;
  const parts = sort.split(',').map((s) => (s.startsWith('-') ? `${columns[s.slice(1)]} DESC NULLS LAST` : `${columns[s]} ASC NULLS LAST`));
  return [...parts, key].join(', ');
}
