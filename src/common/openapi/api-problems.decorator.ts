import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import { COMMON_PROBLEM_STATUS, type CommonProblemCode } from '../problem/common.errors';
import type { ProblemStatusTable } from '../problem/problem';

const DESCRIPTIONS: Record<number, string> = {
  404: 'No such resource in this sandbox.',
  409: 'The request conflicts with the current state.',
  422: 'The Idempotency-Key was used before for a different request.',
};

/**
 * The decorator that documents an operation's problem responses by the codes it can answer: each
 * status comes from the module's table (`apiProblemsFrom(XX_PROBLEM_STATUS)`), so a controller
 * names codes and never a status. The standard responses (400, 401, 403, …) are added for every operation.
 */
export const apiProblemsFrom =
  <C extends string>(table: ProblemStatusTable<C>) =>
  (...codes: C[]) =>
    applyDecorators(...[...new Set(codes.map((code) => table[code]))].map((status) => ApiResponse({ status, description: DESCRIPTIONS[status] ?? 'Problem.' })));

/** Documents problem responses with the codes every API shares. */
export const ApiCommonProblems = apiProblemsFrom<CommonProblemCode>(COMMON_PROBLEM_STATUS);

/** Documents the Idempotency-Key header of a write. */
export const ApiIdempotent = () =>
  applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Makes the write safe to retry: the first response is stored for 24 hours and replayed for the same key (header Idempotent-Replayed: true). The same key with another body gives 422; while the first is still running, 409. A retry after the first request\'s process died runs at once.',
      schema: { type: 'string', maxLength: 255 },
    }),
    ApiResponse({ status: COMMON_PROBLEM_STATUS.idempotency_request_in_progress, description: 'A request with this Idempotency-Key is still running, or the request conflicts with the current state.' }),
    ApiResponse({ status: COMMON_PROBLEM_STATUS.idempotency_key_reused, description: 'The Idempotency-Key was used before for a different request.' }),
  );
