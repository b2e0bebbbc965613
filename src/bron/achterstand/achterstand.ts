/** A comparable inschrijving: its key and the fields both a LAS and ROD hold (the BRON file carries no aanbieder or locatie). */
export interface Vergelijkbaar {
  nummer: string;
  pgn: { burgerservicenummer?: string; onderwijsnummer?: string };
  inschrijvingvolgnummer: string;
  datumInschrijving: string;
  datumUitschrijving: string | null;
  periodes: { datumBegin: string; vestigingscode: string; groep: string }[];
}

export type Categorie = 'OPNIEUW_AANLEVEREN' | 'NIET_IN_LAS' | 'GELIJK';

export interface Uitkomst {
  persoonsgebondenNummer: { burgerservicenummer?: string; onderwijsnummer?: string };
  inschrijvingvolgnummer: string;
  categorie: Categorie;
  reden?: 'GEWIJZIGD' | 'NIET_IN_ROD';
  verschillen: string[];
}

const periodesSleutel = (x: Vergelijkbaar) =>
  [...x.periodes]
    .sort((a, b) => (a.datumBegin < b.datumBegin ? -1 : a.datumBegin > b.datumBegin ? 1 : 0))
    .map((p) => `${p.datumBegin}|${p.vestigingscode}|${Number(p.groep)}`)
    .join(';');

/**
 * The registratieoverzicht categories (bron.md §1, §5) of a school after the freeze: per inschrijving, the LAS's state
 * against ROD's. Pure: the same LAS list and ROD state always give the same answer, in LAS order then ROD's.
 */
export function vergelijk(las: Vergelijkbaar[], rod: Vergelijkbaar[]): Uitkomst[] {
  const sleutel = (x: Vergelijkbaar) => `${x.nummer}|${x.inschrijvingvolgnummer}`;
  const inRod = new Map(rod.map((r) => [sleutel(r), r]));
  const gezien = new Set<string>();
  const uit: Uitkomst[] = [];
  for (const l of las) {
    const k = sleutel(l);
    if (gezien.has(k)) continue;
    gezien.add(k);
    const r = inRod.get(k);
    const basis = { persoonsgebondenNummer: l.pgn, inschrijvingvolgnummer: l.inschrijvingvolgnummer };
    if (!r) {
      uit.push({ ...basis, categorie: 'OPNIEUW_AANLEVEREN', reden: 'NIET_IN_ROD', verschillen: [] });
      continue;
    }
    const verschillen: string[] = [];
    if (l.datumInschrijving !== r.datumInschrijving) verschillen.push('datumInschrijving');
    if ((l.datumUitschrijving ?? null) !== (r.datumUitschrijving ?? null)) verschillen.push('datumUitschrijving');
    if (periodesSleutel(l) !== periodesSleutel(r)) verschillen.push('inschrijvingPeriodeBO');
    uit.push(verschillen.length ? { ...basis, categorie: 'OPNIEUW_AANLEVEREN', reden: 'GEWIJZIGD', verschillen } : { ...basis, categorie: 'GELIJK', verschillen });
  }
  for (const r of rod) {
    if (!gezien.has(sleutel(r))) uit.push({ persoonsgebondenNummer: r.pgn, inschrijvingvolgnummer: r.inschrijvingvolgnummer, categorie: 'NIET_IN_LAS', verschillen: [] });
  }
  return uit;
}
