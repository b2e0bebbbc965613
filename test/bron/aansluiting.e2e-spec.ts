import { leesFeed, nieuweLeerling, schrijfIn } from '../bekostiging/bekostiging-support';
import { bearer, tokenFor } from '../support/auth';
import { expectInvalid, expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';

describe('bron: freeze, phased aansluiting and the first push', () => {
  let t: TestApp;
  let admin: string;
  let alfa: string;

  const zetKlok = (now: string) => t.http().put('/beheer/v1/sandboxes/default/klok').set(bearer(admin)).send({ mode: 'FROZEN', now });
  const aantalInschrijvingen = async () => (await t.db.query(`SELECT count(*)::int AS n FROM rod_inschrijving`))[0].n as number;
  const probeer = (bsn: string, school: '01AA' | '01AB', datum: string) => schrijfIn(t, alfa, { burgerservicenummer: bsn }, school, datum).catch((e: Error) => e.message);

  beforeAll(async () => {
    t = await createTestApp();
    [admin, alfa] = [await tokenFor(t, 'demo-beheer'), await tokenFor(t, 'las-alfa')];
    expect((await zetKlok('2021-12-01T10:00:00Z')).status).toBe(200);
  });
  afterAll(() => t.close());

  it('sets the historical freeze by default, and refuses one that ends before it begins', async () => {
    const res = await t.http().put('/bron/v1/bevriezing').set(bearer(admin)).send({});
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual({ bevrorenVanaf: '2021-12-06T17:00:00.000Z', bevrorenTot: '2022-01-02T23:00:00.000Z', fase: 'OPEN' });
    expectInvalid(await t.http().put('/bron/v1/bevriezing').set(bearer(admin)).send({ bevrorenVanaf: '2022-01-01T00:00:00Z', bevrorenTot: '2021-12-01T00:00:00Z' }), [{ pointer: '/bevrorenTot' }]);
    expectInvalid(await t.http().put('/bron/v1/bevriezing').set(bearer(admin)).send({ bevrorenVanaf: 'gisteren' }), [{ pointer: '/bevrorenVanaf' }]);
    expectProblem(await t.http().put('/bron/v1/bevriezing').set(bearer(alfa)).send({}), 403, 'insufficient_scope');
  });

  it('before the freeze ROD takes inschrijvingen; during it refuses them (register_bevroren) and stores nothing', async () => {
    const bsn = await nieuweLeerling(t, admin, '2016-05-20');
    expect(await probeer(bsn, '01AB', '2021-11-29')).toMatch(/^[0-9a-f-]{36}$/);
    expect((await zetKlok('2021-12-06T16:59:00Z')).status).toBe(200);
    expect(await probeer(await nieuweLeerling(t, admin, '2016-05-20'), '01AB', '2021-12-06')).toMatch(/^[0-9a-f-]{36}$/);
    expect((await zetKlok('2021-12-06T17:00:00Z')).status).toBe(200);
    const voor = await aantalInschrijvingen();
    const nieuw = await nieuweLeerling(t, admin, '2016-05-20');
    const res = await t.http().post('/rod/v1/inschrijvingen').set(bearer(alfa)).send(body(nieuw, '01AB', '2021-12-06'));
    expectProblem(res, 409, 'register_bevroren');
    const verwijdering = await t.http().post('/rod/v1/verwijderingen').set(bearer(alfa)).send({ ...body(bsn, '01AB', '2021-11-29'), datumInschrijving: undefined, inschrijvingPeriodeBO: undefined });
    expectProblem(verwijdering, 409, 'register_bevroren');
    expect(await aantalInschrijvingen()).toBe(voor);
    expect((await t.http().get('/bron/v1/bevriezing').set(bearer(admin))).body.fase).toBe('BEVROREN');
  });

  it('after the freeze a school without aansluitdatum, or before it, gets school_niet_aangesloten', async () => {
    expect((await zetKlok('2022-01-04T10:00:00Z')).status).toBe(200);
    const bsn = await nieuweLeerling(t, admin, '2016-05-20');
    expectProblem(await t.http().post('/rod/v1/inschrijvingen').set(bearer(alfa)).send(body(bsn, '01AB', '2022-01-04')), 409, 'school_niet_aangesloten');
    const put = await t.http().put('/bron/v1/aansluitingen/01AB').set(bearer(admin)).send({ aansluitdatum: '2022-01-17' });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ instellingscode: '01AB', aansluitdatum: '2022-01-17', aangeslotenOp: null, eersteLeveringEvents: null });
    const nog = expectProblem(await t.http().post('/rod/v1/inschrijvingen').set(bearer(alfa)).send(body(bsn, '01AB', '2022-01-04')), 409, 'school_niet_aangesloten');
    expect(nog.detail).toContain('2022-01-17');
    expectInvalid(await t.http().put('/bron/v1/aansluitingen/01AB').set(bearer(admin)).send({ aansluitdatum: '17-01-2022' }), [
      { pointer: '/aansluitdatum', code: 'is_date_string' },
      { pointer: '/aansluitdatum', code: 'matches' },
    ]);
    expectInvalid(await t.http().put('/bron/v1/aansluitingen/1').set(bearer(admin)).send({ aansluitdatum: '2022-01-17' }), [{ parameter: 'instellingscode' }]);
  });

  it('when the clock reaches the aansluitdatum the school is connected and its vendor gets the initial bekostigingsstatus push', async () => {
    const { cursor } = await leesFeed(t, alfa, '0');
    const res = await t.http().post('/beheer/v1/sandboxes/default/klok/verschuivingen').set(bearer(admin)).send({ tot: '2022-01-17T10:00:00Z' });
    expect(res.status).toBe(200);
    expect(res.body.verwerkt).toEqual(expect.arrayContaining([expect.objectContaining({ datum: '2022-01-17', soort: 'AANSLUITING' })]));
    const { events } = await leesFeed(t, alfa, cursor);
    const push = events.filter((e) => e.data.aanleiding === 'INITIELE_LEVERING');
    // Kept statuses up to the sandbox's today (teldata after it, e.g. of the seed's own present, are not pushed).
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM bekostigingsstatus WHERE instellingscode = '01AB' AND teldatum >= '2021-02-01' AND teldatum <= '2022-01-17'`);
    expect(n).toBeGreaterThan(0);
    expect(push).toHaveLength(n);
    expect(push.every((e) => e.data.instellingscode === '01AB' || e.subject)).toBe(true);
    const lijst = await t.http().get('/bron/v1/aansluitingen').set(bearer(admin));
    expect(lijst.status).toBe(200);
    // (02AD is the small seed's persona nietAangeslotenSchool, connected 14 days after the seed date.)
    expect(lijst.body.aansluitingen.filter((a: any) => a.instellingscode !== '02AD')).toEqual([
      { instellingscode: '01AB', aansluitdatum: '2022-01-17', aangeslotenOp: expect.stringMatching(/^2022-01-16T23:00:00/), eersteLeveringEvents: n },
    ]);
    // Connected: ROD takes the school's inschrijvingen again; another school still waits.
    const bsn = await nieuweLeerling(t, admin, '2016-05-20');
    expect(await probeer(bsn, '01AB', '2022-01-17')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await probeer(bsn, '01AA', '2022-01-17')).toContain('school_niet_aangesloten');
  });

  it('phases every school without an aansluitdatum; a date already reached connects at once', async () => {
    const res = await t.http().post('/bron/v1/aansluitingen/faseringen').set(bearer(admin)).send({ vanaf: '2022-01-10', fasen: 2, dagenTussen: 14 });
    expect(res.status).toBe(200);
    const per = Object.fromEntries(res.body.aansluitingen.map((a: any) => [a.instellingscode, a]));
    expect(per['01AB'].aansluitdatum).toBe('2022-01-17');
    const gefaseerd = res.body.aansluitingen.filter((a: any) => a.instellingscode !== '02AD');
    expect(new Set(gefaseerd.map((a: any) => a.aansluitdatum))).toEqual(new Set(['2022-01-10', '2022-01-17', '2022-01-24']));
    for (const a of res.body.aansluitingen) expect(a.aangeslotenOp === null).toBe(a.aansluitdatum > '2022-01-17');
    const del = await t.http().delete('/bron/v1/bevriezing').set(bearer(admin));
    expect(del.status).toBe(204);
    expectProblem(await t.http().get('/bron/v1/bevriezing').set(bearer(admin)), 404, 'not_found');
  });
});

function body(bsn: string, school: '01AA' | '01AB', datum: string) {
  const codes = school === '01AB' ? { vestigingscode: '01AB00', onderwijsaanbiedercode: '100A002', onderwijslocatiecode: '100X003' } : { vestigingscode: '01AA00', onderwijsaanbiedercode: '100A001', onderwijslocatiecode: '100X001' };
  return {
    bedrijfsdocument: { identificatiecodeBedrijfsdocument: crypto.randomUUID(), datumTijdBedrijfsdocument: `${datum}T09:00:00Z` },
    instellingscode: school,
    persoonsgebondenNummer: { burgerservicenummer: bsn },
    inschrijvingvolgnummer: '9',
    datumInschrijving: datum,
    inschrijvingPeriodeBO: [{ datumBegin: datum, ...codes, groep: '3' }],
  };
}
