/**
 * A small LAS vendor program written against types generated from the committed OpenAPI documents
 * (openapi-typescript + openapi-fetch), strict and without casts: token, identificatie, enrol, handle
 * afgekeurd, read back, registratieoverzicht, and a RIO lookup on a date. `npm run typed-client`
 * type-checks it; when a document stops describing what the server does, this stops compiling.
 */
import createClient from 'openapi-fetch';
import type { components as Rod, paths as RodPaths } from './generated/rod';
import type { paths as RioPaths } from './generated/rio';

type Terugmelding = Rod['schemas']['TerugmeldingDto'];
type Inschrijving = Rod['schemas']['AanleverenInschrijvingRequest'];

export interface Leerling {
  geboortedatum: string;
  geslacht: 'M' | 'V' | 'O';
  achternaam: string;
  voornamen: string;
  bsn: string;
}

const form = (body: Record<string, string | undefined>) =>
  new URLSearchParams(Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));

export async function token(baseUrl: string, clientId: string, secret: string): Promise<string> {
  const rod = createClient<RodPaths>({ baseUrl: `${baseUrl}/rod/v1` });
  const { data, error } = await rod.POST('/oauth/token', {
    body: { grant_type: 'client_credentials', client_id: clientId, client_secret: secret, sandbox: 'default' },
    bodySerializer: form,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  });
  if (error) throw new Error('error' in error ? `token refused: ${error.error} ${error.error_description}` : `token endpoint: ${error.status} ${error.detail}`);
  const expiresIn: number = data.expires_in;
  if (expiresIn < 60) throw new Error('token too short-lived');
  return data.access_token;
}

export function melding(m: Terugmelding): string {
  return `${m.soort} ${m.code}${m.veld ? ` at ${m.veld}` : ''}: ${m.tekst}`;
}

export async function inschrijven(baseUrl: string, accessToken: string, leerling: Leerling, school: { instellingscode: string; vestigingscode: string; onderwijsaanbiedercode: string; onderwijslocatiecode: string }) {
  const rod = createClient<RodPaths>({ baseUrl: `${baseUrl}/rod/v1`, headers: { Authorization: `Bearer ${accessToken}` } });

  // Identificatie first: the register answers the PGN to use.
  const id = await rod.POST('/identificaties', {
    body: { persoonsgebondenNummer: { burgerservicenummer: leerling.bsn }, geboortedatum: leerling.geboortedatum, geslacht: leerling.geslacht, achternaam: leerling.achternaam, voornamen: leerling.voornamen },
  });
  if (id.error) {
    if ('foutmeldingen' in id.error) for (const f of id.error.foutmeldingen ?? []) console.log(melding(f));
    throw new Error(`identificatie: ${id.error.code}`);
  }
  const pgn: string | undefined = id.data.persoonsgebondenNummer.burgerservicenummer ?? id.data.persoonsgebondenNummer.onderwijsnummer;
  if (!pgn) throw new Error('no persoonsgebonden nummer');

  const body: Inschrijving = {
    bedrijfsdocument: { identificatiecodeBedrijfsdocument: crypto.randomUUID(), datumTijdBedrijfsdocument: new Date().toISOString() },
    instellingscode: school.instellingscode,
    persoonsgebondenNummer: { burgerservicenummer: pgn },
    inschrijvingvolgnummer: '1',
    datumInschrijving: '2025-08-28',
    inschrijvingPeriodeBO: [{ datumBegin: '2025-08-28', vestigingscode: school.vestigingscode, onderwijsaanbiedercode: school.onderwijsaanbiedercode, onderwijslocatiecode: school.onderwijslocatiecode, groep: '1' }],
  };
  const enrol = await rod.POST('/inschrijvingen', { body, headers: { 'Idempotency-Key': body.bedrijfsdocument.identificatiecodeBedrijfsdocument } });
  if (enrol.error) {
    // Afgekeurd: a 422 with every foutmelding at once; nothing was stored.
    if (enrol.response.status === 422 && enrol.error.code === 'afgekeurd' && 'foutmeldingen' in enrol.error) {
      const fouten: Terugmelding[] = enrol.error.foutmeldingen ?? [];
      const resultaat: 'afgekeurd' | undefined = enrol.error.resultaat;
      console.log(resultaat, fouten.map(melding).join('\n'));
      return undefined;
    }
    if (enrol.response.status === 400) for (const e of enrol.error.errors ?? []) console.log(e.pointer ?? e.parameter, e.code, e.detail);
    throw new Error(`aanleveren: ${enrol.error.status} ${enrol.error.code ?? ''}`);
  }
  const versie: number = enrol.data.versie;
  for (const m of enrol.data.meldingen) console.log(melding(m));

  // Read it back: every date is a string or null, never an object.
  const terug = await rod.GET('/inschrijvingen/{inschrijvingId}', { params: { path: { inschrijvingId: enrol.data.inschrijvingId } } });
  if (terug.error) throw new Error(`teruglezen: ${terug.error.code}`);
  const uitgeschreven: string | null | undefined = terug.data.datumUitschrijving;
  for (const p of terug.data.inschrijvingPeriodeBO) {
    const einde: string | null | undefined = p.datumEinde;
    console.log(p.datumBegin, einde ?? 'open');
  }
  return { versie, uitgeschreven, inschrijvingId: terug.data.inschrijvingId };
}

export async function registratieoverzicht(baseUrl: string, accessToken: string, instellingscode: string, peildatum: string) {
  const rod = createClient<RodPaths>({ baseUrl: `${baseUrl}/rod/v1`, headers: { Authorization: `Bearer ${accessToken}` } });
  const { data, error } = await rod.GET('/instellingen/{instellingscode}/registratieoverzicht', { params: { path: { instellingscode }, query: { peildatum, page: 1, pageSize: 100 } } });
  if (error) throw new Error(`registratieoverzicht: ${error.code}`);
  const totaal: number = data.page.totalElements;
  return { totaal, leerlingen: data.items.map((i) => i.persoonsgebondenNummer) };
}

export async function vestigingOp(baseUrl: string, accessToken: string, vestigingscode: string, datumGeldigOp: string): Promise<string | null> {
  const rio = createClient<RioPaths>({ baseUrl: `${baseUrl}/rio/v1`, headers: { Authorization: `Bearer ${accessToken}` } });
  const { data, error, response } = await rio.GET('/vestigingserkenningen/{vestigingscode}', { params: { path: { vestigingscode }, query: { datumGeldigOp } } });
  if (error) {
    if (response.status === 404) return null;
    for (const e of error.errors ?? []) console.log(e.parameter ?? e.pointer, e.code, e.detail);
    throw new Error(`RIO: ${error.code}`);
  }
  // geldigePeriode is null on a date the vestiging has no periode.
  return data.geldigePeriode?.naam ?? null;
}

/** A RIO write RIO rejects: every foutmelding at once with its sleutelgegevens. */
export async function vestigingSchrijven(baseUrl: string, accessToken: string, vestigingscode: string, body: RioPaths['/vestigingserkenningen/{vestigingscode}']['put']['requestBody']['content']['application/json']) {
  const rio = createClient<RioPaths>({ baseUrl: `${baseUrl}/rio/v1`, headers: { Authorization: `Bearer ${accessToken}` } });
  const { data, error } = await rio.PUT('/vestigingserkenningen/{vestigingscode}', { params: { path: { vestigingscode } }, body });
  if (error) {
    if ('foutmeldingen' in error) for (const f of error.foutmeldingen ?? []) console.log(f.foutcode, f.fouttekst, f.sleutelgegeven.map((s) => `${s.sleutelnaam}=${s.sleutelwaarde}`).join(', '));
    const goedgekeurd: false | undefined = 'requestGoedgekeurd' in error ? error.requestGoedgekeurd : undefined;
    return goedgekeurd ?? error.code ?? 'afgekeurd';
  }
  return data.geldigePeriode === null ? 'begint later' : data.geldigePeriode.naam;
}
