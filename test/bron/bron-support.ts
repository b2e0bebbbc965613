import { gzipSync } from 'node:zlib';
import type { BronLeerling } from '../../src/bron/format/bron-bestand';
import { schrijfBronBestand } from '../../src/bron/format/bron-schrijver';
import { BronGeneratorOpties, BronManifest, genereerBronBestanden } from '../../src/bron/format/bron-generator';
import { bsnMetControlecijfer, onderwijsnummerVoor } from '../../src/rod';
import { bearer, demo, tokenFor } from '../support/auth';
import type { TestApp } from '../support/test-app';

let volgende = 4_000_000;
/** A fresh valid BSN (unique within the test process). */
export function bsn(): string {
  for (;;) {
    const b = bsnMetControlecijfer(String(++volgende).padStart(8, '0'));
    if (b) return b;
  }
}
let onr = 500_000;
export function onderwijsnummer(): string {
  for (;;) {
    const o = onderwijsnummerVoor(++onr);
    if (o) return o;
  }
}

/** A pupil with one inschrijving and one periode at `brin6` from `datum`; override what a case needs. */
export function leerling(brin6: string, datum: string, o: Partial<BronLeerling> & { volgnummer?: string; groep?: string } = {}): BronLeerling {
  const { volgnummer, groep, ...rest } = o;
  return {
    regel: 0,
    burgerservicenummer: bsn(),
    onderwijsnummer: null,
    geboortedatum: '2015-03-14',
    geslacht: 'V',
    postcode: '1234AB',
    achternaam: 'Jansen',
    voorvoegsel: null,
    voornamen: 'Anna',
    inschrijvingen: [
      { regel: 0, inschrijvingvolgnummer: volgnummer ?? '1', datumInschrijving: datum, datumUitschrijving: null, periodes: [{ regel: 0, datumBegin: datum, vestigingscode: brin6, groep: groep ?? '3' }] },
    ],
    ...rest,
  };
}

export function bestand(brin4: string, leerlingen: BronLeerling[], batch = 1): { naam: string; bytes: Buffer } {
  return { naam: `${brin4}${String(batch).padStart(3, '0')}A.P01`, bytes: schrijfBronBestand({ brin4, batchnummer: batch, aanleverpunt: 1, aanmaakdatum: '2021-12-03' }, leerlingen) };
}

export const gzip = (b: Buffer) => gzipSync(b);

export async function upload(t: TestApp, token: string, migratieId: string, naam: string, bytes: Buffer, type = 'application/octet-stream') {
  return t.http().post(`/bron/v1/migraties/${migratieId}/bestanden?bestandsnaam=${encodeURIComponent(naam)}`).set(bearer(token)).set('Content-Type', type).send(bytes);
}

/** Polls the migratie until it reaches `status`. */
export async function wachtOpStatus(t: TestApp, token: string, migratieId: string, status: string, deadlineMs = 60_000) {
  const einde = Date.now() + deadlineMs;
  for (;;) {
    const res = await t.http().get(`/bron/v1/migraties/${migratieId}`).set(bearer(token));
    if (res.status !== 200) throw new Error(`migratie: ${res.status} ${JSON.stringify(res.body)}`);
    if (res.body.status === status) return res.body;
    if (Date.now() > einde) throw new Error(`migratie still ${res.body.status}: ${JSON.stringify(res.body.fasen)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The default sandbox's clock frozen at `nu`, a migration of the files the generator writes for `opties` uploaded and
 * converted: the migration's id and the generator's manifest (which records carry which flaw).
 */
export async function converteerGegenereerd(t: TestApp, admin: string, nu: string, opties: BronGeneratorOpties, deadlineMs?: number): Promise<{ id: string; manifest: BronManifest }> {
  expect((await t.http().put('/beheer/v1/sandboxes/default/klok').set(bearer(admin)).send({ mode: 'FROZEN', now: nu })).status).toBe(200);
  const id = (await t.http().post('/bron/v1/migraties').set(bearer(admin))).body.id as string;
  const gen = genereerBronBestanden(opties);
  let r = gen.next();
  for (; !r.done; r = gen.next()) expect((await upload(t, admin, id, r.value.bestand, r.value.inhoud)).status).toBe(201);
  expect((await t.http().post(`/bron/v1/migraties/${id}/conversies`).set(bearer(admin))).status).toBe(202);
  await wachtOpStatus(t, admin, id, 'GECONVERTEERD', deadlineMs);
  return { id, manifest: r.value };
}

/**
 * For a replay through /rod/v1: a fresh sandbox `herhaling` of the small seed, its clock at `nu`, las-alfa mandated for
 * every school, and the persona nietAangeslotenSchool (02AD, connected only after the seed date) connected, so ROD
 * judges its records. The sandbox's id and tokens of demo-beheer and las-alfa in it.
 */
export async function herhalingsSandbox(t: TestApp, admin: string, nu: string): Promise<{ sandboxId: string; beheer: string; las: string }> {
  expect((await t.http().post('/beheer/v1/sandboxes').set(bearer(admin)).send({ code: 'herhaling', seed: 'small', clientIds: ['las-alfa', 'demo-beheer'] })).status).toBe(201);
  const [{ id: sandboxId }] = await t.db.query(`SELECT id FROM sandbox WHERE code = 'herhaling'`);
  expect((await t.http().put('/beheer/v1/sandboxes/herhaling/klok').set(bearer(admin)).send({ mode: 'FROZEN', now: nu })).status).toBe(200);
  await t.db.query(
    `INSERT INTO rod_machtiging (sandbox_id, oin, instellingscode, geldig_vanaf, verleend_door)
     SELECT $1, $2, code, '2000-01-01', 'test' FROM rio_instellingserkenning WHERE sandbox_id = $1 ON CONFLICT DO NOTHING`,
    [sandboxId, demo['las-alfa'].oin],
  );
  const beheer = await tokenFor(t, 'demo-beheer', undefined, { sandbox: 'herhaling' });
  const las = await tokenFor(t, 'las-alfa', undefined, { sandbox: 'herhaling' });
  expect((await t.http().put('/bron/v1/aansluitingen/02AD').set(bearer(beheer)).send({ aansluitdatum: '2021-01-04' })).status).toBe(200);
  return { sandboxId, beheer, las };
}
