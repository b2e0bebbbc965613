import type { BronAantallen, BronLeerling, BronVoorloop } from './bron-bestand';
import { BRON_LAYOUT_VERSIE, BRON_RECORDS, BronRecord } from './bron-layout';

export type BronVeldwaarde = string | number | null | undefined;

// Printable ISO-8859-1 only: no control characters (C0, DEL, C1) and nothing beyond U+00FF.
const GEEN_LATIN1 = /[^\x20-\x7e\xa0-\xff]/;

/** One record as a line of exactly `def.lengte` characters (without CRLF), every field padded by the layout. */
export function formatRecord(def: BronRecord, waarden: Record<string, BronVeldwaarde>): string {
  let regel = def.recordsoort;
  for (const v of def.velden) {
    const w = waarden[v.naam];
    let tekst: string;
    if (w === null || w === undefined || w === '') {
      if (v.verplicht) throw new Error(`${def.naam}.${v.naam} is verplicht`);
      tekst = ' '.repeat(v.lengte);
    } else if (v.soort === 'N') {
      tekst = String(w).padStart(v.lengte, '0');
      if (!/^[0-9]+$/.test(tekst)) throw new Error(`${def.naam}.${v.naam} is niet numeriek: ${w}`);
    } else if (v.soort === 'DATUM') {
      tekst = String(w).replace(/-/g, '');
      if (!/^[0-9]{8}$/.test(tekst)) throw new Error(`${def.naam}.${v.naam} is geen datum: ${w}`);
    } else {
      tekst = String(w);
      if (v.soort === 'CODE' && !v.waarden!.includes(tekst)) throw new Error(`${def.naam}.${v.naam} heeft een onbekende waarde: ${w}`);
      if (GEEN_LATIN1.test(tekst)) throw new Error(`${def.naam}.${v.naam} is geen ISO-8859-1-tekst`);
      tekst = tekst.padEnd(v.lengte, ' ');
    }
    if (tekst.length !== v.lengte) throw new Error(`${def.naam}.${v.naam} past niet in ${v.lengte} tekens: ${w}`);
    regel += tekst;
  }
  return regel;
}

export function voorloopRegel(v: BronVoorloop): string {
  return formatRecord(BRON_RECORDS.voorloop, { ...v, layoutversie: BRON_LAYOUT_VERSIE });
}

/** The persoon line of a pupil, then each inschrijving line followed by its so/vso line (if any) and its periode lines. */
export function leerlingRegels(l: BronLeerling): string[] {
  const regels = [
    formatRecord(BRON_RECORDS.persoon, {
      pgnSoort: l.burgerservicenummer ? 'B' : 'O',
      pgn: l.burgerservicenummer ?? l.onderwijsnummer,
      geboortedatum: l.geboortedatum,
      geslacht: l.geslacht,
      postcode: l.postcode,
      achternaam: l.achternaam,
      voorvoegsel: l.voorvoegsel,
      voornamen: l.voornamen,
    }),
  ];
  for (const i of l.inschrijvingen) {
    regels.push(formatRecord(BRON_RECORDS.inschrijving, { inschrijvingvolgnummer: i.inschrijvingvolgnummer, datumInschrijving: i.datumInschrijving, datumUitschrijving: i.datumUitschrijving }));
    if (i.speciaalOnderwijs) {
      const { regel: _, ...so } = i.speciaalOnderwijs;
      regels.push(formatRecord(BRON_RECORDS.speciaalOnderwijs, so));
    }
    for (const p of i.periodes) regels.push(formatRecord(BRON_RECORDS.periode, { datumBegin: p.datumBegin, vestigingscode: p.vestigingscode, groep: p.groep }));
  }
  return regels;
}

export function sluitRegel(aantalRecords: number, a: BronAantallen): string {
  return formatRecord(BRON_RECORDS.sluit, { aantalRecords, aantalPersonen: a.personen, aantalInschrijvingen: a.inschrijvingen, aantalPeriodes: a.periodes });
}

/** Counts of the records a pupil adds to a file. */
export function aantallenVan(leerlingen: Iterable<BronLeerling>): BronAantallen {
  const a = { personen: 0, inschrijvingen: 0, periodes: 0 };
  for (const l of leerlingen) {
    a.personen++;
    a.inschrijvingen += l.inschrijvingen.length;
    for (const i of l.inschrijvingen) a.periodes += i.periodes.length;
  }
  return a;
}

/** Lines joined with CRLF (a CRLF after the last one too) as ISO-8859-1 bytes. */
export function alsBytes(regels: readonly string[]): Buffer {
  return Buffer.from(regels.length ? regels.join('\r\n') + '\r\n' : '', 'latin1');
}

/**
 * A whole file: voorloop, the pupils, sluit with the control totals. `voorloop.aantalPersonen` is set from
 * the pupils. For files too large to hold, write `voorloopRegel`, `leerlingRegels` per pupil and
 * `sluitRegel` one after another instead.
 */
export function schrijfBronBestand(voorloop: Omit<BronVoorloop, 'aantalPersonen'>, leerlingen: readonly BronLeerling[]): Buffer {
  const aantallen = aantallenVan(leerlingen);
  const regels = [voorloopRegel({ ...voorloop, aantalPersonen: aantallen.personen }), ...leerlingen.flatMap(leerlingRegels)];
  regels.push(sluitRegel(regels.length + 1, aantallen));
  return alsBytes(regels);
}
