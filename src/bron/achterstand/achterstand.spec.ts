import { vergelijk, Vergelijkbaar } from './achterstand';

const x = (nummer: string, o: Partial<Vergelijkbaar> = {}): Vergelijkbaar => ({
  nummer,
  pgn: { burgerservicenummer: nummer },
  inschrijvingvolgnummer: '1',
  datumInschrijving: '2021-08-30',
  datumUitschrijving: null,
  periodes: [{ datumBegin: '2021-08-30', vestigingscode: '01AA00', groep: '3' }],
  ...o,
});

describe('freeze backlog comparison (registratieoverzicht categories)', () => {
  it('sorts each inschrijving into re-send, not in the LAS, or identical', () => {
    const las = [
      x('1'),
      x('2', { datumUitschrijving: '2021-12-20' }),
      x('3', { periodes: [{ datumBegin: '2021-08-30', vestigingscode: '01AA00', groep: '3' }, { datumBegin: '2022-01-03', vestigingscode: '01AA01', groep: '3' }] }),
      x('4'),
    ];
    const rod = [x('1'), x('2'), x('3'), x('5')];
    expect(vergelijk(las, rod).map((u) => [u.persoonsgebondenNummer.burgerservicenummer, u.categorie, u.reden ?? null, u.verschillen])).toEqual([
      ['1', 'GELIJK', null, []],
      ['2', 'OPNIEUW_AANLEVEREN', 'GEWIJZIGD', ['datumUitschrijving']],
      ['3', 'OPNIEUW_AANLEVEREN', 'GEWIJZIGD', ['inschrijvingPeriodeBO']],
      ['4', 'OPNIEUW_AANLEVEREN', 'NIET_IN_ROD', []],
      ['5', 'NIET_IN_LAS', null, []],
    ]);
  });

  it('ignores the order of periodes and a groep written 03 or 3; the same key twice in the LAS counts once', () => {
    const p = [
      { datumBegin: '2022-01-03', vestigingscode: '01AA01', groep: '03' },
      { datumBegin: '2021-08-30', vestigingscode: '01AA00', groep: '3' },
    ];
    const rod = [x('1', { periodes: [...p].reverse().map((q) => ({ ...q, groep: String(Number(q.groep)) })) })];
    expect(vergelijk([x('1', { periodes: p }), x('1', { periodes: p })], rod).map((u) => u.categorie)).toEqual(['GELIJK']);
  });
});
