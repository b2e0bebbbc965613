import { relevanteTeldata } from '../../src/bekostiging';
import { AfleveringWorker, verifieer } from '../../src/berichten';
import { DomainHooks } from '../../src/common/events/domain-hooks';
import { startOntvanger, wachtTot } from '../berichten/berichten-support';
import { bearer, tokenFor } from '../support/auth';
import { expectInvalid, expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';
import { leesFeed, nieuweLeerling, schrijfIn, statussenVan } from './bekostiging-support';

const STATUS = 'nl.duo.rod.bekostigingsstatus-gewijzigd';

/** The bekostiging work an advance ran (the weekly kwaliteitscontrole runs on Mondays besides). */
const bekostigingswerk = (verwerkt: any[]) => verwerkt.filter((x) => x.soort !== 'KWALITEITSCONTROLE').map((x) => [x.datum, x.soort, x.teldatum]);

describe('bekostiging: statuses per teldatum, the clock, and what the LAS hears', () => {
  let t: TestApp;
  let admin: string;
  let alfa: string;
  let beta: string;
  let cursorAlfa = '0';
  let cursorBeta = '0';
  const ontvanger = startOntvanger();
  let geheim: string;

  const verschuif = (body: object) => t.http().post('/beheer/v1/sandboxes/default/klok/verschuivingen').set(bearer(admin)).send(body);
  const nieuwVoorAlfa = async () => {
    const r = await leesFeed(t, alfa, cursorAlfa);
    cursorAlfa = r.cursor;
    return r.events;
  };
  const nieuwVoorBeta = async () => {
    const r = await leesFeed(t, beta, cursorBeta);
    cursorBeta = r.cursor;
    return r.events;
  };
  const over = (events: any[], inschrijvingId: string, type = STATUS) => events.filter((e) => e.type === type && e.data.inschrijvingId === inschrijvingId);

  let p1: string;
  let p1Alfa: string;
  let p1Beta: string;

  beforeAll(async () => {
    t = await createTestApp();
    [admin, alfa, beta] = [await tokenFor(t, 'demo-beheer'), await tokenFor(t, 'las-alfa'), await tokenFor(t, 'las-beta')];
    const res = await t.http().put('/beheer/v1/sandboxes/default/klok').set(bearer(admin)).send({ mode: 'FROZEN', now: '2027-01-20T10:00:00Z' });
    expect(res.status).toBe(200);
    const o = await ontvanger;
    const sub = await t.http().post('/rod/v1/webhook-abonnementen').set(bearer(alfa)).send({ url: o.url, types: [STATUS] });
    geheim = sub.body.geheim;
    cursorAlfa = (await leesFeed(t, alfa, '0')).cursor;
    cursorBeta = (await leesFeed(t, beta, '0')).cursor;
  });
  afterAll(async () => {
    await (await ontvanger).close();
    await t.close();
  });

  it('an inschrijving active on an open teldatum is voorlopig bekostigd; one registered after a deadline gets B04 definitief', async () => {
    const bsn = await nieuweLeerling(t, admin);
    const id = await schrijfIn(t, alfa, { burgerservicenummer: bsn }, '01AB', '2026-12-01');
    const s = await statussenVan(t, alfa, '01AB', id);
    expect(s['2027-01-01']).toEqual({ status: 'BEKOSTIGD', statusBepaling: 'V', signalen: [], soortBekostiging: 'GROEI' });
    // 1 December's deadline (29 December) passed before the registration.
    expect(s['2026-12-01']).toEqual({ status: 'NIET_BEKOSTIGD', statusBepaling: 'D', signalen: ['B04'], soortBekostiging: 'GROEI' });
    const events = over(await nieuwVoorAlfa(), id);
    expect(events.map((e) => [e.data.teldatum, e.data.status, e.data.statusBepaling])).toEqual(
      expect.arrayContaining([
        ['2026-12-01', 'NIET_BEKOSTIGD', 'D'],
        ['2027-01-01', 'BEKOSTIGD', 'V'],
      ]),
    );
    expect(events[0]).toMatchObject({ subject: `inschrijving/${id}`, data: { instellingscode: '01AB', persoonsgebondenNummer: { burgerservicenummer: bsn }, aanleiding: 'MUTATIE' } });
    expect(events[0].subject).not.toContain(bsn);
  });

  it('advancing the clock to 1 February runs the passed deadline and the new teldatum, in order, with their events', async () => {
    const bsn = await nieuweLeerling(t, admin);
    p1 = bsn;
    p1Alfa = await schrijfIn(t, alfa, { burgerservicenummer: bsn }, '01AA', '2027-01-05');
    expect(await statussenVan(t, alfa, '01AA', p1Alfa)).toEqual({});

    const res = await verschuif({ tot: '2027-02-01T08:00:00Z' });
    expect(res.status).toBe(200);
    expect(bekostigingswerk(res.body.verwerkt)).toEqual([
      ['2027-01-30', 'DEADLINE_VERSTREKEN', '2027-01-01'],
      ['2027-02-01', 'TELDATUM', '2027-02-01'],
    ]);
    expect(res.body.verwerkt.filter((x: any) => x.soort !== 'KWALITEITSCONTROLE').every((x: any) => x.events >= 1)).toBe(true);
    expect((await statussenVan(t, alfa, '01AA', p1Alfa))['2027-02-01']).toEqual({ status: 'BEKOSTIGD', statusBepaling: 'V', signalen: [], soortBekostiging: 'REGULIER' });
    const events = over(await nieuwVoorAlfa(), p1Alfa);
    expect(events).toEqual([expect.objectContaining({ time: '2027-01-31T23:00:00.000Z', data: expect.objectContaining({ teldatum: '2027-02-01', status: 'BEKOSTIGD', aanleiding: 'TELDATUM' }) })]);
  });

  it('a dubbele inschrijving turns the earlier school NIET_BEKOSTIGD (B02); both schools hear of it, by feed and by signed webhook', async () => {
    p1Beta = await schrijfIn(t, beta, { burgerservicenummer: p1 }, '02AA', '2027-01-25');
    expect((await statussenVan(t, beta, '02AA', p1Beta))['2027-02-01']).toMatchObject({ status: 'BEKOSTIGD', signalen: [] });
    expect((await statussenVan(t, alfa, '01AA', p1Alfa))['2027-02-01']).toMatchObject({ status: 'NIET_BEKOSTIGD', statusBepaling: 'V', signalen: ['B02'] });

    const alfaEvents = await nieuwVoorAlfa();
    expect(over(alfaEvents, p1Alfa).map((e) => e.data.signalen)).toEqual([[{ code: 'B02_dubbele_inschrijving', omschrijving: expect.any(String) }]]);
    expect(alfaEvents.filter((e) => e.type === 'nl.duo.rod.kennisgeving-in-uitschrijving' && e.data.inschrijvingId === p1Alfa)).toHaveLength(1);
    const betaEvents = await nieuwVoorBeta();
    expect(over(betaEvents, p1Beta).map((e) => e.data.status)).toEqual(['BEKOSTIGD']);
    expect(over(betaEvents, p1Alfa)).toEqual([]); // not beta's school

    const o = await ontvanger;
    await wachtTot(() => o.ontvangen.some((x) => x.json.data.inschrijvingId === p1Alfa && x.json.data.status === 'NIET_BEKOSTIGD'), () => t.app.get(AfleveringWorker).runRound());
    const hook = o.ontvangen.find((x) => x.json.data.inschrijvingId === p1Alfa && x.json.data.status === 'NIET_BEKOSTIGD')!;
    expect(verifieer(hook.headers['rod-signature'] as string, geheim, hook.body)).toBe(true);
    expect(o.ontvangen.every((x) => x.json.data.instellingscode.startsWith('01'))).toBe(true);
  });

  it('the deadline passing fixes the statuses definitief; later changes no longer alter them', async () => {
    const res = await verschuif({ duur: 'P30D' });
    expect(res.status).toBe(200);
    expect(res.body.klok.vandaag).toBe('2027-03-03');
    expect(bekostigingswerk(res.body.verwerkt)).toEqual([
      ['2027-03-01', 'TELDATUM', '2027-03-01'],
      ['2027-03-02', 'DEADLINE_VERSTREKEN', '2027-02-01'],
    ]);
    expect((await statussenVan(t, alfa, '01AA', p1Alfa))['2027-02-01']).toMatchObject({ status: 'NIET_BEKOSTIGD', statusBepaling: 'D', signalen: ['B02'] });
    const vast = over(await nieuwVoorAlfa(), p1Alfa).filter((e) => e.data.aanleiding === 'VASTSTELLING');
    expect(vast).toEqual([expect.objectContaining({ time: '2027-03-01T23:00:00.000Z', data: expect.objectContaining({ teldatum: '2027-02-01', statusBepaling: 'D' }) })]);

    // The other school ends its inschrijving before 1 March: 01AA is funded again from 1 March, but 1 February stays definitief.
    await schrijfIn(t, beta, { burgerservicenummer: p1 }, '02AA', '2027-01-25', { datumUitschrijving: '2027-02-20' });
    const s = await statussenVan(t, alfa, '01AA', p1Alfa);
    expect(s['2027-03-01']).toMatchObject({ status: 'BEKOSTIGD', statusBepaling: 'V' });
    expect(s['2027-02-01']).toMatchObject({ status: 'NIET_BEKOSTIGD', statusBepaling: 'D', signalen: ['B02'] });
  });

  it('indicatieBekostiging false gives B03; a pupil with only an onderwijsnummer in NL is B07 until the BSN arrives', async () => {
    const bsn = await nieuweLeerling(t, admin);
    const id = await schrijfIn(t, alfa, { burgerservicenummer: bsn }, '01AB', '2027-02-15', { indicatieBekostiging: false });
    expect((await statussenVan(t, alfa, '01AB', id))['2027-03-01']).toMatchObject({ status: 'NIET_BEKOSTIGD', signalen: ['B03'] });

    const ident = await t.http().post('/rod/v1/identificaties').set(bearer(alfa)).send({
      geboortedatum: '2019-04-04', geslacht: 'M', achternaam: 'Zonderbsn', voornamen: 'Teun',
      adres: { binnenlandsAdres: { straatnaam: 'Teldatumstraat', huisnummer: 1, postcode: '9700AB', plaatsnaam: 'Groningen' } },
    });
    expect(ident.status).toBe(200);
    const on = ident.body.persoonsgebondenNummer.onderwijsnummer;
    expect(on).toMatch(/^10/);
    const idOn = await schrijfIn(t, alfa, { onderwijsnummer: on }, '01AA', '2027-02-10');
    expect((await statussenVan(t, alfa, '01AA', idOn))['2027-03-01']).toMatchObject({ status: 'NIET_BEKOSTIGD', signalen: ['B07'] });
    await nieuwVoorAlfa();
    const toek = await t.http().post('/rod/v1/bsn-toekenningen').set(bearer(admin)).send({ onderwijsnummer: on });
    expect(toek.status).toBe(201);
    expect((await statussenVan(t, alfa, '01AA', idOn))['2027-03-01']).toMatchObject({ status: 'BEKOSTIGD', signalen: [] });
    const events = await nieuwVoorAlfa();
    expect(events.map((e) => e.type)).toEqual(['nl.duo.rod.persoonsgegevens-gewijzigd', STATUS]);
    expect(events[1].data).toMatchObject({ inschrijvingId: idOn, status: 'BEKOSTIGD', persoonsgebondenNummer: { burgerservicenummer: toek.body.burgerservicenummer } });
  });

  it('a vestiging that loses its bekostiging in RIO turns its open statuses NIET_BEKOSTIGD (B08)', async () => {
    const bsn = await nieuweLeerling(t, admin);
    const id = await schrijfIn(t, alfa, { burgerservicenummer: bsn }, '01AB', '2027-02-12');
    expect((await statussenVan(t, alfa, '01AB', id))['2027-03-01']).toMatchObject({ status: 'BEKOSTIGD' });
    const [{ id: sandbox }] = await t.db.query(`SELECT id FROM sandbox WHERE code = 'default'`);
    await t.db.transaction(async (m) => {
      await m.query(`UPDATE rio_vestigingserkenning_periode SET bekostigingscode = 'NIET_BEKOSTIGD' WHERE sandbox_id = $1 AND vestigingscode = '01AB00'`, [sandbox]);
      await t.app.get(DomainHooks).emit('rio.gewijzigd', m, { sandboxId: sandbox, vestigingscodes: ['01AB00'] });
    });
    expect((await statussenVan(t, alfa, '01AB', id))['2027-03-01']).toMatchObject({ status: 'NIET_BEKOSTIGD', statusBepaling: 'V', signalen: ['B08'] });
    await t.db.transaction(async (m) => {
      await m.query(`UPDATE rio_vestigingserkenning_periode SET bekostigingscode = 'BEKOSTIGD' WHERE sandbox_id = $1 AND vestigingscode = '01AB00'`, [sandbox]);
      await t.app.get(DomainHooks).emit('rio.gewijzigd', m, { sandboxId: sandbox, vestigingscodes: ['01AB00'] });
    });
    expect((await statussenVan(t, alfa, '01AB', id))['2027-03-01']).toMatchObject({ status: 'BEKOSTIGD' });
  });

  it('gives an overview per school per teldatum (OSB) with counts per signaal and vestiging', async () => {
    const res = await t.http().get('/rod/v1/bekostigingsoverzichten?instellingscode=01AA&teldatum=2027-02-01').set(bearer(alfa));
    expect(res.status).toBe(200);
    const [o] = res.body.items;
    const [{ n, b }] = await t.db.query(
      `SELECT count(*)::int AS n, (count(*) FILTER (WHERE status = 'BEKOSTIGD'))::int AS b FROM bekostigingsstatus WHERE instellingscode = '01AA' AND teldatum = '2027-02-01'`,
    );
    expect(o).toEqual({
      instellingscode: '01AA',
      onderwijsbestuurcode: '100B001',
      teldatum: '2027-02-01',
      soortBekostiging: 'REGULIER',
      uitersteRegistratiedatum: '2027-03-01',
      statusBepaling: 'D',
      aantalInschrijvingen: n,
      aantalBekostigd: b,
      aantalNietBekostigd: n - b,
      signalen: expect.arrayContaining([{ code: 'B02_dubbele_inschrijving', omschrijving: expect.any(String), aantal: 1 }]),
      vestigingen: [{ vestigingscode: '01AA00', aantalBekostigd: b, aantalNietBekostigd: n - b }],
    });
    expect(n).toBeGreaterThan(10); // the seeded pupils count too
    const alle = await t.http().get('/rod/v1/bekostigingsoverzichten?instellingscode=01AA').set(bearer(alfa));
    expect(alle.body.items.map((x: any) => x.teldatum)).toEqual(expect.arrayContaining(['2027-03-01', '2027-02-01']));
    expectProblem(await t.http().get('/rod/v1/bekostigingsoverzichten?instellingscode=01AA').set(bearer(beta)), 403, '221_geen_machtiging');
    expectInvalid(await t.http().get('/rod/v1/bekostigingsoverzichten?instellingscode=x&teldatum=2027-02-02').set(bearer(alfa)), [{ parameter: 'instellingscode' }, { parameter: 'teldatum' }]);
  });

  it('pushes every kept status of a school on request (initial push), to the feed', async () => {
    await nieuwVoorAlfa();
    const res = await t.http().post('/rod/v1/bekostigingsstatussen/initiele-leveringen').set(bearer(alfa)).send({ instellingscode: '01AA' });
    expect(res.status).toBe(202);
    // Kept: the statuses of the teldata of the last twelve months (older ones, such as those of the seed's pupil of
    // schooljaar 2025-2026, stay stored but are not pushed).
    const vandaag = (await t.http().get('/beheer/v1/sandboxes/default/klok').set(bearer(admin))).body.vandaag as string;
    const [{ n, ouder }] = await t.db.query(
      `SELECT count(*) FILTER (WHERE teldatum >= $1 AND teldatum <= $2)::int AS n, count(*) FILTER (WHERE teldatum < $1)::int AS ouder FROM bekostigingsstatus WHERE instellingscode = '01AA'`,
      [relevanteTeldata(vandaag)[0], vandaag],
    );
    expect(ouder).toBeGreaterThan(0);
    expect(res.body).toEqual({ events: n });
    const events = (await nieuwVoorAlfa()).filter((e) => e.data.aanleiding === 'INITIELE_LEVERING');
    expect(events).toHaveLength(n);
    expectProblem(await t.http().post('/rod/v1/bekostigingsstatussen/initiele-leveringen').set(bearer(beta)).send({ instellingscode: '01AA' }), 403, '221_geen_machtiging');
    expectInvalid(await t.http().post('/rod/v1/bekostigingsstatussen/initiele-leveringen').set(bearer(alfa)).send({}), [{ pointer: '/instellingscode' }]);
  });

  it('recomputes the whole sandbox set-based; a second run changes nothing', async () => {
    const first = await t.http().post('/beheer/v1/sandboxes/default/bekostiging/herberekeningen').set(bearer(admin));
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ statussen: expect.any(Number), events: expect.any(Number), duurMs: expect.any(Number) });
    const second = await t.http().post('/beheer/v1/sandboxes/default/bekostiging/herberekeningen').set(bearer(admin));
    expect(second.body).toMatchObject({ statussen: 0, events: 0 });
    expectProblem(await t.http().post('/beheer/v1/sandboxes/default/bekostiging/herberekeningen').set(bearer(alfa)), 403, 'insufficient_scope');
  });

  it('a recompute after one pupil changed outside the hooks (as a bulk load writes) updates exactly that pupil\'s statuses and pushes only theirs', async () => {
    const herbereken = () => t.http().post('/beheer/v1/sandboxes/default/bekostiging/herberekeningen').set(bearer(admin));
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(await schrijfIn(t, alfa, { burgerservicenummer: await nieuweLeerling(t, admin) }, '01AB', '2027-02-22'));
    expect((await herbereken()).body).toMatchObject({ statussen: 0, events: 0 });
    await nieuwVoorAlfa();
    const voor: { inschrijving_id: string; teldatum: string; status: string; bepaald_op: Date }[] = await t.db.query(
      `SELECT inschrijving_id, teldatum::text, status, bepaald_op FROM bekostigingsstatus WHERE status_bepaling = 'V' ORDER BY inschrijving_id, teldatum`,
    );
    const vanGewijzigde = voor.filter((s) => s.inschrijving_id === ids[1]);
    expect(vanGewijzigde.map((s) => s.status)).toEqual(['BEKOSTIGD']);
    // The middle pupil's periode loses its funding indication in the database only: no hook recomputed it.
    await t.db.query('UPDATE rod_inschrijving_periode SET indicatie_bekostiging = false WHERE inschrijving_id = $1', [ids[1]]);
    const res = await herbereken();
    expect(res.body).toMatchObject({ statussen: vanGewijzigde.length, events: vanGewijzigde.length });
    const events = (await nieuwVoorAlfa()).filter((e) => e.type === STATUS);
    expect(events.map((e) => [e.data.inschrijvingId, e.data.teldatum, e.data.status, e.data.aanleiding])).toEqual(vanGewijzigde.map((s) => [ids[1], s.teldatum, 'NIET_BEKOSTIGD', 'HERBEREKENING']));
    expect(events[0].data.signalen.map((x: { code: string }) => x.code)).toEqual([expect.stringMatching(/^B03/)]);
    // Every other open status is untouched (same status, same instant of determination).
    const na: typeof voor = await t.db.query(`SELECT inschrijving_id, teldatum::text, status, bepaald_op FROM bekostigingsstatus WHERE status_bepaling = 'V' ORDER BY inschrijving_id, teldatum`);
    expect(na.filter((s) => s.inschrijving_id !== ids[1])).toEqual(voor.filter((s) => s.inschrijving_id !== ids[1]));
    expect(na.filter((s) => s.inschrijving_id === ids[1]).map((s) => s.status)).toEqual(vanGewijzigde.map(() => 'NIET_BEKOSTIGD'));
    expect((await herbereken()).body).toMatchObject({ statussen: 0, events: 0 });
  });

  it('two schools enrolling the same pupils at the same moment: exactly one of them is funded per pupil', async () => {
    const leerlingen = await Promise.all(Array.from({ length: 6 }, () => nieuweLeerling(t, admin)));
    const paren = await Promise.all(
      leerlingen.map(async (bsn) => {
        const [a, b] = await Promise.all([schrijfIn(t, alfa, { burgerservicenummer: bsn }, '01AB', '2027-02-22'), schrijfIn(t, beta, { burgerservicenummer: bsn }, '02AA', '2027-02-22')]);
        return { a, b };
      }),
    );
    for (const { a, b } of paren) {
      const statussen = [(await statussenVan(t, alfa, '01AB', a))['2027-03-01'], (await statussenVan(t, beta, '02AA', b))['2027-03-01']];
      expect(statussen.map((x) => x.status).sort()).toEqual(['BEKOSTIGD', 'NIET_BEKOSTIGD']);
      expect(statussen.find((x) => x.status === 'NIET_BEKOSTIGD')).toMatchObject({ statusBepaling: 'V', signalen: ['B02'] });
    }
  });
});
