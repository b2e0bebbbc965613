import { RodCode, Terugmelding, terugmelding } from '../rod.errors';
import { dagenTussen, plusDagen } from './datum';

export interface PeriodeInput {
  datumBegin: string;
}

export const GROEPEN = ['1', '2', '3', '4', '5', '6', '7', '8'];
/** NNCA (rod.md §6.2, proposed): empty = none, 1 = NNCA. */
export const NNCA_WAARDEN = ['1'];

/** Registration within 7 days of an in- or uitschrijving (rod.md §5): more than 7 days after the event is late. */
export function teLaat(gebeurtenis: string, vandaag: string): boolean {
  return dagenTussen(gebeurtenis, vandaag) > 7;
}

/**
 * Periode rules (rod.md §5): the first periode starts on datumInschrijving; periodes do not overlap
 * (each runs until the next begins, so two periodes with the same datumBegin overlap); every periode lies
 * between datumInschrijving and datumUitschrijving; datumUitschrijving is not before datumInschrijving.
 */
export function controleerDatums(datumInschrijving: string, datumUitschrijving: string | null | undefined, periodes: PeriodeInput[]): Terugmelding[] {
  const out: Terugmelding[] = [];
  if (datumUitschrijving && datumUitschrijving < datumInschrijving) {
    out.push(terugmelding(RodCode.uitschrijvingVoorInschrijving, `datumUitschrijving ${datumUitschrijving} ligt voor datumInschrijving ${datumInschrijving}.`, '/datumUitschrijving'));
  }
  if (periodes.length === 0) return out;
  const eerste = periodes.reduce((a, p) => (p.datumBegin < a ? p.datumBegin : a), periodes[0].datumBegin);
  if (eerste !== datumInschrijving) {
    const i = periodes.findIndex((p) => p.datumBegin === eerste);
    out.push(terugmelding(RodCode.eerstePeriodeNietOpInschrijfdatum, `De eerste periode begint op ${eerste}, niet op datumInschrijving ${datumInschrijving}.`, `/inschrijvingPeriodeBO/${i}/datumBegin`));
  }
  const gezien = new Map<string, number>();
  periodes.forEach((p, i) => {
    const veld = `/inschrijvingPeriodeBO/${i}/datumBegin`;
    if (gezien.has(p.datumBegin)) {
      out.push(terugmelding(RodCode.periodeOverlap, `Periode ${i + 1} begint op dezelfde dag als periode ${gezien.get(p.datumBegin)! + 1}: de periodes overlappen.`, veld));
    } else gezien.set(p.datumBegin, i);
    if (p.datumBegin < datumInschrijving && p.datumBegin !== eerste) {
      out.push(terugmelding(RodCode.periodeOverlap, `Periode ${i + 1} begint voor datumInschrijving ${datumInschrijving}.`, veld));
    }
    if (datumUitschrijving && p.datumBegin > datumUitschrijving) {
      out.push(terugmelding(RodCode.periodeOverlap, `Periode ${i + 1} begint na datumUitschrijving ${datumUitschrijving}.`, veld));
    }
  });
  return out;
}

/** Sorted by datumBegin, each with its derived datumEinde: the day before the next begins, or datumUitschrijving. */
export function metEinddatum<T extends PeriodeInput>(periodes: T[], datumUitschrijving: string | null | undefined): (T & { datumEinde: string | null })[] {
  const sorted = [...periodes].sort((a, b) => (a.datumBegin < b.datumBegin ? -1 : a.datumBegin > b.datumBegin ? 1 : 0));
  return sorted.map((p, i) => ({ ...p, datumEinde: i + 1 < sorted.length ? plusDagen(sorted[i + 1].datumBegin, -1) : (datumUitschrijving ?? null) }));
}

/** Two inschrijvingen overlap when their [in, uit] ranges share a day (open end = for ever). */
type Looptijd = { datumInschrijving: string; datumUitschrijving: string | null };

/**
 * The other schools' inschrijvingen that form a change of school with `eigen` (rod.md §3 P2, §9.4: the digital in- and
 * uitschrijfbericht): the nearest one that ended before `eigen` began (the vorige school) and the nearest one that began
 * after `eigen` ended (the volgende school). Overlapping ones are a dubbele inschrijving instead.
 */
export function schoolwissels<T extends Looptijd>(eigen: Looptijd, andere: T[]): { andere: T; eigenIs: 'VORIGE_SCHOOL' | 'NIEUWE_SCHOOL' }[] {
  const out: { andere: T; eigenIs: 'VORIGE_SCHOOL' | 'NIEUWE_SCHOOL' }[] = [];
  const ervoor = andere
    .filter((x) => x.datumUitschrijving !== null && x.datumUitschrijving < eigen.datumInschrijving)
    .sort((a, b) => (b.datumUitschrijving! + b.datumInschrijving).localeCompare(a.datumUitschrijving! + a.datumInschrijving))[0];
  if (ervoor) out.push({ andere: ervoor, eigenIs: 'NIEUWE_SCHOOL' });
  if (eigen.datumUitschrijving !== null) {
    const erna = andere.filter((x) => x.datumInschrijving > eigen.datumUitschrijving!).sort((a, b) => a.datumInschrijving.localeCompare(b.datumInschrijving))[0];
    if (erna) out.push({ andere: erna, eigenIs: 'VORIGE_SCHOOL' });
  }
  return out;
}

export function overlappen(a: { datumInschrijving: string; datumUitschrijving: string | null }, b: { datumInschrijving: string; datumUitschrijving: string | null }): boolean {
  return a.datumInschrijving <= (b.datumUitschrijving ?? '9999-12-31') && b.datumInschrijving <= (a.datumUitschrijving ?? '9999-12-31');
}
