/**
 * The simulator's own fixed-width layout of a BRON-era po export (our layout, not DUO's: the real BRON po
 * layout was never public). It follows the BVE/VO files of bron.md §2: a file name
 * `<BRIN4><batch:3>A.P<aanleverpunt:2>`, a 3-digit record type in columns 1–3, one record per line,
 * ISO-8859-1 with CRLF. Documented for vendors in docs/bron-po-export.md.
 *
 * This table is the one source of the layout: the reader (`bron-lezer.ts`) cuts fields by it and the writer
 * (`bron-schrijver.ts`) pads fields by it.
 */

/**
 * Field kinds:
 * - `N`: digits only, right-aligned with leading zeros.
 * - `AN`: ISO-8859-1 text, left-aligned, padded with spaces (read back trimmed; blank = absent).
 * - `DATUM`: yyyymmdd; blank or `00000000` = absent. In a geboortedatum `00` marks an unknown month or day.
 * - `CODE`: one value of `waarden`.
 */
export type BronVeldSoort = 'N' | 'AN' | 'DATUM' | 'CODE';

export interface BronVeld {
  naam: string;
  /** 1-based column of the first character. */
  positie: number;
  lengte: number;
  soort: BronVeldSoort;
  verplicht: boolean;
  /** The allowed values of a CODE field. */
  waarden?: readonly string[];
  /** A DATUM field that may be partly known (yyyymm00, yyyy0000), as BRON kept a geboortedatum. */
  deelsBekend?: boolean;
  omschrijving: string;
}

export type BronRecordNaam = 'voorloop' | 'persoon' | 'inschrijving' | 'speciaalOnderwijs' | 'periode' | 'sluit';

export interface BronRecord {
  naam: BronRecordNaam;
  /** The 3-digit record type in columns 1–3. */
  recordsoort: string;
  /** Every line of this type has exactly this many characters (CRLF not counted). */
  lengte: number;
  omschrijving: string;
  velden: readonly BronVeld[];
}

/** Builds a record definition, placing the fields one after another after the record type. */
function record(naam: BronRecordNaam, recordsoort: string, omschrijving: string, velden: Omit<BronVeld, 'positie'>[]): BronRecord {
  let positie = 4;
  const geplaatst = velden.map((v) => {
    const veld = { ...v, positie };
    positie += v.lengte;
    return veld;
  });
  return { naam, recordsoort, lengte: positie - 1, omschrijving, velden: geplaatst };
}

export const PGN_SOORTEN = ['B', 'O'] as const;
export const GESLACHTEN = ['M', 'V', 'O'] as const;

/** Version of the layout, written in the voorloop; a reader refuses another one. */
export const BRON_LAYOUT_VERSIE = 'PO01';

export const BRON_RECORDS: Record<BronRecordNaam, BronRecord> = {
  voorloop: record('voorloop', '300', 'Voorloop: first line, who sends the file and how many pupils follow.', [
    { naam: 'brin4', lengte: 4, soort: 'AN', verplicht: true, omschrijving: 'BRIN (instellingscode) of the school; equals the file name.' },
    { naam: 'batchnummer', lengte: 3, soort: 'N', verplicht: true, omschrijving: 'Batch number; equals the file name.' },
    { naam: 'aanleverpunt', lengte: 2, soort: 'N', verplicht: true, omschrijving: 'Aanleverpunt; equals the file name.' },
    { naam: 'aanmaakdatum', lengte: 8, soort: 'DATUM', verplicht: true, omschrijving: 'Date the file was made.' },
    { naam: 'layoutversie', lengte: 4, soort: 'CODE', verplicht: true, waarden: [BRON_LAYOUT_VERSIE], omschrijving: `Layout version, \`${BRON_LAYOUT_VERSIE}\`.` },
    { naam: 'aantalPersonen', lengte: 9, soort: 'N', verplicht: true, omschrijving: 'Control total: number of persoon records in the file.' },
  ]),
  persoon: record('persoon', '310', 'Persoon: one pupil; its inschrijving records follow.', [
    { naam: 'pgnSoort', lengte: 1, soort: 'CODE', verplicht: true, waarden: PGN_SOORTEN, omschrijving: 'Kind of PGN: `B` burgerservicenummer, `O` onderwijsnummer.' },
    { naam: 'pgn', lengte: 9, soort: 'N', verplicht: true, omschrijving: 'Persoonsgebonden nummer (BSN or onderwijsnummer, 9 digits).' },
    { naam: 'geboortedatum', lengte: 8, soort: 'DATUM', verplicht: true, deelsBekend: true, omschrijving: 'Geboortedatum; `00` for an unknown month or day.' },
    { naam: 'geslacht', lengte: 1, soort: 'CODE', verplicht: true, waarden: GESLACHTEN, omschrijving: 'Geslacht: `M`, `V` or `O` (onbekend).' },
    { naam: 'postcode', lengte: 6, soort: 'AN', verplicht: false, omschrijving: 'Postcode of the woonadres (blank when abroad).' },
    { naam: 'achternaam', lengte: 50, soort: 'AN', verplicht: true, omschrijving: 'Achternaam without voorvoegsel.' },
    { naam: 'voorvoegsel', lengte: 10, soort: 'AN', verplicht: false, omschrijving: 'Voorvoegsel(s) of the achternaam.' },
    { naam: 'voornamen', lengte: 50, soort: 'AN', verplicht: false, omschrijving: 'Officiële voornamen (`.` when there are none).' },
  ]),
  inschrijving: record('inschrijving', '320', 'Inschrijving of the pupil above at this school; its periode records follow.', [
    { naam: 'inschrijvingvolgnummer', lengte: 20, soort: 'AN', verplicht: true, omschrijving: 'Inschrijvingvolgnummer set by the LAS, unique per pupil and school.' },
    { naam: 'datumInschrijving', lengte: 8, soort: 'DATUM', verplicht: true, omschrijving: 'First day of the inschrijving.' },
    { naam: 'datumUitschrijving', lengte: 8, soort: 'DATUM', verplicht: false, omschrijving: 'Last day of the inschrijving; blank while enrolled.' },
  ]),
  // Our own addition for schools for (voortgezet) speciaal onderwijs (RIO soort SPEC): the so/vso part of ROD's so contract.
  speciaalOnderwijs: record('speciaalOnderwijs', '322', 'Speciaal onderwijs (our own addition): the so/vso part of the inschrijving above, once, before its periodes; only at a school for (voortgezet) speciaal onderwijs.', [
    { naam: 'schoolsoort', lengte: 1, soort: 'N', verplicht: true, omschrijving: 'Schoolsoort: `1` so, `2` vso.' },
    { naam: 'cluster', lengte: 1, soort: 'N', verplicht: true, omschrijving: 'Cluster `1`…`4`.' },
    { naam: 'soortOnderwijs', lengte: 50, soort: 'AN', verplicht: false, omschrijving: "Soort onderwijs, a value of RIO's DoelgroeponderwijsSoVso (required for cluster 1/2)." },
    { naam: 'soortVerblijf', lengte: 25, soort: 'AN', verplicht: false, omschrijving: '`REGULIER` or `RESIDENTIELE_INSTELLING`.' },
    { naam: 'arrangement', lengte: 10, soort: 'AN', verplicht: false, omschrijving: '`LICHT`, `MEDIUM` or `INTENSIEF` (cluster 1/2, epilepsie).' },
    { naam: 'uitstroomprofiel', lengte: 20, soort: 'AN', verplicht: false, omschrijving: '`VERVOLGONDERWIJS`, `ARBEIDSMARKT` or `DAGBESTEDING` (vso only, required there).' },
    { naam: 'beschikkingsnummer', lengte: 20, soort: 'AN', verplicht: false, omschrijving: 'Beschikkingsnummer of the toelaatbaarheidsverklaring (cluster 3/4).' },
    { naam: 'tlvDatumBegin', lengte: 8, soort: 'DATUM', verplicht: false, omschrijving: 'First day the toelaatbaarheidsverklaring is valid.' },
    { naam: 'tlvDatumEinde', lengte: 8, soort: 'DATUM', verplicht: false, omschrijving: 'Last day the toelaatbaarheidsverklaring is valid; blank: open.' },
  ]),
  periode: record('periode', '321', 'Periode of the inschrijving above: a groep at a vestiging from datumBegin.', [
    { naam: 'datumBegin', lengte: 8, soort: 'DATUM', verplicht: true, omschrijving: 'First day of the periode (the first periode begins on datumInschrijving).' },
    { naam: 'vestigingscode', lengte: 6, soort: 'AN', verplicht: true, omschrijving: 'BRIN6: the BRIN4 and 2 digits of the vestiging.' },
    { naam: 'groep', lengte: 2, soort: 'AN', verplicht: true, omschrijving: 'Groep, `1`…`8`.' },
  ]),
  sluit: record('sluit', '399', 'Sluit: last line, the control totals.', [
    { naam: 'aantalRecords', lengte: 9, soort: 'N', verplicht: true, omschrijving: 'Control total: number of lines in the file, voorloop and sluit included.' },
    { naam: 'aantalPersonen', lengte: 9, soort: 'N', verplicht: true, omschrijving: 'Control total: number of persoon records.' },
    { naam: 'aantalInschrijvingen', lengte: 9, soort: 'N', verplicht: true, omschrijving: 'Control total: number of inschrijving records.' },
    { naam: 'aantalPeriodes', lengte: 9, soort: 'N', verplicht: true, omschrijving: 'Control total: number of periode records.' },
  ]),
};

/** Record definitions by their 3-digit record type. */
export const BRON_RECORD_PER_SOORT: ReadonlyMap<string, BronRecord> = new Map(Object.values(BRON_RECORDS).map((r) => [r.recordsoort, r]));

/** `<BRIN4><batch:3>A.P<aanleverpunt:2>`, e.g. `01AA001A.P01`; `A` = aanleverbestand, `P` = primair onderwijs. A gzipped file may end in `.gz`. */
export const BRON_BESTANDSNAAM = /^([0-9]{2}[A-Z]{2})([0-9]{3})A\.P([0-9]{2})(\.gz)?$/;

export interface BronBestandsnaamDelen {
  brin4: string;
  batchnummer: number;
  aanleverpunt: number;
}

/** The parts of a file name (its directory ignored), or null when it does not follow the pattern. */
export function ontleedBestandsnaam(bestandsnaam: string): BronBestandsnaamDelen | null {
  const naam = bestandsnaam.slice(Math.max(bestandsnaam.lastIndexOf('/'), bestandsnaam.lastIndexOf('\\')) + 1);
  const m = BRON_BESTANDSNAAM.exec(naam);
  return m ? { brin4: m[1], batchnummer: Number(m[2]), aanleverpunt: Number(m[3]) } : null;
}

export function bestandsnaamVoor(d: BronBestandsnaamDelen): string {
  return `${d.brin4}${String(d.batchnummer).padStart(3, '0')}A.P${String(d.aanleverpunt).padStart(2, '0')}`;
}
