import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';

/** One value in PostgreSQL's COPY text format: \N for null; backslash, tab, newline and carriage return escaped. */
export function copyWaarde(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '\\N';
  const s = String(v);
  return /[\\\t\n\r]/.test(s) ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : s;
}

export const copyRegel = (waarden: (string | number | null | undefined)[]) => waarden.map(copyWaarde).join('\t') + '\n';

/** COPY FROM STDIN of the lines a source yields (each a whole COPY text line), in the client's current transaction. */
export async function copyIn(client: PoolClient, sql: string, regels: AsyncIterable<string> | Iterable<string>): Promise<void> {
  const doel: Writable = client.query(copyFrom(sql));
  await pipeline(Readable.from(bundel(regels)), doel);
}

/** Lines bundled into chunks of about 64 kB, so the stream moves buffers rather than lines. */
async function* bundel(regels: AsyncIterable<string> | Iterable<string>): AsyncGenerator<string> {
  let buf = '';
  for await (const r of regels) {
    buf += r;
    if (buf.length >= 65536) {
      yield buf;
      buf = '';
    }
  }
  if (buf) yield buf;
}
