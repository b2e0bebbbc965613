/**
 * Validity periods (rio.md §6): begindatum inclusive, einddatum exclusive, null einddatum = open.
 * Dates are ISO strings (YYYY-MM-DD), which compare correctly as strings.
 */
export interface Periode {
  begindatum: string;
  einddatum?: string | null;
}

export interface Levensduur {
  inBedrijfdatum: string;
  uitBedrijfdatum?: string | null;
}

/** Is the period valid on date d? begindatum ≤ d < einddatum. */
export function geldigOp(p: Periode, d: string): boolean {
  return p.begindatum <= d && (p.einddatum == null || d < p.einddatum);
}

/** geldigOp as an SQL condition over SQL expressions (columns, parameters): begin ≤ d < eind, a null eind open. */
export const geldigOpSql = (begin: string, eind: string, d: string) => `(${begin} <= ${d} AND (${eind} IS NULL OR ${d} < ${eind}))`;

/** Is the object in bedrijf on date d? inBedrijfdatum ≤ d < uitBedrijfdatum. */
export function inBedrijfOp(l: Levensduur, d: string): boolean {
  return geldigOp({ begindatum: l.inBedrijfdatum, einddatum: l.uitBedrijfdatum }, d);
}

/** Do two periods share at least one day? */
export function overlapt(a: Periode, b: Periode): boolean {
  return (a.einddatum == null || b.begindatum < a.einddatum) && (b.einddatum == null || a.begindatum < b.einddatum);
}

export type PeriodeFoutSoort = 'EINDDATUM_NIET_NA_BEGINDATUM' | 'NIET_AANEENGESLOTEN' | 'OVERLAP' | 'BUITEN_LEVENSDUUR' | 'EERSTE_NIET_OP_BEGIN' | 'LAATSTE_NIET_OP_EINDE';

export interface PeriodeFout {
  soort: PeriodeFoutSoort;
  /** Index in the given list (after nothing was reordered). */
  index: number;
}

/**
 * Checks a list of periodes against each other and the object's lifetime:
 * each einddatum after its begindatum (N05010), sorted by begindatum they follow each other
 * without gap or overlap (N05050/N05060), the first starts on inBedrijfdatum and the last ends on
 * uitBedrijfdatum (open when the object is open), all inside the lifetime (N05030).
 */
export function controleerPeriodes(periodes: Periode[], levensduur: Levensduur): PeriodeFout[] {
  const fouten: PeriodeFout[] = [];
  periodes.forEach((p, index) => {
    if (p.einddatum != null && p.einddatum <= p.begindatum) fouten.push({ soort: 'EINDDATUM_NIET_NA_BEGINDATUM', index });
    const voorBegin = p.begindatum < levensduur.inBedrijfdatum;
    const naEinde =
      levensduur.uitBedrijfdatum != null && (p.begindatum >= levensduur.uitBedrijfdatum || p.einddatum == null || p.einddatum > levensduur.uitBedrijfdatum);
    if (voorBegin || naEinde) fouten.push({ soort: 'BUITEN_LEVENSDUUR', index });
  });
  if (!periodes.length) return fouten;
  const order = periodes.map((p, index) => ({ p, index })).sort((a, b) => (a.p.begindatum < b.p.begindatum ? -1 : a.p.begindatum > b.p.begindatum ? 1 : 0));
  for (let i = 1; i < order.length; i++) {
    const vorige = order[i - 1].p;
    const deze = order[i].p;
    if (vorige.einddatum == null || deze.begindatum < vorige.einddatum) fouten.push({ soort: 'OVERLAP', index: order[i].index });
    else if (deze.begindatum > vorige.einddatum) fouten.push({ soort: 'NIET_AANEENGESLOTEN', index: order[i].index });
  }
  if (order[0].p.begindatum > levensduur.inBedrijfdatum) {
    fouten.push({ soort: 'EERSTE_NIET_OP_BEGIN', index: order[0].index });
  }
  const laatste = order[order.length - 1];
  if ((laatste.p.einddatum ?? null) !== (levensduur.uitBedrijfdatum ?? null) && !fouten.some((f) => f.index === laatste.index && f.soort === 'BUITEN_LEVENSDUUR')) {
    fouten.push({ soort: 'LAATSTE_NIET_OP_EINDE', index: laatste.index });
  }
  return fouten;
}

/** Relations of one kind to the same target must not overlap in time (J06020). Returns indexes of offenders. */
export function overlappendePerSleutel<T extends Periode>(items: T[], sleutel: (t: T) => string): number[] {
  const out: number[] = [];
  items.forEach((a, i) => {
    for (let j = 0; j < i; j++) {
      if (sleutel(items[j]) === sleutel(a) && overlapt(items[j], a)) {
        out.push(i);
        break;
      }
    }
  });
  return out;
}

/** Is the period [begin, eind) inside the lifetime? */
export function binnenLevensduur(p: Periode, l: Levensduur): boolean {
  if (p.begindatum < l.inBedrijfdatum) return false;
  if (l.uitBedrijfdatum == null) return true;
  return p.begindatum < l.uitBedrijfdatum && p.einddatum != null && p.einddatum <= l.uitBedrijfdatum;
}
