import { RodCode } from '../rod.errors';
import { controleerDatums, metEinddatum, overlappen, teLaat } from './inschrijving-regels';
import { leeftijdPeildatum, teOud, voorVierdeVerjaardag } from './leeftijd';

const codes = (t: { code: string }[]) => t.map((x) => x.code);

describe('inschrijving rules', () => {
  it('WPO art. 39: not before the 4th birthday', () => {
    expect(voorVierdeVerjaardag('2020-03-15', '2024-03-14')).toBe(true);
    expect(voorVierdeVerjaardag('2020-03-15', '2024-03-15')).toBe(false);
    // partial date: only when certainly too young
    expect(voorVierdeVerjaardag('2020-00-00', '2024-01-01')).toBe(false);
    expect(voorVierdeVerjaardag('2020-00-00', '2023-12-31')).toBe(true);
  });

  it('melding when already 14 before 1 August of the schooljaar', () => {
    expect(teOud('2010-07-31', '2024-09-01')).toBe(true);
    expect(teOud('2010-08-01', '2024-09-01')).toBe(false);
    expect(teOud('2010-07-31', '2024-07-31')).toBe(false);
    expect(teOud('2010-00-00', '2024-09-01')).toBe(false);
  });

  it('age is judged on today while enrolled, else on the last day', () => {
    expect(leeftijdPeildatum('2020-08-01', null, '2024-05-01')).toBe('2024-05-01');
    expect(leeftijdPeildatum('2020-08-01', '2022-07-31', '2024-05-01')).toBe('2022-07-31');
    expect(leeftijdPeildatum('2025-08-01', null, '2024-05-01')).toBe('2025-08-01');
  });

  it('7-day rule: more than 7 days after the event is late', () => {
    expect(teLaat('2024-01-01', '2024-01-08')).toBe(false);
    expect(teLaat('2024-01-01', '2024-01-09')).toBe(true);
    expect(teLaat('2024-02-01', '2024-01-09')).toBe(false);
  });

  it('accepts contiguous periodes inside the inschrijving', () => {
    expect(controleerDatums('2024-08-19', '2025-07-31', [{ datumBegin: '2024-08-19' }, { datumBegin: '2025-01-06' }])).toEqual([]);
  });

  it('first periode must start on datumInschrijving', () => {
    expect(codes(controleerDatums('2024-08-19', null, [{ datumBegin: '2024-08-20' }]))).toEqual([RodCode.eerstePeriodeNietOpInschrijfdatum]);
    expect(codes(controleerDatums('2024-08-19', null, [{ datumBegin: '2024-08-18' }]))).toContain(RodCode.eerstePeriodeNietOpInschrijfdatum);
  });

  it('periodes must not overlap', () => {
    const r = controleerDatums('2024-08-19', null, [{ datumBegin: '2024-08-19' }, { datumBegin: '2024-10-01' }, { datumBegin: '2024-10-01' }]);
    expect(codes(r)).toEqual([RodCode.periodeOverlap]);
    expect(r[0].veld).toBe('/inschrijvingPeriodeBO/2/datumBegin');
  });

  it('periodes must lie inside the inschrijving', () => {
    expect(codes(controleerDatums('2024-08-19', '2024-12-31', [{ datumBegin: '2024-08-19' }, { datumBegin: '2025-01-06' }]))).toEqual([RodCode.periodeOverlap]);
  });

  it('uitschrijving not before inschrijving', () => {
    expect(codes(controleerDatums('2024-08-19', '2024-08-18', [{ datumBegin: '2024-08-19' }]))).toContain(RodCode.uitschrijvingVoorInschrijving);
    expect(controleerDatums('2024-08-19', '2024-08-19', [{ datumBegin: '2024-08-19' }])).toEqual([]);
  });

  it('derives each periode end', () => {
    expect(metEinddatum([{ datumBegin: '2025-01-06' }, { datumBegin: '2024-08-19' }], '2025-07-31')).toEqual([
      { datumBegin: '2024-08-19', datumEinde: '2025-01-05' },
      { datumBegin: '2025-01-06', datumEinde: '2025-07-31' },
    ]);
  });

  it('inschrijvingen overlap when they share a day', () => {
    expect(overlappen({ datumInschrijving: '2024-08-01', datumUitschrijving: null }, { datumInschrijving: '2025-01-01', datumUitschrijving: null })).toBe(true);
    expect(overlappen({ datumInschrijving: '2024-08-01', datumUitschrijving: '2025-07-31' }, { datumInschrijving: '2025-08-01', datumUitschrijving: null })).toBe(false);
    expect(overlappen({ datumInschrijving: '2024-08-01', datumUitschrijving: '2025-08-01' }, { datumInschrijving: '2025-08-01', datumUitschrijving: null })).toBe(true);
  });
});
