import { controleerOrganisatierelaties, eenheidtype, Relatie } from './organisatierelaties';

const levens: Record<string, { inBedrijfdatum: string; uitBedrijfdatum: string | null }> = {
  '100B001': { inBedrijfdatum: '1996-08-01', uitBedrijfdatum: null },
  '100A001': { inBedrijfdatum: '1996-08-01', uitBedrijfdatum: null },
  '100A002': { inBedrijfdatum: '2004-08-01', uitBedrijfdatum: null },
  '100G001': { inBedrijfdatum: '2004-08-01', uitBedrijfdatum: '2020-08-01' },
  '100G002': { inBedrijfdatum: '2020-08-01', uitBedrijfdatum: null },
};
const rel = (vanCode: string, naarCode: string, soort: Relatie['soort'], begindatum: string, einddatum: string | null = null): Relatie => ({ vanCode, naarCode, soort, begindatum, einddatum });
const check = (relaties: Relatie[], vast: Relatie[] = []) => controleerOrganisatierelaties(relaties, vast, (c) => levens[c]).map((f) => `${f.index}:${f.code}`);

describe('organisatierelaties (rio.md §3, N07xxx)', () => {
  it('reads the type from the code letter', () => {
    expect([eenheidtype('100B001'), eenheidtype('100A001'), eenheidtype('123G456')]).toEqual(['ONDERWIJSBESTUUR', 'ONDERWIJSAANBIEDER', 'ONDERWIJSAANBIEDERGROEP']);
  });

  it('accepts a hierarchy across types and an overgang within one type, the van-eenheid ending on the day of the overgang', () => {
    expect(check([rel('100B001', '100G002', 'HIERARCHISCH', '2020-08-01'), rel('100G001', '100G002', 'OVERGANG', '2020-08-01')])).toEqual([]);
  });

  it('N07030 van = naar; N07420 HIERARCHISCH within a type, OVERGANG across types', () => {
    expect(check([rel('100A001', '100A001', 'OVERGANG', '2020-08-01'), rel('100A001', '100A002', 'HIERARCHISCH', '2020-08-01'), rel('100B001', '100A001', 'OVERGANG', '2020-08-01')])).toEqual(['0:N07030', '1:N07420', '2:N07420']);
  });

  it('N07020 an OVERGANG with an einddatum; N07010 an einddatum not after the begindatum', () => {
    expect(check([rel('100G001', '100G002', 'OVERGANG', '2020-08-01', '2021-08-01'), rel('100B001', '100A001', 'HIERARCHISCH', '2020-08-01', '2020-08-01')])).toEqual(['0:N07020', '1:N07010']);
  });

  it('N07410 an end not in bedrijf: before it began, after it ended, or a van-eenheid gone before the overgang', () => {
    expect(check([rel('100B001', '100A002', 'HIERARCHISCH', '2000-08-01')])).toEqual(['0:N07410']);
    expect(check([rel('100B001', '100G001', 'HIERARCHISCH', '2010-08-01')])).toEqual(['0:N07410']);
    expect(check([rel('100B001', '100G001', 'HIERARCHISCH', '2010-08-01', '2019-08-01')])).toEqual([]);
    expect(check([rel('100G001', '100G002', 'OVERGANG', '2020-08-02')])).toEqual(['0:N07410']);
    expect(check([rel('100G002', '100G001', 'OVERGANG', '2020-08-01')])).toEqual(['0:N07410']);
  });

  it('N07050 overlap per pair (either direction) and soort, against the list and the stored relaties', () => {
    const vast = [rel('100A002', '100B001', 'HIERARCHISCH', '2004-08-01', '2010-08-01')];
    expect(check([
      rel('100B001', '100A002', 'HIERARCHISCH', '2009-08-01', '2012-08-01'),
      rel('100B001', '100A001', 'HIERARCHISCH', '2000-08-01', '2005-08-01'),
      rel('100B001', '100A001', 'HIERARCHISCH', '2005-08-01'),
      rel('100B001', '100A001', 'HIERARCHISCH', '2030-08-01'),
    ], vast)).toEqual(['0:N07050', '3:N07050']);
  });
});
