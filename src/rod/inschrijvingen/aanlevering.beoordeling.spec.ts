import { RodCode } from '../rod.errors';
import { bsnMetControlecijfer } from '../rules/pgn';
import { Aanlevering, BeoordelingContext, beoordeel, BestaandeInschrijving, HuidigeStand, rioVragen } from './aanlevering.beoordeling';

const BSN = bsnMetControlecijfer('99000001')!;
const ONDERWIJSNUMMER = '100000004';
const persoon = { id: 'p1', burgerservicenummer: BSN, onderwijsnummer: null, geboortedatum: '2018-05-05', geslacht: 'M' };

const aanlevering = (x: Partial<Aanlevering> = {}): Aanlevering => ({
  instellingscode: '01AA',
  persoonsgebondenNummer: { burgerservicenummer: BSN },
  inschrijvingvolgnummer: '1',
  datumInschrijving: '2025-08-18',
  inschrijvingPeriodeBO: [{ datumBegin: '2025-08-18', vestigingscode: '01AA00', onderwijsaanbiedercode: '100A001', onderwijslocatiecode: '100X001', groep: '4' }],
  ...x,
});
const leeg: HuidigeStand = { persoon, huidig: null, andere: [] };
const rioGoed = (a: Aanlevering) => rioVragen(a).map(() => ({ onbekend: [], afwijkingen: [], instellingssoort: 'BAS' }));
const context = (a: Aanlevering, x: Partial<BeoordelingContext> = {}): BeoordelingContext => ({ vandaag: '2025-08-20', rio: rioGoed(a), nieuwId: 'nieuw-id', ...x });
const codes = (t: { code: string }[]) => t.map((x) => x.code);

/** The stored state an accepted judgement leaves, as the next judgement reads it. */
function opgeslagen(a: Aanlevering, stand: HuidigeStand = leeg): BestaandeInschrijving {
  const s = beoordeel(a, stand, context(a)).nieuweStand!;
  return { id: s.inschrijvingId, instellingscode: s.instellingscode, inschrijvingvolgnummer: s.inschrijvingvolgnummer, versie: s.versie, inhoudHash: s.inhoudHash, datumInschrijving: s.datumInschrijving, datumUitschrijving: s.datumUitschrijving };
}

describe('beoordeel (AanleverenInschrijvingBO)', () => {
  it('accepts a new inschrijving as version 1 with derived periode ends, sorted', () => {
    const a = aanlevering({
      datumUitschrijving: '2026-07-31',
      inschrijvingPeriodeBO: [
        { datumBegin: '2026-01-05', vestigingscode: '01AA00', onderwijsaanbiedercode: '100A001', onderwijslocatiecode: '100X001', groep: '5' },
        { datumBegin: '2025-08-18', vestigingscode: '01AA00', onderwijsaanbiedercode: '100A001', onderwijslocatiecode: '100X001', groep: '4' },
      ],
    });
    const r = beoordeel(a, leeg, context(a));
    expect(r.foutmeldingen).toEqual([]);
    expect(r.meldingen).toEqual([]);
    expect(r.nieuweStand).toMatchObject({ inschrijvingId: 'nieuw-id', persoonId: 'p1', nieuw: true, gewijzigd: true, versie: 1, nieuweOverlap: [] });
    expect(r.nieuweStand!.periodes.map((p) => [p.datumBegin, p.datumEinde, p.groep])).toEqual([
      ['2025-08-18', '2026-01-04', '4'],
      ['2026-01-05', '2026-07-31', '5'],
    ]);
  });

  it('nNCA empty means none applies (rod.md §4.2): no 046, stored as absent, the same content as leaving it out', () => {
    const leegNnca = aanlevering({ nNCA: '' });
    const r = beoordeel(leegNnca, leeg, context(leegNnca));
    expect(r.foutmeldingen).toEqual([]);
    expect(r.nieuweStand!.nNCA).toBeNull();
    expect(r.nieuweStand!.inhoudHash).toBe(beoordeel(aanlevering(), leeg, context(aanlevering())).nieuweStand!.inhoudHash);
  });

  it('lists every foutmelding at once and gives no new state', () => {
    const a = aanlevering({
      persoonsgebondenNummer: { onderwijsnummer: ONDERWIJSNUMMER },
      nNCA: '7',
      datumUitschrijving: '2025-08-01',
      inschrijvingPeriodeBO: [{ datumBegin: '2025-08-18', vestigingscode: '01AA99', onderwijsaanbiedercode: '100A001', onderwijslocatiecode: '100X001', groep: '9' }],
      toelaatbaarheidsverklaring: [{ beschikkingsnummer: 'T1', datumBegin: '2025-08-01', datumEinde: '2025-07-01' }],
    });
    const rio = [{ onbekend: ['vestigingscode' as const], afwijkingen: [{ check: 'LOCATIE_GEBRUIK' as const, detail: 'Locatie niet in gebruik.' }], instellingssoort: 'BAS' }];
    const r = beoordeel(a, { persoon: { ...persoon, geboortedatum: '2022-01-01' }, huidig: null, andere: [] }, context(a, { rio }));
    expect(r.nieuweStand).toBeNull();
    expect(codes(r.foutmeldingen)).toEqual([
      RodCode.waardenlijstFout,
      RodCode.waardenlijstFout,
      RodCode.uitschrijvingVoorInschrijving,
      RodCode.periodeOverlap,
      RodCode.tlvEindeVoorBegin,
      RodCode.voorVierdeVerjaardag,
      RodCode.vestigingOnbekend,
    ]);
    // Meldingen found before the rejection come along: 213 (an onderwijsnummer of a person with a BSN) and RIO's 224.
    expect(codes(r.meldingen)).toEqual([RodCode.onderwijsnummerBijBsnBekend, RodCode.locatieNietInGebruik]);
    expect(r.meldingen[1]).toMatchObject({ veld: '/inschrijvingPeriodeBO/0/onderwijslocatiecode', tekst: 'Locatie niet in gebruik (periode 1).' });
  });

  it('a PGN failing the 11-proef is not looked up (211, no 210); an unknown one is 210', () => {
    const fout = aanlevering({ persoonsgebondenNummer: { burgerservicenummer: '123456789' } });
    expect(codes(beoordeel(fout, leeg, context(fout)).foutmeldingen)).toEqual([RodCode.pgnElfproef]);
    const a = aanlevering();
    const r = beoordeel(a, { persoon: null, huidig: null, andere: [] }, context(a));
    expect(codes(r.foutmeldingen)).toEqual([RodCode.pgnOnbekend]);
    expect(r.foutmeldingen[0].veld).toBe('/persoonsgebondenNummer/burgerservicenummer');
  });

  it('melding 251 when the pupil was 14 before 1 August of the schooljaar (WPO art. 39)', () => {
    const a = aanlevering();
    const oud = beoordeel(a, { ...leeg, persoon: { ...persoon, geboortedatum: '2011-07-31' } }, context(a));
    expect(codes(oud.meldingen)).toEqual([RodCode.leerlingTeOud]);
    const net = beoordeel(a, { ...leeg, persoon: { ...persoon, geboortedatum: '2011-08-01' } }, context(a));
    expect(net.meldingen).toEqual([]);
  });

  it('melding 260 when sent more than 7 days late, once: not again while datumInschrijving stays', () => {
    const a = aanlevering();
    const laat = context(a, { vandaag: '2025-08-26' });
    expect(codes(beoordeel(a, leeg, laat).meldingen)).toEqual([RodCode.teLaatUitgewisseld]);
    expect(beoordeel(a, leeg, context(a, { vandaag: '2025-08-25' })).meldingen).toEqual([]);
    const huidig = opgeslagen(a);
    const uit = aanlevering({ datumUitschrijving: '2025-09-01' });
    expect(beoordeel(uit, { ...leeg, huidig }, context(uit, { vandaag: '2025-09-05' })).meldingen).toEqual([]);
    expect(codes(beoordeel(uit, { ...leeg, huidig }, context(uit, { vandaag: '2025-09-10' })).meldingen)).toEqual([RodCode.teLaatUitgewisseld]);
  });

  it('melding 250 for an overlap with another school; a kennisgeving only for a newly overlapping one', () => {
    const elders: BestaandeInschrijving = { id: 'x', instellingscode: '02AA', inschrijvingvolgnummer: '1', versie: 1, inhoudHash: 'h', datumInschrijving: '2024-08-01', datumUitschrijving: null };
    const a = aanlevering();
    const eerste = beoordeel(a, { ...leeg, andere: [elders] }, context(a));
    expect(codes(eerste.meldingen)).toEqual([RodCode.overlapAndereSchool]);
    expect(eerste.nieuweStand!.nieuweOverlap).toEqual([elders]);
    const huidig = opgeslagen(a, { ...leeg, andere: [elders] });
    const later = aanlevering({ inschrijvingPeriodeBO: [{ ...a.inschrijvingPeriodeBO[0], groep: '5' }] });
    const tweede = beoordeel(later, { ...leeg, huidig, andere: [elders] }, context(later));
    expect(codes(tweede.meldingen)).toEqual([RodCode.overlapAndereSchool]);
    expect(tweede.nieuweStand!.nieuweOverlap).toEqual([]);
  });

  it('the same content again changes nothing, also when sent with the other PGN of the person', () => {
    const a = aanlevering();
    const huidig = opgeslagen(a);
    const r = beoordeel(a, { ...leeg, huidig }, context(a, { nieuwId: 'ander-id' }));
    expect(r.nieuweStand).toMatchObject({ inschrijvingId: huidig.id, nieuw: false, gewijzigd: false, versie: 1 });
    const metOnderwijsnummer = aanlevering({ persoonsgebondenNummer: { onderwijsnummer: ONDERWIJSNUMMER } });
    const persoonMetBeide = { ...persoon, burgerservicenummer: null, onderwijsnummer: ONDERWIJSNUMMER };
    expect(beoordeel(metOnderwijsnummer, { persoon: persoonMetBeide, huidig, andere: [] }, context(a)).nieuweStand!.gewijzigd).toBe(false);
    const anders = aanlevering({ nNCA: '1' });
    expect(beoordeel(anders, { ...leeg, huidig }, context(anders)).nieuweStand).toMatchObject({ gewijzigd: true, versie: 2, nieuw: false });
  });
});
