import { bearer } from '../support/auth';
import { expectInvalid, expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';
import { expectJson, foutcodes, opleidingBody, rioSetup, RioTest } from './rio-support';

/** Erkenning attributes, the BevoegdGezagErkenning, and the aangeboden-opleiding attributes (rio.md §3–§4), on the small seed. */
describe('RIO erkenning and aanbod attributes', () => {
  let t: TestApp;
  let r: RioTest;
  const get = (url: string) => t.http().get(`/rio/v1${url}`).set(bearer(r.beta));

  beforeAll(async () => {
    t = await createTestApp();
    r = await rioSetup(t);
  });
  afterAll(() => t.close());

  it('reads erkenner, stichtingsdatum, soCluster, formeel adres, wet and grondslag of a BRIN4', async () => {
    const so = await get('/onderwijsinstellingserkenningen/02AC');
    expectJson(so, 200);
    expect(so.body).toEqual(
      expect.objectContaining({
        erkenner: 'OCW',
        stichtingsdatum: '2001-04-01',
        soCluster: 'CLUSTER_4',
        formeelAdres: expect.objectContaining({ type: 'BINNENLANDS', postcode: '3813CC', huisnummer: 20, straatnaam: 'Brugstraat', plaatsnaam: 'Amersfoort' }),
        geldigePeriode: expect.objectContaining({ wet: 'WEC', grondslagen: ['PC'] }),
      }),
    );
    const bas = (await get('/onderwijsinstellingserkenningen/01AA')).body;
    expect([bas.soCluster, bas.geldigePeriode.wet, bas.geldigePeriode.grondslagen, bas.formeelAdres.postcode]).toEqual([null, 'WPO', ['OPB'], '3581AA']);
  });

  it('reads a BevoegdGezagErkenning by its nummer, with its onderwijsbestuur; lists and sorts them', async () => {
    const bg = await get('/bevoegd-gezag-erkenningen/10001');
    expectJson(bg, 200);
    expect(bg.body).toEqual({
      code: '10001',
      erkenner: 'OCW',
      soort: 'BINS',
      begindatum: '1996-08-01',
      einddatum: null,
      naam: 'Stichting Openbaar Onderwijs Utrecht-Oost',
      onderwijsbestuurcode: '100B001',
      instellingscodes: ['01AA', '01AB', '01AC'],
      _links: { self: { href: '/rio/v1/bevoegd-gezag-erkenningen/10001' }, onderwijsbestuur: { href: '/rio/v1/onderwijsbesturen/100B001' } },
    });
    expectJson(await get(bg.body._links.onderwijsbestuur.href.replace('/rio/v1', '')), 200);
    expect((await get('/bevoegd-gezag-erkenningen?naam=eemland')).body.items.map((b: { code: string }) => b.code)).toEqual(['10002']);
    const lijst = await get('/bevoegd-gezag-erkenningen?soort=BINS&sort=-code&pageSize=100');
    expectJson(lijst, 200);
    const codes = lijst.body.items.map((b: { code: string }) => b.code);
    expect(codes).toHaveLength(6);
    expect(codes).toEqual([...codes].sort().reverse());
    expectProblem(await get('/bevoegd-gezag-erkenningen/99999'), 404, 'not_found');
    expectProblem(await get('/bevoegd-gezag-erkenningen/10001?datumGeldigOp=1996-07-31'), 404, 'not_found');
    expectInvalid(await get('/bevoegd-gezag-erkenningen/1000A'), [{ parameter: 'bevoegdGezagNummer' }]);
    expectInvalid(await get('/bevoegd-gezag-erkenningen?sort=soort'), [{ parameter: 'sort' }]);
  });

  it('DUO beheer writes the erkenning attributes; every broken rule is a foutmelding at once', async () => {
    const brin4 = {
      onderwijsbestuurcode: '100B001', soort: 'BAS', vrijheidVanOnderwijs: 'OPENBAAR', inBedrijfdatum: '2025-08-01',
      periodes: [{ begindatum: '2025-08-01', naam: 'OBS Nieuwbouw', richtingen: ['OPB'], bekostigingscode: 'BEKOSTIGD' }],
    };
    const fout = await t.http().put('/rio/v1/onderwijsinstellingserkenningen/09ZY').set(bearer(r.admin)).send({
      ...brin4,
      erkenner: 'NVAO',
      stichtingsdatum: '2025-09-01',
      soCluster: 'CLUSTER_1',
      formeelAdres: { postcode: '9999ZZ', huisnummer: 1 },
      periodes: [{ ...brin4.periodes[0], wet: 'WEC', grondslagen: ['OPB', 'XYZ'] }],
    });
    expectInvalid(fout, [
      { pointer: '/erkenner', code: 'K01050' },
      { pointer: '/stichtingsdatum', code: 'J06520' },
      { pointer: '/soCluster', code: 'K01030' },
      { pointer: '/formeelAdres', code: 'A01010' },
      { pointer: '/periodes/0/wet', code: 'K01030' },
      { pointer: '/periodes/0/grondslagen/1', code: 'K01050' },
    ]);
    expect(fout.body.requestGoedgekeurd).toBe(false);
    expectInvalid(await t.http().put('/rio/v1/onderwijsinstellingserkenningen/09ZY').set(bearer(r.admin)).send({ ...brin4, soort: 'SPEC', soCluster: 'CLUSTER_9' }), [
      { pointer: '/soCluster', code: 'K01050' },
    ]);

    const goed = await t.http().put('/rio/v1/onderwijsinstellingserkenningen/09ZY').set(bearer(r.admin)).send({ ...brin4, stichtingsdatum: '2025-03-01', formeelAdres: { postcode: '3581 ab', huisnummer: 10 } });
    expectJson(goed, 201);
    expect(goed.body).toEqual(
      expect.objectContaining({
        erkenner: 'OCW',
        stichtingsdatum: '2025-03-01',
        soCluster: null,
        formeelAdres: expect.objectContaining({ type: 'BINNENLANDS', postcode: '3581AB', huisnummer: 10, straatnaam: 'Nieuwbouwlaan' }),
      }),
    );
    // wet defaults by soort: WPO for a basisschool
    expect((await get('/onderwijsinstellingserkenningen/09ZY?datumGeldigOp=2025-08-01')).body.geldigePeriode).toEqual(expect.objectContaining({ wet: 'WPO', grondslagen: [] }));

    expectInvalid(await t.http().put('/rio/v1/onderwijsbesturen/100B002').set(bearer(r.admin)).send({
      bevoegdGezagNummer: '10002', inBedrijfdatum: '1998-08-01', besturendeOrganisatiesoort: 'XXXX', periodes: [{ begindatum: '1998-08-01', naam: 'Vereniging Christelijk Onderwijs Eemland' }],
    }), [{ pointer: '/besturendeOrganisatiesoort', code: 'K01050' }]);
  });

  it('seeds the aanbod attributes: samenwerkende aanbieder, laatste instroomdatum of a closing vestiging', async () => {
    const kompas = await get('/onderwijsaanbieders/100A002/aangeboden-opleidingen');
    expect(kompas.body.items[0].geldigePeriode.samenwerkendeOnderwijsaanbiedercodes).toEqual(['100A001']);
    const gesloten = await get('/aangeboden-opleidingen?eigenSleutel=aanbod-02AB01&datumGeldigOp=2004-01-01');
    expect(gesloten.body.items.map((o: { laatsteInstroomdatum: string; einddatum: string; afwijkendeOpleidingsduur: unknown }) => [o.laatsteInstroomdatum, o.einddatum, o.afwijkendeOpleidingsduur])).toEqual([
      ['2004-08-01', '2005-08-01', null],
    ]);
  });

  it('writes afwijkende opleidingsduur, laatste instroomdatum and samenwerkende aanbieders, checking each', async () => {
    const url = '/rio/v1/aangeboden-opleidingen/0b7e7c8e-1f0a-4c55-8a51-0d9f0c6b2a11';
    const fout = await t.http().put(url).set(bearer(r.alfa)).send(
      opleidingBody({
        eersteInstroomdatum: '2026-09-01',
        laatsteInstroomdatum: '2026-08-15',
        periodes: [{ begindatum: '2026-08-01', eigenNaam: 'Combinatieschool', samenwerkendeOnderwijsaanbiedercodes: ['100A002', '999A999', '100A004', '100A004'] }],
      }),
    );
    expectInvalid(fout, [
      { pointer: '/laatsteInstroomdatum', code: 'N09100' },
      { pointer: '/periodes/0/samenwerkendeOnderwijsaanbiedercodes/0', code: 'N10060' },
      { pointer: '/periodes/0/samenwerkendeOnderwijsaanbiedercodes/1', code: 'N10060' },
      { pointer: '/periodes/0/samenwerkendeOnderwijsaanbiedercodes/3', code: 'K01040' },
    ]);
    expect(foutcodes(fout.body)).toEqual(['K01040', 'N09100', 'N10060', 'N10060']);
    expectInvalid(await t.http().put(url).set(bearer(r.alfa)).send(opleidingBody({ einddatum: '2030-08-01', laatsteInstroomdatum: '2030-08-01', periodes: [{ begindatum: '2026-08-01', einddatum: '2030-08-01', eigenNaam: 'Kompas' }] })), [{ pointer: '/laatsteInstroomdatum', code: 'N09100' }]);
    expectInvalid(await t.http().put(url).set(bearer(r.alfa)).send(opleidingBody({ afwijkendeOpleidingsduur: { eenheid: 'X', omvang: 0 } })), [
      { pointer: '/afwijkendeOpleidingsduur/eenheid' },
      { pointer: '/afwijkendeOpleidingsduur/omvang' },
    ]);
    // samenwerkende aanbieders belong to BO only
    const so = opleidingBody({ onderwijsaanbiedercode: '100A003', onderwijslocatiecode: '100X003', soort: 'SO', opleidingseenheidcode: '1002O0001', doelgroepen: ['MOEILIJK_LEREND'], periodes: [{ begindatum: '2026-08-01', eigenNaam: 'SO', samenwerkendeOnderwijsaanbiedercodes: ['100A001'] }] });
    expect(foutcodes((await t.http().put(url).set(bearer(r.alfa)).send(so)).body)).toContain('K01030');

    const goed = await t.http().put(url).set(bearer(r.alfa)).send(
      opleidingBody({
        einddatum: '2034-08-01',
        laatsteInstroomdatum: '2030-08-01',
        afwijkendeOpleidingsduur: { eenheid: 'J', omvang: 6 },
        periodes: [{ begindatum: '2026-08-01', einddatum: '2034-08-01', eigenNaam: 'Combinatieschool Kompas', samenwerkendeOnderwijsaanbiedercodes: ['100A001', '100A004'] }],
      }),
    );
    expectJson(goed, 201);
    const terug = await get('/aangeboden-opleidingen/0b7e7c8e-1f0a-4c55-8a51-0d9f0c6b2a11?datumGeldigOp=2027-01-01');
    expectJson(terug, 200);
    expect(terug.body).toEqual(
      expect.objectContaining({
        laatsteInstroomdatum: '2030-08-01',
        afwijkendeOpleidingsduur: { eenheid: 'J', omvang: 6 },
        geldigePeriode: expect.objectContaining({ samenwerkendeOnderwijsaanbiedercodes: ['100A001', '100A004'] }),
      }),
    );
    // standlevering: not re-sent = removed
    const zonder = await t.http().put(url).set(bearer(r.alfa)).send(opleidingBody());
    expectJson(zonder, 200);
    expect([zonder.body.laatsteInstroomdatum, zonder.body.afwijkendeOpleidingsduur, zonder.body.periodes[0].samenwerkendeOnderwijsaanbiedercodes]).toEqual([null, null, []]);
  });
});
