import { bearer } from '../support/auth';
import { expectInvalid, expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';
import { andereSandbox, expectJson, foutcodes, rioSetup, RioTest } from './rio-support';

/** DUO-side writes: onderwijsbesturen, BRIN4 and BRIN6 erkenningen (scope beheer). */
describe('RIO juridisch (DUO side)', () => {
  let t: TestApp;
  let r: RioTest;
  const bestuur = {
    bevoegdGezagNummer: '12345',
    kvkNummer: '12345678',
    rsin: '111222333',
    inBedrijfdatum: '2025-08-01',
    periodes: [{ begindatum: '2025-08-01', naam: 'Stichting Nieuw Onderwijs' }],
  };
  const brin4 = {
    onderwijsbestuurcode: '100B001',
    soort: 'BAS',
    vrijheidVanOnderwijs: 'OPENBAAR',
    inBedrijfdatum: '2025-08-01',
    periodes: [{ begindatum: '2025-08-01', naam: 'OBS Nieuwbouw', richtingen: ['OPB'], bekostigingscode: 'BEKOSTIGD' }],
  };
  const brin6 = {
    hoofdNevenvestiging: 'HOOFDVESTIGING',
    soort: 'VST',
    inBedrijfdatum: '2025-08-01',
    adres: { postcode: '3581 ab', huisnummer: 10 },
    periodes: [{ begindatum: '2025-08-01', naam: 'OBS Nieuwbouw', bekostigingscode: 'BEKOSTIGD' }],
  };

  beforeAll(async () => {
    t = await createTestApp();
    r = await rioSetup(t);
  });
  afterAll(() => t.close());

  it('registers an onderwijsbestuur with an assigned code, replaces and deletes it, and logs each change', async () => {
    const created = await t.http().post('/rio/v1/onderwijsbesturen').set(bearer(r.admin)).send(bestuur);
    expectJson(created, 201);
    expect(created.body).toEqual(expect.objectContaining({ code: '100B007', bevoegdGezagNummer: '12345', rsin: '111222333', instellingscodes: [], geldigePeriode: expect.objectContaining({ naam: 'Stichting Nieuw Onderwijs' }) }));
    const put = await t.http().put('/rio/v1/onderwijsbesturen/100B007').set(bearer(r.admin)).send({
      ...bestuur,
      periodes: [{ begindatum: '2025-08-01', einddatum: '2026-01-01', naam: 'Stichting Nieuw Onderwijs' }, { begindatum: '2026-01-01', naam: 'Stichting Nieuwer Onderwijs' }],
    });
    expectJson(put, 200);
    expect((await t.http().get('/rio/v1/onderwijsbesturen/100B007?datumGeldigOp=2026-01-01').set(bearer(r.alfa))).body.geldigePeriode.naam).toBe('Stichting Nieuwer Onderwijs');
    const del = await t.http().delete('/rio/v1/onderwijsbesturen/100B007').set(bearer(r.admin));
    expect(del.status).toBe(204);
    expectProblem(await t.http().get('/rio/v1/onderwijsbesturen/100B007').set(bearer(r.admin)), 404, 'not_found');
    const feed = await t.http().get('/rio/v1/onderwijsbesturen/_wijzigingen?sinds=2025-09-01T00:00:00Z').set(bearer(r.beta));
    expectJson(feed, 200);
    expect(feed.body.items.map((w: { code: string; soortWijziging: string }) => [w.code, w.soortWijziging])).toEqual([
      ['100B007', 'TOEGEVOEGD'],
      ['100B007', 'GEWIJZIGD'],
      ['100B007', 'VERWIJDERD'],
    ]);
    expect(feed.body.items[0].tijdstip).toBe('2025-09-01T10:00:00.000Z');
  });

  it('rejects a bestuur with every format problem at once (RSIN 11-proef included)', async () => {
    const res = await t.http().post('/rio/v1/onderwijsbesturen').set(bearer(r.admin)).send({ bevoegdGezagNummer: '1234', kvkNummer: '1234567', rsin: '111222334', inBedrijfdatum: '2025-13-01', periodes: [] });
    expectInvalid(res, [{ pointer: '/bevoegdGezagNummer' }, { pointer: '/kvkNummer' }, { pointer: '/rsin', code: 'is_rsin' }, { pointer: '/inBedrijfdatum' }, { pointer: '/periodes' }]);
  });

  it('rejects periodes with a gap, an overlap and an einddatum before the begindatum, all at once', async () => {
    const res = await t.http().put('/rio/v1/onderwijsbesturen/100B003').set(bearer(r.admin)).send({
      ...bestuur,
      bevoegdGezagNummer: null,
      uitBedrijfdatum: '2025-07-01',
      periodes: [
        { begindatum: '2025-08-01', einddatum: '2025-09-01', naam: 'A' },
        { begindatum: '2025-10-01', einddatum: '2025-09-15', naam: 'B' },
        { begindatum: '2025-09-20', naam: 'C' },
      ],
    });
    const body = expectInvalid(res, [
      { pointer: '/uitBedrijfdatum', code: 'N05010' },
      { pointer: '/periodes/1', code: 'N05010' },
      { pointer: '/periodes/0', code: 'N05030' },
      { pointer: '/periodes/1', code: 'N05030' },
      { pointer: '/periodes/2', code: 'N05030' },
      { pointer: '/periodes/2', code: 'N05060' },
      { pointer: '/periodes/1', code: 'N05050' },
      // The bestuur would end under its running aanbieders and locatiegebruik (rio.md §6).
      { pointer: '/uitBedrijfdatum', code: 'N04410' },
      { pointer: '/uitBedrijfdatum', code: 'N01410' },
    ]);
    expect(body.requestGoedgekeurd).toBe(false);
    expect(body.foutmeldingen[0]).toEqual({ foutcode: expect.any(String), fouttekst: expect.any(String), sleutelgegeven: expect.arrayContaining([expect.objectContaining({ sleutelnaam: expect.any(String) })]) });
  });

  it('refuses DUO-side writes to board clients (403), without a token (401), and unknown objects (404)', async () => {
    expectProblem(await t.http().post('/rio/v1/onderwijsbesturen').set(bearer(r.alfa)).send(bestuur), 403, 'insufficient_scope');
    expectProblem(await t.http().put('/rio/v1/onderwijsinstellingserkenningen/01AA').set(bearer(r.alfa)).send(brin4), 403, 'insufficient_scope');
    expectProblem(await t.http().put('/rio/v1/vestigingserkenningen/01AA00').set(bearer(r.alfa)).send(brin6), 403, 'insufficient_scope');
    expectProblem(await t.http().delete('/rio/v1/onderwijsbesturen/100B001').set(bearer(r.alfa)), 403, 'insufficient_scope');
    expectProblem(await t.http().delete('/rio/v1/onderwijsinstellingserkenningen/01AA').set(bearer(r.beta)), 403, 'insufficient_scope');
    expectProblem(await t.http().delete('/rio/v1/vestigingserkenningen/01AA00').set(bearer(r.beta)), 403, 'insufficient_scope');
    expectProblem(await t.http().post('/rio/v1/onderwijsbesturen').send(bestuur), 401, 'unauthorized');
    expectProblem(await t.http().put('/rio/v1/onderwijsbesturen/999B999').set(bearer(r.admin)).send(bestuur), 404, 'not_found');
    expectProblem(await t.http().delete('/rio/v1/onderwijsbesturen/999B999').set(bearer(r.admin)), 404, 'not_found');
    expectProblem(await t.http().delete('/rio/v1/onderwijsinstellingserkenningen/99ZZ').set(bearer(r.admin)), 404, 'not_found');
    expectProblem(await t.http().delete('/rio/v1/vestigingserkenningen/99ZZ00').set(bearer(r.admin)), 404, 'not_found');
    expectProblem(await t.http().delete('/rio/v1/onderwijsbesturen/100B001').set(bearer(r.admin)), 409, 'rio_object_in_gebruik');
    expectProblem(await t.http().post('/rio/v1/onderwijsbesturen').set(bearer(r.admin)).send({ ...bestuur, bevoegdGezagNummer: '10001' }), 409, 'rio_object_bestaat_al');
  });

  it('creates a BRIN4 and a BRIN6 on a BAG address, replaces and deletes them', async () => {
    const b4 = await t.http().put('/rio/v1/onderwijsinstellingserkenningen/09ZZ').set(bearer(r.admin)).send(brin4);
    expectJson(b4, 201);
    expect(b4.body).toEqual(expect.objectContaining({ code: '09ZZ', onderwijsbestuurcode: '100B001', vestigingscodes: [] }));
    const b6 = await t.http().put('/rio/v1/vestigingserkenningen/09ZZ00').set(bearer(r.admin)).send(brin6);
    expectJson(b6, 201);
    expect(b6.body).toEqual(expect.objectContaining({ code: '09ZZ00', instellingscode: '09ZZ', adres: expect.objectContaining({ postcode: '3581AB', huisnummer: 10, straatnaam: 'Nieuwbouwlaan', plaatsnaam: 'Utrecht' }) }));
    const again = await t.http().put('/rio/v1/vestigingserkenningen/09ZZ00').set(bearer(r.admin)).send({ ...brin6, periodes: [{ begindatum: '2025-08-01', naam: 'OBS Nieuwbouw', bekostigingscode: 'NIET_BEKOSTIGD' }] });
    expectJson(again, 200);
    const [view] = await t.db.query(`SELECT bekostigingscode FROM v_rio_vestiging_bekostiging WHERE vestigingscode = '09ZZ00'`);
    expect(view.bekostigingscode).toBe('NIET_BEKOSTIGD');
    expect((await t.http().get('/rio/v1/onderwijsbesturen/100B001').set(bearer(r.alfa))).body.instellingscodes).toContain('09ZZ');
    expectProblem(await t.http().delete('/rio/v1/onderwijsinstellingserkenningen/09ZZ').set(bearer(r.admin)), 409, 'rio_object_in_gebruik');
    expect((await t.http().delete('/rio/v1/vestigingserkenningen/09ZZ00').set(bearer(r.admin))).status).toBe(204);
    expect((await t.http().delete('/rio/v1/onderwijsinstellingserkenningen/09ZZ').set(bearer(r.admin))).status).toBe(204);
    const feed = await t.http().get('/rio/v1/vestigingserkenningen/_wijzigingen?sinds=2025-01-01T00:00:00%2B01:00').set(bearer(r.alfa));
    expect(feed.body.items.map((w: { soortWijziging: string }) => w.soortWijziging)).toEqual(['TOEGEVOEGD', 'GEWIJZIGD', 'VERWIJDERD']);
  });

  it('rejects erkenningen with unknown references, code-list values and addresses, all at once', async () => {
    const b4 = await t.http().put('/rio/v1/onderwijsinstellingserkenningen/09ZY').set(bearer(r.admin)).send({
      ...brin4,
      onderwijsbestuurcode: '999B999',
      soort: 'VO',
      periodes: [{ begindatum: '2025-08-01', naam: 'X', richtingen: ['OPB', 'XYZ'], bekostigingscode: 'GRATIS' }],
    });
    const body4 = expectInvalid(b4, [{ pointer: '/onderwijsbestuurcode', code: 'A01110' }, { pointer: '/soort', code: 'K01050' }, { pointer: '/periodes/0/richtingen/1', code: 'K01050' }, { pointer: '/periodes/0/bekostigingscode', code: 'K01050' }]);
    expect(foutcodes(body4)).toEqual(['A01110', 'K01050', 'K01050', 'K01050']);
    const b6 = await t.http().put('/rio/v1/vestigingserkenningen/09ZY00').set(bearer(r.admin)).send({ ...brin6, hoofdNevenvestiging: 'BIJGEBOUW', adres: { postcode: '9999ZZ', huisnummer: 1 } });
    expect(foutcodes(expectInvalid(b6, [{ code: 'A01030' }, { pointer: '/adres', code: 'A01010' }, { pointer: '/hoofdNevenvestiging', code: 'K01050' }]))).toEqual(['A01010', 'A01030', 'K01050']);
  });

  it('keeps writes inside their sandbox', async () => {
    const ander = await andereSandbox(r, 'rio-juridisch-ander', 'small');
    await t.http().put('/rio/v1/onderwijsinstellingserkenningen/01AA').set(bearer(r.admin)).send({ ...brin4, inBedrijfdatum: '1996-08-01', periodes: [{ ...brin4.periodes[0], begindatum: '1996-08-01', naam: 'OBS De Regenboog (gewijzigd)' }] });
    expect((await t.http().get('/rio/v1/onderwijsinstellingserkenningen/01AA').set(bearer(r.alfa))).body.geldigePeriode.naam).toBe('OBS De Regenboog (gewijzigd)');
    expect((await t.http().get('/rio/v1/onderwijsinstellingserkenningen/01AA').set(bearer(ander))).body.geldigePeriode.naam).toBe('OBS De Regenboog');
  });
});
