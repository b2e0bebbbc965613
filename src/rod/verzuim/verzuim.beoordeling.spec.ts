import { beoordeelVerzuim, VerzuimAanlevering, VerzuimStand } from './verzuim.beoordeling';

const persoon = { id: 'p1', burgerservicenummer: '111222333', onderwijsnummer: null, geboortedatum: '2015-03-01', geslacht: 'M' };
const ingeschreven: VerzuimStand = { persoon, inschrijvingen: [{ instellingscode: '01AA', datumInschrijving: '2025-08-18', datumUitschrijving: '2025-12-31' }], eerdere: [] };
const v = (x: Partial<VerzuimAanlevering> = {}): VerzuimAanlevering => ({
  instellingscode: '01AA',
  persoonsgebondenNummer: { burgerservicenummer: '111222333' },
  soortVerzuim: 'ZESTIEN_UUR',
  datumBegin: '2025-10-06',
  datumEinde: '2025-10-31',
  ...x,
});
const open = { registerGesloten: false };
const codes = (x: { code: string }[]) => x.map((t) => t.code);

describe('beoordeelVerzuim (verzuimmelding, rod.md §3 #7, §10)', () => {
  it('accepts verzuim within an inschrijving at the school', () => {
    expect(beoordeelVerzuim(v(), ingeschreven, open)).toEqual({ foutmeldingen: [], meldingen: [], persoonId: 'p1' });
  });

  it('280 when the inschrijving does not cover the whole periode, or is at another school', () => {
    expect(codes(beoordeelVerzuim(v({ datumEinde: '2026-01-05' }), ingeschreven, open).foutmeldingen)).toEqual(['280_geen_inschrijving_op_verzuimdatum']);
    expect(codes(beoordeelVerzuim(v({ datumBegin: '2025-08-15', datumEinde: null }), ingeschreven, open).foutmeldingen)).toEqual(['280_geen_inschrijving_op_verzuimdatum']);
    expect(codes(beoordeelVerzuim(v({ instellingscode: '02AA' }), ingeschreven, open).foutmeldingen)).toEqual(['280_geen_inschrijving_op_verzuimdatum']);
    expect(codes(beoordeelVerzuim(v({ datumBegin: '2025-12-31', datumEinde: null }), ingeschreven, open).foutmeldingen)).toEqual([]);
  });

  it('281 and 046 together, every foutmelding at once', () => {
    expect(codes(beoordeelVerzuim(v({ soortVerzuim: 'SPIJBELEN', datumEinde: '2025-10-01' }), ingeschreven, open).foutmeldingen)).toEqual(['046_waardenlijst_fout', '281_verzuim_einde_voor_begin']);
  });

  it('while the register is closed: a pupil already in ROD (at any school) is judged as usual, another gets 282', () => {
    const gesloten = { registerGesloten: true };
    expect(beoordeelVerzuim(v(), ingeschreven, gesloten).persoonId).toBe('p1');
    const elders = { ...ingeschreven, inschrijvingen: [{ ...ingeschreven.inschrijvingen[0], instellingscode: '02AA' }] };
    expect(codes(beoordeelVerzuim(v(), elders, gesloten).foutmeldingen)).toEqual(['280_geen_inschrijving_op_verzuimdatum']);
    expect(codes(beoordeelVerzuim(v(), { ...ingeschreven, inschrijvingen: [] }, gesloten).foutmeldingen)).toEqual(['282_register_gesloten_leerling_niet_in_rod']);
    expect(codes(beoordeelVerzuim(v(), { ...ingeschreven, inschrijvingen: [] }, open).foutmeldingen)).toEqual(['280_geen_inschrijving_op_verzuimdatum']);
  });

  it('283 melding when verzuim of part of the periode was reported before (a one-day melding is its datumBegin)', () => {
    const eerdere = [{ meldingsnummer: 'VZ0000000007', datumBegin: '2025-10-31', datumEinde: null }];
    const b = beoordeelVerzuim(v(), { ...ingeschreven, eerdere }, open);
    expect(codes(b.meldingen)).toEqual(['283_verzuim_overlapt_eerdere_melding']);
    expect(b.meldingen[0].tekst).toContain('VZ0000000007');
    expect(beoordeelVerzuim(v({ datumBegin: '2025-11-01', datumEinde: null }), { ...ingeschreven, eerdere }, open).meldingen).toEqual([]);
  });

  it('210 for an unknown pupil', () => {
    expect(codes(beoordeelVerzuim(v(), { ...ingeschreven, persoon: null }, open).foutmeldingen)).toEqual(['210_pgn_onbekend']);
  });
});
