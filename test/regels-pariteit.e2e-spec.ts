import { dutchDate, dutchDateSql } from '../src/common/clock/clock.service';
import { bestuurOp, bestuurOpSql, geldigOp, geldigOpSql } from '../src/rio';
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

  it('the bestuur of a BRIN4 on a date, across overgangen: before the first period the first, after the last the last (rio.md §4)', async () => {
    const besturen = [
      { onderwijsbestuurcode: '100B001', begindatum: '1996-08-01', einddatum: '2020-01-01' },
      { onderwijsbestuurcode: '100B002', begindatum: '2020-01-01', einddatum: '2023-01-01' },
      { onderwijsbestuurcode: '100B001', begindatum: '2023-01-01', einddatum: null },
    ];
    const gevallen: [string, string][] = [
      ['1990-01-01', '100B001'],
      ['1996-08-01', '100B001'],
      ['2019-12-31', '100B001'],
      ['2020-01-01', '100B002'],
      ['2022-12-31', '100B002'],
      ['2023-01-01', '100B001'],
      ['2099-01-01', '100B001'],
    ];
    const runner = t.db.createQueryRunner();
    await runner.startTransaction();
    try {
      const [{ id }] = await runner.query(`SELECT id FROM sandbox WHERE code = 'default'`);
      await runner.query(`DELETE FROM rio_instelling_bestuur WHERE sandbox_id = $1 AND instellingscode = '01AA'`, [id]);
      for (const b of besturen) {
        await runner.query(`INSERT INTO rio_instelling_bestuur (sandbox_id, instellingscode, begindatum, einddatum, onderwijsbestuurcode) VALUES ($1, '01AA', $2, $3, $4)`, [id, b.begindatum, b.einddatum, b.onderwijsbestuurcode]);
      }
      const rijen: { b: string }[] = await runner.query(
        `SELECT ${bestuurOpSql('$1', "'01AA'", 'x.d')} AS b FROM unnest($2::date[]) WITH ORDINALITY AS x(d, i) ORDER BY x.i`,
        [id, gevallen.map(([d]) => d)],
      );
      expect(gevallen.map(([d]) => bestuurOp(besturen, d))).toEqual(gevallen.map(([, b]) => b));
      expect(rijen.map((r) => r.b)).toEqual(gevallen.map(([, b]) => b));
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
