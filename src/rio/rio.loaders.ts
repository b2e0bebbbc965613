import type { EntityManager } from 'typeorm';
import type { AanbiederState, BestuurState, GebruikState, GroepState, InstellingState, LocatieState, OpleidingState, VestigingState } from './rio.model';

/** Loads whole aggregates by key, a few set-based queries per type, in the order of the given keys. */

type Row = Record<string, any>;

/** Runs the queries one after the other: a transaction has one connection, and a read should hold only one. */
async function inOrder(thunks: (() => Promise<Row[]>)[]): Promise<Row[][]> {
  const out: Row[][] = [];
  for (const t of thunks) out.push(await t());
  return out;
}

function groupBy(rows: Row[], key: (r: Row) => string): Map<string, Row[]> {
  const m = new Map<string, Row[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

const strip = <T extends Row>(r: T, ...keys: string[]) => {
  const copy = { ...r };
  for (const k of keys) delete copy[k];
  return copy;
};

export async function loadBesturen(m: EntityManager, sid: string, codes: string[]): Promise<BestuurState[]> {
  if (!codes.length) return [];
  const [main, periodes] = await inOrder([
    () => m.query(
      `SELECT code, bevoegd_gezag_nummer AS "bevoegdGezagNummer", kvk_nummer AS "kvkNummer", rsin, besturende_organisatiesoort AS "besturendeOrganisatiesoort", in_bedrijfdatum::text AS "inBedrijfdatum", uit_bedrijfdatum::text AS "uitBedrijfdatum"
         FROM rio_onderwijsbestuur WHERE sandbox_id = $1 AND code = ANY($2)`, [sid, codes]),
    () => m.query(
      `SELECT onderwijsbestuurcode AS k, begindatum::text AS begindatum, einddatum::text AS einddatum, naam, internationale_naam AS "internationaleNaam"
         FROM rio_onderwijsbestuur_periode WHERE sandbox_id = $1 AND onderwijsbestuurcode = ANY($2) ORDER BY begindatum`, [sid, codes]),
  ]);
  const p = groupBy(periodes, (r) => r.k);
  const byCode = new Map<string, BestuurState>(main.map((r: Row) => [r.code, { ...r, periodes: (p.get(r.code) ?? []).map((x) => strip(x, 'k')) } as BestuurState]));
  return codes.map((c) => byCode.get(c)).filter((x): x is BestuurState => !!x);
}

export async function loadInstellingen(m: EntityManager, sid: string, codes: string[]): Promise<InstellingState[]> {
  if (!codes.length) return [];
  const main: Row[] = await m.query(
    `SELECT code, onderwijsbestuurcode, soort, vrijheid_van_onderwijs AS "vrijheidVanOnderwijs", in_bedrijfdatum::text AS "inBedrijfdatum", uit_bedrijfdatum::text AS "uitBedrijfdatum",
            erkenner, stichtingsdatum::text AS stichtingsdatum, so_cluster AS "soCluster", formeel_adres AS "formeelAdres"
       FROM rio_instellingserkenning WHERE sandbox_id = $1 AND code = ANY($2)`, [sid, codes]);
  const periodes: Row[] = await m.query(
    `SELECT instellingscode AS k, begindatum::text AS begindatum, einddatum::text AS einddatum, naam, verkorte_naam AS "verkorteNaam", richtingen, grondslagen, bekostigingscode, wet
       FROM rio_instellingserkenning_periode WHERE sandbox_id = $1 AND instellingscode = ANY($2) ORDER BY begindatum`, [sid, codes]);
  const besturen: Row[] = await m.query(
    `SELECT instellingscode AS k, onderwijsbestuurcode, begindatum::text AS begindatum, einddatum::text AS einddatum
       FROM rio_instelling_bestuur WHERE sandbox_id = $1 AND instellingscode = ANY($2) ORDER BY begindatum`, [sid, codes]);
  const p = groupBy(periodes, (r) => r.k);
  const b = groupBy(besturen, (r) => r.k);
  const byCode = new Map<string, InstellingState>(main.map((r) => [r.code, { ...r, periodes: (p.get(r.code) ?? []).map((x) => strip(x, 'k')), besturen: (b.get(r.code) ?? []).map((x) => strip(x, 'k')) } as InstellingState]));
  return codes.map((c) => byCode.get(c)).filter((x): x is InstellingState => !!x);
}

export async function loadVestigingen(m: EntityManager, sid: string, codes: string[]): Promise<VestigingState[]> {
  if (!codes.length) return [];
  const main: Row[] = await m.query(
    `SELECT code, instellingscode, hoofd_nevenvestiging AS "hoofdNevenvestiging", soort, in_bedrijfdatum::text AS "inBedrijfdatum", uit_bedrijfdatum::text AS "uitBedrijfdatum",
            bag_id AS "bagId", straatnaam, huisnummer, huisnummertoevoeging, postcode, plaatsnaam
       FROM rio_vestigingserkenning WHERE sandbox_id = $1 AND code = ANY($2)`, [sid, codes]);
  const periodes: Row[] = await m.query(
    `SELECT vestigingscode AS k, begindatum::text AS begindatum, einddatum::text AS einddatum, naam, bekostigingscode
       FROM rio_vestigingserkenning_periode WHERE sandbox_id = $1 AND vestigingscode = ANY($2) ORDER BY begindatum`, [sid, codes]);
  const p = groupBy(periodes, (r) => r.k);
  const byCode = new Map<string, VestigingState>(
    main.map((r) => [
      r.code,
      {
        code: r.code, instellingscode: r.instellingscode, hoofdNevenvestiging: r.hoofdNevenvestiging, soort: r.soort, inBedrijfdatum: r.inBedrijfdatum, uitBedrijfdatum: r.uitBedrijfdatum,
        adres: { bagId: r.bagId, postcode: r.postcode, huisnummer: r.huisnummer, huisnummertoevoeging: r.huisnummertoevoeging, straatnaam: r.straatnaam, plaatsnaam: r.plaatsnaam, gemeentenaam: r.plaatsnaam, gpsLatitude: '', gpsLongitude: '' },
        periodes: (p.get(r.code) ?? []).map((x) => strip(x, 'k')),
      } as VestigingState,
    ]),
  );
  return codes.map((c) => byCode.get(c)).filter((x): x is VestigingState => !!x);
}

export async function loadLocaties(m: EntityManager, sid: string, codes: string[]): Promise<LocatieState[]> {
  if (!codes.length) return [];
  const rows: Row[] = await m.query(
    `SELECT code, bag_id AS "bagId", postcode, huisnummer, huisnummertoevoeging, straatnaam, plaatsnaam, gps_latitude AS "gpsLatitude", gps_longitude AS "gpsLongitude", geregistreerd_door AS "geregistreerdDoor"
       FROM rio_onderwijslocatie WHERE sandbox_id = $1 AND code = ANY($2)`, [sid, codes]);
  const byCode = new Map<string, LocatieState>(rows.map((r) => [r.code, { code: r.code, adres: { ...strip(r, 'code', 'geregistreerdDoor'), gemeentenaam: r.plaatsnaam }, geregistreerdDoor: r.geregistreerdDoor } as LocatieState]));
  return codes.map((c) => byCode.get(c)).filter((x): x is LocatieState => !!x);
}

export async function loadAanbieders(m: EntityManager, sid: string, codes: string[]): Promise<AanbiederState[]> {
  if (!codes.length) return [];
  const [main, periodes, relaties, besturen] = await inOrder([
    () => m.query(
      `SELECT code, in_bedrijfdatum::text AS "inBedrijfdatum", uit_bedrijfdatum::text AS "uitBedrijfdatum", eigen_sleutel AS "eigenSleutel"
         FROM rio_onderwijsaanbieder WHERE sandbox_id = $1 AND code = ANY($2)`, [sid, codes]),
    () => m.query(
      `SELECT onderwijsaanbiedercode AS k, begindatum::text AS begindatum, einddatum::text AS einddatum, naam, internationale_naam AS "internationaleNaam"
         FROM rio_onderwijsaanbieder_periode WHERE sandbox_id = $1 AND onderwijsaanbiedercode = ANY($2) ORDER BY begindatum`, [sid, codes]),
    () => m.query(
      `SELECT onderwijsaanbiedercode AS k, instellingscode, begindatum::text AS begindatum, einddatum::text AS einddatum
         FROM rio_juridische_relatie WHERE sandbox_id = $1 AND onderwijsaanbiedercode = ANY($2) ORDER BY instellingscode, begindatum`, [sid, codes]),
    () => m.query(
      `SELECT onderwijsaanbiedercode AS k, onderwijsbestuurcode, begindatum::text AS begindatum, einddatum::text AS einddatum
         FROM rio_aanbieder_bestuur WHERE sandbox_id = $1 AND onderwijsaanbiedercode = ANY($2) ORDER BY onderwijsbestuurcode, begindatum`, [sid, codes]),
  ]);
  const p = groupBy(periodes, (r) => r.k);
  const j = groupBy(relaties, (r) => r.k);
  const b = groupBy(besturen, (r) => r.k);
  const byCode = new Map<string, AanbiederState>(
    main.map((r: Row) => [
      r.code,
      { ...r, periodes: (p.get(r.code) ?? []).map((x) => strip(x, 'k')), juridischeRelaties: (j.get(r.code) ?? []).map((x) => strip(x, 'k')), besturen: (b.get(r.code) ?? []).map((x) => strip(x, 'k')) } as AanbiederState,
    ]),
  );
  return codes.map((c) => byCode.get(c)).filter((x): x is AanbiederState => !!x);
}

export async function loadGebruiken(m: EntityManager, sid: string, keys: { onderwijsbestuurcode: string; onderwijslocatiecode: string }[]): Promise<GebruikState[]> {
  if (!keys.length) return [];
  const params = [sid, keys.map((k) => k.onderwijsbestuurcode), keys.map((k) => k.onderwijslocatiecode)];
  const where = `sandbox_id = $1 AND (onderwijsbestuurcode, onderwijslocatiecode) IN (SELECT * FROM unnest($2::text[], $3::text[]))`;
  const [main, periodes, relaties] = await inOrder([
    () => m.query(
      `SELECT onderwijsbestuurcode, onderwijslocatiecode, in_bedrijfdatum::text AS "inBedrijfdatum", uit_bedrijfdatum::text AS "uitBedrijfdatum", eigen_sleutel AS "eigenSleutel"
         FROM rio_onderwijslocatiegebruik WHERE ${where}`, params),
    () => m.query(
      `SELECT onderwijsbestuurcode || '/' || onderwijslocatiecode AS k, begindatum::text AS begindatum, einddatum::text AS einddatum, naam
         FROM rio_onderwijslocatiegebruik_periode WHERE ${where} ORDER BY begindatum`, params),
    () => m.query(
      `SELECT onderwijsbestuurcode || '/' || onderwijslocatiecode AS k, vestigingscode, begindatum::text AS begindatum, einddatum::text AS einddatum
         FROM rio_locatiegebruik_relatie WHERE ${where} ORDER BY vestigingscode, begindatum`, params),
  ]);
  const p = groupBy(periodes, (r) => r.k);
  const rel = groupBy(relaties, (r) => r.k);
  const byKey = new Map<string, GebruikState>(
    main.map((r: Row) => {
      const k = `${r.onderwijsbestuurcode}/${r.onderwijslocatiecode}`;
      return [k, { ...r, periodes: (p.get(k) ?? []).map((x) => strip(x, 'k')), relaties: (rel.get(k) ?? []).map((x) => strip(x, 'k')) } as GebruikState];
    }),
  );
  return keys.map((k) => byKey.get(`${k.onderwijsbestuurcode}/${k.onderwijslocatiecode}`)).filter((x): x is GebruikState => !!x);
}

export async function loadOpleidingen(m: EntityManager, sid: string, codes: string[]): Promise<OpleidingState[]> {
  if (!codes.length) return [];
  const [main, periodes] = await inOrder([
    () => m.query(
      `SELECT code::text AS code, onderwijsaanbiedercode, onderwijslocatiecode, opleidingseenheidcode, soort, begindatum::text AS begindatum, einddatum::text AS einddatum,
              eerste_instroomdatum::text AS "eersteInstroomdatum", laatste_instroomdatum::text AS "laatsteInstroomdatum",
              CASE WHEN afwijkende_opleidingsduur_eenheid IS NULL THEN NULL
                   ELSE json_build_object('eenheid', afwijkende_opleidingsduur_eenheid, 'omvang', afwijkende_opleidingsduur_omvang) END AS "afwijkendeOpleidingsduur",
              doelgroepen, eigen_sleutel AS "eigenSleutel"
         FROM rio_aangeboden_opleiding WHERE sandbox_id = $1 AND code = ANY($2::uuid[])`, [sid, codes]),
    () => m.query(
      `SELECT aangeboden_opleidingcode::text AS k, begindatum::text AS begindatum, einddatum::text AS einddatum, eigen_naam AS "eigenNaam", internationale_naam AS "internationaleNaam",
              omschrijving, onderwijsconcept, doorlopende_leerlijn AS "doorlopendeLeerlijn", bijzondere_inrichting AS "bijzondereInrichting",
              samenwerkende_onderwijsaanbiedercodes AS "samenwerkendeOnderwijsaanbiedercodes"
         FROM rio_aangeboden_opleiding_periode WHERE sandbox_id = $1 AND aangeboden_opleidingcode = ANY($2::uuid[]) ORDER BY begindatum`, [sid, codes]),
  ]);
  const p = groupBy(periodes, (r) => r.k);
  const byCode = new Map<string, OpleidingState>(main.map((r: Row) => [r.code, { ...r, periodes: (p.get(r.code) ?? []).map((x) => strip(x, 'k')) } as OpleidingState]));
  return codes.map((c) => byCode.get(c.toLowerCase())).filter((x): x is OpleidingState => !!x);
}

/** Loads whole onderwijsaanbiedergroepen by code, in the order of the codes. */
export async function loadGroepen(m: EntityManager, sid: string, codes: string[]): Promise<GroepState[]> {
  if (!codes.length) return [];
  const main: Row[] = await m.query(
    `SELECT code, onderwijsbestuurcode, in_bedrijfdatum::text AS "inBedrijfdatum", uit_bedrijfdatum::text AS "uitBedrijfdatum"
       FROM rio_onderwijsaanbiedergroep WHERE sandbox_id = $1 AND code = ANY($2)`, [sid, codes]);
  const periodes: Row[] = await m.query(
    `SELECT onderwijsaanbiedergroepcode AS k, begindatum::text AS begindatum, einddatum::text AS einddatum, naam, internationale_naam AS "internationaleNaam"
       FROM rio_onderwijsaanbiedergroep_periode WHERE sandbox_id = $1 AND onderwijsaanbiedergroepcode = ANY($2) ORDER BY begindatum`, [sid, codes]);
  const leden: Row[] = await m.query(
    `SELECT onderwijsaanbiedergroepcode AS k, onderwijsaanbiedercode, begindatum::text AS begindatum, einddatum::text AS einddatum
       FROM rio_aanbiedergroep_lid WHERE sandbox_id = $1 AND onderwijsaanbiedergroepcode = ANY($2) ORDER BY onderwijsaanbiedercode, begindatum`, [sid, codes]);
  const van = (rows: Row[], code: string) => rows.filter((r) => r.k === code).map(({ k: _k, ...rest }) => rest);
  const byCode = new Map<string, GroepState>(main.map((r) => [r.code, { ...r, periodes: van(periodes, r.code), onderwijsaanbieders: van(leden, r.code) } as GroepState]));
  return codes.map((c) => byCode.get(c)).filter((x): x is GroepState => !!x);
}

/** The besturen that keep an aanbieder up: those it has on `vandaag` or later (after an overgang not the old one); all when none. */
export function lopendeBesturen(a: Pick<AanbiederState, 'besturen'>, vandaag: string): string[] {
  const lopend = a.besturen.filter((b) => b.einddatum == null || b.einddatum > vandaag);
  return (lopend.length ? lopend : a.besturen).map((b) => b.onderwijsbestuurcode);
}

/** The besturen that keep a groep up: its bestuur, or else those that keep its members up. */
export async function eigenaarsVanGroep(m: EntityManager, sid: string, g: Pick<GroepState, 'onderwijsbestuurcode' | 'onderwijsaanbieders'>, vandaag: string): Promise<string[]> {
  if (g.onderwijsbestuurcode) return [g.onderwijsbestuurcode];
  const aanbieders = await loadAanbieders(m, sid, [...new Set(g.onderwijsaanbieders.map((l) => l.onderwijsaanbiedercode))]);
  return [...new Set(aanbieders.flatMap((a) => lopendeBesturen(a, vandaag)))];
}
