import type { Readable } from 'node:stream';
import type { BronLeesItem } from '../format/bron-bestand';

/** Streams one BRON po export file (its decompressed bytes) into records; the file format module provides it. */
export abstract class BronLezer {
  abstract read(bytes: Readable, bestandsnaam: string): AsyncIterable<BronLeesItem>;
}
