import type { EntityManager } from 'typeorm';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

type CopyWaarde = string | number | boolean | null | undefined;

const TE_ESCAPEN = /[\\\t\n\r]/;

/** A value in PostgreSQL's COPY text format: \N for null or undefined; backslash, tab, newline and carriage return escaped. */
export function copyVeld(v: CopyWaarde): string {
  if (v === null || v === undefined) return '\\N';
  const s = String(v);
  return TE_ESCAPEN.test(s) ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : s;
}

/** One row as a COPY text line. */
export const copyRegel = (waarden: readonly CopyWaarde[]) => waarden.map(copyVeld).join('\t') + '\n';

/**
 * COPY FROM STDIN of what a source yields (whole COPY text lines: strings, or bytes already encoded as the COPY
 * statement says), on the client's current transaction. Strings are bundled into chunks of about 64 kB.
 */
export async function copyIn(client: PoolClient, sql: string, regels: AsyncIterable<string | Buffer> | Iterable<string | Buffer>): Promise<void> {
  const doel: Writable = client.query(copyFrom(sql));
  await pipeline(Readable.from(bundel(regels)), doel);
}

async function* bundel(regels: AsyncIterable<string | Buffer> | Iterable<string | Buffer>): AsyncGenerator<string | Buffer> {
  let buf = '';
  for await (const r of regels) {
    if (typeof r !== 'string') {
      if (buf) yield buf;
      buf = '';
      yield r;
      continue;
    }
    buf += r;
    if (buf.length >= 65536) {
      yield buf;
      buf = '';
    }
  }
  if (buf) yield buf;
}

/**
 * Rows into a table with COPY FROM STDIN, in the transaction of the manager's query runner: the fastest way PostgreSQL
 * takes many rows (no statement to parse, no parameters). `kolommen` in the order of each row's values.
 */
export async function copyRijen(m: EntityManager, tabel: string, kolommen: readonly string[], rijen: Iterable<readonly CopyWaarde[]>): Promise<void> {
  const client = (m.queryRunner as unknown as { databaseConnection?: PoolClient } | undefined)?.databaseConnection;
  if (!client) throw new Error('copyRijen needs the manager of a transaction (a query runner with its connection)');
  await copyIn(
    client,
    `COPY ${tabel} (${kolommen.join(', ')}) FROM STDIN`,
    (function* () {
      // Bundled here (without a promise per row), so copyIn passes on whole 64 kB chunks.
      let buf = '';
      for (const r of rijen) {
        buf += copyRegel(r);
        if (buf.length >= 65536) {
          yield buf;
          buf = '';
        }
      }
      if (buf) yield buf;
    })(),
  );
}
