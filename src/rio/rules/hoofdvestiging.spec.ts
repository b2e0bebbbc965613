import { controleerHoofdvestigingen, VestigingLevensduur } from './hoofdvestiging';

const v = (code: string, hoofd: boolean, inBedrijfdatum: string, uitBedrijfdatum: string | null = null): VestigingLevensduur => ({
  code,
  hoofdNevenvestiging: hoofd ? 'HOOFDVESTIGING' : 'NEVENVESTIGING',
  inBedrijfdatum,
  uitBedrijfdatum,
});

describe('exactly one hoofdvestiging per BRIN4 on every date it has a vestiging', () => {
  it('accepts one hoofdvestiging covering its nevenvestigingen, and hoofdvestigingen that follow each other', () => {
    expect(controleerHoofdvestigingen([v('01AA00', true, '1996-08-01'), v('01AA01', false, '1998-08-01')])).toEqual([]);
    expect(controleerHoofdvestigingen([v('01AA00', true, '1996-08-01', '2020-08-01'), v('01AA02', true, '2020-08-01'), v('01AA01', false, '1998-08-01')])).toEqual([]);
    expect(controleerHoofdvestigingen([])).toEqual([]);
  });

  it('refuses two hoofdvestigingen on one date (uitBedrijfdatum is exclusive)', () => {
    expect(controleerHoofdvestigingen([v('01AA00', true, '1996-08-01', '2020-08-02'), v('01AA02', true, '2020-08-01')])).toEqual([
      { soort: 'TWEE_HOOFDVESTIGINGEN', codes: ['01AA00', '01AA02'], vanaf: '2020-08-01' },
    ]);
  });

  it('refuses a nevenvestiging on a date without hoofdvestiging: before it, after it closes, or in a gap', () => {
    expect(controleerHoofdvestigingen([v('01AA01', false, '1998-08-01')])).toEqual([{ soort: 'GEEN_HOOFDVESTIGING', code: '01AA01', vanaf: '1998-08-01' }]);
    expect(controleerHoofdvestigingen([v('01AA00', true, '1996-08-01', '2025-08-01'), v('01AA01', false, '1998-08-01')])).toEqual([{ soort: 'GEEN_HOOFDVESTIGING', code: '01AA01', vanaf: '2025-08-01' }]);
    expect(controleerHoofdvestigingen([v('01AA00', true, '1996-08-01', '2020-08-01'), v('01AA02', true, '2021-08-01'), v('01AA01', false, '1998-08-01', '2024-08-01')])).toEqual([
      { soort: 'GEEN_HOOFDVESTIGING', code: '01AA01', vanaf: '2020-08-01' },
    ]);
    expect(controleerHoofdvestigingen([v('01AA00', true, '1999-08-01'), v('01AA01', false, '1998-08-01', '2005-08-01')])).toEqual([{ soort: 'GEEN_HOOFDVESTIGING', code: '01AA01', vanaf: '1998-08-01' }]);
  });
});
