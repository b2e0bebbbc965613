/** Identifier formats of RIO (rio.md §2). RIO codes are meaningless: no check digit. */
export const BESTUUR_CODE = /^\d{3}B\d{3}$/;
export const AANBIEDER_CODE = /^\d{3}A\d{3}$/;
export const LOCATIE_CODE = /^\d{3}X\d{3}$/;
export const GROEP_CODE = /^\d{3}G\d{3}$/;
/** An organisatorische eenheid of the simulator: onderwijsbestuur (B), onderwijsaanbieder (A) or onderwijsaanbiedergroep (G). */
export const ORGANISATORISCHE_EENHEID_CODE = /^\d{3}[ABG]\d{3}$/;
export const BRIN4 = /^\d{2}[A-Z]{2}$/;
export const BRIN6 = /^\d{2}[A-Z]{2}\d{2}$/;
export const BEVOEGD_GEZAG_NUMMER = /^\d{5}$/;
export const KVK_NUMMER = /^\d{8}$/;
export const RSIN_FORMAT = /^\d{9}$/;
export const OPLEIDINGSEENHEID_CODE = /^\d{4}O\d{4}$/;
export const POSTCODE = /^[1-9][0-9]{3}[A-Z]{2}$/;
export const UUID = /^[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}$/;

export type RioCodeSoort = 'A' | 'B' | 'G' | 'X';

/** rio.md §12.1: number n rendered as `nnnLnnn`, e.g. 1 → 100B001, 1000 → 101B000. */
export function formatRioCode(soort: RioCodeSoort, n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 899_999) throw new RangeError(`code number out of range: ${n}`);
  return `${String(Math.floor(n / 1000) + 100).padStart(3, '0')}${soort}${String(n % 1000).padStart(3, '0')}`;
}

/** The number behind a code made by formatRioCode (for raising a counter past seeded codes). */
export function rioCodeNumber(code: string): number {
  return (Number(code.slice(0, 3)) - 100) * 1000 + Number(code.slice(4));
}

/**
 * RSIN: 9 digits passing the 11-proef as for a BSN: weights 9..2 for the first eight digits and −1
 * for the last; the sum must be divisible by 11 (rio.md §2; not stated by DUO, inferred).
 */
export function isValidRsin(value: string): boolean {
  if (!RSIN_FORMAT.test(value)) return false;
  if (value === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(value[i]) * (9 - i);
  sum -= Number(value[8]);
  return sum % 11 === 0;
}

/** Completes eight digits to a valid RSIN, or null when no check digit fits (sum mod 11 = 10). */
export function rsinFrom(eightDigits: string): string | null {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(eightDigits[i]) * (9 - i);
  const check = sum % 11;
  return check === 10 ? null : eightDigits + String(check);
}

/** BRIN6 belongs to BRIN4 when it starts with it. */
export const vestigingHoortBijInstelling = (brin6: string, brin4: string) => brin6.slice(0, 4) === brin4;

/** Postcode as stored: no space, upper case ("1234 ab" → "1234AB"). */
export const normalisePostcode = (p: string) => p.replace(/\s+/g, '').toUpperCase();
