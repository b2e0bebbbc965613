import { leesFeed } from '../bekostiging/bekostiging-support';
import { bearer } from '../support/auth';
import { expectInvalid, expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';
import { inschrijving, nieuweLeerling, RodTest, rodSetup, SCHOOL_BETA } from './rod-support';

describe('ROD signalen: the weekly kwaliteitscontrole as an event per school', () => {
  let t: TestApp;
  let r: RodTest;
  beforeAll(async () => {
    t = await createTestApp();
    r = await rodSetup(t);
  });
  afterAll(() => t.close());

  const send = (body: unknown, token = r.alfa) => t.http().post('/rod/v1/inschrijvingen').set(bearer(token)).send(body as object);
  const codesOf = ({ instellingscode: _, ...codes }: typeof SCHOOL_BETA) => codes;

  it('every Monday each school with signalen gets them: a dubbele inschrijving (S01) at both schools, an onderwijsnummer in NL (S02)', async () => {
    // Monday 1 September 2025, set through the klok API (the planning follows the clock back).
    expect((await t.http().put('/beheer/v1/sandboxes/default/klok').set(bearer(r.admin)).send({ mode: 'FROZEN', now: '2025-09-01T10:00:00Z' })).status).toBe(200);
    const bsn = await nieuweLeerling(r);
    const beta = await send(inschrijving(bsn, { inschrijvingPeriodeBO: [{ datumBegin: '2025-08-28', ...codesOf(SCHOOL_BETA), groep: '3' }] }, SCHOOL_BETA), r.beta);
    const alfa = await send(inschrijving(bsn));
    expect([beta.status, alfa.status]).toEqual([201, 201]);
    const ident = await t.http().post('/rod/v1/identificaties').set(bearer(r.alfa)).send({
      geboortedatum: '2019-03-03', geslacht: 'M', achternaam: 'Signaal', voornamen: 'Sam',
      adres: { binnenlandsAdres: { straatnaam: 'Controlestraat', huisnummer: 4, postcode: '3581AB', plaatsnaam: 'Utrecht' } },
    });
    const on = ident.body.persoonsgebondenNummer.onderwijsnummer;
    const metOn = await send(inschrijving('x', { persoonsgebondenNummer: { onderwijsnummer: on }, inschrijvingvolgnummer: 'S2' }));
    expect(metOn.status).toBe(201);
    const cursorAlfa = (await leesFeed(t, r.alfa, '0')).cursor;
    const cursorBeta = (await leesFeed(t, r.beta, '0')).cursor;

    // The next Monday is the 8th.
    const res = await t.http().post('/beheer/v1/sandboxes/default/klok/verschuivingen').set(bearer(r.admin)).send({ duur: 'P7D' });
    expect(res.status).toBe(200);
    expect(res.body.verwerkt).toEqual(expect.arrayContaining([expect.objectContaining({ datum: '2025-09-08', soort: 'KWALITEITSCONTROLE' })]));

    const [vanAlfa] = (await leesFeed(t, r.alfa, cursorAlfa)).events.filter((e: any) => e.type === 'nl.duo.rod.signalen-kwaliteitscontrole' && e.data.instellingscode === '01AA');
    expect(vanAlfa).toMatchObject({ subject: 'instelling/01AA/kwaliteitscontrole/2025-09-08', time: '2025-09-07T22:00:00.000Z' });
    expect(vanAlfa.data.peildatum).toBe('2025-09-08');
    expect(vanAlfa.data.signalen).toEqual(
      expect.arrayContaining([
        { code: 'S01_dubbele_inschrijving', omschrijving: expect.stringContaining('02AA'), inschrijvingId: alfa.body.inschrijvingId, inschrijvingvolgnummer: '1' },
        { code: 'S02_onderwijsnummer_woonachtig_in_nederland', omschrijving: expect.any(String), inschrijvingId: metOn.body.inschrijvingId, inschrijvingvolgnummer: 'S2' },
      ]),
    );
    const vanBeta = (await leesFeed(t, r.beta, cursorBeta)).events.filter((e: any) => e.type === 'nl.duo.rod.signalen-kwaliteitscontrole');
    expect(vanBeta.map((e: any) => e.data.instellingscode)).toEqual(['02AA']);
    expect(vanBeta[0].data.signalen).toEqual([expect.objectContaining({ code: 'S01_dubbele_inschrijving', inschrijvingId: beta.body.inschrijvingId })]);
  
    // The same signalen, readable: GET /rod/v1/signalen gives what the event carried.
    const lees = (q: string, token = r.alfa) => t.http().get(`/rod/v1/signalen?${q}`).set(bearer(token));
    const gelezen = await lees('instellingscode=01AA&peildatum=2025-09-10');
    expect(gelezen.status).toBe(200);
    expect(gelezen.headers['content-type']).toMatch(/^application\/json/);
    expect(gelezen.body).toEqual({ instellingscode: '01AA', peildatum: '2025-09-08', eventId: vanAlfa.id, signalen: vanAlfa.data.signalen });
    // Today is Monday the 8th: the default is this week's controle.
    expect((await lees('instellingscode=01AA')).body.signalen).toEqual(vanAlfa.data.signalen);
    expect((await lees('instellingscode=02AA', r.beta)).body).toMatchObject({ eventId: vanBeta[0].id, signalen: vanBeta[0].data.signalen });
    // A week whose controle found nothing at this school (or did not run): none.
    expect((await lees('instellingscode=01AB&peildatum=2025-09-08')).body).toEqual({ instellingscode: '01AB', peildatum: '2025-09-08', eventId: null, signalen: [] });
    expect((await lees('instellingscode=01AA&peildatum=2025-09-01')).body.signalen).toEqual([]);
    // No machtiging: 403; malformed: 400.
    expectProblem(await lees('instellingscode=02AA'), 403, '221_geen_machtiging');
    expectInvalid(await lees('instellingscode=1AA&peildatum=8-9-2025'), [{ parameter: 'instellingscode' }, { parameter: 'peildatum' }]);
  });
});
