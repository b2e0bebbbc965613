import { randomUUID } from 'node:crypto';
import { AfleveringWorker, BerichtenVolgorde } from '../../src/berichten';
import { bearer } from '../support/auth';
import { createTestApp, TestApp } from '../support/test-app';
import { sandboxId, schrijfEvents, startOntvanger, wachtTot } from '../berichten/berichten-support';
import { bedrijfsdocument, inschrijving, nieuweLeerling, rodSetup, RodTest, SCHOOL_BETA } from '../rod/rod-support';

const ENV = { WEBHOOK_BACKOFF_BASE_MS: '20', WEBHOOK_BACKOFF_MAX_MS: '100', WEBHOOK_MAX_ATTEMPTS: '3', WEBHOOK_TIMEOUT_MS: '300' };

/**
 * A scripted LAS that does each proefgeval wrong fails it with the expected reason. Every case gets a run of its own,
 * finished right after, so one case's traffic does not grade another.
 */
describe('proefgevallen done wrong fail with their reason', () => {
  let t: TestApp;
  let r: RodTest;
  beforeAll(async () => {
    t = await createTestApp(ENV);
    r = await rodSetup(t);
  });
  afterAll(() => t.close());

  const post = (path: string, body: unknown, headers: Record<string, string> = {}, token = r.alfa) => t.http().post(path).set(bearer(token)).set(headers).send(body as object);
  const get = (path: string, token = r.alfa) => t.http().get(path).set(bearer(token));
  /** Starts a run, lets the LAS act, finishes the run and answers the graded case. */
  const geval = async (nummer: string, las: () => Promise<unknown>) => {
    const runId = (await post('/conformance/v1/runs', {}).expect(201)).body.runId as string;
    await las();
    const rapport = (await post(`/conformance/v1/runs/${runId}/afronding`, {}).expect(200)).body;
    return rapport.gevallen.find((g: any) => g.nummer === nummer);
  };

  it('PG01: an onderwijsnummer issued but never used in an inschrijving', async () => {
    const g = await geval('PG01', async () => {
      const id = await post('/rod/v1/identificaties', {
        geboortedatum: '2019-01-09', geslacht: 'M', achternaam: 'Novak', voornamen: 'Petr',
        adres: { buitenlandsAdres: { adresregels: ['Karlova 1', '110 00 Praha'], landcode: '7065' } },
      }).expect(200);
      expect(id.body.persoonsgebondenNummer.onderwijsnummer).toMatch(/^\d{9}$/);
    });
    expect(g).toMatchObject({ uitslag: 'MISLUKT', reden: expect.stringContaining('no accepted inschrijving used it') });
  });

  it('PG02: no inschrijving accepted (a school without machtiging)', async () => {
    const bsn = await nieuweLeerling(r, '2019-02-09');
    const g = await geval('PG02', () => post('/rod/v1/inschrijvingen', inschrijving(bsn, {}, SCHOOL_BETA)).expect(403));
    expect(g).toMatchObject({ uitslag: 'MISLUKT', reden: expect.stringContaining('answers: 403') });
  });

  it('PG05: an uitschrijving before the inschrijving is afgekeurd and never fixed', async () => {
    const bsn = await nieuweLeerling(r, '2019-03-09');
    const g = await geval('PG05', () => post('/rod/v1/inschrijvingen', inschrijving(bsn, { datumUitschrijving: '2025-08-01' })).expect(422));
    expect(g).toMatchObject({ uitslag: 'MISLUKT', reden: 'No uitschrijving was accepted.' });
    expect(g.details[0].codes).toContain('232_uitschrijving_voor_inschrijving');
  });

  it('PG06: a verwijdering of an inschrijving that does not exist', async () => {
    const bsn = await nieuweLeerling(r, '2019-04-09');
    const g = await geval('PG06', () =>
      post('/rod/v1/verwijderingen', { bedrijfsdocument: bedrijfsdocument(), instellingscode: '01AA', persoonsgebondenNummer: { burgerservicenummer: bsn }, inschrijvingvolgnummer: '1' }),
    );
    expect(g).toMatchObject({ uitslag: 'MISLUKT', reden: 'No verwijdering was accepted.' });
    expect(g.details[0].status).toBeGreaterThanOrEqual(400);
  });

  it('PG07: melding 250 left unresolved', async () => {
    const g = await geval('PG07', async () => {
      const res = await post('/rod/v1/inschrijvingen', inschrijving('999990056', { inschrijvingvolgnummer: 'D9' })).expect(201);
      expect(res.body.meldingen.map((m: any) => m.code)).toContain('250_overlap_andere_school');
      // Sent again unchanged: still overlapping.
      await post('/rod/v1/inschrijvingen', { ...inschrijving('999990056', { inschrijvingvolgnummer: 'D9' }) }).expect(200);
    });
    expect(g).toMatchObject({ uitslag: 'MISLUKT', reden: expect.stringContaining('never resolved') });
  });

  it('PG08: an Idempotency-Key reused for another body', async () => {
    const sleutel = randomUUID();
    const g = await geval('PG08', async () => {
      await post('/rod/v1/inschrijvingen', inschrijving(await nieuweLeerling(r, '2019-05-09')), { 'Idempotency-Key': sleutel }).expect(201);
      await post('/rod/v1/inschrijvingen', inschrijving(await nieuweLeerling(r, '2019-05-10')), { 'Idempotency-Key': sleutel }).expect(422);
    });
    expect(g).toMatchObject({ uitslag: 'MISLUKT', reden: expect.stringContaining('idempotency_key_reused') });
  });

  it('PG10: the feed read from a cursor beyond every one ROD gave', async () => {
    await schrijfEvents(t, await sandboxId(t), '01AA', 3);
    await t.app.get(BerichtenVolgorde).positionAll();
    // The head of the feed, read before the run (ROD refuses a cursor beyond it).
    let kop = '0';
    for (let i = 0; i < 50; i++) {
      const f = await get(`/rod/v1/berichten?vanaf=${kop}&limit=100`).expect(200);
      kop = f.body.volgendeCursor;
      if (!f.body.meer) break;
    }
    const g = await geval('PG10', async () => {
      const eerste = await get('/rod/v1/berichten?vanaf=0&limit=1').expect(200);
      expect(BigInt(kop)).toBeGreaterThan(BigInt(eerste.body.volgendeCursor));
      await get(`/rod/v1/berichten?vanaf=${kop}`).expect(200);
    });
    expect(g).toMatchObject({ uitslag: 'MISLUKT', reden: expect.stringContaining('events may have been skipped') });
  });

  it('PG11: the registratieoverzicht of a school the vendor does not serve', async () => {
    const g = await geval('PG11', () => get('/rod/v1/instellingen/02AA/registratieoverzicht').expect(403));
    expect(g).toMatchObject({ uitslag: 'MISLUKT', reden: 'Reading the registratieoverzicht failed (403).' });
  });

  it('PG13: a bekostigingssignaal read but the inschrijving never corrected', async () => {
    const sbo = { instellingscode: '01AC', vestigingscode: '01AC00', onderwijsaanbiedercode: '100A003', onderwijslocatiecode: '100X003' };
    const g = await geval('PG13', async () => {
      await post('/rod/v1/inschrijvingen', inschrijving(await nieuweLeerling(r, '2017-05-05'), { inschrijvingvolgnummer: 'S9' }, sbo)).expect(201);
      await t.app.get(BerichtenVolgorde).positionAll();
      let cursor = '0';
      for (let i = 0; i < 50; i++) {
        const f = await get(`/rod/v1/berichten?vanaf=${cursor}&limit=100`).expect(200);
        cursor = f.body.volgendeCursor;
        if (!f.body.meer) break;
      }
    });
    expect(g).toMatchObject({ uitslag: 'MISLUKT', reden: expect.stringContaining('not sent again corrected') });
  });

  it('PG09: a receiver that acknowledges passes; one that answers 500 is dead-lettered and fails', async () => {
    const sandbox = await sandboxId(t);
    const worker = t.app.get(AfleveringWorker);
    const metOntvanger = async (status: number) => {
      const o = await startOntvanger(() => status);
      try {
        return await geval('PG09', async () => {
          const sub = (await post('/rod/v1/webhook-abonnementen', { url: o.url }).expect(201)).body;
          const [id] = await schrijfEvents(t, sandbox, '01AA', 1);
          const log = async () => (await get(`/rod/v1/webhook-abonnementen/${sub.abonnementId}/afleveringen`).expect(200)).body.items;
          const klaar = (a: any) => a.eventId === id && (a.status === 'DEAD_LETTER' || a.status === 'GELEVERD');
          const verder = async () => {
            await t.db.query(`UPDATE sandbox SET clock_frozen_at = clock_frozen_at + interval '1 second' WHERE id = $1`, [sandbox]);
            await worker.runRound();
          };
          await wachtTot(async () => (await log()).find(klaar), verder);
        });
      } finally {
        await o.close();
      }
    };
    expect(await metOntvanger(200)).toMatchObject({ uitslag: 'GESLAAGD' });
    expect(await metOntvanger(500)).toMatchObject({ uitslag: 'MISLUKT', reden: expect.stringContaining('dead-lettered') });
  });
});
