import { bearer } from '../support/auth';
import { expectInvalid, expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';
import { inschrijving, nieuweLeerling, RodTest, rodSetup, SCHOOL_ALFA_2, SCHOOL_BETA } from './rod-support';

describe('ROD reading back: inschrijvingen, versions, registratieoverzicht, dubbele inschrijving', () => {
  let t: TestApp;
  let r: RodTest;
  beforeAll(async () => {
    t = await createTestApp();
    r = await rodSetup(t);
  });
  afterAll(() => t.close());

  const send = (body: unknown, token = r.alfa) => t.http().post('/rod/v1/inschrijvingen').set(bearer(token)).send(body as object);

  it('every accepted version is kept with who sent it, when, and its bedrijfsdocument id', async () => {
    const bsn = await nieuweLeerling(r);
    const v1 = inschrijving(bsn);
    const first = await send(v1);
    const v2 = inschrijving(bsn, { datumUitschrijving: '2025-08-31' });
    await send(v2);
    const res = await t.http().get(`/rod/v1/inschrijvingen/${first.body.inschrijvingId}/versies`).set(bearer(r.alfa));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body.items).toEqual([
      expect.objectContaining({ versie: 1, soort: 'AANLEVERING', clientId: 'las-alfa', oin: '00000003111111110000', identificatiecodeBedrijfsdocument: v1.bedrijfsdocument.identificatiecodeBedrijfsdocument, ontvangenOp: '2025-09-01T10:00:00.000Z', datumTijdBedrijfsdocument: '2025-09-01T09:00:00.000Z' }),
      expect.objectContaining({ versie: 2, soort: 'AANLEVERING', identificatiecodeBedrijfsdocument: v2.bedrijfsdocument.identificatiecodeBedrijfsdocument }),
    ]);
    expect(res.body.items[0].inhoud.datumUitschrijving).toBeNull();
    expect(res.body.items[1].inhoud.datumUitschrijving).toBe('2025-08-31');
  });

  it('registratieoverzicht: the inschrijvingen active on the peildatum with their periodes, paginated', async () => {
    const bsns: string[] = [];
    for (let i = 0; i < 5; i++) bsns.push(await nieuweLeerling(r));
    for (const [i, bsn] of bsns.entries()) {
      const res = await send(inschrijving(bsn, i === 4 ? { datumUitschrijving: '2025-08-29' } : {}, SCHOOL_ALFA_2));
      expect(res.status).toBe(201);
    }
    const page1 = await t.http().get(`/rod/v1/instellingen/${SCHOOL_ALFA_2.instellingscode}/registratieoverzicht?peildatum=2025-08-30&pageSize=3`).set(bearer(r.alfa));
    expect(page1.status).toBe(200);
    expect(page1.body).toEqual(expect.objectContaining({ instellingscode: SCHOOL_ALFA_2.instellingscode, peildatum: '2025-08-30' }));
    const seeded = (await t.http().get(`/rod/v1/instellingen/${SCHOOL_ALFA_2.instellingscode}/registratieoverzicht?peildatum=2025-08-27`).set(bearer(r.alfa))).body.page.totalElements;
    expect(page1.body.page).toEqual({ number: 1, size: 3, totalElements: 4 + seeded, totalPages: Math.ceil((4 + seeded) / 3) });
    expect(page1.body.items[0].inschrijvingPeriodeBO[0]).toEqual(expect.objectContaining({ vestigingscode: SCHOOL_ALFA_2.vestigingscode, groep: '1' }));
    expect(page1.body._links.next.href).toContain('peildatum=2025-08-30');
    const all: string[] = [];
    for (let href = page1.body._links.self.href; href; ) {
      const page = await t.http().get(href).set(bearer(r.alfa));
      expect(page.status).toBe(200);
      all.push(...page.body.items.map((i: any) => i.persoonsgebondenNummer.burgerservicenummer));
      href = page.body._links.next?.href;
    }
    expect(all).toHaveLength(4 + seeded);
    expect(all.filter((b) => bsns.includes(b)).sort()).toEqual(bsns.slice(0, 4).sort());
  });

  it('registratieoverzicht: a bad peildatum is 400', async () => {
    expectInvalid(await t.http().get(`/rod/v1/instellingen/${SCHOOL_ALFA_2.instellingscode}/registratieoverzicht?peildatum=morgen`).set(bearer(r.alfa)), [{ parameter: 'peildatum' }]);
  });

  it('_zoek by PGN in the body finds the inschrijvingen at mandated schools', async () => {
    const bsn = await nieuweLeerling(r);
    await send(inschrijving(bsn));
    const res = await t.http().post('/rod/v1/inschrijvingen/_zoek').set(bearer(r.alfa)).send({ persoonsgebondenNummer: { burgerservicenummer: bsn } });
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0].persoonsgebondenNummer).toEqual({ burgerservicenummer: bsn });
  });

  it('250: an inschrijving overlapping one at another BRIN4 is stored with a melding, and both schools get a kennisgeving', async () => {
    const bsn = await nieuweLeerling(r);
    const old = await send(inschrijving(bsn, { inschrijvingvolgnummer: 'B1', datumInschrijving: '2025-08-26', inschrijvingPeriodeBO: [{ datumBegin: '2025-08-26', ...codesOf(SCHOOL_BETA), groep: '3' }] }, SCHOOL_BETA), r.beta);
    expect(old.status).toBe(201);
    const res = await send(inschrijving(bsn));
    expect(res.status).toBe(201);
    expect(res.body.resultaat).toBe('goedgekeurd met meldingen');
    expect(res.body.meldingen).toEqual([expect.objectContaining({ code: '250_overlap_andere_school', soort: 'MELDING', tekst: expect.stringContaining(SCHOOL_BETA.instellingscode) })]);
    const kg = await t.db.query(`SELECT instellingscode, andere_instellingscode, inschrijving_id FROM rod_kennisgeving WHERE sandbox_id = $1 ORDER BY instellingscode`, [r.sandboxId]);
    expect(kg.map((k: any) => [k.instellingscode, k.andere_instellingscode])).toEqual([
      ['01AA', SCHOOL_BETA.instellingscode],
      [SCHOOL_BETA.instellingscode, '01AA'],
    ]);
    const events = await t.db.query(`SELECT instellingscode, subject, data FROM outbox_event WHERE sandbox_id = $1 AND type = 'nl.duo.rod.kennisgeving-in-uitschrijving' ORDER BY instellingscode`, [r.sandboxId]);
    expect(events).toHaveLength(2);
    for (const e of events) expect(e.subject).not.toContain(bsn);
    expect(events[1].data).toEqual(expect.objectContaining({ soort: 'DUBBELE_INSCHRIJVING', inschrijvingId: old.body.inschrijvingId, andereInschrijving: { instellingscode: '01AA', datumInschrijving: '2025-08-28', datumUitschrijving: null } }));
    // a later change of the same overlapping inschrijving keeps the melding but sends no new kennisgeving
    const again = await send(inschrijving(bsn, { nNCA: '1' }));
    expect(again.body.meldingen.map((m: any) => m.code)).toEqual(['250_overlap_andere_school']);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM rod_kennisgeving WHERE sandbox_id = $1`, [r.sandboxId]);
    expect(n).toBe(2);
  });

  it('no 250 when the old school unenrolled before the new one starts', async () => {
    const bsn = await nieuweLeerling(r);
    await send(inschrijving(bsn, { datumInschrijving: '2025-08-26', datumUitschrijving: '2025-08-27', inschrijvingPeriodeBO: [{ datumBegin: '2025-08-26', ...codesOf(SCHOOL_BETA), groep: '3' }] }, SCHOOL_BETA), r.beta);
    const res = await send(inschrijving(bsn));
    expect(res.body.meldingen).toEqual([]);
  });

  it('a change of school without overlap: the old school hears of the inschrijving, the new one of the uitschrijving (once)', async () => {
    const bsn = await nieuweLeerling(r);
    const kennisgevingen = async () =>
      (await t.db.query(`SELECT instellingscode, data FROM outbox_event WHERE sandbox_id = $1 AND type = 'nl.duo.rod.kennisgeving-in-uitschrijving' AND data->>'soort' <> 'DUBBELE_INSCHRIJVING'`, [r.sandboxId]))
        .filter((e: any) => [oud.body.inschrijvingId, nieuw?.body.inschrijvingId].includes(e.data.inschrijvingId))
        .sort((a: any, b: any) => a.instellingscode.localeCompare(b.instellingscode));
    // The old school unenrols (last day 27 August) ...
    const oudBody = inschrijving(bsn, { datumInschrijving: '2025-08-26', datumUitschrijving: '2025-08-27', inschrijvingPeriodeBO: [{ datumBegin: '2025-08-26', ...codesOf(SCHOOL_BETA), groep: '3' }] }, SCHOOL_BETA);
    const oud = await send(oudBody, r.beta);
    expect(oud.status).toBe(201);
    let nieuw: any = null;
    expect(await kennisgevingen()).toEqual([]);
    // ... and the new school enrols from the 28th: the digital in- and uitschrijfbericht, to both.
    nieuw = await send(inschrijving(bsn));
    expect(nieuw.status).toBe(201);
    expect(nieuw.body.meldingen).toEqual([]);
    expect(await kennisgevingen()).toEqual([
      {
        instellingscode: '01AA',
        data: { soort: 'UITSCHRIJVING_VORIGE_SCHOOL', inschrijvingId: nieuw.body.inschrijvingId, inschrijvingvolgnummer: '1', andereInschrijving: { instellingscode: '02AA', datumInschrijving: '2025-08-26', datumUitschrijving: '2025-08-27' } },
      },
      {
        instellingscode: '02AA',
        data: { soort: 'INSCHRIJVING_NIEUWE_SCHOOL', inschrijvingId: oud.body.inschrijvingId, inschrijvingvolgnummer: '1', andereInschrijving: { instellingscode: '01AA', datumInschrijving: '2025-08-28', datumUitschrijving: null } },
      },
    ]);
    // Resent or changed without a new change of school: nothing more.
    await send(inschrijving(bsn, { nNCA: '1' }));
    await send({ ...oudBody, bedrijfsdocument: { ...oudBody.bedrijfsdocument, identificatiecodeBedrijfsdocument: '5d0c9a3e-7c1b-4c55-8d7e-1f2a3b4c5d6e' } }, r.beta);
    expect(await kennisgevingen()).toHaveLength(2);
  });

  it('the new school enrols first (dubbele inschrijving), then the old school unenrols: the change of school is told to both', async () => {
    const bsn = await nieuweLeerling(r);
    const oudBody = (extra: object) => inschrijving(bsn, { inschrijvingvolgnummer: 'W1', datumInschrijving: '2025-08-20', inschrijvingPeriodeBO: [{ datumBegin: '2025-08-20', ...codesOf(SCHOOL_BETA), groep: '3' }], ...extra }, SCHOOL_BETA);
    const oud = await send(oudBody({}), r.beta);
    const nieuw = await send(inschrijving(bsn));
    expect(nieuw.body.meldingen.map((m: any) => m.code)).toEqual(['250_overlap_andere_school']);
    expect((await send(oudBody({ datumUitschrijving: '2025-08-27' }), r.beta)).status).toBe(200);
    const events = await t.db.query(
      `SELECT instellingscode, data->>'soort' AS soort FROM outbox_event WHERE sandbox_id = $1 AND type = 'nl.duo.rod.kennisgeving-in-uitschrijving' AND data->>'inschrijvingId' = ANY ($2) ORDER BY seq`,
      [r.sandboxId, [oud.body.inschrijvingId, nieuw.body.inschrijvingId]],
    );
    expect(events.map((e: any) => `${e.instellingscode}:${e.soort}`)).toEqual([
      '01AA:DUBBELE_INSCHRIJVING',
      '02AA:DUBBELE_INSCHRIJVING',
      '01AA:UITSCHRIJVING_VORIGE_SCHOOL',
      '02AA:INSCHRIJVING_NIEUWE_SCHOOL',
    ]);
  });

  it('an unknown inschrijvingId is 404; a malformed one 400', async () => {
    expectProblem(await t.http().get('/rod/v1/inschrijvingen/7b3f0a52-2d1e-4c8a-9a51-0c6c1f7e2b11').set(bearer(r.alfa)), 404, 'not_found');
    expectInvalid(await t.http().get('/rod/v1/inschrijvingen/abc').set(bearer(r.alfa)), [{ parameter: 'inschrijvingId' }]);
  });
});

function codesOf(school: typeof SCHOOL_BETA) {
  const { vestigingscode, onderwijsaanbiedercode, onderwijslocatiecode } = school;
  return { vestigingscode, onderwijsaanbiedercode, onderwijslocatiecode };
}
