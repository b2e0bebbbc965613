import { AdviesAanlevering, AdviesStand, beoordeelAdvies, schooljaarVan } from './advies.beoordeling';

const persoon = { id: 'p1', burgerservicenummer: '111222333', onderwijsnummer: null, geboortedatum: '2014-03-01', geslacht: 'V' };
const groep8: AdviesStand = { persoon, periodes: [{ datumBegin: '2025-08-28', datumEinde: null, groep: 8 }], huidig: null };
const a = (x: Partial<AdviesAanlevering> = {}): AdviesAanlevering => ({
  instellingscode: '01AA',
  vestigingscode: '01AA00',
  persoonsgebondenNummer: { burgerservicenummer: '111222333' },
  adviesvolgnummer: 'A1',
  adviesjaar: 2026,
  onderwijsaanbiedercode: '100A001',
  onderwijslocatiecode: '100X001',
  advies1: { advies: 'HAVO', adviesdatum: '2026-01-20' },
  ...x,
});
const ctx = { rio: null, nieuwId: 'nieuw' };
const codes = (x: { code: string }[]) => x.map((t) => t.code);

describe('beoordeelAdvies (AanleverenAdviesVO, rod.md §4.5)', () => {
  it('accepts a voorlopig advies for a pupil in groep 8 as version 1', () => {
    const b = beoordeelAdvies(a(), groep8, ctx);
    expect(b.foutmeldingen).toEqual([]);
    expect(b.nieuwAdvies).toEqual(expect.objectContaining({ adviesId: 'nieuw', nieuw: true, gewijzigd: true, versie: 1, persoonId: 'p1' }));
  });

  it('the schooljaar of adviesjaar 2026 runs from 1 August 2025 to 31 July 2026', () => {
    expect(schooljaarVan(2026)).toEqual({ van: '2025-08-01', tot: '2026-07-31' });
    expect(codes(beoordeelAdvies(a({ advies1: { advies: 'HAVO', adviesdatum: '2026-07-31' } }), groep8, ctx).foutmeldingen)).toEqual([]);
    expect(codes(beoordeelAdvies(a({ advies1: { advies: 'HAVO', adviesdatum: '2026-08-01' } }), groep8, ctx).foutmeldingen)).toEqual(['270_adviesdatum_buiten_schooljaar']);
  });

  it('271 when the pupil is not in groep 8 on the adviesdatum (before the periode, after its end, another groep)', () => {
    const stand = { ...groep8, periodes: [{ datumBegin: '2025-08-28', datumEinde: '2026-01-31', groep: 8 }, { datumBegin: '2024-08-26', datumEinde: '2025-08-27', groep: 7 }] };
    expect(codes(beoordeelAdvies(a({ advies1: { advies: 'HAVO', adviesdatum: '2026-01-31' } }), stand, ctx).foutmeldingen)).toEqual([]);
    expect(codes(beoordeelAdvies(a({ advies1: { advies: 'HAVO', adviesdatum: '2026-02-01' } }), stand, ctx).foutmeldingen)).toEqual(['271_leerling_niet_in_groep_8']);
    expect(codes(beoordeelAdvies(a({ advies1: { advies: 'HAVO', adviesdatum: '2025-08-27' } }), stand, ctx).foutmeldingen)).toEqual(['271_leerling_niet_in_groep_8']);
  });

  it('102 only when the definitief advies is lower; equal or higher is fine', () => {
    const met = (v2: string) => codes(beoordeelAdvies(a({ advies2: { advies: v2, adviesdatum: '2026-05-01' } }), groep8, ctx).foutmeldingen);
    expect(met('VMBO_GL/TL')).toEqual(['102_advies_lager_dan_voorlopig_advies']);
    expect(met('HAVO')).toEqual([]);
    expect(met('VWO')).toEqual([]);
  });

  it('103 without any advies; 030 and 031 only from adviesjaar 2024', () => {
    expect(codes(beoordeelAdvies(a({ advies1: null }), groep8, ctx).foutmeldingen)).toEqual(['103_advies_ontbreekt']);
    const zonder = { onderwijsaanbiedercode: null, onderwijslocatiecode: null };
    expect(codes(beoordeelAdvies(a(zonder), groep8, ctx).foutmeldingen)).toEqual(['030_onderwijsaanbieder_ontbreekt', '031_onderwijslocatie_ontbreekt']);
    const oud = { ...groep8, periodes: [{ datumBegin: '2022-08-22', datumEinde: '2023-07-31', groep: 8 }] };
    expect(codes(beoordeelAdvies(a({ ...zonder, adviesjaar: 2023, advies1: { advies: 'VWO', adviesdatum: '2023-02-01' } }), oud, ctx).foutmeldingen)).toEqual([]);
  });

  it('046 for a value outside the list; a BRIN6 of another BRIN4 is 220', () => {
    expect(codes(beoordeelAdvies(a({ vestigingscode: '02AA00', advies1: { advies: 'HAVO/VWO', adviesdatum: '2026-01-20' } }), groep8, ctx).foutmeldingen)).toEqual(['220_vestiging_onbekend', '046_waardenlijst_fout']);
  });

  it('the same content again changes nothing; other content is the next version of the same advies', () => {
    const eerste = beoordeelAdvies(a(), groep8, ctx).nieuwAdvies!;
    const huidig = { id: 'bestaand', versie: 1, inhoudHash: eerste.inhoudHash };
    expect(beoordeelAdvies(a(), { ...groep8, huidig }, ctx).nieuwAdvies).toEqual(expect.objectContaining({ adviesId: 'bestaand', gewijzigd: false, versie: 1 }));
    expect(beoordeelAdvies(a({ adviesvolgnummer: 'A2' }), { ...groep8, huidig }, ctx).nieuwAdvies).toEqual(expect.objectContaining({ adviesId: 'bestaand', gewijzigd: true, versie: 2, nieuw: false }));
  });

  it('the doorstroomtoets: taken in the schooljaar (270) while in groep 8 (271); a higher toetsadvies is melding 273; stored only when sent', () => {
    const toets = { toets: 'ROUTE8_DOORSTROOMTOETS', afnamedatum: '2026-02-10', score: 212, toetsadvies: 'VWO' };
    const goed = beoordeelAdvies(a({ doorstroomtoets: toets }), groep8, ctx);
    expect(goed.foutmeldingen).toEqual([]);
    expect(goed.meldingen.map((m) => `${m.code}${m.veld}`)).toEqual(['273_heroverweging_advies_nodig/doorstroomtoets/toetsadvies']);
    expect(goed.nieuwAdvies!.inhoud.doorstroomtoets).toEqual({ ...toets, referentieniveaus: {} });
    expect(beoordeelAdvies(a(), groep8, ctx).nieuwAdvies!.inhoud).not.toHaveProperty('doorstroomtoets');
    expect(goed.nieuwAdvies!.inhoudHash).not.toBe(beoordeelAdvies(a(), groep8, ctx).nieuwAdvies!.inhoudHash);
    const fout = (d: Partial<typeof toets>, stand = groep8) => beoordeelAdvies(a({ doorstroomtoets: { ...toets, ...d } }), stand, ctx).foutmeldingen.map((m) => `${m.code}${m.veld}`);
    expect(fout({ afnamedatum: '2026-08-03' })).toEqual(['270_adviesdatum_buiten_schooljaar/doorstroomtoets/afnamedatum']);
    const groep8VanafMaart = { ...groep8, periodes: [{ datumBegin: '2025-08-28', datumEinde: '2026-02-28', groep: 7 }, { datumBegin: '2026-03-01', datumEinde: null, groep: 8 }] };
    expect(beoordeelAdvies(a({ advies1: { advies: 'HAVO', adviesdatum: '2026-03-02' }, doorstroomtoets: toets }), groep8VanafMaart, ctx).foutmeldingen.map((m) => `${m.code}${m.veld}`)).toEqual([
      '271_leerling_niet_in_groep_8/doorstroomtoets/afnamedatum',
    ]);
    // A definitief advies after the heroverweging closes it: no melding.
    const na = beoordeelAdvies(a({ advies2: { advies: 'VWO', adviesdatum: '2026-03-20' }, doorstroomtoets: toets }), groep8, ctx);
    expect([na.foutmeldingen, na.meldingen]).toEqual([[], []]);
  });
});
