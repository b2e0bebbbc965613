import { controleerWaarde } from '../rio-port';
import { RodCode, Terugmelding, terugmelding } from '../rod.errors';

/**
 * Optional items of an inschrijving (rod.md §3 #8, §4.2; rio.md §9): the pedagogisch-didactisch concept, experimenten and
 * the VVE programme. The concept list is RIO's PedagogischConcept (one list for RIO and ROD, rio.md §9 check 5); DUO's
 * ExperimentnaamPO values and a VVE code list are not public, so those lists are the simulator's (proposed), each value
 * valid from `vanaf` (inclusive) until `tot` (exclusive).
 */

interface Code {
  code: string;
  omschrijving: string;
  vanaf: string;
  tot?: string;
}

/** ExperimentnaamPO (rio.md §8: values unknown): experiments under the Experimentenwet onderwijs (proposed). */
export const EXPERIMENTEN: Code[] = [
  { code: 'TWEETALIG_PRIMAIR_ONDERWIJS', omschrijving: 'Pilot tweetalig primair onderwijs', vanaf: '2014-08-01', tot: '2024-08-01' },
  { code: 'FLEXIBELE_ONDERWIJSTIJDEN', omschrijving: 'Experiment flexibilisering onderwijstijd', vanaf: '2015-08-01', tot: '2022-08-01' },
  { code: 'DOORLOPENDE_LEERLIJN_PO_VO', omschrijving: 'Experiment doorlopende leerlijn po-vo (tienerschool)', vanaf: '2018-08-01' },
];

/** VVE programmes (voor- en vroegschoolse educatie, groep 1–2; proposed list of the erkende programma's). */
export const VVE_PROGRAMMAS: Code[] = [
  { code: 'KALEIDOSCOOP', omschrijving: 'Kaleidoscoop', vanaf: '2000-08-01' },
  { code: 'PIRAMIDE', omschrijving: 'Piramide', vanaf: '2000-08-01' },
  { code: 'STARTBLOKKEN', omschrijving: 'Startblokken / Basisontwikkeling', vanaf: '2000-08-01' },
  { code: 'KO_TOTAAL', omschrijving: 'Ko-totaal', vanaf: '2000-08-01' },
  { code: 'UK_EN_PUK', omschrijving: 'Uk & Puk', vanaf: '2000-08-01' },
  { code: 'IK_EN_KO', omschrijving: 'Ik & Ko', vanaf: '2010-08-01' },
  { code: 'OVERIG', omschrijving: 'Een ander erkend programma', vanaf: '2000-08-01' },
];

/** The groepen of VVE in school (vroegschoolse educatie). */
const VVE_GROEPEN = ['1', '2'];

export interface Kenmerken {
  pedagogischDidactischConcept?: string[] | null;
  experiment?: string[] | null;
  vveProgramma?: string | null;
}

function inLijst(lijst: Code[], code: string, datum: string): 'ONBEKEND' | 'NIET_GELDIG' | null {
  const w = lijst.find((x) => x.code === code);
  if (!w) return 'ONBEKEND';
  return datum < w.vanaf || (w.tot && datum >= w.tot) ? 'NIET_GELDIG' : null;
}

/**
 * 046 for a value not in its list or not valid on datumInschrijving; 235 (melding) for a VVE programme while the first
 * periode is not in groep 1 or 2 (VVE is for toddlers and kleuters).
 */
export function controleerKenmerken(k: Kenmerken, datumInschrijving: string, eersteGroep: string | undefined): Terugmelding[] {
  const t: Terugmelding[] = [];
  const fout = (veld: string, code: string, uitkomst: 'ONBEKEND' | 'NIET_GELDIG') =>
    t.push(terugmelding(RodCode.waardenlijstFout, uitkomst === 'ONBEKEND' ? `${code} staat niet in de waardenlijst.` : `${code} is op ${datumInschrijving} niet geldig.`, veld));
  (k.pedagogischDidactischConcept ?? []).forEach((c, i) => {
    const u = controleerWaarde('onderwijsconcept', c, datumInschrijving);
    if (u) fout(`/pedagogischDidactischConcept/${i}`, c, u);
  });
  (k.experiment ?? []).forEach((c, i) => {
    const u = inLijst(EXPERIMENTEN, c, datumInschrijving);
    if (u) fout(`/experiment/${i}`, c, u);
  });
  if (k.vveProgramma) {
    const u = inLijst(VVE_PROGRAMMAS, k.vveProgramma, datumInschrijving);
    if (u) fout('/vveProgramma', k.vveProgramma, u);
    else if (eersteGroep && !VVE_GROEPEN.includes(eersteGroep)) {
      t.push(terugmelding(RodCode.vveBuitenGroep12, `Een VVE-programma hoort bij groep 1 of 2; de leerling begint in groep ${eersteGroep}.`, '/vveProgramma'));
    }
  }
  return t;
}

/** As stored: lists sorted and without doubles, absent as empty / null. */
export function kenmerkenStand(k: Kenmerken) {
  return {
    pedagogischDidactischConcept: [...new Set(k.pedagogischDidactischConcept ?? [])].sort(),
    experiment: [...new Set(k.experiment ?? [])].sort(),
    vveProgramma: k.vveProgramma ?? null,
  };
}
