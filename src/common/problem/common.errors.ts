import type { ProblemStatusTable } from './problem';

/** The codes every API shares (input, authentication, HTTP mechanics), each with its one status. */
export const COMMON_PROBLEM_STATUS = {
  invalid_input: 400,
  bad_request: 400,
  malformed_body: 400,
  bad_url: 400,
  invalid_idempotency_key: 400,
  unauthorized: 401,
  forbidden: 403,
  insufficient_scope: 403,
  not_found: 404,
  method_not_allowed: 405,
  not_acceptable: 406,
  request_timeout: 408,
  conflict: 409,
  idempotency_request_in_progress: 409,
  gone: 410,
  precondition_failed: 412,
  payload_too_large: 413,
  uri_too_long: 414,
  unsupported_media_type: 415,
  misdirected_request: 421,
  unprocessable_content: 422,
  idempotency_key_reused: 422,
  too_many_requests: 429,
  request_header_fields_too_large: 431,
  internal_error: 500,
  service_unavailable: 503,
  database_unavailable: 503,
} as const satisfies ProblemStatusTable;
export type CommonProblemCode = keyof typeof COMMON_PROBLEM_STATUS;
