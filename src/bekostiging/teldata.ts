/**
 * Teldata and registration deadlines (rod.md §8.1). Dates are YYYY-MM-DD in the Netherlands.
 *
 * - Teldata: 1 February (REGULIER: the count for funding in calendar year t+1) and the first of every month (GROEI).
 *   1 February is both; it carries one status, soort REGULIER.
 * - Nieuwkomers: 1 January, 1 April, 1 July and 1 October are also nieuwkomers teldata. A pupil settled in the Netherlands
 *   less than two years before one (rod.md §8.1: the categories < 1 year and 1–2 years) gets a second status for it, soort
 *   NIEUWKOMERS, beside the GROEI one, by the same rules and the same registration deadline. (The school's application for
 *   the nieuwkomers funding — 4 weeks, 8 for 1 July — and its threshold of 4 pupils are DUO's decision on that application,
 *   not a status per inschrijving: ROD gives the count per school in the overview, the application is outside the register.)
 * - Deadline: the teldatum + 4 weeks (28 days), moved to the following Monday when it falls on a Saturday or Sunday
 *   (1-2-2025 → Saturday 1-3-2025 → Monday 3-3-2025). A registration counts when it reached ROD before the end of that day.
 * - Statuses are kept for the teldata of the last twelve months (T ≤ today): voorlopig (V) while the deadline has not
 *   passed, definitief (D) after. Open teldata (deadline not passed) are recomputed on every change; definitief ones are fixed.
 */
export type SoortBekostiging = 'REGULIER' | 'GROEI' | 'NIEUWKOMERS';

const toDate = (d: string) => new Date(`${d}T00:00:00Z`);
const fmt = (d: Date) => d.toISOString().slice(0, 10);

export function plusDagen(d: string, n: number): string {
  const x = toDate(d);
  x.setUTCDate(x.getUTCDate() + n);
  return fmt(x);
}

export function soortBekostiging(teldatum: string): SoortBekostiging {
  return teldatum.slice(5, 7) === '02' ? 'REGULIER' : 'GROEI';
}

/** 1 January, 1 April, 1 July, 1 October: nieuwkomers count on these too. */
export function isNieuwkomersTeldatum(teldatum: string): boolean {
  return ['01', '04', '07', '10'].includes(teldatum.slice(5, 7)) && teldatum.endsWith('-01');
}

/** The soorten of the statuses a teldatum gives: REGULIER or GROEI for every inschrijving, NIEUWKOMERS besides for nieuwkomers. */
export function soortenBekostiging(teldatum: string): SoortBekostiging[] {
  return isNieuwkomersTeldatum(teldatum) ? [soortBekostiging(teldatum), 'NIEUWKOMERS'] : [soortBekostiging(teldatum)];
}

/** A nieuwkomer on `teldatum`: settled in the Netherlands on or before it and less than two years before it. */
export function isNieuwkomer(datumVestigingInNederland: string | null, teldatum: string): boolean {
  return !!datumVestigingInNederland && datumVestigingInNederland <= teldatum && datumVestigingInNederland > plusMaanden(teldatum, -24);
}

/** Last day on which a registration counts for `teldatum`. */
export function deadline(teldatum: string): string {
  const d = plusDagen(teldatum, 28);
  const dow = toDate(d).getUTCDay();
  return dow === 6 ? plusDagen(d, 2) : dow === 0 ? plusDagen(d, 1) : d;
}

/** The date at whose start the deadline has passed (statuses become definitief). */
export function vaststellingsdatum(teldatum: string): string {
  return plusDagen(deadline(teldatum), 1);
}

/** First of the month of `d`. */
export function eersteVanMaand(d: string): string {
  return `${d.slice(0, 7)}-01`;
}

export function plusMaanden(teldatum: string, n: number): string {
  const x = toDate(teldatum);
  x.setUTCMonth(x.getUTCMonth() + n);
  return fmt(x);
}

/** Every teldatum T with van <= T <= tot. */
export function teldataTussen(van: string, tot: string): string[] {
  const out: string[] = [];
  for (let t = van.endsWith('-01') ? van : plusMaanden(eersteVanMaand(van), 1); t <= tot; t = plusMaanden(t, 1)) out.push(t);
  return out;
}

/** Teldata whose statuses are kept on `vandaag`: the last twelve, T <= vandaag. */
export function relevanteTeldata(vandaag: string): string[] {
  const laatste = eersteVanMaand(vandaag);
  return Array.from({ length: 12 }, (_, i) => plusMaanden(laatste, -11 + i));
}

/** Voorlopig on `vandaag`: reached and the deadline not yet passed. */
export function isOpen(teldatum: string, vandaag: string): boolean {
  return teldatum <= vandaag && vandaag <= deadline(teldatum);
}

export function openTeldata(vandaag: string): string[] {
  return relevanteTeldata(vandaag).filter((t) => isOpen(t, vandaag));
}

export interface TeldatumMoment {
  datum: string;
  soort: 'TELDATUM' | 'DEADLINE_VERSTREKEN';
  teldatum: string;
}

/** What the clock crosses in (vanafExclusief, totInclusief]: teldata reached and deadlines passed, in time order. */
export function teldatumMomenten(vanafExclusief: string, totInclusief: string): TeldatumMoment[] {
  const out: TeldatumMoment[] = [];
  for (const t of teldataTussen(plusMaanden(eersteVanMaand(vanafExclusief), -2), totInclusief)) {
    if (t > vanafExclusief && t <= totInclusief) out.push({ datum: t, soort: 'TELDATUM', teldatum: t });
    const v = vaststellingsdatum(t);
    if (v > vanafExclusief && v <= totInclusief) out.push({ datum: v, soort: 'DEADLINE_VERSTREKEN', teldatum: t });
  }
  // A deadline that passes on the day of a new teldatum runs first.
  return out.sort((a, b) => (a.datum !== b.datum ? (a.datum < b.datum ? -1 : 1) : a.soort === 'DEADLINE_VERSTREKEN' ? -1 : 1));
}
