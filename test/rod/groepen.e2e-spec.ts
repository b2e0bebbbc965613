import { AanleverenService } from '../../src/rod/inschrijvingen/aanleveren.service';
import { InschrijvingenRepository } from '../../src/rod/inschrijvingen/inschrijvingen.repository';
import { bearer, tokenFor } from '../support/auth';
import { createTestApp, TestApp } from '../support/test-app';
import { inschrijving, nieuweLeerling, RodTest, rodSetup, SCHOOL_ALFA } from './rod-support';

/**
 * Submissions that arrive together are read and committed as a group (one lane here, so they all meet): each still gets
 * its own answer, from its own sandbox, with its own RIO check, and the one afgekeurd stores nothing.
 */
describe('ROD: submissions committed in groups', () => {
  let t: TestApp;
  let r: RodTest;
  let tweede: string;
  let beheerTweede: string;

  beforeAll(async () => {
    t = await createTestApp({ WRITE_LANES: '1', WRITE_BATCH_MAX: '64' });
    r = await rodSetup(t);
    expect((await t.http().post('/beheer/v1/sandboxes').set(bearer(r.admin)).send({ code: 'tweede', seed: 'small', clientIds: ['las-alfa', 'demo-beheer'] })).status).toBe(201);
    tweede = await tokenFor(t, 'las-alfa', undefined, { sandbox: 'tweede' });
    beheerTweede = await tokenFor(t, 'demo-beheer', undefined, { sandbox: 'tweede' });
  });
  afterAll(() => t.close());

  const leerlingInTweede = async () => {
    const res = await t.http().post('/rod/v1/personen').set(bearer(beheerTweede)).send({ geboortedatum: '2019-05-20', geslacht: 'M', achternaam: 'Tweede' });
    expect(res.status).toBe(201);
    return res.body.burgerservicenummer as string;
  };

  it('answers every submission of a mixed group on its own: sandboxes, RIO per periode, a foutmelding', async () => {
    const spy = jest.spyOn(AanleverenService.prototype as unknown as { readGroep: (m: unknown, x: { sandboxId: string }[]) => Promise<unknown> }, 'readGroep');
    const inDefault = await Promise.all(Array.from({ length: 6 }, () => nieuweLeerling(r)));
    const inTweede = await Promise.all(Array.from({ length: 6 }, () => leerlingInTweede()));
    // The fourth pupil of the default sandbox has two periodes, the second at a locatie RIO does not know.
    const tweePeriodes = (bsn: string) =>
      inschrijving(bsn, {
        inschrijvingPeriodeBO: [
          { datumBegin: '2025-08-28', ...codesVan(SCHOOL_ALFA), groep: '1' },
          { datumBegin: '2025-08-30', ...codesVan(SCHOOL_ALFA), onderwijslocatiecode: '999X999', groep: '1' },
        ],
      });
    const verzoeken = inDefault.flatMap((bsn, i) => [
      { token: r.alfa, body: i === 3 ? tweePeriodes(bsn) : inschrijving(bsn), sandbox: 'default', bsn },
      { token: tweede, body: inschrijving(inTweede[i]), sandbox: 'tweede', bsn: inTweede[i] },
    ]);
    const antwoorden = await Promise.all(verzoeken.map((v) => t.http().post('/rod/v1/inschrijvingen').set(bearer(v.token)).send(v.body)));
    const groepen = spy.mock.calls.map((c) => c[1]);
    spy.mockRestore();

    // They met: a group read served submissions of both sandboxes.
    expect(groepen.some((g) => new Set(g.map((x) => x.sandboxId)).size > 1)).toBe(true);
    antwoorden.forEach((res, k) => {
      if (k === 6) {
        expect(res.status).toBe(422);
        expect(res.body.foutmeldingen.map((f: { code: string; veld: string }) => [f.code, f.veld])).toEqual([['220_vestiging_onbekend', '/inschrijvingPeriodeBO/1/onderwijslocatiecode']]);
      } else {
        expect(res.status).toBe(201);
        expect(res.body.resultaat).not.toBe('afgekeurd');
      }
    });
    // Each stored in its own sandbox only.
    for (const [k, v] of verzoeken.entries()) {
      if (k === 6) continue;
      const id = antwoorden[k].body.inschrijvingId;
      expect((await t.http().get(`/rod/v1/inschrijvingen/${id}`).set(bearer(v.token))).status).toBe(200);
      const ander = v.sandbox === 'default' ? tweede : r.alfa;
      expect((await t.http().get(`/rod/v1/inschrijvingen/${id}`).set(bearer(ander))).status).toBe(404);
    }
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM rod_inschrijving i JOIN rod_persoon p ON p.id = i.persoon_id WHERE p.burgerservicenummer = $1`, [inDefault[3]]);
    expect(n).toBe(0);
  });

  it('reads a submission again when its inschrijvingen were read for another person than the one whose lock it holds', async () => {
    // The documents and inschrijvingen are read by number, sent before the locks are answered; a person registered in
    // between would make that read another person's. Simulated: the read by number finds nobody.
    const bsn = await nieuweLeerling(r);
    const eerste = await t.http().post('/rod/v1/inschrijvingen').set(bearer(r.alfa)).send(inschrijving(bsn));
    expect(eerste.status).toBe(201);
    const spy = jest.spyOn(InschrijvingenRepository.prototype, 'readOpNummer').mockImplementation(async (_m, _sandbox, xs) => xs.map(() => ({ persoonId: null, document: null, huidig: null, andere: [] })));
    const tweede = await t.http().post('/rod/v1/inschrijvingen').set(bearer(r.alfa)).send(inschrijving(bsn, { inschrijvingPeriodeBO: [{ datumBegin: '2025-08-28', ...codesVan(SCHOOL_ALFA), groep: '2' }] }));
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
    // Judged on what is stored (read again under the lock): the same inschrijving, changed, not a second one.
    expect(tweede.status).toBe(200);
    expect(tweede.body).toMatchObject({ inschrijvingId: eerste.body.inschrijvingId, versie: 2, gewijzigd: true });
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM rod_inschrijving i JOIN rod_persoon p ON p.id = i.persoon_id WHERE p.burgerservicenummer = $1`, [bsn]);
    expect(n).toBe(1);
  });
});

function codesVan(school: typeof SCHOOL_ALFA) {
  const { instellingscode: _, ...codes } = school;
  return codes;
}
