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
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
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

export const Problems = {
  invalidInput: (errors: ProblemDetailItem[], detail?: string) =>
    new ProblemException(
      400,
      ProblemCode.invalidInput,
      detail ?? `The request has ${errors.length} invalid ${errors.length === 1 ? 'value' : 'values'}; see errors.`,
      { errors },
    ),
  badRequest: (detail: string, code: string = ProblemCode.badRequest) => new ProblemException(400, code, detail),
  unauthorized: (detail: string, error = 'invalid_token') =>
    new ProblemException(401, ProblemCode.unauthorized, detail, {}, {
      'WWW-Authenticate': `Bearer realm="rod-simulator", error="${error}", error_description="${detail.replace(/"/g, "'")}"`,
    }),
  forbidden: (detail: string, code: string = ProblemCode.forbidden) => new ProblemException(403, code, detail),
  notFound: (detail: string, code: string = ProblemCode.notFound) => new ProblemException(404, code, detail),
  conflict: (detail: string, code: string = ProblemCode.conflict, extras: Record<string, unknown> = {}) =>
    new ProblemException(409, code, detail, extras),
};
