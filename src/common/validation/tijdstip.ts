import { ValidateBy, ValidationOptions } from 'class-validator';

/** The instants a sandbox clock and every date-time parameter accept: 1970-01-01 up to the end of 2199 (UTC). */
export const TIJDSTIP_MIN = '1970-01-01T00:00:00Z';
export const TIJDSTIP_MAX = '2199-12-31T23:59:59Z';
export const TIJDSTIP_RANGE_TEXT = 'between 1970-01-01T00:00:00Z and 2199-12-31T23:59:59Z';

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/;

/** An ISO 8601 date-time (offset optional, as before), on a real calendar day, within TIJDSTIP_MIN..TIJDSTIP_MAX. */
export function isTijdstip(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  const m = ISO_INSTANT.exec(v);
  if (!m) return false;
  const [, y, mo, d, h, mi, s = '0'] = m;
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (day.getUTCFullYear() !== Number(y) || day.getUTCMonth() !== Number(mo) - 1 || day.getUTCDate() !== Number(d)) return false;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return false;
  const t = Date.parse(v);
  return Number.isFinite(t) && t >= Date.parse(TIJDSTIP_MIN) && t <= Date.parse(TIJDSTIP_MAX);
}

export const IsTijdstip = (options?: ValidationOptions) =>
  ValidateBy(
    { name: 'isTijdstip', validator: { validate: (v) => isTijdstip(v), defaultMessage: (a) => `${a?.property} must be an ISO 8601 date-time, ${TIJDSTIP_RANGE_TEXT}` } },
    options,
  );
