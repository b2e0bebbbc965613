import type { AanbiederState, GebruikState, GroepState, InstellingBestuurState, InstellingState } from '../rio.model';
import { geldigOp, inBedrijfOp, overlapt } from './periodes';

/**
 * Overgang (rio.md §4 Instellingsrelatie OVERGANG_VOLLEDIG; open-data `overgangen`): a BRIN4 moves with its vestigingen,
 * its aanbieders and their locatiegebruik from one bestuur to another on a date. The old bestuur holds it until the day
 * before (einddatum = overgangsdatum, exclusive as every einddatum in RIO, §6), the new one from the overgangsdatum.
 */

/** The bestuur a BRIN4 stands under on date d; before its first period the first, after its last the last (null: none recorded). */
export function bestuurOp(besturen: InstellingBestuurState[], d: string): string | null {
  const gesorteerd = [...besturen].sort((a, b) => a.begindatum.localeCompare(b.begindatum));
  const tot = gesorteerd.filter((b) => b.begindatum <= d);
  return (tot.at(-1) ?? gesorteerd[0])?.onderwijsbestuurcode ?? null;
}

/**
 * SQL: the bestuur of BRIN4 `instelling` (in sandbox `sandbox`) on date `d`, as bestuurOp (one rule, two forms: the
 * parity test holds them together).
 */
export const bestuurOpSql = (sandbox: string, instelling: string, d: string) =>
  `(SELECT ib.onderwijsbestuurcode FROM rio_instelling_bestuur ib WHERE ib.sandbox_id = ${sandbox} AND ib.instellingscode = ${instelling}
     ORDER BY (ib.begindatum <= ${d}) DESC, CASE WHEN ib.begindatum <= ${d} THEN ib.begindatum END DESC, ib.begindatum LIMIT 1)`;

/** A dated row that belongs to one bestuur. */
interface BestuurRij {
  onderwijsbestuurcode: string;
  begindatum: string;
  einddatum: string | null;
}

/**
 * The rows of bestuur `van` that run past `datum` end on it, their remainder goes to `naar`; rows of `naar` that already
 * cover the date (a samenwerkingsschool of both) take no second row.
 */
export function splitsBestuur<T extends BestuurRij>(rijen: T[], van: string, naar: string, datum: string): T[] {
  const naarDekt = rijen.some((r) => r.onderwijsbestuurcode === naar && geldigOp(r, datum));
  const uit: T[] = [];
  for (const r of rijen) {
    if (r.onderwijsbestuurcode !== van || (r.einddatum != null && r.einddatum <= datum)) uit.push(r);
    else if (r.begindatum >= datum) {
      if (!rijen.some((x) => x.onderwijsbestuurcode === naar && x.begindatum === r.begindatum)) uit.push({ ...r, onderwijsbestuurcode: naar });
    } else {
      uit.push({ ...r, einddatum: datum });
      if (!naarDekt) uit.push({ ...r, onderwijsbestuurcode: naar, begindatum: datum });
    }
  }
  return uit.sort((a, b) => a.begindatum.localeCompare(b.begindatum) || a.onderwijsbestuurcode.localeCompare(b.onderwijsbestuurcode));
}

/** The foutcodes of an overgang (rio.errors.ts), with the JSON Pointer each is about. */
export type OvergangFout =
  | { code: 'A01030'; pointer: '/instellingscode' }
  | { code: 'A01110'; pointer: '/naarOnderwijsbestuurcode' }
  | { code: 'J06600'; pointer: '/instellingscode' }
  | { code: 'J06610'; pointer: '/naarOnderwijsbestuurcode' }
  | { code: 'J06620'; pointer: '/naarOnderwijsbestuurcode' }
  | { code: 'J06630'; pointer: '/overgangsdatum'; latere: string }
  | { code: 'J06640'; pointer: '/overgangsdatum' }
  | { code: 'J06650'; pointer: '/instellingscode'; onderwijsaanbiedercode: string; andereInstellingscode: string }
  | { code: 'J06660'; pointer: '/naarOnderwijsbestuurcode'; onderwijslocatiecode: string };

export interface OvergangVerzoek {
  instellingscode: string;
  naarOnderwijsbestuurcode: string;
  overgangsdatum: string;
}

/** What RIO holds that the overgang touches, loaded by the service. */
export interface OvergangStand {
  instelling: InstellingState | null;
  /** The new bestuur's lifetime, null when unknown. */
  naar: { inBedrijfdatum: string; uitBedrijfdatum: string | null } | null;
  /** Overgangsdata of this BRIN4 already recorded. */
  overgangsdata: string[];
  /** Vestigingscodes of the BRIN4. */
  vestigingscodes: string[];
  /** Every aanbieder with a juridische relatie to the BRIN4. */
  aanbieders: AanbiederState[];
  /** The BRIN4 each other juridische relatie of those aanbieders points to, with its bestuur on the overgangsdatum. */
  andereRelaties: { onderwijsaanbiedercode: string; instellingscode: string; begindatum: string; einddatum: string | null; bestuurOpDatum: string | null }[];
  /** The locatiegebruik of the old and the new bestuur at every locatie linked to one of the BRIN4's vestigingen. */
  gebruiken: GebruikState[];
  /** Every onderwijsaanbiedergroep with one of those aanbieders among its members. */
  groepen: GroepState[];
}

export interface OvergangPlan {
  van: string;
  instelling: InstellingState;
  aanbieders: AanbiederState[];
  /** Locatiegebruik to write whole (standlevering). */
  gebruiken: GebruikState[];
  /** Locatiegebruik of the old bestuur that existed only from the overgangsdatum on: it moves whole, the old one goes. */
  verwijderdeGebruiken: { onderwijsbestuurcode: string; onderwijslocatiecode: string }[];
  onderwijslocatiecodes: string[];
  /** Groepen of the old bestuur the moving aanbieders leave on the overgangsdatum, written whole. */
  groepen: GroepState[];
}

const loopt = (r: { einddatum: string | null }, d: string) => r.einddatum == null || r.einddatum > d;

/** Judges an overgang against RIO's stand and works out every row it changes: every fout at once, or the plan. */
export function planOvergang(v: OvergangVerzoek, s: OvergangStand): { fouten: OvergangFout[]; plan: OvergangPlan | null } {
  const fouten: OvergangFout[] = [];
  const d = v.overgangsdatum;
  if (!s.instelling) fouten.push({ code: 'A01030', pointer: '/instellingscode' });
  if (!s.naar) fouten.push({ code: 'A01110', pointer: '/naarOnderwijsbestuurcode' });
  else if (!inBedrijfOp(s.naar, d)) {
    fouten.push({ code: 'J06610', pointer: '/naarOnderwijsbestuurcode' });
  }
  if (!s.instelling) return { fouten, plan: null };
  const i = s.instelling;
  const van = bestuurOp(i.besturen, d);
  if (van == null) fouten.push({ code: 'J06600', pointer: '/instellingscode' });
  if (van === v.naarOnderwijsbestuurcode) fouten.push({ code: 'J06620', pointer: '/naarOnderwijsbestuurcode' });
  const latere = s.overgangsdata.filter((x) => x >= d).sort();
  if (latere.length) fouten.push({ code: 'J06630', pointer: '/overgangsdatum', latere: latere[0] });
  // The old bestuur holds the BRIN4 at least one day, the new one at least one day before it closes.
  if (d <= i.inBedrijfdatum || (i.uitBedrijfdatum != null && d >= i.uitBedrijfdatum)) fouten.push({ code: 'J06640', pointer: '/overgangsdatum' });
  const aanbieders = s.aanbieders.filter((a) => a.juridischeRelaties.some((r) => r.instellingscode === v.instellingscode && loopt(r, d)));
  for (const r of s.andereRelaties) {
    if (aanbieders.some((a) => a.code === r.onderwijsaanbiedercode) && loopt(r, d) && r.bestuurOpDatum === van) {
      fouten.push({ code: 'J06650', pointer: '/instellingscode', onderwijsaanbiedercode: r.onderwijsaanbiedercode, andereInstellingscode: r.instellingscode });
    }
  }
  if (van == null || fouten.length) return { fouten, plan: null };

  const naar = v.naarOnderwijsbestuurcode;
  const vestigingen = new Set(s.vestigingscodes);
  const gebruiken: GebruikState[] = [];
  const verwijderdeGebruiken: OvergangPlan['verwijderdeGebruiken'] = [];
  const locaties: string[] = [];
  for (const g of s.gebruiken.filter((x) => x.onderwijsbestuurcode === van)) {
    const mee = g.relaties.filter((r) => vestigingen.has(r.vestigingscode) && loopt(r, d));
    if (!mee.length) continue;
    locaties.push(g.onderwijslocatiecode);
    // The old bestuur keeps its part up to the date; its gebruik ends there when nothing of it runs on.
    const blijft = g.relaties.flatMap((r) => (!mee.includes(r) ? [r] : r.begindatum < d ? [{ ...r, einddatum: d }] : []));
    const meeNaar = mee.map((r) => ({ ...r, begindatum: r.begindatum < d ? d : r.begindatum }));
    const blijftLopen = blijft.some((r) => loopt(r, d));
    if (g.inBedrijfdatum >= d && !blijft.length) verwijderdeGebruiken.push({ onderwijsbestuurcode: van, onderwijslocatiecode: g.onderwijslocatiecode });
    else if (blijftLopen) gebruiken.push({ ...g, relaties: blijft });
    else gebruiken.push(sluit({ ...g, relaties: blijft }, d));
    const begin = meeNaar.map((r) => r.begindatum).sort()[0];
    const eind = meeNaar.some((r) => r.einddatum == null) ? null : meeNaar.map((r) => r.einddatum as string).sort().at(-1)!;
    // A locatiegebruik lies inside its bestuur's lifetime (N01410): one of a bestuur that ends before the moved relaties cannot hold them.
    if (s.naar?.uitBedrijfdatum != null && (eind == null || eind > s.naar.uitBedrijfdatum)) {
      fouten.push({ code: 'J06660', pointer: '/naarOnderwijsbestuurcode', onderwijslocatiecode: g.onderwijslocatiecode });
    }
    const naam = (g.periodes.find((p) => geldigOp(p, begin)) ?? g.periodes.at(-1))?.naam ?? null;
    const bestaand = s.gebruiken.find((x) => x.onderwijsbestuurcode === naar && x.onderwijslocatiecode === g.onderwijslocatiecode);
    if (bestaand) gebruiken.push(dekRelaties(bestaand, meeNaar, naam));
    else gebruiken.push({ onderwijsbestuurcode: naar, onderwijslocatiecode: g.onderwijslocatiecode, inBedrijfdatum: begin, uitBedrijfdatum: eind, eigenSleutel: g.eigenSleutel, periodes: [{ begindatum: begin, einddatum: eind, naam }], relaties: meeNaar });
  }
  if (fouten.length) return { fouten, plan: null };
  // A groep under a bestuur groups that bestuur's aanbieders (rio.md §3, §5): the groep stays with the old bestuur, which
  // still holds it, and the aanbieders that go leave it on the date (a membership from the date on goes whole). A groep
  // without bestuur belongs to no bestuur and keeps its members.
  const mee = new Set(aanbieders.map((a) => a.code));
  const groepen = s.groepen
    .filter((g) => g.onderwijsbestuurcode === van && g.onderwijsaanbieders.some((l) => mee.has(l.onderwijsaanbiedercode) && loopt(l, d)))
    .map((g) => ({
      ...g,
      onderwijsaanbieders: g.onderwijsaanbieders.flatMap((l) => (!mee.has(l.onderwijsaanbiedercode) || !loopt(l, d) ? [l] : l.begindatum < d ? [{ ...l, einddatum: d }] : [])),
    }));
  const besturen = splitsBestuur(i.besturen, van, naar, d);
  return {
    fouten,
    plan: {
      van,
      instelling: { ...i, onderwijsbestuurcode: besturen.at(-1)!.onderwijsbestuurcode, besturen },
      aanbieders: aanbieders.map((a) => ({ ...a, besturen: splitsBestuur(a.besturen, van, naar, d) })),
      gebruiken,
      verwijderdeGebruiken,
      onderwijslocatiecodes: locaties.sort(),
      groepen,
    },
  };
}

/**
 * The new bestuur's own locatiegebruik of the locatie takes the moved relaties. There is one per bestuur and locatie,
 * whatever its dates (N01020), so a bestuur that used the locatie before takes that one back in use: its lifetime
 * stretches to hold the relaties (§6: a relatie lies inside its gebruik), the years it stood unused get a periode
 * without naam (periodes stay aaneengesloten, N02040), and from the relaties' start the locatie bears the moved naam.
 */
function dekRelaties(g: GebruikState, mee: GebruikState['relaties'], naam: string | null): GebruikState {
  const relaties = [...g.relaties, ...mee];
  const begin = mee.map((r) => r.begindatum).sort()[0];
  const eind = mee.some((r) => r.einddatum == null) ? null : mee.map((r) => r.einddatum as string).sort().at(-1)!;
  const periodes = [...g.periodes].sort((a, b) => a.begindatum.localeCompare(b.begindatum));
  let inBedrijfdatum = g.inBedrijfdatum;
  let uitBedrijfdatum = g.uitBedrijfdatum;
  if (begin < inBedrijfdatum) {
    periodes.unshift({ begindatum: begin, einddatum: inBedrijfdatum, naam });
    inBedrijfdatum = begin;
  }
  if (uitBedrijfdatum != null && (eind == null || eind > uitBedrijfdatum)) {
    const oudEinde = uitBedrijfdatum;
    const start = mee.filter((r) => r.einddatum == null || r.einddatum > oudEinde).map((r) => (r.begindatum > oudEinde ? r.begindatum : oudEinde)).sort()[0];
    if (start > oudEinde) periodes.push({ begindatum: oudEinde, einddatum: start, naam: null });
    periodes.push({ begindatum: start, einddatum: eind, naam });
    uitBedrijfdatum = eind;
  }
  return { ...g, inBedrijfdatum, uitBedrijfdatum, periodes, relaties };
}

/** A locatiegebruik that ends on date d: uitBedrijfdatum d, its periodes cut there. */
function sluit(g: GebruikState, d: string): GebruikState {
  const periodes = g.periodes.filter((p) => p.begindatum < d).map((p) => (p.einddatum == null || p.einddatum > d ? { ...p, einddatum: d } : p));
  return { ...g, uitBedrijfdatum: g.uitBedrijfdatum != null && g.uitBedrijfdatum < d ? g.uitBedrijfdatum : d, periodes };
}

/** The erkenning as on date d: onderwijsbestuurcode is the bestuur of that day. */
export const instellingOp = <T extends Pick<InstellingState, 'besturen' | 'onderwijsbestuurcode'>>(i: T, d: string): T => ({ ...i, onderwijsbestuurcode: bestuurOp(i.besturen, d) ?? i.onderwijsbestuurcode });

/** The besturen the BRIN4 stands under during (part of) period p; without dated periods, its one bestuur. */
export function besturenTijdens(i: Pick<InstellingState, 'besturen' | 'onderwijsbestuurcode'>, p: { begindatum: string; einddatum: string | null }): string[] {
  if (!i.besturen.length) return i.onderwijsbestuurcode ? [i.onderwijsbestuurcode] : [];
  return [...new Set(i.besturen.filter((b) => overlapt(b, p)).map((b) => b.onderwijsbestuurcode))];
}

/**
 * The dated bevoegd gezag of a BRIN4 the DUO side writes whole (PUT): without overgangen one period over its lifetime;
 * with overgangen their periods stay, the first starting at the new inBedrijfdatum and the last ending at the new
 * uitBedrijfdatum. `fout` when that cannot be (the bestuur sent is not that of the last period, or the lifetime no longer
 * spans every overgang): the bevoegd gezag then changes only by an overgang (J06530).
 */
export function behoudBesturen(
  bestaand: Pick<InstellingState, 'besturen'> | undefined,
  nieuw: Pick<InstellingState, 'onderwijsbestuurcode' | 'inBedrijfdatum' | 'uitBedrijfdatum'>,
): { besturen: InstellingBestuurState[]; fout: boolean } {
  const oud = [...(bestaand?.besturen ?? [])].sort((a, b) => a.begindatum.localeCompare(b.begindatum));
  if (oud.length < 2) {
    return { besturen: nieuw.onderwijsbestuurcode ? [{ onderwijsbestuurcode: nieuw.onderwijsbestuurcode, begindatum: nieuw.inBedrijfdatum, einddatum: nieuw.uitBedrijfdatum }] : [], fout: false };
  }
  const besturen = oud.map((b, i) => ({ ...b, begindatum: i === 0 ? nieuw.inBedrijfdatum : b.begindatum, einddatum: i === oud.length - 1 ? nieuw.uitBedrijfdatum : b.einddatum }));
  const fout = nieuw.onderwijsbestuurcode !== oud.at(-1)!.onderwijsbestuurcode || besturen.some((b) => b.einddatum != null && b.einddatum <= b.begindatum);
  return { besturen, fout };
}
