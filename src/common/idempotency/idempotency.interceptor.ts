import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { from, Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import type { Principal } from '../auth/principal';
import { ProblemException } from '../problem/problem';
import { toProblem } from '../problem/problem.filter';
import { stableStringify } from './stable-json';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** A request that started but never finished (crash) may be retried after this long. */
const STALE_AFTER_MS = 60_000;
/** Statuses where nothing was executed: the key is released so the client can fix and retry. */
const NOT_STORED = new Set([400, 401, 403, 415]);

interface StoredRow {
  request_hash: string;
  state: 'started' | 'done';
  status_code: number | null;
  response_body: unknown;
  content_type: string | null;
  started_at: Date;
}

/**
 * Idempotency-Key on every write (IETF draft / Stripe semantics): the first
 * response is stored and replayed for every retry with the same key; the same key
 * with another request body is 422; a retry while the first is still running is 409.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private lastPrune = 0;

  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & { principal?: Principal }>();
    const key = request.headers['idempotency-key'];
    if (!WRITE_METHODS.has(request.method) || key === undefined || !request.principal) return next.handle();
    return from(this.run(String(key), request, http.getResponse<FastifyReply>(), next));
  }

  private async run(key: string, request: FastifyRequest & { principal?: Principal }, reply: FastifyReply, next: CallHandler): Promise<unknown> {
    if (key.length < 1 || key.length > 255) {
      throw new ProblemException(400, 'invalid_idempotency_key', 'Idempotency-Key must be 1 to 255 characters.', {
        errors: [{ header: 'Idempotency-Key', code: 'invalid_idempotency_key', detail: 'must be 1 to 255 characters' }],
      });
    }
    const p = request.principal!;
    const path = request.url.split('?')[0];
    const hash = createHash('sha256').update(`${request.method} ${request.url}\n${stableStringify(request.body ?? null)}`).digest('hex');
    this.prune();
    const ids = [p.sandboxId, p.clientId, key];
    const inserted: unknown[] = await this.db.query(
      `INSERT INTO idempotency_key (sandbox_id, client_id, idempotency_key, method, path, request_hash, state, started_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'started', now())
       ON CONFLICT (sandbox_id, client_id, idempotency_key) DO NOTHING RETURNING 1`,
      [...ids, request.method, path, hash],
    );
    if (inserted.length === 0) {
      const [row]: StoredRow[] = await this.db.query(
        `SELECT request_hash, state, status_code, response_body, content_type, started_at
           FROM idempotency_key WHERE sandbox_id = $1 AND client_id = $2 AND idempotency_key = $3`,
        ids,
      );
      if (!row) return this.run(key, request, reply, next); // pruned in between
      if (row.request_hash !== hash) {
        throw new ProblemException(422, 'idempotency_key_reused', 'This Idempotency-Key was used for a different request; use a new key for a new request.');
      }
      if (row.state === 'done') {
        reply.status(row.status_code ?? 200);
        reply.header('Idempotent-Replayed', 'true');
        if (row.content_type) reply.header('Content-Type', row.content_type);
        return row.response_body;
      }
      // TypeORM answers an UPDATE with [rows, affectedCount].
      const [, taken]: [unknown[], number] = await this.db.query(
        `UPDATE idempotency_key SET started_at = now() WHERE sandbox_id = $1 AND client_id = $2 AND idempotency_key = $3
           AND state = 'started' AND started_at < now() - ($4 || ' milliseconds')::interval RETURNING 1`,
        [...ids, String(STALE_AFTER_MS)],
      );
      if (taken === 0) {
        throw new ProblemException(409, 'idempotency_request_in_progress', 'A request with this Idempotency-Key is still being processed; retry later.', {}, { 'Retry-After': '1' });
      }
    }
    try {
      const result = await new Promise<unknown>((resolve, reject) => {
        let value: unknown;
        next.handle().subscribe({ next: (v) => (value = v), error: reject, complete: () => resolve(value) });
      });
      await this.db.query(
        `UPDATE idempotency_key SET state = 'done', status_code = $4, response_body = $5, content_type = 'application/json', completed_at = now()
          WHERE sandbox_id = $1 AND client_id = $2 AND idempotency_key = $3`,
        [...ids, reply.statusCode, JSON.stringify(result ?? null)],
      );
      return result;
    } catch (err) {
      const problem = toProblem(err, path);
      if (NOT_STORED.has(problem.status)) {
        await this.db.query('DELETE FROM idempotency_key WHERE sandbox_id = $1 AND client_id = $2 AND idempotency_key = $3', ids);
      } else {
        await this.db.query(
          `UPDATE idempotency_key SET state = 'done', status_code = $4, response_body = $5, content_type = 'application/problem+json', completed_at = now()
            WHERE sandbox_id = $1 AND client_id = $2 AND idempotency_key = $3`,
          [...ids, problem.status, JSON.stringify(problem.body)],
        );
      }
      throw err;
    }
  }

  private prune() {
    if (Date.now() - this.lastPrune < 60_000) return;
    this.lastPrune = Date.now();
    void this.db
      .query(`DELETE FROM idempotency_key WHERE started_at < now() - ($1 || ' hours')::interval`, [String(this.config.IDEMPOTENCY_RETENTION_HOURS)])
      .catch(() => undefined);
  }
}
