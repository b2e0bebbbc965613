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
