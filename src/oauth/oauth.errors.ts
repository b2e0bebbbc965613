import { problemFactory, type ProblemStatusTable } from '../common/problem/problem';

/** The token endpoint's error codes (RFC 6749 §5.2, plus too_many_requests) and their one status each. */
export const OAUTH_PROBLEM_STATUS = {
  invalid_request: 400,
  unsupported_grant_type: 400,
  invalid_grant: 400,
  invalid_scope: 400,
  invalid_target: 400,
  invalid_client: 401,
  too_many_requests: 429,
} as const satisfies ProblemStatusTable;
export type OAuthErrorCode = keyof typeof OAUTH_PROBLEM_STATUS;

const oauthProblem = problemFactory(OAUTH_PROBLEM_STATUS);

/** An OAuth error (RFC 6749 §5.2) written as problem+json with `error` and `error_description` members. */
export const oauthError = (error: OAuthErrorCode, description: string, headers: Record<string, string> = {}) =>
  oauthProblem(error, description, { error, error_description: description }, headers);
