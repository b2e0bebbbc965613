import { randomUUID } from 'node:crypto';
import { bearer, tokenFor } from '../support/auth';
import type { TestApp } from '../support/test-app';

/** The sandbox's frozen "today" in the ROD e2e tests. */
export const VANDAAG = '2025-09-01';

/** Demo schools of the small RIO seed: bestuur 100B001 (las-alfa) and 100B002 (las-beta), with a valid periode combination each. */
export const SCHOOL_ALFA = { instellingscode: '01AA', vestigingscode: '01AA00', onderwijsaanbiedercode: '100A001', onderwijslocatiecode: '100X001' };
export const SCHOOL_ALFA_2 = { instellingscode: '01AB', vestigingscode: '01AB00', onderwijsaanbiedercode: '100A002', onderwijslocatiecode: '100X002' };
export const SCHOOL_BETA = { instellingscode: '02AA', vestigingscode: '02AA00', onderwijsaanbiedercode: '100A004', onderwijslocatiecode: '100X004' };

export interface RodTest {
  t: TestApp;
  alfa: string;
  beta: string;
  admin: string;
  sandboxId: string;
}

/** Freezes the default sandbox's clock at `datum` 10:00 UTC, through the klok API as a tester would. */
export async function zetKlok(t: TestApp, datum: string) {
  const res = await t.http().put('/beheer/v1/sandboxes/default/klok').set(bearer(await tokenFor(t, 'demo-beheer'))).send({ mode: 'FROZEN', now: `${datum}T10:00:00Z` });
  if (res.status !== 200) throw new Error(`klok: ${res.status} ${JSON.stringify(res.body)}`);
  const [{ id }] = await t.db.query(`SELECT id FROM sandbox WHERE code = 'default'`);
  return id as string;
}

export async function rodSetup(t: TestApp): Promise<RodTest> {
  const sandboxId = await zetKlok(t, VANDAAG);
  return { t, sandboxId, alfa: await tokenFor(t, 'las-alfa'), beta: await tokenFor(t, 'las-beta'), admin: await tokenFor(t, 'demo-beheer') };
}

let seq = 0;
/** A fresh person in the persoonsregister; returns the BSN. */
export async function nieuweLeerling(r: RodTest, geboortedatum = '2019-05-20'): Promise<string> {
  const res = await r.t.http().post('/rod/v1/personen').set(bearer(r.admin)).send({ geboortedatum, geslacht: 'V', achternaam: `Leerling${++seq}` });
  if (res.status !== 201) throw new Error(`persoon: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.burgerservicenummer;
}

export function bedrijfsdocument() {
  return { identificatiecodeBedrijfsdocument: randomUUID(), datumTijdBedrijfsdocument: `${VANDAAG}T09:00:00Z` };
}

/** A valid AanleverenInschrijvingBO body; override what a test needs. */
export function inschrijving(bsn: string, overrides: Record<string, unknown> = {}, school = SCHOOL_ALFA) {
  const { instellingscode, ...codes } = school;
  return {
    bedrijfsdocument: bedrijfsdocument(),
    instellingscode,
    persoonsgebondenNummer: { burgerservicenummer: bsn },
    inschrijvingvolgnummer: '1',
    datumInschrijving: '2025-08-28',
    inschrijvingPeriodeBO: [{ datumBegin: '2025-08-28', ...codes, groep: '1' }],
    ...overrides,
  };
}

export const codes = (list: { code: string }[]) => list.map((x) => x.code).sort();
