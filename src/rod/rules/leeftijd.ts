import { beginSchooljaar, laatsteDatum, maxDatum, minDatum, plusJaren, vroegsteDatum } from './datum';

/**
 * The age rule of WPO art. 39, in one place for ROD (230, 251) and bekostiging (B06), in TypeScript for one pupil and in SQL
 * for the set-based recompute; test/rod/leeftijd.e2e-spec.ts runs both over one table of cases.
 *
 * - Lid 1: a child is a leerling from the fourth birthday on.
 * - Lid 3–4: a pupil may stay until the end of the schooljaar in which they turn 14. A pupil born on 1 August turns 14 on
 *   the first day of a schooljaar, so in that schooljaar, and may stay in it (the spec's "under 14 on 1 August" would
 *   exclude them; the law's wording wins). Too old is: the 14th birthday lies before 1 August of the schooljaar.
 * - A partial geboortedatum (00 for an unknown month or day) is judged "certain only": too young only when even its
 *   earliest day is, too old only when even its last day is (2016-00-00 is 2016-01-01 … 2016-12-31).
 * - 29 February: a birthday in a year without it is 1 March.
 * - vso (WEC): a pupil may stay until the end of the schooljaar in which they turn 20, so "too old" there looks at the 20th
 *   birthday (the same rule with another age; MAX_LEEFTIJD).
 */

/** The age whose birthday before 1 August makes a pupil too old (251, B06): bo, sbo and so 14 (WPO art. 39), vso 20 (WEC). */
export const MAX_LEEFTIJD = { BO: 14, SO: 14, VSO: 20 } as const;

/** The earliest day the fourth birthday can be. */
export const vroegsteVierdeVerjaardag = (geboortedatum: string) => plusJaren(vroegsteDatum(geboortedatum), 4);
/** The last day the fourteenth birthday can be. */
export const laatsteVeertiendeVerjaardag = (geboortedatum: string, jaren: number = MAX_LEEFTIJD.BO) => plusJaren(laatsteDatum(geboortedatum), jaren);

/** WPO art. 39 lid 1: niet voor de vierde verjaardag (230; B06 on a teldatum). */
export function voorVierdeVerjaardag(geboortedatum: string, datum: string): boolean {
  return datum < vroegsteVierdeVerjaardag(geboortedatum);
}

/** WPO art. 39 lid 3–4: already 14 before 1 August of the schooljaar of `peildatum` (251; B06 on a teldatum). */
export function teOud(geboortedatum: string, peildatum: string, maxLeeftijd: number = MAX_LEEFTIJD.BO): boolean {
  return laatsteVeertiendeVerjaardag(geboortedatum, maxLeeftijd) < beginSchooljaar(peildatum);
}

/** B06: outside the funded age range on the teldatum. */
export function buitenBekostigdeLeeftijd(geboortedatum: string, teldatum: string, maxLeeftijd: number = MAX_LEEFTIJD.BO): boolean {
  return voorVierdeVerjaardag(geboortedatum, teldatum) || teOud(geboortedatum, teldatum, maxLeeftijd);
}

/** The date whose schooljaar the age rule looks at for melding 251: today while enrolled, else the last day, never before the first. */
export function leeftijdPeildatum(datumInschrijving: string, datumUitschrijving: string | null | undefined, vandaag: string): string {
  return maxDatum(datumInschrijving, minDatum(vandaag, datumUitschrijving ?? vandaag));
}

/** Melding 251 for an inschrijving: too old in the schooljaar of its peildatum. */
export function teOudVoorInschrijving(geboortedatum: string, datumInschrijving: string, datumUitschrijving: string | null | undefined, vandaag: string, maxLeeftijd: number = MAX_LEEFTIJD.BO): boolean {
  return teOud(geboortedatum, leeftijdPeildatum(datumInschrijving, datumUitschrijving, vandaag), maxLeeftijd);
}

/**
 * The same rule as SQL expressions, for set-based statements. Arguments are SQL expressions: `geboortedatum` a text
 * YYYY-MM-DD (possibly partial), dates of type date.
 */
export const leeftijdSql: {
  maxLeeftijd: (schoolsoort: string) => string;
  beginSchooljaar: (datum: string) => string;
  vroegsteVierdeVerjaardag: (geboortedatum: string) => string;
  laatsteVeertiendeVerjaardag: (geboortedatum: string, jaren?: string) => string;
  buitenBekostigdeLeeftijd: (geboortedatum: string, teldatum: string, schooljaarBegin?: string, maxLeeftijd?: string) => string;
} = {
  /** MAX_LEEFTIJD of a schoolsoort (an SQL text expression: 'VSO', 'SO', or NULL for bo and sbo). */
  maxLeeftijd: (schoolsoort: string) => `(CASE WHEN ${schoolsoort} = 'VSO' THEN ${MAX_LEEFTIJD.VSO} WHEN ${schoolsoort} = 'SO' THEN ${MAX_LEEFTIJD.SO} ELSE ${MAX_LEEFTIJD.BO} END)`,
  /** 1 August that starts the schooljaar containing `datum`. */
  beginSchooljaar: (datum: string) =>
    `make_date(extract(year FROM ${datum})::int - CASE WHEN extract(month FROM ${datum}) < 8 THEN 1 ELSE 0 END, 8, 1)`,
  /** vroegsteVierdeVerjaardag: day d of month m in year y + 4 counted from the 1st, so 29 February rolls to 1 March. */
  vroegsteVierdeVerjaardag: (geboortedatum: string) =>
    `(make_date(substr(${geboortedatum}, 1, 4)::int + 4, greatest(substr(${geboortedatum}, 6, 2)::int, 1), 1) + (greatest(substr(${geboortedatum}, 9, 2)::int, 1) - 1))`,
  /** laatsteVeertiendeVerjaardag: an unknown month is December, an unknown day the month's last; `jaren` an SQL integer expression. */
  laatsteVeertiendeVerjaardag: (geboortedatum: string, jaren = String(MAX_LEEFTIJD.BO)) => {
    const maand = `(CASE WHEN substr(${geboortedatum}, 6, 2) = '00' THEN 12 ELSE substr(${geboortedatum}, 6, 2)::int END)`;
    const jaar = `substr(${geboortedatum}, 1, 4)::int`;
    const dag = `(CASE WHEN substr(${geboortedatum}, 9, 2) = '00' THEN extract(day FROM make_date(${jaar}, ${maand}, 1) + interval '1 month' - interval '1 day')::int ELSE substr(${geboortedatum}, 9, 2)::int END)`;
    return `(make_date(${jaar} + ${jaren}, ${maand}, 1) + (${dag} - 1))`;
  },
  /** B06 as a condition; `schooljaarBegin` may be a precomputed leeftijdSql.beginSchooljaar(teldatum); `maxLeeftijd` an SQL integer expression (MAX_LEEFTIJD). */
  buitenBekostigdeLeeftijd: (geboortedatum: string, teldatum: string, schooljaarBegin = leeftijdSql.beginSchooljaar(teldatum), maxLeeftijd = String(MAX_LEEFTIJD.BO)) =>
    `(${leeftijdSql.vroegsteVierdeVerjaardag(geboortedatum)} > ${teldatum} OR ${leeftijdSql.laatsteVeertiendeVerjaardag(geboortedatum, maxLeeftijd)} < ${schooljaarBegin})`,
};
