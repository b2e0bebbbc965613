import { apiProblemsFrom } from '../common/openapi/api-problems.decorator';
import { COMMON_PROBLEM_STATUS } from '../common/problem/common.errors';
import { problemFactory, type ProblemStatusTable } from '../common/problem/problem';

/** Problem codes of the conformance API. */
export const ConformanceCode = {
  gesimuleerdeStoring: 'gesimuleerde_storing',
  alleenBeheer: 'alleen_beheer',
  nietVanJou: 'storing_niet_van_jou',
} as const;

/**
 * The conformance API's problem codes and their one status each. `gesimuleerde_storing` is not in it: a storing
 * answers the status its maker chose (503, 500 or 429) on any operation, which is the point of a storing.
 */
export const CONFORMANCE_PROBLEM_STATUS = {
  alleen_beheer: 403,
  storing_niet_van_jou: 403,
} as const satisfies ProblemStatusTable;

const TABLE = { ...COMMON_PROBLEM_STATUS, ...CONFORMANCE_PROBLEM_STATUS };
export const conformanceProblem = problemFactory(TABLE);
/** Documents an operation's problem responses by code. */
export const ApiConformanceProblems = apiProblemsFrom(TABLE);
