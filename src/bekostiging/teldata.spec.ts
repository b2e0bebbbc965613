import { deadline, isNieuwkomer, isOpen, openTeldata, relevanteTeldata, soortBekostiging, soortenBekostiging, teldataTussen, teldatumMomenten, vaststellingsdatum } from './teldata';

describe('teldata and deadlines', () => {
  it('puts the deadline four weeks after the teldatum, moved to Monday from a weekend', () => {
    expect(deadline('2025-02-01')).toBe('2025-03-03'); // Saturday 1 March → Monday (rod.md §8.1: "2025: 3 March")
    expect(deadline('2026-02-01')).toBe('2026-03-02'); // Sunday 1 March → Monday
    expect(deadline('2026-10-01')).toBe('2026-10-29'); // Thursday
    expect(vaststellingsdatum('2025-02-01')).toBe('2025-03-04');
  });

  it('marks 1 February REGULIER and every other first of the month GROEI', () => {
    expect(soortBekostiging('2026-02-01')).toBe('REGULIER');
    expect(soortBekostiging('2026-03-01')).toBe('GROEI');
  });

  it('adds NIEUWKOMERS on 1 January, 1 April, 1 July and 1 October (rod.md §8.1), for a pupil settled less than two years before', () => {
    expect(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].filter((m) => soortenBekostiging(`2026-${m}-01`).includes('NIEUWKOMERS'))).toEqual(['01', '04', '07', '10']);
    expect(soortenBekostiging('2026-10-01')).toEqual(['GROEI', 'NIEUWKOMERS']);
    expect(soortenBekostiging('2026-02-01')).toEqual(['REGULIER']);
    expect(isNieuwkomer('2026-03-15', '2026-10-01')).toBe(true); // < 1 year
    expect(isNieuwkomer('2024-10-02', '2026-10-01')).toBe(true); // 1–2 years
    expect(isNieuwkomer('2024-10-01', '2026-10-01')).toBe(false); // two years exactly
    expect(isNieuwkomer('2026-10-01', '2026-10-01')).toBe(true); // settled on the teldatum
    expect(isNieuwkomer('2026-10-02', '2026-10-01')).toBe(false); // not yet settled
    expect(isNieuwkomer(null, '2026-10-01')).toBe(false);
  });

  it('lists teldata in a range and the twelve relevant ones', () => {
    expect(teldataTussen('2025-12-15', '2026-03-01')).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
    expect(relevanteTeldata('2026-03-15')).toHaveLength(12);
    expect(relevanteTeldata('2026-03-15')[0]).toBe('2025-04-01');
    expect(relevanteTeldata('2026-03-15')[11]).toBe('2026-03-01');
  });

  it('keeps a teldatum open (voorlopig) up to and including its deadline', () => {
    expect(isOpen('2026-02-01', '2026-01-31')).toBe(false);
    expect(isOpen('2026-02-01', '2026-02-01')).toBe(true);
    expect(isOpen('2026-02-01', '2026-03-02')).toBe(true);
    expect(isOpen('2026-02-01', '2026-03-03')).toBe(false);
    expect(openTeldata('2026-03-01')).toEqual(['2026-02-01', '2026-03-01']);
    expect(openTeldata('2026-03-15')).toEqual(['2026-03-01']);
  });

  it('orders what a clock move crosses in time, a passing deadline before a new teldatum on the same day', () => {
    expect(teldatumMomenten('2026-01-20', '2026-03-03')).toEqual([
      { datum: '2026-01-30', soort: 'DEADLINE_VERSTREKEN', teldatum: '2026-01-01' },
      { datum: '2026-02-01', soort: 'TELDATUM', teldatum: '2026-02-01' },
      { datum: '2026-03-01', soort: 'TELDATUM', teldatum: '2026-03-01' },
      { datum: '2026-03-03', soort: 'DEADLINE_VERSTREKEN', teldatum: '2026-02-01' },
    ]);
    expect(teldatumMomenten('2026-03-03', '2026-03-03')).toEqual([]);
  });
});
