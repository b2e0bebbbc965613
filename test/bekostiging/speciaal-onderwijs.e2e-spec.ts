import { randomUUID } from 'node:crypto';
import { bearer, tokenFor } from '../support/auth';
import { createTestApp, TestApp } from '../support/test-app';
import { nieuweLeerling } from './bekostiging-support';

const DE_BRUG = { vestigingscode: '02AC00', onderwijsaanbiedercode: '100A006', onderwijslocatiecode: '100X006' };

/** Bekostiging of so/vso inschrijvingen (rod.md §8.2): cluster 3/4 needs a TLV valid on the teldatum (B05); vso is funded until the schooljaar of the 20th birthday (B06). */
describe('bekostiging: so and vso', () => {
  let t: TestApp;
  let admin: string;
  let beta: string;

  beforeAll(async () => {
    t = await createTestApp();
    [admin, beta] = [await tokenFor(t, 'demo-beheer'), await tokenFor(t, 'las-beta')];
    // Teldatum 1 February 2027 is open (deadline 1 March).
    expect((await t.http().put('/beheer/v1/sandboxes/default/klok').set(bearer(admin)).send({ mode: 'FROZEN', now: '2027-02-10T10:00:00Z' })).status).toBe(200);
  });
  afterAll(() => t.close());

  const schrijfIn = async (bsn: string, so: Record<string, unknown>) => {
    const res = await t
      .http()
      .post('/rod/v1/inschrijvingen-so')
      .set(bearer(beta))
      .send({
        bedrijfsdocument: { identificatiecodeBedrijfsdocument: randomUUID(), datumTijdBedrijfsdocument: '2027-02-10T09:00:00Z' },
        instellingscode: '02AC',
        persoonsgebondenNummer: { burgerservicenummer: bsn },
        inschrijvingvolgnummer: '1',
        datumInschrijving: '2027-01-11',
        inschrijvingPeriodeSO: [{ datumBegin: '2027-01-11', ...DE_BRUG, groep: '3' }],
        schoolsoort: '1',
        cluster: 3,
        ...so,
      });
    expect([200, 201]).toContain(res.status);
    return res.body.inschrijvingId as string;
  };
  const status = async (id: string) => {
    const res = await t.http().get('/rod/v1/bekostigingsstatussen?instellingscode=02AC&teldatum=2027-02-01&pageSize=100').set(bearer(beta));
    expect(res.status).toBe(200);
    return res.body.items.find((x: { inschrijvingId: string }) => x.inschrijvingId === id);
  };

  it('cluster 3: funded only with a TLV valid on the teldatum (B05); cluster 2 needs none', async () => {
    const bsn = await nieuweLeerling(t, admin);
    const id = await schrijfIn(bsn, { toelaatbaarheidsverklaring: [{ beschikkingsnummer: 'TLV-SO-1', datumBegin: '2027-01-04', datumEinde: '2027-01-31' }] });
    expect(await status(id)).toMatchObject({ status: 'NIET_BEKOSTIGD', signalen: [expect.objectContaining({ code: 'B05_geen_geldige_tlv' })] });
    await schrijfIn(bsn, { toelaatbaarheidsverklaring: [{ beschikkingsnummer: 'TLV-SO-1', datumBegin: '2027-01-04' }] });
    expect(await status(id)).toMatchObject({ status: 'BEKOSTIGD', signalen: [] });

    const cluster2 = await schrijfIn(await nieuweLeerling(t, admin), { cluster: 2, soortOnderwijs: 'DOOF' });
    expect(await status(cluster2)).toMatchObject({ status: 'BEKOSTIGD', signalen: [] });
  });

  it('vso funds a pupil of 17 (too old for bo and so) until the schooljaar of the 20th birthday (B06)', async () => {
    const vso = { cluster: 2, soortOnderwijs: 'DOOF', schoolsoort: '2', uitstroomprofiel: 'ARBEIDSMARKT' };
    const zeventien = await schrijfIn(await nieuweLeerling(t, admin, '2009-06-01'), vso);
    expect(await status(zeventien)).toMatchObject({ status: 'BEKOSTIGD', signalen: [] });
    const so = await schrijfIn(await nieuweLeerling(t, admin, '2009-06-01'), { cluster: 2, soortOnderwijs: 'DOOF' });
    expect(await status(so)).toMatchObject({ status: 'NIET_BEKOSTIGD', signalen: [expect.objectContaining({ code: 'B06_leeftijd' })] });
    const eenentwintig = await schrijfIn(await nieuweLeerling(t, admin, '2005-06-01'), vso);
    expect(await status(eenentwintig)).toMatchObject({ status: 'NIET_BEKOSTIGD', signalen: [expect.objectContaining({ code: 'B06_leeftijd' })] });
  });
});
