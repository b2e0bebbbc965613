import { ADVIES_WAARDEN } from './advies.beoordeling';
import { beoordeelHeroverweging, controleerToets, Doorstroomtoets, TOETSEN } from './doorstroomtoets';

const toets = (x: Partial<Doorstroomtoets> = {}): Doorstroomtoets => ({ toets: 'ROUTE8_DOORSTROOMTOETS', afnamedatum: '2026-02-10', score: 212, toetsadvies: 'VWO', ...x });
const uitkomst = (d: Doorstroomtoets) => controleerToets(d, ADVIES_WAARDEN).map((t) => `${t.code}${t.veld}`);
const rang = (a: string) => (ADVIES_WAARDEN as readonly string[]).indexOf(a);

describe('eindtoets / doorstroomtoets (rod.md §3 #8)', () => {
  it('a known toets valid on the afnamedatum, a score on its scale and known niveaus pass', () => {
    expect(uitkomst(toets({ referentieniveaus: { lezen: '2F', taalverzorging: '1F', rekenen: '1S' } }))).toEqual([]);
    expect(uitkomst(toets({ score: 100 }))).toEqual([]);
    expect(uitkomst(toets({ score: 300 }))).toEqual([]);
  });

  it('the eindtoetsen end and the doorstroomtoetsen begin on 1 August 2023 (046)', () => {
    expect(uitkomst(toets({ toets: 'CENTRALE_EINDTOETS', afnamedatum: '2023-04-18', score: 535 }))).toEqual([]);
    expect(uitkomst(toets({ toets: 'CENTRALE_EINDTOETS', afnamedatum: '2024-02-06', score: 535 }))).toEqual(['046_waardenlijst_fout/doorstroomtoets/toets']);
    expect(uitkomst(toets({ afnamedatum: '2023-04-18' }))).toEqual(['046_waardenlijst_fout/doorstroomtoets/toets']);
    expect(uitkomst(toets({ afnamedatum: '2023-08-01' }))).toEqual([]);
    expect(uitkomst(toets({ toets: 'CITO' }))).toEqual(['046_waardenlijst_fout/doorstroomtoets/toets']);
    expect(TOETSEN.every((x) => x.schaal[0] < x.schaal[1])).toBe(true);
  });

  it('a score outside the scale of the toets (272), an unknown toetsadvies or referentieniveau (046), all at once', () => {
    expect(uitkomst(toets({ score: 99, toetsadvies: 'GYMNASIUM', referentieniveaus: { rekenen: '2F', lezen: '1S' } }))).toEqual([
      '272_toetsscore_buiten_schaal/doorstroomtoets/score',
      '046_waardenlijst_fout/doorstroomtoets/toetsadvies',
      '046_waardenlijst_fout/doorstroomtoets/referentieniveaus/lezen',
      '046_waardenlijst_fout/doorstroomtoets/referentieniveaus/rekenen',
    ]);
    expect(uitkomst(toets({ toets: 'IEP_DOORSTROOMTOETS', score: 101 }))).toEqual(['272_toetsscore_buiten_schaal/doorstroomtoets/score']);
  });

  it('the heroverweging: open while a higher toetsadvies has no advies2 (273), raised or kept after it, 274 for a raise without a higher toetsadvies', () => {
    const h = (v: string, d: string | null, t: string) => {
      const x = beoordeelHeroverweging(rang(v), d ? rang(d) : -1, rang(t));
      return [x.heroverweging, ...x.meldingen.map((m) => m.code)];
    };
    expect(h('HAVO', null, 'VWO')).toEqual(['OPEN', '273_heroverweging_advies_nodig']);
    expect(h('HAVO', null, 'HAVO')).toEqual(['NIET_NODIG']);
    expect(h('HAVO', null, 'VMBO_KB')).toEqual(['NIET_NODIG']);
    expect(h('HAVO', 'VWO', 'VWO')).toEqual(['ADVIES_VERHOOGD']);
    expect(h('HAVO', 'HAVO', 'VWO')).toEqual(['ADVIES_GEHANDHAAFD']);
    expect(h('VMBO_KB', 'HAVO', 'VMBO_GL/TL')).toEqual(['ADVIES_VERHOOGD']);
    expect(h('HAVO', 'VWO', 'HAVO')).toEqual(['NIET_NODIG', '274_advies_verhoogd_zonder_hoger_toetsadvies']);
    expect(h('HAVO', 'HAVO', 'HAVO')).toEqual(['NIET_NODIG']);
    // Nothing to compare with: no voorlopig advies, or an unknown value (046 elsewhere).
    expect(beoordeelHeroverweging(-1, rang('VWO'), rang('VWO'))).toEqual({ heroverweging: null, meldingen: [] });
    expect(beoordeelHeroverweging(rang('HAVO'), -1, -1)).toEqual({ heroverweging: null, meldingen: [] });
  });
});
