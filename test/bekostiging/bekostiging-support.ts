import { randomUUID } from 'node:crypto';
import { bearer } from '../support/auth';
import type { TestApp } from '../support/test-app';

/** Demo schools of the small seed: 01AA/01AB (bo) and 01AC (sbo) of bestuur 100B001 (las-alfa), 02AA of 100B002 (las-beta). */
export const SCHOLEN = {
  '01AA': { vestigingscode: '01AA00', onderwijsaanbiedercode: '100A001', onderwijslocatiecode: '100X001' },
  '01AB': { vestigingscode: '01AB00', onderwijsaanbiedercode: '100A002', onderwijslocatiecode: '100X003' },
  '01AC': { vestigingscode: '01AC00', onderwijsaanbiedercode: '100A003', onderwijslocatiecode: '100X003' },
  '02AA': { vestigingscode: '02AA00', onderwijsaanbiedercode: '100A004', onderwijslocatiecode: '100X005' },
} as const;
export type School = keyof typeof SCHOLEN;

let seq = 0;

export async function nieuweLeerling(t: TestApp, admin: string, geboortedatum = '2019-05-20'): Promise<string> {
  const res = await t.http().post('/rod/v1/personen').set(bearer(admin)).send({ geboortedatum, geslacht: 'V', achternaam: `Bekostiging${++seq}` });
  if (res.status !== 201) throw new Error(`persoon: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.burgerservicenummer;
}

/** Sends AanleverenInschrijvingBO; returns the inschrijvingId. */
export async function schrijfIn(
  t: TestApp,
  token: string,
  pgn: { burgerservicenummer?: string; onderwijsnummer?: string },
  school: School,
  datumInschrijving: string,
  extra: {
    datumUitschrijving?: string;
    indicatieBekostiging?: boolean;
    volgnummer?: string;
    tlv?: { beschikkingsnummer: string; datumBegin: string; datumEinde?: string }[];
    datumVestigingInNederland?: string;
  } = {},
): Promise<string> {
  const res = await t
    .http()
    .post('/rod/v1/inschrijvingen')
    .set(bearer(token))
    .send({
      bedrijfsdocument: { identificatiecodeBedrijfsdocument: randomUUID(), datumTijdBedrijfsdocument: '2027-01-01T09:00:00Z' },
      instellingscode: school,
      persoonsgebondenNummer: pgn,
      inschrijvingvolgnummer: extra.volgnummer ?? '1',
      datumInschrijving,
      ...(extra.datumUitschrijving ? { datumUitschrijving: extra.datumUitschrijving } : {}),
      ...(extra.tlv ? { toelaatbaarheidsverklaring: extra.tlv } : {}),
      ...(extra.datumVestigingInNederland ? { datumVestigingInNederland: extra.datumVestigingInNederland } : {}),
      inschrijvingPeriodeBO: [{ datumBegin: datumInschrijving, ...SCHOLEN[school], groep: '3', ...(extra.indicatieBekostiging !== undefined ? { indicatieBekostiging: extra.indicatieBekostiging } : {}) }],
    });
  if (res.status !== 201 && res.status !== 200) throw new Error(`inschrijving: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.inschrijvingId;
}

/** The statuses of one inschrijving as the school's vendor reads them, keyed by teldatum. */
export async function statussenVan(t: TestApp, token: string, school: School, inschrijvingId: string) {
  const out: Record<string, { status: string; statusBepaling: string; signalen: string[]; soortBekostiging: string }> = {};
  for (let page = 1; page < 50; page++) {
    const res = await t.http().get(`/rod/v1/bekostigingsstatussen?instellingscode=${school}&pageSize=100&page=${page}`).set(bearer(token));
    if (res.status !== 200) throw new Error(`statussen: ${res.status} ${JSON.stringify(res.body)}`);
    for (const s of res.body.items.filter((x: any) => x.inschrijvingId === inschrijvingId)) {
      out[s.teldatum] = { status: s.status, statusBepaling: s.statusBepaling, signalen: s.signalen.map((x: any) => x.code.slice(0, 3)), soortBekostiging: s.soortBekostiging };
    }
    if (page >= res.body.page.totalPages) break;
  }
  return out;
}

/** Reads the feed from `vanaf` to the end; returns the events and the new cursor. */
export async function leesFeed(t: TestApp, token: string, vanaf: string) {
  const events: any[] = [];
  let cursor = vanaf;
  for (let i = 0; i < 1000; i++) {
    const res = await t.http().get(`/rod/v1/berichten?vanaf=${cursor}&limit=1000`).set(bearer(token));
    if (res.status !== 200) throw new Error(`feed: ${res.status} ${JSON.stringify(res.body)}`);
    events.push(...res.body.berichten);
    cursor = res.body.volgendeCursor;
    if (!res.body.meer) break;
  }
  return { events, cursor };
}
