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
  /** Control total announced by the voorloop: the number of pupils (persoon records) that follow. */
  aantalPersonen: number;
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

/** The so/vso part of an inschrijving at a school for (voortgezet) speciaal onderwijs (record 322, our own addition). */
export interface BronSpeciaalOnderwijs {
  regel: number;
  /** `1` so, `2` vso (as ROD's so contract). */
  schoolsoort: string;
  cluster: number;
  soortOnderwijs: string | null;
  soortVerblijf: string | null;
  arrangement: string | null;
  uitstroomprofiel: string | null;
  beschikkingsnummer: string | null;
  tlvDatumBegin: string | null;
  tlvDatumEinde: string | null;
}

export interface BronInschrijving {
  regel: number;
  inschrijvingvolgnummer: string;
  datumInschrijving: string;
  datumUitschrijving: string | null;
  /** Only at a school for (voortgezet) speciaal onderwijs; absent or null elsewhere. */
  speciaalOnderwijs?: BronSpeciaalOnderwijs | null;
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

/**
 * Why a whole file is refused (its other files go on). BESTANDSNAAM_ONGELDIG: name not
 * `<BRIN4><batch:3>A.P<aanleverpunt:2>` or not matching the voorloop; CODERING_ONGELDIG: not ISO-8859-1 with
 * CRLF (UTF-8, a BOM, control bytes, bare LF, unreadable gzip); RECORD_AFGEKAPT / RECORD_TE_LANG: a line
 * shorter / longer than its record type; VELD_ONGELDIG: a field that does not fit its picture in the layout
 * (letters in a number, a malformed date, a code outside its values, a required field blank).
 */
export type BronBestandFoutCode =
  | 'BESTANDSNAAM_ONGELDIG'
  | 'CODERING_ONGELDIG'
  | 'RECORDSOORT_ONBEKEND'
  | 'RECORD_AFGEKAPT'
  | 'RECORD_TE_LANG'
  | 'VELD_ONGELDIG'
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

/** Records of each kind the reader met in a file (whatever the file's verdict). */
export interface BronAantallen {
  personen: number;
  inschrijvingen: number;
  periodes: number;
}

/**
 * What a reader yields while streaming one file: the voorloop, pupils as they complete, then the file's
 * verdict. A file is accepted only when `einde` has no fouten: pupils yielded before a fault further on must
 * be thrown away by the consumer (the reader yields no pupils after the first fault it meets). `einde` always
 * comes last, also for a file without a usable voorloop.
 */
export type BronLeesItem =
  | { soort: 'voorloop'; voorloop: BronVoorloop }
  | { soort: 'leerling'; leerling: BronLeerling }
  | { soort: 'einde'; fouten: BronBestandFout[]; aantalRegels: number; aantallen: BronAantallen };
