import { RodCode, Terugmelding, terugmelding } from '../rod.errors';

/** Weighted sum of the 11-proef: 9·d1 + 8·d2 + … + 2·d8 − 1·d9, modulo 11 (always 0…10). */
export function elfproefRest(nummer: string): number {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * (nummer.charCodeAt(i) - 48);
  sum -= nummer.charCodeAt(8) - 48;
  return ((sum % 11) + 11) % 11;
}

/** BSN: 9 digits, not all zeros, weighted sum ≡ 0 (mod 11). */
export function isGeldigBsn(bsn: string): boolean {
  return /^\d{9}$/.test(bsn) && bsn !== '000000000' && elfproefRest(bsn) === 0;
}

/** Onderwijsnummer: 9 digits starting with 10, weighted sum ≡ 5 (mod 11); no number passes both checks. */
export function isGeldigOnderwijsnummer(on: string): boolean {
  return /^10\d{7}$/.test(on) && elfproefRest(on) === 5;
}

/** Completes 8 digits into a valid BSN, or null when no check digit fits. */
export function bsnMetControlecijfer(acht: string): string | null {
  // 9·d1+…+2·d8 − d9 ≡ 0  ⇒  d9 ≡ S (mod 11)
  const d9 = elfproefRest(acht + '0');
  return d9 <= 9 ? acht + d9 : null;
}

/** The n-th onderwijsnummer candidate (10 + six digits of n + check digit), or null when no check digit fits. */
export function onderwijsnummerVoor(n: number): string | null {
  const acht = '10' + String(n).padStart(6, '0');
  // S − d9 ≡ 5  ⇒  d9 ≡ S − 5 (mod 11)
  const d9 = (elfproefRest(acht + '0') + 11 - 5) % 11;
  return d9 <= 9 ? acht + d9 : null;
}

/** A person of the persoonsregister, as the rules see it. */
export interface PersoonRij {
  id: string;
  burgerservicenummer: string | null;
  onderwijsnummer: string | null;
  /** YYYY-MM-DD, possibly partial (00 for an unknown month or day). */
  geboortedatum: string;
  geslacht: string;
}

/** A PGN as sent, resolved against the persoonsregister. */
export interface PgnResolutie {
  persoon: PersoonRij | null;
  terugmeldingen: Terugmelding[];
}

/** 11-proef of the number sent (211). */
export function controleerPgn(pgn: { burgerservicenummer?: string; onderwijsnummer?: string }, veld = '/persoonsgebondenNummer'): Terugmelding[] {
  if (pgn.burgerservicenummer !== undefined && !isGeldigBsn(pgn.burgerservicenummer)) {
    return [terugmelding(RodCode.pgnElfproef, 'Het burgerservicenummer voldoet niet aan de 11-proef.', `${veld}/burgerservicenummer`)];
  }
  if (pgn.onderwijsnummer !== undefined && !isGeldigOnderwijsnummer(pgn.onderwijsnummer)) {
    return [terugmelding(RodCode.pgnElfproef, 'Het onderwijsnummer voldoet niet aan de controle (begint met 10, gewogen som ≡ 5 mod 11).', `${veld}/onderwijsnummer`)];
  }
  return [];
}

/** Resolves a PGN (already 11-proef checked) to the person found by its number: 210 when none, 213 for an onderwijsnummer of a person with a BSN. */
export function resolveerPgn(persoon: PersoonRij | null, pgn: { burgerservicenummer?: string; onderwijsnummer?: string }, veld = '/persoonsgebondenNummer'): PgnResolutie {
  if (!persoon) {
    const sub = pgn.burgerservicenummer !== undefined ? 'burgerservicenummer' : 'onderwijsnummer';
    return { persoon: null, terugmeldingen: [terugmelding(RodCode.pgnOnbekend, `Het ${sub} is niet bekend in het persoonsregister; identificeer de leerling eerst.`, `${veld}/${sub}`)] };
  }
  if (pgn.onderwijsnummer !== undefined && persoon.burgerservicenummer) {
    return {
      persoon,
      terugmeldingen: [terugmelding(RodCode.onderwijsnummerBijBsnBekend, 'Voor deze leerling is een burgerservicenummer bekend; gebruik voortaan het burgerservicenummer.', `${veld}/onderwijsnummer`)],
    };
  }
  return { persoon, terugmeldingen: [] };
}

/** The 11-proef and then the resolution: the person the PGN stands for (null when none) and the terugmeldingen of both steps. */
export function pgnUitkomst(pgn: { burgerservicenummer?: string; onderwijsnummer?: string }, gevonden: PersoonRij | null): PgnResolutie {
  const fout = controleerPgn(pgn);
  return fout.length ? { persoon: null, terugmeldingen: fout } : resolveerPgn(gevonden, pgn);
}
