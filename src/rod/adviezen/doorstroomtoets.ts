import { RodCode, Terugmelding, terugmelding } from '../rod.errors';

/**
 * The eindtoets / doorstroomtoets of a groep-8 pupil (rod.md §3 #8), delivered with AanleverenAdviesVO (§4.5): which toets,
 * when it was taken, the score on the toets's own scale, the toetsadvies (a niveau of the AdviesVO list) and optionally the
 * referentieniveaus reached. From schooljaar 2023/24 the eindtoets is the doorstroomtoets (Wet doorstroomtoetsen po): taken
 * in February, after the voorlopig schooladvies; when the toetsadvies is higher, the school reconsiders (heroverweging) and may
 * raise the advies as the definitief advies — never lower it (102).
 *
 * DUO's code list of toetsen and their scales are not public: the list below is the simulator's (proposed), each toets valid
 * from `vanaf` (inclusive) until `tot` (exclusive) on its afnamedatum.
 */

export interface Toets {
  code: string;
  omschrijving: string;
  aanbieder: string;
  vanaf: string;
  tot?: string;
  /** The toets's score scale, both ends included (proposed). */
  schaal: [number, number];
}

const DOORSTROOMTOETS_VANAF = '2023-08-01';

/** Eindtoetsen (until schooljaar 2022/23) and doorstroomtoetsen (from 2023/24) (proposed list). */
export const TOETSEN: Toets[] = [
  { code: 'CENTRALE_EINDTOETS', omschrijving: 'Centrale Eindtoets', aanbieder: 'College voor Toetsen en Examens', vanaf: '2014-08-01', tot: DOORSTROOMTOETS_VANAF, schaal: [501, 550] },
  { code: 'IEP_EINDTOETS', omschrijving: 'IEP Eindtoets', aanbieder: 'Bureau ICE', vanaf: '2015-08-01', tot: DOORSTROOMTOETS_VANAF, schaal: [50, 100] },
  { code: 'ROUTE8_EINDTOETS', omschrijving: 'Route 8 Eindtoets', aanbieder: 'A-VISION', vanaf: '2015-08-01', tot: DOORSTROOMTOETS_VANAF, schaal: [100, 300] },
  { code: 'DIA_EINDTOETS', omschrijving: 'Dia-eindtoets', aanbieder: 'Diataal', vanaf: '2015-08-01', tot: DOORSTROOMTOETS_VANAF, schaal: [100, 300] },
  { code: 'AMN_EINDTOETS', omschrijving: 'AMN Eindtoets', aanbieder: 'AMN', vanaf: '2018-08-01', tot: DOORSTROOMTOETS_VANAF, schaal: [100, 300] },
  { code: 'LEERLING_IN_BEELD_DOORSTROOMTOETS', omschrijving: 'Leerling in beeld Doorstroomtoets', aanbieder: 'Cito', vanaf: DOORSTROOMTOETS_VANAF, schaal: [501, 550] },
  { code: 'IEP_DOORSTROOMTOETS', omschrijving: 'IEP Doorstroomtoets', aanbieder: 'Bureau ICE', vanaf: DOORSTROOMTOETS_VANAF, schaal: [50, 100] },
  { code: 'ROUTE8_DOORSTROOMTOETS', omschrijving: 'Route 8 Doorstroomtoets', aanbieder: 'A-VISION', vanaf: DOORSTROOMTOETS_VANAF, schaal: [100, 300] },
  { code: 'DIA_DOORSTROOMTOETS', omschrijving: 'Dia-doorstroomtoets', aanbieder: 'Diataal', vanaf: DOORSTROOMTOETS_VANAF, schaal: [100, 300] },
  { code: 'AMN_DOORSTROOMTOETS', omschrijving: 'AMN Doorstroomtoets', aanbieder: 'AMN', vanaf: DOORSTROOMTOETS_VANAF, schaal: [100, 300] },
];

/** Referentieniveaus (Wet referentieniveaus): taal up to 2F, rekenen up to 1S; below 1F is `ONDER_1F`. */
export const REFERENTIENIVEAUS = {
  lezen: ['ONDER_1F', '1F', '2F'],
  taalverzorging: ['ONDER_1F', '1F', '2F'],
  rekenen: ['ONDER_1F', '1F', '1S'],
} as const;
export type Domein = keyof typeof REFERENTIENIVEAUS;

export interface Doorstroomtoets {
  toets: string;
  afnamedatum: string;
  score: number;
  toetsadvies: string;
  referentieniveaus?: Partial<Record<Domein, string>> | null;
}

/** Where the advies stands after the toets: for a vendor, whether a heroverweging is still owed. */
export type Heroverweging = 'NIET_NODIG' | 'OPEN' | 'ADVIES_VERHOOGD' | 'ADVIES_GEHANDHAAFD';

/** The checks that need no other data than the toets itself: 046 (toets, toetsadvies, referentieniveau) and 272 (score). */
export function controleerToets(d: Doorstroomtoets, adviesWaarden: readonly string[]): Terugmelding[] {
  const t: Terugmelding[] = [];
  const toets = TOETSEN.find((x) => x.code === d.toets);
  if (!toets) {
    t.push(terugmelding(RodCode.waardenlijstFout, `Toets ${d.toets} staat niet in de waardenlijst.`, '/doorstroomtoets/toets'));
  } else if (d.afnamedatum < toets.vanaf || (toets.tot && d.afnamedatum >= toets.tot)) {
    t.push(terugmelding(RodCode.waardenlijstFout, `Toets ${d.toets} is op ${d.afnamedatum} niet geldig (${toets.vanaf} tot ${toets.tot ?? 'heden'}).`, '/doorstroomtoets/toets'));
  } else if (d.score < toets.schaal[0] || d.score > toets.schaal[1]) {
    t.push(terugmelding(RodCode.toetsscoreBuitenSchaal, `Score ${d.score} ligt buiten de schaal van ${toets.omschrijving} (${toets.schaal[0]} tot en met ${toets.schaal[1]}).`, '/doorstroomtoets/score'));
  }
  if (!adviesWaarden.includes(d.toetsadvies)) {
    t.push(terugmelding(RodCode.waardenlijstFout, `Toetsadvies ${d.toetsadvies} staat niet in de waardenlijst (${adviesWaarden.join(', ')}).`, '/doorstroomtoets/toetsadvies'));
  }
  for (const domein of Object.keys(REFERENTIENIVEAUS) as Domein[]) {
    const niveau = d.referentieniveaus?.[domein];
    if (niveau != null && !(REFERENTIENIVEAUS[domein] as readonly string[]).includes(niveau)) {
      t.push(terugmelding(RodCode.waardenlijstFout, `Referentieniveau ${niveau} bestaat niet voor ${domein} (${REFERENTIENIVEAUS[domein].join(', ')}).`, `/doorstroomtoets/referentieniveaus/${domein}`));
    }
  }
  return t;
}

/**
 * The heroverweging after the toets, judged on the ranks of the AdviesVO list (lowest first; -1 unknown). Null when there
 * is no toets or no voorlopig advies to compare with. Meldingen: 273 a toetsadvies above the voorlopig advies and no
 * definitief advies yet; 274 a definitief advies raised above the voorlopig one while the toetsadvies is not higher.
 */
export function beoordeelHeroverweging(voorlopig: number, definitief: number, toetsadvies: number): { heroverweging: Heroverweging | null; meldingen: Terugmelding[] } {
  if (voorlopig < 0 || toetsadvies < 0) return { heroverweging: null, meldingen: [] };
  const hoger = toetsadvies > voorlopig;
  if (definitief < 0) {
    return hoger
      ? { heroverweging: 'OPEN', meldingen: [terugmelding(RodCode.heroverwegingNodig, 'Het toetsadvies is hoger dan het voorlopige advies: heroverweeg het advies en stuur het definitieve advies (advies2).', '/doorstroomtoets/toetsadvies')] }
      : { heroverweging: 'NIET_NODIG', meldingen: [] };
  }
  if (!hoger) {
    return {
      heroverweging: 'NIET_NODIG',
      meldingen: definitief > voorlopig ? [terugmelding(RodCode.adviesVerhoogdZonderHogerToetsadvies, 'Het definitieve advies is hoger dan het voorlopige, maar het toetsadvies is dat niet.', '/advies2/advies')] : [],
    };
  }
  return { heroverweging: definitief > voorlopig ? 'ADVIES_VERHOOGD' : 'ADVIES_GEHANDHAAFD', meldingen: [] };
}
