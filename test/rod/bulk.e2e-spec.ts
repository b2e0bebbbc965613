import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Aanlevering, beoordeel, bsnMetControlecijfer, BulkSchrijfOpdracht, Herkomst, InschrijvingenBulkService, onderwijsnummerVoor } from '../../src/rod';
import { bearer } from '../support/auth';
import { createTestApp, TestApp } from '../support/test-app';
import { nieuweLeerling, RodTest, rodSetup, SCHOOL_ALFA, VANDAAG } from './rod-support';

const BSN = bsnMetControlecijfer('97000001') ?? bsnMetControlecijfer('97000002')!;
const ON = onderwijsnummerVoor(987001) ?? onderwijsnummerVoor(987002)!;

/** ROD's rules for a batch without HTTP (the BRON migration's path): judged by the same `beoordeel`, written in one statement. */
describe('ROD: the bulk path', () => {
  let t: TestApp;
  let r: RodTest;
  let bulk: InschrijvingenBulkService;
  let db: DataSource;

  beforeAll(async () => {
    t = await createTestApp();
    r = await rodSetup(t);
    bulk = t.app.get(InschrijvingenBulkService);
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  const { instellingscode, ...codes } = SCHOOL_ALFA;
  const aanlevering = (bsn: string, x: Partial<Aanlevering> = {}): Aanlevering => ({
    instellingscode,
    persoonsgebondenNummer: { burgerservicenummer: bsn },
    inschrijvingvolgnummer: 'B1',
    datumInschrijving: '2025-08-28',
    inschrijvingPeriodeBO: [{ datumBegin: '2025-08-28', ...codes, groep: '1' }],
    ...x,
  });
  const herkomst = (ontvangenOp = `${VANDAAG}T09:00:00Z`): Herkomst => ({
    sandboxId: r.sandboxId, bedrijfsdocumentId: randomUUID(), datumTijdBedrijfsdocument: `${VANDAAG}T08:00:00Z`, clientId: 'bron-migratie', oin: '00000001003214345000', ontvangenOp: new Date(ontvangenOp),
  });

  /** Judges a batch in one transaction and writes what is accepted; answers each judgement. */
  const verwerk = (aanleveringen: Aanlevering[], ontvangenOp?: string) =>
    db.transaction(async (m) => {
      const invoer = await bulk.readStanden(m, r.sandboxId, aanleveringen, VANDAAG);
      const oordelen = aanleveringen.map((a, i) => beoordeel(a, invoer[i].stand, invoer[i].context));
      const opdrachten: BulkSchrijfOpdracht[] = oordelen.flatMap((o) => (o.nieuweStand ? [{ nieuweStand: o.nieuweStand, meldingen: o.meldingen, herkomst: herkomst(ontvangenOp) }] : []));
      await bulk.write(m, opdrachten);
      return oordelen;
    });

  it('adds persons, judges a batch with RIO checks and writes the accepted inschrijvingen as the API reads them', async () => {
    const bekend = await nieuweLeerling(r);
    const personen = await db.transaction((m) =>
      bulk.addPersonen(m, r.sandboxId, [
        { burgerservicenummer: bekend, onderwijsnummer: null, geboortedatum: '2000-01-01', geslacht: 'M', achternaam: 'Bestaat al' },
        { burgerservicenummer: BSN, onderwijsnummer: null, geboortedatum: '2019-02-03', geslacht: 'V', achternaam: 'Bulk' },
        { burgerservicenummer: null, onderwijsnummer: ON, geboortedatum: '2011-07-01', geslacht: 'M', achternaam: 'Oud' },
      ]),
    );
    // A registered person is found, not added again nor changed.
    expect(personen[0]).toMatchObject({ nieuw: false, persoon: { burgerservicenummer: bekend, geboortedatum: '2019-05-20' } });
    expect(personen[1]).toMatchObject({ nieuw: true, persoon: { burgerservicenummer: BSN, geboortedatum: '2019-02-03' } });
    expect(personen[2]).toMatchObject({ nieuw: true, persoon: { burgerservicenummer: null, onderwijsnummer: ON, geboortedatum: '2011-07-01' } });

    const oordelen = await verwerk([
      aanlevering(bekend),
      aanlevering(BSN, { inschrijvingPeriodeBO: [{ datumBegin: '2025-08-28', ...codes, onderwijslocatiecode: '999X999', groep: '1' }] }),
      aanlevering(ON, { persoonsgebondenNummer: { onderwijsnummer: ON } }),
    ]);
    expect(oordelen.map((o) => o.foutmeldingen.map((f) => f.code))).toEqual([[], ['220_vestiging_onbekend'], []]);
    expect(oordelen[2].meldingen.map((f) => f.code)).toEqual(['251_leerling_te_oud']);

    const id = oordelen[0].nieuweStand!.inschrijvingId;
    const res = await t.http().get(`/rod/v1/inschrijvingen/${id}`).set(bearer(r.alfa));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toMatchObject({
      inschrijvingId: id,
      persoonsgebondenNummer: { burgerservicenummer: bekend },
      inschrijvingvolgnummer: 'B1',
      datumInschrijving: '2025-08-28',
      versie: 1,
      inschrijvingPeriodeBO: [{ datumBegin: '2025-08-28', datumEinde: null, vestigingscode: '01AA00', groep: '1' }],
      eerstOntvangenOp: `${VANDAAG}T09:00:00.000Z`,
    });
    const versies = await t.http().get(`/rod/v1/inschrijvingen/${id}/versies`).set(bearer(r.alfa));
    expect(versies.status).toBe(200);
    expect(versies.body.items).toHaveLength(1);
    // The afgekeurde stored nothing; a bulk load writes no bedrijfsdocumenten.
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM rod_inschrijving i JOIN rod_persoon p ON p.id = i.persoon_id WHERE p.burgerservicenummer = $1`, [BSN]);
    expect(n).toBe(0);
    const [{ docs }] = await t.db.query(`SELECT count(*)::int AS docs FROM rod_bedrijfsdocument WHERE oin = '00000001003214345000'`);
    expect(docs).toBe(0);
  });

  it('a second batch changes an inschrijving: a new version, its periodes replaced, first receipt kept; the same content changes nothing', async () => {
    const bsn = await nieuweLeerling(r);
    const [eerste] = await verwerk([aanlevering(bsn)]);
    const id = eerste.nieuweStand!.inschrijvingId;
    const [tweede] = await verwerk([
      aanlevering(bsn, { inschrijvingPeriodeBO: [{ datumBegin: '2025-08-28', ...codes, groep: '1' }, { datumBegin: '2025-09-01', ...codes, groep: '2' }] }),
    ], `${VANDAAG}T11:00:00Z`);
    expect(tweede.nieuweStand).toMatchObject({ inschrijvingId: id, nieuw: false, gewijzigd: true, versie: 2 });
    const [derde] = await verwerk([
      aanlevering(bsn, { inschrijvingPeriodeBO: [{ datumBegin: '2025-08-28', ...codes, groep: '1' }, { datumBegin: '2025-09-01', ...codes, groep: '2' }] }),
    ]);
    expect(derde.nieuweStand).toMatchObject({ inschrijvingId: id, gewijzigd: false, versie: 2 });
    const res = await t.http().get(`/rod/v1/inschrijvingen/${id}`).set(bearer(r.alfa));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ versie: 2, eerstOntvangenOp: `${VANDAAG}T09:00:00.000Z`, ontvangenOp: `${VANDAAG}T11:00:00.000Z` });
    expect(res.body.inschrijvingPeriodeBO.map((p: { datumBegin: string; datumEinde: string | null; groep: string }) => [p.datumBegin, p.datumEinde, p.groep])).toEqual([
      ['2025-08-28', '2025-08-31', '1'],
      ['2025-09-01', null, '2'],
    ]);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM rod_inschrijving_versie WHERE inschrijving_id = $1`, [id]);
    expect(n).toBe(2);
  });

  it('readStanden takes the persons addPersonen answered: the same state as looked up, without reading inschrijvingen of a person just registered', async () => {
    const bestaand = await nieuweLeerling(r);
    await verwerk([aanlevering(bestaand)]);
    const nieuw = bsnMetControlecijfer('97000021') ?? bsnMetControlecijfer('97000022')!;
    await db.transaction(async (m) => {
      const personen = await bulk.addPersonen(m, r.sandboxId, [
        { burgerservicenummer: bestaand, onderwijsnummer: null, geboortedatum: '2019-05-20', geslacht: 'V', achternaam: 'Bestaat al' },
        { burgerservicenummer: nieuw, onderwijsnummer: null, geboortedatum: '2019-02-03', geslacht: 'M', achternaam: 'Nieuw' },
      ]);
      expect(personen.map((p) => p.nieuw)).toEqual([false, true]);
      const aanleveringen = [aanlevering(bestaand), aanlevering(nieuw)];
      const opgezocht = await bulk.readStanden(m, r.sandboxId, aanleveringen, VANDAAG);
      const doorgegeven = await bulk.readStanden(m, r.sandboxId, aanleveringen, VANDAAG, personen.map((p) => ({ persoon: p.persoon, zonderInschrijvingen: p.nieuw })));
      expect(doorgegeven.map((x) => x.stand)).toEqual(opgezocht.map((x) => x.stand));
      // The registered person's inschrijving is read (nothing said it has none); the new one has none.
      expect(doorgegeven[0].stand.huidig).toMatchObject({ instellingscode, inschrijvingvolgnummer: 'B1', versie: 1 });
      expect(doorgegeven[1].stand).toMatchObject({ persoon: { burgerservicenummer: nieuw }, huidig: null, andere: [] });
      // A person passed as without inschrijvingen is taken at its word: the bulk caller vouches for it.
      const zonder = await bulk.readStanden(m, r.sandboxId, [aanleveringen[0]], VANDAAG, [{ persoon: personen[0].persoon, zonderInschrijvingen: true }]);
      expect(zonder[0].stand.huidig).toBeNull();
    });
  });

  it('refuses a batch in which a person occurs twice (its state would miss the first)', async () => {
    const bsn = await nieuweLeerling(r);
    await expect(verwerk([aanlevering(bsn), aanlevering(bsn, { inschrijvingvolgnummer: 'B2' })])).rejects.toThrow(/occurs twice/);
  });
});
