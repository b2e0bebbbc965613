import { bearer } from '../support/auth';
import { expectInvalid, expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';
import { expectJson, rioSetup, RioTest } from './rio-support';

/** Contactadressen of besturen and aanbieders (rio.md §3): seeded, read on a date, written by their own bestuur only. */
describe('RIO contactadressen', () => {
  let t: TestApp;
  let r: RioTest;

  beforeAll(async () => {
    t = await createTestApp();
    r = await rioSetup(t);
  });
  afterAll(() => t.close());

  it('reads the seeded contactadressen of an aanbieder and a bestuur', async () => {
    const a = await t.http().get('/rio/v1/onderwijsaanbieders/100A001/contactadressen').set(bearer(r.beta));
    expectJson(a, 200);
    expect(a.body).toEqual({
      code: '100A001',
      contactadressen: [{ context: 'ALGEMEEN', subcontextnummer: 1, begindatum: '1996-08-01', einddatum: null, types: ['EMAIL', 'WEB'], eMailadres: 'info@01aa.school.example', webadres: 'https://01aa.school.example' }],
    });
    const b = await t.http().get('/rio/v1/onderwijsbesturen/100B002/contactadressen').set(bearer(r.alfa));
    expectJson(b, 200);
    expect(b.body.contactadressen.map((c: { context: string; eMailadres: string }) => [c.context, c.eMailadres])).toEqual([['FACTURATIE', 'administratie@100b002.bestuur.example']]);
    expectProblem(await t.http().get('/rio/v1/onderwijsaanbieders/999A999/contactadressen').set(bearer(r.alfa)), 404, 'not_found');
  });

  it('replaces them as a whole for a bestuur the client acts for, valid from a date', async () => {
    const url = '/rio/v1/onderwijsaanbieders/100A002/contactadressen';
    const res = await t.http().put(url).set(bearer(r.alfa)).send({
      contactadressen: [
        { context: 'ALGEMEEN', subcontextnummer: 1, begindatum: '2004-08-01', einddatum: '2026-01-01', types: ['EMAIL'], eMailadres: 'info@01ab.school.example' },
        { context: 'AANMELDEN', subcontextnummer: 1, begindatum: '2026-01-01', types: ['TELEFOON', 'WEB'], telefoonnummer: '0301234567', webadres: 'https://01ab.school.example/aanmelden', contactnaam: 'Leerlingadministratie' },
      ],
    });
    expectJson(res, 200);
    expect(res.body.contactadressen).toHaveLength(2);
    const nu = await t.http().get(url).set(bearer(r.beta));
    expect(nu.body.contactadressen.map((c: { context: string }) => c.context)).toEqual(['ALGEMEEN']);
    const later = await t.http().get(`${url}?datumGeldigOp=2026-01-01`).set(bearer(r.beta));
    expect(later.body.contactadressen).toEqual([
      { context: 'AANMELDEN', subcontextnummer: 1, begindatum: '2026-01-01', einddatum: null, types: ['TELEFOON', 'WEB'], telefoonnummer: '0301234567', webadres: 'https://01ab.school.example/aanmelden', contactnaam: 'Leerlingadministratie' },
    ]);
    const bestuur = await t.http().put('/rio/v1/onderwijsbesturen/100B001/contactadressen').set(bearer(r.alfa)).send({ contactadressen: [] });
    expectJson(bestuur, 200);
    expect((await t.http().get('/rio/v1/onderwijsbesturen/100B001/contactadressen').set(bearer(r.alfa))).body.contactadressen).toEqual([]);
  });

  it('refuses another bestuur (403 AUT401) and lists every broken rule at once', async () => {
    const geweigerd = await t.http().put('/rio/v1/onderwijsaanbieders/100A002/contactadressen').set(bearer(r.beta)).send({ contactadressen: [] });
    expect(expectProblem(geweigerd, 403, 'forbidden').foutmeldingen[0].foutcode).toBe('AUT401');
    expectProblem(await t.http().put('/rio/v1/onderwijsbesturen/100B001/contactadressen').set(bearer(r.beta)).send({ contactadressen: [] }), 403, 'forbidden');
    const fout = await t.http().put('/rio/v1/onderwijsaanbieders/100A004/contactadressen').set(bearer(r.beta)).send({
      contactadressen: [
        { context: 'LEERPLICHT', subcontextnummer: 1, begindatum: '1998-08-01', types: ['EMAIL', 'EMAIL', 'POSTDUIF'] },
        { context: 'ALGEMEEN', subcontextnummer: 1, begindatum: '2000-08-01', einddatum: '2000-08-01', types: ['WEB'], webadres: 'https://02aa.school.example' },
        { context: 'ALGEMEEN', subcontextnummer: 2, begindatum: '1990-08-01', types: ['FAX'] },
        { context: 'FACTURATIE', subcontextnummer: 1, begindatum: '2010-08-01', types: ['FAX'] },
        { context: 'FACTURATIE', subcontextnummer: 1, begindatum: '2012-08-01', types: ['FAX'] },
      ],
    });
    expectInvalid(fout, [
      { pointer: '/contactadressen/0/context', code: 'K01050' },
      { pointer: '/contactadressen/0/types/1', code: 'K01040' },
      { pointer: '/contactadressen/0/types/2', code: 'K01050' },
      { pointer: '/contactadressen/0/eMailadres', code: 'K01010' },
      { pointer: '/contactadressen/1/einddatum', code: 'N05010' },
      { pointer: '/contactadressen/2/begindatum', code: 'N05030' },
      { pointer: '/contactadressen/4', code: 'N05050' },
    ]);
    expectInvalid(await t.http().put('/rio/v1/onderwijsaanbieders/100A004/contactadressen').set(bearer(r.beta)).send({
      contactadressen: [{ context: 'ALGEMEEN', subcontextnummer: 0, begindatum: '2000-08-01', types: [], eMailadres: 'geen-mail', webadres: 'ftp://x.example' }],
    }), [
      { pointer: '/contactadressen/0/subcontextnummer' },
      { pointer: '/contactadressen/0/types' },
      { pointer: '/contactadressen/0/eMailadres' },
      { pointer: '/contactadressen/0/webadres' },
    ]);
  });
});
