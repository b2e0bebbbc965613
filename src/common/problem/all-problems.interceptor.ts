import { CallHandler, ExecutionContext, Injectable, NestInterceptor, Paramtype } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { FastifyRequest } from 'fastify';
import { catchError, from, Observable } from 'rxjs';
import { ProblemCode, ProblemDetailItem, ProblemException, Problems } from './problem';
import { ProblemValidationPipe } from './validation.pipe';

const LOCATIONS: Partial<Record<number, Paramtype>> = { [RouteParamtypes.BODY]: 'body', [RouteParamtypes.QUERY]: 'query', [RouteParamtypes.PARAM]: 'param' };

/** Paths of the registers' versioned APIs; health, metrics and the token endpoint are not checked for unknown parameters. */
const API_PAD = /^\/[a-z]+\/v\d+\//;

/**
 * Nest validates the path, the query and the body of a request one by one and answers the first
 * that fails. When one fails, this validates all three and answers one 400 listing every problem
 * (a bad path code together with the body's problems). Only on that failure path: a valid request
 * is validated once.
 *
 * An operation without a query DTO takes no query parameters (or only those it names): Nest would ignore any others, so a
 * misspelt filter would be dropped silently. Those are refused here as the query DTOs refuse them (`unknown_field`),
 * together with every other problem of the request.
 */
@Injectable()
export class AllProblemsInterceptor implements NestInterceptor {
  private readonly pipe = new ProblemValidationPipe();

  /** Per handler: the query parameters it names, or null when a query DTO validates the whole query. */
  private readonly queryNamen = new WeakMap<object, Set<string> | null>();

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const onbekend = this.onbekendeQuery(context);
      if (onbekend.length) return from(this.weiger(context, onbekend));
    }
    return next.handle().pipe(
      catchError(async (error: unknown) => {
        if (!(error instanceof ProblemException) || error.code !== ProblemCode.invalidInput || context.getType() !== 'http') throw error;
        const all = await this.collect(context);
        if (all.length <= (error.extras.errors?.length ?? 0)) throw error;
        throw Problems.invalidInput(all);
      }),
    );
  }

  private onbekendeQuery(context: ExecutionContext): string[] {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const query = request.query as Record<string, unknown> | undefined;
    if (!query || typeof query !== 'object') return [];
    const keys = Object.keys(query);
    if (!keys.length || !API_PAD.test(request.url)) return [];
    const handler = context.getHandler();
    let namen = this.queryNamen.get(handler);
    if (namen === undefined) {
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), handler.name) ?? {}) as Record<string, { data?: unknown }>;
      const query = Object.entries(args).filter(([key]) => Number(key.split(':')[0]) === RouteParamtypes.QUERY);
      namen = query.some(([, { data }]) => data === undefined) ? null : new Set(query.map(([, { data }]) => String(data)));
      this.queryNamen.set(handler, namen);
    }
    return namen ? keys.filter((k) => !namen.has(k)) : [];
  }

  private async weiger(context: ExecutionContext, onbekend: string[]): Promise<never> {
    const items: ProblemDetailItem[] = onbekend.map((k) => ({ parameter: k, code: 'unknown_field', detail: `property ${k} should not exist` }));
    throw Problems.invalidInput([...items, ...(await this.collect(context))]);
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
