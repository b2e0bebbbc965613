import { bearer } from '../support/auth';
import { expectInvalid, expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';
import { aanbiederBody, andereSandbox, expectJson, foutcodes, opleidingBody, rioSetup, RioTest } from './rio-support';

/** Board-side writes (scope rio.beheren, for the client's own besturen): aanbieders, locaties, locatiegebruik, aangeboden opleidingen. */
describe('RIO onderwijskundig (board side)', () => {
  let t: TestApp;
  let r: RioTest;
  const AO = '6f1c1f7e-2a7e-4b55-9a51-0d9f0c6b2a10';

  beforeAll(async () => {
    t = await createTestApp();
    r = await rioSetup(t);
  });
  afterAll(() => t.close());

  it('registers an onderwijsbestuur-owned aanbieder with a code from RIO, replaces and deletes it', async () => {
    const created = await t.http().post('/rio/v1/onderwijsaanbieders').set(bearer(r.alfa)).send(aanbiederBody());
    expectJson(created, 201);
    const [{ laatste }] = await t.db.query(`SELECT laatste FROM rio_code_teller t JOIN sandbox s ON s.id = t.sandbox_id WHERE s.code = 'default' AND soort = 'A'`);
    const code = `${100 + Math.floor(laatste / 1000)}A${String(laatste % 1000).padStart(3, '0')}`;
    expect(created.body).toEqual(expect.objectContaining({ code, juridischeRelaties: [{ instellingscode: '01AB', begindatum: '2025-08-01', einddatum: null }], geldigePeriode: expect.objectContaining({ naam: 'IKC De Nieuwe Kompas' }) }));
    const put = await t.http().put(`/rio/v1/onderwijsaanbieders/${code}`).set(bearer(r.alfa)).send(aanbiederBody({ periodes: [{ begindatum: '2025-08-01', naam: 'IKC Het Nieuwe Kompas' }], eigenSleutel: 'ikc-1' }));
    expectJson(put, 200);
    expect(put.body.eigenSleutel).toBe('ikc-1');
    expect((await t.http().get(`/rio/v1/onderwijsaanbieders/${code}`).set(bearer(r.beta))).body.geldigePeriode.naam).toBe('IKC Het Nieuwe Kompas');
    expect((await t.http().delete(`/rio/v1/onderwijsaanbieders/${code}`).set(bearer(r.alfa))).status).toBe(204);
    const feed = await t.http().get('/rio/v1/onderwijsaanbieders/_wijzigingen?sinds=2025-09-01T10:00:00Z').set(bearer(r.beta));
    expect(feed.body.items.map((w: { code: string; soortWijziging: string }) => `${w.code} ${w.soortWijziging}`)).toEqual([`${code} TOEGEVOEGD`, `${code} GEWIJZIGD`, `${code} VERWIJDERD`]);
  });

  it("refuses a bestuur's client writing another bestuur's objects (403 AUT401)", async () => {
    const checks = [
      await t.http().post('/rio/v1/onderwijsaanbieders').set(bearer(r.beta)).send(aanbiederBody()),
      await t.http().put('/rio/v1/onderwijsaanbieders/100A001').set(bearer(r.beta)).send(aanbiederBody({ besturen: [{ onderwijsbestuurcode: '100B002', begindatum: '2025-08-01' }] })),
      await t.http().delete('/rio/v1/onderwijsaanbieders/100A001').set(bearer(r.beta)),
      await t.http().put('/rio/v1/onderwijsbesturen/100B001/onderwijslocatiegebruiken/100X001').set(bearer(r.beta)).send({ inBedrijfdatum: '1996-08-01', periodes: [{ begindatum: '1996-08-01' }], relaties: [] }),
      await t.http().delete('/rio/v1/onderwijsbesturen/100B001/onderwijslocatiegebruiken/100X001').set(bearer(r.beta)),
      await t.http().put(`/rio/v1/aangeboden-opleidingen/${AO}`).set(bearer(r.beta)).send(opleidingBody()),
    ];
    for (const res of checks) {
      const body = expectProblem(res, 403, 'forbidden');
      expect(body.foutmeldingen).toEqual([expect.objectContaining({ foutcode: 'AUT401' })]);
    }
    const seeded = (await t.http().get('/rio/v1/aangeboden-opleidingen?onderwijsaanbiedercode=100A001').set(bearer(r.alfa))).body.items[0].code;
    expectProblem(await t.http().delete(`/rio/v1/aangeboden-opleidingen/${seeded}`).set(bearer(r.beta)), 403, 'forbidden');
    // a BRIN4 of another bestuur inside one's own aanbieder
    const vreemd = await t.http().post('/rio/v1/onderwijsaanbieders').set(bearer(r.alfa)).send(aanbiederBody({ juridischeRelaties: [{ instellingscode: '02AA', begindatum: '2025-08-01' }] }));
    expect(expectProblem(vreemd, 403, 'forbidden').foutmeldingen).toEqual([expect.objectContaining({ foutcode: 'AUT401', sleutelgegeven: [{ sleutelnaam: 'instellingscode', sleutelwaarde: '02AA' }] })]);
  });

  it('answers 401 without a token and 404 for unknown objects on every write', async () => {
    expectProblem(await t.http().post('/rio/v1/onderwijsaanbieders').send(aanbiederBody()), 401, 'unauthorized');
    expectProblem(await t.http().post('/rio/v1/onderwijslocaties').send({ postcode: '3581AB', huisnummer: 12 }), 401, 'unauthorized');
    expectProblem(await t.http().put(`/rio/v1/aangeboden-opleidingen/${AO}`).send(opleidingBody()), 401, 'unauthorized');
    expectProblem(await t.http().delete('/rio/v1/onderwijsbesturen/100B001/onderwijslocatiegebruiken/100X001'), 401, 'unauthorized');
    expectProblem(await t.http().put('/rio/v1/onderwijsaanbieders/999A999').set(bearer(r.alfa)).send(aanbiederBody()), 404, 'not_found');
    expectProblem(await t.http().delete('/rio/v1/onderwijsaanbieders/999A999').set(bearer(r.alfa)), 404, 'not_found');
    expectProblem(await t.http().delete('/rio/v1/onderwijslocaties/999X999').set(bearer(r.alfa)), 404, 'not_found');
    expectProblem(await t.http().put('/rio/v1/onderwijsbesturen/999B999/onderwijslocatiegebruiken/100X001').set(bearer(r.alfa)).send({ inBedrijfdatum: '2025-08-01', periodes: [{ begindatum: '2025-08-01' }], relaties: [] }), 404, 'not_found');
    expectProblem(await t.http().put('/rio/v1/onderwijsbesturen/100B001/onderwijslocatiegebruiken/999X999').set(bearer(r.alfa)).send({ inBedrijfdatum: '2025-08-01', periodes: [{ begindatum: '2025-08-01' }], relaties: [] }), 404, 'not_found');
    expectProblem(await t.http().delete('/rio/v1/onderwijsbesturen/100B001/onderwijslocatiegebruiken/100X004').set(bearer(r.alfa)), 404, 'not_found');
    expectProblem(await t.http().delete(`/rio/v1/aangeboden-opleidingen/${AO}`).set(bearer(r.alfa)), 404, 'not_found');
    expectProblem(await t.http().delete('/rio/v1/onderwijsaanbieders/100A001').set(bearer(r.alfa)), 409, 'rio_object_in_gebruik');
    expectProblem(await t.http().delete('/rio/v1/onderwijslocaties/100X001').set(bearer(r.alfa)), 409, 'rio_object_in_gebruik');
  });

  it('rejects an aanbieder with every problem at once', async () => {
    const res = await t.http().post('/rio/v1/onderwijsaanbieders').set(bearer(r.admin)).send({
      inBedrijfdatum: '2025-08-01',
      periodes: [{ begindatum: '2025-09-01', naam: 'X' }],
      juridischeRelaties: [{ instellingscode: '99ZZ', begindatum: '2025-08-01' }, { instellingscode: '01AB', begindatum: '2024-08-01' }, { instellingscode: '01AB', begindatum: '2025-08-01' }],
      besturen: [{ onderwijsbestuurcode: '999B999', begindatum: '2025-08-01' }],
    });
    expect(foutcodes(expectInvalid(res, [{ pointer: '/periodes/0', code: 'N05060' }, { pointer: '/juridischeRelaties/0/instellingscode', code: 'A01030' }, { pointer: '/juridischeRelaties/1', code: 'J06410' }, { pointer: '/juridischeRelaties/2', code: 'J06020' }, { pointer: '/besturen/0/onderwijsbestuurcode', code: 'A01110' }]))).toEqual(['A01030', 'A01110', 'J06020', 'J06410', 'N05060']);
    expectInvalid(await t.http().post('/rio/v1/onderwijsaanbieders').set(bearer(r.alfa)).send({ periodes: [{}], juridischeRelaties: [], besturen: [{ onderwijsbestuurcode: 'B1' }] }), [
      { pointer: '/inBedrijfdatum' },
      { pointer: '/periodes/0/naam' },
      { pointer: '/juridischeRelaties' },
      { pointer: '/besturen/0/onderwijsbestuurcode' },
      { pointer: '/periodes/0/begindatum', code: 'required' },
      { pointer: '/besturen/0/begindatum', code: 'required' },
    ]);
  });

  it('resolves a locatie through BAG (201 new, 200 existing), refuses an unknown address, and deletes an unused one', async () => {
    const nieuw = await t.http().post('/rio/v1/onderwijslocaties').set(bearer(r.alfa)).send({ postcode: '3581 ab', huisnummer: 12 });
    expectJson(nieuw, 201);
    expect(nieuw.body).toEqual(expect.objectContaining({ code: expect.stringMatching(/^\d{3}X\d{3}$/), postcode: '3581AB', huisnummer: 12, straatnaam: 'Nieuwbouwlaan', plaatsnaam: 'Utrecht' }));
    const weer = await t.http().post('/rio/v1/onderwijslocaties').set(bearer(r.beta)).send({ postcode: '3581AB', huisnummer: 12 });
    expectJson(weer, 200);
    expect(weer.body.code).toBe(nieuw.body.code);
    const bestaand = await t.http().post('/rio/v1/onderwijslocaties').set(bearer(r.beta)).send({ postcode: '3581AA', huisnummer: 1 });
    expect(bestaand.body.code).toBe('100X001');
    const onbekend = await t.http().post('/rio/v1/onderwijslocaties').set(bearer(r.alfa)).send({ postcode: '1011AB', huisnummer: 99999 });
    expect(foutcodes(expectInvalid(onbekend, [{ code: 'A01010' }]))).toEqual(['A01010']);
    expectInvalid(await t.http().post('/rio/v1/onderwijslocaties').set(bearer(r.alfa)).send({ postcode: 'x', huisnummer: 0, huisnummertoevoeging: 'ABCDEFG' }), [{ pointer: '/postcode' }, { pointer: '/huisnummer' }, { pointer: '/huisnummertoevoeging' }]);
    expect((await t.http().delete(`/rio/v1/onderwijslocaties/${nieuw.body.code}`).set(bearer(r.alfa))).status).toBe(204);
    const feed = await t.http().get('/rio/v1/onderwijslocaties/_wijzigingen?sinds=2025-09-01T00:00:00Z').set(bearer(r.alfa));
    expect(feed.body.items.map((w: { soortWijziging: string }) => w.soortWijziging)).toEqual(['TOEGEVOEGD', 'VERWIJDERD']);
  });

  it('puts, replaces and deletes a locatiegebruik linked to a BRIN6 of the bestuur, and rejects a bad one with every problem', async () => {
    const loc = await t.http().post('/rio/v1/onderwijslocaties').set(bearer(r.alfa)).send({ postcode: '3581AB', huisnummer: 10 });
    const url = `/rio/v1/onderwijsbesturen/100B001/onderwijslocatiegebruiken/${loc.body.code}`;
    const body = { inBedrijfdatum: '2025-08-01', periodes: [{ begindatum: '2025-08-01', naam: 'Nieuwbouw' }], relaties: [{ vestigingscode: '01AB00', begindatum: '2025-08-01' }] };
    expectJson(await t.http().put(url).set(bearer(r.alfa)).send(body), 201);
    const replaced = await t.http().put(url).set(bearer(r.alfa)).send({ ...body, eigenSleutel: 'gebouw-2' });
    expectJson(replaced, 200);
    expect(replaced.body).toEqual(expect.objectContaining({ onderwijsbestuurcode: '100B001', onderwijslocatiecode: loc.body.code, eigenSleutel: 'gebouw-2', relaties: [{ vestigingscode: '01AB00', begindatum: '2025-08-01', einddatum: null }] }));
    expect((await t.http().get(`/rio/v1/onderwijslocatiegebruiken?vestigingscode=01AB00`).set(bearer(r.beta))).body.page.totalElements).toBe(2);
    const bad = await t.http().put(url).set(bearer(r.alfa)).send({
      inBedrijfdatum: '2025-08-01',
      periodes: [{ begindatum: '2025-08-01', einddatum: '2025-09-01' }, { begindatum: '2025-10-01' }],
      relaties: [{ vestigingscode: '99ZZ00', begindatum: '2025-08-01' }, { vestigingscode: '02AA00', begindatum: '2025-08-01' }],
    });
    expect(foutcodes(expectInvalid(bad, [{ pointer: '/periodes/1', code: 'N02040' }, { pointer: '/relaties/0/vestigingscode', code: 'A01040' }, { pointer: '/relaties/1/vestigingscode', code: 'AUT401' }]))).toEqual(['A01040', 'AUT401', 'N02040']);
    expect((await t.http().delete(url).set(bearer(r.alfa))).status).toBe(204);
    expectProblem(await t.http().get(url).set(bearer(r.alfa)), 404, 'not_found');
  });

  it('registers an aangeboden opleiding with onderwijsconcept DALTON, replaces and deletes it', async () => {
    const created = await t.http().put(`/rio/v1/aangeboden-opleidingen/${AO}`).set(bearer(r.alfa)).send(opleidingBody());
    expectJson(created, 201);
    expect(created.body).toEqual(expect.objectContaining({ code: AO, onderwijsaanbiedercode: '100A002', soort: 'BO', geldigePeriode: null }));
    const opDatum = await t.http().get('/rio/v1/onderwijsaanbieders/100A002/aangeboden-opleidingen?datumGeldigOp=2026-08-01').set(bearer(r.beta));
    expect(opDatum.body.items.map((o: { geldigePeriode: { onderwijsconcept: string | null } }) => o.geldigePeriode.onderwijsconcept).sort()).toEqual(['DALTON', null]);
    expect((await t.http().get(`/rio/v1/aangeboden-opleidingen/${AO}?datumGeldigOp=2026-07-31`).set(bearer(r.alfa))).status).toBe(404);
    const replaced = await t.http().put(`/rio/v1/aangeboden-opleidingen/${AO.toUpperCase()}`).set(bearer(r.alfa)).send(opleidingBody({ eersteInstroomdatum: '2026-08-01', periodes: [{ begindatum: '2026-08-01', eigenNaam: 'Dalton Het Kompas', onderwijsconcept: 'DALTON', bijzondereInrichting: 'UNESCO' }] }));
    expectJson(replaced, 200);
    expect(replaced.body.periodes).toEqual([expect.objectContaining({ eigenNaam: 'Dalton Het Kompas', bijzondereInrichting: 'UNESCO' })]);
    expect((await t.http().delete(`/rio/v1/aangeboden-opleidingen/${AO}`).set(bearer(r.alfa))).status).toBe(204);
    const feed = await t.http().get('/rio/v1/aangeboden-opleidingen/_wijzigingen?sinds=2025-09-01T00:00:00Z').set(bearer(r.beta));
    expect(feed.body.items.map((w: { code: string; soortWijziging: string }) => `${w.code} ${w.soortWijziging}`)).toEqual([`${AO} TOEGEVOEGD`, `${AO} GEWIJZIGD`, `${AO} VERWIJDERD`]);
  });

  it('rejects an aangeboden opleiding with every problem at once: code lists, dates, locatie, opleidingseenheid', async () => {
    const res = await t.http().put(`/rio/v1/aangeboden-opleidingen/${AO}`).set(bearer(r.alfa)).send(
      opleidingBody({
        onderwijslocatiecode: '100X004',
        opleidingseenheidcode: '1002O0001',
        doelgroepen: ['BO', 'GEEN'],
        einddatum: '2026-01-01',
        periodes: [
          { begindatum: '2026-08-01', einddatum: '2026-09-01', eigenNaam: 'A', onderwijsconcept: 'AGORA' },
          { begindatum: '2026-10-01', eigenNaam: 'B', onderwijsconcept: 'WALDORF', doorlopendeLeerlijn: 'TIENERSCHOOL' },
        ],
      }),
    );
    const body = expectInvalid(res, [
      { pointer: '/einddatum', code: 'N09010' },
      { pointer: '/onderwijslocatiecode', code: 'A01060' },
      { pointer: '/soort', code: 'K01030' },
      { pointer: '/doelgroepen', code: 'K01010' },
      { pointer: '/doelgroepen/1', code: 'K01050' },
      { pointer: '/periodes/1/onderwijsconcept', code: 'K01050' },
      { pointer: '/einddatum', code: 'N10010' },
      { pointer: '/periodes/0', code: 'N10020' },
      { pointer: '/periodes/1', code: 'N10020' },
      { pointer: '/periodes/1', code: 'N10040' },
    ]);
    expect(foutcodes(body)).toEqual(expect.arrayContaining(['A01060', 'K01010', 'K01030', 'K01050', 'N09010', 'N10040']));
    // a value before its vanaf date: AGORA exists from 2014-08-01 (K01051)
    const vroeg = await t.http().put(`/rio/v1/aangeboden-opleidingen/${AO}`).set(bearer(r.admin)).send(
      opleidingBody({ onderwijsaanbiedercode: '100A001', onderwijslocatiecode: '100X001', begindatum: '2010-08-01', periodes: [{ begindatum: '2010-08-01', eigenNaam: 'A', onderwijsconcept: 'AGORA' }] }),
    );
    expect(foutcodes(expectInvalid(vroeg, [{ pointer: '/periodes/0/onderwijsconcept', code: 'K01051' }]))).toEqual(['K01051']);
    const onbekend = await t.http().put(`/rio/v1/aangeboden-opleidingen/${AO}`).set(bearer(r.admin)).send(opleidingBody({ onderwijsaanbiedercode: '999A999', opleidingseenheidcode: '9999O9999' }));
    expect(foutcodes(onbekend.body)).toEqual(expect.arrayContaining(['A01050', 'A01070']));
    expectInvalid(await t.http().put(`/rio/v1/aangeboden-opleidingen/${AO}`).set(bearer(r.alfa)).send({ soort: 'MBO', doelgroepen: [], periodes: [] }), [
      { pointer: '/soort' },
      { pointer: '/onderwijsaanbiedercode' },
      { pointer: '/opleidingseenheidcode' },
      { pointer: '/begindatum' },
      { pointer: '/doelgroepen' },
      { pointer: '/periodes' },
    ]);
  });

  it('keeps board writes inside their sandbox', async () => {
    const ander = await andereSandbox(r, 'rio-bestuur-ander');
    // the other sandbox is empty: the aanbieder refers to a bestuur and BRIN4 that do not exist there
    const res = await t.http().post('/rio/v1/onderwijsaanbieders').set(bearer(ander)).send(aanbiederBody());
    expect(foutcodes(expectInvalid(res, [{ code: 'A01110' }, { code: 'A01030' }]))).toEqual(['A01030', 'A01110']);
    const loc = await t.http().post('/rio/v1/onderwijslocaties').set(bearer(ander)).send({ postcode: '3581AB', huisnummer: 10 });
    expect(foutcodes(loc.body)).toEqual(['A01010']);
  });
});
