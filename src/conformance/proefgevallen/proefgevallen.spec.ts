import { beoordeelAlles, GradingInvoer, proefgevallen, Uitwisseling } from './proefgevallen';

let seq = 0;
const u = (x: Partial<Uitwisseling>): Uitwisseling => ({
  id: String(++seq),
  tijdstip: new Date(1_700_000_000_000 + seq * 1000).toISOString(),
  methode: 'POST',
  pad: '/rod/v1/inschrijvingen',
  status: 201,
  codes: [],
  bedrijfsdocumentId: null,
  idempotencyKey: null,
  herhaald: false,
  storingId: null,
  verzoek: null,
  antwoord: null,
  ...x,
});
const bericht = (doc: string, groepen: [string, string][], extra: Record<string, unknown> = {}) => ({
  bedrijfsdocument: { identificatiecodeBedrijfsdocument: doc },
  instellingscode: '01AA',
  persoonsgebondenNummer: { burgerservicenummer: '*****019#aaaaaaaaaa' },
  inschrijvingvolgnummer: '1',
  datumInschrijving: groepen[0][0],
  inschrijvingPeriodeBO: groepen.map(([datumBegin, groep]) => ({ datumBegin, groep, vestigingscode: '01AA00' })),
  ...extra,
});
const uitslag = (invoer: Partial<GradingInvoer>, nummer: string) =>
  beoordeelAlles({ uitwisselingen: [], afleveringen: [], ...invoer }).find((c) => c.nummer === nummer)!;

describe('proefgevallen', () => {
  it('every case is not attempted without traffic', () => {
    const alle = beoordeelAlles({ uitwisselingen: [], afleveringen: [] });
    expect(alle.length).toBeGreaterThanOrEqual(13);
    expect(new Set(alle.map((c) => c.nummer)).size).toBe(alle.length);
    for (const c of alle) expect(c.uitslag).toBe('NIET_GEPROBEERD');
  });

  it('PG03 passes when an afgekeurd message is corrected as a new bedrijfsdocument, fails when the same document is resent', () => {
    const afgekeurd = u({ status: 422, codes: ['afgekeurd', '233_eerste_periode_niet_op_datum_inschrijving'], bedrijfsdocumentId: 'd1', verzoek: bericht('d1', [['2026-08-20', '1']]) });
    const goed = u({ status: 201, bedrijfsdocumentId: 'd2', verzoek: bericht('d2', [['2026-08-20', '1']]), antwoord: { resultaat: 'goedgekeurd' } });
    expect(uitslag({ uitwisselingen: [afgekeurd, goed] }, 'PG03')).toMatchObject({ uitslag: 'GESLAAGD', uitwisselingen: [afgekeurd.id, goed.id] });
    const opnieuw = u({ status: 422, codes: ['afgekeurd'], bedrijfsdocumentId: 'd1', verzoek: bericht('d1', [['2026-08-20', '1']]) });
    expect(uitslag({ uitwisselingen: [afgekeurd, opnieuw] }, 'PG03')).toMatchObject({ uitslag: 'MISLUKT', reden: expect.stringContaining('same identificatiecodeBedrijfsdocument') });
  });

  it('PG04 passes for a new periode and fails when the periode is rewritten in place', () => {
    const eerst = u({ status: 201, verzoek: bericht('a', [['2026-08-20', '3']]), antwoord: { resultaat: 'goedgekeurd' } });
    const nieuwePeriode = u({ status: 200, verzoek: bericht('b', [['2026-08-20', '3'], ['2027-01-05', '4']]), antwoord: { resultaat: 'goedgekeurd' } });
    expect(uitslag({ uitwisselingen: [eerst, nieuwePeriode] }, 'PG04').uitslag).toBe('GESLAAGD');
    const overschreven = u({ status: 200, verzoek: bericht('c', [['2026-08-20', '4']]), antwoord: { resultaat: 'goedgekeurd' } });
    expect(uitslag({ uitwisselingen: [eerst, overschreven] }, 'PG04').uitslag).toBe('MISLUKT');
  });

  it('PG10 fails a reader that jumps past every cursor it was given, passes one that follows the cursors', () => {
    const feed = (vanaf: string, volgendeCursor: string, meer: boolean) => u({ methode: 'GET', pad: '/rod/v1/berichten', status: 200, verzoek: { vanaf }, antwoord: { volgendeCursor, meer } });
    expect(uitslag({ uitwisselingen: [feed('0', '5', true), feed('5', '9', false)] }, 'PG10').uitslag).toBe('GESLAAGD');
    expect(uitslag({ uitwisselingen: [feed('0', '5', true), feed('50', '60', false)] }, 'PG10')).toMatchObject({ uitslag: 'MISLUKT', reden: expect.stringContaining('skipped') });
  });

  it('PG12 fails a retry under a new bedrijfsdocument and passes a retry of the same one', () => {
    const getroffen = u({ status: 503, storingId: 's1', bedrijfsdocumentId: 'd1', verzoek: bericht('d1', [['2026-08-20', '1']]) });
    const zelfde = u({ status: 201, bedrijfsdocumentId: 'd1', verzoek: bericht('d1', [['2026-08-20', '1']]), antwoord: { resultaat: 'goedgekeurd' } });
    const nieuw = u({ status: 201, bedrijfsdocumentId: 'd9', verzoek: bericht('d9', [['2026-08-20', '1']]), antwoord: { resultaat: 'goedgekeurd' } });
    expect(uitslag({ uitwisselingen: [getroffen, zelfde] }, 'PG12').uitslag).toBe('GESLAAGD');
    expect(uitslag({ uitwisselingen: [getroffen, nieuw] }, 'PG12').uitslag).toBe('MISLUKT');
    expect(uitslag({ uitwisselingen: [getroffen] }, 'PG12').uitslag).toBe('MISLUKT');
  });

  it('PG13 passes a correction while the status is voorlopig, fails when it became definitief first', () => {
    const event = (statusBepaling: string) => ({
      type: 'nl.duo.rod.bekostigingsstatus-gewijzigd',
      subject: 'inschrijving/i-1',
      data: { status: 'NIET_BEKOSTIGD', statusBepaling, teldatum: '2026-02-01', signalen: [{ code: 'B05_geen_geldige_tlv' }] },
    });
    const feed = (e: unknown) => u({ methode: 'GET', pad: '/rod/v1/berichten', status: 200, verzoek: { vanaf: '0' }, antwoord: { berichten: [e], volgendeCursor: '1', meer: false } });
    const signaal = feed(event('V'));
    const herstel = u({ status: 200, antwoord: { resultaat: 'goedgekeurd', inschrijvingId: 'i-1' } });
    expect(uitslag({ uitwisselingen: [signaal, herstel] }, 'PG13').uitslag).toBe('GESLAAGD');
    expect(uitslag({ uitwisselingen: [signaal, feed(event('D')), herstel] }, 'PG13').uitslag).toBe('MISLUKT');
    expect(uitslag({ uitwisselingen: [signaal] }, 'PG13').uitslag).toBe('MISLUKT');
  });

  it('PG14 fails an inschrijving sent before the fourth birthday, passes one from it; a 2026.1 run does not grade it', () => {
    const personas = { wordtVierVolgendeWeek: '*****093#abc' };
    const zijn = (x: Partial<Uitwisseling>) => u({ verzoek: { ...bericht('d', [['2026-12-07', '1']]), persoonsgebondenNummer: { burgerservicenummer: '*****093#abc' } }, ...x });
    const te = zijn({ status: 422, codes: ['afgekeurd', '230_datum_inschrijving_voor_4e_verjaardag'] });
    const goed = zijn({ status: 201, antwoord: { resultaat: 'goedgekeurd' } });
    const ander = u({ status: 201, verzoek: bericht('e', [['2026-12-07', '1']]), antwoord: { resultaat: 'goedgekeurd' } });
    expect(uitslag({ uitwisselingen: [goed], personas }, 'PG14')).toMatchObject({ uitslag: 'GESLAAGD', uitwisselingen: [goed.id] });
    expect(uitslag({ uitwisselingen: [te, goed], personas }, 'PG14')).toMatchObject({ uitslag: 'MISLUKT', uitwisselingen: [te.id] });
    expect(uitslag({ uitwisselingen: [ander], personas }, 'PG14').uitslag).toBe('NIET_GEPROBEERD');
    expect(proefgevallen('2026.1').map((p) => p.nummer)).not.toContain('PG14');
    expect(beoordeelAlles({ uitwisselingen: [], afleveringen: [] }, '2026.1')).toHaveLength(13);
  });

  it('PG09 grades the delivery log of a subscription', () => {
    const abonnement = u({ pad: '/rod/v1/webhook-abonnementen', status: 201 });
    expect(uitslag({ uitwisselingen: [abonnement], afleveringen: [{ abonnementId: 'a', geleverd: 2, wachtend: 0, deadLetter: 0, mislukt: 0 }] }, 'PG09').uitslag).toBe('GESLAAGD');
    expect(uitslag({ uitwisselingen: [abonnement], afleveringen: [{ abonnementId: 'a', geleverd: 1, wachtend: 0, deadLetter: 1, mislukt: 8 }] }, 'PG09').uitslag).toBe('MISLUKT');
  });
});
