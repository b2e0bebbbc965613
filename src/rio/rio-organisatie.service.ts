import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../common/auth/principal';
import { ClockService } from '../common/clock/clock.service';
import { toPage } from '../common/pagination/pagination';
import { GeldigOpQuery, orderBy } from './dto/common.dto';
import type { OnderwijsaanbiedergroepenQuery, OnderwijsaanbiedergroepRequest, OrganisatierelatiesRequest } from './dto/organisatie.dto';
import { checkLevensduur, checkRelaties, geraakt, mag, nullIfAbsent, OBJECT_PERIODES } from './rio-beheren.checks';
import { Foutcode, Foutmeldingen, nietGeautoriseerd, rioProblem, Sleutelgegeven } from './rio.errors';
import { metGeldigePeriode, RioLezenService } from './rio-lezen.service';
import { checkOrganisatieBinnenLevensduur } from './rio-organisatie.checks';
import { eigenaarsVanGroep, loadAanbieders, loadBesturen, loadGroepen, lopendeBesturen } from './rio.loaders';
import type { GroepState, OrganisatierelatieState } from './rio.model';
import { logMutatie, nextCode, SoortObject, writeDataset, writeOrganisatierelaties } from './rio.store';
import { controleerOrganisatierelaties, eenheidtype, OrganisatorischeEenheidtype } from './rules/organisatierelaties';
import { binnenLevensduur, geldigOp, geldigOpSql, inBedrijfOp, Levensduur } from './rules/periodes';

/** An organisatorische eenheid as the relatie rules see it: its lifetime, and the besturen that keep it up. */
interface Eenheid extends Levensduur {
  type: OrganisatorischeEenheidtype;
  besturen: string[];
}

const SOORT_OBJECT: Record<OrganisatorischeEenheidtype, SoortObject> = { ONDERWIJSBESTUUR: 'onderwijsbesturen', ONDERWIJSAANBIEDER: 'onderwijsaanbieders', ONDERWIJSAANBIEDERGROEP: 'onderwijsaanbiedergroepen' };
const ONBEKEND: Record<OrganisatorischeEenheidtype, Foutcode> = { ONDERWIJSBESTUUR: 'A01110', ONDERWIJSAANBIEDER: 'A01050', ONDERWIJSAANBIEDERGROEP: 'A01120' };
const NAAM: Record<OrganisatorischeEenheidtype, string> = { ONDERWIJSBESTUUR: 'Onderwijsbestuur', ONDERWIJSAANBIEDER: 'Onderwijsaanbieder', ONDERWIJSAANBIEDERGROEP: 'Onderwijsaanbiedergroep' };

const relatieResponse = (r: OrganisatierelatieState) => ({ vanOrganisatorischeEenheid: r.vanCode, naarOrganisatorischeEenheid: r.naarCode, soort: r.soort, begindatum: r.begindatum, einddatum: r.einddatum });

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Onderwijsaanbiedergroepen and organisatierelaties (rio.md §3), board side (scope rio.beheren, for the besturen the
 * client acts for; DUO beheer for all). A groep is kept up by its bestuur or, without one, by a bestuur of one of its
 * members; each member added, changed or removed needs a bestuur of that aanbieder too (AUT401). Writes are
 * standlevering, validated with every foutmelding at once, logged for the change feeds, in one transaction.
 */
@Injectable()
export class RioOrganisatieService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: ClockService,
    private readonly lezen: RioLezenService,
  ) {}

  private async log(m: EntityManager, sid: string, soort: SoortObject, code: string, wijziging: 'TOEGEVOEGD' | 'GEWIJZIGD' | 'VERWIJDERD') {
    await logMutatie(m, sid, soort, code, wijziging, await this.clock.now(sid, m));
  }

  /** Lifetime and besturen of each known eenheid of these codes. */
  private async eenheden(m: EntityManager, sid: string, codes: string[]): Promise<Map<string, Eenheid>> {
    const out = new Map<string, Eenheid>();
    const per = (t: OrganisatorischeEenheidtype) => [...new Set(codes.filter((c) => eenheidtype(c) === t))];
    for (const b of await loadBesturen(m, sid, per('ONDERWIJSBESTUUR'))) out.set(b.code, { type: 'ONDERWIJSBESTUUR', inBedrijfdatum: b.inBedrijfdatum, uitBedrijfdatum: b.uitBedrijfdatum, besturen: [b.code] });
    const vandaag = await this.clock.today(sid, m);
    for (const a of await loadAanbieders(m, sid, per('ONDERWIJSAANBIEDER'))) out.set(a.code, { type: 'ONDERWIJSAANBIEDER', inBedrijfdatum: a.inBedrijfdatum, uitBedrijfdatum: a.uitBedrijfdatum, besturen: lopendeBesturen(a, vandaag) });
    for (const g of await loadGroepen(m, sid, per('ONDERWIJSAANBIEDERGROEP'))) out.set(g.code, { type: 'ONDERWIJSAANBIEDERGROEP', inBedrijfdatum: g.inBedrijfdatum, uitBedrijfdatum: g.uitBedrijfdatum, besturen: await eigenaarsVanGroep(m, sid, g, vandaag) });
    return out;
  }

  // ---------------------------------------------------------------- onderwijsaanbiedergroepen: reads

  async listGroepen(sid: string, q: OnderwijsaanbiedergroepenQuery, path: string) {
    const datum = await this.lezen.resolveDatum(sid, q);
    const params: unknown[] = [sid, datum];
    const where = ['t.sandbox_id = $1', geldigOpSql('t.in_bedrijfdatum', 't.uit_bedrijfdatum', '$2::date')];
    const naam = q.naam ? ` AND p.naam ILIKE $${params.push(`%${escapeLike(q.naam)}%`)}` : '';
    where.push(`EXISTS (SELECT 1 FROM rio_onderwijsaanbiedergroep_periode p WHERE p.sandbox_id = t.sandbox_id AND p.onderwijsaanbiedergroepcode = t.code AND ${geldigOpSql('p.begindatum', 'p.einddatum', '$2::date')}${naam})`);
    if (q.onderwijsbestuurcode) where.push(`t.onderwijsbestuurcode = $${params.push(q.onderwijsbestuurcode)}`);
    if (q.onderwijsaanbiedercode) {
      where.push(`EXISTS (SELECT 1 FROM rio_aanbiedergroep_lid l WHERE l.sandbox_id = t.sandbox_id AND l.onderwijsaanbiedergroepcode = t.code
                   AND l.onderwijsaanbiedercode = $${params.push(q.onderwijsaanbiedercode)} AND ${geldigOpSql('l.begindatum', 'l.einddatum', '$2::date')})`);
    }
    const naamSql = `(SELECT p.naam FROM rio_onderwijsaanbiedergroep_periode p WHERE p.sandbox_id = t.sandbox_id AND p.onderwijsaanbiedergroepcode = t.code AND ${geldigOpSql('p.begindatum', 'p.einddatum', '$2::date')} LIMIT 1)`;
    const order = orderBy(q.sort, { code: 't.code', naam: naamSql, inBedrijfdatum: 't.in_bedrijfdatum' }, 't.code');
    const rows: { code: string; total: string }[] = await this.db.query(
      `SELECT t.code, count(*) OVER () AS total FROM rio_onderwijsaanbiedergroep t WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
      params,
    );
    const total = rows.length ? Number(rows[0].total) : q.page > 1 ? Number((await this.db.query(`SELECT count(*) AS n FROM rio_onderwijsaanbiedergroep t WHERE ${where.join(' AND ')}`, params))[0].n) : 0;
    const items = (await loadGroepen(this.db.manager, sid, rows.map((r) => r.code))).map((g) => metGeldigePeriode(g, datum));
    return toPage(items, total, q, path, { ...q, datumGeldigOp: datum });
  }

  async getGroep(sid: string, code: string, q: { datumGeldigOp?: string }) {
    const datum = await this.lezen.resolveDatum(sid, q);
    const [g] = await loadGroepen(this.db.manager, sid, [code]);
    if (!g || !inBedrijfOp(g, datum) || !g.periodes.some((p) => geldigOp(p, datum))) {
      throw rioProblem('not_found', g ? `Onderwijsaanbiedergroep ${code} is not valid on ${datum}.` : `Onderwijsaanbiedergroep ${code} does not exist in this sandbox.`);
    }
    return metGeldigePeriode(g, datum);
  }

  /** The members of a groep on a date that are in bedrijf then, by code; 404 when the groep is not valid on the date. */
  async listLeden(sid: string, code: string, q: GeldigOpQuery, path: string) {
    await this.getGroep(sid, code, q);
    const datum = await this.lezen.resolveDatum(sid, q);
    const rows: { code: string; total: string }[] = await this.db.query(
      `SELECT a.code, count(*) OVER () AS total FROM rio_onderwijsaanbieder a
        WHERE a.sandbox_id = $1 AND ${geldigOpSql('a.in_bedrijfdatum', 'a.uit_bedrijfdatum', '$3::date')}
          AND EXISTS (SELECT 1 FROM rio_aanbiedergroep_lid l WHERE l.sandbox_id = a.sandbox_id AND l.onderwijsaanbiedercode = a.code AND l.onderwijsaanbiedergroepcode = $2
                        AND ${geldigOpSql('l.begindatum', 'l.einddatum', '$3::date')})
        ORDER BY a.code LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
      [sid, code, datum],
    );
    const items = (await loadAanbieders(this.db.manager, sid, rows.map((r) => r.code))).map((a) => metGeldigePeriode(a, datum));
    return toPage(items, rows.length ? Number(rows[0].total) : 0, q, path, { ...q, datumGeldigOp: datum });
  }

  /** opvragen_onderwijsaanbiedersVanOrganisatie: the aanbieders and groepen of a bestuur valid on a date (each 0..999). */
  async getAanbiedersVanBestuur(sid: string, code: string, q: { datumGeldigOp?: string }) {
    await this.lezen.getBestuur(sid, code, q);
    const datum = await this.lezen.resolveDatum(sid, q);
    const aanbieders: { code: string }[] = await this.db.query(
      `SELECT a.code FROM rio_onderwijsaanbieder a
        WHERE a.sandbox_id = $1 AND ${geldigOpSql('a.in_bedrijfdatum', 'a.uit_bedrijfdatum', '$3::date')}
          AND EXISTS (SELECT 1 FROM rio_aanbieder_bestuur r WHERE r.sandbox_id = a.sandbox_id AND r.onderwijsaanbiedercode = a.code AND r.onderwijsbestuurcode = $2 AND ${geldigOpSql('r.begindatum', 'r.einddatum', '$3::date')})
          AND EXISTS (SELECT 1 FROM rio_onderwijsaanbieder_periode p WHERE p.sandbox_id = a.sandbox_id AND p.onderwijsaanbiedercode = a.code AND ${geldigOpSql('p.begindatum', 'p.einddatum', '$3::date')})
        ORDER BY a.code LIMIT 999`,
      [sid, code, datum],
    );
    const groepen: { code: string }[] = await this.db.query(
      `SELECT g.code FROM rio_onderwijsaanbiedergroep g
        WHERE g.sandbox_id = $1 AND g.onderwijsbestuurcode = $2 AND ${geldigOpSql('g.in_bedrijfdatum', 'g.uit_bedrijfdatum', '$3::date')}
          AND EXISTS (SELECT 1 FROM rio_onderwijsaanbiedergroep_periode p WHERE p.sandbox_id = g.sandbox_id AND p.onderwijsaanbiedergroepcode = g.code AND ${geldigOpSql('p.begindatum', 'p.einddatum', '$3::date')})
        ORDER BY g.code LIMIT 999`,
      [sid, code, datum],
    );
    return {
      onderwijsbestuurcode: code,
      datumGeldigOp: datum,
      onderwijsaanbieders: (await loadAanbieders(this.db.manager, sid, aanbieders.map((r) => r.code))).map((a) => metGeldigePeriode(a, datum)),
      onderwijsaanbiedergroepen: (await loadGroepen(this.db.manager, sid, groepen.map((r) => r.code))).map((g) => metGeldigePeriode(g, datum)),
    };
  }

  // ---------------------------------------------------------------- onderwijsaanbiedergroepen: writes

  private groepState(code: string, body: OnderwijsaanbiedergroepRequest): GroepState {
    return {
      code,
      onderwijsbestuurcode: nullIfAbsent(body.onderwijsbestuurcode),
      inBedrijfdatum: body.inBedrijfdatum,
      uitBedrijfdatum: nullIfAbsent(body.uitBedrijfdatum),
      periodes: body.periodes.map((x) => ({ begindatum: x.begindatum, einddatum: nullIfAbsent(x.einddatum), naam: x.naam, internationaleNaam: nullIfAbsent(x.internationaleNaam) })),
      onderwijsaanbieders: body.onderwijsaanbieders.map((l) => ({ onderwijsaanbiedercode: l.onderwijsaanbiedercode, begindatum: l.begindatum, einddatum: nullIfAbsent(l.einddatum) })),
    };
  }

  /** Authorisation (403 AUT401) and every foutmelding (400) of a groep's new state. */
  private async validateGroep(m: EntityManager, p: Principal, s: GroepState, bestaand: GroepState | undefined) {
    const sid = p.sandboxId;
    const aanbieders = new Map((await loadAanbieders(m, sid, [...new Set([...s.onderwijsaanbieders, ...(bestaand?.onderwijsaanbieders ?? [])].map((l) => l.onderwijsaanbiedercode))])).map((a) => [a.code, a]));
    const vandaag = await this.clock.today(sid, m);
    const sleutels: Sleutelgegeven[] = [];
    if (bestaand && !mag(p, await eigenaarsVanGroep(m, sid, bestaand, vandaag))) sleutels.push({ sleutelnaam: 'onderwijsaanbiedergroepcode', sleutelwaarde: bestaand.code });
    if (s.onderwijsbestuurcode && !mag(p, [s.onderwijsbestuurcode])) sleutels.push({ sleutelnaam: 'onderwijsbestuurcode', sleutelwaarde: s.onderwijsbestuurcode });
    else if (!s.onderwijsbestuurcode && !mag(p, await eigenaarsVanGroep(m, sid, s, vandaag))) sleutels.push({ sleutelnaam: 'onderwijsaanbiedergroepcode', sleutelwaarde: s.code || 'nieuw' });
    const vreemd = geraakt(s.onderwijsaanbieders, bestaand?.onderwijsaanbieders ?? [], (l) => l.onderwijsaanbiedercode)
      .map((l) => aanbieders.get(l.onderwijsaanbiedercode))
      .filter((a) => a && !mag(p, lopendeBesturen(a, vandaag)))
      .map((a) => a!.code);
    for (const c of new Set(vreemd)) sleutels.push({ sleutelnaam: 'onderwijsaanbiedercode', sleutelwaarde: c });
    if (sleutels.length) throw nietGeautoriseerd(`Client ${p.clientId} does not act for every onderwijsbestuur this write touches (the groep's bestuur, or the besturen of its members).`, sleutels);
    const f = new Foutmeldingen();
    checkLevensduur(f, OBJECT_PERIODES, s.inBedrijfdatum, s.uitBedrijfdatum, s.periodes);
    if (s.onderwijsbestuurcode) {
      const [bestuur] = await loadBesturen(m, sid, [s.onderwijsbestuurcode]);
      if (!bestuur) f.add('A01110', '/onderwijsbestuurcode', { onderwijsbestuurcode: s.onderwijsbestuurcode });
      else if (!binnenLevensduur({ begindatum: s.inBedrijfdatum, einddatum: s.uitBedrijfdatum }, bestuur)) {
        f.add('N05030', '/onderwijsbestuurcode', { onderwijsbestuurcode: s.onderwijsbestuurcode }, 'De onderwijsaanbiedergroep ligt niet binnen de levensduur van het onderwijsbestuur.');
      }
    }
    s.onderwijsaanbieders.forEach((l, i) => {
      const a = aanbieders.get(l.onderwijsaanbiedercode);
      if (!a) f.add('A01050', `/onderwijsaanbieders/${i}/onderwijsaanbiedercode`, { onderwijsaanbiedercode: l.onderwijsaanbiedercode });
      else if ((l.einddatum == null || l.einddatum > l.begindatum) && !binnenLevensduur(l, a)) f.add('J06410', `/onderwijsaanbieders/${i}`, { onderwijsaanbiedercode: l.onderwijsaanbiedercode, begindatum: l.begindatum });
    });
    checkRelaties(f, s.onderwijsaanbieders, (l) => l.onderwijsaanbiedercode, 'onderwijsaanbiedercode', '/onderwijsaanbieders', s);
    if (bestaand) await checkOrganisatieBinnenLevensduur(m, sid, s.code, s, f);
    f.throwIfAny();
  }

  private async saveGroep(m: EntityManager, sid: string, s: GroepState, nieuw: boolean) {
    await writeDataset(m, sid, { groepen: [s] }, { replace: true });
    await this.log(m, sid, 'onderwijsaanbiedergroepen', s.code, nieuw ? 'TOEGEVOEGD' : 'GEWIJZIGD');
    return metGeldigePeriode(s, await this.clock.today(sid, m));
  }

  createGroep(p: Principal, body: OnderwijsaanbiedergroepRequest) {
    return this.db.transaction(async (m) => {
      const s = this.groepState('', body);
      await this.validateGroep(m, p, s, undefined); // before taking a code, so a rejected request uses none
      s.code = await nextCode(m, p.sandboxId, 'G');
      return this.saveGroep(m, p.sandboxId, s, true);
    });
  }

  putGroep(p: Principal, code: string, body: OnderwijsaanbiedergroepRequest) {
    return this.db.transaction(async (m) => {
      const [bestaand] = await loadGroepen(m, p.sandboxId, [code]);
      if (!bestaand) throw rioProblem('not_found', `Onderwijsaanbiedergroep ${code} does not exist in this sandbox; create it with POST (RIO assigns the code).`);
      const s = this.groepState(code, body);
      await this.validateGroep(m, p, s, bestaand);
      return this.saveGroep(m, p.sandboxId, s, false);
    });
  }

  /** Removes a groep with its members, contactadressen and organisatierelaties. */
  deleteGroep(p: Principal, code: string) {
    return this.db.transaction(async (m) => {
      const sid = p.sandboxId;
      const [bestaand] = await loadGroepen(m, sid, [code]);
      if (!bestaand) throw rioProblem('not_found', `Onderwijsaanbiedergroep ${code} does not exist in this sandbox.`);
      if (!mag(p, await eigenaarsVanGroep(m, sid, bestaand, await this.clock.today(sid, m)))) throw nietGeautoriseerd(`Client ${p.clientId} does not act for the bestuur of onderwijsaanbiedergroep ${code}.`, [{ sleutelnaam: 'onderwijsaanbiedergroepcode', sleutelwaarde: code }]);
      await m.query('DELETE FROM rio_onderwijsaanbiedergroep WHERE sandbox_id = $1 AND code = $2', [sid, code]);
      await m.query('DELETE FROM rio_contactadres WHERE sandbox_id = $1 AND code = $2', [sid, code]);
      await m.query('DELETE FROM rio_organisatierelatie WHERE sandbox_id = $1 AND (van_code = $2 OR naar_code = $2)', [sid, code]);
      await this.log(m, sid, 'onderwijsaanbiedergroepen', code, 'VERWIJDERD');
    });
  }

  // ---------------------------------------------------------------- organisatierelaties

  private async relaties(m: EntityManager, sid: string, where: string, params: unknown[]): Promise<OrganisatierelatieState[]> {
    return m.query(
      `SELECT van_code AS "vanCode", naar_code AS "naarCode", soort, begindatum::text AS begindatum, einddatum::text AS einddatum
         FROM rio_organisatierelatie t WHERE t.sandbox_id = $1 AND ${where} ORDER BY van_code, naar_code, soort, begindatum`,
      [sid, ...params],
    );
  }

  /** The relaties from and to an eenheid valid on a date; 404 when the eenheid is not in bedrijf then. */
  async listRelaties(sid: string, code: string, q: { datumGeldigOp?: string }) {
    const datum = await this.lezen.resolveDatum(sid, q);
    const eenheid = (await this.eenheden(this.db.manager, sid, [code])).get(code);
    const naam = NAAM[eenheidtype(code)];
    if (!eenheid) throw rioProblem('not_found', `${naam} ${code} does not exist in this sandbox.`);
    if (!inBedrijfOp(eenheid, datum)) throw rioProblem('not_found', `${naam} ${code} is not valid on ${datum}.`);
    const rows = await this.relaties(this.db.manager, sid, `(t.van_code = $2 OR t.naar_code = $2) AND ${geldigOpSql('t.begindatum', 't.einddatum', '$3::date')}`, [code, datum]);
    return { code, organisatierelaties: rows.map(relatieResponse) };
  }

  /**
   * Standlevering of every organisatierelatie from one eenheid. The client must act for a bestuur of that eenheid
   * and of each eenheid a relatie added, changed or removed runs to (AUT401).
   */
  putRelaties(p: Principal, code: string, body: OrganisatierelatiesRequest) {
    return this.db.transaction(async (m) => {
      const sid = p.sandboxId;
      const rows: OrganisatierelatieState[] = body.organisatierelaties.map((x) => ({ vanCode: code, naarCode: x.naarOrganisatorischeEenheid, soort: x.soort, begindatum: x.begindatum, einddatum: nullIfAbsent(x.einddatum) }));
      const bestaand = await this.relaties(m, sid, 't.van_code = $2', [code]);
      const eenheden = await this.eenheden(m, sid, [code, ...rows.map((r) => r.naarCode), ...bestaand.map((r) => r.naarCode)]);
      const eenheid = eenheden.get(code);
      if (!eenheid) throw rioProblem('not_found', `${NAAM[eenheidtype(code)]} ${code} does not exist in this sandbox.`);
      const sleutels: Sleutelgegeven[] = mag(p, eenheid.besturen) ? [] : [{ sleutelnaam: 'organisatorischeEenheidcode', sleutelwaarde: code }];
      const naar = new Set(geraakt(rows, bestaand, (r) => `${r.naarCode}|${r.soort}`).map((r) => r.naarCode));
      for (const c of naar) {
        const e = eenheden.get(c);
        if (e && !mag(p, e.besturen)) sleutels.push({ sleutelnaam: 'naarOrganisatorischeEenheid', sleutelwaarde: c });
      }
      if (sleutels.length) throw nietGeautoriseerd(`Client ${p.clientId} does not act for a bestuur of every organisatorische eenheid this write touches.`, sleutels);
      const f = new Foutmeldingen();
      rows.forEach((r, i) => {
        if (!eenheden.has(r.naarCode)) f.add(ONBEKEND[eenheidtype(r.naarCode)], `/organisatierelaties/${i}/naarOrganisatorischeEenheid`, { naarOrganisatorischeEenheid: r.naarCode });
      });
      // The relaties other eenheden hold to this one stay: N07050 holds per pair, whichever way the relatie runs.
      const vast = await this.relaties(m, sid, 't.naar_code = $2 AND t.van_code <> $2', [code]);
      for (const fout of controleerOrganisatierelaties(rows, vast, (c) => eenheden.get(c))) {
        const r = rows[fout.index];
        f.add(fout.code, `/organisatierelaties/${fout.index}${fout.veld ? `/${fout.veld}` : ''}`, { vanOrganisatorischeEenheid: r.vanCode, naarOrganisatorischeEenheid: r.naarCode, soort: r.soort, begindatum: r.begindatum });
      }
      f.throwIfAny();
      await writeOrganisatierelaties(m, sid, [code], rows);
      for (const c of [code, ...naar]) {
        const e = eenheden.get(c);
        if (e) await this.log(m, sid, SOORT_OBJECT[e.type], c, 'GEWIJZIGD');
      }
      return { code, organisatierelaties: (await this.relaties(m, sid, 't.van_code = $2', [code])).map(relatieResponse) };
    });
  }
}
