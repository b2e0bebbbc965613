import type { Readable } from 'node:stream';
import type { BronLeesItem } from '../format/bron-bestand';

/** Streams one BRON po export file (its decompressed bytes) into records; the file format module provides it. */
export abstract class BronLezer {
  abstract read(bytes: Readable, bestandsnaam: string): AsyncIterable<BronLeesItem>;
  /** The same items a chunk of the stream at a time (staging handles them in batches). */
  abstract readPerStuk(bytes: AsyncIterable<Uint8Array | string>, bestandsnaam: string): AsyncIterable<BronLeesItem[]>;
}
