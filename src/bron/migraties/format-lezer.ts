import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import type { BronLeesItem } from '../format/bron-bestand';
import { leesBronBestand, leesBronBestandPerStuk } from '../format/bron-lezer';
import { BronLezer } from './lezer.port';

/** The migration reads files with the format module's streaming reader. */
@Injectable()
export class FormatLezer extends BronLezer {
  read(bytes: Readable, bestandsnaam: string): AsyncIterable<BronLeesItem> {
    return leesBronBestand(bytes, bestandsnaam);
  }

  readPerStuk(bytes: AsyncIterable<Uint8Array | string>, bestandsnaam: string): AsyncIterable<BronLeesItem[]> {
    return leesBronBestandPerStuk(bytes, bestandsnaam);
  }
}
