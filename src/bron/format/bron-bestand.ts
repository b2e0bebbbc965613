/**
 * The BRON-era po export as parsed records: the contract between the fixed-width reader/writer
 * (`src/bron/format`) and the migration job (`src/bron`). The layout itself is our own (the real
 * BRON po layout was never public), in the BVE/VO style of bron.md §2: see `bron-layout.ts`.
 */

/** Parsed voorloop record: who sent the file and what it claims to contain. */
export interface BronVoorloop {
  brin4: string;
  batchnummer: number;
  aanleverpunt: number;
  /** Date the file was made (yyyy-mm-dd). */
  aanmaakdatum: string;
}

/** One periode of an inschrijving (a groep at a vestiging from datumBegin). */
export interface BronPeriode {
  /** 1-based line number in the file. */
  regel: number;
  datumBegin: string;
  /** BRIN6: BRIN4 + 2 digits. */
  vestigingscode: string;
  groep: string;
}

export interface BronInschrijving {
  regel: number;
  inschrijvingvolgnummer: string;
  datumInschrijving: string;
  datumUitschrijving: string | null;
  periodes: BronPeriode[];
}

/** A pupil with every inschrijving and periode that follows its persoon record. */
export interface BronLeerling {
  regel: number;
  /** Exactly one of the two, as BRON held it. */
  burgerservicenummer: string | null;
  onderwijsnummer: string | null;
  /** yyyy-mm-dd; a partly known date as BRON kept it (yyyy-mm-00, yyyy-00-00). */
  geboortedatum: string;
  geslacht: 'M' | 'V' | 'O';
  postcode: string | null;
  achternaam: string;
  voorvoegsel: string | null;
  voornamen: string | null;
  inschrijvingen: BronInschrijving[];
}

/** Why a whole file is refused (its other files go on). */
export type BronBestandFoutCode =
  | 'BESTANDSNAAM_ONGELDIG'
  | 'CODERING_ONGELDIG'
  | 'RECORDSOORT_ONBEKEND'
  | 'RECORD_AFGEKAPT'
  | 'VOORLOOP_ONTBREEKT'
  | 'SLUIT_ONTBREEKT'
  | 'CONTROLETOTAAL_ONJUIST'
  | 'VOLGORDE_ONGELDIG';

export interface BronBestandFout {
  code: BronBestandFoutCode;
  /** 1-based line number, or null for a problem of the file as a whole (its name). */
  regel: number | null;
  tekst: string;
}

/** What a reader yields while streaming one file: pupils as they complete, then the file's verdict. */
export type BronLeesItem =
  | { soort: 'voorloop'; voorloop: BronVoorloop }
  | { soort: 'leerling'; leerling: BronLeerling }
  | { soort: 'einde'; fouten: BronBestandFout[]; aantalRegels: number };
