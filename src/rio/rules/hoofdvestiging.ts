/**
 * A BRIN4 has exactly one hoofdvestiging on every date on which it has a vestiging in bedrijf (rio.md §4:
 * Vestigingserkenning.hoofdNevenvestiging; BRIN6 `00` is typically the hoofdvestiging). Lifetimes run from
 * inBedrijfdatum (inclusive) to uitBedrijfdatum (exclusive, null = open).
 */
export interface VestigingLevensduur {
  code: string;
  hoofdNevenvestiging: string;
  inBedrijfdatum: string;
  uitBedrijfdatum: string | null;
}

export type HoofdvestigingFout =
  | { soort: 'TWEE_HOOFDVESTIGINGEN'; codes: [string, string]; vanaf: string }
  | { soort: 'GEEN_HOOFDVESTIGING'; code: string; vanaf: string };

const isHoofd = (v: VestigingLevensduur) => v.hoofdNevenvestiging === 'HOOFDVESTIGING';
const eindeVan = (v: VestigingLevensduur) => v.uitBedrijfdatum ?? '9999-12-31';

/** Every violation among the vestigingen of one BRIN4. */
export function controleerHoofdvestigingen(vestigingen: VestigingLevensduur[]): HoofdvestigingFout[] {
  const fouten: HoofdvestigingFout[] = [];
  const hoofd = vestigingen.filter(isHoofd).sort((a, b) => a.inBedrijfdatum.localeCompare(b.inBedrijfdatum));
  for (let i = 0; i < hoofd.length; i++) {
    for (let j = i + 1; j < hoofd.length; j++) {
      const [a, b] = [hoofd[i], hoofd[j]];
      if (b.inBedrijfdatum < eindeVan(a) && a.inBedrijfdatum < eindeVan(b)) fouten.push({ soort: 'TWEE_HOOFDVESTIGINGEN', codes: [a.code, b.code], vanaf: b.inBedrijfdatum });
    }
  }
  for (const v of vestigingen.filter((x) => !isHoofd(x))) {
    // Walk from the nevenvestiging's first day over the hoofdvestigingen that cover it, in order.
    let dag = v.inBedrijfdatum;
    for (;;) {
      const dekt = hoofd.filter((h) => h.inBedrijfdatum <= dag && dag < eindeVan(h));
      if (!dekt.length) {
        fouten.push({ soort: 'GEEN_HOOFDVESTIGING', code: v.code, vanaf: dag });
        break;
      }
      dag = dekt.map(eindeVan).sort().pop()!;
      if (dag >= eindeVan(v)) break;
    }
  }
  return fouten;
}
