import { beginSchooljaar, laatsteDatum, maxDatum, minDatum, plusJaren, vroegsteDatum } from './datum';

/** WPO art. 39 lid 1: niet voor de vierde verjaardag. Certain only: a partial geboortedatum counts from its earliest day. */
export function voorVierdeVerjaardag(geboortedatum: string, datumInschrijving: string): boolean {
  return datumInschrijving < plusJaren(vroegsteDatum(geboortedatum), 4);
}

/**
 * WPO art. 39 lid 3–4: a pupil leaves at the end of the schooljaar in which they turn 14. A melding when the
 * pupil was already 14 before 1 August of the schooljaar of `peildatum`. Certain only: a partial date counts from its last day.
 */
export function teOud(geboortedatum: string, peildatum: string): boolean {
  return plusJaren(laatsteDatum(geboortedatum), 14) < beginSchooljaar(peildatum);
}

/** The date whose schooljaar the age rule looks at: today while enrolled, else the last day, never before the first. */
export function leeftijdPeildatum(datumInschrijving: string, datumUitschrijving: string | null | undefined, vandaag: string): string {
  return maxDatum(datumInschrijving, minDatum(vandaag, datumUitschrijving ?? vandaag));
}

/** Melding 251 for an inschrijving: too old in the schooljaar of its peildatum. */
export function teOudVoorInschrijving(geboortedatum: string, datumInschrijving: string, datumUitschrijving: string | null | undefined, vandaag: string): boolean {
  return teOud(geboortedatum, leeftijdPeildatum(datumInschrijving, datumUitschrijving, vandaag));
}
