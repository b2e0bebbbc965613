import type { AanbiederState, GebruikState, InstellingState } from '../rio.model';
import { buildDataset } from '../seed/rio-seed';
import { behoudBesturen, bestuurOp, planOvergang, splitsBestuur } from './overgang';

const instelling = (over: Partial<InstellingState> = {}): InstellingState => ({
  code: '01AB', onderwijsbestuurcode: '100B001', soort: 'BAS', vrijheidVanOnderwijs: 'OPENBAAR', inBedrijfdatum: '2004-08-01', uitBedrijfdatum: null, erkenner: 'OCW',
  stichtingsdatum: null, soCluster: null, formeelAdres: null, periodes: [], besturen: [{ onderwijsbestuurcode: '100B001', begindatum: '2004-08-01', einddatum: null }], ...over,
});
const aanbieder = (code: string, instellingscodes: string[]): AanbiederState => ({
  code, inBedrijfdatum: '2004-08-01', uitBedrijfdatum: null, eigenSleutel: null, periodes: [],
  juridischeRelaties: instellingscodes.map((i) => ({ instellingscode: i, begindatum: '2004-08-01', einddatum: null })),
  besturen: [{ onderwijsbestuurcode: '100B001', begindatum: '2004-08-01', einddatum: null }],
});
const gebruik = (bestuur: string, locatie: string, vestigingen: string[]): GebruikState => ({
  onderwijsbestuurcode: bestuur, onderwijslocatiecode: locatie, inBedrijfdatum: '2004-08-01', uitBedrijfdatum: null, eigenSleutel: null,
  periodes: [{ begindatum: '2004-08-01', einddatum: null, naam: 'Kompas' }], relaties: vestigingen.map((v) => ({ vestigingscode: v, begindatum: '2004-08-01', einddatum: null })),
});
const naar = { inBedrijfdatum: '1998-08-01', uitBedrijfdatum: null };
const verzoek = { instellingscode: '01AB', naarOnderwijsbestuurcode: '100B002', overgangsdatum: '2026-01-01' };
const stand = (over: Partial<Parameters<typeof planOvergang>[1]> = {}) => ({
  instelling: instelling(), naar, overgangsdata: [], vestigingscodes: ['01AB00'], aanbieders: [aanbieder('100A002', ['01AB'])], andereRelaties: [], gebruiken: [gebruik('100B001', '100X002', ['01AB00'])], groepen: [], ...over,
});

describe('overgang (rio.md §4 OVERGANG_VOLLEDIG)', () => {
  it('bestuurOp: the period holding the date; before the first the first, after the last the last', () => {
    const b = [{ onderwijsbestuurcode: 'A', begindatum: '2000-01-01', einddatum: '2010-01-01' }, { onderwijsbestuurcode: 'B', begindatum: '2010-01-01', einddatum: null }];
    expect(['1999-01-01', '2009-12-31', '2010-01-01', '2099-01-01'].map((d) => bestuurOp(b, d))).toEqual(['A', 'A', 'B', 'B']);
    expect(bestuurOp([], '2020-01-01')).toBeNull();
  });

  it('splitsBestuur: the old bestuur until the date (exclusive), the new one from it; a samenwerkingsschool of both gets no second row', () => {
    expect(splitsBestuur([{ onderwijsbestuurcode: 'A', begindatum: '2000-01-01', einddatum: null }], 'A', 'B', '2026-01-01')).toEqual([
      { onderwijsbestuurcode: 'A', begindatum: '2000-01-01', einddatum: '2026-01-01' },
      { onderwijsbestuurcode: 'B', begindatum: '2026-01-01', einddatum: null },
    ]);
    expect(splitsBestuur([{ onderwijsbestuurcode: 'A', begindatum: '2000-01-01', einddatum: null }, { onderwijsbestuurcode: 'B', begindatum: '2000-01-01', einddatum: null }], 'A', 'B', '2026-01-01')).toEqual([
      { onderwijsbestuurcode: 'A', begindatum: '2000-01-01', einddatum: '2026-01-01' },
      { onderwijsbestuurcode: 'B', begindatum: '2000-01-01', einddatum: null },
    ]);
    // A row that ended before the date stays; one that starts after it moves whole.
    expect(splitsBestuur([{ onderwijsbestuurcode: 'A', begindatum: '2027-01-01', einddatum: null }], 'A', 'B', '2026-01-01')).toEqual([{ onderwijsbestuurcode: 'B', begindatum: '2027-01-01', einddatum: null }]);
  });

  it('plans the BRIN4, its aanbieder and the locatiegebruik of its vestiging', () => {
    const { fouten, plan } = planOvergang(verzoek, stand());
    expect(fouten).toEqual([]);
    expect(plan!.van).toBe('100B001');
    expect(plan!.instelling.onderwijsbestuurcode).toBe('100B002');
    expect(plan!.aanbieders[0].besturen.map((b) => [b.onderwijsbestuurcode, b.einddatum])).toEqual([['100B001', '2026-01-01'], ['100B002', null]]);
    const [oud, nieuw] = plan!.gebruiken;
    expect(oud).toMatchObject({ onderwijsbestuurcode: '100B001', uitBedrijfdatum: '2026-01-01', relaties: [{ vestigingscode: '01AB00', einddatum: '2026-01-01' }], periodes: [{ einddatum: '2026-01-01' }] });
    expect(nieuw).toMatchObject({ onderwijsbestuurcode: '100B002', inBedrijfdatum: '2026-01-01', uitBedrijfdatum: null, relaties: [{ vestigingscode: '01AB00', begindatum: '2026-01-01', einddatum: null }] });
  });

  it('a locatie the old bestuur shares with a school that stays keeps running for it', () => {
    const { plan } = planOvergang(verzoek, stand({ gebruiken: [gebruik('100B001', '100X002', ['01AB00', '01AC00'])] }));
    expect(plan!.gebruiken[0]).toMatchObject({ uitBedrijfdatum: null, relaties: [{ vestigingscode: '01AB00', einddatum: '2026-01-01' }, { vestigingscode: '01AC00', einddatum: null }] });
  });

  it('a bestuur that used the locatie before takes its own locatiegebruik back in use (N01020), its history kept', () => {
    const gesloten: GebruikState = {
      ...gebruik('100B002', '100X002', []), uitBedrijfdatum: '2010-08-01',
      periodes: [{ begindatum: '2004-08-01', einddatum: '2010-08-01', naam: 'Oud Kompas' }], relaties: [{ vestigingscode: '01AB00', begindatum: '2004-08-01', einddatum: '2010-08-01' }],
    };
    const { fouten, plan } = planOvergang(verzoek, stand({ gebruiken: [gebruik('100B001', '100X002', ['01AB00']), gesloten] }));
    expect(fouten).toEqual([]);
    expect(plan!.gebruiken.find((g) => g.onderwijsbestuurcode === '100B002')).toEqual({
      ...gesloten,
      uitBedrijfdatum: null,
      periodes: [{ begindatum: '2004-08-01', einddatum: '2010-08-01', naam: 'Oud Kompas' }, { begindatum: '2010-08-01', einddatum: '2026-01-01', naam: null }, { begindatum: '2026-01-01', einddatum: null, naam: 'Kompas' }],
      relaties: [{ vestigingscode: '01AB00', begindatum: '2004-08-01', einddatum: '2010-08-01' }, { vestigingscode: '01AB00', begindatum: '2026-01-01', einddatum: null }],
    });
    // One that starts after the date starts earlier, from the date.
    const later: GebruikState = { ...gebruik('100B002', '100X002', []), inBedrijfdatum: '2027-01-01', periodes: [{ begindatum: '2027-01-01', einddatum: null, naam: 'Nieuw' }] };
    const vroeger = planOvergang(verzoek, stand({ gebruiken: [gebruik('100B001', '100X002', ['01AB00']), later] })).plan!.gebruiken.find((g) => g.onderwijsbestuurcode === '100B002');
    expect(vroeger).toMatchObject({ inBedrijfdatum: '2026-01-01', uitBedrijfdatum: null, periodes: [{ begindatum: '2026-01-01', einddatum: '2027-01-01', naam: 'Kompas' }, { begindatum: '2027-01-01', einddatum: null, naam: 'Nieuw' }] });
  });

  it('the moving aanbieder leaves the old bestuur\'s groepen on the date; groepen of no bestuur or of the new one keep it', () => {
    const groep = (code: string, bestuur: string | null, leden: [string, string][]) => ({
      code, onderwijsbestuurcode: bestuur, inBedrijfdatum: '2004-08-01', uitBedrijfdatum: null, periodes: [{ begindatum: '2004-08-01', einddatum: null, naam: code, internationaleNaam: null }],
      onderwijsaanbieders: leden.map(([c, begin]) => ({ onderwijsaanbiedercode: c, begindatum: begin, einddatum: null })),
    });
    const oud = groep('100G001', '100B001', [['100A001', '2004-08-01'], ['100A002', '2004-08-01']]);
    const later = groep('100G003', '100B001', [['100A002', '2027-01-01']]);
    const { plan } = planOvergang(verzoek, stand({ groepen: [oud, later, groep('100G002', null, [['100A002', '2004-08-01']]), groep('100G004', '100B002', [['100A002', '2004-08-01']])] }));
    expect(plan!.groepen).toEqual([
      { ...oud, onderwijsaanbieders: [oud.onderwijsaanbieders[0], { onderwijsaanbiedercode: '100A002', begindatum: '2004-08-01', einddatum: '2026-01-01' }] },
      { ...later, onderwijsaanbieders: [] },
    ]);
  });

  it('names every fout at once', () => {
    expect(planOvergang(verzoek, stand({ instelling: null, naar: null })).fouten.map((f) => f.code)).toEqual(['A01030', 'A01110']);
    const fouten = planOvergang({ ...verzoek, naarOnderwijsbestuurcode: '100B001', overgangsdatum: '2004-08-01' }, stand({ overgangsdata: ['2010-01-01'], naar: { inBedrijfdatum: '2005-08-01', uitBedrijfdatum: null } })).fouten;
    expect(fouten.map((f) => f.code)).toEqual(['J06610', 'J06620', 'J06630', 'J06640']);
    const gedeeld = stand({ aanbieders: [aanbieder('100A002', ['01AB', '01AC'])], andereRelaties: [{ onderwijsaanbiedercode: '100A002', instellingscode: '01AC', begindatum: '2004-08-01', einddatum: null, bestuurOpDatum: '100B001' }] });
    expect(planOvergang(verzoek, gedeeld).fouten).toEqual([{ code: 'J06650', pointer: '/instellingscode', onderwijsaanbiedercode: '100A002', andereInstellingscode: '01AC' }]);
    // The new bestuur ends before the moved relaties do: no locatiegebruik of it can hold them (N01410).
    const kort = stand({ naar: { inBedrijfdatum: '1998-08-01', uitBedrijfdatum: '2027-01-01' } });
    expect(planOvergang(verzoek, kort).fouten).toEqual([{ code: 'J06660', pointer: '/naarOnderwijsbestuurcode', onderwijslocatiecode: '100X002' }]);
    expect(planOvergang(verzoek, stand({ instelling: instelling({ besturen: [], onderwijsbestuurcode: null }) })).fouten.map((f) => f.code)).toEqual(['J06600']);
  });

  it('behoudBesturen: a PUT keeps the overgangen, moving only the outer dates; another bestuur is a fout', () => {
    const oud = { besturen: [{ onderwijsbestuurcode: 'A', begindatum: '2000-01-01', einddatum: '2026-01-01' }, { onderwijsbestuurcode: 'B', begindatum: '2026-01-01', einddatum: null }] };
    expect(behoudBesturen(oud, { onderwijsbestuurcode: 'B', inBedrijfdatum: '1999-08-01', uitBedrijfdatum: '2030-08-01' })).toEqual({
      besturen: [{ onderwijsbestuurcode: 'A', begindatum: '1999-08-01', einddatum: '2026-01-01' }, { onderwijsbestuurcode: 'B', begindatum: '2026-01-01', einddatum: '2030-08-01' }],
      fout: false,
    });
    expect(behoudBesturen(oud, { onderwijsbestuurcode: 'A', inBedrijfdatum: '2000-01-01', uitBedrijfdatum: null }).fout).toBe(true);
    expect(behoudBesturen(oud, { onderwijsbestuurcode: 'B', inBedrijfdatum: '2026-02-01', uitBedrijfdatum: null }).fout).toBe(true);
    expect(behoudBesturen(undefined, { onderwijsbestuurcode: 'C', inBedrijfdatum: '2000-01-01', uitBedrijfdatum: null })).toEqual({ besturen: [{ onderwijsbestuurcode: 'C', begindatum: '2000-01-01', einddatum: null }], fout: false });
  });
});

describe('overgangen in the seeds', () => {
  it('the national seed has a few, deterministic, each written as the rule plans it; the small seed the one of 02AC', () => {
    const { dataset: d } = buildDataset('national', 7);
    expect(d.overgangen.length).toBeGreaterThanOrEqual(4);
    // The demo data's overgang of 02AC (2010) and the generated ones, past and planned.
    expect(new Set(d.overgangen.map((o) => o.overgangsdatum))).toEqual(new Set(['2010-08-01', '2024-08-01', '2027-01-01']));
    for (const o of d.overgangen) {
      const i = d.instellingen.find((x) => x.code === o.instellingscode)!;
      const dagErvoor = new Date(Date.parse(`${o.overgangsdatum}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      expect(bestuurOp(i.besturen, dagErvoor)).toBe(o.vanOnderwijsbestuurcode);
      expect(bestuurOp(i.besturen, o.overgangsdatum)).toBe(o.naarOnderwijsbestuurcode);
      expect(i.onderwijsbestuurcode).toBe(o.naarOnderwijsbestuurcode);
      for (const a of d.aanbieders.filter((x) => o.onderwijsaanbiedercodes.includes(x.code))) expect(bestuurOp(a.besturen, o.overgangsdatum)).toBe(o.naarOnderwijsbestuurcode);
      for (const l of o.onderwijslocatiecodes) expect(d.gebruiken.some((g) => g.onderwijsbestuurcode === o.naarOnderwijsbestuurcode && g.onderwijslocatiecode === l && g.inBedrijfdatum === o.overgangsdatum)).toBe(true);
    }
    expect(buildDataset('national', 7).dataset.overgangen).toEqual(d.overgangen);
    expect(buildDataset('small', 7).dataset.overgangen.map((o) => [o.instellingscode, o.vanOnderwijsbestuurcode, o.naarOnderwijsbestuurcode, o.overgangsdatum])).toEqual([['02AC', '100B001', '100B002', '2010-08-01']]);
  });
});
