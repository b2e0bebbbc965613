import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { BronAantallen, BronBestandFout, BronBestandFoutCode, BronInschrijving, BronLeerling, BronLeesItem, BronVoorloop } from './bron-bestand';
import { BRON_RECORD_PER_SOORT, BRON_RECORDS, BronBestandsnaamDelen, BronRecord, BronVeld, ontleedBestandsnaam } from './bron-layout';

/** The reader stops listing faults after this many (the file is refused anyway) but reads on to count its lines. */
export const MAX_FOUTEN = 100;
/** A line longer than this is not kept in memory: it is reported as too long and skipped up to its LF. */
const MAX_REGEL_BYTES = 4096;
const LF = 0x0a;
const CR = 0x0d;

/** Where the reader is: `inschrijving` right after a 320 (a 322 may follow), `periodes` once a 322 or 321 followed it. */
type Stand = 'begin' | 'voorloop' | 'persoon' | 'inschrijving' | 'periodes' | 'sluit';
type Waarde = string | number | null;

/** Index of each field in its record's field list. */
const indexVan = (r: BronRecord) => Object.fromEntries(r.velden.map((v, i) => [v.naam, i])) as Record<string, number>;
const VL = indexVan(BRON_RECORDS.voorloop);
const PS = indexVan(BRON_RECORDS.persoon);
const IS = indexVan(BRON_RECORDS.inschrijving);
const PE = indexVan(BRON_RECORDS.periode);
const SO = indexVan(BRON_RECORDS.speciaalOnderwijs);

/** Record definitions by the value of their 3-digit record type (every type is 3 digits). */
const RECORD_PER_CODE: (BronRecord | undefined)[] = new Array(1000);
for (const [soort, r] of BRON_RECORD_PER_SOORT) if (/^[0-9]{3}$/.test(soort)) RECORD_PER_CODE[Number(soort)] = r;

const SPATIE = 0x20;
/** No-break space: whitespace to String.prototype.trim, the only one besides the space that may be in a record. */
const NBSP = 0xa0;
const isWit = (b: number) => b === SPATIE || b === NBSP;

/** The record definition of the line's first three bytes, when they are a known record type. */
function recordVan(buf: Buffer, start: number, eind: number): BronRecord | undefined {
  if (eind - start < 3) return undefined;
  const a = buf[start] - 48;
  const b = buf[start + 1] - 48;
  const c = buf[start + 2] - 48;
  if (a < 0 || a > 9 || b < 0 || b > 9 || c < 0 || c > 9) return undefined;
  return RECORD_PER_CODE[a * 100 + b * 10 + c];
}

/** The value of `buf[s, e)` when it is digits only (at most 15 of them), else -1. */
function cijfers(buf: Buffer, s: number, e: number): number {
  if (e <= s) return -1;
  let n = 0;
  for (let i = s; i < e; i++) {
    const c = buf[i] - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** `buf[s, e)` as ISO-8859-1 text without leading and trailing (no-break) spaces. */
function trimLatin1(buf: Buffer, s: number, e: number): string {
  while (s < e && isWit(buf[s])) s++;
  while (e > s && isWit(buf[e - 1])) e--;
  return buf.toString('latin1', s, e);
}

/** yyyy-mm-dd by the value of yyyymmdd: dates repeat a lot in a file (school years), so each is made once. */
const DATUMS = new Map<number, string>();
function datumTekst(jjjjmmdd: number): string {
  let d = DATUMS.get(jjjjmmdd);
  if (d === undefined) {
    const t = String(jjjjmmdd).padStart(8, '0');
    d = `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}`;
    if (DATUMS.size >= 100_000) DATUMS.clear();
    DATUMS.set(jjjjmmdd, d);
  }
  return d;
}

/**
 * The synchronous heart of the reader: fed one line at a time (bytes without the LF), it checks encoding,
 * record type, length, field pictures and order, assembles pupils and keeps the control totals. Record-level
 * rules (PGN check digit, age, overlapping periodes, unknown BRIN6 …) are not judged here: ROD's own rules
 * judge the pupils during conversion. Only faults that make the whole file unusable are reported.
 */
export class BronRegelParser {
  readonly fouten: BronBestandFout[] = [];
  private foutenTotaal = 0;
  private regelNr = 0;
  private stand: Stand = 'begin';
  private naam: BronBestandsnaamDelen | null;
  private leerling: BronLeerling | null = null;
  private inschrijving: BronInschrijving | null = null;
  private voorloop: BronVoorloop | null = null;
  private sluit: { regel: number; waarden: Record<string, number> } | null = null;
  readonly aantallen: BronAantallen = { personen: 0, inschrijvingen: 0, periodes: 0 };
  /** Items ready for the consumer; taken with `neem()`. */
  private uit: BronLeesItem[] = [];

  constructor(bestandsnaam: string) {
    this.naam = ontleedBestandsnaam(bestandsnaam);
    if (!this.naam) {
      this.addFout('BESTANDSNAAM_ONGELDIG', null, `Bestandsnaam ${JSON.stringify(bestandsnaam)} volgt niet het patroon <BRIN4><batch:3>A.P<aanleverpunt:2>, bijvoorbeeld 01AA001A.P01.`);
    }
  }

  get aantalRegels(): number {
    return this.regelNr;
  }

  take(): BronLeesItem[] {
    const u = this.uit;
    this.uit = [];
    return u;
  }

  /** Records a file-level fault (listed up to MAX_FOUTEN). */
  addFout(code: BronBestandFoutCode, regel: number | null, tekst: string) {
    if (this.foutenTotaal++ < MAX_FOUTEN) this.fouten.push({ code, regel, tekst });
    else if (this.foutenTotaal === MAX_FOUTEN + 1) this.fouten.push({ code, regel, tekst: `Meer dan ${MAX_FOUTEN} fouten; de rest is niet opgesomd.` });
  }

  /**
   * One line: `buf[start, eind)` without its LF. `afsluiting` says how it ended: `lf` normally, `eof` for a last
   * line without a line break, `te-lang` for a line the reader cut off at MAX_REGEL_BYTES.
   */
  readRegel(buf: Buffer, start: number, eind: number, afsluiting: 'lf' | 'eof' | 'te-lang' = 'lf'): void {
    const nr = ++this.regelNr;
    const teLang = afsluiting === 'te-lang';
    if (eind > start && buf[eind - 1] === CR) eind--;
    else if (afsluiting === 'lf') this.addFout('CODERING_ONGELDIG', nr, `Regel ${nr} eindigt op LF zonder CR; het bestand moet CRLF gebruiken.`);
    if (afsluiting === 'eof') this.addFout('RECORD_AFGEKAPT', nr, `Regel ${nr} eindigt zonder CRLF: het bestand is afgekapt.`);
    const coderingGoed = this.checkCodering(buf, start, eind, nr);
    // One byte per character (ISO-8859-1): the line is cut by bytes, and only its text fields are decoded.
    const lengte = eind - start;
    const def = recordVan(buf, start, eind);
    if (!def) {
      this.addFout('RECORDSOORT_ONBEKEND', nr, `Regel ${nr}: onbekende recordsoort ${JSON.stringify(buf.toString('latin1', start, Math.min(eind, start + 3)))}.`);
      if (nr === 1) this.addFout('VOORLOOP_ONTBREEKT', 1, 'Regel 1 is geen voorloop (recordsoort 300).');
      if (this.stand === 'begin') this.stand = 'voorloop';
      return;
    }
    // The control totals count up to the sluit; what follows it is out of order.
    if (this.stand !== 'sluit') this.count(def);
    const volgordeGoed = this.checkVolgorde(def, nr);
    // With the wrong encoding, or cut off at the end of the file, the length says nothing more.
    if (!coderingGoed || afsluiting === 'eof') return;
    let lengteGoed = true;
    if (teLang || lengte > def.lengte) {
      lengteGoed = false;
      this.addFout('RECORD_TE_LANG', nr, `Regel ${nr}: record ${def.recordsoort} is langer dan ${def.lengte} tekens.`);
    } else if (lengte < def.lengte) {
      lengteGoed = false;
      this.addFout('RECORD_AFGEKAPT', nr, `Regel ${nr}: record ${def.recordsoort} is ${lengte} tekens lang, verwacht ${def.lengte}: afgekapt.`);
    }
    if (!lengteGoed) return;
    const w = this.parseVelden(def, buf, start, nr);
    if (!w) return;
    this.process(def, w, nr, volgordeGoed);
  }

  /** Bytes that cannot be ISO-8859-1 text of a fixed-width file: control characters, C1, a UTF-8 BOM or UTF-8 sequences. */
  private checkCodering(buf: Buffer, start: number, eind: number, nr: number): boolean {
    if (nr === 1 && eind - start >= 3 && buf[start] === 0xef && buf[start + 1] === 0xbb && buf[start + 2] === 0xbf) {
      this.addFout('CODERING_ONGELDIG', nr, 'Regel 1 begint met een UTF-8-BOM; het bestand moet ISO-8859-1 zijn.');
      return false;
    }
    for (let i = start; i < eind; i++) {
      const b = buf[i];
      if (b >= 0x20 && b < 0x7f) continue;
      const kolom = i - start + 1;
      if (b < 0x20 || b === 0x7f || b < 0xa0) {
        this.addFout('CODERING_ONGELDIG', nr, `Regel ${nr}, kolom ${kolom}: byte 0x${b.toString(16).padStart(2, '0')} is geen ISO-8859-1-teken van een recordbestand.`);
        return false;
      }
      // A UTF-8 lead byte followed by its continuation bytes (0x80–0xBF): UTF-8 text, not ISO-8859-1.
      const volg = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
      if (volg && i + volg < eind) {
        let utf8 = true;
        for (let k = 1; k <= volg; k++) if (buf[i + k] < 0x80 || buf[i + k] > 0xbf) utf8 = false;
        if (utf8) {
          this.addFout('CODERING_ONGELDIG', nr, `Regel ${nr}, kolom ${kolom}: UTF-8-tekens; het bestand moet ISO-8859-1 zijn.`);
          return false;
        }
      }
    }
    return true;
  }

  private count(def: BronRecord) {
    if (def === BRON_RECORDS.persoon) this.aantallen.personen++;
    else if (def === BRON_RECORDS.inschrijving) this.aantallen.inschrijvingen++;
    else if (def === BRON_RECORDS.periode) this.aantallen.periodes++;
  }

  /** Voorloop first, then persoon records each followed by inschrijvingen each followed by periodes, sluit last. */
  private checkVolgorde(def: BronRecord, nr: number): boolean {
    const s = this.stand;
    if (s === 'begin' && def !== BRON_RECORDS.voorloop) {
      this.addFout('VOORLOOP_ONTBREEKT', nr, `Regel ${nr} is geen voorloop (recordsoort 300).`);
      this.stand = 'voorloop';
    }
    if (this.stand === 'sluit') return this.volgordeFout(def, nr, 'staat na de sluit');
    switch (def.naam) {
      case 'voorloop':
        if (s !== 'begin') return this.volgordeFout(def, nr, 'staat niet op regel 1');
        this.stand = 'voorloop';
        return true;
      case 'persoon':
        this.stand = 'persoon';
        return true;
      case 'inschrijving':
        if (this.stand !== 'persoon' && this.stand !== 'inschrijving' && this.stand !== 'periodes') return this.volgordeFout(def, nr, 'volgt niet op een persoon');
        this.stand = 'inschrijving';
        return true;
      case 'speciaalOnderwijs':
        if (this.stand !== 'inschrijving') return this.volgordeFout(def, nr, 'volgt niet direct op een inschrijving');
        this.stand = 'periodes';
        return true;
      case 'periode':
        if (this.stand !== 'inschrijving' && this.stand !== 'periodes') return this.volgordeFout(def, nr, 'volgt niet op een inschrijving');
        this.stand = 'periodes';
        return true;
      case 'sluit':
        this.stand = 'sluit';
        return true;
    }
  }

  private volgordeFout(def: BronRecord, nr: number, waarom: string): false {
    this.addFout('VOLGORDE_ONGELDIG', nr, `Regel ${nr}: record ${def.recordsoort} ${waarom}.`);
    return false;
  }

  /** A field `buf[s, s + v.lengte)` that does not fit its picture. */
  private veldFout(v: BronVeld, buf: Buffer, s: number, nr: number, waarom: string): null {
    const ruw = buf.toString('latin1', s, s + v.lengte);
    this.addFout('VELD_ONGELDIG', nr, `Regel ${nr}, kolom ${v.positie}: ${v.naam} ${JSON.stringify(ruw)} ${waarom}.`);
    return null;
  }

  /**
   * Field values by the layout's pictures, in the order of the record's fields; or null (with a fault) when one does not
   * fit. Cut from the line's bytes (`buf` from `start`, its length already checked): numbers and dates are read from
   * the digits, only text is decoded (ISO-8859-1) and trimmed of spaces and no-break spaces as String.prototype.trim would.
   */
  private parseVelden(def: BronRecord, buf: Buffer, start: number, nr: number): Waarde[] | null {
    const velden = def.velden;
    const w: Waarde[] = new Array(velden.length);
    for (let k = 0; k < velden.length; k++) {
      const v = velden[k];
      const s = start + v.positie - 1;
      const e = s + v.lengte;
      // Blank: only spaces after a leading space; a DATUM of zeros too.
      let leeg: boolean;
      if (buf[s] === SPATIE) {
        leeg = true;
        for (let i = s + 1; i < e; i++) if (!isWit(buf[i])) { leeg = false; break; }
      } else leeg = v.soort === 'DATUM' && cijfers(buf, s, e) === 0;
      if (leeg) {
        if (v.verplicht) return this.veldFout(v, buf, s, nr, 'ontbreekt');
        w[k] = null;
        continue;
      }
      switch (v.soort) {
        case 'N': {
          const n = cijfers(buf, s, e);
          if (n < 0) return this.veldFout(v, buf, s, nr, 'is niet numeriek');
          w[k] = v.naam === 'pgn' ? buf.toString('latin1', s, e) : n;
          break;
        }
        case 'DATUM': {
          const n = cijfers(buf, s, e);
          if (n < 0) return this.veldFout(v, buf, s, nr, 'is geen datum jjjjmmdd');
          const mm = Math.floor(n / 100) % 100;
          const dd = n % 100;
          if ((mm === 0 || dd === 0) && !(v.deelsBekend && (mm !== 0 || dd === 0))) return this.veldFout(v, buf, s, nr, 'is geen volledige datum');
          w[k] = datumTekst(n);
          break;
        }
        case 'CODE': {
          const t = trimLatin1(buf, s, e);
          if (!v.waarden!.includes(t)) return this.veldFout(v, buf, s, nr, `is geen van ${v.waarden!.join(', ')}`);
          w[k] = t;
          break;
        }
        default:
          w[k] = trimLatin1(buf, s, e);
      }
    }
    return w;
  }

  private process(def: BronRecord, w: Waarde[], nr: number, volgordeGoed: boolean) {
    switch (def.naam) {
      case 'voorloop': {
        if (!volgordeGoed) return;
        const n = this.naam;
        const v: BronVoorloop = { brin4: w[VL.brin4] as string, batchnummer: w[VL.batchnummer] as number, aanleverpunt: w[VL.aanleverpunt] as number, aanmaakdatum: w[VL.aanmaakdatum] as string, aantalPersonen: w[VL.aantalPersonen] as number };
        if (n && (n.brin4 !== v.brin4 || n.batchnummer !== v.batchnummer || n.aanleverpunt !== v.aanleverpunt)) {
          this.addFout('BESTANDSNAAM_ONGELDIG', nr, `De voorloop (BRIN ${v.brin4}, batch ${v.batchnummer}, aanleverpunt ${v.aanleverpunt}) past niet bij de bestandsnaam (BRIN ${n.brin4}, batch ${n.batchnummer}, aanleverpunt ${n.aanleverpunt}).`);
        }
        this.voorloop = v;
        this.uit.push({ soort: 'voorloop', voorloop: v });
        return;
      }
      case 'persoon': {
        this.closeLeerling();
        const bsn = w[PS.pgnSoort] === 'B';
        this.leerling = {
          regel: nr,
          burgerservicenummer: bsn ? (w[PS.pgn] as string) : null,
          onderwijsnummer: bsn ? null : (w[PS.pgn] as string),
          geboortedatum: w[PS.geboortedatum] as string,
          geslacht: w[PS.geslacht] as BronLeerling['geslacht'],
          postcode: w[PS.postcode] as string | null,
          achternaam: w[PS.achternaam] as string,
          voorvoegsel: w[PS.voorvoegsel] as string | null,
          voornamen: w[PS.voornamen] as string | null,
          inschrijvingen: [],
        };
        this.inschrijving = null;
        return;
      }
      case 'inschrijving':
        if (!volgordeGoed || !this.leerling) return;
        this.inschrijving = {
          regel: nr,
          inschrijvingvolgnummer: w[IS.inschrijvingvolgnummer] as string,
          datumInschrijving: w[IS.datumInschrijving] as string,
          datumUitschrijving: w[IS.datumUitschrijving] as string | null,
          periodes: [],
        };
        this.leerling.inschrijvingen.push(this.inschrijving);
        return;
      case 'speciaalOnderwijs':
        if (!volgordeGoed || !this.inschrijving) return;
        this.inschrijving.speciaalOnderwijs = {
          regel: nr,
          schoolsoort: String(w[SO.schoolsoort]),
          cluster: w[SO.cluster] as number,
          soortOnderwijs: w[SO.soortOnderwijs] as string | null,
          soortVerblijf: w[SO.soortVerblijf] as string | null,
          arrangement: w[SO.arrangement] as string | null,
          uitstroomprofiel: w[SO.uitstroomprofiel] as string | null,
          beschikkingsnummer: w[SO.beschikkingsnummer] as string | null,
          tlvDatumBegin: w[SO.tlvDatumBegin] as string | null,
          tlvDatumEinde: w[SO.tlvDatumEinde] as string | null,
        };
        return;
      case 'periode':
        if (!volgordeGoed || !this.inschrijving) return;
        this.inschrijving.periodes.push({ regel: nr, datumBegin: w[PE.datumBegin] as string, vestigingscode: w[PE.vestigingscode] as string, groep: w[PE.groep] as string });
        return;
      case 'sluit':
        this.closeLeerling();
        if (volgordeGoed) this.sluit = { regel: nr, waarden: Object.fromEntries(BRON_RECORDS.sluit.velden.map((v, k) => [v.naam, w[k] as number])) };
        return;
    }
  }

  private closeLeerling() {
    if (this.leerling && this.foutenTotaal === 0) this.uit.push({ soort: 'leerling', leerling: this.leerling });
    this.leerling = null;
    this.inschrijving = null;
  }

  /** After the last line: missing sluit, the control totals, then the verdict. */
  end(): BronLeesItem[] {
    this.closeLeerling();
    const n = this.regelNr;
    if (n === 0) this.addFout('VOORLOOP_ONTBREEKT', 1, 'Het bestand is leeg: er is geen voorloop (recordsoort 300).');
    if (!this.sluit && this.stand !== 'sluit') this.addFout('SLUIT_ONTBREEKT', Math.max(n, 1), `Het bestand eindigt op regel ${n} zonder sluitrecord (recordsoort 399).`);
    const a = this.aantallen;
    if (this.voorloop && this.voorloop.aantalPersonen !== a.personen) {
      this.addFout('CONTROLETOTAAL_ONJUIST', 1, `De voorloop meldt ${this.voorloop.aantalPersonen} personen, het bestand bevat er ${a.personen}.`);
    }
    if (this.sluit) {
      const s = this.sluit.waarden;
      const regel = this.sluit.regel;
      const check = (naam: string, werkelijk: number, wat: string) => {
        if (s[naam] !== werkelijk) this.addFout('CONTROLETOTAAL_ONJUIST', regel, `Regel ${regel}: het sluitrecord meldt ${s[naam]} ${wat}, het bestand bevat er ${werkelijk}.`);
      };
      check('aantalRecords', regel, 'records');
      check('aantalPersonen', a.personen, 'personen');
      check('aantalInschrijvingen', a.inschrijvingen, 'inschrijvingen');
      check('aantalPeriodes', a.periodes, 'periodes');
    }
    this.uit.push({ soort: 'einde', fouten: this.fouten, aantalRegels: n, aantallen: { ...a } });
    return this.take();
  }
}

const GZIP_MAGIE = [0x1f, 0x8b];

const alsBuffer = (c: Uint8Array | string): Buffer => (typeof c === 'string' ? Buffer.from(c, 'latin1') : Buffer.isBuffer(c) ? c : Buffer.from(c.buffer, c.byteOffset, c.byteLength));

/**
 * The bytes of the stream, gunzipped on the fly when they begin with gzip's magic bytes. The source belongs to the
 * caller: when reading stops early (a broken gzip stream, a consumer that breaks off) it is left as it is, so the
 * caller can still read the rest (to hash it) or destroy it.
 */
async function* ontpakt(bron: AsyncIterable<Uint8Array | string>): AsyncGenerator<Buffer> {
  const it = bron[Symbol.asyncIterator]();
  const kop: Buffer[] = [];
  let kopLengte = 0;
  let klaar = false;
  while (kopLengte < 2) {
    const r = await it.next();
    if (r.done) {
      klaar = true;
      break;
    }
    kop.push(alsBuffer(r.value));
    kopLengte += kop[kop.length - 1].length;
  }
  // Mostly the first chunk alone (not copied).
  const eerste = kop.length === 1 ? kop[0] : Buffer.concat(kop);
  const gzip = eerste.length >= 2 && eerste[0] === GZIP_MAGIE[0] && eerste[1] === GZIP_MAGIE[1];
  async function* rest(): AsyncGenerator<Buffer> {
    if (eerste.length) yield eerste;
    if (klaar) return;
    for (let r = await it.next(); !r.done; r = await it.next()) yield alsBuffer(r.value);
  }
  if (!gzip) {
    yield* rest();
    return;
  }
  const gunzip = pipeline(Readable.from(rest(), { objectMode: false }), createGunzip(), () => undefined);
  for await (const c of gunzip) yield c as Buffer;
}

const isZlibFout = (e: unknown) => typeof (e as { code?: unknown })?.code === 'string' && (e as { code: string }).code.startsWith('Z_');

/**
 * Reads one BRON po export (our layout, `bron-layout.ts`) as a stream: plain or gzipped (recognised by its
 * magic bytes), line by line, never the whole file in memory. Yields the voorloop, each pupil once its last
 * periode has been read, and finally `einde` with every file-level fault and its line number. A file with
 * any fault is refused whole; the consumer throws away what it took from it. Errors of the stream itself
 * (not of its content) are thrown.
 */
export async function* leesBronBestand(stream: AsyncIterable<Uint8Array | string>, bestandsnaam: string): AsyncGenerator<BronLeesItem> {
  for await (const items of leesBronBestandPerStuk(stream, bestandsnaam)) yield* items;
}

/**
 * `leesBronBestand` a chunk at a time: per chunk of the stream the items it completed (possibly none), `einde` in the
 * last. For a consumer that handles many items at once (staging), without a hop through the generator per item.
 */
export async function* leesBronBestandPerStuk(stream: AsyncIterable<Uint8Array | string>, bestandsnaam: string): AsyncGenerator<BronLeesItem[]> {
  const p = new BronRegelParser(bestandsnaam);
  // Part of a line carried over from the previous chunk; or, while `overslaan`, the rest of a too long line is skipped.
  let rest: Buffer | null = null;
  let overslaan = false;
  const bewaar = (b: Buffer) => {
    if (b.length > MAX_REGEL_BYTES) {
      p.readRegel(b, 0, MAX_REGEL_BYTES, 'te-lang');
      rest = null;
      overslaan = true;
    } else rest = b;
  };
  try {
    for await (const chunk of ontpakt(stream)) {
      let pos = 0;
      if (rest || overslaan) {
        const lf = chunk.indexOf(LF);
        if (lf < 0) {
          if (!overslaan) bewaar(Buffer.concat([rest!, chunk]));
          continue;
        }
        if (!overslaan) {
          const regel = Buffer.concat([rest!, chunk.subarray(0, lf)]);
          p.readRegel(regel, 0, regel.length, regel.length > MAX_REGEL_BYTES ? 'te-lang' : 'lf');
        }
        overslaan = false;
        rest = null;
        pos = lf + 1;
      }
      for (let lf = chunk.indexOf(LF, pos); lf >= 0; lf = chunk.indexOf(LF, pos)) {
        p.readRegel(chunk, pos, lf, lf - pos > MAX_REGEL_BYTES ? 'te-lang' : 'lf');
        pos = lf + 1;
      }
      // A copy, so the chunk itself is not kept alive by the carried-over bytes.
      if (pos < chunk.length) bewaar(Buffer.from(chunk.subarray(pos)));
      const items = p.take();
      if (items.length) yield items;
    }
    const laatste = rest as Buffer | null;
    if (laatste && laatste.length) p.readRegel(laatste, 0, laatste.length, 'eof');
  } catch (e) {
    if (!isZlibFout(e)) throw e;
    p.addFout('CODERING_ONGELDIG', p.aantalRegels + 1, `De gzip-stroom is onleesbaar na regel ${p.aantalRegels}: ${(e as Error).message}.`);
  }
  yield p.end();
}
