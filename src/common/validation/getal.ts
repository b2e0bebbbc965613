import { Transform } from 'class-transformer';

const DECIMAAL = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/;

/**
 * A number as a query parameter carries it. `Number('')` is 0 and `Number(' ')` too, so a parameter sent empty
 * (`gpsLatitude=`) would pass as 0: here only a decimal number becomes a number, and anything else (empty, blank,
 * repeated, `true`, `0x10`) becomes NaN, which every numeric check rejects. An absent parameter stays absent.
 */
export function alsGetal(waarde: unknown): unknown {
  if (waarde === undefined || typeof waarde === 'number') return waarde;
  return typeof waarde === 'string' && DECIMAAL.test(waarde) ? Number(waarde) : NaN;
}

/** `alsGetal` as a class-transformer decorator, for numeric query parameters. */
export const AlsGetal = () => Transform(({ value }) => alsGetal(value), { toClassOnly: true });
