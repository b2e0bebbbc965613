import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { BronLeesItem } from './bron-bestand';
import { BRON_RECORD_PER_SOORT, BRON_RECORDS } from './bron-layout';
import { leesBronBestand } from './bron-lezer';

const DOC = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'bron-po-export.md'), 'utf8');

describe('docs/bron-po-export.md follows the layout table', () => {
  it('has a table per record type with every field at its position, length, kind and requiredness', () => {
    for (const r of Object.values(BRON_RECORDS)) {
      const kop = `### ${r.recordsoort} ${r.naam} (${r.lengte} characters)`;
      const begin = DOC.indexOf(kop);
      expect(begin).toBeGreaterThan(-1);
      const na = DOC.slice(begin).split('\n').slice(6);
      const rijen = na.slice(0, na.findIndex((l) => !l.startsWith('|')));
      const gedocumenteerd = rijen.map((l) => l.split('|').map((c) => c.trim())).map((c) => ({ naam: c[1], positie: Number(c[2]), lengte: Number(c[3]), soort: c[4], verplicht: c[5] === 'yes' }));
      expect(gedocumenteerd).toEqual([
        { naam: 'recordsoort', positie: 1, lengte: 3, soort: 'N', verplicht: true },
        ...r.velden.map((v) => ({ naam: v.naam, positie: v.positie, lengte: v.lengte, soort: v.soort, verplicht: v.verplicht })),
      ]);
    }
  });

  it('its example, padded to the record lengths, reads clean with diacritics intact', async () => {
    const blok = DOC.slice(DOC.indexOf('## Example'));
    const regels = blok.slice(blok.indexOf('```\n') + 4, blok.indexOf('\n```', blok.indexOf('```\n') + 4)).split('\n');
    const bytes = Buffer.from(regels.map((l) => l.padEnd(BRON_RECORD_PER_SOORT.get(l.slice(0, 3))!.lengte, ' ')).join('\r\n') + '\r\n', 'latin1');
    const items: BronLeesItem[] = [];
    for await (const i of leesBronBestand(Readable.from([bytes]), '01AA001A.P01')) items.push(i);
    expect(items[items.length - 1]).toMatchObject({ soort: 'einde', fouten: [], aantallen: { personen: 2, inschrijvingen: 2, periodes: 6 } });
    expect(items.flatMap((i) => (i.soort === 'leerling' ? [i.leerling.voornamen] : []))).toEqual(['Zoë Anaïs', 'Noël']);
  });
});
