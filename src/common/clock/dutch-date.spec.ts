import { beginVanDag } from '../../klok/klok-planner';
import { dutchDate } from './clock.service';

const intl = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

describe('dutchDate', () => {
  it('answers what the Europe/Amsterdam calendar says for every minute around midnight and the DST changes, asked twice', () => {
    const starts = ['2026-03-28T21:00:00Z', '2026-03-29T00:00:00Z', '2026-10-24T21:00:00Z', '2026-10-25T00:00:00Z', '2024-02-28T21:00:00Z', '1995-06-30T21:00:00Z'];
    for (const start of starts) {
      for (let m = 0; m < 6 * 60; m++) {
        for (const extra of [0, 59_999]) {
          const t = new Date(new Date(start).getTime() + m * 60_000 + extra);
          expect([t.toISOString(), dutchDate(t)]).toEqual([t.toISOString(), intl.format(t)]);
          expect(dutchDate(t)).toBe(intl.format(t));
        }
      }
    }
  });

  it('keeps the calendar of instants before the whole-hour offsets', () => {
    const t = new Date('1930-05-05T23:45:00Z');
    expect(dutchDate(t)).toBe(intl.format(t));
  });

  it('beginVanDag is the first instant of the Dutch date, asked again or not', () => {
    for (const d of ['2026-03-29', '2026-10-25', '2026-01-01', '2026-07-01']) {
      for (let k = 0; k < 2; k++) {
        const b = beginVanDag(d);
        expect(intl.format(b)).toBe(d);
        expect(intl.format(new Date(b.getTime() - 1))).not.toBe(d);
      }
    }
  });
});
