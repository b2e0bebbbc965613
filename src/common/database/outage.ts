/**
 * Recognises errors that mean "the database cannot be reached right now" (server down, restarting, connections cut),
 * as opposed to errors of a statement. Requests answer these with 503 and Retry-After; background loops back off.
 */

/** SQLSTATE classes and codes of an unreachable or restarting server. */
const UNAVAILABLE_SQLSTATE = /^(08|57P0[1-4]|53300|58030)/; // connection exception; admin/crash shutdown, cannot connect now; too many connections; io error

/** Node socket error codes on the way to the server. */
const UNAVAILABLE_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED']);

/** Messages of `pg` and its pool when a connection is lost or cannot be had. */
const UNAVAILABLE_MESSAGE =
  /Connection terminated|connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect|Connection ended unexpectedly|the database system is (starting up|shutting down|in recovery mode)|terminating connection due to|Client was closed and is not queryable|Cannot use a pool after calling end/;

export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 4) return false;
  const e = err as { name?: unknown; code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown };
  // TypeORM releases a transaction's connection when that connection breaks; the commit then finds it released.
  if (e.name === 'QueryRunnerAlreadyReleasedError' || e.name === 'QueryRunnerProviderAlreadyReleasedError') return true;
  if (typeof e.code === 'string' && (UNAVAILABLE_ERRNO.has(e.code) || (/^[0-9A-Z]{5}$/.test(e.code) && UNAVAILABLE_SQLSTATE.test(e.code)))) return true;
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGE.test(e.message)) return true;
  // TypeORM wraps the driver's error; Node wraps socket errors of several addresses in an AggregateError.
  if (isDatabaseUnavailable(e.driverError, depth + 1) || isDatabaseUnavailable(e.cause, depth + 1)) return true;
  return Array.isArray(e.errors) && e.errors.some((x) => isDatabaseUnavailable(x, depth + 1));
}

/** Seconds a client should wait before retrying during an outage (the embedded server restarts within a few). */
export const OUTAGE_RETRY_AFTER_SECONDS = 5;

/**
 * Backoff for a background loop: doubles from `baseMs` on every consecutive failure up to `maxMs`, with jitter so
 * instances do not retry in step; resets on success. Logs the first failure of a run and the recovery, not every retry.
 */
export class Backoff {
  private failures = 0;
  private since = 0;

  constructor(
    private readonly name: string,
    private readonly log: { warn(msg: string): void; log(msg: string): void },
    private readonly baseMs = 500,
    private readonly maxMs = 30_000,
  ) {}

  get failing(): boolean {
    return this.failures > 0;
  }

  /** Records a failure; returns the milliseconds to wait before the next try. */
  failed(err: unknown): number {
    if (this.failures === 0) {
      this.since = Date.now();
      const what = isDatabaseUnavailable(err) ? 'database unavailable' : 'failed';
      this.log.warn(`${this.name} ${what}: ${(err as Error)?.message ?? String(err)}; retrying with backoff`);
    }
    this.failures++;
    const ms = Math.min(this.maxMs, this.baseMs * 2 ** Math.min(this.failures - 1, 16));
    return Math.round(ms * (0.75 + Math.random() * 0.5));
  }

  succeeded(): void {
    if (this.failures > 0) this.log.log(`${this.name} recovered after ${this.failures} failed tries (${Date.now() - this.since} ms)`);
    this.failures = 0;
  }
}
