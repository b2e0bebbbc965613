import { LEEFTIJD_GEVALLEN } from '../../../test/support/leeftijd-gevallen';
import { buitenBekostigdeLeeftijd, laatsteVeertiendeVerjaardag, MAX_LEEFTIJD, teOud, voorVierdeVerjaardag, vroegsteVierdeVerjaardag } from './leeftijd';

describe('WPO art. 39 age rule (230, 251, B06)', () => {
  it.each(LEEFTIJD_GEVALLEN)('$waarom ($geboortedatum on $datum)', (g) => {
    expect(voorVierdeVerjaardag(g.geboortedatum, g.datum)).toBe(g.tejong);
    expect(teOud(g.geboortedatum, g.datum, MAX_LEEFTIJD[g.schoolsoort ?? 'BO'])).toBe(g.teoud);
    expect(buitenBekostigdeLeeftijd(g.geboortedatum, g.datum, MAX_LEEFTIJD[g.schoolsoort ?? 'BO'])).toBe(g.tejong || g.teoud);
  });

  it('vso: too old only when the 20th birthday lies before 1 August of the schooljaar (WEC)', () => {
    expect(teOud('2009-06-01', '2027-02-01')).toBe(true);
    expect(teOud('2009-06-01', '2027-02-01', MAX_LEEFTIJD.VSO)).toBe(false);
    expect(teOud('2006-08-01', '2026-09-01', MAX_LEEFTIJD.VSO)).toBe(false);
    expect(teOud('2006-07-31', '2026-09-01', MAX_LEEFTIJD.VSO)).toBe(true);
    expect(buitenBekostigdeLeeftijd('2005-06-01', '2027-02-01', MAX_LEEFTIJD.VSO)).toBe(true);
  });

  it('birthdays of partial dates and 29 February', () => {
    expect(vroegsteVierdeVerjaardag('2016-00-00')).toBe('2020-01-01');
    expect(laatsteVeertiendeVerjaardag('2016-00-00')).toBe('2030-12-31');
    expect(laatsteVeertiendeVerjaardag('2016-02-00')).toBe('2030-03-01');
    expect(laatsteVeertiendeVerjaardag('2012-02-29')).toBe('2026-03-01');
    expect(vroegsteVierdeVerjaardag('2020-02-29')).toBe('2024-02-29');
  });
});
