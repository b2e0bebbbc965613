import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ClockService } from '../common/clock/clock.service';
import { PageQuery, toPage } from '../common/pagination/pagination';
import { orderBy, type WijzigingenQuery } from './dto/common.dto';
import { rioProblem } from './rio.errors';
import type { BevoegdGezagErkenningenQuery, InstellingserkenningenQuery, OnderwijsbesturenQuery, VestigingserkenningenQuery } from './dto/juridisch.dto';
import type { AanbodQuery, AangebodenOpleidingenQuery, OnderwijsaanbiedersQuery, OnderwijslocatiegebruikenQuery, OnderwijslocatiesQuery } from './dto/onderwijskundig.dto';
import { loadAanbieders, loadBesturen, loadGebruiken, loadGroepen, loadInstellingen, loadLocaties, loadOpleidingen, loadVestigingen } from './rio.loaders';
import type { BestuurState, ContactadresState, InstellingState, LocatieState, PeriodeState, VestigingState } from './rio.model';
import type { SoortObject } from './rio.store';
import { geldigOp } from './rules/periodes';
import { bestuurOpSql, instellingOp } from './rules/overgang';
import { normalisePostcode } from './rules/identifiers';
import { OPLEIDINGSEENHEDEN } from './rules/waardenlijsten';

/** SQL condition: the row's [begin, eind) contains the date parameter. */
const geldig = (alias: string, d: string, begin = 'begindatum', eind = 'einddatum') => `${alias}.${begin} <= ${d} AND (${alias}.${eind} IS NULL OR ${d} < ${alias}.${eind})`;
const inBedrijf = (alias: string, d: string) => geldig(alias, d, 'in_bedrijfdatum', 'uit_bedrijfdatum');

class Sql {
  readonly params: unknown[] = [];
  readonly where: string[] = [];
  p(v: unknown) {
    this.params.push(v);
    return `$${this.params.length}`;
  }
  and(cond: string) {
    this.where.push(cond);
  }
}

/** Postcode filter: NNNNAA exact, NNNN the whole area (as an index range). */
function postcodeFilter(sql: Sql, column: string, postcode: string) {
  const pc = normalisePostcode(postcode);
  if (pc.length === 4) sql.and(`${column} >= ${sql.p(pc)} AND ${column} < ${sql.p(String(Number(pc) + 1))}`);
  else sql.and(`${column} = ${sql.p(pc)}`);
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** SQL: the naam of the row's periode valid on the date (for `sort=naam`). */
const periodeNaam = (table: string, fk: string, dp: string, col = 'naam') =>
  `(SELECT p.${col} FROM ${table} p WHERE p.sandbox_id = t.sandbox_id AND p.${fk} = t.code AND ${geldig('p', dp)} ORDER BY p.begindatum LIMIT 1)`;

/** SQL: great-circle distance in metres from the row's GPS point to a point (haversine, mean earth radius). */
const afstandSql = (lat: string, lon: string) =>
  `(2 * 6371008.8 * asin(sqrt(power(sin(radians(t.gps_latitude - ${lat}) / 2), 2) + cos(radians(${lat})) * cos(radians(t.gps_latitude)) * power(sin(radians(t.gps_longitude - ${lon}) / 2), 2))))`;

/** A contactadres as answered: null values left out except einddatum. */
export const contactadresResponse = (x: ContactadresState) => {
  const { code: _code, ...rest } = x;
  return Object.fromEntries(Object.entries(rest).filter(([k, v]) => v !== null || k === 'einddatum'));
};

export const metGeldigePeriode = <T extends { periodes: PeriodeState[] }>(o: T, d: string) => ({ ...o, geldigePeriode: o.periodes.find((p) => geldigOp(p, d)) ?? null });

export const locatieResponse = (l: LocatieState) => ({
  code: l.code,
  postcode: l.adres.postcode,
  huisnummer: l.adres.huisnummer,
  ...(l.adres.huisnummertoevoeging ? { huisnummertoevoeging: l.adres.huisnummertoevoeging } : {}),
  straatnaam: l.adres.straatnaam,
  plaatsnaam: l.adres.plaatsnaam,
  bagId: l.adres.bagId,
  gpsLatitude: l.adres.gpsLatitude,
  gpsLongitude: l.adres.gpsLongitude,
});

export const vestigingResponse = (vestiging: VestigingState, datum: string) => {
  const { adres, ...rest } = vestiging;
  return metGeldigePeriode(
    {
      ...rest,
      adres: { postcode: adres.postcode, huisnummer: adres.huisnummer, ...(adres.huisnummertoevoeging ? { huisnummertoevoeging: adres.huisnummertoevoeging } : {}), straatnaam: adres.straatnaam, plaatsnaam: adres.plaatsnaam, bagId: adres.bagId },
    },
    datum,
  );
};

/** Reads of RIO for every client of the sandbox: lists with filters and pages, single objects, change feeds. */
@Injectable()
export class RioLezenService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: ClockService,
  ) {}

  resolveDatum(sandboxId: string, query: { datumGeldigOp?: string }) {
    return query.datumGeldigOp ? Promise.resolve(query.datumGeldigOp) : this.clock.today(sandboxId);
  }

  private async keys(table: string, key: string, sql: Sql, query: PageQuery, order = key): Promise<{ keys: Record<string, string>[]; total: number }> {
    const rows: Record<string, string>[] = await this.db.query(
      `SELECT ${key}, count(*) OVER () AS total FROM ${table} t WHERE ${sql.where.join(' AND ')} ORDER BY ${order} LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      sql.params,
    );
    const total = rows.length ? Number(rows[0].total) : query.page > 1 ? await this.count(table, sql) : 0;
    return { keys: rows, total };
  }

  private async count(table: string, sql: Sql): Promise<number> {
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM ${table} t WHERE ${sql.where.join(' AND ')}`, sql.params);
    return n;
  }

  private base(sandboxId: string, datum: string) {
    const sql = new Sql();
    sql.and(`t.sandbox_id = ${sql.p(sandboxId)}`);
    const dp = `${sql.p(datum)}::date`;
    return { sql, dp };
  }

  // ---- onderwijsbesturen

  async listBesturen(sandboxId: string, query: OnderwijsbesturenQuery, path: string) {
    const datum = await this.resolveDatum(sandboxId, query);
    const { sql, dp } = this.base(sandboxId, datum);
    sql.and(inBedrijf('t', dp));
    const naam = query.naam ? ` AND p.naam ILIKE ${sql.p(`%${escapeLike(query.naam)}%`)}` : '';
    sql.and(`EXISTS (SELECT 1 FROM rio_onderwijsbestuur_periode p WHERE p.sandbox_id = t.sandbox_id AND p.onderwijsbestuurcode = t.code AND ${geldig('p', dp)}${naam})`);
    if (query.bevoegdGezagNummer) sql.and(`t.bevoegd_gezag_nummer = ${sql.p(query.bevoegdGezagNummer)}`);
    const order = orderBy(query.sort, { code: 't.code', naam: periodeNaam('rio_onderwijsbestuur_periode', 'onderwijsbestuurcode', dp), bevoegdGezagNummer: 't.bevoegd_gezag_nummer', inBedrijfdatum: 't.in_bedrijfdatum' }, 't.code');
    const { keys, total } = await this.keys('rio_onderwijsbestuur', 'code', sql, query, order);
    const items = await this.bestuurResponses(sandboxId, await loadBesturen(this.db.manager, sandboxId, keys.map((k) => k.code)), datum);
    return toPage(items, total, query, path, { ...query, datumGeldigOp: datum });
  }

  async getBestuur(sandboxId: string, code: string, query: { datumGeldigOp?: string }) {
    const datum = await this.resolveDatum(sandboxId, query);
    const [b] = await loadBesturen(this.db.manager, sandboxId, [code]);
    if (!b || !this.isGeldig(b, datum)) throw notFound('Onderwijsbestuur', code, datum, !!b);
    return (await this.bestuurResponses(sandboxId, [b], datum))[0];
  }

  private async bestuurResponses(sandboxId: string, besturen: BestuurState[], datum: string) {
    const rows: { onderwijsbestuurcode: string; code: string }[] = besturen.length
      ? await this.db.query(
          `SELECT ib.onderwijsbestuurcode, t.code FROM rio_instellingserkenning t
             JOIN rio_instelling_bestuur ib ON ib.sandbox_id = t.sandbox_id AND ib.instellingscode = t.code AND ${geldig('ib', '$3::date')}
            WHERE t.sandbox_id = $1 AND ib.onderwijsbestuurcode = ANY($2) AND ${inBedrijf('t', '$3::date')} ORDER BY t.code`,
          [sandboxId, besturen.map((b) => b.code), datum],
        )
      : [];
    return besturen.map((b) => ({ ...metGeldigePeriode(b, datum), instellingscodes: rows.filter((r) => r.onderwijsbestuurcode === b.code).map((r) => r.code) }));
  }

  // ---- bevoegd-gezag-erkenningen (the juridische side of a bestuur, 1:1)

  async listBevoegdGezagErkenningen(sandboxId: string, query: BevoegdGezagErkenningenQuery, path: string) {
    const datum = await this.resolveDatum(sandboxId, query);
    const { sql, dp } = this.base(sandboxId, datum);
    sql.and('t.bevoegd_gezag_nummer IS NOT NULL');
    sql.and(inBedrijf('t', dp));
    const naam = query.naam ? ` AND p.naam ILIKE ${sql.p(`%${escapeLike(query.naam)}%`)}` : '';
    sql.and(`EXISTS (SELECT 1 FROM rio_onderwijsbestuur_periode p WHERE p.sandbox_id = t.sandbox_id AND p.onderwijsbestuurcode = t.code AND ${geldig('p', dp)}${naam})`);
    if (query.soort) sql.and(`t.besturende_organisatiesoort = ${sql.p(query.soort)}`);
    const order = orderBy(query.sort, { code: 't.bevoegd_gezag_nummer', naam: periodeNaam('rio_onderwijsbestuur_periode', 'onderwijsbestuurcode', dp), begindatum: 't.in_bedrijfdatum' }, 't.bevoegd_gezag_nummer');
    const { keys, total } = await this.keys('rio_onderwijsbestuur', 'code', sql, query, order);
    const items = (await this.bestuurResponses(sandboxId, await loadBesturen(this.db.manager, sandboxId, keys.map((k) => k.code)), datum)).map((b) => erkenningVan(b, datum));
    return toPage(items, total, query, path, { ...query, datumGeldigOp: datum });
  }

  async getBevoegdGezagErkenning(sandboxId: string, nummer: string, query: { datumGeldigOp?: string }) {
    const datum = await this.resolveDatum(sandboxId, query);
    const rows: { code: string }[] = await this.db.query('SELECT code FROM rio_onderwijsbestuur WHERE sandbox_id = $1 AND bevoegd_gezag_nummer = $2', [sandboxId, nummer]);
    const [b] = await loadBesturen(this.db.manager, sandboxId, rows.map((r) => r.code));
    if (!b || !this.isGeldig(b, datum)) throw notFound('BevoegdGezagErkenning', nummer, datum, !!b);
    return erkenningVan((await this.bestuurResponses(sandboxId, [b], datum))[0], datum);
  }

  // ---- onderwijsinstellingserkenningen (BRIN4)

  async listInstellingen(sandboxId: string, query: InstellingserkenningenQuery, path: string) {
    const datum = await this.resolveDatum(sandboxId, query);
    const { sql, dp } = this.base(sandboxId, datum);
    sql.and(inBedrijf('t', dp));
    const naam = query.naam ? ` AND p.naam ILIKE ${sql.p(`%${escapeLike(query.naam)}%`)}` : '';
    sql.and(`EXISTS (SELECT 1 FROM rio_instellingserkenning_periode p WHERE p.sandbox_id = t.sandbox_id AND p.instellingscode = t.code AND ${geldig('p', dp)}${naam})`);
    if (query.onderwijsbestuurcode) sql.and(`${bestuurOpSql('t.sandbox_id', 't.code', dp)} = ${sql.p(query.onderwijsbestuurcode)}`);
    const order = orderBy(query.sort, { code: 't.code', naam: periodeNaam('rio_instellingserkenning_periode', 'instellingscode', dp), inBedrijfdatum: 't.in_bedrijfdatum' }, 't.code');
    const { keys, total } = await this.keys('rio_instellingserkenning', 'code', sql, query, order);
    const items = await this.instellingResponses(sandboxId, await loadInstellingen(this.db.manager, sandboxId, keys.map((k) => k.code)), datum);
    return toPage(items, total, query, path, { ...query, datumGeldigOp: datum });
  }

  async getInstelling(sandboxId: string, code: string, query: { datumGeldigOp?: string }) {
    const datum = await this.resolveDatum(sandboxId, query);
    const [i] = await loadInstellingen(this.db.manager, sandboxId, [code]);
    if (!i || !this.isGeldig(i, datum)) throw notFound('Onderwijsinstellingserkenning', code, datum, !!i);
    return (await this.instellingResponses(sandboxId, [i], datum))[0];
  }

  private async instellingResponses(sandboxId: string, instellingen: InstellingState[], datum: string) {
    const rows: { instellingscode: string; code: string }[] = instellingen.length
      ? await this.db.query(
          `SELECT instellingscode, code FROM rio_vestigingserkenning t WHERE sandbox_id = $1 AND instellingscode = ANY($2) AND ${inBedrijf('t', '$3::date')} ORDER BY code`,
          [sandboxId, instellingen.map((b) => b.code), datum],
        )
      : [];
    return instellingen.map((i) => ({ ...metGeldigePeriode(instellingOp(i, datum), datum), vestigingscodes: rows.filter((r) => r.instellingscode === i.code).map((r) => r.code) }));
  }

  // ---- vestigingserkenningen (BRIN6)

  async listVestigingen(sandboxId: string, query: VestigingserkenningenQuery & { instellingscode?: string }, path: string) {
    const datum = await this.resolveDatum(sandboxId, query);
    const { sql, dp } = this.base(sandboxId, datum);
    sql.and(inBedrijf('t', dp));
    const naam = query.naam ? ` AND p.naam ILIKE ${sql.p(`%${escapeLike(query.naam)}%`)}` : '';
    sql.and(`EXISTS (SELECT 1 FROM rio_vestigingserkenning_periode p WHERE p.sandbox_id = t.sandbox_id AND p.vestigingscode = t.code AND ${geldig('p', dp)}${naam})`);
    if (query.instellingscode) sql.and(`t.instellingscode = ${sql.p(query.instellingscode)}`);
    if (query.postcode) postcodeFilter(sql, 't.postcode', query.postcode);
    if (query.plaatsnaam) sql.and(`t.plaatsnaam ILIKE ${sql.p(escapeLike(query.plaatsnaam))}`);
    const order = orderBy(
      query.sort,
      { code: 't.code', naam: periodeNaam('rio_vestigingserkenning_periode', 'vestigingscode', dp), postcode: 't.postcode', plaatsnaam: 't.plaatsnaam', inBedrijfdatum: 't.in_bedrijfdatum' },
      't.code',
    );
    const { keys, total } = await this.keys('rio_vestigingserkenning', 'code', sql, query, order);
    const items = (await loadVestigingen(this.db.manager, sandboxId, keys.map((k) => k.code))).map((v) => vestigingResponse(v, datum));
    return toPage(items, total, query, path, { ...query, datumGeldigOp: datum });
  }

  async getVestiging(sandboxId: string, code: string, query: { datumGeldigOp?: string }) {
    const datum = await this.resolveDatum(sandboxId, query);
    const [v] = await loadVestigingen(this.db.manager, sandboxId, [code]);
    if (!v || !this.isGeldig(v, datum)) throw notFound('Vestigingserkenning', code, datum, !!v);
    return vestigingResponse(v, datum);
  }

  // ---- onderwijsaanbieders

  async listAanbieders(sandboxId: string, query: OnderwijsaanbiedersQuery, path: string) {
    const datum = await this.resolveDatum(sandboxId, query);
    const { sql, dp } = this.base(sandboxId, datum);
    sql.and(inBedrijf('t', dp));
    const naam = query.naam ? ` AND p.naam ILIKE ${sql.p(`%${escapeLike(query.naam)}%`)}` : '';
    sql.and(`EXISTS (SELECT 1 FROM rio_onderwijsaanbieder_periode p WHERE p.sandbox_id = t.sandbox_id AND p.onderwijsaanbiedercode = t.code AND ${geldig('p', dp)}${naam})`);
    if (query.instellingscode) {
      sql.and(`EXISTS (SELECT 1 FROM rio_juridische_relatie r WHERE r.sandbox_id = t.sandbox_id AND r.onderwijsaanbiedercode = t.code AND r.instellingscode = ${sql.p(query.instellingscode)} AND ${geldig('r', dp)})`);
    }
    if (query.onderwijsbestuurcode) {
      sql.and(`EXISTS (SELECT 1 FROM rio_aanbieder_bestuur r WHERE r.sandbox_id = t.sandbox_id AND r.onderwijsaanbiedercode = t.code AND r.onderwijsbestuurcode = ${sql.p(query.onderwijsbestuurcode)} AND ${geldig('r', dp)})`);
    }
    if (query.postcode || query.plaatsnaam) {
      const loc = new Sql();
      loc.params.push(...sql.params);
      if (query.postcode) postcodeFilter(loc, 'l.postcode', query.postcode);
      if (query.plaatsnaam) loc.and(`l.plaatsnaam ILIKE ${loc.p(escapeLike(query.plaatsnaam))}`);
      sql.params.splice(0, sql.params.length, ...loc.params);
      sql.and(`EXISTS (SELECT 1 FROM rio_aangeboden_opleiding ao JOIN rio_onderwijslocatie l ON l.sandbox_id = ao.sandbox_id AND l.code = ao.onderwijslocatiecode
                        WHERE ao.sandbox_id = t.sandbox_id AND ao.onderwijsaanbiedercode = t.code AND ${geldig('ao', dp)} AND ${loc.where.join(' AND ')})`);
    }
    if (query.eigenSleutel) sql.and(`t.eigen_sleutel = ${sql.p(query.eigenSleutel)}`);
    const order = orderBy(query.sort, { code: 't.code', naam: periodeNaam('rio_onderwijsaanbieder_periode', 'onderwijsaanbiedercode', dp), inBedrijfdatum: 't.in_bedrijfdatum' }, 't.code');
    const { keys, total } = await this.keys('rio_onderwijsaanbieder', 'code', sql, query, order);
    const items = (await loadAanbieders(this.db.manager, sandboxId, keys.map((k) => k.code))).map((a) => metGeldigePeriode(a, datum));
    return toPage(items, total, query, path, { ...query, datumGeldigOp: datum });
  }

  async getAanbieder(sandboxId: string, code: string, query: { datumGeldigOp?: string }) {
    const datum = await this.resolveDatum(sandboxId, query);
    const [a] = await loadAanbieders(this.db.manager, sandboxId, [code]);
    if (!a || !this.isGeldig(a, datum)) throw notFound('Onderwijsaanbieder', code, datum, !!a);
    return metGeldigePeriode(a, datum);
  }

  // ---- onderwijslocaties

  async listLocaties(sandboxId: string, query: OnderwijslocatiesQuery, path: string) {
    const datum = await this.resolveDatum(sandboxId, query);
    const { sql } = this.base(sandboxId, datum);
    sql.params.pop();
    if (query.postcode) postcodeFilter(sql, 't.postcode', query.postcode);
    if (query.plaatsnaam) sql.and(`t.plaatsnaam ILIKE ${sql.p(escapeLike(query.plaatsnaam))}`);
    let afstand: string | null = null;
    if (query.gpsLatitude !== undefined && query.gpsLongitude !== undefined) {
      const straal = query.straal ?? 1000;
      const lat = `${sql.p(query.gpsLatitude)}::numeric`;
      const lon = `${sql.p(query.gpsLongitude)}::numeric`;
      // A box around the point first (1° latitude ≈ 111 km; longitude degrees shrink with cos(latitude)), then the exact distance.
      const dLat = straal / 111000 + 1e-6;
      const dLon = Math.min(360, straal / (111000 * Math.max(Math.cos((query.gpsLatitude * Math.PI) / 180), 0.01)) + 1e-6);
      sql.and(`t.gps_latitude BETWEEN ${lat} - ${sql.p(dLat)} AND ${lat} + ${sql.p(dLat)}`);
      sql.and(`t.gps_longitude BETWEEN ${lon} - ${sql.p(dLon)} AND ${lon} + ${sql.p(dLon)}`);
      afstand = afstandSql(lat, lon);
      sql.and(`${afstand} <= ${sql.p(straal)}`);
    }
    const sort = query.sort ?? (afstand ? 'afstand' : undefined);
    const order = orderBy(sort, { code: 't.code', postcode: 't.postcode', plaatsnaam: 't.plaatsnaam', afstand: afstand ?? 't.code' }, 't.code');
    const { keys, total } = await this.keys('rio_onderwijslocatie', afstand ? `code, round(${afstand})::int AS afstand` : 'code', sql, query, order);
    const afstanden = new Map(keys.map((k) => [k.code, k.afstand]));
    const items = (await loadLocaties(this.db.manager, sandboxId, keys.map((k) => k.code))).map((l) => (afstand ? { ...locatieResponse(l), afstand: Number(afstanden.get(l.code)) } : locatieResponse(l)));
    return toPage(items, total, query, path, { ...query, datumGeldigOp: datum });
  }

  async getLocatie(sandboxId: string, code: string) {
    const [l] = await loadLocaties(this.db.manager, sandboxId, [code]);
    if (!l) throw rioProblem('not_found', `Onderwijslocatie ${code} does not exist in this sandbox.`);
    return locatieResponse(l);
  }

  // ---- onderwijslocatiegebruiken

  async listGebruiken(sandboxId: string, query: OnderwijslocatiegebruikenQuery, path: string) {
    const datum = await this.resolveDatum(sandboxId, query);
    const { sql, dp } = this.base(sandboxId, datum);
    sql.and(inBedrijf('t', dp));
    if (query.onderwijsbestuurcode) sql.and(`t.onderwijsbestuurcode = ${sql.p(query.onderwijsbestuurcode)}`);
    if (query.onderwijslocatiecode) sql.and(`t.onderwijslocatiecode = ${sql.p(query.onderwijslocatiecode)}`);
    if (query.vestigingscode) {
      sql.and(`EXISTS (SELECT 1 FROM rio_locatiegebruik_relatie r WHERE r.sandbox_id = t.sandbox_id AND r.onderwijsbestuurcode = t.onderwijsbestuurcode
                AND r.onderwijslocatiecode = t.onderwijslocatiecode AND r.vestigingscode = ${sql.p(query.vestigingscode)} AND ${geldig('r', dp)})`);
    }
    if (query.eigenSleutel) sql.and(`t.eigen_sleutel = ${sql.p(query.eigenSleutel)}`);
    const key = 't.onderwijsbestuurcode, t.onderwijslocatiecode';
    const order = orderBy(query.sort, { onderwijsbestuurcode: 't.onderwijsbestuurcode', onderwijslocatiecode: 't.onderwijslocatiecode', inBedrijfdatum: 't.in_bedrijfdatum' }, key);
    const { keys, total } = await this.keys('rio_onderwijslocatiegebruik', 'onderwijsbestuurcode, onderwijslocatiecode', sql, query, order);
    const items = (await loadGebruiken(this.db.manager, sandboxId, keys as { onderwijsbestuurcode: string; onderwijslocatiecode: string }[])).map((g) => metGeldigePeriode(g, datum));
    return toPage(items, total, query, path, { ...query, datumGeldigOp: datum });
  }

  async getGebruik(sandboxId: string, bestuur: string, locatie: string, query: { datumGeldigOp?: string }) {
    const datum = await this.resolveDatum(sandboxId, query);
    const [g] = await loadGebruiken(this.db.manager, sandboxId, [{ onderwijsbestuurcode: bestuur, onderwijslocatiecode: locatie }]);
    if (!g || !this.isGeldig(g, datum)) throw notFound('Onderwijslocatiegebruik', `${bestuur}/${locatie}`, datum, !!g);
    return metGeldigePeriode(g, datum);
  }

  // ---- aangeboden opleidingen

  async listOpleidingen(sandboxId: string, query: AangebodenOpleidingenQuery, path: string) {
    const datum = await this.resolveDatum(sandboxId, query);
    const { sql, dp } = this.base(sandboxId, datum);
    sql.and(geldig('t', dp));
    const concept = query.onderwijsconcept ? ` AND p.onderwijsconcept = ${sql.p(query.onderwijsconcept)}` : '';
    sql.and(`EXISTS (SELECT 1 FROM rio_aangeboden_opleiding_periode p WHERE p.sandbox_id = t.sandbox_id AND p.aangeboden_opleidingcode = t.code AND ${geldig('p', dp)}${concept})`);
    if (query.onderwijsaanbiedercode) sql.and(`t.onderwijsaanbiedercode = ${sql.p(query.onderwijsaanbiedercode)}`);
    if (query.onderwijslocatiecode) sql.and(`t.onderwijslocatiecode = ${sql.p(query.onderwijslocatiecode)}`);
    if (query.postcode) {
      const loc = new Sql();
      loc.params.push(...sql.params);
      postcodeFilter(loc, 'l.postcode', query.postcode);
      sql.params.splice(0, sql.params.length, ...loc.params);
      sql.and(`EXISTS (SELECT 1 FROM rio_onderwijslocatie l WHERE l.sandbox_id = t.sandbox_id AND l.code = t.onderwijslocatiecode AND ${loc.where.join(' AND ')})`);
    }
    if (query.eigenSleutel) sql.and(`t.eigen_sleutel = ${sql.p(query.eigenSleutel)}`);
    const eigenNaam = `(SELECT p.eigen_naam FROM rio_aangeboden_opleiding_periode p WHERE p.sandbox_id = t.sandbox_id AND p.aangeboden_opleidingcode = t.code AND ${geldig('p', dp)} LIMIT 1)`;
    const order = query.sort
      ? orderBy(query.sort, { code: 't.code', onderwijsaanbiedercode: 't.onderwijsaanbiedercode', begindatum: 't.begindatum', eigenNaam }, 't.code')
      : 't.onderwijsaanbiedercode, t.code';
    const { keys, total } = await this.keys('rio_aangeboden_opleiding', 'code::text AS code', sql, query, order);
    const items = (await loadOpleidingen(this.db.manager, sandboxId, keys.map((k) => k.code))).map((o) => metGeldigePeriode(o, datum));
    return toPage(items, total, query, path, { ...query, datumGeldigOp: datum });
  }

  async getOpleiding(sandboxId: string, code: string, query: { datumGeldigOp?: string }) {
    const datum = await this.resolveDatum(sandboxId, query);
    const [o] = await loadOpleidingen(this.db.manager, sandboxId, [code]);
    if (!o || !geldigOp(o, datum) || !o.periodes.some((p) => geldigOp(p, datum))) throw notFound('Aangeboden opleiding', code, datum, !!o);
    return metGeldigePeriode(o, datum);
  }

  /** The aanbod of one aanbieder on a date; 404 when the aanbieder itself is not valid then. */
  async listAanbodVan(sandboxId: string, aanbieder: string, query: AanbodQuery, path: string) {
    await this.getAanbieder(sandboxId, aanbieder, query);
    return this.listOpleidingen(sandboxId, { ...query, onderwijsaanbiedercode: aanbieder } as AangebodenOpleidingenQuery, path);
  }

  async listOpleidingseenheden(sandboxId: string, query: { datumGeldigOp?: string }) {
    const datum = await this.resolveDatum(sandboxId, query);
    return OPLEIDINGSEENHEDEN.filter((e) => e.begindatum <= datum);
  }

  // ---- contactadressen

  async listContactadressen(sid: string, soort: 'bestuur' | 'aanbieder' | 'groep', code: string, q: { datumGeldigOp?: string }) {
    if (soort === 'bestuur') await this.getBestuur(sid, code, q);
    else if (soort === 'aanbieder') await this.getAanbieder(sid, code, q);
    else {
      const datum = await this.resolveDatum(sid, q);
      const [g] = await loadGroepen(this.db.manager, sid, [code]);
      if (!g || !this.isGeldig(g, datum)) throw notFound('Onderwijsaanbiedergroep', code, datum, !!g);
    }
    const d = await this.resolveDatum(sid, q);
    const rows: ContactadresState[] = await this.db.query(
      `SELECT code, context, subcontextnummer, begindatum::text AS begindatum, einddatum::text AS einddatum, subcontext, types, e_mailadres AS "eMailadres",
              telefoonnummer, webadres, contactnaam
         FROM rio_contactadres t WHERE sandbox_id = $1 AND code = $2 AND ${geldig('t', '$3::date')} ORDER BY context, subcontextnummer, begindatum`,
      [sid, code, d],
    );
    return { code, contactadressen: rows.map(contactadresResponse) };
  }

  // ---- change feeds

  async listWijzigingen(sandboxId: string, soort: SoortObject, query: WijzigingenQuery, path: string) {
    const rows: { code: string; soort_wijziging: string; tijdstip: Date; total: string }[] = await this.db.query(
      `SELECT code, soort_wijziging, tijdstip, count(*) OVER () AS total FROM rio_mutatie
        WHERE sandbox_id = $1 AND soort_object = $2 AND tijdstip >= $3 ORDER BY tijdstip, id LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      [sandboxId, soort, query.sinds],
    );
    const total = rows.length ? Number(rows[0].total) : 0;
    return toPage(rows.map((r) => ({ code: r.code, soortWijziging: r.soort_wijziging, tijdstip: r.tijdstip.toISOString() })), total, query, path, { ...query });
  }

  private isGeldig(o: { inBedrijfdatum: string; uitBedrijfdatum: string | null; periodes: PeriodeState[] }, datum: string) {
    return geldigOp({ begindatum: o.inBedrijfdatum, einddatum: o.uitBedrijfdatum }, datum) && o.periodes.some((p) => geldigOp(p, datum));
  }
}

/** The BevoegdGezagErkenning view of an onderwijsbestuur (rio.md §4, §10: 1:1). */
function erkenningVan(b: BestuurState & { instellingscodes: string[] }, datum: string) {
  return {
    code: b.bevoegdGezagNummer as string,
    erkenner: 'OCW',
    soort: b.besturendeOrganisatiesoort,
    begindatum: b.inBedrijfdatum,
    einddatum: b.uitBedrijfdatum,
    naam: (b.periodes.find((p) => geldigOp(p, datum)) ?? b.periodes[b.periodes.length - 1]).naam,
    onderwijsbestuurcode: b.code,
    instellingscodes: b.instellingscodes,
    _links: { self: { href: `/rio/v1/bevoegd-gezag-erkenningen/${b.bevoegdGezagNummer}` }, onderwijsbestuur: { href: `/rio/v1/onderwijsbesturen/${b.code}` } },
  };
}

function notFound(soort: string, code: string, datum: string, bestaat: boolean) {
  return rioProblem('not_found', bestaat ? `${soort} ${code} is not valid on ${datum}.` : `${soort} ${code} does not exist in this sandbox.`);
}

