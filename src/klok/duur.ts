/** An ISO 8601 duration (PnYnMnWnDTnHnMnS), split into calendar and exact parts. */
export interface Duur {
  jaren: number;
  maanden: number;
  dagen: number;
  ms: number;
}

const DUUR = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,3})?)S)?)?$/;

/** Parses an ISO 8601 duration; null when it is not one (or is empty, like `P` or `PT`). */
export function parseDuur(text: string): Duur | null {
  const m = DUUR.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return null;
  const n = (i: number) => (m[i] ? Number(m[i]) : 0);
  return { jaren: n(1), maanden: n(2), dagen: n(3) * 7 + n(4), ms: ((n(5) * 60 + n(6)) * 60 + n(7)) * 1000 };
}

/** Adds a duration to an instant: years, months and days on the UTC calendar, then the exact part. */
export function plusDuur(instant: Date, d: Duur): Date {
  const x = new Date(instant.getTime());
  if (d.jaren || d.maanden) {
    const day = x.getUTCDate();
    x.setUTCDate(1);
    x.setUTCMonth(x.getUTCMonth() + d.jaren * 12 + d.maanden);
    // 31 January + P1M = 28/29 February, not 3 March.
    const last = new Date(Date.UTC(x.getUTCFullYear(), x.getUTCMonth() + 1, 0)).getUTCDate();
    x.setUTCDate(Math.min(day, last));
  }
  x.setUTCDate(x.getUTCDate() + d.dagen);
  return new Date(x.getTime() + d.ms);
}
