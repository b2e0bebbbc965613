import { gzipSync } from 'node:zlib';
import type { BronLeerling } from '../../src/bron/format/bron-bestand';
import { schrijfBronBestand } from '../../src/bron/format/bron-schrijver';
import { bsnMetControlecijfer, onderwijsnummerVoor } from '../../src/rod';
import { bearer } from '../support/auth';
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
