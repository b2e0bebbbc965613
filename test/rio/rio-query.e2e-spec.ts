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
