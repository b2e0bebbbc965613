import { apiProblemsFrom } from '../common/openapi/api-problems.decorator';
import { COMMON_PROBLEM_STATUS } from '../common/problem/common.errors';
import { problemFactory, type ProblemStatusTable } from '../common/problem/problem';

/** Codes of the administration API: problem codes, and codes of items in a 400's `errors`. */
export const BeheerErrors = {
  sandboxExists: 'sandbox_exists',
  sandboxNotFound: 'sandbox_not_found',
  defaultSandbox: 'default_sandbox_protected',
  clientExists: 'client_exists',
  clientNotFound: 'client_not_found',
  scopeNotAllowed: 'scope_not_allowed_for_role',
  ownClient: 'own_client_protected',
} as const;

/** The administration API's problem codes and their one status each. */
export const BEHEER_PROBLEM_STATUS = {
  sandbox_exists: 409,
  sandbox_not_found: 404,
  default_sandbox_protected: 409,
  client_exists: 409,
  client_not_found: 404,
  own_client_protected: 409,
} as const satisfies ProblemStatusTable;

const TABLE = { ...COMMON_PROBLEM_STATUS, ...BEHEER_PROBLEM_STATUS };
export const beheerProblem = problemFactory(TABLE);
/** Documents an operation's problem responses by code. */
export const ApiBeheerProblems = apiProblemsFrom(TABLE);
