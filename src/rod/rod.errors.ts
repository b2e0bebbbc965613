import { apiProblemsFrom } from '../common/openapi/api-problems.decorator';
import { COMMON_PROBLEM_STATUS } from '../common/problem/common.errors';
import { problemFactory } from '../common/problem/problem';

/**
 * ROD's feedback codes (rod.md §7.2), DUO's `NNN_snake_case` format, numbered 2xx so they cannot clash
 * with DUO's real numbers. F = foutmelding (afgekeurd, nothing stored), M = melding (stored, check it).
 * Codes 214, 222–225, 233–235, 270–274, 280–283 and 290–296 (the so/vso contract) are the simulator's additions to the table (030, 031, 102 and 103 are DUO's AdviesVO controls, rod.md §4.5); they are documented in the OpenAPI description.
 */
export const RodCode = {
  xsdOngeldig: '200_xsd_ongeldig',
  pgnOnbekend: '210_pgn_onbekend',
  pgnElfproef: '211_pgn_elfproef',
  geboortedatumGeslachtWijktAf: '212_geboortedatum_geslacht_wijkt_af',
  onderwijsnummerBijBsnBekend: '213_onderwijsnummer_bij_bsn_bekend',
  onderwijsnummerBinnenland: '214_onderwijsnummer_bij_woonadres_in_nederland',
  vestigingOnbekend: '220_vestiging_onbekend',
  geenMachtiging: '221_geen_machtiging',
  vestigingNietGeldig: '222_vestiging_niet_geldig',
  aanbiederGeenRelatie: '223_aanbieder_geen_relatie',
  locatieNietInGebruik: '224_locatie_niet_in_gebruik',
  geenAangebodenOpleiding: '225_geen_aangeboden_opleiding',
  voorVierdeVerjaardag: '230_datum_inschrijving_voor_4e_verjaardag',
  periodeOverlap: '231_periode_overlap',
  uitschrijvingVoorInschrijving: '232_uitschrijving_voor_inschrijving',
  eerstePeriodeNietOpInschrijfdatum: '233_eerste_periode_niet_op_datum_inschrijving',
  tlvEindeVoorBegin: '234_tlv_einde_voor_begin',
  vveBuitenGroep12: '235_vve_buiten_groep_1_2',
  volgnummerOnbekend: '240_inschrijvingvolgnummer_onbekend',
  waardenlijstFout: '046_waardenlijst_fout',
  overlapAndereSchool: '250_overlap_andere_school',
  leerlingTeOud: '251_leerling_te_oud',
  teLaatUitgewisseld: '260_te_laat_uitgewisseld',
  adviesAanbiederOntbreekt: '030_onderwijsaanbieder_ontbreekt',
  adviesLocatieOntbreekt: '031_onderwijslocatie_ontbreekt',
  adviesLagerDanVoorlopig: '102_advies_lager_dan_voorlopig_advies',
  adviesOntbreekt: '103_advies_ontbreekt',
  adviesdatumBuitenSchooljaar: '270_adviesdatum_buiten_schooljaar',
  adviesNietInGroep8: '271_leerling_niet_in_groep_8',
  toetsscoreBuitenSchaal: '272_toetsscore_buiten_schaal',
  heroverwegingNodig: '273_heroverweging_advies_nodig',
  adviesVerhoogdZonderHogerToetsadvies: '274_advies_verhoogd_zonder_hoger_toetsadvies',
  verzuimGeenInschrijving: '280_geen_inschrijving_op_verzuimdatum',
  verzuimEindeVoorBegin: '281_verzuim_einde_voor_begin',
  verzuimRegisterGesloten: '282_register_gesloten_leerling_niet_in_rod',
  verzuimOverlap: '283_verzuim_overlapt_eerdere_melding',
  contractPastNietBijSchool: '290_contract_past_niet_bij_soort_school',
  tlvOntbreekt: '291_tlv_ontbreekt',
  soortOnderwijsOntbreekt: '292_soort_onderwijs_ontbreekt',
  soortOnderwijsPastNietBijCluster: '293_soort_onderwijs_past_niet_bij_cluster',
  uitstroomprofielOntbreekt: '294_uitstroomprofiel_ontbreekt',
  uitstroomprofielAlleenVso: '295_uitstroomprofiel_alleen_bij_vso',
  arrangementNietBijCluster: '296_arrangement_past_niet_bij_cluster',
} as const;
export type RodCodeName = (typeof RodCode)[keyof typeof RodCode];

/** Problem codes of the ROD API beyond the feedback codes. */
export const RodProblem = {
  afgekeurd: 'afgekeurd',
  bedrijfsdocumentHergebruikt: 'bedrijfsdocument_hergebruikt',
  machtigingBestaat: 'machtiging_bestaat',
  instellingOnbekend: 'instelling_onbekend',
  geenOnderwijsnummer: 'geen_onderwijsnummer',
  persoonHeeftBsn: 'persoon_heeft_bsn',
  persoonBestaat: 'persoon_bestaat',
} as const;
export type RodProblemCode = (typeof RodProblem)[keyof typeof RodProblem] | typeof RodCode.geenMachtiging;

/** The one table from ROD's problem codes to their HTTP status: one code is one status, chosen here and nowhere else. */
export const ROD_PROBLEM_STATUS: Record<RodProblemCode, number> = {
  afgekeurd: 422,
  bedrijfsdocument_hergebruikt: 422,
  machtiging_bestaat: 409,
  instelling_onbekend: 404,
  geen_onderwijsnummer: 404,
  persoon_heeft_bsn: 409,
  persoon_bestaat: 409,
  '221_geen_machtiging': 403,
};

const TABLE = { ...COMMON_PROBLEM_STATUS, ...ROD_PROBLEM_STATUS };
/** A ROD problem (or a common one): its status from the table. */
export const rodProblem = problemFactory(TABLE);
/** Documents an operation's problem responses by code. */
export const ApiRodProblems = apiProblemsFrom(TABLE);

export type Soort = 'FOUTMELDING' | 'MELDING';

/** One foutmelding or melding in ROD's answer. */
export interface Terugmelding {
  code: RodCodeName;
  soort: Soort;
  tekst: string;
  /** JSON Pointer of the field it concerns, when it concerns one. */
  veld?: string;
}

const SOORT: Record<RodCodeName, Soort> = {
  '200_xsd_ongeldig': 'FOUTMELDING',
  '210_pgn_onbekend': 'FOUTMELDING',
  '211_pgn_elfproef': 'FOUTMELDING',
  '212_geboortedatum_geslacht_wijkt_af': 'MELDING',
  '213_onderwijsnummer_bij_bsn_bekend': 'MELDING',
  '214_onderwijsnummer_bij_woonadres_in_nederland': 'MELDING',
  '220_vestiging_onbekend': 'FOUTMELDING',
  '221_geen_machtiging': 'FOUTMELDING',
  '222_vestiging_niet_geldig': 'MELDING',
  '223_aanbieder_geen_relatie': 'MELDING',
  '224_locatie_niet_in_gebruik': 'MELDING',
  '225_geen_aangeboden_opleiding': 'MELDING',
  '230_datum_inschrijving_voor_4e_verjaardag': 'FOUTMELDING',
  '231_periode_overlap': 'FOUTMELDING',
  '232_uitschrijving_voor_inschrijving': 'FOUTMELDING',
  '233_eerste_periode_niet_op_datum_inschrijving': 'FOUTMELDING',
  '234_tlv_einde_voor_begin': 'FOUTMELDING',
  '235_vve_buiten_groep_1_2': 'MELDING',
  '240_inschrijvingvolgnummer_onbekend': 'FOUTMELDING',
  '046_waardenlijst_fout': 'FOUTMELDING',
  '250_overlap_andere_school': 'MELDING',
  '251_leerling_te_oud': 'MELDING',
  '260_te_laat_uitgewisseld': 'MELDING',
  '030_onderwijsaanbieder_ontbreekt': 'FOUTMELDING',
  '031_onderwijslocatie_ontbreekt': 'FOUTMELDING',
  '102_advies_lager_dan_voorlopig_advies': 'FOUTMELDING',
  '103_advies_ontbreekt': 'FOUTMELDING',
  '270_adviesdatum_buiten_schooljaar': 'FOUTMELDING',
  '271_leerling_niet_in_groep_8': 'FOUTMELDING',
  '272_toetsscore_buiten_schaal': 'FOUTMELDING',
  '273_heroverweging_advies_nodig': 'MELDING',
  '274_advies_verhoogd_zonder_hoger_toetsadvies': 'MELDING',
  '280_geen_inschrijving_op_verzuimdatum': 'FOUTMELDING',
  '281_verzuim_einde_voor_begin': 'FOUTMELDING',
  '282_register_gesloten_leerling_niet_in_rod': 'FOUTMELDING',
  '283_verzuim_overlapt_eerdere_melding': 'MELDING',
  '290_contract_past_niet_bij_soort_school': 'FOUTMELDING',
  '291_tlv_ontbreekt': 'FOUTMELDING',
  '292_soort_onderwijs_ontbreekt': 'FOUTMELDING',
  '293_soort_onderwijs_past_niet_bij_cluster': 'FOUTMELDING',
  '294_uitstroomprofiel_ontbreekt': 'FOUTMELDING',
  '295_uitstroomprofiel_alleen_bij_vso': 'FOUTMELDING',
  '296_arrangement_past_niet_bij_cluster': 'FOUTMELDING',
};

export const terugmelding = (code: RodCodeName, tekst: string, veld?: string): Terugmelding => ({
  code,
  soort: SOORT[code],
  tekst,
  ...(veld !== undefined ? { veld } : {}),
});

export const isFout = (t: Terugmelding) => t.soort === 'FOUTMELDING';

export type Resultaat = 'goedgekeurd' | 'goedgekeurd met meldingen' | 'afgekeurd';

export function resultaatVan(t: Terugmelding[]): Resultaat {
  if (t.some(isFout)) return 'afgekeurd';
  return t.length ? 'goedgekeurd met meldingen' : 'goedgekeurd';
}
