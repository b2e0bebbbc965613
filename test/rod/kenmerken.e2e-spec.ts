import { bearer } from '../support/auth';
import { expectInvalid, expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';
import { codes, inschrijving, nieuweLeerling, RodTest, rodSetup } from './rod-support';

/** pedagogischDidactischConcept, experiment and vveProgramma on an inschrijving (rod.md §3 #8, §4.2; rio.md §9 check 5). */
describe('ROD inschrijving: concept, experiment, VVE', () => {
  let t: TestApp;
  let r: RodTest;
  beforeAll(async () => {
    t = await createTestApp();
    r = await rodSetup(t);
  });
  afterAll(() => t.close());

  const send = (body: unknown, token = r.alfa) => t.http().post('/rod/v1/inschrijvingen').set(bearer(token)).send(body as object);
  const lees = (id: string) => t.http().get(`/rod/v1/inschrijvingen/${id}`).set(bearer(r.alfa));

  it('goedgekeurd: stored, read back sorted, and part of the version; without them the content is as before', async () => {
    const bsn = await nieuweLeerling(r);
    const res = await send(inschrijving(bsn, { pedagogischDidactischConcept: ['JENAPLAN', 'DALTON', 'DALTON'], experiment: ['DOORLOPENDE_LEERLIJN_PO_VO'], vveProgramma: 'PIRAMIDE' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ resultaat: 'goedgekeurd', meldingen: [] });
    const gelezen = await lees(res.body.inschrijvingId);
    expect(gelezen.status).toBe(200);
    expect(gelezen.body).toMatchObject({ pedagogischDidactischConcept: ['DALTON', 'JENAPLAN'], experiment: ['DOORLOPENDE_LEERLIJN_PO_VO'], vveProgramma: 'PIRAMIDE', speciaalOnderwijs: null });
    const versies = await t.http().get(`/rod/v1/inschrijvingen/${res.body.inschrijvingId}/versies`).set(bearer(r.alfa));
    expect(versies.body.items[0].inhoud).toMatchObject({ pedagogischDidactischConcept: ['DALTON', 'JENAPLAN'], experiment: ['DOORLOPENDE_LEERLIJN_PO_VO'], vveProgramma: 'PIRAMIDE' });

    const zonder = await send(inschrijving(await nieuweLeerling(r)));
    const leeg = await lees(zonder.body.inschrijvingId);
    expect(leeg.body).toMatchObject({ pedagogischDidactischConcept: [], experiment: [], vveProgramma: null });
    const inhoud = (await t.http().get(`/rod/v1/inschrijvingen/${zonder.body.inschrijvingId}/versies`).set(bearer(r.alfa))).body.items[0].inhoud;
    expect(Object.keys(inhoud)).not.toEqual(expect.arrayContaining(['pedagogischDidactischConcept']));
    expect(inhoud.experiment).toBeUndefined();
  });

  it('goedgekeurd met meldingen: 235 for a VVE programme outside groep 1–2', async () => {
    const bsn = await nieuweLeerling(r, '2017-05-20');
    const body = inschrijving(bsn, { vveProgramma: 'KALEIDOSCOOP' });
    body.inschrijvingPeriodeBO[0].groep = '4';
    const res = await send(body);
    expect(res.status).toBe(201);
    expect(codes(res.body.meldingen)).toEqual(['235_vve_buiten_groep_1_2']);
    expect(res.body.meldingen[0]).toMatchObject({ soort: 'MELDING', veld: '/vveProgramma' });
  });

  it('afgekeurd: 046 for a value not in its list or not valid on datumInschrijving, with its field; nothing stored', async () => {
    const bsn = await nieuweLeerling(r);
    const res = await send(inschrijving(bsn, { pedagogischDidactischConcept: ['DALTON', 'WALDORF'], experiment: ['FLEXIBELE_ONDERWIJSTIJDEN'], vveProgramma: 'PEUTERPRET' }));
    const body = expectProblem(res, 422, 'afgekeurd');
    expect(codes(body.foutmeldingen)).toEqual(['046_waardenlijst_fout', '046_waardenlijst_fout', '046_waardenlijst_fout']);
    expect(body.foutmeldingen.map((f: { veld: string }) => f.veld).sort()).toEqual(['/experiment/0', '/pedagogischDidactischConcept/1', '/vveProgramma']);
    expect(body.foutmeldingen.find((f: { veld: string }) => f.veld === '/experiment/0').tekst).toContain('niet geldig');
    const n = await t.db.query(`SELECT count(*)::int AS n FROM rod_inschrijving i JOIN rod_persoon p ON p.id = i.persoon_id WHERE p.burgerservicenummer = $1`, [bsn]);
    expect(n[0].n).toBe(0);
  });

  it('400 for a body that fails the schema; 403 without machtiging', async () => {
    const bsn = await nieuweLeerling(r);
    expectInvalid(await send(inschrijving(bsn, { pedagogischDidactischConcept: 'DALTON', experiment: [7] })), [
      { pointer: '/experiment/0' },
      { pointer: '/experiment', code: 'is_string' },
      { pointer: '/experiment', code: 'is_length' },
      { pointer: '/pedagogischDidactischConcept' },
    ]);
    expectProblem(await send(inschrijving(bsn, { vveProgramma: 'PEUTERPRET' }), r.beta), 403, '221_geen_machtiging');
  });
});
