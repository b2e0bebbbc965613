import { bearer } from '../support/auth';
import { expectInvalid, expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';
import { expectJson, foutcodes, rioSetup, RioTest } from './rio-support';

/**
 * Instellingsrelatie OVERGANG_GEDEELTELIJK (rio.md §4): part of a school — here the nevenvestiging 01AA01 of 01AA
 * (100B001) — goes over to another bestuur's school, 02AA (100B002). RIO registers the relation between the two
 * erkenningen; the vestiging itself, the locatiegebruik and the aanbod are not moved by it (README).
 */
describe('RIO overgang gedeeltelijk: part of a BRIN4 goes over to another bestuur\'s BRIN4', () => {
  let t: TestApp;
  let r: RioTest;
  const DATUM = '2026-01-01';
  const deel = { soort: 'OVERGANG_GEDEELTELIJK', instellingscode: '01AA', naarInstellingscode: '02AA', naarOnderwijsbestuurcode: '100B002', overgangsdatum: DATUM, vestigingscodes: ['01AA01'] };
  let overgangId: string;

  const post = (body: object, token = r.admin) => t.http().post('/rio/v1/overgangen').set(bearer(token)).send(body);
  const get = (url: string, token = r.beta) => t.http().get(url).set(bearer(token));

  beforeAll(async () => {
    t = await createTestApp();
    r = await rioSetup(t);
  });
  afterAll(() => t.close());

  it('registers the relation (201) between the two erkenningen, with the part that goes over', async () => {
    const res = await post(deel);
    expectJson(res, 201);
    expect(res.body).toEqual({
      overgangId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      soort: 'OVERGANG_GEDEELTELIJK',
      instellingscode: '01AA',
      naarInstellingscode: '02AA',
      vanOnderwijsbestuurcode: '100B001',
      naarOnderwijsbestuurcode: '100B002',
      overgangsdatum: DATUM,
      vestigingscodes: ['01AA01'],
      onderwijsaanbiedercodes: [],
      onderwijslocatiecodes: ['100X007'],
      geregistreerdOp: '2025-09-01T10:00:00.000Z',
    });
    overgangId = res.body.overgangId;
    // The BRIN4 stays with its bestuur: nothing of a gedeeltelijke overgang changes the bevoegd gezag.
    const erkenning = await get(`/rio/v1/onderwijsinstellingserkenningen/01AA?datumGeldigOp=${DATUM}`);
    expect([erkenning.body.onderwijsbestuurcode, erkenning.body.besturen]).toEqual(['100B001', [{ onderwijsbestuurcode: '100B001', begindatum: '1996-08-01', einddatum: null }]]);
    // Listed like every overgang, under either school, and read by id.
    expect((await get('/rio/v1/overgangen?instellingscode=02AA')).body.items).toEqual([res.body]);
    expect((await get('/rio/v1/overgangen?instellingscode=01AA')).body.items).toEqual([res.body]);
    expect((await get('/rio/v1/overgangen?onderwijsbestuurcode=100B002&overgangsdatumVanaf=2026-01-01')).body.items).toEqual([res.body]);
    expect((await get(`/rio/v1/overgangen/${overgangId}`, r.alfa)).body).toEqual(res.body);
    // The volledige overgang's shape is unchanged: no naarInstellingscode.
    const volledig = (await get('/rio/v1/overgangen?instellingscode=02AC')).body.items[0];
    expect(volledig).toMatchObject({ soort: 'OVERGANG_VOLLEDIG', naarInstellingscode: null });
  });

  it('rejects with every foutmelding at once (400), and stores nothing', async () => {
    const voor = await t.db.query('SELECT count(*)::int AS n FROM rio_overgang');
    // To a school of its own bestuur, named under the wrong bestuur, with a vestiging of another BRIN4, an unknown one and
    // one that already went over.
    const fout = await post({ ...deel, naarInstellingscode: '02AB', naarOnderwijsbestuurcode: '100B001', vestigingscodes: ['01AB00', '01AA01', '01AA09'] });
    expect(expectProblem(fout, 400, 'invalid_input').requestGoedgekeurd).toBe(false);
    expect(foutcodes(fout.body)).toEqual(['A01040', 'A01040', 'J06620', 'J06670', 'J06700']);
    expect(fout.body.errors).toEqual(expect.arrayContaining([
      expect.objectContaining({ pointer: '/vestigingscodes/0', code: 'A01040' }),
      expect.objectContaining({ pointer: '/vestigingscodes/1', code: 'J06700' }),
      expect.objectContaining({ pointer: '/vestigingscodes/2', code: 'A01040' }),
      expect.objectContaining({ pointer: '/naarInstellingscode', code: 'J06670' }),
    ]));
    // Every running vestiging is the whole school (an OVERGANG_VOLLEDIG); one closed the day before has nothing to hand over.
    const alles = await post({ ...deel, instellingscode: '02AB', naarInstellingscode: '01AB', naarOnderwijsbestuurcode: '100B001', vestigingscodes: ['02AB00', '02AB01'] });
    expect(foutcodes(expectProblem(alles, 400, 'invalid_input'))).toEqual(['J06680', 'J06690']);
    // Unknown schools and bestuur; a date outside the school's lifetime.
    const onbekend = await post({ ...deel, instellingscode: '99ZZ', naarInstellingscode: '99ZY', naarOnderwijsbestuurcode: '999B999' });
    expect(foutcodes(expectProblem(onbekend, 400, 'invalid_input'))).toEqual(['A01030', 'A01030', 'A01110']);
    expect(onbekend.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/instellingscode', '/naarInstellingscode', '/naarOnderwijsbestuurcode']);
    expect(foutcodes((await post({ ...deel, overgangsdatum: '1996-08-01', vestigingscodes: ['01AA00'] })).body)).toEqual(expect.arrayContaining(['J06640']));
    // A volledige overgang of 01AA on or before the gedeeltelijke one would change the bestuur it records: no overlap.
    expect(foutcodes((await post({ instellingscode: '01AA', naarOnderwijsbestuurcode: '100B002', overgangsdatum: '2025-12-01' })).body)).toEqual(['J06630']);
    // The part and the receiving school belong to a gedeeltelijke overgang, and to it alone (J06710), among the other foutmeldingen.
    const zonder = await post({ soort: 'OVERGANG_GEDEELTELIJK', instellingscode: '01AA', naarOnderwijsbestuurcode: '100B001', overgangsdatum: DATUM });
    expect(foutcodes(expectProblem(zonder, 400, 'invalid_input'))).toEqual(['J06620', 'J06710', 'J06710']);
    expect(zonder.body.errors.filter((e: { code: string }) => e.code === 'J06710').map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/naarInstellingscode', '/vestigingscodes']);
    const volledigMetDeel = await post({ ...deel, soort: 'OVERGANG_VOLLEDIG' });
    expect(foutcodes(expectProblem(volledigMetDeel, 400, 'invalid_input'))).toEqual(['J06630', 'J06710', 'J06710']);
    expect(foutcodes((await post({ ...deel, soort: undefined, vestigingscodes: undefined })).body)).toEqual(['J06630', 'J06710']);
    // Schema faults, all at once.
    expectInvalid(await post({ ...deel, vestigingscodes: [] }), [{ pointer: '/vestigingscodes' }]);
    expectInvalid(await post({ ...deel, vestigingscodes: ['01AA01', '01AA01'] }), [{ pointer: '/vestigingscodes' }]);
    expectInvalid(await post({ ...deel, vestigingscodes: ['1AA01'], naarInstellingscode: '2AA' }), [{ pointer: '/vestigingscodes' }, { pointer: '/naarInstellingscode' }]);
    expectInvalid(await post({ ...deel, soort: 'DISLOCATIE' }), [{ pointer: '/soort' }]);
    expect(await t.db.query('SELECT count(*)::int AS n FROM rio_overgang')).toEqual(voor);
  });

  it('is DUO-side only (403), and a planned one can be withdrawn (204) until its date', async () => {
    expectProblem(await post({ ...deel, vestigingscodes: ['01AA00'] }, r.alfa), 403, 'insufficient_scope');
    expect((await t.http().delete(`/rio/v1/overgangen/${overgangId}`).set(bearer(r.admin))).status).toBe(204);
    expectProblem(await get(`/rio/v1/overgangen/${overgangId}`), 404, 'not_found');
    // Registered again, it takes effect when the clock passes its date and stays.
    const opnieuw = await post(deel);
    expectJson(opnieuw, 201);
    expect((await t.http().put('/beheer/v1/sandboxes/default/klok').set(bearer(r.admin)).send({ mode: 'FROZEN', now: '2026-01-05T10:00:00Z' })).status).toBe(200);
    expectProblem(await t.http().delete(`/rio/v1/overgangen/${opnieuw.body.overgangId}`).set(bearer(r.admin)), 409, 'rio_overgang_niet_intrekbaar');
  });
});
