/**
 * Teldata and registration deadlines (rod.md §8.1). Dates are YYYY-MM-DD in the Netherlands.
 *
 * - Teldata: 1 February (REGULIER: the count for funding in calendar year t+1) and the first of every month (GROEI).
 *   1 February is both; it carries one status, soort REGULIER.
 * - Deadline: the teldatum + 4 weeks (28 days), moved to the following Monday when it falls on a Saturday or Sunday
 *   (1-2-2025 → Saturday 1-3-2025 → Monday 3-3-2025). A registration counts when it reached ROD before the end of that day.
 * - Statuses are kept for the teldata of the last twelve months (T ≤ today): voorlopig (V) while the deadline has not
 *   passed, definitief (D) after. Open teldata (deadline not passed) are recomputed on every change; definitief ones are fixed.
 */
export type SoortBekostiging = 'REGULIER' | 'GROEI';

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
