import { binnenLevensduur, controleerPeriodes, geldigOp, inBedrijfOp, overlappendePerSleutel, overlapt } from './periodes';

describe('validity periods', () => {
  const p = { begindatum: '2020-08-01', einddatum: '2021-08-01' };

  it('is valid from begindatum inclusive to einddatum exclusive', () => {
    expect(geldigOp(p, '2020-07-31')).toBe(false);
    expect(geldigOp(p, '2020-08-01')).toBe(true);
    expect(geldigOp(p, '2021-07-31')).toBe(true);
    expect(geldigOp(p, '2021-08-01')).toBe(false);
    expect(geldigOp({ begindatum: '2020-08-01', einddatum: null }, '2999-12-31')).toBe(true);
  });

  it('applies the same edges to in/uit bedrijf', () => {
    const l = { inBedrijfdatum: '2020-08-01', uitBedrijfdatum: '2021-08-01' };
    expect(inBedrijfOp(l, '2020-08-01')).toBe(true);
    expect(inBedrijfOp(l, '2021-08-01')).toBe(false);
    expect(inBedrijfOp({ inBedrijfdatum: '2020-08-01' }, '2030-01-01')).toBe(true);
  });

  it('sees adjacent periods as not overlapping', () => {
    expect(overlapt(p, { begindatum: '2021-08-01', einddatum: null })).toBe(false);
    expect(overlapt(p, { begindatum: '2021-07-31', einddatum: null })).toBe(true);
    expect(overlapt({ begindatum: '2019-01-01', einddatum: null }, p)).toBe(true);
  });

  const open = { inBedrijfdatum: '2020-08-01', uitBedrijfdatum: null };

  it('accepts contiguous periods from inBedrijf to an open end, in any order', () => {
    expect(controleerPeriodes([{ begindatum: '2021-08-01', einddatum: null }, p], open)).toEqual([]);
  });

  it('finds a gap (N05060), an overlap (N05050) and an einddatum not after begindatum (N05010)', () => {
    expect(controleerPeriodes([p, { begindatum: '2021-09-01', einddatum: null }], open)).toEqual([{ soort: 'NIET_AANEENGESLOTEN', index: 1 }]);
    expect(controleerPeriodes([p, { begindatum: '2021-07-01', einddatum: null }], open)).toEqual([{ soort: 'OVERLAP', index: 1 }]);
    expect(controleerPeriodes([{ begindatum: '2020-08-01', einddatum: '2020-08-01' }, { begindatum: '2020-08-01', einddatum: null }], open)).toEqual(
      expect.arrayContaining([{ soort: 'EINDDATUM_NIET_NA_BEGINDATUM', index: 0 }]),
    );
  });

  it('requires the periods to cover the lifetime and stay inside it (N05030)', () => {
    expect(controleerPeriodes([{ begindatum: '2020-07-01', einddatum: null }], open)).toEqual([{ soort: 'BUITEN_LEVENSDUUR', index: 0 }]);
    expect(controleerPeriodes([{ begindatum: '2020-09-01', einddatum: null }], open)).toEqual([{ soort: 'EERSTE_NIET_OP_BEGIN', index: 0 }]);
    expect(controleerPeriodes([p], open)).toEqual([{ soort: 'LAATSTE_NIET_OP_EINDE', index: 0 }]);
    const gesloten = { inBedrijfdatum: '2020-08-01', uitBedrijfdatum: '2021-08-01' };
    expect(controleerPeriodes([p], gesloten)).toEqual([]);
    expect(controleerPeriodes([{ begindatum: '2020-08-01', einddatum: null }], gesloten)).toEqual([{ soort: 'BUITEN_LEVENSDUUR', index: 0 }]);
  });

  it('checks containment of a relation in a lifetime', () => {
    expect(binnenLevensduur(p, open)).toBe(true);
    expect(binnenLevensduur({ begindatum: '2020-07-31', einddatum: null }, open)).toBe(false);
    expect(binnenLevensduur({ begindatum: '2020-08-01', einddatum: null }, { inBedrijfdatum: '2020-08-01', uitBedrijfdatum: '2021-08-01' })).toBe(false);
    expect(binnenLevensduur(p, { inBedrijfdatum: '2020-08-01', uitBedrijfdatum: '2021-08-01' })).toBe(true);
  });

  it('finds overlapping relations to the same target only (J06020)', () => {
    const rel = [
      { instellingscode: '01AA', begindatum: '2020-08-01', einddatum: null },
      { instellingscode: '01AB', begindatum: '2020-08-01', einddatum: null },
      { instellingscode: '01AA', begindatum: '2022-08-01', einddatum: null },
    ];
    expect(overlappendePerSleutel(rel, (r) => r.instellingscode)).toEqual([2]);
  });
});
