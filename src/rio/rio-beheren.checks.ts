import type { Principal } from '../common/auth/principal';
import { Foutcode, Foutmeldingen } from './rio.errors';
import type { PeriodeState } from './rio.model';
import { binnenLevensduur, controleerPeriodes, overlappendePerSleutel } from './rules/periodes';

/** Checks shared by RIO's writes: lifetimes and periodes, dated relations, who may write for which besturen. */

export type PeriodeCodes = { eind: Foutcode; overlap: Foutcode; gat: Foutcode; buiten: Foutcode };
export const OBJECT_PERIODES: PeriodeCodes = { eind: 'N05010', overlap: 'N05050', gat: 'N05060', buiten: 'N05030' };

/** A field the client left out reads as null, as the stored state has it. */
export const nullIfAbsent = <T>(v: T | undefined | null): T | null => (v === undefined ? null : v);

/** Lifetime and periodes of one object: N05010 for uit ≤ in, then every periode rule. */
export function checkLevensduur(foutmeldingen: Foutmeldingen, codes: PeriodeCodes, inBedrijf: string, uitBedrijf: string | null, periodes: PeriodeState[], uitPointer = '/uitBedrijfdatum') {
  if (uitBedrijf != null && uitBedrijf <= inBedrijf) foutmeldingen.add(codes.eind, uitPointer, { inBedrijfdatum: inBedrijf, uitBedrijfdatum: uitBedrijf });
  for (const fout of controleerPeriodes(periodes, { inBedrijfdatum: inBedrijf, uitBedrijfdatum: uitBedrijf })) {
    const p = periodes[fout.index];
    const code = fout.soort === 'EINDDATUM_NIET_NA_BEGINDATUM' ? codes.eind : fout.soort === 'OVERLAP' ? codes.overlap : fout.soort === 'BUITEN_LEVENSDUUR' ? codes.buiten : codes.gat;
    foutmeldingen.add(code, `/periodes/${fout.index}`, { begindatum: p.begindatum, einddatum: p.einddatum });
  }
}

/** Dated relations: einddatum after begindatum (J06010), no overlap per target (J06020), inside the lifetime (J06410). */
export function checkRelaties<T extends PeriodeState>(foutmeldingen: Foutmeldingen, items: T[], sleutel: (t: T) => string, naam: string, pointer: string, levensduur: { inBedrijfdatum: string; uitBedrijfdatum: string | null }) {
  items.forEach((r, i) => {
    if (r.einddatum != null && r.einddatum <= r.begindatum) foutmeldingen.add('J06010', `${pointer}/${i}`, { [naam]: sleutel(r), begindatum: r.begindatum });
    else if (!binnenLevensduur(r, levensduur)) foutmeldingen.add('J06410', `${pointer}/${i}`, { [naam]: sleutel(r), begindatum: r.begindatum });
  });
  for (const i of overlappendePerSleutel(items, sleutel)) foutmeldingen.add('J06020', `${pointer}/${i}`, { [naam]: sleutel(items[i]), begindatum: items[i].begindatum });
}

/** The client acts for at least one of these besturen (DUO beheer acts for all). */
export const mag = (p: Principal, besturen: (string | null)[]) => p.role === 'BEHEER' || besturen.some((b) => b != null && p.bestuurcodes.includes(b));
/** The besturen of this list the client does not act for (none for DUO beheer); null = an object without bestuur. */
export const nietVan = (p: Principal, besturen: (string | null)[]) => (p.role === 'BEHEER' ? [] : [...new Set(besturen.filter((b) => b == null || !p.bestuurcodes.includes(b)))]);

/**
 * The dated items a standlevering adds, removes or changes: an item sent exactly as stored touches nothing, so a
 * samenwerkingsschool can be kept up by each of its besturen without rights over the other's BRIN4.
 */
export function geraakt<T extends PeriodeState>(nieuw: T[], oud: T[], sleutel: (t: T) => string): T[] {
  const id = (t: T) => `${sleutel(t)}|${t.begindatum}|${t.einddatum ?? ''}`;
  const nieuwIds = new Set(nieuw.map(id));
  const oudIds = new Set(oud.map(id));
  return [...nieuw.filter((t) => !oudIds.has(id(t))), ...oud.filter((t) => !nieuwIds.has(id(t)))];
}
