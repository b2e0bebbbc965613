import { Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../../src/common/auth/principal';
import { MigratiesService } from '../../src/bron';
import { aantallenVan, alsBytes, leerlingRegels, sluitRegel, voorloopRegel } from '../../src/bron/format/bron-schrijver';
import { RodConversiePoort } from '../../src/bron/migraties/rod-conversie.port';
import { bearer, tokenFor } from '../support/auth';
import { createTestApp, TestApp } from '../support/test-app';
import { bestand, leerling, wachtOpStatus } from './bron-support';

describe('bron: files staged in groups (one transaction, one COPY); a run cut off by a database outage goes on', () => {
  let t: TestApp;
  let admin: string;
  let p: Principal;
  let service: MigratiesService;

  const als = (b: { naam: string; bytes: Buffer }) => ({ bestandsnaam: b.naam, open: () => Readable.from([b.bytes]) });
  const eerste = bestand('01AA', [leerling('01AA00', '2021-08-30'), leerling('01AA00', '2021-08-30'), leerling('01AA00', '2021-08-30')]);
  const tweede = bestand('01AB', [leerling('01AB00', '2021-08-30'), leerling('01AB00', '2021-08-30')]);
  const derde = bestand('01AA', [leerling('01AA00', '2021-09-06')], 2);
  // The voorloop announces 5 pupils, 2 follow: refused whole, after its rows went into the COPY.
  const kapot = (() => {
    const ls = [leerling('01AB00', '2021-08-30'), leerling('01AB00', '2021-08-30')];
    const regels = [voorloopRegel({ brin4: '01AB', batchnummer: 2, aanleverpunt: 1, aanmaakdatum: '2021-12-03', aantalPersonen: 5 }), ...ls.flatMap(leerlingRegels)];
    regels.push(sluitRegel(regels.length + 1, aantallenVan(ls)));
    return { naam: '01AB002A.P01', bytes: alsBytes(regels) };
  })();

  beforeAll(async () => {
    t = await createTestApp({ BRON_CHUNK: '2' });
    admin = await tokenFor(t, 'demo-beheer');
    expect((await t.http().put('/beheer/v1/sandboxes/default/klok').set(bearer(admin)).send({ mode: 'FROZEN', now: '2021-12-10T10:00:00Z' })).status).toBe(200);
    const [{ id: sandboxId }] = await t.db.query(`SELECT id FROM sandbox WHERE code = 'default'`);
    p = { clientId: 'demo-beheer', clientName: 'test', role: 'BEHEER', oin: '00000001800866472000', scopes: ['beheer'], sandboxId, sandboxCode: 'default', bestuurcodes: [] };
    service = t.app.get(MigratiesService);
  });
  afterAll(() => t.close());

  const staging = async (id: string) =>
    (await t.db.query(`SELECT bestand_id, count(*)::int AS n FROM bron_staging WHERE migratie_id = $1 GROUP BY bestand_id`, [id])) as { bestand_id: string; n: number }[];

  it('a group: good files staged, a broken file refused whole with its line while the others go on, a repeated file recognised by its hash', async () => {
    const m = await service.create(p);
    const r = await service.uploadGroep(p, m.id, [als(eerste), als(kapot), { bestandsnaam: 'kopie.P01', open: () => Readable.from([eerste.bytes]) }, als(tweede)]);
    expect(r.map((x) => [x.status, x.body.status, x.body.herkend, x.body.aantalInschrijvingen])).toEqual([
      [201, 'GELEZEN', false, 3],
      [201, 'AFGEKEURD', false, 0],
      [200, 'GELEZEN', true, 3],
      [201, 'GELEZEN', false, 2],
    ]);
    expect(r[2].body.id).toBe(r[0].body.id);
    expect(r[1].body.fouten).toEqual([expect.objectContaining({ code: 'CONTROLETOTAAL_ONJUIST', regel: expect.any(Number) })]);
    // Only the rows of the two new good files stay staged.
    const s = await staging(m.id);
    expect(Object.fromEntries(s.map((x) => [x.bestand_id, x.n]))).toEqual({ [r[0].body.id]: 3, [r[3].body.id]: 2 });

    // A second group: the known file recognised, a new one staged after the rows already there; the counts add up.
    const r2 = await service.uploadGroep(p, m.id, [als(tweede), als(derde)]);
    expect(r2.map((x) => [x.status, x.body.herkend])).toEqual([
      [200, true],
      [201, false],
    ]);
    expect(r2[0].body.id).toBe(r[3].body.id);
    const mig = await service.get(p, m.id);
    expect(mig.fasen.lezen).toMatchObject({ verwerkt: 6, totaal: 6 });
    expect(mig.bestanden.map((b) => b.bestandsnaam).sort()).toEqual(['01AA001A.P01', '01AA002A.P01', '01AB001A.P01', '01AB002A.P01']);
    const [{ n, dubbel }] = await t.db.query(`SELECT count(*)::int AS n, count(*) - count(DISTINCT nr) AS dubbel FROM bron_staging WHERE migratie_id = $1`, [m.id]);
    expect([n, Number(dubbel)]).toEqual([6, 0]);
  });

  it('a group of files known before changes nothing, not even the status after a dry run', async () => {
    const m = await service.create(p);
    await service.uploadGroep(p, m.id, [als(eerste)]);
    await service.proefdraai(p, m.id);
    await service.waitFor(m.id);
    const r = await service.uploadGroep(p, m.id, [als(eerste)]);
    expect(r.map((x) => [x.status, x.body.herkend])).toEqual([[200, true]]);
    expect((await service.get(p, m.id)).status).toBe('PROEFDRAAI_KLAAR');
  });

  it('a conversion whose database connection is terminated mid-run is retried and ends as an uninterrupted run would', async () => {
    const m = await service.create(p);
    const ls = Array.from({ length: 7 }, () => leerling('01AA00', '2021-08-30'));
    await service.uploadGroep(p, m.id, [als(bestand('01AA', ls, 3))]);
    const rod = t.app.get(RodConversiePoort);
    const echt = rod.process.bind(rod);
    let aanroepen = 0;
    const spy = jest.spyOn(rod, 'process').mockImplementation(async (em: EntityManager, ...rest) => {
      // The third chunk: the server ends the connection of the chunk's transaction (as in an outage or a restart).
      if (++aanroepen === 3) await em.query('SELECT pg_terminate_backend(pg_backend_pid())');
      return echt(em, ...rest);
    });
    try {
      const res = await t.http().post(`/bron/v1/migraties/${m.id}/conversies`).set(bearer(admin));
      expect(res.status).toBe(202);
      const klaar = await wachtOpStatus(t, admin, m.id, 'GECONVERTEERD', 30_000);
      expect(klaar.fasen.conversie).toMatchObject({ status: 'KLAAR', verwerkt: 7, totaal: 7 });
    } finally {
      spy.mockRestore();
    }
    // Four chunks of at most 2, the third twice: cut off, then again after the backoff; the fourth, when it had started
    // beside the third (two chunks at a time), is rolled back with it and done again too.
    expect([5, 6]).toContain(aanroepen);
    expect(t.logs.some((l) => l.includes(`migratie ${m.id} (retrying)`))).toBe(true);
    const telling = await service.getTelling(p, m.id, false);
    expect(telling.totaal).toEqual({ gelezen: 7, goedgekeurd: 7, afgekeurd: 0, open: 0 });
    const [{ n, personen }] = await t.db.query(
      `SELECT count(*)::int AS n, count(DISTINCT persoon_id)::int AS personen FROM rod_inschrijving WHERE aangeleverd_door = 'bron-migratie'`,
    );
    expect([n, personen]).toEqual([7, 7]);
    const [{ resultaten }] = await t.db.query(`SELECT count(*)::int AS resultaten FROM bron_resultaat WHERE migratie_id = $1 AND NOT proef`, [m.id]);
    expect(resultaten).toBe(7);
  });
});
