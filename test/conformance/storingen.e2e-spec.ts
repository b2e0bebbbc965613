import { randomUUID } from 'node:crypto';
import { bearer } from '../support/auth';
import { expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';
import { inschrijving, nieuweLeerling, rodSetup, RodTest } from '../rod/rod-support';

/** Fault rules on requests: every n-th, a window on the sandbox clock, added latency, a dropped connection; all in the journal. */
describe('conformance storingen on requests', () => {
  let t: TestApp;
  let r: RodTest;
  beforeAll(async () => {
    t = await createTestApp();
    r = await rodSetup(t);
  });
  afterEach(async () => {
    await t.db.query('DELETE FROM conformance_storing');
    await zetTijd('2025-09-01T10:00:00Z');
  });
  afterAll(() => t.close());

  const zetTijd = async (now: string) => {
    await t.http().put('/beheer/v1/sandboxes/default/klok').set(bearer(r.admin)).send({ mode: 'FROZEN', now }).expect(200);
  };
  const storing = async (body: object) => {
    const res = await t.http().post('/conformance/v1/storingen').set(bearer(r.alfa)).send(body);
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  /** A read that any number of requests may repeat: the registratieoverzicht of 01AA. */
  const lees = () => t.http().get('/rod/v1/instellingen/01AA/registratieoverzicht').set(bearer(r.alfa));
  const journaal = async (query: string) => (await t.http().get(`/conformance/v1/journaal?${query}`).set(bearer(r.alfa)).expect(200)).body.items as any[];
  const opgeslagen = async (bsn: string) =>
    (await t.http().post('/rod/v1/inschrijvingen/_zoek').set(bearer(r.alfa)).send({ instellingscode: '01AA', persoonsgebondenNummer: { burgerservicenummer: bsn } }).expect(200)).body.items;
  /** Sends and answers the error the client saw: a status, or the socket error of a dropped connection. */
  const verstuur = async (body: object, headers: Record<string, string> = {}): Promise<number | string> => {
    try {
      return (await t.http().post('/rod/v1/inschrijvingen').set(bearer(r.alfa)).set(headers).send(body)).status;
    } catch (e) {
      return (e as { code?: string }).code ?? String(e);
    }
  };

  it('elkeNde: only every third matching request meets the storing, and the journal names the rule on exactly those', async () => {
    const id = await storing({ methode: 'GET', padPatroon: '/rod/v1/instellingen/*/registratieoverzicht', soort: 'STATUS', status: 503, retryAfter: 5, elkeNde: 3 });
    const statussen: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await lees();
      statussen.push(res.status);
      if (res.status === 503) {
        expectProblem(res, 503, 'gesimuleerde_storing');
        expect(res.headers['retry-after']).toBe('5');
        expect(res.body.storingId).toBe(id);
      }
    }
    expect(statussen).toEqual([200, 200, 503, 200, 200, 503, 200]);
    // Another path and another method do not match (and are not counted).
    await t.http().get('/rod/v1/berichten?vanaf=0').set(bearer(r.alfa)).expect(200);
    expect((await lees()).status).toBe(200);
    const items = await journaal('pad=/rod/v1/instellingen/*&limit=8');
    const getroffen = items.filter((i) => i.storingId === id);
    expect(getroffen).toHaveLength(2);
    expect(getroffen.every((i) => i.status === 503 && i.codes.includes('gesimuleerde_storing'))).toBe(true);
    expect(items.filter((i) => i.storingId === null).every((i) => i.status === 200)).toBe(true);
    // The rule itself is readable, as the journal refers to it.
    const lijst = (await t.http().get('/conformance/v1/storingen').set(bearer(r.alfa)).expect(200)).body;
    expect((lijst.items ?? lijst).map((s: any) => s.id)).toContain(id);
  });

  it('a window on the sandbox clock: no fault before vanaf, a fault inside, none from tot on', async () => {
    const id = await storing({ padPatroon: '/rod/v1/*', soort: 'STATUS', status: 500, vanaf: '2025-09-01T11:00:00Z', tot: '2025-09-01T12:00:00Z' });
    expect((await lees()).status).toBe(200);
    await zetTijd('2025-09-01T11:30:00Z');
    const binnen = await lees();
    expectProblem(binnen, 500, 'gesimuleerde_storing');
    expect(binnen.headers['retry-after']).toBeUndefined();
    await zetTijd('2025-09-01T12:00:00Z');
    expect((await lees()).status).toBe(200);
    const items = await journaal('pad=/rod/v1/instellingen/*&limit=3');
    expect(items.map((i) => [i.status, i.storingId])).toEqual([[200, null], [500, id], [200, null]].reverse());
  });

  it('VERTRAGING answers late but unchanged', async () => {
    const id = await storing({ methode: 'GET', padPatroon: '/rod/v1/instellingen/*/registratieoverzicht', soort: 'VERTRAGING', vertragingMs: 400 });
    const begin = Date.now();
    const res = await lees();
    expect(res.status).toBe(200);
    expect(Date.now() - begin).toBeGreaterThanOrEqual(400);
    const [item] = await journaal('pad=/rod/v1/instellingen/*&limit=1');
    expect(item).toMatchObject({ status: 200, storingId: id });
    expect(item.duurMs).toBeGreaterThanOrEqual(400);
  });

  it('VERBINDING_VERBREKEN drops the connection: before handling nothing is stored; after handling it is stored once and a retry gets it', async () => {
    await storing({ methode: 'POST', padPatroon: '/rod/v1/inschrijvingen', soort: 'VERBINDING_VERBREKEN' });
    const bsn = await nieuweLeerling(r, '2019-02-12');
    const bericht = inschrijving(bsn);
    expect(await verstuur(bericht)).toMatch(/ECONNRESET|socket hang up/);
    expect(await opgeslagen(bsn)).toHaveLength(0);
    await t.db.query('DELETE FROM conformance_storing');

    await storing({ methode: 'POST', padPatroon: '/rod/v1/inschrijvingen', soort: 'VERBINDING_VERBREKEN', schrijven: 'OPSLAAN_DAN_STORING' });
    const sleutel = randomUUID();
    expect(await verstuur(bericht, { 'Idempotency-Key': sleutel })).toMatch(/ECONNRESET|socket hang up/);
    expect(await opgeslagen(bsn)).toHaveLength(1);
    await t.db.query('DELETE FROM conformance_storing');
    // (Rules are cached for a second per sandbox.)
    await new Promise((res) => setTimeout(res, 1100));
    const opnieuw = await t.http().post('/rod/v1/inschrijvingen').set(bearer(r.alfa)).set('Idempotency-Key', sleutel).send(bericht);
    expect(opnieuw.status).toBe(201);
    expect(opnieuw.headers['idempotent-replayed']).toBe('true');
    expect(await opgeslagen(bsn)).toHaveLength(1);
    // The journal shows both drops as 503 with their rule, newest first, then the replayed answer.
    const items = await journaal(`bedrijfsdocumentId=${bericht.bedrijfsdocument.identificatiecodeBedrijfsdocument}`);
    expect(items.map((i) => [i.status, i.storingId !== null, i.herhaald])).toEqual([[201, false, true], [503, true, false], [503, true, false]]);
  });
});
