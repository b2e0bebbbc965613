import type { BronBestandFout, BronLeesItem, BronLeerling, BronSpeciaalOnderwijs, BronVoorloop } from '../format/bron-bestand';
import { copyRegel } from './copy-tekst';

/** The columns of bron_staging in COPY order. */
export const STAGING_KOLOMMEN = [
  'migratie_id', 'nr', 'bestand_id', 'instellingscode', 'regel', 'persoon_regel', 'burgerservicenummer', 'onderwijsnummer', 'geboortedatum', 'geslacht',
  'postcode', 'achternaam', 'voorvoegsel', 'voornamen', 'inschrijvingvolgnummer', 'datum_inschrijving', 'datum_uitschrijving', 'periodes', 'speciaal_onderwijs',
] as const;

/** A periode as staged (compact JSON): line, datumBegin, BRIN6, groep. */
export interface StagingPeriode {
  r: number;
  d: string;
  v: string;
  g: string;
}

/** The so/vso part as staged (record 322 without its line number). */
export type StagingSpeciaalOnderwijs = Omit<BronSpeciaalOnderwijs, 'regel'>;

const stagingSpeciaalOnderwijs = ({ regel: _, ...so }: BronSpeciaalOnderwijs): StagingSpeciaalOnderwijs => so;

export interface StagingUitkomst {
  voorloop: BronVoorloop | null;
  fouten: BronBestandFout[];
  aantalRegels: number;
  leerlingen: number;
  inschrijvingen: number;
}

/**
 * Turns what the reader yields into COPY lines for bron_staging: one line per inschrijving with its persoon and periodes.
 * Streams: only the current pupil is in memory. `uitkomst` is filled in when the reader has finished.
 */
export function stagingRegels(items: AsyncIterable<BronLeesItem>, migratieId: string, bestandId: string, eersteNr: number, uitkomst: StagingUitkomst): AsyncGenerator<string> {
  let nr = eersteNr;
  return (async function* () {
    for await (const item of items) {
      if (item.soort === 'voorloop') uitkomst.voorloop = item.voorloop;
      else if (item.soort === 'einde') {
        uitkomst.fouten = item.fouten;
        uitkomst.aantalRegels = item.aantalRegels;
      } else {
        uitkomst.leerlingen++;
        const brin4 = uitkomst.voorloop?.brin4 ?? '';
        for (const regel of regelsVan(item.leerling, migratieId, bestandId, brin4, () => nr++)) {
          uitkomst.inschrijvingen++;
          yield regel;
        }
      }
    }
  })();
}

function regelsVan(l: BronLeerling, migratieId: string, bestandId: string, brin4: string, volgende: () => number): string[] {
  return l.inschrijvingen.map((i) => {
    const periodes: StagingPeriode[] = i.periodes.map((p) => ({ r: p.regel, d: p.datumBegin, v: p.vestigingscode, g: p.groep }));
    return copyRegel([
      migratieId, volgende(), bestandId, brin4, i.regel, l.regel, l.burgerservicenummer, l.onderwijsnummer, l.geboortedatum, l.geslacht,
      l.postcode, l.achternaam, l.voorvoegsel, l.voornamen, i.inschrijvingvolgnummer, i.datumInschrijving, i.datumUitschrijving, JSON.stringify(periodes),
      i.speciaalOnderwijs ? JSON.stringify(stagingSpeciaalOnderwijs(i.speciaalOnderwijs)) : null,
    ]);
  });
}
