import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';

const TE_ESCAPEN = /[\\\t\n\r]/;

/** One value in PostgreSQL's COPY text format: \N for null; backslash, tab, newline and carriage return escaped. */
export function copyWaarde(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '\\N';
  const s = String(v);
  return TE_ESCAPEN.test(s) ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : s;
}

export const copyRegel = (waarden: (string | number | null | undefined)[]) => waarden.map(copyWaarde).join('\t') + '\n';

/**
 * COPY FROM STDIN of what a source yields (whole COPY text lines: strings, or bytes already encoded as the COPY
 * statement says), in the client's current transaction. Strings are bundled into chunks of about 64 kB.
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
