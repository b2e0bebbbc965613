import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ClockService } from '../common/clock/clock.service';
import { PageQuery, toPage } from '../common/pagination/pagination';
import { orderBy, type WijzigingenQuery } from './dto/common.dto';
import { rioProblem } from './rio.errors';
import type { BevoegdGezagErkenningenQuery, InstellingserkenningenQuery, OnderwijsbesturenQuery, VestigingserkenningenQuery } from './dto/juridisch.dto';
import type { AanbodQuery, AangebodenOpleidingenQuery, OnderwijsaanbiedersQuery, OnderwijslocatiegebruikenQuery, OnderwijslocatiesQuery } from './dto/onderwijskundig.dto';
import { loadAanbieders, loadBesturen, loadGebruiken, loadInstellingen, loadLocaties, loadOpleidingen, loadVestigingen } from './rio.loaders';
import type { BestuurState, InstellingState, LocatieState, PeriodeState, VestigingState } from './rio.model';
import type { SoortObject } from './rio.store';
import { geldigOp } from './rules/periodes';
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

export const vestigingResponse = (v: VestigingState, d: string) => {
  const { adres, ...rest } = v;
  return metGeldigePeriode(
    {
      ...rest,
      adres: { postcode: adres.postcode, huisnummer: adres.huisnummer, ...(adres.huisnummertoevoeging ? { huisnummertoevoeging: adres.huisnummertoevoeging } : {}), straatnaam: adres.straatnaam, plaatsnaam: adres.plaatsnaam, bagId: adres.bagId },
    },
    d,
  );
};

/** Reads of RIO for every client of the sandbox: lists with filters and pages, single objects, change feeds. */
@Injectable()
export class RioLezenService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: ClockService,
  ) {}

  datum(sid: string, q: { datumGeldigOp?: string }) {
    return q.datumGeldigOp ? Promise.resolve(q.datumGeldigOp) : this.clock.today(sid);
  }

  private async keys(table: string, key: string, sql: Sql, q: PageQuery, order = key): Promise<{ keys: Record<string, string>[]; total: number }> {
    const rows: Record<string, string>[] = await this.db.query(
      `SELECT ${key}, count(*) OVER () AS total FROM ${table} t WHERE ${sql.where.join(' AND ')} ORDER BY ${order} LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
      sql.params,
    );
    const total = rows.length ? Number(rows[0].total) : q.page > 1 ? await this.count(table, sql) : 0;
    return { keys: rows, total };
  }

  private async count(table: string, sql: Sql): Promise<number> {
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM ${table} t WHERE ${sql.where.join(' AND ')}`, sql.params);
    return n;
  }

  private base(sid: string, d: string) {
    const sql = new Sql();
    sql.and(`t.sandbox_id = ${sql.p(sid)}`);
    const dp = `${sql.p(d)}::date`;
    return { sql, dp };
  }

  // ---- onderwijsbesturen

  async besturen(sid: string, q: OnderwijsbesturenQuery, path: string) {
    const d = await this.datum(sid, q);
    const { sql, dp } = this.base(sid, d);
    sql.and(inBedrijf('t', dp));
    const naam = q.naam ? ` AND p.naam ILIKE ${sql.p(`%${escapeLike(q.naam)}%`)}` : '';
    sql.and(`EXISTS (SELECT 1 FROM rio_onderwijsbestuur_periode p WHERE p.sandbox_id = t.sandbox_id AND p.onderwijsbestuurcode = t.code AND ${geldig('p', dp)}${naam})`);
    if (q.bevoegdGezagNummer) sql.and(`t.bevoegd_gezag_nummer = ${sql.p(q.bevoegdGezagNummer)}`);
    const order = orderBy(q.sort, { code: 't.code', naam: periodeNaam('rio_onderwijsbestuur_periode', 'onderwijsbestuurcode', dp), bevoegdGezagNummer: 't.bevoegd_gezag_nummer', inBedrijfdatum: 't.in_bedrijfdatum' }, 't.code');
    const { keys, total } = await this.keys('rio_onderwijsbestuur', 'code', sql, q, order);
    const items = await this.bestuurResponses(sid, await loadBesturen(this.db.manager, sid, keys.map((k) => k.code)), d);
    return toPage(items, total, q, path, { ...q, datumGeldigOp: d });
  }

  async bestuur(sid: string, code: string, q: { datumGeldigOp?: string }) {
    const d = await this.datum(sid, q);
    const [b] = await loadBesturen(this.db.manager, sid, [code]);
    if (!b || !this.geldig(b, d)) throw notFound('Onderwijsbestuur', code, d, !!b);
    return (await this.bestuurResponses(sid, [b], d))[0];
  }

  private async bestuurResponses(sid: string, besturen: BestuurState[], d: string) {
    const rows: { onderwijsbestuurcode: string; code: string }[] = besturen.length
      ? await this.db.query(
          `SELECT onderwijsbestuurcode, code FROM rio_instellingserkenning t WHERE sandbox_id = $1 AND onderwijsbestuurcode = ANY($2) AND ${inBedrijf('t', '$3::date')} ORDER BY code`,
          [sid, besturen.map((b) => b.code), d],
        )
      : [];
    return besturen.map((b) => ({ ...metGeldigePeriode(b, d), instellingscodes: rows.filter((r) => r.onderwijsbestuurcode === b.code).map((r) => r.code) }));
  }

  // ---- bevoegd-gezag-erkenningen (the juridische side of a bestuur, 1:1)

  async bevoegdGezagErkenningen(sid: string, q: BevoegdGezagErkenningenQuery, path: string) {
    const d = await this.datum(sid, q);
    const { sql, dp } = this.base(sid, d);
    sql.and('t.bevoegd_gezag_nummer IS NOT NULL');
    sql.and(inBedrijf('t', dp));
    const naam = q.naam ? ` AND p.naam ILIKE ${sql.p(`%${escapeLike(q.naam)}%`)}` : '';
    sql.and(`EXISTS (SELECT 1 FROM rio_onderwijsbestuur_periode p WHERE p.sandbox_id = t.sandbox_id AND p.onderwijsbestuurcode = t.code AND ${geldig('p', dp)}${naam})`);
    if (q.soort) sql.and(`t.besturende_organisatiesoort = ${sql.p(q.soort)}`);
    const order = orderBy(q.sort, { code: 't.bevoegd_gezag_nummer', naam: periodeNaam('rio_onderwijsbestuur_periode', 'onderwijsbestuurcode', dp), begindatum: 't.in_bedrijfdatum' }, 't.bevoegd_gezag_nummer');
    const { keys, total } = await this.keys('rio_onderwijsbestuur', 'code', sql, q, order);
    const items = (await this.bestuurResponses(sid, await loadBesturen(this.db.manager, sid, keys.map((k) => k.code)), d)).map((b) => erkenningVan(b, d));
    return toPage(items, total, q, path, { ...q, datumGeldigOp: d });
  }

  async bevoegdGezagErkenning(sid: string, nummer: string, q: { datumGeldigOp?: string }) {
    const d = await this.datum(sid, q);
    const rows: { code: string }[] = await this.db.query('SELECT code FROM rio_onderwijsbestuur WHERE sandbox_id = $1 AND bevoegd_gezag_nummer = $2', [sid, nummer]);
    const [b] = await loadBesturen(this.db.manager, sid, rows.map((r) => r.code));
    if (!b || !this.geldig(b, d)) throw notFound('BevoegdGezagErkenning', nummer, d, !!b);
    return erkenningVan((await this.bestuurResponses(sid, [b], d))[0], d);
  }

  // ---- onderwijsinstellingserkenningen (BRIN4)

  async instellingen(sid: string, q: InstellingserkenningenQuery, path: string) {
    const d = await this.datum(sid, q);
    const { sql, dp } = this.base(sid, d);
    sql.and(inBedrijf('t', dp));
    const naam = q.naam ? ` AND p.naam ILIKE ${sql.p(`%${escapeLike(q.naam)}%`)}` : '';
    sql.and(`EXISTS (SELECT 1 FROM rio_instellingserkenning_periode p WHERE p.sandbox_id = t.sandbox_id AND p.instellingscode = t.code AND ${geldig('p', dp)}${naam})`);
    if (q.onderwijsbestuurcode) sql.and(`t.onderwijsbestuurcode = ${sql.p(q.onderwijsbestuurcode)}`);
    const order = orderBy(q.sort, { code: 't.code', naam: periodeNaam('rio_instellingserkenning_periode', 'instellingscode', dp), inBedrijfdatum: 't.in_bedrijfdatum' }, 't.code');
    const { keys, total } = await this.keys('rio_instellingserkenning', 'code', sql, q, order);
    const items = await this.instellingResponses(sid, await loadInstellingen(this.db.manager, sid, keys.map((k) => k.code)), d);
    return toPage(items, total, q, path, { ...q, datumGeldigOp: d });
  }

  async instelling(sid: string, code: string, q: { datumGeldigOp?: string }) {
    const d = await this.datum(sid, q);
    const [i] = await loadInstellingen(this.db.manager, sid, [code]);
    if (!i || !this.geldig(i, d)) throw notFound('Onderwijsinstellingserkenning', code, d, !!i);
    return (await this.instellingResponses(sid, [i], d))[0];
  }

  private async instellingResponses(sid: string, instellingen: InstellingState[], d: string) {
    const rows: { instellingscode: string; code: string }[] = instellingen.length
      ? await this.db.query(
          `SELECT instellingscode, code FROM rio_vestigingserkenning t WHERE sandbox_id = $1 AND instellingscode = ANY($2) AND ${inBedrijf('t', '$3::date')} ORDER BY code`,
          [sid, instellingen.map((b) => b.code), d],
        )
      : [];
    return instellingen.map((i) => ({ ...metGeldigePeriode(i, d), vestigingscodes: rows.filter((r) => r.instellingscode === i.code).map((r) => r.code) }));
  }

  // ---- vestigingserkenningen (BRIN6)

  async vestigingen(sid: string, q: VestigingserkenningenQuery & { instellingscode?: string }, path: string) {
    const d = await this.datum(sid, q);
    const { sql, dp } = this.base(sid, d);
    sql.and(inBedrijf('t', dp));
    const naam = q.naam ? ` AND p.naam ILIKE ${sql.p(`%${escapeLike(q.naam)}%`)}` : '';
    sql.and(`EXISTS (SELECT 1 FROM rio_vestigingserkenning_periode p WHERE p.sandbox_id = t.sandbox_id AND p.vestigingscode = t.code AND ${geldig('p', dp)}${naam})`);
    if (q.instellingscode) sql.and(`t.instellingscode = ${sql.p(q.instellingscode)}`);
    if (q.postcode) postcodeFilter(sql, 't.postcode', q.postcode);
    if (q.plaatsnaam) sql.and(`t.plaatsnaam ILIKE ${sql.p(escapeLike(q.plaatsnaam))}`);
    const order = orderBy(
      q.sort,
      { code: 't.code', naam: periodeNaam('rio_vestigingserkenning_periode', 'vestigingscode', dp), postcode: 't.postcode', plaatsnaam: 't.plaatsnaam', inBedrijfdatum: 't.in_bedrijfdatum' },
      't.code',
    );
    const { keys, total } = await this.keys('rio_vestigingserkenning', 'code', sql, q, order);
    const items = (await loadVestigingen(this.db.manager, sid, keys.map((k) => k.code))).map((v) => vestigingResponse(v, d));
    return toPage(items, total, q, path, { ...q, datumGeldigOp: d });
  }

  async vestiging(sid: string, code: string, q: { datumGeldigOp?: string }) {
    const d = await this.datum(sid, q);
    const [v] = await loadVestigingen(this.db.manager, sid, [code]);
    if (!v || !this.geldig(v, d)) throw notFound('Vestigingserkenning', code, d, !!v);
    return vestigingResponse(v, d);
  }

  // ---- onderwijsaanbieders

  async aanbieders(sid: string, q: OnderwijsaanbiedersQuery, path: string) {
    const d = await this.datum(sid, q);
    const { sql, dp } = this.base(sid, d);
    sql.and(inBedrijf('t', dp));
    const naam = q.naam ? ` AND p.naam ILIKE ${sql.p(`%${escapeLike(q.naam)}%`)}` : '';
    sql.and(`EXISTS (SELECT 1 FROM rio_onderwijsaanbieder_periode p WHERE p.sandbox_id = t.sandbox_id AND p.onderwijsaanbiedercode = t.code AND ${geldig('p', dp)}${naam})`);
    if (q.instellingscode) {
      sql.and(`EXISTS (SELECT 1 FROM rio_juridische_relatie r WHERE r.sandbox_id = t.sandbox_id AND r.onderwijsaanbiedercode = t.code AND r.instellingscode = ${sql.p(q.instellingscode)} AND ${geldig('r', dp)})`);
    }
    if (q.onderwijsbestuurcode) {
      sql.and(`EXISTS (SELECT 1 FROM rio_aanbieder_bestuur r WHERE r.sandbox_id = t.sandbox_id AND r.onderwijsaanbiedercode = t.code AND r.onderwijsbestuurcode = ${sql.p(q.onderwijsbestuurcode)} AND ${geldig('r', dp)})`);
    }
    if (q.postcode || q.plaatsnaam) {
      const loc = new Sql();
      loc.params.push(...sql.params);
      if (q.postcode) postcodeFilter(loc, 'l.postcode', q.postcode);
      if (q.plaatsnaam) loc.and(`l.plaatsnaam ILIKE ${loc.p(escapeLike(q.plaatsnaam))}`);
      sql.params.splice(0, sql.params.length, ...loc.params);
      sql.and(`EXISTS (SELECT 1 FROM rio_aangeboden_opleiding ao JOIN rio_onderwijslocatie l ON l.sandbox_id = ao.sandbox_id AND l.code = ao.onderwijslocatiecode
                        WHERE ao.sandbox_id = t.sandbox_id AND ao.onderwijsaanbiedercode = t.code AND ${geldig('ao', dp)} AND ${loc.where.join(' AND ')})`);
    }
    if (q.eigenSleutel) sql.and(`t.eigen_sleutel = ${sql.p(q.eigenSleutel)}`);
    const order = orderBy(q.sort, { code: 't.code', naam: periodeNaam('rio_onderwijsaanbieder_periode', 'onderwijsaanbiedercode', dp), inBedrijfdatum: 't.in_bedrijfdatum' }, 't.code');
    const { keys, total } = await this.keys('rio_onderwijsaanbieder', 'code', sql, q, order);
    const items = (await loadAanbieders(this.db.manager, sid, keys.map((k) => k.code))).map((a) => metGeldigePeriode(a, d));
    return toPage(items, total, q, path, { ...q, datumGeldigOp: d });
  }

  async aanbieder(sid: string, code: string, q: { datumGeldigOp?: string }) {
    const d = await this.datum(sid, q);
    const [a] = await loadAanbieders(this.db.manager, sid, [code]);
    if (!a || !this.geldig(a, d)) throw notFound('Onderwijsaanbieder', code, d, !!a);
    return metGeldigePeriode(a, d);
  }

  // ---- onderwijslocaties

  async locaties(sid: string, q: OnderwijslocatiesQuery, path: string) {
    const d = await this.datum(sid, q);
    const { sql } = this.base(sid, d);
    sql.params.pop();
    if (q.postcode) postcodeFilter(sql, 't.postcode', q.postcode);
    if (q.plaatsnaam) sql.and(`t.plaatsnaam ILIKE ${sql.p(escapeLike(q.plaatsnaam))}`);
    let afstand: string | null = null;
    if (q.gpsLatitude !== undefined && q.gpsLongitude !== undefined) {
      const straal = q.straal ?? 1000;
      const lat = `${sql.p(q.gpsLatitude)}::numeric`;
      const lon = `${sql.p(q.gpsLongitude)}::numeric`;
      // A box around the point first (1° latitude ≈ 111 km; longitude degrees shrink with cos(latitude)), then the exact distance.
      const dLat = straal / 111000 + 1e-6;
      const dLon = Math.min(360, straal / (111000 * Math.max(Math.cos((q.gpsLatitude * Math.PI) / 180), 0.01)) + 1e-6);
      sql.and(`t.gps_latitude BETWEEN ${lat} - ${sql.p(dLat)} AND ${lat} + ${sql.p(dLat)}`);
      sql.and(`t.gps_longitude BETWEEN ${lon} - ${sql.p(dLon)} AND ${lon} + ${sql.p(dLon)}`);
      afstand = afstandSql(lat, lon);
      sql.and(`${afstand} <= ${sql.p(straal)}`);
    }
    const sort = q.sort ?? (afstand ? 'afstand' : undefined);
    const order = orderBy(sort, { code: 't.code', postcode: 't.postcode', plaatsnaam: 't.plaatsnaam', afstand: afstand ?? 't.code' }, 't.code');
    const { keys, total } = await this.keys('rio_onderwijslocatie', afstand ? `code, round(${afstand})::int AS afstand` : 'code', sql, q, order);
    const afstanden = new Map(keys.map((k) => [k.code, k.afstand]));
    const items = (await loadLocaties(this.db.manager, sid, keys.map((k) => k.code))).map((l) => (afstand ? { ...locatieResponse(l), afstand: Number(afstanden.get(l.code)) } : locatieResponse(l)));
    return toPage(items, total, q, path, { ...q, datumGeldigOp: d });
  }

  async locatie(sid: string, code: string) {
    const [l] = await loadLocaties(this.db.manager, sid, [code]);
    if (!l) throw rioProblem('not_found', `Onderwijslocatie ${code} does not exist in this sandbox.`);
    return locatieResponse(l);
  }

  // ---- onderwijslocatiegebruiken

  async gebruiken(sid: string, q: OnderwijslocatiegebruikenQuery, path: string) {
    const d = await this.datum(sid, q);
    const { sql, dp } = this.base(sid, d);
    sql.and(inBedrijf('t', dp));
    if (q.onderwijsbestuurcode) sql.and(`t.onderwijsbestuurcode = ${sql.p(q.onderwijsbestuurcode)}`);
    if (q.onderwijslocatiecode) sql.and(`t.onderwijslocatiecode = ${sql.p(q.onderwijslocatiecode)}`);
    if (q.vestigingscode) {
      sql.and(`EXISTS (SELECT 1 FROM rio_locatiegebruik_relatie r WHERE r.sandbox_id = t.sandbox_id AND r.onderwijsbestuurcode = t.onderwijsbestuurcode
                AND r.onderwijslocatiecode = t.onderwijslocatiecode AND r.vestigingscode = ${sql.p(q.vestigingscode)} AND ${geldig('r', dp)})`);
    }
    if (q.eigenSleutel) sql.and(`t.eigen_sleutel = ${sql.p(q.eigenSleutel)}`);
    const key = 't.onderwijsbestuurcode, t.onderwijslocatiecode';
    const order = orderBy(q.sort, { onderwijsbestuurcode: 't.onderwijsbestuurcode', onderwijslocatiecode: 't.onderwijslocatiecode', inBedrijfdatum: 't.in_bedrijfdatum' }, key);
    const { keys, total } = await this.keys('rio_onderwijslocatiegebruik', 'onderwijsbestuurcode, onderwijslocatiecode', sql, q, order);
    const items = (await loadGebruiken(this.db.manager, sid, keys as { onderwijsbestuurcode: string; onderwijslocatiecode: string }[])).map((g) => metGeldigePeriode(g, d));
    return toPage(items, total, q, path, { ...q, datumGeldigOp: d });
  }

  async gebruik(sid: string, bestuur: string, locatie: string, q: { datumGeldigOp?: string }) {
    const d = await this.datum(sid, q);
    const [g] = await loadGebruiken(this.db.manager, sid, [{ onderwijsbestuurcode: bestuur, onderwijslocatiecode: locatie }]);
    if (!g || !this.geldig(g, d)) throw notFound('Onderwijslocatiegebruik', `${bestuur}/${locatie}`, d, !!g);
    return metGeldigePeriode(g, d);
  }

  // ---- aangeboden opleidingen

  async opleidingen(sid: string, q: AangebodenOpleidingenQuery, path: string) {
    const d = await this.datum(sid, q);
    const { sql, dp } = this.base(sid, d);
    sql.and(geldig('t', dp));
    const concept = q.onderwijsconcept ? ` AND p.onderwijsconcept = ${sql.p(q.onderwijsconcept)}` : '';
    sql.and(`EXISTS (SELECT 1 FROM rio_aangeboden_opleiding_periode p WHERE p.sandbox_id = t.sandbox_id AND p.aangeboden_opleidingcode = t.code AND ${geldig('p', dp)}${concept})`);
    if (q.onderwijsaanbiedercode) sql.and(`t.onderwijsaanbiedercode = ${sql.p(q.onderwijsaanbiedercode)}`);
    if (q.onderwijslocatiecode) sql.and(`t.onderwijslocatiecode = ${sql.p(q.onderwijslocatiecode)}`);
    if (q.postcode) {
      const loc = new Sql();
      loc.params.push(...sql.params);
      postcodeFilter(loc, 'l.postcode', q.postcode);
      sql.params.splice(0, sql.params.length, ...loc.params);
      sql.and(`EXISTS (SELECT 1 FROM rio_onderwijslocatie l WHERE l.sandbox_id = t.sandbox_id AND l.code = t.onderwijslocatiecode AND ${loc.where.join(' AND ')})`);
    }
    if (q.eigenSleutel) sql.and(`t.eigen_sleutel = ${sql.p(q.eigenSleutel)}`);
    const eigenNaam = `(SELECT p.eigen_naam FROM rio_aangeboden_opleiding_periode p WHERE p.sandbox_id = t.sandbox_id AND p.aangeboden_opleidingcode = t.code AND ${geldig('p', dp)} LIMIT 1)`;
    const order = q.sort
      ? orderBy(q.sort, { code: 't.code', onderwijsaanbiedercode: 't.onderwijsaanbiedercode', begindatum: 't.begindatum', eigenNaam }, 't.code')
      : 't.onderwijsaanbiedercode, t.code';
    const { keys, total } = await this.keys('rio_aangeboden_opleiding', 'code::text AS code', sql, q, order);
    const items = (await loadOpleidingen(this.db.manager, sid, keys.map((k) => k.code))).map((o) => metGeldigePeriode(o, d));
    return toPage(items, total, q, path, { ...q, datumGeldigOp: d });
  }

  async opleiding(sid: string, code: string, q: { datumGeldigOp?: string }) {
    const d = await this.datum(sid, q);
    const [o] = await loadOpleidingen(this.db.manager, sid, [code]);
    if (!o || !geldigOp(o, d) || !o.periodes.some((p) => geldigOp(p, d))) throw notFound('Aangeboden opleiding', code, d, !!o);
    return metGeldigePeriode(o, d);
  }

  /** The aanbod of one aanbieder on a date; 404 when the aanbieder itself is not valid then. */
  async aanbodVan(sid: string, aanbieder: string, q: AanbodQuery, path: string) {
    await this.aanbieder(sid, aanbieder, q);
    return this.opleidingen(sid, { ...q, onderwijsaanbiedercode: aanbieder } as AangebodenOpleidingenQuery, path);
  }

  opleidingseenheden() {
    return OPLEIDINGSEENHEDEN;
  }

  // ---- change feeds

  async wijzigingen(sid: string, soort: SoortObject, q: WijzigingenQuery, path: string) {
    const rows: { code: string; soort_wijziging: string; tijdstip: Date; total: string }[] = await this.db.query(
      `SELECT code, soort_wijziging, tijdstip, count(*) OVER () AS total FROM rio_mutatie
        WHERE sandbox_id = $1 AND soort_object = $2 AND tijdstip >= $3 ORDER BY tijdstip, id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
      [sid, soort, q.sinds],
    );
    const total = rows.length ? Number(rows[0].total) : 0;
    return toPage(rows.map((r) => ({ code: r.code, soortWijziging: r.soort_wijziging, tijdstip: r.tijdstip.toISOString() })), total, q, path, { ...q });
  }

  private geldig(o: { inBedrijfdatum: string; uitBedrijfdatum: string | null; periodes: PeriodeState[] }, d: string) {
    return geldigOp({ begindatum: o.inBedrijfdatum, einddatum: o.uitBedrijfdatum }, d) && o.periodes.some((p) => geldigOp(p, d));
  }
}

/** The BevoegdGezagErkenning view of an onderwijsbestuur (rio.md §4, §10: 1:1). */
function erkenningVan(b: BestuurState & { instellingscodes: string[] }, d: string) {
  return {
    code: b.bevoegdGezagNummer as string,
    erkenner: 'OCW',
    soort: b.besturendeOrganisatiesoort,
    begindatum: b.inBedrijfdatum,
    einddatum: b.uitBedrijfdatum,
    naam: (b.periodes.find((p) => geldigOp(p, d)) ?? b.periodes[b.periodes.length - 1]).naam,
    onderwijsbestuurcode: b.code,
    instellingscodes: b.instellingscodes,
    _links: { self: { href: `/rio/v1/bevoegd-gezag-erkenningen/${b.bevoegdGezagNummer}` }, onderwijsbestuur: { href: `/rio/v1/onderwijsbesturen/${b.code}` } },
  };
}

function notFound(soort: string, code: string, d: string, bestaat: boolean) {
  return rioProblem('not_found', bestaat ? `${soort} ${code} is not valid on ${d}.` : `${soort} ${code} does not exist in this sandbox.`);
}

