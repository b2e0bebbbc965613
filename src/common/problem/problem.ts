import { COMMON_PROBLEM_STATUS } from './common.errors';

/** One problem inside a problem+json body: where it is, what is wrong, and a machine code. */
export interface ProblemDetailItem {
  /** JSON Pointer into the request body (RFC 6901), for body problems. */
  pointer?: string;
  /** Name of the query or path parameter, for parameter problems. */
  parameter?: string;
  /** Name of the header, for header problems. */
  header?: string;
  code: string;
  detail: string;
}

/** The generic codes of the simulator's problem bodies. Register modules add their own. */
export const ProblemCode = {
  invalidInput: 'invalid_input',
  badRequest: 'bad_request',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  insufficientScope: 'insufficient_scope',
  notFound: 'not_found',
  methodNotAllowed: 'method_not_allowed',
  conflict: 'conflict',
  idempotencyKeyReused: 'idempotency_key_reused',
  idempotencyInProgress: 'idempotency_request_in_progress',
  unsupportedMediaType: 'unsupported_media_type',
  payloadTooLarge: 'payload_too_large',
  notAcceptable: 'not_acceptable',
  requestTimeout: 'request_timeout',
  gone: 'gone',
  preconditionFailed: 'precondition_failed',
  uriTooLong: 'uri_too_long',
  misdirectedRequest: 'misdirected_request',
  unprocessableContent: 'unprocessable_content',
  tooManyRequests: 'too_many_requests',
  requestHeaderFieldsTooLarge: 'request_header_fields_too_large',
  internal: 'internal_error',
  unavailable: 'service_unavailable',
  databaseUnavailable: 'database_unavailable',
} as const;

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  421: 'Misdirected Request',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export const problemTitle = (status: number) => TITLES[status] ?? 'Error';
export const problemType = (code: string) => `urn:nl:rod-simulator:problem:${code}`;

/**
 * A domain or HTTP error with everything the problem+json body needs.
 * Services throw these; the global filter writes them.
 */
export class ProblemException extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly extras: Record<string, unknown> & { errors?: ProblemDetailItem[] } = {},
    readonly headers: Record<string, string> = {},
    readonly title: string = problemTitle(status),
  ) {
    super(detail);
    this.name = 'ProblemException';
  }
}

/**
 * A module's table from problem code to HTTP status: one code is one status, chosen in the table and
 * nowhere else. Throw sites name only the code; the documents take the statuses from the same table.
 */
export type ProblemStatusTable<C extends string = string> = Readonly<Record<C, number>>;

/** The problem constructor of one table: the status comes from the table, never from the caller. */
export const problemFactory =
  <C extends string>(table: ProblemStatusTable<C>) =>
  (code: C, detail: string, extras: Record<string, unknown> & { errors?: ProblemDetailItem[] } = {}, headers: Record<string, string> = {}): ProblemException =>
    new ProblemException(table[code], code, detail, extras, headers);

/** A problem with one of the codes every API shares. */
export const commonProblem = problemFactory(COMMON_PROBLEM_STATUS);

export const Problems = {
  invalidInput: (errors: ProblemDetailItem[], detail?: string) =>
    commonProblem(ProblemCode.invalidInput, detail ?? `The request has ${errors.length} invalid ${errors.length === 1 ? 'value' : 'values'}; see errors.`, { errors }),
  unauthorized: (detail: string, error = 'invalid_token') =>
    commonProblem(ProblemCode.unauthorized, detail, {}, {
      'WWW-Authenticate': `Bearer realm="rod-simulator", error="${error}", error_description="${detail.replace(/"/g, "'")}"`,
    }),
};
