import { CallHandler, ExecutionContext, Injectable, NestInterceptor, Paramtype } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { FastifyRequest } from 'fastify';
import { catchError, Observable } from 'rxjs';
import { ProblemCode, ProblemDetailItem, ProblemException, Problems } from './problem';
import { ProblemValidationPipe } from './validation.pipe';

const LOCATIONS: Partial<Record<number, Paramtype>> = { [RouteParamtypes.BODY]: 'body', [RouteParamtypes.QUERY]: 'query', [RouteParamtypes.PARAM]: 'param' };

/**
 * Nest validates the path, the query and the body of a request one by one and answers the first
 * that fails. When one fails, this validates all three and answers one 400 listing every problem
 * (a bad path code together with the body's problems). Only on that failure path: a valid request
 * is validated once.
 */
@Injectable()
export class AllProblemsInterceptor implements NestInterceptor {
  private readonly pipe = new ProblemValidationPipe();

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError(async (error: unknown) => {
        if (!(error instanceof ProblemException) || error.code !== ProblemCode.invalidInput || context.getType() !== 'http') throw error;
        const all = await this.collect(context);
        if (all.length <= (error.extras.errors?.length ?? 0)) throw error;
        throw Problems.invalidInput(all);
      }),
    );
  }

  private async collect(context: ExecutionContext): Promise<ProblemDetailItem[]> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), context.getHandler().name) ?? {}) as Record<string, { index: number; data?: unknown }>;
    const types = (Reflect.getMetadata('design:paramtypes', context.getClass().prototype, context.getHandler().name) ?? []) as unknown[];
    const out: ProblemDetailItem[] = [];
    const seen = new Set<string>();
    for (const [key, { index, data }] of Object.entries(args)) {
      const type = LOCATIONS[Number(key.split(':')[0])];
      if (!type || data !== undefined) continue;
      const value = type === 'body' ? request.body : type === 'query' ? request.query : request.params;
      try {
        await this.pipe.transform(value, { type, metatype: types[index] as never, data: undefined });
      } catch (e) {
        if (!(e instanceof ProblemException) || e.code !== ProblemCode.invalidInput) continue;
        for (const item of e.extras.errors ?? []) {
          const id = `${item.pointer ?? ''}|${item.parameter ?? ''}|${item.code}`;
          if (seen.has(id)) continue;
          seen.add(id);
          out.push(item);
        }
      }
    }
    return out;
  }
}
