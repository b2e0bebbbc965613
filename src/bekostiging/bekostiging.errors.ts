import { BEHEER_PROBLEM_STATUS } from '../beheer';
import { apiProblemsFrom } from '../common/openapi/api-problems.decorator';
import { COMMON_PROBLEM_STATUS } from '../common/problem/common.errors';
import { ROD_PROBLEM_STATUS } from '../rod';

/**
 * The problem codes the bekostiging API answers: it has none of its own; a read without a machtiging is ROD's
 * 221, a recompute of a sandbox that does not exist is beheer's.
 */
const TABLE = {
  ...COMMON_PROBLEM_STATUS,
  '221_geen_machtiging': ROD_PROBLEM_STATUS['221_geen_machtiging'],
  sandbox_not_found: BEHEER_PROBLEM_STATUS.sandbox_not_found,
};
/** Documents an operation's problem responses by code. */
export const ApiBekostigingProblems = apiProblemsFrom(TABLE);
