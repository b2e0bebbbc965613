import { BEHEER_PROBLEM_STATUS } from '../beheer';
import { apiProblemsFrom } from '../common/openapi/api-problems.decorator';
import { COMMON_PROBLEM_STATUS } from '../common/problem/common.errors';
import { problemFactory, type ProblemStatusTable } from '../common/problem/problem';

/** Codes of the clock API: problem codes, and the code of an item in a 400's `errors`. */
export const KlokErrors = {
  andereSandbox: 'klok_andere_sandbox',
  gedeeldeSandbox: 'klok_gedeelde_sandbox',
  ongeldigeVerschuiving: 'klok_ongeldige_verschuiving',
} as const;

/** The clock API's problem codes and their one status each. */
export const KLOK_PROBLEM_STATUS = {
  klok_andere_sandbox: 403,
  klok_gedeelde_sandbox: 403,
} as const satisfies ProblemStatusTable;

/** The clock of a sandbox that does not exist: beheer's code. */
const TABLE = { ...COMMON_PROBLEM_STATUS, sandbox_not_found: BEHEER_PROBLEM_STATUS.sandbox_not_found, ...KLOK_PROBLEM_STATUS };
export const klokProblem = problemFactory(TABLE);
/** Documents an operation's problem responses by code. */
export const ApiKlokProblems = apiProblemsFrom(TABLE);
