import { parseDuur, plusDuur } from './duur';

describe('ISO 8601 durations', () => {
  it('parses calendar and time parts', () => {
    expect(parseDuur('P28D')).toEqual({ jaren: 0, maanden: 0, dagen: 28, ms: 0 });
    expect(parseDuur('P1Y2M3W4DT5H6M7.5S')).toEqual({ jaren: 1, maanden: 2, dagen: 25, ms: ((5 * 60 + 6) * 60 + 7.5) * 1000 });
    expect(parseDuur('PT1H')).toEqual({ jaren: 0, maanden: 0, dagen: 0, ms: 3_600_000 });
  });

  it('rejects what is not a duration', () => {
    for (const s of ['', 'P', 'PT', '28D', 'P-1D', 'P1DT', 'P1.5D', 'p1d']) expect(parseDuur(s)).toBeNull();
  });

  it('adds months on the calendar, clamping to the end of the month', () => {
    expect(plusDuur(new Date('2026-01-31T10:00:00Z'), parseDuur('P1M')!).toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(plusDuur(new Date('2026-01-01T10:00:00Z'), parseDuur('P1Y1D')!).toISOString()).toBe('2027-01-02T10:00:00.000Z');
    expect(plusDuur(new Date('2026-01-01T10:00:00Z'), parseDuur('PT36H')!).toISOString()).toBe('2026-01-02T22:00:00.000Z');
  });
});
