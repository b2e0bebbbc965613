import { apiProblemsFrom } from '../common/openapi/api-problems.decorator';
import { COMMON_PROBLEM_STATUS } from '../common/problem/common.errors';
import { ProblemDetailItem, ProblemException, problemFactory, type ProblemStatusTable } from '../common/problem/problem';

/**
 * RIO foutcodes (rio.md §7) the simulator answers with, and their texts. Codes marked
 * (simulator) have no known DUO counterpart.
 */
export const Foutcodes = {
  N05010: 'De einddatum moet na de begindatum liggen.',
  N05030: 'De periode ligt niet binnen de in-bedrijf- en uit-bedrijfdatum van het object.',
  N05050: 'De periodes overlappen.',
  N05060: 'De periodes sluiten niet op elkaar aan, of dekken niet de hele levensduur van het object.',
  N02010: 'De einddatum van het onderwijslocatiegebruik(periode) moet na de begindatum liggen.',
  N02020: 'De periode ligt niet binnen de levensduur van het onderwijslocatiegebruik.',
  N02030: 'De periodes van het onderwijslocatiegebruik overlappen.',
  N02040: 'De periodes van het onderwijslocatiegebruik sluiten niet op elkaar aan.',
  N01410: 'Het onderwijslocatiegebruik ligt niet binnen de levensduur van het onderwijsbestuur.',
  N04410: 'Het onderwijsbestuur kan niet eindigen zolang het nog lopende onderwijsaanbieders heeft.',
  N04430: 'De levensduur van de onderwijsaanbieder moet zijn lopende aangeboden opleidingen omvatten.',
  N09010: 'De einddatum van de aangeboden opleiding moet na de begindatum liggen.',
  N09090: 'De eerste instroomdatum moet voor de einddatum liggen.',
  N09100: 'De laatste instroomdatum ligt niet tussen de eerste instroomdatum (of begindatum) en de einddatum van de aangeboden opleiding. (simulator)',
  N09410: 'De aangeboden opleiding ligt niet binnen de looptijd van de opleidingseenheid.',
  N09430: 'De aangeboden opleiding ligt niet binnen de levensduur van de onderwijsaanbieder.',
  N09450: 'Onderwijsaanbieder en opleidingseenheid van een aangeboden opleiding kunnen niet meer wijzigen.',
  N10010: 'De einddatum van de periode van de aangeboden opleiding moet na de begindatum liggen.',
  N10020: 'De periode ligt niet binnen de looptijd van de aangeboden opleiding.',
  N10040: 'De periodes van de aangeboden opleiding sluiten niet aaneen of overlappen.',
  N10060: 'De samenwerkende onderwijsaanbieder is onbekend, niet in bedrijf op de begindatum van de periode, of de aanbieder zelf.',
  N07010: 'De einddatum van de organisatierelatie moet na de begindatum liggen. (simulator)',
  N07020: 'Een organisatierelatie van soort OVERGANG heeft geen einddatum.',
  N07030: 'Een organisatierelatie kan niet van een organisatorische eenheid naar zichzelf lopen.',
  N07050: 'Organisatierelaties van dezelfde soort tussen dezelfde organisatorische eenheden overlappen in de tijd.',
  N07410: 'Een organisatorische eenheid van de organisatierelatie is niet in bedrijf op de begindatum (bij OVERGANG: de van-eenheid op de dag ervoor), of de relatie ligt niet binnen haar levensduur. (simulator)',
  N07420: 'HIERARCHISCH verbindt organisatorische eenheden van verschillend type, OVERGANG eenheden van hetzelfde type.',
  J06010: 'De einddatum van de relatie moet na de begindatum liggen.',
  J06020: 'Relaties met dezelfde erkenning of hetzelfde bestuur overlappen in de tijd.',
  J06410: 'De relatie ligt niet binnen de levensduur van de onderwijsaanbieder of de erkenning.',
  J06520: 'De stichtingsdatum van de erkenning ligt na de in-bedrijfdatum. (simulator)',
  J06510: 'Een BRIN4 heeft op elke datum waarop het een vestiging in bedrijf heeft precies één hoofdvestiging. (simulator)',
  J06530: 'Het bevoegd gezag van een erkenning met overgangen wijzigt alleen door een nieuwe overgang. (simulator)',
  J06600: 'De onderwijsinstellingserkenning heeft geen bevoegd gezag om van over te gaan. (simulator)',
  J06610: 'Het nieuwe onderwijsbestuur is op de overgangsdatum niet in bedrijf. (simulator)',
  J06620: 'De onderwijsinstellingserkenning valt op de overgangsdatum al onder dit onderwijsbestuur. (simulator)',
  J06630: 'Er is al een overgang van deze onderwijsinstellingserkenning op of na de overgangsdatum; overgangen mogen niet overlappen. (simulator)',
  J06640: 'De overgangsdatum ligt niet binnen de levensduur van de onderwijsinstellingserkenning (na de in-bedrijfdatum, voor de uit-bedrijfdatum). (simulator)',
  J06650: 'Een onderwijsaanbieder van deze erkenning heeft ook een lopende juridische relatie met een andere erkenning van het oude onderwijsbestuur. (simulator)',
  J06660: 'Het nieuwe onderwijsbestuur is niet in bedrijf zolang de overgenomen vestigingsrelaties op deze locatie lopen: zijn locatiegebruik kan ze niet dekken. (simulator)',
  J06670: 'De ontvangende onderwijsinstellingserkenning is op de overgangsdatum niet in bedrijf of valt dan niet onder het nieuwe onderwijsbestuur. (simulator)',
  J06680: 'De vestiging is op de dag voor de overgangsdatum niet in bedrijf: er gaat niets van over. (simulator)',
  J06690: 'Alle lopende vestigingen van de erkenning gaan over: dat is een overgang volledig. (simulator)',
  J06700: 'De vestiging is al eerder gedeeltelijk overgegaan. (simulator)',
  J06710: 'naarInstellingscode en vestigingscodes horen bij een overgang gedeeltelijk, en alleen daarbij. (simulator)',
  A01010: 'Het adres is niet gevonden in de BAG.',
  A01030: 'De onderwijsinstellingserkenning (BRIN4) is onbekend.',
  A01040: 'De vestigingserkenning (BRIN6) is onbekend.',
  A01050: 'De onderwijsaanbieder is onbekend. (simulator)',
  A01060: 'De onderwijslocatie is onbekend of niet in gebruik bij een bestuur van de onderwijsaanbieder.',
  A01070: 'De opleidingseenheid is onbekend.',
  A01110: 'Het onderwijsbestuur is onbekend.',
  A01120: 'De onderwijsaanbiedergroep is onbekend. (simulator)',
  K01010: 'Het aantal waarden van dit kenmerk klopt niet.',
  K01030: 'Dit kenmerk of deze waarde is niet toegestaan voor dit soort aangeboden opleiding.',
  K01040: 'Deze waarde komt dubbel voor.',
  K01050: 'De waarde komt niet voor in de waardenlijst.',
  K01051: 'De waarde is niet geldig op de begindatum van de periode.',
  AUT401: 'U bent niet geautoriseerd voor dit object.',
} as const;
export type Foutcode = keyof typeof Foutcodes;

export interface Sleutelgegeven {
  sleutelnaam: string;
  sleutelwaarde: string;
}

export interface Foutmelding {
  foutcode: Foutcode;
  fouttekst: string;
  sleutelgegeven: Sleutelgegeven[];
}

/** Collects every foutmelding of a request, each with the JSON Pointer of the value it is about. */
export class Foutmeldingen {
  readonly items: (Foutmelding & { pointer: string })[] = [];

  add(foutcode: Foutcode, pointer: string, sleutels: Record<string, string | number | null | undefined> = {}, tekst?: string) {
    const sleutelgegeven = Object.entries(sleutels)
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([sleutelnaam, v]) => ({ sleutelnaam, sleutelwaarde: String(v) }));
    if (this.items.some((i) => i.foutcode === foutcode && i.pointer === pointer)) return;
    this.items.push({ foutcode, fouttekst: tekst ?? Foutcodes[foutcode], sleutelgegeven, pointer });
  }

  get empty() {
    return this.items.length === 0;
  }

  /** 400 with every foutmelding at once: RIO style in `foutmeldingen`, and as `errors` with pointers. */
  throwIfAny() {
    if (this.empty) return;
    const errors: ProblemDetailItem[] = this.items.map((i) => ({ pointer: i.pointer, code: i.foutcode, detail: i.fouttekst }));
    throw rioProblem('invalid_input', `RIO heeft het verzoek afgekeurd: ${this.items.length} ${this.items.length === 1 ? 'foutmelding' : 'foutmeldingen'}; see foutmeldingen.`, {
      errors,
      requestGoedgekeurd: false,
      foutmeldingen: this.items.map(({ foutcode, fouttekst, sleutelgegeven }) => ({ foutcode, fouttekst, sleutelgegeven })),
    });
  }
}

/** 403 in RIO style (AUT401) for a client writing an object of a bestuur it does not act for. */
export function nietGeautoriseerd(detail: string, sleutels: Sleutelgegeven[]): ProblemException {
  return rioProblem('forbidden', detail, { requestGoedgekeurd: false, foutmeldingen: [{ foutcode: 'AUT401', fouttekst: Foutcodes.AUT401, sleutelgegeven: sleutels }] });
}

/** Problem codes of the RIO API besides invalid_input, forbidden and not_found. */
export const RioErrors = {
  inGebruik: 'rio_object_in_gebruik',
  bestaatAl: 'rio_object_bestaat_al',
  overgangNietIntrekbaar: 'rio_overgang_niet_intrekbaar',
} as const;

/** The RIO API's own problem codes and their one status each. */
export const RIO_PROBLEM_STATUS = {
  rio_object_in_gebruik: 409,
  rio_object_bestaat_al: 409,
  /** A withdrawal of an overgang that took effect, was seeded, or whose objects changed since. */
  rio_overgang_niet_intrekbaar: 409,
} as const satisfies ProblemStatusTable;

const TABLE = { ...COMMON_PROBLEM_STATUS, ...RIO_PROBLEM_STATUS };
/** A RIO problem (or a common one): its status from the table. */
export const rioProblem = problemFactory(TABLE);
/** Documents an operation's problem responses by code. */
export const ApiRioProblems = apiProblemsFrom(TABLE);
