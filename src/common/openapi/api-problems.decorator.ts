import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';

const DESCRIPTIONS: Record<number, string> = {
  404: 'No such resource in this sandbox.',
  409: 'The request conflicts with the current state.',
  422: 'The Idempotency-Key was used before for a different request.',
};

/** Documents extra problem responses of an operation (the standard ones are added for every operation). */
export const ApiProblems = (...statuses: number[]) =>
  applyDecorators(...statuses.map((status) => ApiResponse({ status, description: DESCRIPTIONS[status] ?? 'Problem.' })));

/** Documents the Idempotency-Key header of a write. */
export const ApiIdempotent = () =>
  applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Makes the write safe to retry: the first response is stored for 24 hours and replayed for the same key (header Idempotent-Replayed: true). The same key with another body gives 422; while the first is still running, 409. A retry after the first request\'s process died runs at once.',
      schema: { type: 'string', maxLength: 255 },
    }),
    ApiResponse({ status: 409, description: 'A request with this Idempotency-Key is still running, or the request conflicts with the current state.' }),
    ApiResponse({ status: 422, description: 'The Idempotency-Key was used before for a different request.' }),
  );
