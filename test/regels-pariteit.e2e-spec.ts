import { dutchDate, dutchDateSql } from '../src/common/clock/clock.service';
import { geldigOp, geldigOpSql } from '../src/rio';
import { createTestApp, TestApp } from './support/test-app';

/** Rules written in TypeScript (one row) and SQL (set-based) answer one table of cases alike. */
describe('rules in TypeScript and SQL agree', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('the Dutch date of an instant, around midnight and the DST changes', async () => {
    const gevallen: [string, string][] = [
      ['2025-01-15T22:59:59.999Z', '2025-01-15'],
      ['2025-01-15T23:00:00.000Z', '2025-01-16'],
      ['2025-07-15T21:59:59.999Z', '2025-07-15'],
      ['2025-07-15T22:00:00.000Z', '2025-07-16'],
      // Summer time starts 30 March 2025 at 01:00 UTC, ends 26 October 2025 at 01:00 UTC.
      ['2025-03-29T22:59:59.999Z', '2025-03-29'],
      ['2025-03-29T23:00:00.000Z', '2025-03-30'],
      ['2025-03-30T21:59:59.999Z', '2025-03-30'],
      ['2025-03-30T22:00:00.000Z', '2025-03-31'],
      ['2025-10-25T21:59:59.999Z', '2025-10-25'],
      ['2025-10-25T22:00:00.000Z', '2025-10-26'],
      ['2025-10-26T22:59:59.999Z', '2025-10-26'],
      ['2025-10-26T23:00:00.000Z', '2025-10-27'],
    ];
    const rijen: { d: string }[] = await t.db.query(
      `SELECT to_char(${dutchDateSql('x.t')}, 'YYYY-MM-DD') AS d FROM unnest($1::timestamptz[]) WITH ORDINALITY AS x(t, i) ORDER BY x.i`,
      [gevallen.map(([instant]) => instant)],
    );
    expect(gevallen.map(([instant]) => dutchDate(new Date(instant)))).toEqual(gevallen.map(([, d]) => d));
    expect(rijen.map((r) => r.d)).toEqual(gevallen.map(([, d]) => d));
  });

  it('valid on a date: begin inclusive, einde exclusive, no einde open (rio.md §6)', async () => {
    const gevallen: { begin: string; einde: string | null; d: string; geldig: boolean }[] = [
      { begin: '2025-01-01', einde: null, d: '2024-12-31', geldig: false },
      { begin: '2025-01-01', einde: null, d: '2025-01-01', geldig: true },
      { begin: '2025-01-01', einde: null, d: '2099-01-01', geldig: true },
      { begin: '2025-01-01', einde: '2025-08-01', d: '2025-07-31', geldig: true },
      { begin: '2025-01-01', einde: '2025-08-01', d: '2025-08-01', geldig: false },
      { begin: '2025-01-01', einde: '2025-01-02', d: '2025-01-01', geldig: true },
    ];
    const rijen: { geldig: boolean }[] = await t.db.query(
      `SELECT ${geldigOpSql('x.b', 'x.e', 'x.d')} AS geldig FROM unnest($1::date[], $2::date[], $3::date[]) WITH ORDINALITY AS x(b, e, d, i) ORDER BY x.i`,
      [gevallen.map((g) => g.begin), gevallen.map((g) => g.einde), gevallen.map((g) => g.d)],
    );
    expect(gevallen.map((g) => geldigOp({ begindatum: g.begin, einddatum: g.einde }, g.d))).toEqual(gevallen.map((g) => g.geldig));
    expect(rijen.map((r) => r.geldig)).toEqual(gevallen.map((g) => g.geldig));
  });
});
