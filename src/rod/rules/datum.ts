/**
 * Dates are ISO calendar dates (YYYY-MM-DD). A geboortedatum may be partial (onvolledige datum, e.g.
 * for asylum seekers): `00` for an unknown month or day, e.g. 2016-00-00 or 2016-05-00.
 */
export const DATUM_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const ONVOLLEDIGE_DATUM_PATTERN = /^\d{4}-(0[0-9]|1[0-2])-([0-2][0-9]|3[01])$/;

const pad = (n: number, l = 2) => String(n).padStart(l, '0');
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** A real calendar date YYYY-MM-DD. */
export function isDatum(s: string): boolean {
  if (!DATUM_PATTERN.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number);
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** A full date, or a partial one with 00 for an unknown month (then also day) or day. */
export function isOnvolledigeDatum(s: string): boolean {
  if (!ONVOLLEDIGE_DATUM_PATTERN.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number);
  if (y < 1) return false;
  if (m === 0) return d === 0;
  if (d === 0) return true;
  return isDatum(s) && y > 0;
}

/** Earliest date a partial date can stand for. */
export function vroegsteDatum(s: string): string {
  const [y, m, d] = s.split('-').map(Number);
  return `${pad(y, 4)}-${pad(m || 1)}-${pad(d || 1)}`;
}

/** Latest date a partial date can stand for. */
export function laatsteDatum(s: string): string {
  const [y, m, d] = s.split('-').map(Number);
  const mm = m || 12;
  return `${pad(y, 4)}-${pad(mm)}-${pad(d || daysInMonth(y, mm))}`;
}

/** Adds whole years; 29 February becomes 1 March in a year without it. */
export function plusJaren(datum: string, jaren: number): string {
  const [y, m, d] = datum.split('-').map(Number);
  const t = new Date(Date.UTC(y + jaren, m - 1, d));
  return t.toISOString().slice(0, 10);
}

export function plusDagen(datum: string, dagen: number): string {
  const t = new Date(`${datum}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + dagen);
  return t.toISOString().slice(0, 10);
}

export function dagenTussen(van: string, tot: string): number {
  return Math.round((Date.parse(`${tot}T00:00:00Z`) - Date.parse(`${van}T00:00:00Z`)) / 86_400_000);
}

/** 1 August that starts the schooljaar containing the date. */
export function beginSchooljaar(datum: string): string {
  const [y, m] = datum.split('-').map(Number);
  return `${pad(m >= 8 ? y : y - 1, 4)}-08-01`;
}

export const maxDatum = (a: string, b: string) => (a > b ? a : b);
export const minDatum = (a: string, b: string) => (a < b ? a : b);
