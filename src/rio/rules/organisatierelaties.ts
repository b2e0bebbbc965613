import { binnenLevensduur, geldigOp, Levensduur, overlapt } from './periodes';

/** rio.md §3: the types of organisatorische eenheid the simulator keeps, by the letter of their code (nnnLnnn). */
export type OrganisatorischeEenheidtype = 'ONDERWIJSBESTUUR' | 'ONDERWIJSAANBIEDER' | 'ONDERWIJSAANBIEDERGROEP';

const TYPE: Record<string, OrganisatorischeEenheidtype> = { B: 'ONDERWIJSBESTUUR', A: 'ONDERWIJSAANBIEDER', G: 'ONDERWIJSAANBIEDERGROEP' };

/** The type of an organisatorische-eenheid code (`100B001` → ONDERWIJSBESTUUR). */
export const eenheidtype = (code: string): OrganisatorischeEenheidtype => TYPE[code[3]];

export interface Relatie {
  vanCode: string;
  naarCode: string;
  soort: 'HIERARCHISCH' | 'OVERGANG';
  begindatum: string;
  einddatum: string | null;
}

export type RelatieFoutcode = 'N07010' | 'N07020' | 'N07030' | 'N07050' | 'N07410' | 'N07420';

export interface RelatieFout {
  /** Index in the given list. */
  index: number;
  code: RelatieFoutcode;
  /** The field of the relatie the fout is about. */
  veld: 'naarOrganisatorischeEenheid' | 'soort' | 'begindatum' | 'einddatum' | '';
}

/** Unordered pair and soort: N07050 holds per pair of eenheden and soort, whichever way the relatie runs. */
const paar = (r: Relatie) => `${[r.vanCode, r.naarCode].sort().join('|')}|${r.soort}`;

/**
 * The rules of organisatierelaties (rio.md §3, FC N07xxx) over a new list of relaties, the relaties already stored
 * that the list does not replace (`vast`), and the lifetimes of the eenheden (absent = unknown: left to the caller's
 * A-codes):
 * - N07030 van ≠ naar; N07420 HIERARCHISCH between different types, OVERGANG within one type;
 * - N07020 OVERGANG has no einddatum; N07010 einddatum after begindatum (simulator code);
 * - N07410 (simulator code) both ends exist on the begindatum: HIERARCHISCH lies inside both lifetimes; OVERGANG
 *   starts on a day the naar-eenheid is in bedrijf, and the van-eenheid was in bedrijf on the day before (it may end
 *   on the day of the overgang);
 * - N07050 no two relaties of one soort between the same two eenheden overlap in time.
 */
export function controleerOrganisatierelaties(relaties: Relatie[], vast: Relatie[], levensduur: (code: string) => Levensduur | undefined): RelatieFout[] {
  const fouten: RelatieFout[] = [];
  relaties.forEach((r, index) => {
    const add = (code: RelatieFoutcode, veld: RelatieFout['veld']) => fouten.push({ index, code, veld });
    if (r.vanCode === r.naarCode) add('N07030', 'naarOrganisatorischeEenheid');
    else if ((r.soort === 'HIERARCHISCH') === (eenheidtype(r.vanCode) === eenheidtype(r.naarCode))) add('N07420', 'soort');
    if (r.soort === 'OVERGANG' && r.einddatum != null) add('N07020', 'einddatum');
    else if (r.einddatum != null && r.einddatum <= r.begindatum) add('N07010', 'einddatum');
    const van = levensduur(r.vanCode);
    const naar = levensduur(r.naarCode);
    if (van && naar && !eindenBestaan(r, van, naar)) add('N07410', 'begindatum');
  });
  relaties.forEach((r, i) => {
    const eerder = [...vast, ...relaties.slice(0, i)];
    if (eerder.some((o) => paar(o) === paar(r) && overlapt(o, r))) fouten.push({ index: i, code: 'N07050', veld: '' });
  });
  return fouten;
}

function eindenBestaan(r: Relatie, van: Levensduur, naar: Levensduur): boolean {
  if (r.soort === 'HIERARCHISCH') return binnenLevensduur(r, van) && binnenLevensduur(r, naar);
  const dagErvoor = new Date(Date.parse(`${r.begindatum}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return geldigOp({ begindatum: naar.inBedrijfdatum, einddatum: naar.uitBedrijfdatum }, r.begindatum) && geldigOp({ begindatum: van.inBedrijfdatum, einddatum: van.uitBedrijfdatum }, dagErvoor);
}
