import { CallHandler, ExecutionContext, Inject, Injectable, Logger, NestInterceptor, OnApplicationShutdown } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { from, Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import type { Principal } from '../auth/principal';
import { commonProblem } from '../problem/problem';
import { toProblem } from '../problem/problem.filter';
import { ClaimLocks } from './claim-locks';
import { stableStringify } from './stable-json';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/**
 * Statuses where nothing was executed: the key is released so the client can fix and retry. 503: the database went
 * away mid-request; the retry must run the request, not replay the outage.
 */
const NOT_STORED = new Set([400, 401, 403, 415, 503]);

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
 *
 * "Still running" is a fact, not a guess: the request holding a claim holds its lock (ClaimLocks) on a database session
 * of its process. A claim left `started` by a request that died (its process killed, crashed) has no lock holder, so
 * the retry takes the claim over at once and runs the request; no timeout to wait out.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor, OnApplicationShutdown {
  private readonly logger = new Logger('Idempotency');
  private lastPrune = 0;
  private readonly locks: ClaimLocks;
  /** Claims this instance's requests hold now (a session lock is re-entrant within its own session). */
  private readonly inFlight = new Set<string>();

  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.locks = new ClaimLocks(config.DATABASE_URL!);
  }

  async onApplicationShutdown() {
    await this.locks.close();
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & { principal?: Principal }>();
    const key = request.headers['idempotency-key'];
    if (!WRITE_METHODS.has(request.method) || key === undefined || !request.principal) return next.handle();
    return from(this.run(String(key), request, http.getResponse<FastifyReply>(), next));
  }

  private async run(key: string, request: FastifyRequest & { principal?: Principal }, reply: FastifyReply, next: CallHandler): Promise<unknown> {
    if (key.length < 1 || key.length > 255) {
      throw commonProblem('invalid_idempotency_key', 'Idempotency-Key must be 1 to 255 characters.', {
        errors: [{ header: 'Idempotency-Key', code: 'invalid_idempotency_key', detail: 'must be 1 to 255 characters' }],
      });
    }
    const p = request.principal!;
    const path = request.url.split('?')[0];
    const hash = createHash('sha256').update(`${request.method} ${request.url}\n${stableStringify(request.body ?? null)}`).digest('hex');
    this.prune();
    const ids = [p.sandboxId, p.clientId, key];
    const lockKey = JSON.stringify(ids);
    if (this.inFlight.has(lockKey)) throw inProgress();
    this.inFlight.add(lockKey);
    let locked = false;
    try {
      locked = await this.locks.tryLock(lockKey);
      const replay = (row: StoredRow) => {
        reply.status(row.status_code ?? 200);
        reply.header('Idempotent-Replayed', 'true');
        if (row.content_type) reply.header('Content-Type', row.content_type);
        return row.response_body;
      };
      const stored = async (): Promise<StoredRow | undefined> =>
        (
          (await this.db.query(
            `SELECT request_hash, state, status_code, response_body, content_type, started_at
               FROM idempotency_key WHERE sandbox_id = $1 AND client_id = $2 AND idempotency_key = $3`,
            ids,
          )) as StoredRow[]
        )[0];
      if (!locked) {
        // A live request holds the claim (on this or another instance), or has just finished with it.
        const row = await stored();
        if (row && row.request_hash !== hash) throw keyReused();
        if (row?.state === 'done') return replay(row);
        throw inProgress();
      }
      for (;;) {
        if (await this.claim(ids, request.method, path, hash)) break;
        const row = await stored();
        if (!row) continue; // pruned in between: claim anew
        if (row.request_hash !== hash) throw keyReused();
        if (row.state === 'done') return replay(row);
        // Started, and nobody holds its lock: the request that claimed it ended without finishing (its process died).
        await this.db.query(`UPDATE idempotency_key SET started_at = now() WHERE sandbox_id = $1 AND client_id = $2 AND idempotency_key = $3`, ids);
        this.logger.log({ msg: 'idempotency claim taken over from a request that ended without finishing', path, claimedAt: row.started_at });
        break;
      }
      return await this.execute(ids, path, reply, next);
    } finally {
      this.inFlight.delete(lockKey);
      if (locked) await this.locks.unlock(lockKey);
    }
  }

  private async claim(ids: string[], method: string, path: string, hash: string): Promise<boolean> {
    const inserted: unknown[] = await this.db.query(
      `INSERT INTO idempotency_key (sandbox_id, client_id, idempotency_key, method, path, request_hash, state, started_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'started', now())
       ON CONFLICT (sandbox_id, client_id, idempotency_key) DO NOTHING RETURNING 1`,
      [...ids, method, path, hash],
    );
    return inserted.length > 0;
  }

  /** Runs the request under its claim and stores its answer (or releases the key when nothing was executed). */
  private async execute(ids: string[], path: string, reply: FastifyReply, next: CallHandler): Promise<unknown> {
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

const inProgress = () =>
  commonProblem('idempotency_request_in_progress', 'A request with this Idempotency-Key is still being processed; retry later.', {}, { 'Retry-After': '1' });
const keyReused = () =>
  commonProblem('idempotency_key_reused', 'This Idempotency-Key was used for a different request; use a new key for a new request.');
