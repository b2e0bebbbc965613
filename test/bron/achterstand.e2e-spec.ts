import { nieuweLeerling, schrijfIn } from '../bekostiging/bekostiging-support';
import { bearer, tokenFor } from '../support/auth';
import { expectInvalid, expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';
import { bestand, leerling } from './bron-support';

describe('bron: the freeze backlog of a school, LAS against ROD', () => {
  let t: TestApp;
  let admin: string;
  let alfa: string;
  let beta: string;
  let rod: any[];
  const bsns: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    [admin, alfa, beta] = [await tokenFor(t, 'demo-beheer'), await tokenFor(t, 'las-alfa'), await tokenFor(t, 'las-beta')];
    expect((await t.http().put('/beheer/v1/sandboxes/default/klok').set(bearer(admin)).send({ mode: 'FROZEN', now: '2022-01-20T10:00:00Z' })).status).toBe(200);
    for (let i = 0; i < 3; i++) {
      bsns.push(await nieuweLeerling(t, admin, '2016-02-02'));
      await schrijfIn(t, alfa, { burgerservicenummer: bsns[i] }, '01AA', '2021-11-15');
    }
    // ROD's state of the school as the vendor reads it (every inschrijving of 01AA, with its periodes).
    rod = [];
    for (let page = 1; ; page++) {
      const res = await t.http().post('/rod/v1/inschrijvingen/_zoek').query({ page, pageSize: 100 }).set(bearer(alfa)).send({ instellingscode: '01AA' });
      expect(res.status).toBe(200);
      rod.push(...res.body.items);
      if (page >= res.body.page.totalPages) break;
    }
    expect(rod.length).toBeGreaterThanOrEqual(3);
  });
  afterAll(() => t.close());

  const las = (x: any) => ({ persoonsgebondenNummer: x.persoonsgebondenNummer, inschrijvingvolgnummer: x.inschrijvingvolgnummer, datumInschrijving: x.datumInschrijving, datumUitschrijving: x.datumUitschrijving, inschrijvingPeriodeBO: x.inschrijvingPeriodeBO.map((p: any) => ({ datumBegin: p.datumBegin, vestigingscode: p.vestigingscode, onderwijsaanbiedercode: p.onderwijsaanbiedercode, onderwijslocatiecode: p.onderwijslocatiecode, groep: p.groep })) });

  it('sorts every inschrijving into re-send (changed or never sent), not in the LAS, or identical', async () => {
    const eigen = rod.filter((x) => bsns.includes(x.persoonsgebondenNummer.burgerservicenummer));
    const [gewijzigd, , gelijk] = bsns.map((b) => eigen.find((x) => x.persoonsgebondenNummer.burgerservicenummer === b));
    const overig = rod.filter((x) => !eigen.includes(x));
    const nieuw = { persoonsgebondenNummer: { burgerservicenummer: '111222333' }, inschrijvingvolgnummer: '7', datumInschrijving: '2021-12-13', inschrijvingPeriodeBO: [{ datumBegin: '2021-12-13', vestigingscode: '01AA00', groep: '2' }] };
    const body = { instellingscode: '01AA', inschrijvingen: [...overig.map(las), las({ ...gewijzigd, datumUitschrijving: '2021-12-17' }), las(gelijk), nieuw] };
    const res = await t.http().post('/bron/v1/bevriezingsachterstanden').set(bearer(alfa)).send(body);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const per = (b: string) => res.body.leerlingen.find((x: any) => x.persoonsgebondenNummer.burgerservicenummer === b);
    expect(per(bsns[0])).toEqual({ persoonsgebondenNummer: { burgerservicenummer: bsns[0] }, inschrijvingvolgnummer: '1', categorie: 'OPNIEUW_AANLEVEREN', reden: 'GEWIJZIGD', verschillen: ['datumUitschrijving'] });
    expect(per(bsns[1])).toEqual({ persoonsgebondenNummer: { burgerservicenummer: bsns[1] }, inschrijvingvolgnummer: '1', categorie: 'NIET_IN_LAS', verschillen: [] });
    expect(per(bsns[2]).categorie).toBe('GELIJK');
    expect(per('111222333')).toMatchObject({ categorie: 'OPNIEUW_AANLEVEREN', reden: 'NIET_IN_ROD' });
    expect(res.body.telling).toEqual({ opnieuwAanleveren: 2, nietInLas: 1, gelijk: overig.length + 1 });
  });

  it('takes the LAS state as a BRON po export file too', async () => {
    const l = leerling('01AA00', '2021-12-13');
    const b = bestand('01AA', [l]);
    const res = await t.http().post('/bron/v1/bevriezingsachterstanden/bestanden?instellingscode=01AA').set(bearer(alfa)).set('Content-Type', 'application/octet-stream').send(b.bytes);
    expect(res.status).toBe(200);
    expect(res.body.telling).toEqual({ opnieuwAanleveren: 1, nietInLas: rod.length, gelijk: 0 });
    expect(res.body.leerlingen[0]).toMatchObject({ persoonsgebondenNummer: { burgerservicenummer: l.burgerservicenummer }, categorie: 'OPNIEUW_AANLEVEREN', reden: 'NIET_IN_ROD' });
    const ander = await t.http().post('/bron/v1/bevriezingsachterstanden/bestanden?instellingscode=01AB').set(bearer(alfa)).set('Content-Type', 'application/octet-stream').send(b.bytes);
    expect(expectProblem(ander, 400, 'bestand_afgekeurd').fouten).toEqual([expect.objectContaining({ code: 'BESTANDSNAAM_ONGELDIG', regel: 1 })]);
  });

  it('only for a mandated school; bad input is a 400 listing every problem', async () => {
    expectProblem(await t.http().post('/bron/v1/bevriezingsachterstanden').set(bearer(beta)).send({ instellingscode: '01AA', inschrijvingen: [] }), 403, '221_geen_machtiging');
    expectInvalid(await t.http().post('/bron/v1/bevriezingsachterstanden').set(bearer(alfa)).send({ instellingscode: 'x', inschrijvingen: [{ persoonsgebondenNummer: {}, inschrijvingvolgnummer: '1', datumInschrijving: 'gisteren', inschrijvingPeriodeBO: [] }] }), [
      { pointer: '/instellingscode' },
      { pointer: '/inschrijvingen/0/datumInschrijving', code: 'is_date_string' },
      { pointer: '/inschrijvingen/0/datumInschrijving', code: 'matches' },
    ]);
    expectInvalid(await t.http().post('/bron/v1/bevriezingsachterstanden').set(bearer(alfa)).send({ instellingscode: '01AA', inschrijvingen: [{ persoonsgebondenNummer: {}, inschrijvingvolgnummer: '1', datumInschrijving: '2021-01-01', inschrijvingPeriodeBO: [] }] }), [
      { pointer: '/inschrijvingen/0/persoonsgebondenNummer' },
    ]);
  });
});
