import { createHash } from 'node:crypto';
import { Client } from 'pg';

/** The 64-bit advisory lock key of a claim: the first 8 bytes of its SHA-256, as a signed bigint. */
const lockId = (key: string) => createHash('sha256').update(key).digest().readBigInt64BE(0).toString();

/**
 * Ties an Idempotency-Key claim to the live request that holds it: a session-level advisory lock (on a 64-bit hash of
 * sandbox, client and key) held on one connection of this instance for as long as the request runs. A request that
 * ends by any path unlocks; a process that dies (kill -9, crash, machine gone) loses its connection and PostgreSQL
 * releases every lock it held at once. So "the claim row says started but nobody holds its lock" means exactly "the
 * request that claimed it is gone", on any instance, without waiting for a timeout.
 *
 * One dedicated connection per instance, outside the pool: a pool connection held for a whole request would starve the
 * request's own work. The lock statements are tiny and queue on that connection.
 */
export class ClaimLocks {
  private client: Client | null = null;
  private connecting: Promise<Client> | null = null;
  private closed = false;

  constructor(private readonly url: string) {}

  private connection(): Promise<Client> {
    if (this.client) return Promise.resolve(this.client);
    if (this.connecting) return this.connecting;
    const c = new Client({ connectionString: this.url, application_name: 'rod-simulator-idempotency', connectionTimeoutMillis: 5000 });
    // A broken connection has dropped its locks with it; the next claim opens a new one.
    c.on('error', () => {
      if (this.client === c) this.client = null;
    });
    c.on('end', () => {
      if (this.client === c) this.client = null;
    });
    this.connecting = c
      .connect()
      .then(() => {
        if (this.closed) {
          void c.end().catch(() => undefined);
          throw new Error('claim locks closed');
        }
        this.client = c;
        return c;
      })
      .finally(() => (this.connecting = null));
    return this.connecting;
  }

  /** Takes the lock of `key` when no live request holds it; false when one does (on any instance). */
  async tryLock(key: string): Promise<boolean> {
    const c = await this.connection();
    const { rows } = await c.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS ok', [lockId(key)]);
    return rows[0].ok;
  }

  /** Releases the lock of `key` (nothing to do when its connection broke meanwhile: the lock went with it). */
  async unlock(key: string): Promise<void> {
    const c = this.client;
    if (!c) return;
    await c.query('SELECT pg_advisory_unlock($1::bigint)', [lockId(key)]).catch(() => undefined);
  }

  async close(): Promise<void> {
    this.closed = true;
    const c = this.client ?? (await this.connecting?.catch(() => null));
    this.client = null;
    await c?.end().catch(() => undefined);
  }
}
