/**
 * One table of cases for the age rule of WPO art. 39 (src/rod/rules/leeftijd.ts): the TypeScript rule (unit spec) and
 * its SQL twin (e2e parity test) must both give these answers.
 */
export interface LeeftijdGeval {
  waarom: string;
  geboortedatum: string;
  /** A date to judge on (an inschrijving's date, a teldatum). */
  datum: string;
  /** Certainly not yet 4 on `datum` (230). */
  tejong: boolean;
  /** Certainly past the maximum age (14; vso 20) before 1 August of the schooljaar of `datum` (251). */
  teoud: boolean;
  /** The schoolsoort whose maximum age applies (MAX_LEEFTIJD; absent: bo, sbo and so alike, 14). */
  schoolsoort?: 'SO' | 'VSO';
}

export const LEEFTIJD_GEVALLEN: LeeftijdGeval[] = [
  { waarom: 'the day before the 4th birthday', geboortedatum: '2020-03-15', datum: '2024-03-14', tejong: true, teoud: false },
  { waarom: 'on the 4th birthday', geboortedatum: '2020-03-15', datum: '2024-03-15', tejong: false, teoud: false },
  { waarom: '29 February, 4th birthday in a leap year: the day before', geboortedatum: '2020-02-29', datum: '2024-02-28', tejong: true, teoud: false },
  { waarom: '29 February, 4th birthday in a leap year: on it', geboortedatum: '2020-02-29', datum: '2024-02-29', tejong: false, teoud: false },
  { waarom: '29 February, 4th birthday in a year without it (2100): 28 February is before it', geboortedatum: '2096-02-29', datum: '2100-02-28', tejong: true, teoud: false },
  { waarom: '29 February, 4th birthday in a year without it (2100): it is 1 March', geboortedatum: '2096-02-29', datum: '2100-03-01', tejong: false, teoud: false },
  { waarom: '29 February, 14th birthday 1 March 2026: too old from schooljaar 2026/27', geboortedatum: '2012-02-29', datum: '2026-08-01', tejong: false, teoud: true },
  { waarom: '29 February, 14th birthday in schooljaar 2025/26: may stay in it', geboortedatum: '2012-02-29', datum: '2026-07-31', tejong: false, teoud: false },
  { waarom: 'born 31 July: 14 on the last day of a schooljaar, too old in the next', geboortedatum: '2011-07-31', datum: '2025-08-01', tejong: false, teoud: true },
  { waarom: 'born 31 July: may stay to the end of the schooljaar in which they turn 14', geboortedatum: '2011-07-31', datum: '2025-07-31', tejong: false, teoud: false },
  { waarom: 'born 1 August: turns 14 on the first day of schooljaar 2025/26, so in it, and may stay in it', geboortedatum: '2011-08-01', datum: '2025-10-01', tejong: false, teoud: false },
  { waarom: 'born 1 August: on the 14th birthday itself', geboortedatum: '2011-08-01', datum: '2025-08-01', tejong: false, teoud: false },
  { waarom: 'born 1 August: too old from the next schooljaar', geboortedatum: '2011-08-01', datum: '2026-08-01', tejong: false, teoud: true },
  { waarom: 'unknown month and day: too young only when 1 January is', geboortedatum: '2016-00-00', datum: '2019-12-31', tejong: true, teoud: false },
  { waarom: 'unknown month and day: 4 if born on 1 January', geboortedatum: '2016-00-00', datum: '2020-01-01', tejong: false, teoud: false },
  { waarom: 'unknown month and day: a pupil born 31 December 2016 turns 14 in schooljaar 2030/31', geboortedatum: '2016-00-00', datum: '2031-07-31', tejong: false, teoud: false },
  { waarom: 'unknown month and day: too old for certain from schooljaar 2031/32', geboortedatum: '2016-00-00', datum: '2031-08-01', tejong: false, teoud: true },
  { waarom: 'unknown day in February of a leap year: the last day is 29 February', geboortedatum: '2016-02-00', datum: '2030-07-31', tejong: false, teoud: false },
  { waarom: 'unknown day in February of a leap year: too old from schooljaar 2030/31', geboortedatum: '2016-02-00', datum: '2030-08-01', tejong: false, teoud: true },
  { waarom: 'unknown day: too young only when the 1st of the month is', geboortedatum: '2016-05-00', datum: '2020-04-30', tejong: true, teoud: false },
  { waarom: 'unknown day: 4 from the 1st of the month', geboortedatum: '2016-05-00', datum: '2020-05-01', tejong: false, teoud: false },
  // vso (WEC): the same rule with the 20th birthday (MAX_LEEFTIJD.VSO).
  { waarom: 'so, 15 years old: too old (so has the bo age range)', geboortedatum: '2011-05-01', datum: '2026-10-01', tejong: false, teoud: true, schoolsoort: 'SO' },
  { waarom: 'vso, 15 years old: too old for bo, not for vso', geboortedatum: '2011-05-01', datum: '2026-10-01', tejong: false, teoud: false, schoolsoort: 'VSO' },
  { waarom: 'vso, born 31 July: 20 on the last day of a schooljaar, may stay to its end', geboortedatum: '2006-07-31', datum: '2026-07-31', tejong: false, teoud: false, schoolsoort: 'VSO' },
  { waarom: 'vso, born 31 July: too old in the next schooljaar', geboortedatum: '2006-07-31', datum: '2026-08-01', tejong: false, teoud: true, schoolsoort: 'VSO' },
  { waarom: 'vso, born 1 August: turns 20 on the first day of schooljaar 2026/27 and may stay in it', geboortedatum: '2006-08-01', datum: '2027-07-31', tejong: false, teoud: false, schoolsoort: 'VSO' },
  { waarom: 'vso, born 1 August: too old from the next schooljaar', geboortedatum: '2006-08-01', datum: '2027-08-01', tejong: false, teoud: true, schoolsoort: 'VSO' },
  { waarom: 'vso, 29 February, 20th birthday in a year without it (2100) is 1 March: may stay in that schooljaar', geboortedatum: '2080-02-29', datum: '2100-07-31', tejong: false, teoud: false, schoolsoort: 'VSO' },
  { waarom: 'vso, 29 February, 20th birthday 1 March 2100: too old from schooljaar 2100/01', geboortedatum: '2080-02-29', datum: '2100-08-01', tejong: false, teoud: true, schoolsoort: 'VSO' },
  { waarom: 'vso, unknown month and day: a pupil born 31 December 2006 turns 20 in schooljaar 2026/27', geboortedatum: '2006-00-00', datum: '2027-07-31', tejong: false, teoud: false, schoolsoort: 'VSO' },
  { waarom: 'vso, unknown month and day: too old for certain from schooljaar 2027/28', geboortedatum: '2006-00-00', datum: '2027-08-01', tejong: false, teoud: true, schoolsoort: 'VSO' },
  { waarom: 'vso, unknown day in February of a leap year: the 20th birthday can be 29 February 2028', geboortedatum: '2008-02-00', datum: '2028-07-31', tejong: false, teoud: false, schoolsoort: 'VSO' },
  { waarom: 'vso, unknown day in February of a leap year: too old from schooljaar 2028/29', geboortedatum: '2008-02-00', datum: '2028-08-01', tejong: false, teoud: true, schoolsoort: 'VSO' },
  { waarom: 'vso, unknown day in February of a year without 29 February: the last day is the 28th', geboortedatum: '2006-02-00', datum: '2026-08-01', tejong: false, teoud: true, schoolsoort: 'VSO' },
  { waarom: 'vso, unknown day: too young only when the 1st of the month is (same as bo)', geboortedatum: '2016-05-00', datum: '2020-04-30', tejong: true, teoud: false, schoolsoort: 'VSO' },
];
