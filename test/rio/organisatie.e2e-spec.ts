import { bearer } from '../support/auth';
import { expectInvalid, expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';
import { expectJson, rioSetup, RioTest } from './rio-support';

type Json = Record<string, any>;
const codes = (items: { code: string }[]) => items.map((x) => x.code);

const groepBody = (over: Json = {}) => ({
  onderwijsbestuurcode: '100B001',
  inBedrijfdatum: '2025-08-01',
  periodes: [{ begindatum: '2025-08-01', naam: 'Kindcentra Oost' }],
  onderwijsaanbieders: [{ onderwijsaanbiedercode: '100A003', begindatum: '2025-08-01' }],
  ...over,
});

/** Onderwijsaanbiedergroepen and organisatierelaties (rio.md §3): seeded, read on a date, written by their own bestuur with every rule. */
describe('RIO onderwijsaanbiedergroepen and organisatierelaties', () => {
  let t: TestApp;
  let r: RioTest;

  beforeAll(async () => {
    t = await createTestApp();
    r = await rioSetup(t);
  });
  afterAll(() => t.close());

  describe('onderwijsaanbiedergroepen', () => {
    it('reads the seeded groepen on a date, their members, and a bestuur with its aanbieders and groepen', async () => {
      const g = await t.http().get('/rio/v1/onderwijsaanbiedergroepen/100G002').set(bearer(r.beta));
      expectJson(g, 200);
      expect(g.body).toEqual({
        code: '100G002', onderwijsbestuurcode: '100B001', inBedrijfdatum: '2020-08-01', uitBedrijfdatum: null,
        periodes: [{ begindatum: '2020-08-01', einddatum: null, naam: 'Kindcentra Utrecht-Oost', internationaleNaam: null }],
        onderwijsaanbieders: ['100A001', '100A002', '100A003'].map((c) => ({ onderwijsaanbiedercode: c, begindatum: '2020-08-01', einddatum: null })),
        geldigePeriode: { begindatum: '2020-08-01', einddatum: null, naam: 'Kindcentra Utrecht-Oost', internationaleNaam: null },
      });
      expectProblem(await t.http().get('/rio/v1/onderwijsaanbiedergroepen/100G001').set(bearer(r.beta)), 404, 'not_found');
      expectJson(await t.http().get('/rio/v1/onderwijsaanbiedergroepen/100G001?datumGeldigOp=2019-09-01').set(bearer(r.beta)), 200);
      expectProblem(await t.http().get('/rio/v1/onderwijsaanbiedergroepen/999G999').set(bearer(r.beta)), 404, 'not_found');
      expectInvalid(await t.http().get('/rio/v1/onderwijsaanbiedergroepen/100A001').set(bearer(r.beta)), [{ parameter: 'onderwijsaanbiedergroepcode' }]);

      const lijst = await t.http().get('/rio/v1/onderwijsaanbiedergroepen?onderwijsaanbiedercode=100A003').set(bearer(r.beta));
      expectJson(lijst, 200);
      expect(codes(lijst.body.items)).toEqual(['100G002']);
      expect(codes((await t.http().get('/rio/v1/onderwijsaanbiedergroepen?onderwijsbestuurcode=100B001&datumGeldigOp=2010-09-01').set(bearer(r.beta))).body.items)).toEqual(['100G001']);
      expect(codes((await t.http().get('/rio/v1/onderwijsaanbiedergroepen?naam=kindcentra').set(bearer(r.beta))).body.items)).toEqual(['100G002']);

      const leden = await t.http().get('/rio/v1/onderwijsaanbiedergroepen/100G001/onderwijsaanbieders?datumGeldigOp=2010-09-01').set(bearer(r.beta));
      expectJson(leden, 200);
      expect(codes(leden.body.items)).toEqual(['100A001', '100A002']);
      expect(leden.body.page.totalElements).toBe(2);

      const bestuur = await t.http().get('/rio/v1/onderwijsbesturen/100B001/onderwijsaanbieders').set(bearer(r.beta));
      expectJson(bestuur, 200);
      expect([bestuur.body.onderwijsbestuurcode, bestuur.body.datumGeldigOp, codes(bestuur.body.onderwijsaanbieders), codes(bestuur.body.onderwijsaanbiedergroepen)])
        .toEqual(['100B001', '2025-09-01', ['100A001', '100A002', '100A003'], ['100G002']]);
      expect(bestuur.body.onderwijsaanbieders[0].geldigePeriode.naam).toBe('OBS De Regenboog');
      const vroeger = await t.http().get('/rio/v1/onderwijsbesturen/100B001/onderwijsaanbieders?datumGeldigOp=2000-09-01').set(bearer(r.beta));
      expect([codes(vroeger.body.onderwijsaanbieders), codes(vroeger.body.onderwijsaanbiedergroepen)]).toEqual([['100A001', '100A003'], []]);
      expect(codes((await t.http().get('/rio/v1/onderwijsbesturen/100B002/onderwijsaanbieders').set(bearer(r.alfa))).body.onderwijsaanbiedergroepen)).toEqual([]);
      expectProblem(await t.http().get('/rio/v1/onderwijsbesturen/999B999/onderwijsaanbieders').set(bearer(r.alfa)), 404, 'not_found');
    });

    it('creates, changes, ends and deletes a groep of the own bestuur, each in the change feed', async () => {
      const made = await t.http().post('/rio/v1/onderwijsaanbiedergroepen').set(bearer(r.alfa)).send(groepBody());
      expectJson(made, 201);
      expect(made.body).toMatchObject({ code: '100G003', onderwijsbestuurcode: '100B001', onderwijsaanbieders: [{ onderwijsaanbiedercode: '100A003', begindatum: '2025-08-01', einddatum: null }], geldigePeriode: { naam: 'Kindcentra Oost' } });
      const url = '/rio/v1/onderwijsaanbiedergroepen/100G003';
      const einde = await t.http().put(url).set(bearer(r.alfa)).send(groepBody({
        uitBedrijfdatum: '2027-08-01',
        periodes: [{ begindatum: '2025-08-01', einddatum: '2026-08-01', naam: 'Kindcentra Oost' }, { begindatum: '2026-08-01', einddatum: '2027-08-01', naam: 'Kindcentra Oost en Sprong' }],
        onderwijsaanbieders: [{ onderwijsaanbiedercode: '100A003', begindatum: '2025-08-01', einddatum: '2027-08-01' }, { onderwijsaanbiedercode: '100A002', begindatum: '2026-08-01', einddatum: '2027-08-01' }],
      }));
      expectJson(einde, 200);
      expect(einde.body.uitBedrijfdatum).toBe('2027-08-01');
      expect(codes((await t.http().get(`${url}/onderwijsaanbieders?datumGeldigOp=2026-09-01`).set(bearer(r.beta))).body.items)).toEqual(['100A002', '100A003']);
      expectProblem(await t.http().get(`${url}?datumGeldigOp=2027-08-01`).set(bearer(r.beta)), 404, 'not_found');
      const feed = await t.http().get('/rio/v1/onderwijsaanbiedergroepen/_wijzigingen?sinds=2025-01-01T00:00:00Z').set(bearer(r.beta));
      expectJson(feed, 200);
      expect(feed.body.items.map((w: Json) => [w.code, w.soortWijziging])).toEqual([['100G003', 'TOEGEVOEGD'], ['100G003', 'GEWIJZIGD']]);
      expect((await t.http().delete(url).set(bearer(r.alfa))).status).toBe(204);
      expectProblem(await t.http().get(url).set(bearer(r.alfa)), 404, 'not_found');
      expectProblem(await t.http().delete(url).set(bearer(r.alfa)), 404, 'not_found');
      expectProblem(await t.http().put(url).set(bearer(r.alfa)).send(groepBody()), 404, 'not_found');
    });

    it('refuses a groep of another bestuur, or members of another bestuur (403 AUT401), storing nothing', async () => {
      const voor = await t.db.query('SELECT count(*)::int AS n FROM rio_onderwijsaanbiedergroep');
      const bestuur = expectProblem(await t.http().post('/rio/v1/onderwijsaanbiedergroepen').set(bearer(r.beta)).send(groepBody()), 403, 'forbidden');
      expect(bestuur.foutmeldingen[0]).toMatchObject({ foutcode: 'AUT401', sleutelgegeven: [{ sleutelnaam: 'onderwijsbestuurcode', sleutelwaarde: '100B001' }, { sleutelnaam: 'onderwijsaanbiedercode', sleutelwaarde: '100A003' }] });
      const lid = expectProblem(await t.http().post('/rio/v1/onderwijsaanbiedergroepen').set(bearer(r.beta)).send(groepBody({ onderwijsbestuurcode: '100B002' })), 403, 'forbidden');
      expect(lid.foutmeldingen[0].sleutelgegeven).toEqual([{ sleutelnaam: 'onderwijsaanbiedercode', sleutelwaarde: '100A003' }]);
      expectProblem(await t.http().put('/rio/v1/onderwijsaanbiedergroepen/100G002').set(bearer(r.beta)).send(groepBody({ onderwijsbestuurcode: '100B002', onderwijsaanbieders: [] })), 403, 'forbidden');
      expectProblem(await t.http().delete('/rio/v1/onderwijsaanbiedergroepen/100G002').set(bearer(r.beta)), 403, 'forbidden');
      expect(await t.db.query('SELECT count(*)::int AS n FROM rio_onderwijsaanbiedergroep')).toEqual(voor);
    });

    it('lists every broken rule at once (400)', async () => {
      const fout = await t.http().post('/rio/v1/onderwijsaanbiedergroepen').set(bearer(r.admin)).send(groepBody({
        onderwijsbestuurcode: '999B999',
        periodes: [{ begindatum: '2025-08-01', einddatum: '2026-08-01', naam: 'A' }, { begindatum: '2026-09-01', naam: 'B' }],
        onderwijsaanbieders: [
          { onderwijsaanbiedercode: '999A999', begindatum: '2025-08-01' },
          { onderwijsaanbiedercode: '100A002', begindatum: '2024-08-01' },
          { onderwijsaanbiedercode: '100A003', begindatum: '2025-08-01', einddatum: '2025-08-01' },
          { onderwijsaanbiedercode: '100A001', begindatum: '2025-08-01' },
          { onderwijsaanbiedercode: '100A001', begindatum: '2026-08-01' },
        ],
      }));
      expectInvalid(fout, [
        { pointer: '/periodes/1', code: 'N05060' },
        { pointer: '/onderwijsbestuurcode', code: 'A01110' },
        { pointer: '/onderwijsaanbieders/0/onderwijsaanbiedercode', code: 'A01050' },
        { pointer: '/onderwijsaanbieders/1', code: 'J06410' },
        { pointer: '/onderwijsaanbieders/2', code: 'J06010' },
        { pointer: '/onderwijsaanbieders/4', code: 'J06020' },
      ]);
      expect(fout.body.requestGoedgekeurd).toBe(false);
      expectInvalid(await t.http().post('/rio/v1/onderwijsaanbiedergroepen').set(bearer(r.alfa)).send({ onderwijsbestuurcode: '100X001', inBedrijfdatum: '2025-13-01', periodes: [], onderwijsaanbieders: [{ onderwijsaanbiedercode: '100B001' }] }), [
        { pointer: '/onderwijsbestuurcode' },
        { pointer: '/inBedrijfdatum' },
        { pointer: '/periodes' },
        { pointer: '/onderwijsaanbieders/0/onderwijsaanbiedercode' },
        { pointer: '/onderwijsaanbieders/0/begindatum' },
      ]);
    });
  });

  describe('contactadressen and deletes around a groep', () => {
    it('reads and replaces the contactadressen of a groep, for a client that keeps it up only', async () => {
      const url = '/rio/v1/onderwijsaanbiedergroepen/100G002/contactadressen';
      const seed = await t.http().get(url).set(bearer(r.beta));
      expectJson(seed, 200);
      expect(seed.body).toEqual({ code: '100G002', contactadressen: [{ context: 'ALGEMEEN', subcontextnummer: 1, begindatum: '2020-08-01', einddatum: null, types: ['WEB'], webadres: 'https://100g002.groep.example' }] });
      const nieuw = { contactadressen: [{ context: 'ALGEMEEN', subcontextnummer: 1, begindatum: '2020-08-01', types: ['EMAIL'], eMailadres: 'info@kindcentra.groep.example' }] };
      expectJson(await t.http().put(url).set(bearer(r.alfa)).send(nieuw), 200);
      expect((await t.http().get(url).set(bearer(r.beta))).body.contactadressen[0].eMailadres).toBe('info@kindcentra.groep.example');
      expect(expectProblem(await t.http().put(url).set(bearer(r.beta)).send(nieuw), 403, 'forbidden').foutmeldingen[0].foutcode).toBe('AUT401');
      expectInvalid(await t.http().put(url).set(bearer(r.alfa)).send({ contactadressen: [{ context: 'ALGEMEEN', subcontextnummer: 1, begindatum: '2019-08-01', types: ['WEB'], webadres: 'https://x.example' }] }), [
        { pointer: '/contactadressen/0/begindatum', code: 'N05030' },
      ]);
      expectProblem(await t.http().get('/rio/v1/onderwijsaanbiedergroepen/100G001/contactadressen').set(bearer(r.beta)), 404, 'not_found');
    });

    it('keeps a bestuur with groepen (409); deleting an aanbieder takes its memberships and organisatierelaties along', async () => {
      const bestuur = await t.http().post('/rio/v1/onderwijsbesturen').set(bearer(r.admin)).send({ inBedrijfdatum: '2020-08-01', periodes: [{ begindatum: '2020-08-01', naam: 'Stichting Groepsproef' }] });
      expectJson(bestuur, 201);
      const groep = await t.http().post('/rio/v1/onderwijsaanbiedergroepen').set(bearer(r.admin)).send(groepBody({ onderwijsbestuurcode: bestuur.body.code, onderwijsaanbieders: [] }));
      expectJson(groep, 201);
      expectProblem(await t.http().delete(`/rio/v1/onderwijsbesturen/${bestuur.body.code}`).set(bearer(r.admin)), 409, 'rio_object_in_gebruik');
      expect((await t.http().delete(`/rio/v1/onderwijsaanbiedergroepen/${groep.body.code}`).set(bearer(r.admin))).status).toBe(204);
      expect((await t.http().delete(`/rio/v1/onderwijsbesturen/${bestuur.body.code}`).set(bearer(r.admin))).status).toBe(204);

      const aanbieder = await t.http().post('/rio/v1/onderwijsaanbieders').set(bearer(r.alfa)).send({
        inBedrijfdatum: '2025-08-01', periodes: [{ begindatum: '2025-08-01', naam: 'IKC Proef' }],
        juridischeRelaties: [{ instellingscode: '01AB', begindatum: '2025-08-01' }], besturen: [{ onderwijsbestuurcode: '100B001', begindatum: '2025-08-01' }],
      });
      expectJson(aanbieder, 201);
      const code = aanbieder.body.code;
      const g = (await t.http().get('/rio/v1/onderwijsaanbiedergroepen/100G002').set(bearer(r.alfa))).body;
      const leden = [...g.onderwijsaanbieders, { onderwijsaanbiedercode: code, begindatum: '2025-08-01' }];
      expectJson(await t.http().put('/rio/v1/onderwijsaanbiedergroepen/100G002').set(bearer(r.alfa)).send({ ...groepBody({ inBedrijfdatum: '2020-08-01', periodes: g.periodes }), onderwijsaanbieders: leden }), 200);
      expectJson(await t.http().put(`/rio/v1/organisatorische-eenheden/${code}/organisatierelaties`).set(bearer(r.alfa)).send({ organisatierelaties: [{ naarOrganisatorischeEenheid: '100A002', soort: 'OVERGANG', begindatum: '2026-08-01' }] }), 200);
      expect((await t.http().delete(`/rio/v1/onderwijsaanbieders/${code}`).set(bearer(r.alfa))).status).toBe(204);
      expect((await t.http().get('/rio/v1/onderwijsaanbiedergroepen/100G002').set(bearer(r.alfa))).body.onderwijsaanbieders.map((l: Json) => l.onderwijsaanbiedercode)).toEqual(['100A001', '100A002', '100A003']);
      expect((await t.http().get('/rio/v1/organisatorische-eenheden/100A002/organisatierelaties?datumGeldigOp=2026-09-01').set(bearer(r.alfa))).body.organisatierelaties).toEqual([]);
    });
  });

  describe('the other side: an eenheid whose lifetime changes keeps its groepen and relaties inside it', () => {
    it('refuses ending an aanbieder, a groep or a bestuur before its memberships, groepen or organisatierelaties', async () => {
      const aanbieder = (await t.http().get('/rio/v1/onderwijsaanbieders/100A003').set(bearer(r.alfa))).body;
      const { code: _a, geldigePeriode: _p, ...aanbiederBody } = aanbieder;
      expectInvalid(await t.http().put('/rio/v1/onderwijsaanbieders/100A003').set(bearer(r.alfa)).send({
        ...aanbiederBody, uitBedrijfdatum: '2024-08-01', periodes: [{ ...aanbieder.periodes[0], einddatum: '2024-08-01' }],
        juridischeRelaties: [{ ...aanbieder.juridischeRelaties[0], einddatum: '2024-08-01' }], besturen: [{ ...aanbieder.besturen[0], einddatum: '2024-08-01' }],
      }), [{ pointer: '/uitBedrijfdatum', code: 'N04430' }, { pointer: '/uitBedrijfdatum', code: 'J06410' }]);

      const groep = (await t.http().get('/rio/v1/onderwijsaanbiedergroepen/100G002').set(bearer(r.alfa))).body;
      const eind = '2030-08-01';
      const fout = await t.http().put('/rio/v1/onderwijsaanbiedergroepen/100G002').set(bearer(r.alfa)).send({
        onderwijsbestuurcode: '100B001', inBedrijfdatum: '2020-08-01', uitBedrijfdatum: eind,
        periodes: [{ ...groep.periodes[0], einddatum: eind }], onderwijsaanbieders: groep.onderwijsaanbieders.map((l: Json) => ({ ...l, einddatum: eind })),
      });
      expectInvalid(fout, [{ pointer: '/uitBedrijfdatum', code: 'N07410' }]);
      expect(fout.body.foutmeldingen[0].fouttekst).toContain('100B001 → 100G002');

      expectInvalid(await t.http().put('/rio/v1/onderwijsbesturen/100B001').set(bearer(r.admin)).send({
        bevoegdGezagNummer: '10001', inBedrijfdatum: '1996-08-01', uitBedrijfdatum: eind, periodes: [{ begindatum: '1996-08-01', einddatum: eind, naam: 'Stichting Openbaar Onderwijs Utrecht-Oost' }],
      }), [
        { pointer: '/uitBedrijfdatum', code: 'N04410' },
        { pointer: '/uitBedrijfdatum', code: 'N01410' },
        { pointer: '/uitBedrijfdatum', code: 'N05030' },
        { pointer: '/uitBedrijfdatum', code: 'N07410' },
      ]);
    });
  });

  describe('organisatierelaties', () => {
    it('reads the seeded relaties from and to an eenheid on a date', async () => {
      const nu = await t.http().get('/rio/v1/organisatorische-eenheden/100G002/organisatierelaties').set(bearer(r.beta));
      expectJson(nu, 200);
      expect(nu.body).toEqual({
        code: '100G002',
        organisatierelaties: [
          { vanOrganisatorischeEenheid: '100B001', naarOrganisatorischeEenheid: '100G002', soort: 'HIERARCHISCH', begindatum: '2020-08-01', einddatum: null },
          { vanOrganisatorischeEenheid: '100G001', naarOrganisatorischeEenheid: '100G002', soort: 'OVERGANG', begindatum: '2020-08-01', einddatum: null },
        ],
      });
      const toen = await t.http().get('/rio/v1/organisatorische-eenheden/100B001/organisatierelaties?datumGeldigOp=2010-09-01').set(bearer(r.beta));
      expect(toen.body.organisatierelaties).toEqual([{ vanOrganisatorischeEenheid: '100B001', naarOrganisatorischeEenheid: '100G001', soort: 'HIERARCHISCH', begindatum: '2004-08-01', einddatum: '2020-08-01' }]);
      expect((await t.http().get('/rio/v1/organisatorische-eenheden/100A004/organisatierelaties').set(bearer(r.alfa))).body.organisatierelaties).toEqual([]);
      expectProblem(await t.http().get('/rio/v1/organisatorische-eenheden/100G001/organisatierelaties').set(bearer(r.alfa)), 404, 'not_found');
      expectProblem(await t.http().get('/rio/v1/organisatorische-eenheden/999A999/organisatierelaties').set(bearer(r.alfa)), 404, 'not_found');
      expectInvalid(await t.http().get('/rio/v1/organisatorische-eenheden/100X001/organisatierelaties').set(bearer(r.alfa)), [{ parameter: 'organisatorischeEenheidcode' }]);
    });

    it('replaces the relaties from an eenheid (standlevering), seen from both ends', async () => {
      const url = '/rio/v1/organisatorische-eenheden/100A003/organisatierelaties';
      const res = await t.http().put(url).set(bearer(r.alfa)).send({ organisatierelaties: [{ naarOrganisatorischeEenheid: '100B001', soort: 'HIERARCHISCH', begindatum: '2026-08-01', einddatum: '2030-08-01' }] });
      expectJson(res, 200);
      expect(res.body.organisatierelaties).toEqual([{ vanOrganisatorischeEenheid: '100A003', naarOrganisatorischeEenheid: '100B001', soort: 'HIERARCHISCH', begindatum: '2026-08-01', einddatum: '2030-08-01' }]);
      const bestuur = await t.http().get('/rio/v1/organisatorische-eenheden/100B001/organisatierelaties?datumGeldigOp=2027-01-01').set(bearer(r.beta));
      expect(bestuur.body.organisatierelaties.map((x: Json) => `${x.vanOrganisatorischeEenheid}>${x.naarOrganisatorischeEenheid}`)).toEqual(['100A003>100B001', '100B001>100G002']);
      const feed = await t.http().get('/rio/v1/onderwijsbesturen/_wijzigingen?sinds=2025-01-01T00:00:00Z').set(bearer(r.beta));
      expect(feed.body.items.map((w: Json) => [w.code, w.soortWijziging])).toContainEqual(['100B001', 'GEWIJZIGD']);
      expectJson(await t.http().put(url).set(bearer(r.alfa)).send({ organisatierelaties: [] }), 200);
      expect((await t.http().get(`${url}?datumGeldigOp=2027-01-01`).set(bearer(r.beta))).body.organisatierelaties).toEqual([]);
    });

    it('lists every broken rule at once: N07010, N07020, N07030, N07050, N07410, N07420 and unknown ends', async () => {
      const rel = (naarOrganisatorischeEenheid: string, soort: string, begindatum: string, einddatum?: string) => ({ naarOrganisatorischeEenheid, soort, begindatum, ...(einddatum ? { einddatum } : {}) });
      const fout = await t.http().put('/rio/v1/organisatorische-eenheden/100G002/organisatierelaties').set(bearer(r.alfa)).send({
        organisatierelaties: [
          rel('100G002', 'OVERGANG', '2021-08-01'),
          rel('100A001', 'OVERGANG', '2021-08-01'),
          rel('100G001', 'HIERARCHISCH', '2015-08-01'),
          rel('100A002', 'HIERARCHISCH', '2021-08-01', '2021-08-01'),
          rel('100A003', 'HIERARCHISCH', '2021-08-01'),
          rel('100A003', 'HIERARCHISCH', '2022-08-01'),
          rel('100B001', 'HIERARCHISCH', '2022-08-01', '2023-08-01'),
          rel('100A001', 'HIERARCHISCH', '2019-08-01', '2021-08-01'),
          rel('100A999', 'HIERARCHISCH', '2021-08-01'),
          rel('100G999', 'OVERGANG', '2021-08-01'),
          rel('100G001', 'OVERGANG', '2021-08-01', '2022-08-01'),
        ],
      });
      expectInvalid(fout, [
        { pointer: '/organisatierelaties/0/naarOrganisatorischeEenheid', code: 'N07030' },
        { pointer: '/organisatierelaties/1/soort', code: 'N07420' },
        { pointer: '/organisatierelaties/2/soort', code: 'N07420' },
        { pointer: '/organisatierelaties/2/begindatum', code: 'N07410' },
        { pointer: '/organisatierelaties/3/einddatum', code: 'N07010' },
        { pointer: '/organisatierelaties/5', code: 'N07050' },
        { pointer: '/organisatierelaties/6', code: 'N07050' },
        { pointer: '/organisatierelaties/7/begindatum', code: 'N07410' },
        { pointer: '/organisatierelaties/8/naarOrganisatorischeEenheid', code: 'A01050' },
        { pointer: '/organisatierelaties/9/naarOrganisatorischeEenheid', code: 'A01120' },
        { pointer: '/organisatierelaties/10/einddatum', code: 'N07020' },
        { pointer: '/organisatierelaties/10/begindatum', code: 'N07410' },
        // the stored OVERGANG 100G001 → 100G002: one pair, whichever way
        { pointer: '/organisatierelaties/10', code: 'N07050' },
      ]);
      expect(fout.body.foutmeldingen.find((x: Json) => x.foutcode === 'N07030').sleutelgegeven).toEqual([
        { sleutelnaam: 'vanOrganisatorischeEenheid', sleutelwaarde: '100G002' },
        { sleutelnaam: 'naarOrganisatorischeEenheid', sleutelwaarde: '100G002' },
        { sleutelnaam: 'soort', sleutelwaarde: 'OVERGANG' },
        { sleutelnaam: 'begindatum', sleutelwaarde: '2021-08-01' },
      ]);
      expectInvalid(await t.http().put('/rio/v1/organisatorische-eenheden/100G002/organisatierelaties').set(bearer(r.alfa)).send({ organisatierelaties: [{ naarOrganisatorischeEenheid: '100X001', soort: 'DISLOCATIE', begindatum: 'morgen' }] }), [
        { pointer: '/organisatierelaties/0/naarOrganisatorischeEenheid' },
        { pointer: '/organisatierelaties/0/soort' },
        { pointer: '/organisatierelaties/0/begindatum' },
      ]);
      expectProblem(await t.http().put('/rio/v1/organisatorische-eenheden/999B999/organisatierelaties').set(bearer(r.admin)).send({ organisatierelaties: [] }), 404, 'not_found');
    });

    it('refuses relaties from or to an eenheid of another bestuur (403 AUT401); DUO beheer may write them', async () => {
      const van = expectProblem(await t.http().put('/rio/v1/organisatorische-eenheden/100B001/organisatierelaties').set(bearer(r.beta)).send({ organisatierelaties: [] }), 403, 'forbidden');
      expect(van.foutmeldingen[0]).toMatchObject({
        foutcode: 'AUT401',
        sleutelgegeven: [
          { sleutelnaam: 'organisatorischeEenheidcode', sleutelwaarde: '100B001' },
          { sleutelnaam: 'naarOrganisatorischeEenheid', sleutelwaarde: '100G001' },
          { sleutelnaam: 'naarOrganisatorischeEenheid', sleutelwaarde: '100G002' },
        ],
      });
      const overgang = { organisatierelaties: [{ naarOrganisatorischeEenheid: '100A001', soort: 'OVERGANG', begindatum: '2026-08-01' }] };
      const naar = expectProblem(await t.http().put('/rio/v1/organisatorische-eenheden/100A004/organisatierelaties').set(bearer(r.beta)).send(overgang), 403, 'forbidden');
      expect(naar.foutmeldingen[0].sleutelgegeven).toEqual([{ sleutelnaam: 'naarOrganisatorischeEenheid', sleutelwaarde: '100A001' }]);
      const duo = await t.http().put('/rio/v1/organisatorische-eenheden/100A004/organisatierelaties').set(bearer(r.admin)).send(overgang);
      expectJson(duo, 200);
      expect((await t.http().get('/rio/v1/organisatorische-eenheden/100A001/organisatierelaties?datumGeldigOp=2026-08-01').set(bearer(r.alfa))).body.organisatierelaties)
        .toContainEqual({ vanOrganisatorischeEenheid: '100A004', naarOrganisatorischeEenheid: '100A001', soort: 'OVERGANG', begindatum: '2026-08-01', einddatum: null });
    });
  });

  describe('after an overgang of a BRIN4 to another bestuur', () => {
    it('its aanbieder is kept up by the new bestuur: its relaties and memberships are written by that one, no longer by the old one', async () => {
      expectJson(await t.http().post('/rio/v1/overgangen').set(bearer(r.admin)).send({ instellingscode: '01AC', naarOnderwijsbestuurcode: '100B002', overgangsdatum: '2025-09-01' }), 201);
      const url = '/rio/v1/organisatorische-eenheden/100A003/organisatierelaties';
      expectProblem(await t.http().put(url).set(bearer(r.alfa)).send({ organisatierelaties: [] }), 403, 'forbidden');
      expectJson(await t.http().put(url).set(bearer(r.beta)).send({ organisatierelaties: [] }), 200);
      const groep = (await t.http().get('/rio/v1/onderwijsaanbiedergroepen/100G002').set(bearer(r.alfa))).body;
      const zonder = { onderwijsbestuurcode: '100B001', inBedrijfdatum: '2020-08-01', periodes: groep.periodes, onderwijsaanbieders: groep.onderwijsaanbieders.filter((l: Json) => l.onderwijsaanbiedercode !== '100A003') };
      const fout = expectProblem(await t.http().put('/rio/v1/onderwijsaanbiedergroepen/100G002').set(bearer(r.alfa)).send(zonder), 403, 'forbidden');
      expect(fout.foutmeldingen[0].sleutelgegeven).toEqual([{ sleutelnaam: 'onderwijsaanbiedercode', sleutelwaarde: '100A003' }]);
    });
  });
});
