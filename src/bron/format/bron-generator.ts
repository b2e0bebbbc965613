import { gzipSync } from 'node:zlib';
import { buildDataset, VestigingState } from '../../rio';
import { bsnMetControlecijfer, onderwijsnummerVoor, SOORT_ONDERWIJS_PER_CLUSTER, UITSTROOMPROFIELEN } from '../../rod';
import type { BronAantallen, BronBestandFoutCode, BronInschrijving, BronLeerling, BronPeriode } from './bron-bestand';
import { BRON_LAYOUT_VERSIE, bestandsnaamVoor } from './bron-layout';
import { ACHTERNAMEN, TUSSENNAMEN, VOORNAMEN_M, VOORNAMEN_V } from './bron-namen';
import { alsBytes, leerlingRegels, sluitRegel, voorloopRegel } from './bron-schrijver';

/**
 * Generates the BRON po export of a whole country (our layout, `bron-layout.ts`) for the schools of a RIO
 * seed: one file per BRIN4 (bo and sbo; (v)so with its so/vso part in record 322, our own addition), realistic pupils, and flaws injected at
 * a chosen rate per category (at bo/sbo schools, and (v)so categories at the schools for (voortgezet) speciaal onderwijs), each listed in a manifest so a test or the migration job can check that every
 * flaw is caught. Deterministic: the same options give the same bytes. Streams: one school at a time.
 */

/**
 * Flaw categories. Two refuse the whole file (the reader reports them); the others are record-level faults
 * that ROD's own rules (or the migration job) judge per pupil. The (v)so categories (`SO_FOUTEN`) are drawn per so/vso
 * pupil of a school for (voortgezet) speciaal onderwijs, the others per bo/sbo pupil.
 */
export const BRON_FOUTCATEGORIEEN = [
  'PGN_CONTROLECIJFER',
  'BRIN6_ONBEKEND',
  'BRIN6_NIET_ONDER_BRIN4',
  'PERIODES_OVERLAPPEN',
  'LEERLING_OP_TWEE_SCHOLEN',
  'TE_JONG',
  'VOLGNUMMER_DUBBEL',
  'CONTROLETOTAAL_ONJUIST',
  'RECORD_AFGEKAPT',
  'SO_CONTRACT_OP_BO_SCHOOL',
  'SO_TLV_ONTBREEKT',
  'VSO_TE_OUD',
] as const;
export type BronFoutcategorie = (typeof BRON_FOUTCATEGORIEEN)[number];

/** The file-level categories and the reader's fault code for each. */
export const BESTANDSFOUT_VAN: Partial<Record<BronFoutcategorie, BronBestandFoutCode>> = {
  CONTROLETOTAAL_ONJUIST: 'CONTROLETOTAAL_ONJUIST',
  RECORD_AFGEKAPT: 'RECORD_AFGEKAPT',
};
/** The categories drawn per so/vso pupil (at a school for (voortgezet) speciaal onderwijs). */
export const SO_FOUTEN: readonly BronFoutcategorie[] = ['SO_TLV_ONTBREEKT', 'VSO_TE_OUD'];
const RECORDFOUTEN = BRON_FOUTCATEGORIEEN.filter((c) => !BESTANDSFOUT_VAN[c] && !SO_FOUTEN.includes(c));
const BESTANDSFOUTEN = BRON_FOUTCATEGORIEEN.filter((c) => BESTANDSFOUT_VAN[c]);

export interface BronGeneratorOpties {
  /** Pupils in total (each enrolled at one school; movers and a flaw may add a record in a second file). */
  leerlingen: number;
  seed: number;
  /** The date of the export, the BRON freeze: 2021-12-06. */
  datum?: string;
  /** The seed value and scale of the RIO seed whose schools the files are for (a sandbox's seedValue, default 1). */
  rioSeed?: number;
  rioSchaal?: 'small' | 'national';
  /**
   * Chance per category: per pupil for a record-level category, per file for a file-level one (at least one
   * file when the chance is above 0). A flawed file gets no record-level flaws, so each flaw stays visible.
   */
  foutkansen?: Partial<Record<BronFoutcategorie, number>>;
  /** Write each file gzipped, as `<name>.gz`. */
  gzip?: boolean;
}

export interface BronManifestFout {
  bestand: string;
  /** The line that carries the flaw (the persoon line for PGN and age, the 322 line for the so/vso part, the periode or inschrijving line otherwise). */
  regel: number;
  categorie: BronFoutcategorie;
  /** The reader's code for a flaw that refuses the whole file; null for a record-level flaw. */
  bestandsfout: BronBestandFoutCode | null;
  /** Persoon line of the pupil concerned (record-level flaws). */
  leerlingRegel?: number;
  inschrijvingvolgnummer?: string;
  /** LEERLING_OP_TWEE_SCHOLEN: where the same pupil is enrolled too. */
  andere?: { bestand: string; regel: number };
}

export interface BronManifestBestand extends BronAantallen {
  bestand: string;
  brin4: string;
  regels: number;
  /** The file-level flaw injected in this file, if any. */
  bestandsfout: BronBestandFoutCode | null;
}

export interface BronManifest {
  layout: string;
  seed: number;
  leerlingen: number;
  datum: string;
  rioSeed: number;
  rioSchaal: 'small' | 'national';
  foutkansen: Partial<Record<BronFoutcategorie, number>>;
  totaal: BronAantallen & { bestanden: number; regels: number; bytes: number };
  foutenPerCategorie: Record<BronFoutcategorie, number>;
  bestanden: BronManifestBestand[];
  fouten: BronManifestFout[];
}

// ---- deterministic randomness -------------------------------------------------------------------------

/** mulberry32 seeded from a few integers, so any pupil can be generated on its own. */
class Rng {
  private a: number;
  constructor(...delen: number[]) {
    let h = 0x9e3779b9;
    for (const d of delen) {
      h = Math.imul(h ^ (d | 0), 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h ^= h >>> 16;
    }
    this.a = h >>> 0;
  }
  next(): number {
    this.a = (this.a + 0x6d2b79f5) >>> 0;
    let t = this.a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
}

// ---- dates as day numbers ---------------------------------------------------------------------------------

const DAG_MS = 86400000;
const dagVan = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAG_MS;
const TABEL_BEGIN = dagVan('1990-01-01');
const DATUMS: string[] = Array.from({ length: dagVan('2060-01-01') - TABEL_BEGIN }, (_, i) => new Date((TABEL_BEGIN + i) * DAG_MS).toISOString().slice(0, 10));
const isoVan = (dag: number) => DATUMS[dag - TABEL_BEGIN];

/** First school day of a school year: a Monday from 16 August on, the regions taking turns as the summer holiday rotates. */
function schoolbegin(jaar: number, regio: number): number {
  const aug16 = dagVan(`${jaar}-08-16`);
  const weekdag = (aug16 + 4) % 7; // 1970-01-01 was a Thursday; 1 = Monday
  return aug16 + ((8 - weekdag) % 7) + 7 * ((jaar + regio) % 3);
}
const schooljaarVan = (iso: string) => (iso.slice(5) >= '08-01' ? Number(iso.slice(0, 4)) : Number(iso.slice(0, 4)) - 1);

// ---- schools ------------------------------------------------------------------------------------------------

interface School {
  index: number;
  brin4: string;
  soort: 'BAS' | 'SBAS' | 'SPEC';
  /** SPEC: the cluster of RIO's soCluster (3 or 4 when RIO has none). */
  cluster: number | null;
  inBedrijf: number;
  regio: number;
  hoofd: VestigingState;
  neven: VestigingState | null;
  postcode4: number;
  leerlingen: number;
  /** First global pupil number of the school. */
  eerste: number;
  bestandsfout: BronFoutcategorie | null;
}

const geldigOp = (v: VestigingState, dag: number) => dagVan(v.inBedrijfdatum) <= dag && (!v.uitBedrijfdatum || dag < dagVan(v.uitBedrijfdatum));

/** One so/vso pupil for every SO_DEEL bo and sbo pupils, on top of them. */
const SO_DEEL = 50;

function scholen(opties: Required<Omit<BronGeneratorOpties, 'gzip' | 'foutkansen'>>, foutkansen: Partial<Record<BronFoutcategorie, number>>): { lijst: School[]; speciaal: School[] } {
  const { dataset } = buildDataset(opties.rioSchaal, opties.rioSeed);
  const datum = dagVan(opties.datum);
  const vestigingen = new Map<string, VestigingState[]>();
  for (const v of dataset.vestigingen) {
    const lijst = vestigingen.get(v.instellingscode) ?? [];
    lijst.push(v);
    vestigingen.set(v.instellingscode, lijst);
  }
  const r = new Rng(opties.seed, 1);
  const lijst: School[] = [];
  const gewichten: number[] = [];
  for (const i of dataset.instellingen) {
    if ((i.soort !== 'BAS' && i.soort !== 'SBAS') || dagVan(i.inBedrijfdatum) > datum || (i.uitBedrijfdatum && dagVan(i.uitBedrijfdatum) <= datum)) continue;
    const vs = (vestigingen.get(i.code) ?? []).sort((a, b) => (a.code < b.code ? -1 : 1));
    const hoofd = vs.find((v) => v.hoofdNevenvestiging === 'HOOFDVESTIGING');
    if (!hoofd) continue;
    lijst.push({
      index: lijst.length,
      brin4: i.code,
      soort: i.soort,
      cluster: null,
      inBedrijf: dagVan(i.inBedrijfdatum),
      regio: r.int(0, 2),
      hoofd,
      neven: vs.find((v) => v !== hoofd) ?? null,
      postcode4: Number(hoofd.adres.postcode.slice(0, 4)),
      leerlingen: 0,
      eerste: 0,
      bestandsfout: null,
    });
    // School sizes: sbo small, bo from a village school to a large town school.
    gewichten.push(i.soort === 'SBAS' ? 60 + 120 * r.next() : 30 + 520 * r.next() ** 1.6);
  }
  const som = gewichten.reduce((a, b) => a + b, 0);
  let verdeeld = 0;
  lijst.forEach((s, k) => {
    s.leerlingen = Math.floor((opties.leerlingen * gewichten[k]) / som);
    verdeeld += s.leerlingen;
  });
  for (let k = 0; verdeeld < opties.leerlingen; k = (k + 1) % lijst.length, verdeeld++) lijst[k].leerlingen++;
  let eerste = 0;
  for (const s of lijst) {
    s.eerste = eerste;
    eerste += s.leerlingen;
  }
  // File-level flaws: per file with the given chance, at least one file when the chance is above 0.
  const rf = new Rng(opties.seed, 2);
  for (const categorie of BESTANDSFOUTEN) {
    const kans = foutkansen[categorie] ?? 0;
    if (kans <= 0) continue;
    const kandidaten = lijst.filter((s) => s.leerlingen > 0 && !s.bestandsfout);
    const gekozen = kandidaten.filter(() => rf.chance(kans));
    if (!gekozen.length && kandidaten.length) gekozen.push(rf.pick(kandidaten));
    for (const s of gekozen) s.bestandsfout = categorie;
  }
  return { lijst, speciaal: specialeScholen(dataset, vestigingen, datum, opties, lijst.length, eerste) };
}

/**
 * The schools for (voortgezet) speciaal onderwijs (RIO soort SPEC) with their so/vso pupils: on top of the bo and sbo pupils
 * and drawn from randomness of their own, so the bo and sbo files stay as they were. Numbered after the bo and sbo schools
 * (school index and pupil number), so every pupil keeps a BSN of its own.
 */
function specialeScholen(
  dataset: ReturnType<typeof buildDataset>['dataset'],
  vestigingen: Map<string, VestigingState[]>,
  datum: number,
  opties: { leerlingen: number; seed: number },
  eersteIndex: number,
  eersteLeerling: number,
): School[] {
  const r = new Rng(opties.seed, 6);
  const lijst: School[] = [];
  const gewichten: number[] = [];
  for (const i of dataset.instellingen) {
    if (i.soort !== 'SPEC' || dagVan(i.inBedrijfdatum) > datum || (i.uitBedrijfdatum && dagVan(i.uitBedrijfdatum) <= datum)) continue;
    const vs = (vestigingen.get(i.code) ?? []).sort((a, b) => (a.code < b.code ? -1 : 1));
    const hoofd = vs.find((v) => v.hoofdNevenvestiging === 'HOOFDVESTIGING');
    if (!hoofd || !geldigOp(hoofd, datum)) continue;
    const cluster = /^CLUSTER_([1-4])$/.exec(i.soCluster ?? '')?.[1];
    lijst.push({
      index: eersteIndex + lijst.length, brin4: i.code, soort: 'SPEC', cluster: cluster ? Number(cluster) : r.int(3, 4), inBedrijf: dagVan(i.inBedrijfdatum), regio: r.int(0, 2),
      hoofd, neven: null, postcode4: Number(hoofd.adres.postcode.slice(0, 4)), leerlingen: 0, eerste: 0, bestandsfout: null,
    });
    gewichten.push(20 + 100 * r.next());
  }
  const totaal = Math.ceil(opties.leerlingen / SO_DEEL);
  const som = gewichten.reduce((a, b) => a + b, 0);
  let eerste = eersteLeerling;
  lijst.forEach((s, k) => {
    s.leerlingen = Math.max(1, Math.round((totaal * gewichten[k]) / som));
    s.eerste = eerste;
    eerste += s.leerlingen;
  });
  return lijst;
}

// ---- pupils -------------------------------------------------------------------------------------------------

/** One school year of a pupil: from `begin`, in `groep` at `vestiging`. */
interface Jaar {
  jaar: number;
  begin: number;
  groep: number;
  vestiging: string;
}

interface Gegenereerd {
  leerling: BronLeerling;
  /** `periode` 'so': the flaw is in the inschrijving's so/vso part (record 322). */
  fout: { categorie: BronFoutcategorie; inschrijving: number; periode: number | 'so' | null } | null;
  /** A record of the same pupil in the next school's file: an earlier inschrijving (moved) or an overlapping one (flaw). */
  elders: { soort: 'vorige' | 'dubbel'; inschrijving: BronInschrijving } | null;
}

const PGN_PERMUTATIE = 7368787; // odd, not a multiple of 5: a permutation of 0…10^8−1

/** A unique valid BSN per global pupil number (never in 99999xxxx, the range of ROD's own test persons). */
function bsnVoor(n: number, seed: number): string {
  for (let t = 0; ; t++) {
    const acht = String((((n * 16 + t) * PGN_PERMUTATIE + seed * 104729 + 12345678) % 1e8 + 1e8) % 1e8).padStart(8, '0');
    if (acht.startsWith('99999')) continue;
    const bsn = bsnMetControlecijfer(acht);
    if (bsn) return bsn;
  }
}

/** About one pupil in a hundred has an onderwijsnummer instead of a BSN (pupils living abroad). */
const ON_DEEL = 97;
function onderwijsnummerVan(n: number): string {
  for (let t = 0; ; t++) {
    const on = onderwijsnummerVoor(1000 + Math.floor(n / ON_DEEL) * 10 + t);
    if (on) return on;
  }
}

function postcode(r: Rng, pc4: number): string {
  const cijfers = Math.min(9999, Math.max(1000, pc4 + r.int(-12, 12)));
  for (;;) {
    const letters = String.fromCharCode(65 + r.int(0, 25), 65 + r.int(0, 25));
    if (letters !== 'SA' && letters !== 'SD' && letters !== 'SS') return `${cijfers}${letters}`;
  }
}

function periodesVan(jaren: Jaar[]): BronPeriode[] {
  const uit: BronPeriode[] = [];
  let vorige: Jaar | null = null;
  for (const j of jaren) {
    if (!vorige || vorige.groep !== j.groep || vorige.vestiging !== j.vestiging) uit.push({ regel: 0, datumBegin: isoVan(j.begin), vestigingscode: j.vestiging, groep: String(j.groep) });
    vorige = j;
  }
  return uit;
}

interface Context {
  seed: number;
  datum: number;
  scholen: School[];
  /** Record-level categories with their cumulative chance, drawn once per pupil. */
  kansen: { categorie: BronFoutcategorie; tot: number }[];
  /** The same for the (v)so categories, drawn once per so/vso pupil. */
  soKansen: { categorie: BronFoutcategorie; tot: number }[];
}

function genereerLeerling(ctx: Context, school: School, j: number): Gegenereerd {
  const r = new Rng(ctx.seed, 3, school.index, j);
  const n = school.eerste + j;
  const volgende = ctx.scholen[school.index + 1] as School | undefined;
  const schoonBestand = !school.bestandsfout;
  const laatsteJaar = schooljaarVan(isoVan(ctx.datum));

  // Which flaw, if any (record-level ones only in a file without a file-level flaw).
  let categorie: BronFoutcategorie | null = null;
  const worp = r.next();
  if (schoonBestand) categorie = ctx.kansen.find((k) => worp < k.tot)?.categorie ?? null;

  // Groep now, and the school year the pupil started groep 1.
  const groepNu = school.soort === 'SBAS' ? r.int(3, 8) : r.next() < 0.07 ? 1 : r.int(1, 8);
  const zittenblijver = groepNu >= 3 && r.chance(0.06);
  const startjaar = laatsteJaar - (groepNu - 1) - (zittenblijver ? 1 : 0);
  const blijfjaar = zittenblijver ? r.int(startjaar + 2, laatsteJaar) : -1;
  // The fourth birthday falls in the school year the pupil starts (groep 1 enrols from then on; WPO art. 39).
  const regio = school.regio;
  const van = schoolbegin(startjaar, regio) - 14;
  const tot = startjaar === laatsteJaar ? ctx.datum - 6 : dagVan(`${startjaar + 1}-07-10`);
  const vierjaar = r.int(van, Math.max(van, tot));
  const vierIso = isoVan(vierjaar);
  const geboortedatum = `${Number(vierIso.slice(0, 4)) - 4}${vierIso.slice(4)}`;
  let instroom = Math.max(vierjaar + r.int(0, 5), schoolbegin(startjaar, regio));

  const jaren: Jaar[] = [];
  const voorkeurNeven = !!school.neven && r.chance(0.35);
  let groep = 1;
  for (let jaar = startjaar; jaar <= laatsteJaar; jaar++) {
    if (jaar > startjaar && jaar !== blijfjaar) groep = Math.min(8, groep + 1);
    const begin = jaar === startjaar ? instroom : schoolbegin(jaar, regio);
    if (begin > ctx.datum) break;
    const vestiging = voorkeurNeven && geldigOp(school.neven!, begin) ? school.neven!.code : school.hoofd.code;
    jaren.push({ jaar, begin, groep, vestiging });
  }
  // Pupils join an sbo later; a school opened after a pupil's start gets the pupil from its first year on.
  let eerste = 0;
  if (school.soort === 'SBAS') eerste = r.int(Math.min(2, jaren.length - 1), jaren.length - 1);
  while (eerste < jaren.length - 1 && jaren[eerste].begin < school.inBedrijf) eerste++;
  let eigen = jaren.slice(eerste);
  if (eigen[0].begin < school.inBedrijf) eigen = [{ ...eigen[0], begin: Math.max(school.inBedrijf, schoolbegin(eigen[0].jaar, regio)) }];
  if (eerste > 0) {
    // Arrived at this school later, at the start of that school year or during it.
    const tussentijds = r.chance(0.3) ? r.int(1, 120) : 0;
    eigen[0] = { ...eigen[0], begin: Math.min(ctx.datum, eigen[0].begin + tussentijds, eigen.length > 1 ? eigen[1].begin - 1 : ctx.datum) };
    eigen[0].vestiging = voorkeurNeven && geldigOp(school.neven!, eigen[0].begin) ? school.neven!.code : school.hoofd.code;
  }
  instroom = eigen[0].begin;

  const geslacht: 'M' | 'V' | 'O' = r.chance(0.0005) ? 'O' : r.chance(0.5) ? 'M' : 'V';
  const namen = geslacht === 'M' ? VOORNAMEN_M : geslacht === 'V' ? VOORNAMEN_V : r.chance(0.5) ? VOORNAMEN_M : VOORNAMEN_V;
  const [voorvoegsel, achternaam] = r.pick(ACHTERNAMEN);
  const voornamen = r.chance(0.35) ? `${r.pick(namen)} ${r.pick(TUSSENNAMEN)}` : r.pick(namen);
  const metOnderwijsnummer = n % ON_DEEL === 13;
  const volgnummer = String(100001 + j);

  const leerling: BronLeerling = {
    regel: 0,
    burgerservicenummer: metOnderwijsnummer ? null : bsnVoor(n, ctx.seed),
    onderwijsnummer: metOnderwijsnummer ? onderwijsnummerVan(n) : null,
    // Some pupils from abroad have a partly known geboortedatum, as BRON kept it.
    geboortedatum: metOnderwijsnummer && r.chance(0.25) ? (r.chance(0.5) ? `${geboortedatum.slice(0, 7)}-00` : `${geboortedatum.slice(0, 4)}-00-00`) : geboortedatum,
    geslacht,
    postcode: metOnderwijsnummer ? null : postcode(r, school.postcode4),
    achternaam,
    voorvoegsel: voorvoegsel || null,
    voornamen,
    inschrijvingen: [{ regel: 0, inschrijvingvolgnummer: volgnummer, datumInschrijving: isoVan(instroom), datumUitschrijving: null, periodes: periodesVan(eigen) }],
  };
  const uit: Gegenereerd = { leerling, fout: null, elders: null };
  const inschrijving = leerling.inschrijvingen[0];

  if (!categorie) {
    // A pupil who moved here from the next school at the start of a school year: its ended inschrijving there.
    if (volgende && eerste === 0 && eigen.length >= 2 && r.chance(0.03) && geldigOp(volgende.hoofd, instroom)) {
      const k = r.int(1, eigen.length - 1);
      const daar = eigen.slice(0, k).map((x) => ({ ...x, vestiging: volgende.hoofd.code }));
      const hier = eigen.slice(k);
      inschrijving.datumInschrijving = isoVan(hier[0].begin);
      inschrijving.periodes = periodesVan(hier);
      uit.elders = { soort: 'vorige', inschrijving: { regel: 0, inschrijvingvolgnummer: String(500001 + j), datumInschrijving: isoVan(daar[0].begin), datumUitschrijving: isoVan(hier[0].begin - 1), periodes: periodesVan(daar) } };
    } else if (r.chance(0.007)) {
      // Left this school year (moved abroad): datumUitschrijving before the export.
      const laatste = eigen[eigen.length - 1].begin;
      const einde = ctx.datum - r.int(3, 60);
      if (einde > laatste) inschrijving.datumUitschrijving = isoVan(einde);
    }
    return uit;
  }

  // Record-level flaws; one that cannot apply to this pupil is left out.
  const p = inschrijving.periodes;
  const laatstePeriode = p.length - 1;
  switch (categorie) {
    case 'PGN_CONTROLECIJFER': {
      const bsn = leerling.burgerservicenummer;
      if (!bsn) return uit;
      // Any other last digit breaks the 11-proef (its weight is −1).
      leerling.burgerservicenummer = bsn.slice(0, 8) + String((Number(bsn[8]) + r.int(1, 9)) % 10);
      uit.fout = { categorie, inschrijving: -1, periode: null };
      return uit;
    }
    case 'TE_JONG': {
      // The fourth birthday after datumInschrijving (WPO art. 39: not before it).
      const inDag = dagVan(inschrijving.datumInschrijving);
      leerling.geboortedatum = isoVan(inDag - 1461 + r.int(1, 90));
      uit.fout = { categorie, inschrijving: -1, periode: null };
      return uit;
    }
    case 'BRIN6_ONBEKEND':
      p[laatstePeriode] = { ...p[laatstePeriode], vestigingscode: `${school.brin4}9${r.int(0, 9)}` };
      uit.fout = { categorie, inschrijving: 0, periode: laatstePeriode };
      return uit;
    case 'BRIN6_NIET_ONDER_BRIN4': {
      const begin = dagVan(p[laatstePeriode].datumBegin);
      const ander = [ctx.scholen[school.index - 1], volgende].find((s) => s && geldigOp(s.hoofd, begin));
      if (!ander) return uit;
      p[laatstePeriode] = { ...p[laatstePeriode], vestigingscode: ander.hoofd.code };
      uit.fout = { categorie, inschrijving: 0, periode: laatstePeriode };
      return uit;
    }
    case 'PERIODES_OVERLAPPEN': {
      const k = r.int(0, laatstePeriode);
      p.splice(k + 1, 0, { ...p[k], groep: String(Math.min(8, Number(p[k].groep) + 1)) });
      uit.fout = { categorie, inschrijving: 0, periode: k + 1 };
      return uit;
    }
    case 'VOLGNUMMER_DUBBEL': {
      if (p.length < 2) return uit;
      // Left and came back: two inschrijvingen at this school with the same volgnummer.
      const k = r.int(1, laatstePeriode);
      const terug = dagVan(p[k].datumBegin);
      const weg = Math.max(dagVan(p[k - 1].datumBegin), terug - 1 - r.int(0, 40));
      leerling.inschrijvingen = [
        { regel: 0, inschrijvingvolgnummer: volgnummer, datumInschrijving: inschrijving.datumInschrijving, datumUitschrijving: isoVan(weg), periodes: p.slice(0, k) },
        { regel: 0, inschrijvingvolgnummer: volgnummer, datumInschrijving: p[k].datumBegin, datumUitschrijving: null, periodes: p.slice(k) },
      ];
      uit.fout = { categorie, inschrijving: 1, periode: null };
      return uit;
    }
    case 'SO_CONTRACT_OP_BO_SCHOOL': {
      // The inschrijving carries a so/vso part (record 322) that would be right at a cluster 4 school, with its TLV: only the school does not fit.
      const begin = inschrijving.datumInschrijving;
      inschrijving.speciaalOnderwijs = {
        regel: 0, schoolsoort: '1', cluster: 4, soortOnderwijs: r.pick(SOORT_ONDERWIJS_PER_CLUSTER[4]), soortVerblijf: 'REGULIER', arrangement: null, uitstroomprofiel: null,
        beschikkingsnummer: `TLV-${begin.slice(0, 4)}-${String(n % 1000000).padStart(6, '0')}`, tlvDatumBegin: begin, tlvDatumEinde: `${laatsteJaar + 2}-07-31`,
      };
      uit.fout = { categorie, inschrijving: 0, periode: 'so' };
      return uit;
    }
    case 'LEERLING_OP_TWEE_SCHOLEN': {
      if (!volgende || volgende.bestandsfout) return uit;
      const begin = Math.max(instroom, ctx.datum - r.int(10, 80));
      if (!geldigOp(volgende.hoofd, begin)) return uit;
      const groepNu = p[laatstePeriode].groep;
      uit.elders = {
        soort: 'dubbel',
        inschrijving: { regel: 0, inschrijvingvolgnummer: String(700001 + j), datumInschrijving: isoVan(begin), datumUitschrijving: null, periodes: [{ regel: 0, datumBegin: isoVan(begin), vestigingscode: volgende.hoofd.code, groep: groepNu }] },
      };
      uit.fout = { categorie, inschrijving: -1, periode: null };
      return uit;
    }
    default:
      return uit;
  }
}

/**
 * A pupil of a school for (voortgezet) speciaal onderwijs: about two in three so (4 to 12, groep by age), the others vso
 * (12 to 19, periode groep 8, an uitstroomprofiel), in the school's cluster with a soortOnderwijs of it, admitted at the
 * start of a school year (at most three years ago, not before the fourth birthday or the school's opening), with a
 * toelaatbaarheidsverklaring for cluster 3/4 to the end of the next school year. No movers. A (v)so flaw is drawn from
 * randomness of its own, so an unflawed pupil is the same with or without (v)so flaw rates: `VSO_TE_OUD` makes the
 * pupil a vso pupil of 22 to 24 (already 20 before 1 August), `SO_TLV_ONTBREEKT` leaves the toelaatbaarheidsverklaring
 * out at a cluster 3/4 school (elsewhere it cannot apply and is left out).
 */
function genereerSoLeerling(ctx: Context, school: School, j: number): Gegenereerd {
  const r = new Rng(ctx.seed, 7, school.index, j);
  const worp = new Rng(ctx.seed, 8, school.index, j).next();
  let categorie = ctx.soKansen.find((k) => worp < k.tot)?.categorie ?? null;
  const cluster = school.cluster ?? 4;
  if (categorie === 'SO_TLV_ONTBREEKT' && cluster < 3) categorie = null;
  const teOud = categorie === 'VSO_TE_OUD';
  const n = school.eerste + j;
  const laatsteJaar = schooljaarVan(isoVan(ctx.datum));
  const vso = teOud || r.chance(1 / 3);
  const leeftijd = teOud ? r.int(22, 24) : vso ? r.int(12, 19) : r.int(5, 12);
  // Born so the pupil is `leeftijd` on 1 October of the current school year.
  const geboortedag = dagVan(`${laatsteJaar - leeftijd}-10-01`) - r.int(0, 364);
  const geboortedatum = isoVan(geboortedag);
  const regio = school.regio;
  let startjaar = laatsteJaar - r.int(0, Math.min(3, leeftijd - 5));
  while (startjaar < laatsteJaar && (schoolbegin(startjaar, regio) < geboortedag + 1461 || schoolbegin(startjaar, regio) < school.inBedrijf || !geldigOp(school.hoofd, schoolbegin(startjaar, regio)))) startjaar++;
  const jaren: Jaar[] = [];
  for (let jaar = startjaar; jaar <= laatsteJaar; jaar++) {
    const begin = schoolbegin(jaar, regio);
    if (begin > ctx.datum) break;
    const groep = vso ? 8 : Math.min(8, Math.max(1, leeftijd - 3 - (laatsteJaar - jaar)));
    jaren.push({ jaar, begin, groep, vestiging: school.hoofd.code });
  }
  const datumInschrijving = isoVan(jaren[0].begin);
  const tlv = cluster >= 3 && categorie !== 'SO_TLV_ONTBREEKT';
  const geslacht: 'M' | 'V' = r.chance(0.7) ? 'M' : 'V';
  const [voorvoegsel, achternaam] = r.pick(ACHTERNAMEN);
  const leerling: BronLeerling = {
    regel: 0,
    burgerservicenummer: bsnVoor(n, ctx.seed),
    onderwijsnummer: null,
    geboortedatum,
    geslacht,
    postcode: postcode(r, school.postcode4),
    achternaam,
    voorvoegsel: voorvoegsel || null,
    voornamen: r.pick(geslacht === 'M' ? VOORNAMEN_M : VOORNAMEN_V),
    inschrijvingen: [
      {
        regel: 0,
        inschrijvingvolgnummer: String(300001 + j),
        datumInschrijving,
        datumUitschrijving: null,
        speciaalOnderwijs: {
          regel: 0,
          schoolsoort: vso ? '2' : '1',
          cluster,
          soortOnderwijs: r.pick(SOORT_ONDERWIJS_PER_CLUSTER[cluster]),
          soortVerblijf: r.chance(0.05) ? 'RESIDENTIELE_INSTELLING' : 'REGULIER',
          arrangement: null,
          uitstroomprofiel: vso ? r.pick(UITSTROOMPROFIELEN) : null,
          beschikkingsnummer: tlv ? `TLV-${startjaar}-${String(n % 1000000).padStart(6, '0')}` : null,
          tlvDatumBegin: tlv ? datumInschrijving : null,
          tlvDatumEinde: tlv ? `${laatsteJaar + 2}-07-31` : null,
        },
        periodes: periodesVan(jaren),
      },
    ],
  };
  const fout = categorie === 'VSO_TE_OUD' ? { categorie, inschrijving: -1, periode: null } : categorie ? { categorie, inschrijving: 0, periode: 'so' as const } : null;
  return { leerling, fout, elders: null };
}

/** Line of a record within a pupil's lines (0 = persoon): inschrijving `i`, its so/vso part ('so', right after it) or its periode `p`. */
function regelBinnen(l: BronLeerling, i: number, p: number | 'so' | null): number {
  if (i < 0) return 0;
  const so = (k: number) => (l.inschrijvingen[k].speciaalOnderwijs ? 1 : 0);
  let regel = 1;
  for (let k = 0; k < i; k++) regel += 1 + so(k) + l.inschrijvingen[k].periodes.length;
  return p === null ? regel : p === 'so' ? regel + 1 : regel + 1 + so(i) + p;
}

/** Parses `0.001` (every category) or `PGN_CONTROLECIJFER=0.01,TE_JONG=0.002`. */
export function parseFoutkansen(tekst: string): Partial<Record<BronFoutcategorie, number>> {
  const uit: Partial<Record<BronFoutcategorie, number>> = {};
  if (/^[0-9.]+$/.test(tekst)) {
    const kans = Number(tekst);
    if (!(kans >= 0 && kans <= 1)) throw new Error(`--flaws: ${tekst} is geen kans tussen 0 en 1`);
    for (const c of BRON_FOUTCATEGORIEEN) uit[c] = kans;
    return uit;
  }
  for (const deel of tekst.split(',')) {
    const [naam, waarde] = deel.split('=');
    const c = naam.trim().toUpperCase() as BronFoutcategorie;
    const kans = Number(waarde);
    if (!BRON_FOUTCATEGORIEEN.includes(c)) throw new Error(`--flaws: onbekende categorie ${naam}; bekend: ${BRON_FOUTCATEGORIEEN.join(', ')}`);
    if (!(kans >= 0 && kans <= 1)) throw new Error(`--flaws: ${deel} is geen kans tussen 0 en 1`);
    uit[c] = kans;
  }
  return uit;
}

/**
 * The files one by one (`bestand` is the file name), then the manifest as the generator's return value.
 * Memory holds one school's file at a time.
 */
export function* genereerBronBestanden(opties: BronGeneratorOpties): Generator<{ bestand: string; inhoud: Buffer }, BronManifest> {
  const volledig = { datum: '2021-12-06', rioSeed: 1, rioSchaal: 'national' as const, ...opties };
  const foutkansen = opties.foutkansen ?? {};
  const { lijst, speciaal } = scholen({ leerlingen: volledig.leerlingen, seed: volledig.seed, datum: volledig.datum, rioSeed: volledig.rioSeed, rioSchaal: volledig.rioSchaal }, foutkansen);
  const cumulatieveKansen = (categorieen: readonly BronFoutcategorie[]) => {
    let cumulatief = 0;
    const uit = categorieen.filter((c) => (foutkansen[c] ?? 0) > 0).map((categorie) => ({ categorie, tot: (cumulatief += foutkansen[categorie]!) }));
    if (cumulatief > 0.5) throw new Error('De foutkansen per leerling tellen op tot meer dan 0,5.');
    return uit;
  };
  const ctx: Context = { seed: volledig.seed, datum: dagVan(volledig.datum), scholen: lijst, kansen: cumulatieveKansen(RECORDFOUTEN), soKansen: cumulatieveKansen(SO_FOUTEN) };
  const manifest: BronManifest = {
    layout: BRON_LAYOUT_VERSIE,
    seed: volledig.seed,
    leerlingen: volledig.leerlingen,
    datum: volledig.datum,
    rioSeed: volledig.rioSeed,
    rioSchaal: volledig.rioSchaal,
    foutkansen,
    totaal: { bestanden: 0, regels: 0, bytes: 0, personen: 0, inschrijvingen: 0, periodes: 0 },
    foutenPerCategorie: Object.fromEntries(BRON_FOUTCATEGORIEEN.map((c) => [c, 0])) as Record<BronFoutcategorie, number>,
    bestanden: [],
    fouten: [],
  };
  // Records that the previous school's pupils leave in this school's file.
  let meegenomen: { leerling: BronLeerling; elders: NonNullable<Gegenereerd['elders']>; bestand: string; regel: number }[] = [];

  // The bo and sbo schools first (their movers go to the next of them), then the (v)so schools.
  for (const school of [...lijst, ...speciaal]) {
    const bestand = bestandsnaamVoor({ brin4: school.brin4, batchnummer: 1, aanleverpunt: 1 });
    const regels: string[] = [''];
    const aantallen = { personen: 0, inschrijvingen: 0, periodes: 0 };
    const fouten: BronManifestFout[] = [];
    const doorgeven: typeof meegenomen = [];
    const voegToe = (l: BronLeerling) => {
      const eerste = regels.length + 1;
      for (const r of leerlingRegels(l)) regels.push(r);
      aantallen.personen++;
      aantallen.inschrijvingen += l.inschrijvingen.length;
      for (const i of l.inschrijvingen) aantallen.periodes += i.periodes.length;
      return eerste;
    };
    for (let j = 0; j < school.leerlingen; j++) {
      const g = school.soort === 'SPEC' ? genereerSoLeerling(ctx, school, j) : genereerLeerling(ctx, school, j);
      const persoonRegel = voegToe(g.leerling);
      if (g.fout) {
        const i = g.fout.inschrijving;
        const regel = persoonRegel + regelBinnen(g.leerling, i, g.fout.periode);
        const volgnummer = g.leerling.inschrijvingen[Math.max(0, i)].inschrijvingvolgnummer;
        if (g.fout.categorie !== 'LEERLING_OP_TWEE_SCHOLEN') fouten.push({ bestand, regel, categorie: g.fout.categorie, bestandsfout: null, leerlingRegel: persoonRegel, inschrijvingvolgnummer: volgnummer });
      }
      if (g.elders) doorgeven.push({ leerling: g.leerling, elders: g.elders, bestand, regel: persoonRegel });
    }
    for (const m of meegenomen) {
      const persoonRegel = voegToe({ ...m.leerling, inschrijvingen: [m.elders.inschrijving] });
      if (m.elders.soort === 'dubbel') {
        fouten.push({ bestand, regel: persoonRegel, categorie: 'LEERLING_OP_TWEE_SCHOLEN', bestandsfout: null, leerlingRegel: persoonRegel, inschrijvingvolgnummer: m.elders.inschrijving.inschrijvingvolgnummer, andere: { bestand: m.bestand, regel: m.regel } });
      }
    }
    meegenomen = doorgeven;

    regels[0] = voorloopRegel({ brin4: school.brin4, batchnummer: 1, aanleverpunt: 1, aanmaakdatum: volledig.datum, aantalPersonen: aantallen.personen });
    if (school.bestandsfout === 'CONTROLETOTAAL_ONJUIST') {
      regels.push(sluitRegel(regels.length + 1, { ...aantallen, inschrijvingen: aantallen.inschrijvingen + 1 }));
      fouten.push({ bestand, regel: regels.length, categorie: 'CONTROLETOTAAL_ONJUIST', bestandsfout: 'CONTROLETOTAAL_ONJUIST' });
    } else regels.push(sluitRegel(regels.length + 1, aantallen));
    if (school.bestandsfout === 'RECORD_AFGEKAPT') {
      const k = new Rng(ctx.seed, 4, school.index).int(1, regels.length - 2);
      regels[k] = regels[k].slice(0, Math.max(3, regels[k].length - 1 - new Rng(ctx.seed, 5, school.index).int(0, 20)));
      fouten.push({ bestand, regel: k + 1, categorie: 'RECORD_AFGEKAPT', bestandsfout: 'RECORD_AFGEKAPT' });
    }

    const bytes = alsBytes(regels);
    const inhoud = volledig.gzip ? gzipSync(bytes) : bytes;
    const naam = volledig.gzip ? `${bestand}.gz` : bestand;
    manifest.bestanden.push({ bestand: naam, brin4: school.brin4, regels: regels.length, ...aantallen, bestandsfout: school.bestandsfout ? BESTANDSFOUT_VAN[school.bestandsfout]! : null });
    for (const f of fouten.sort((a, b) => a.regel - b.regel)) {
      manifest.fouten.push({ ...f, bestand: naam });
      manifest.foutenPerCategorie[f.categorie]++;
    }
    const t = manifest.totaal;
    t.bestanden++;
    t.regels += regels.length;
    t.bytes += inhoud.length;
    t.personen += aantallen.personen;
    t.inschrijvingen += aantallen.inschrijvingen;
    t.periodes += aantallen.periodes;
    yield { bestand: naam, inhoud };
  }
  return manifest;
}
