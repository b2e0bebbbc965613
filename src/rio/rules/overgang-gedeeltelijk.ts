import type { InstellingState } from '../rio.model';
import { bestuurOp } from './overgang';
import { inBedrijfOp } from './periodes';

/**
 * Overgang gedeeltelijk (rio.md §4 Instellingsrelatie OVERGANG_GEDEELTELIJK): part of a school — some of its vestigingen —
 * goes over to a school of another bestuur on a date. RIO registers the relation between the two erkenningen; the
 * spec describes nothing more of it, so nothing else moves with it: the bevoegd gezag of both schools stays as it is.
 */

/** The foutcodes of an overgang gedeeltelijk (rio.errors.ts), with the JSON Pointer each is about. */
export type GedeeltelijkFout =
  | { code: 'A01030'; pointer: '/instellingscode' | '/naarInstellingscode' }
  | { code: 'A01110'; pointer: '/naarOnderwijsbestuurcode' }
  | { code: 'J06600'; pointer: '/instellingscode' }
  | { code: 'J06610'; pointer: '/naarOnderwijsbestuurcode' }
  | { code: 'J06620'; pointer: '/naarOnderwijsbestuurcode' }
  | { code: 'J06630'; pointer: '/overgangsdatum'; latere: string }
  | { code: 'J06640'; pointer: '/overgangsdatum' }
  | { code: 'J06670'; pointer: '/naarInstellingscode' }
  | { code: 'J06690'; pointer: '/vestigingscodes' }
  | { code: 'A01040' | 'J06680' | 'J06700'; pointer: `/vestigingscodes/${number}`; vestigingscode: string };

export interface GedeeltelijkVerzoek {
  instellingscode: string;
  naarInstellingscode: string;
  naarOnderwijsbestuurcode: string;
  overgangsdatum: string;
  vestigingscodes: string[];
}

export interface GedeeltelijkStand {
  van: InstellingState | null;
  naarInstelling: InstellingState | null;
  /** The new bestuur's lifetime, null when unknown. */
  naar: { inBedrijfdatum: string; uitBedrijfdatum: string | null } | null;
  /** The vestigingen of the van BRIN4 with their lifetimes. */
  vestigingen: { code: string; inBedrijfdatum: string; uitBedrijfdatum: string | null }[];
  /** Volledige overgangen of either BRIN4: they change the bestuur this one records. */
  volledigeOvergangsdata: string[];
  /** Vestigingscodes of the van BRIN4 that went over in an earlier overgang gedeeltelijk. */
  alOvergegaan: string[];
}

const dagErvoor = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** Judges an overgang gedeeltelijk against RIO's stand: every fout at once, or the bestuur the part comes from. */
export function beoordeelGedeeltelijk(v: GedeeltelijkVerzoek, s: GedeeltelijkStand): { fouten: GedeeltelijkFout[]; van: string | null } {
  const fouten: GedeeltelijkFout[] = [];
  const d = v.overgangsdatum;
  if (!s.van) fouten.push({ code: 'A01030', pointer: '/instellingscode' });
  if (!s.naarInstelling) fouten.push({ code: 'A01030', pointer: '/naarInstellingscode' });
  if (!s.naar) fouten.push({ code: 'A01110', pointer: '/naarOnderwijsbestuurcode' });
  else if (!inBedrijfOp(s.naar, d)) fouten.push({ code: 'J06610', pointer: '/naarOnderwijsbestuurcode' });
  const van = s.van ? bestuurOp(s.van.besturen, d) : null;
  if (s.van) {
    if (van == null) fouten.push({ code: 'J06600', pointer: '/instellingscode' });
    // Part of a school goes to another bestuur's school; within one bestuur it is no overgang between besturen.
    if (van === v.naarOnderwijsbestuurcode) fouten.push({ code: 'J06620', pointer: '/naarOnderwijsbestuurcode' });
    if (d <= s.van.inBedrijfdatum || (s.van.uitBedrijfdatum != null && d >= s.van.uitBedrijfdatum)) fouten.push({ code: 'J06640', pointer: '/overgangsdatum' });
  }
  // The receiving school exists on the date under the bestuur named.
  if (s.naarInstelling && (!inBedrijfOp(s.naarInstelling, d) || bestuurOp(s.naarInstelling.besturen, d) !== v.naarOnderwijsbestuurcode)) {
    fouten.push({ code: 'J06670', pointer: '/naarInstellingscode' });
  }
  const latere = s.volledigeOvergangsdata.filter((x) => x >= d).sort();
  if (latere.length) fouten.push({ code: 'J06630', pointer: '/overgangsdatum', latere: latere[0] });
  if (s.van) {
    const ervoor = dagErvoor(d);
    v.vestigingscodes.forEach((code, i) => {
      const vestiging = s.vestigingen.find((x) => x.code === code);
      const pointer = `/vestigingscodes/${i}` as const;
      if (!vestiging) fouten.push({ code: 'A01040', pointer, vestigingscode: code });
      else if (s.alOvergegaan.includes(code)) fouten.push({ code: 'J06700', pointer, vestigingscode: code });
      else if (!inBedrijfOp(vestiging, ervoor)) fouten.push({ code: 'J06680', pointer, vestigingscode: code });
    });
    // Every vestiging that runs on the day before: the whole school goes, an OVERGANG_VOLLEDIG.
    const lopend = s.vestigingen.filter((x) => inBedrijfOp(x, ervoor) && !s.alOvergegaan.includes(x.code)).map((x) => x.code);
    if (lopend.length && lopend.every((c) => v.vestigingscodes.includes(c))) fouten.push({ code: 'J06690', pointer: '/vestigingscodes' });
  }
  return { fouten, van };
}
