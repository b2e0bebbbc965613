import { bearer } from '../support/auth';
import { expectInvalid, expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';
import { andereSandbox, expectJson, rioSetup, RioTest, VANDAAG } from './rio-support';

/** Every read of /rio/v1 on the small seed: success, 401, 400, 404, datumGeldigOp at the edges, pages, isolation. */
describe('RIO reads', () => {
  let t: TestApp;
  let r: RioTest;
  const get = (url: string, token = r.beta) => t.http().get(`/rio/v1${url}`).set(bearer(token));

  beforeAll(async () => {
    t = await createTestApp();
    r = await rioSetup(t);
  });
  afterAll(() => t.close());

  const lijsten = [
    '/onderwijsbesturen',
    '/onderwijsinstellingserkenningen',
    '/vestigingserkenningen',
    '/onderwijsaanbieders',
    '/onderwijslocaties',
    '/onderwijslocatiegebruiken',
    '/aangeboden-opleidingen',
    '/onderwijsinstellingserkenningen/01AA/vestigingserkenningen',
    '/onderwijsaanbieders/100A001/aangeboden-opleidingen',
  ];
  const objecten = [
    '/onderwijsbesturen/100B001',
    '/onderwijsinstellingserkenningen/01AA',
    '/vestigingserkenningen/01AA00',
    '/onderwijsaanbieders/100A001',
    '/onderwijslocaties/100X001',
    '/onderwijsbesturen/100B001/onderwijslocatiegebruiken/100X001',
    '/opleidingseenheden',
  ];
  const feeds = ['onderwijsbesturen', 'onderwijsinstellingserkenningen', 'vestigingserkenningen', 'onderwijsaanbieders', 'onderwijslocaties', 'onderwijslocatiegebruiken', 'aangeboden-opleidingen'].map(
    (x) => `/${x}/_wijzigingen?sinds=2025-01-01T00:00:00Z`,
  );

  it('answers every read to any client of the sandbox, and 401 without a token', async () => {
    for (const url of [...lijsten, ...objecten, ...feeds]) {
      const res = await get(url, r.alfa);
      expectJson(res, 200);
      expectProblem(await t.http().get(`/rio/v1${url}`), 401, 'unauthorized');
    }
  });

  it('lists with a page and links, at most 100 per page', async () => {
    const res = await get('/onderwijsbesturen?pageSize=2&page=2');
    expectJson(res, 200);
    expect(res.body.page).toEqual({ number: 2, size: 2, totalElements: 6, totalPages: 3 });
    expect(res.body.items.map((b: { code: string }) => b.code)).toEqual(['100B003', '100B004']);
    expect(res.body._links.next.href).toBe(`/rio/v1/onderwijsbesturen?datumGeldigOp=${VANDAAG}&page=3&pageSize=2`);
    expect(res.body._links.prev.href).toContain('page=1');
    expectInvalid(await get('/onderwijsaanbieders?pageSize=101&page=0&datumGeldigOp=2025-02-30&postcode=12'), [
      { parameter: 'pageSize' },
      { parameter: 'page' },
      { parameter: 'datumGeldigOp' },
      { parameter: 'postcode' },
    ]);
  });

  it('reads a bestuur with its schools, and finds it by naam and bevoegd-gezagnummer', async () => {
    const res = await get('/onderwijsbesturen/100B001');
    expectJson(res, 200);
    expect(res.body).toEqual(
      expect.objectContaining({
        code: '100B001',
        bevoegdGezagNummer: '10001',
        kvkNummer: '41000001',
        rsin: '800000018',
        inBedrijfdatum: '1996-08-01',
        uitBedrijfdatum: null,
        instellingscodes: ['01AA', '01AB', '01AC'],
        geldigePeriode: { begindatum: '1996-08-01', einddatum: null, naam: 'Stichting Openbaar Onderwijs Utrecht-Oost', internationaleNaam: null },
      }),
    );
    expect((await get('/onderwijsbesturen?naam=utrecht-oost')).body.items.map((b: { code: string }) => b.code)).toEqual(['100B001']);
    expect((await get('/onderwijsbesturen?bevoegdGezagNummer=10002')).body.items.map((b: { code: string }) => b.code)).toEqual(['100B002']);
  });

  it('reads BRIN4 and BRIN6 with richting, bekostiging and address, and searches them', async () => {
    const brin4 = await get('/onderwijsinstellingserkenningen/02AB');
    expectJson(brin4, 200);
    expect(brin4.body).toEqual(
      expect.objectContaining({ code: '02AB', onderwijsbestuurcode: '100B002', soort: 'BAS', vrijheidVanOnderwijs: 'BIJZONDER', vestigingscodes: ['02AB00'], geldigePeriode: expect.objectContaining({ richtingen: ['PC', 'RK'], bekostigingscode: 'BEKOSTIGD' }) }),
    );
    expect((await get('/onderwijsinstellingserkenningen?onderwijsbestuurcode=100B002&naam=ontdekking')).body.items.map((i: { code: string }) => i.code)).toEqual(['02AB']);
    const brin6 = await get('/vestigingserkenningen/01AA00');
    expect(brin6.body).toEqual(expect.objectContaining({ code: '01AA00', instellingscode: '01AA', hoofdNevenvestiging: 'HOOFDVESTIGING', adres: expect.objectContaining({ postcode: '3581AA', huisnummer: 1, plaatsnaam: 'Utrecht' }) }));
    expect((await get('/vestigingserkenningen?postcode=3581%20aa')).body.items.map((v: { code: string }) => v.code)).toEqual(['01AA00']);
    expect((await get('/vestigingserkenningen?postcode=3811&plaatsnaam=amersfoort')).body.items.map((v: { code: string }) => v.code)).toEqual(['02AA00']);
    expect((await get('/onderwijsinstellingserkenningen/02AB/vestigingserkenningen?datumGeldigOp=2003-01-01')).body.items.map((v: { code: string }) => v.code)).toEqual(['02AB00', '02AB01']);
  });

  it('finds a school by postcode, plaatsnaam, BRIN4 or bestuur and reads its aanbod on a date', async () => {
    const opPostcode = await get('/onderwijsaanbieders?postcode=3581AA');
    expectJson(opPostcode, 200);
    expect(opPostcode.body.items.map((a: { code: string; geldigePeriode: { naam: string } }) => [a.code, a.geldigePeriode.naam])).toEqual([['100A001', 'OBS De Regenboog']]);
    expect((await get('/onderwijsaanbieders?plaatsnaam=Amersfoort&instellingscode=02AB')).body.items.map((a: { code: string }) => a.code)).toEqual(['100A005']);
    expect((await get('/onderwijsaanbieders?onderwijsbestuurcode=100B001')).body.items.map((a: { code: string }) => a.code)).toEqual(['100A001', '100A002', '100A003']);
    const aanbod = await get('/onderwijsaanbieders/100A005/aangeboden-opleidingen?datumGeldigOp=2005-01-01');
    expect(aanbod.body.items).toHaveLength(2);
    // the nevenvestiging was Montessori from its start; the hoofdvestiging only from 2010-08-01
    expect(aanbod.body.items.map((o: { onderwijslocatiecode: string; geldigePeriode: { onderwijsconcept: string } }) => [o.onderwijslocatiecode, o.geldigePeriode.onderwijsconcept]).sort()).toEqual([
      ['100X005', null],
      ['100X008', 'MONTESSORI'],
    ]);
    const montessori = await get('/aangeboden-opleidingen?onderwijsconcept=MONTESSORI&postcode=3812BB');
    expect(montessori.body.items.map((o: { onderwijsaanbiedercode: string }) => o.onderwijsaanbiedercode)).toEqual(['100A005']);
    const code = montessori.body.items[0].code;
    const eerder = await get(`/aangeboden-opleidingen/${code}?datumGeldigOp=2009-12-31`);
    expect(eerder.body.geldigePeriode.onderwijsconcept).toBeNull();
    expect((await get(`/aangeboden-opleidingen/${code}?datumGeldigOp=2010-08-01`)).body.geldigePeriode.onderwijsconcept).toBe('MONTESSORI');
  });

  it('takes datumGeldigOp on every read, also of an onderwijslocatie and the opleidingseenheden', async () => {
    // an onderwijslocatie is an address without a lifetime: the same on every date
    const locatie = await get('/onderwijslocaties/100X001?datumGeldigOp=1990-01-01');
    expectJson(locatie, 200);
    expect(locatie.body.code).toBe('100X001');
    // opleidingseenheden: those begun on the date (speciaal basisonderwijs from 1998-08-01)
    const eenheden = await get('/opleidingseenheden?datumGeldigOp=1998-07-31');
    expectJson(eenheden, 200);
    expect(eenheden.body.map((e: { code: string }) => e.code)).not.toContain('1001O0003');
    expect((await get('/opleidingseenheden?datumGeldigOp=1998-08-01')).body.map((e: { code: string }) => e.code)).toContain('1001O0003');
    expect((await get('/opleidingseenheden')).body).toHaveLength((await get('/opleidingseenheden?datumGeldigOp=2025-09-01')).body.length);
    expectInvalid(await get('/onderwijslocaties/100X001?datumGeldigOp=2025-13-01'), [{ parameter: 'datumGeldigOp', code: 'is_datum' }]);
    expectInvalid(await get('/opleidingseenheden?datumGeldigOp=gisteren'), [{ parameter: 'datumGeldigOp', code: 'is_datum' }]);
  });

  it('refuses an onderwijsconcept filter outside the waardenlijst (a typo is never an empty answer)', async () => {
    expectInvalid(await get('/aangeboden-opleidingen?onderwijsconcept=MONTESORI'), [{ parameter: 'onderwijsconcept', code: 'is_in' }]);
    expectInvalid(await get('/aangeboden-opleidingen?onderwijsconcept=montessori&postcode=38'), [
      { parameter: 'onderwijsconcept', code: 'is_in' },
      { parameter: 'postcode' },
    ]);
    // a value of the list that is not valid on the date is no error: nothing carries it then
    expect((await get('/aangeboden-opleidingen?onderwijsconcept=AGORA&datumGeldigOp=2010-01-01')).body.items).toEqual([]);
  });

  it('applies datumGeldigOp at the edges: begindatum inclusive, einddatum exclusive; 404 outside', async () => {
    expect((await get('/onderwijsaanbieders/100A001?datumGeldigOp=2020-07-31')).body.geldigePeriode.naam).toBe('Openbare Basisschool Regenboog');
    expect((await get('/onderwijsaanbieders/100A001?datumGeldigOp=2020-08-01')).body.geldigePeriode.naam).toBe('OBS De Regenboog');
    expectJson(await get('/vestigingserkenningen/02AB01?datumGeldigOp=2005-07-31'), 200);
    const na = await get('/vestigingserkenningen/02AB01?datumGeldigOp=2005-08-01');
    expect(expectProblem(na, 404, 'not_found').detail).toBe('Vestigingserkenning 02AB01 is not valid on 2005-08-01.');
    expectProblem(await get('/vestigingserkenningen/02AB01'), 404, 'not_found');
    expectProblem(await get('/onderwijsaanbieders/100A001?datumGeldigOp=1996-07-31'), 404, 'not_found');
    expectJson(await get('/onderwijsaanbieders/100A001?datumGeldigOp=1996-08-01'), 200);
    expect((await get('/onderwijslocatiegebruiken?vestigingscode=02AB01&datumGeldigOp=2005-08-01')).body.items).toEqual([]);
    expect((await get('/onderwijslocatiegebruiken?vestigingscode=02AB01&datumGeldigOp=2005-07-31')).body.items.map((g: { onderwijslocatiecode: string }) => g.onderwijslocatiecode)).toEqual(['100X008']);
  });

  it('gives 404 for codes that do not exist and 400 for malformed codes', async () => {
    for (const url of ['/onderwijsbesturen/999B999', '/onderwijsinstellingserkenningen/99ZZ', '/onderwijsinstellingserkenningen/99ZZ/vestigingserkenningen', '/vestigingserkenningen/99ZZ00', '/onderwijsaanbieders/999A999', '/onderwijsaanbieders/999A999/aangeboden-opleidingen', '/onderwijslocaties/999X999', '/onderwijsbesturen/100B001/onderwijslocatiegebruiken/100X004', '/aangeboden-opleidingen/6f1c1f7e-2a7e-4b55-9a51-0d9f0c6b2a10']) {
      expectProblem(await get(url), 404, 'not_found');
    }
    expectInvalid(await get('/onderwijsbesturen/100X001'), [{ parameter: 'onderwijsbestuurcode' }]);
    expectInvalid(await get('/vestigingserkenningen/01AA0'), [{ parameter: 'vestigingscode' }]);
    expectInvalid(await get('/aangeboden-opleidingen/geen-uuid'), [{ parameter: 'aangebodenOpleidingCode' }]);
    expectInvalid(await get('/onderwijsaanbieders/_wijzigingen'), [{ parameter: 'sinds' }]);
  });

  it('reads locaties by postcode area and plaatsnaam, and locatiegebruik with its BRIN6 relatie', async () => {
    const loc = await get('/onderwijslocaties?postcode=3581');
    expectJson(loc, 200);
    expect(loc.body.items.map((l: { code: string }) => l.code)).toEqual(['100X001']);
    expect((await get('/onderwijslocaties/100X001')).body).toEqual(expect.objectContaining({ code: '100X001', postcode: '3581AA', huisnummer: 1, straatnaam: 'Regenbooglaan', plaatsnaam: 'Utrecht' }));
    const g = await get('/onderwijsbesturen/100B001/onderwijslocatiegebruiken/100X001');
    expect(g.body.relaties).toEqual([{ vestigingscode: '01AA00', begindatum: '1996-08-01', einddatum: null }]);
    expect((await get('/onderwijslocatiegebruiken?onderwijsbestuurcode=100B002')).body.page.totalElements).toBe(4);
  });

  it('shows nothing of one sandbox in another', async () => {
    const ander = await andereSandbox(r, 'rio-lezen-leeg');
    expect((await get('/onderwijsbesturen', ander)).body.items).toEqual([]);
    expectProblem(await get('/onderwijsaanbieders/100A001', ander), 404, 'not_found');
    expectProblem(await get('/onderwijslocaties/100X001', ander), 404, 'not_found');
  });
});
