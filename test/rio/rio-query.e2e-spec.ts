import { RioPeriodeCheckInput, RioQueryService } from '../../src/rio';
import { createTestApp, TestApp } from '../support/test-app';

/** The contract ROD and bekostiging code against, on the small seed of the default sandbox. */
describe('RioQueryService and v_rio_vestiging_bekostiging', () => {
  let t: TestApp;
  let rio: RioQueryService;
  let sandboxId: string;
  const regenboog = { instellingscode: '01AA', vestigingscode: '01AA00', onderwijsaanbiedercode: '100A001', onderwijslocatiecode: '100X001' };
  const check = (inputs: RioPeriodeCheckInput[]) => rio.checkPeriodes(t.db.manager, sandboxId, inputs);

  beforeAll(async () => {
    t = await createTestApp();
    rio = t.app.get(RioQueryService);
    [{ id: sandboxId }] = await t.db.query(`SELECT id FROM sandbox WHERE code = 'default'`);
  });
  afterAll(() => t.close());

  it('accepts a consistent combination on a date inside every period (begindatum inclusive)', async () => {
    expect(await check([{ ...regenboog, datum: '2024-09-01' }, { ...regenboog, datum: '1996-08-01' }])).toEqual([
      { onbekend: [], afwijkingen: [], instellingssoort: 'BAS' },
      { onbekend: [], afwijkingen: [], instellingssoort: 'BAS' },
    ]);
  });

  it('answers every demo school of both demo besturen as consistent', async () => {
    const scholen = [
      ['01AB', '01AB00', '100A002', '100X002', 'BAS'],
      ['01AC', '01AC00', '100A003', '100X003', 'SBAS'],
      ['02AA', '02AA00', '100A004', '100X004', 'BAS'],
      ['02AB', '02AB00', '100A005', '100X005', 'BAS'],
      ['02AC', '02AC00', '100A006', '100X006', 'SPEC'],
      ['01AA', '01AA01', '100A001', '100X007', 'BAS'],
    ];
    const inputs = scholen.map(([a, b, c, d]) => ({ instellingscode: a, vestigingscode: b, onderwijsaanbiedercode: c, onderwijslocatiecode: d, datum: '2025-01-15' }));
    expect(await check(inputs)).toEqual(scholen.map((s) => ({ onbekend: [], afwijkingen: [], instellingssoort: s[4] })));
  });

  it('names every code that does not exist, a BRIN6 of another BRIN4, and an aanbieder or locatie of another bestuur', async () => {
    const res = await check([
      { instellingscode: '99ZZ', vestigingscode: '99ZZ00', onderwijsaanbiedercode: '999A999', onderwijslocatiecode: '999X999', datum: '2024-09-01' },
      { ...regenboog, vestigingscode: '01AB00', datum: '2024-09-01' },
      { ...regenboog, onderwijsaanbiedercode: '100A004', onderwijslocatiecode: '100X004', datum: '2024-09-01' },
    ]);
    expect(res[0]).toEqual({ onbekend: ['instellingscode', 'vestigingscode', 'onderwijsaanbiedercode', 'onderwijslocatiecode'], afwijkingen: [], instellingssoort: null });
    expect(res[1].onbekend).toEqual(['vestigingscode']);
    expect(res[2].onbekend).toEqual(['onderwijsaanbiedercode', 'onderwijslocatiecode']);
  });

  it('reports date and link failures as afwijkingen, with einddatum exclusive', async () => {
    const gesloten = { instellingscode: '02AB', vestigingscode: '02AB01', onderwijsaanbiedercode: '100A005', onderwijslocatiecode: '100X008' };
    const [laatsteDag, eindDag, voorBegin, verkeerdeLocatie] = await check([
      { ...gesloten, datum: '2005-07-31' },
      { ...gesloten, datum: '2005-08-01' },
      { ...regenboog, datum: '1996-07-31' },
      { ...regenboog, onderwijslocatiecode: '100X007', datum: '2024-09-01' },
    ]);
    expect(laatsteDag).toEqual({ onbekend: [], afwijkingen: [], instellingssoort: 'BAS' });
    expect(eindDag.onbekend).toEqual([]);
    expect(eindDag.afwijkingen.map((a) => a.check)).toEqual(['VESTIGING_GELDIG', 'LOCATIE_GEBRUIK', 'AANGEBODEN_OPLEIDING']);
    expect(voorBegin.afwijkingen.map((a) => a.check)).toEqual(['VESTIGING_GELDIG', 'AANBIEDER_RELATIE', 'LOCATIE_GEBRUIK', 'AANGEBODEN_OPLEIDING']);
    expect(verkeerdeLocatie.afwijkingen).toEqual([{ check: 'LOCATIE_GEBRUIK', detail: expect.stringContaining('01AA00') }]);
  });

  it('answers a large batch (checkPeriodesBulk, getVestigingsgebruikBulk) exactly as one by date, on every date RIO holds and the days around it', async () => {
    // Every begin and end date of the sandbox's RIO rows, the day before and after, and a date every 97 days from 1990.
    const rows: { d: string }[] = await t.db.query(
      `SELECT DISTINCT to_char(x.d + k, 'YYYY-MM-DD') AS d FROM (
         SELECT unnest(ARRAY[in_bedrijfdatum, uit_bedrijfdatum]) FROM rio_vestigingserkenning WHERE sandbox_id = $1
         UNION ALL SELECT unnest(ARRAY[begindatum, einddatum]) FROM rio_vestigingserkenning_periode WHERE sandbox_id = $1
         UNION ALL SELECT unnest(ARRAY[in_bedrijfdatum, uit_bedrijfdatum]) FROM rio_onderwijsaanbieder WHERE sandbox_id = $1
         UNION ALL SELECT unnest(ARRAY[begindatum, einddatum]) FROM rio_juridische_relatie WHERE sandbox_id = $1
         UNION ALL SELECT unnest(ARRAY[in_bedrijfdatum, uit_bedrijfdatum]) FROM rio_onderwijslocatiegebruik WHERE sandbox_id = $1
         UNION ALL SELECT unnest(ARRAY[begindatum, einddatum]) FROM rio_locatiegebruik_relatie WHERE sandbox_id = $1
         UNION ALL SELECT unnest(ARRAY[begindatum, einddatum]) FROM rio_aangeboden_opleiding WHERE sandbox_id = $1
         UNION ALL SELECT unnest(ARRAY[begindatum, einddatum]) FROM rio_instelling_bestuur WHERE sandbox_id = $1
         UNION ALL SELECT generate_series('1990-01-01'::date, '2035-01-01'::date, '97 days')::date) x(d), generate_series(-1, 1) k
        WHERE x.d IS NOT NULL`,
      [sandboxId],
    );
    const combinaties = [
      regenboog,
      { ...regenboog, vestigingscode: '01AA01', onderwijslocatiecode: '100X007' },
      { ...regenboog, onderwijslocatiecode: '100X007' },
      { instellingscode: '02AB', vestigingscode: '02AB01', onderwijsaanbiedercode: '100A005', onderwijslocatiecode: '100X008' },
      { instellingscode: '02AC', vestigingscode: '02AC00', onderwijsaanbiedercode: '100A006', onderwijslocatiecode: '100X006' },
      { instellingscode: '01AC', vestigingscode: '01AC00', onderwijsaanbiedercode: '100A003', onderwijslocatiecode: '100X003' },
      { ...regenboog, onderwijsaanbiedercode: '100A004', onderwijslocatiecode: '100X004' },
      { instellingscode: '99ZZ', vestigingscode: '99ZZ00', onderwijsaanbiedercode: '999A999', onderwijslocatiecode: '999X999' },
    ];
    const inputs = combinaties.flatMap((c) => rows.map((r) => ({ ...c, datum: r.d })));
    expect(inputs.length).toBeGreaterThan(1000);
    const bulk = await rio.checkPeriodesBulk(t.db.manager, sandboxId, inputs);
    expect(bulk).toEqual(await check(inputs));
    // Some answers differ by date, so the comparison covers more than one stretch.
    expect(new Set(bulk.map((b) => JSON.stringify(b.afwijkingen.map((a) => a.check)))).size).toBeGreaterThan(1);

    // The BRIN6 lookup of a migration likewise: getVestigingsgebruikBulk as getVestigingsgebruik, date by date.
    const vestigingen: { instellingscode: string; code: string }[] = await t.db.query('SELECT instellingscode, code FROM rio_vestigingserkenning WHERE sandbox_id = $1', [sandboxId]);
    const vragen = [...vestigingen, { instellingscode: '01AA', code: '01AB00' }, { instellingscode: '99ZZ', code: '99ZZ00' }].flatMap((v) =>
      rows.map((r) => ({ instellingscode: v.instellingscode, vestigingscode: v.code, datum: r.d })),
    );
    const gebruik = await rio.getVestigingsgebruikBulk(t.db.manager, sandboxId, vragen);
    expect(gebruik).toEqual(await rio.getVestigingsgebruik(t.db.manager, sandboxId, vragen));
    expect(new Set(gebruik.map((g) => JSON.stringify(g))).size).toBeGreaterThan(2);
  });

  it('sees nothing of another sandbox', async () => {
    expect(await rio.checkPeriodes(t.db.manager, '00000000-0000-4000-8000-000000000000', [{ ...regenboog, datum: '2024-09-01' }])).toEqual([
      { onbekend: ['instellingscode', 'vestigingscode', 'onderwijsaanbiedercode', 'onderwijslocatiecode'], afwijkingen: [], instellingssoort: null },
    ]);
    expect(await check([])).toEqual([]);
  });

  it('answers instelling and instellingenVanBestuur', async () => {
    expect(await rio.getInstelling(t.db.manager, sandboxId, '01AA', '2025-09-01')).toEqual({ instellingscode: '01AA', bestuurcode: '100B001', naam: 'OBS De Regenboog' });
    expect(await rio.getInstelling(t.db.manager, sandboxId, '99ZZ', '2025-09-01')).toBeNull();
    expect(await rio.listInstellingenVanBestuur(t.db.manager, sandboxId, '100B001', '2025-09-01')).toEqual(['01AA', '01AB', '01AC']);
    expect(await rio.listInstellingenVanBestuur(t.db.manager, sandboxId, '100B002', '2025-09-01')).toEqual(['02AA', '02AB', '02AC', '02AD']);
    expect(await rio.listInstellingenVanBestuur(t.db.manager, sandboxId, '999B999', '2025-09-01')).toEqual([]);
    // Before a school opened it is nobody's school.
    expect(await rio.listInstellingenVanBestuur(t.db.manager, sandboxId, '100B002', '2000-01-01')).toEqual(['02AA']);
  });

  it('gives one bekostiging row per periode of a vestigingserkenning, einddatum exclusive and null when open', async () => {
    const rows = await t.db.query(
      `SELECT vestigingscode, instellingscode, to_char(begindatum, 'YYYY-MM-DD') AS begindatum, to_char(einddatum, 'YYYY-MM-DD') AS einddatum, bekostigingscode
         FROM v_rio_vestiging_bekostiging WHERE sandbox_id = $1 AND instellingscode = '02AB' ORDER BY vestigingscode`,
      [sandboxId],
    );
    expect(rows).toEqual([
      { vestigingscode: '02AB00', instellingscode: '02AB', begindatum: '2000-08-01', einddatum: null, bekostigingscode: 'BEKOSTIGD' },
      { vestigingscode: '02AB01', instellingscode: '02AB', begindatum: '2002-08-01', einddatum: '2005-08-01', bekostigingscode: 'BEKOSTIGD' },
    ]);
  });

  it('seeds a few more besturen besides the demo ones, each with schools', async () => {
    const [{ besturen, instellingen }] = await t.db.query(
      `SELECT (SELECT count(*)::int FROM rio_onderwijsbestuur WHERE sandbox_id = $1) AS besturen,
              (SELECT count(DISTINCT onderwijsbestuurcode)::int FROM rio_instellingserkenning WHERE sandbox_id = $1) AS instellingen`,
      [sandboxId],
    );
    expect(besturen).toBe(6);
    expect(instellingen).toBe(6);
  });
});
