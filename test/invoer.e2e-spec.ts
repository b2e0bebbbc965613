import { bearer } from './support/auth';
import { expectInvalid, expectProblem } from './support/problems';
import { createTestApp, TestApp } from './support/test-app';
import { inschrijving, nieuweLeerling, RodTest, rodSetup } from './rod/rod-support';

/** Bad input is never a 5xx and never quietly reinterpreted: a 400 problem listing every problem at once. */
describe('bad input', () => {
  let t: TestApp;
  let r: RodTest;
  beforeAll(async () => {
    t = await createTestApp();
    r = await rodSetup(t);
  });
  afterAll(() => t.close());

  const ins = (body: unknown) => t.http().post('/rod/v1/inschrijvingen').set(bearer(r.alfa)).send(body as object);
  const count = async (table: string) => Number((await t.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);

  it('an inschrijving or verwijdering without bedrijfsdocument, or with an array there, is a 400 naming /bedrijfsdocument; nothing stored', async () => {
    const bsn = await nieuweLeerling(r);
    const { bedrijfsdocument: _, ...zonder } = inschrijving(bsn);
    const before = await count('rod_inschrijving');
    expectInvalid(await ins(zonder), [{ pointer: '/bedrijfsdocument', code: 'required' }]);
    expectInvalid(await ins({ ...zonder, bedrijfsdocument: [] }), [{ pointer: '/bedrijfsdocument', code: 'wrong_type' }]);
    expectInvalid(await ins({}), [
      { pointer: '/bedrijfsdocument', code: 'required' },
      { pointer: '/instellingscode' },
      { pointer: '/persoonsgebondenNummer', code: 'required' },
      { pointer: '/inschrijvingvolgnummer', code: 'required' },
      { pointer: '/datumInschrijving', code: 'required' },
      { pointer: '/inschrijvingPeriodeBO', code: 'required' },
    ]);
    const verw = await t.http().post('/rod/v1/verwijderingen').set(bearer(r.alfa)).send({});
    expectInvalid(verw, [
      { pointer: '/bedrijfsdocument', code: 'required' },
      { pointer: '/instellingscode', code: 'required' },
      { pointer: '/persoonsgebondenNummer', code: 'required' },
      { pointer: '/inschrijvingvolgnummer', code: 'required' },
    ]);
    expectInvalid(await t.http().post('/rod/v1/verwijderingen').set(bearer(r.alfa)).send({ bedrijfsdocument: 'x' }), [
      { pointer: '/bedrijfsdocument', code: 'wrong_type' },
      { pointer: '/instellingscode', code: 'required' },
      { pointer: '/persoonsgebondenNummer', code: 'required' },
      { pointer: '/inschrijvingvolgnummer', code: 'required' },
    ]);
    expect(await count('rod_inschrijving')).toBe(before);
  });

  it('wrong JSON types are refused, never converted: seedValue true, huisnummer true, an array for an object', async () => {
    const sb = await t.http().post('/beheer/v1/sandboxes').set(bearer(r.admin)).send({ code: 'typen', seed: 'empty', seedValue: true });
    expectInvalid(sb, [{ pointer: '/seedValue', code: 'wrong_type' }]);
    expectProblem(await t.http().get('/beheer/v1/sandboxes/typen').set(bearer(r.admin)), 404, 'sandbox_not_found');
    const brin6 = { hoofdNevenvestiging: 'HOOFDVESTIGING', soort: 'VST', inBedrijfdatum: '2025-08-01', adres: { postcode: '3581AB', huisnummer: true }, periodes: [{ begindatum: '2025-08-01', naam: 'OBS Typen', bekostigingscode: 'BEKOSTIGD' }] };
    expectInvalid(await t.http().put('/rio/v1/vestigingserkenningen/09ZY00').set(bearer(r.admin)).send(brin6), [{ pointer: '/adres/huisnummer', code: 'wrong_type' }]);
    expectInvalid(await t.http().put('/rio/v1/vestigingserkenningen/09ZY00').set(bearer(r.admin)).send({ ...brin6, adres: [{ postcode: '3581AB', huisnummer: 1 }] }), [{ pointer: '/adres', code: 'wrong_type' }]);
    const bsn = await nieuweLeerling(r);
    expectInvalid(await ins(inschrijving(bsn, { persoonsgebondenNummer: [{ burgerservicenummer: bsn }] })), [{ pointer: '/persoonsgebondenNummer', code: 'wrong_type' }]);
    expectInvalid(await ins(inschrijving(bsn, { inschrijvingvolgnummer: 1 })), [{ pointer: '/inschrijvingvolgnummer', code: 'wrong_type' }]);
  });

  it('RIO PUT vestigingserkenning without adres: a 400 listing the bad path code and every body problem together', async () => {
    const res = await t.http().put('/rio/v1/vestigingserkenningen/nope').set(bearer(r.admin)).send({ hoofdNevenvestiging: 'HOOFDVESTIGING', soort: 'VST', inBedrijfdatum: '2025-08-01', periodes: [] });
    expectInvalid(res, [{ parameter: 'vestigingscode' }, { pointer: '/adres', code: 'required' }, { pointer: '/periodes' }]);
    expectInvalid(await t.http().put('/rio/v1/vestigingserkenningen/09ZY00').set(bearer(r.admin)).send({}), [
      { pointer: '/adres', code: 'required' },
      { pointer: '/hoofdNevenvestiging', code: 'required' },
      { pointer: '/soort', code: 'required' },
      { pointer: '/inBedrijfdatum', code: 'required' },
      { pointer: '/periodes', code: 'required' },
    ]);
  });

  it('null in a field that does not document null is refused (never "everything")', async () => {
    expectInvalid(await t.http().post('/rod/v1/inschrijvingen/_zoek').set(bearer(r.alfa)).send({ persoonsgebondenNummer: null }), [{ pointer: '/persoonsgebondenNummer', code: 'not_nullable' }]);
    expectInvalid(await t.http().post('/beheer/v1/clients').set(bearer(r.admin)).send({ clientId: null, naam: null, role: 'LEVERANCIER', oin: '00000003555555550000' }), [
      { pointer: '/clientId', code: 'not_nullable' },
      { pointer: '/naam', code: 'not_nullable' },
    ]);
    expectInvalid(await t.http().patch('/beheer/v1/clients/las-alfa').set(bearer(r.admin)).send({ naam: null, scopes: null }), [
      { pointer: '/naam', code: 'not_nullable' },
      { pointer: '/scopes', code: 'not_nullable' },
    ]);
    const client = await t.http().get('/beheer/v1/clients/las-alfa').set(bearer(r.admin));
    expect(client.body.naam).toEqual(expect.any(String));
  });

  it('page numbers beyond the integer range are a 400', async () => {
    for (const page of ['99999999999999999999', '2147483648']) {
      expectInvalid(await t.http().get(`/rio/v1/onderwijslocaties?page=${page}`).set(bearer(r.alfa)), [{ parameter: 'page', code: 'max' }]);
    }
    expectInvalid(await t.http().get('/rio/v1/onderwijslocaties?page=1e400').set(bearer(r.alfa)), [
      { parameter: 'page', code: 'max' },
      { parameter: 'page', code: 'is_int' },
    ]);
  });

  it('NUL characters in a body string, a query parameter or the path are a 400 naming where', async () => {
    expectInvalid(await t.http().post('/beheer/v1/clients').set(bearer(r.admin)).send({ naam: 'a\u0000b', role: 'LEVERANCIER', oin: '00000003555555550000' }), [{ pointer: '/naam', code: 'nul_character' }]);
    expectInvalid(await t.http().get('/rio/v1/onderwijslocaties?datumGeldigOp=2025%00').set(bearer(r.alfa)), [{ parameter: 'datumGeldigOp', code: 'nul_character' }]);
    expectInvalid(await t.http().get('/rio/v1/onderwijslocaties/100X%0001').set(bearer(r.alfa)), [{ parameter: 'path', code: 'nul_character' }]);
  });

  it('JSON nested 20,000 deep is a 400', async () => {
    const deep = '{"a":'.repeat(20000) + '1' + '}'.repeat(20000);
    const res = await t.http().post('/rod/v1/inschrijvingen').set(bearer(r.alfa)).set('Content-Type', 'application/json').send(deep);
    expectInvalid(res, [{ pointer: '', code: 'too_deeply_nested' }]);
    const arrays = await t.http().post('/beheer/v1/clients').set(bearer(r.admin)).set('Content-Type', 'application/json').send(`{"naam":${'['.repeat(20000)}${']'.repeat(20000)}}`);
    expectInvalid(arrays, [{ code: 'too_deeply_nested' }]);
  });

  it('impossible dates (month 13, year 0000) are a 400 in every date parameter and field', async () => {
    for (const datum of ['2026-13-01', '0000-01-01', '2025-02-29']) {
      expectInvalid(await t.http().get(`/rio/v1/onderwijslocaties?datumGeldigOp=${datum}`).set(bearer(r.alfa)), [{ parameter: 'datumGeldigOp' }]);
      expectInvalid(await t.http().get(`/rio/v1/onderwijslocaties/_wijzigingen?sinds=${datum}T00:00:00Z`).set(bearer(r.alfa)), [{ parameter: 'sinds' }]);
      expectInvalid(await t.http().get(`/rod/v1/instellingen/01AA/registratieoverzicht?teldatum=${datum}`).set(bearer(r.alfa)), [{ parameter: 'teldatum' }]);
      const bsn = await nieuweLeerling(r);
      expectInvalid(await ins(inschrijving(bsn, { datumInschrijving: datum })), [{ pointer: '/datumInschrijving' }]);
    }
    expectInvalid(await t.http().post('/rod/v1/personen').set(bearer(r.admin)).send({ geboortedatum: '0000-00-00', geslacht: 'V', achternaam: 'Nul' }), [{ pointer: '/geboortedatum' }]);
  });

  it('a sandbox clock outside 1970..2199 is refused and the clock stays where it was', async () => {
    const before = (await t.http().get('/beheer/v1/sandboxes/default/klok').set(bearer(r.admin))).body;
    for (const now of ['1800-01-01T00:00:00Z', '1899-12-31T23:00:00Z', '2200-01-01T00:00:00Z', '0000-01-01T00:00:00Z', '2026-02-30T00:00:00Z']) {
      expectInvalid(await t.http().put('/beheer/v1/sandboxes/default/klok').set(bearer(r.admin)).send({ mode: 'FROZEN', now }), [{ pointer: '/now' }]);
    }
    const after = await t.http().get('/beheer/v1/sandboxes/default/klok').set(bearer(r.admin));
    expect(after.status).toBe(200);
    expect(after.body.now).toBe(before.now);
  });

  it('a path parameter over the router limit is a problem+json, never a bare body', async () => {
    const res = await t.http().get('/rio/v1/onderwijslocaties/' + 'x'.repeat(600)).set(bearer(r.alfa));
    expectProblem(res, 414, 'uri_too_long');
    expectInvalid(await t.http().get('/rio/v1/onderwijslocaties/' + 'x'.repeat(200)).set(bearer(r.alfa)), [{ parameter: 'onderwijslocatiecode' }]);
    expectProblem(await t.http().get('/rio/v1/onderwijslocaties/%zz').set(bearer(r.alfa)), 400, 'bad_url');
  });

  it('an unknown HTTP method is 405 with Allow', async () => {
    // QUERY (draft-ietf-httpbis-safe-method-w-body) is a method Node parses but no route of ours has.
    const agent = t.http() as unknown as Record<'query', (url: string) => ReturnType<TestApp['http']>['get'] extends (u: string) => infer R ? R : never>;
    const res = await agent.query('/rio/v1/onderwijslocaties').set(bearer(r.alfa));
    expectProblem(res, 405, 'method_not_allowed');
    expect(res.headers.allow).toBe('GET, POST');
  });
});

describe('the token endpoint under every register base path', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers a token at /oauth/token and at <basePath>/oauth/token of every register, as each document says', async () => {
    const { REGISTER_APIS } = await import('../src/registers');
    for (const base of ['', ...REGISTER_APIS.map((r) => r.info.basePath)]) {
      const res = await t.http().post(`${base}/oauth/token`).type('form').send({ grant_type: 'client_credentials', client_id: 'las-alfa', client_secret: 'las-alfa-geheim' });
      expect({ base, status: res.status }).toEqual({ base, status: 200 });
      expect(res.body).toEqual(expect.objectContaining({ token_type: 'Bearer', access_token: expect.any(String), expires_in: expect.any(Number) }));
    }
    for (const r of REGISTER_APIS) {
      const doc = await t.http().get(`${r.info.basePath}/openapi.json`);
      expect(doc.body.paths['/oauth/token'].post.requestBody.content['application/x-www-form-urlencoded']).toBeDefined();
    }
  });
});
