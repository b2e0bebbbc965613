import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor';
import { AllProblemsInterceptor } from '../problem/all-problems.interceptor';

/**
 * The one global interceptor: every problem of a request at once (AllProblemsInterceptor, outside) around
 * Idempotency-Key handling (IdempotencyInterceptor, inside), in the order they had as two. One rather than two because
 * Nest wraps every interceptor of a route in Observables and an async resource on every request, whether it acts or not.
 */
@Injectable()
export class RequestInterceptor implements NestInterceptor {
  private readonly allProblems = new AllProblemsInterceptor();

  constructor(private readonly idempotency: IdempotencyInterceptor) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return this.allProblems.intercept(context, { handle: () => this.idempotency.intercept(context, next) });
  }
}
