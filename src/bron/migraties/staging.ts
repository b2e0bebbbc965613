import type { BronBestandFout, BronLeesItem, BronLeerling, BronSpeciaalOnderwijs, BronVoorloop } from '../format/bron-bestand';

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

export const nieuweUitkomst = (): StagingUitkomst => ({ voorloop: null, fouten: [], aantalRegels: 0, leerlingen: 0, inschrijvingen: 0 });

/** Size of the COPY chunks the writer hands on. */
const STUK = 256 * 1024;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const BACKSLASH = 0x5c;
const QUOTE = 0x22;

/** A string as JSON.stringify writes it, or null when it would be written as is between quotes. */
function jsonEscaped(s: string): string | null {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === QUOTE || c === BACKSLASH || (c >= 0xd800 && c <= 0xdfff)) return JSON.stringify(s);
  }
  return null;
}

/**
 * Writes what the reader yields straight into COPY text for bron_staging, as ISO-8859-1 bytes (the COPY says so): one
 * line per inschrijving with its persoon and periodes (the periodes as the JSON of `StagingPeriode[]`, the so/vso part as
 * the JSON of `StagingSpeciaalOnderwijs`). Synchronous and a batch of items at a time, into chunks of about 256 kB taken
 * with `neem`; no string or object per row. One writer serves a group of files: `bestand` starts the next one.
 */
export class StagingSchrijver {
  private buf = Buffer.allocUnsafe(STUK);
  private pos = 0;
  private klaar: Buffer[] = [];
  private readonly migratieId: string;
  private bestandId = '';
  private nr = 0;
  private brin4 = '';
  uitkomst: StagingUitkomst = nieuweUitkomst();

  constructor(migratieId: string) {
    this.migratieId = migratieId;
  }

  /** The next file: its rows get this id and numbers from `eersteNr` on. */
  bestand(bestandId: string, eersteNr: number): StagingUitkomst {
    this.bestandId = bestandId;
    this.nr = eersteNr;
    this.brin4 = '';
    this.uitkomst = nieuweUitkomst();
    return this.uitkomst;
  }

  /** Writes the lines of these items. */
  add(items: readonly BronLeesItem[]): void {
    const u = this.uitkomst;
    for (const item of items) {
      if (item.soort === 'voorloop') {
        u.voorloop = item.voorloop;
        this.brin4 = item.voorloop.brin4;
      } else if (item.soort === 'einde') {
        u.fouten = item.fouten;
        u.aantalRegels = item.aantalRegels;
      } else {
        u.leerlingen++;
        this.leerling(item.leerling);
      }
    }
  }

  /** The chunks filled so far; with `alles` also the last, partly filled one. */
  neem(alles = false): Buffer[] {
    if (alles && this.pos > 0) {
      this.klaar.push(this.buf.subarray(0, this.pos));
      this.buf = Buffer.allocUnsafe(STUK);
      this.pos = 0;
    }
    const k = this.klaar;
    this.klaar = [];
    return k;
  }

  private leerling(l: BronLeerling): void {
    for (const i of l.inschrijvingen) {
      this.tekst(this.migratieId);
      this.tab();
      this.getal(this.nr++);
      this.tab();
      this.tekst(this.bestandId);
      this.tab();
      this.tekst(this.brin4);
      this.tab();
      this.getal(i.regel);
      this.tab();
      this.getal(l.regel);
      this.tab();
      this.ofNull(l.burgerservicenummer);
      this.ofNull(l.onderwijsnummer);
      this.ofNull(l.geboortedatum);
      this.ofNull(l.geslacht);
      this.ofNull(l.postcode);
      this.ofNull(l.achternaam);
      this.ofNull(l.voorvoegsel);
      this.ofNull(l.voornamen);
      this.ofNull(i.inschrijvingvolgnummer);
      this.ofNull(i.datumInschrijving);
      this.ofNull(i.datumUitschrijving);
      this.ruw('[');
      for (let k = 0; k < i.periodes.length; k++) {
        const p = i.periodes[k];
        this.ruw(k ? ',{"r":' : '{"r":');
        this.getal(p.regel);
        this.ruw(',"d":');
        this.jsonTekst(p.datumBegin);
        this.ruw(',"v":');
        this.jsonTekst(p.vestigingscode);
        this.ruw(',"g":');
        this.jsonTekst(p.groep);
        this.ruw('}');
      }
      this.ruw(']');
      this.tab();
      if (i.speciaalOnderwijs) this.tekst(JSON.stringify(stagingSpeciaalOnderwijs(i.speciaalOnderwijs)));
      else this.ruw('\\N');
      this.ruimte(1);
      this.buf[this.pos++] = LF;
      this.uitkomst.inschrijvingen++;
    }
  }

  /** Room for `n` more bytes in the chunk; a full chunk is handed on (COPY data may split a line anywhere). */
  private ruimte(n: number) {
    if (this.pos + n <= this.buf.length) return;
    this.klaar.push(this.buf.subarray(0, this.pos));
    this.buf = Buffer.allocUnsafe(Math.max(STUK, n));
    this.pos = 0;
  }

  private tab() {
    this.ruimte(1);
    this.buf[this.pos++] = TAB;
  }

  /** A value and its tab; \N for null. */
  private ofNull(s: string | null) {
    if (s === null) this.ruw('\\N\t');
    else {
      this.tekst(s);
      this.tab();
    }
  }

  /** A string in COPY text (backslash, tab, LF and CR escaped) as ISO-8859-1 bytes. */
  private tekst(s: string) {
    this.ruimte(2 * s.length);
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c > 0xff) throw new Error('staging text is ISO-8859-1 only');
      if (c === BACKSLASH || c === TAB || c === LF || c === CR) {
        b[p++] = BACKSLASH;
        b[p++] = c === BACKSLASH ? BACKSLASH : c === TAB ? 0x74 : c === LF ? 0x6e : 0x72;
      } else b[p++] = c;
    }
    this.pos = p;
  }

  /** A string as JSON writes it, in COPY text. */
  private jsonTekst(s: string) {
    const e = jsonEscaped(s);
    if (e !== null) return this.tekst(e);
    this.ruimte(1);
    this.buf[this.pos++] = QUOTE;
    this.tekst(s);
    this.ruimte(1);
    this.buf[this.pos++] = QUOTE;
  }

  /** A non-negative integer in decimal digits. */
  private getal(n: number) {
    this.ruw(String(n));
  }

  /** ASCII that needs no escaping (the writer's own: digits, \\N, JSON punctuation). */
  private ruw(s: string) {
    this.ruimte(s.length);
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < s.length; i++) b[p++] = s.charCodeAt(i);
    this.pos = p;
  }
}
