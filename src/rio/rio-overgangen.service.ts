import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../common/auth/principal';
import { ClockService } from '../common/clock/clock.service';
import { DomainHooks } from '../common/events/domain-hooks';
import { toPage } from '../common/pagination/pagination';
import type { Overgang, OvergangenQuery, OvergangRequest } from './dto/overgang.dto';
import { Foutcodes, Foutmeldingen, RioErrors, rioProblem } from './rio.errors';
import type { AanbiederState, GebruikState, GroepState, InstellingState } from './rio.model';
import { loadAanbieders, loadBesturen, loadGebruiken, loadGroepen, loadInstellingen } from './rio.loaders';
import { logMutatie, writeDataset } from './rio.store';
import { bestuurOpSql, OvergangFout, OvergangStand, planOvergang } from './rules/overgang';
import { beoordeelGedeeltelijk, GedeeltelijkFout, GedeeltelijkVerzoek } from './rules/overgang-gedeeltelijk';

interface OvergangRij {
  id: string;
  soort: string;
  instellingscode: string;
  naar_instellingscode: string | null;
  van: string;
  naar: string;
  overgangsdatum: string;
  vestigingscodes: string[];
  onderwijsaanbiedercodes: string[];
  onderwijslocatiecodes: string[];
  geregistreerd_op: Date;
}

const KOLOMMEN = `id, soort, instellingscode, naar_instellingscode, van_onderwijsbestuurcode AS van, naar_onderwijsbestuurcode AS naar, overgangsdatum::text AS overgangsdatum,
  vestigingscodes, onderwijsaanbiedercodes, onderwijslocatiecodes, geregistreerd_op`;

const toResponse = (r: OvergangRij): Overgang => ({
  overgangId: r.id,
  soort: r.soort,
  instellingscode: r.instellingscode,
  naarInstellingscode: r.naar_instellingscode,
  vanOnderwijsbestuurcode: r.van,
  naarOnderwijsbestuurcode: r.naar,
  overgangsdatum: r.overgangsdatum,
  vestigingscodes: r.vestigingscodes,
  onderwijsaanbiedercodes: r.onderwijsaanbiedercodes,
  onderwijslocatiecodes: r.onderwijslocatiecodes,
  geregistreerdOp: r.geregistreerd_op.toISOString(),
});

/** The aggregates an overgang changes, whole. */
interface Stand {
  instellingen: InstellingState[];
  aanbieders: AanbiederState[];
  gebruiken: GebruikState[];
  /** Absent in the stand of an overgang recorded before groepen moved along. */
  groepen?: GroepState[];
}

/** A value as canonical JSON: object keys sorted, lists sorted (the stored rows have no order of their own). */
function canoniek(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(canoniek).sort().join(',')}]`;
  if (x && typeof x === 'object') return `{${Object.keys(x).sort().map((k) => `${JSON.stringify(k)}:${canoniek((x as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(x ?? null);
}

/** The foutmelding of each fout of the overgang rule, with the key values it is about. */
function meld(foutmeldingen: Foutmeldingen, v: OvergangRequest, f: OvergangFout | GedeeltelijkFout) {
  const basis = { instellingscode: v.instellingscode, overgangsdatum: v.overgangsdatum };
  switch (f.code) {
    case 'A01030':
      return foutmeldingen.add(f.code, f.pointer, { instellingscode: f.pointer === '/naarInstellingscode' ? v.naarInstellingscode : v.instellingscode });
    case 'A01110':
    case 'J06610':
    case 'J06620':
      return foutmeldingen.add(f.code, f.pointer, { ...basis, onderwijsbestuurcode: v.naarOnderwijsbestuurcode });
    case 'J06600':
    case 'J06640':
      return foutmeldingen.add(f.code, f.pointer, basis);
    case 'J06630':
      return foutmeldingen.add(f.code, f.pointer, { ...basis, latereOvergangsdatum: f.latere }, `${Foutcodes.J06630} Al vastgelegd: ${f.latere}.`);
    case 'J06650':
      return foutmeldingen.add(f.code, f.pointer, { ...basis, onderwijsaanbiedercode: f.onderwijsaanbiedercode }, `${Foutcodes.J06650} ${f.onderwijsaanbiedercode} heeft ook een relatie met ${f.andereInstellingscode}.`);
    case 'J06660':
      return foutmeldingen.add(f.code, f.pointer, { ...basis, onderwijslocatiecode: f.onderwijslocatiecode });
    case 'J06670':
      return foutmeldingen.add(f.code, f.pointer, { ...basis, naarInstellingscode: v.naarInstellingscode, onderwijsbestuurcode: v.naarOnderwijsbestuurcode });
    case 'J06690':
      return foutmeldingen.add(f.code, f.pointer, basis);
    case 'A01040':
    case 'J06680':
    case 'J06700':
      return foutmeldingen.add(f.code, f.pointer, { ...basis, vestigingscode: f.vestigingscode });
  }
}

/** J06710: the part and the receiving school belong to a gedeeltelijke overgang, and to it alone. */
function meldSoort(foutmeldingen: Foutmeldingen, v: OvergangRequest) {
  const gedeeltelijk = v.soort === 'OVERGANG_GEDEELTELIJK';
  for (const veld of ['naarInstellingscode', 'vestigingscodes'] as const) {
    if ((v[veld] === undefined) === gedeeltelijk) foutmeldingen.add('J06710', `/${veld}`, { soort: v.soort ?? 'OVERGANG_VOLLEDIG', veld });
  }
}

/**
 * Overgangen (rio.md §4 Instellingsrelatie OVERGANG_VOLLEDIG, the open-data `overgangen`): DUO moves a BRIN4 from one
 * bestuur to another on a date. Load what the BRIN4, its aanbieders and their locatiegebruik hold → judge and plan
 * (rules/overgang.ts) → write the changed aggregates whole, record the overgang, log the changes for the feeds, and
 * tell bekostiging (its recompute covers the BRIN4's vestigingen) — one transaction.
 */
@Injectable()
export class RioOvergangenService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: ClockService,
    private readonly hooks: DomainHooks,
  ) {}

  create(principal: Principal, v: OvergangRequest): Promise<Overgang> {
    if (v.soort === 'OVERGANG_GEDEELTELIJK') return this.createGedeeltelijk(principal, v);
    return this.db.transaction(async (manager) => {
      const sid = principal.sandboxId;
      // One overgang of a BRIN4 at a time: two at once could both see no later one.
      await manager.query('SELECT code FROM rio_instellingserkenning WHERE sandbox_id = $1 AND code = $2 FOR UPDATE', [sid, v.instellingscode]);
      const stand = await this.loadStand(manager, sid, v);
      const { fouten, plan } = planOvergang(v, stand);
      const foutmeldingen = new Foutmeldingen();
      fouten.forEach((f) => meld(foutmeldingen, v, f));
      meldSoort(foutmeldingen, v);
      foutmeldingen.throwIfAny();
      if (!plan) throw new Error('an overgang without fouten has a plan');
      await writeDataset(manager, sid, { instellingen: [plan.instelling], aanbieders: plan.aanbieders, gebruiken: plan.gebruiken, groepen: plan.groepen }, { replace: true });
      for (const g of plan.verwijderdeGebruiken) {
        await manager.query('DELETE FROM rio_onderwijslocatiegebruik WHERE sandbox_id = $1 AND onderwijsbestuurcode = $2 AND onderwijslocatiecode = $3', [sid, g.onderwijsbestuurcode, g.onderwijslocatiecode]);
      }
      const nu = await this.clock.now(sid, manager);
      const sleutel = (g: { onderwijsbestuurcode: string; onderwijslocatiecode: string }) => `${g.onderwijsbestuurcode}/${g.onderwijslocatiecode}`;
      const geraakt = new Set([...plan.gebruiken, ...plan.verwijderdeGebruiken].map(sleutel));
      const voor: Stand = {
        instellingen: [stand.instelling!],
        aanbieders: stand.aanbieders.filter((a) => plan.aanbieders.some((x) => x.code === a.code)),
        gebruiken: stand.gebruiken.filter((g) => geraakt.has(sleutel(g))),
        groepen: stand.groepen.filter((g) => plan.groepen.some((x) => x.code === g.code)),
      };
      const na: Stand = { instellingen: [plan.instelling], aanbieders: plan.aanbieders, gebruiken: plan.gebruiken, groepen: plan.groepen };
      const [rij]: OvergangRij[] = await manager.query(
        `INSERT INTO rio_overgang (sandbox_id, id, soort, instellingscode, van_onderwijsbestuurcode, naar_onderwijsbestuurcode, overgangsdatum, vestigingscodes, onderwijsaanbiedercodes, onderwijslocatiecodes, geregistreerd_op, voor_stand, na_stand)
         VALUES ($1, $2, 'OVERGANG_VOLLEDIG', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING ${KOLOMMEN}`,
        [sid, randomUUID(), v.instellingscode, plan.van, v.naarOnderwijsbestuurcode, v.overgangsdatum, stand.vestigingscodes, plan.aanbieders.map((a) => a.code), plan.onderwijslocatiecodes, nu, JSON.stringify(voor), JSON.stringify(na)],
      );
      await logMutatie(manager, sid, 'onderwijsinstellingserkenningen', v.instellingscode, 'GEWIJZIGD', nu);
      for (const a of plan.aanbieders) await logMutatie(manager, sid, 'onderwijsaanbieders', a.code, 'GEWIJZIGD', nu);
      for (const g of plan.groepen) await logMutatie(manager, sid, 'onderwijsaanbiedergroepen', g.code, 'GEWIJZIGD', nu);
      const bestonden = new Set(stand.gebruiken.map((g) => `${g.onderwijsbestuurcode}/${g.onderwijslocatiecode}`));
      for (const g of plan.gebruiken) {
        const code = `${g.onderwijsbestuurcode}/${g.onderwijslocatiecode}`;
        await logMutatie(manager, sid, 'onderwijslocatiegebruiken', code, bestonden.has(code) ? 'GEWIJZIGD' : 'TOEGEVOEGD', nu);
      }
      for (const g of plan.verwijderdeGebruiken) await logMutatie(manager, sid, 'onderwijslocatiegebruiken', `${g.onderwijsbestuurcode}/${g.onderwijslocatiecode}`, 'VERWIJDERD', nu);
      // ROD and bekostiging read the bestuur by date: their recompute of the BRIN4's vestigingen follows the change.
      if (stand.vestigingscodes.length) await this.hooks.emit('rio.gewijzigd', manager, { sandboxId: sid, vestigingscodes: stand.vestigingscodes });
      return toResponse(rij);
    });
  }

  /**
   * Registers an overgang gedeeltelijk: the relation between the two erkenningen with the vestigingen that go over, judged
   * against both BRIN4s (rules/overgang-gedeeltelijk.ts). Nothing else changes, so there is nothing to log or recompute.
   */
  private createGedeeltelijk(principal: Principal, verzoek: OvergangRequest): Promise<Overgang> {
    // Without them (J06710) the rest is judged as far as it can be: no receiving school, no vestigingen.
    const v: GedeeltelijkVerzoek = { ...verzoek, naarInstellingscode: verzoek.naarInstellingscode ?? '', vestigingscodes: verzoek.vestigingscodes ?? [] };
    return this.db.transaction(async (manager) => {
      const sid = principal.sandboxId;
      // Both BRIN4s, in one order: a volledige overgang of either now could change the bestuur this one records.
      await manager.query('SELECT code FROM rio_instellingserkenning WHERE sandbox_id = $1 AND code = ANY($2) ORDER BY code FOR UPDATE', [sid, [v.instellingscode, v.naarInstellingscode]]);
      const [van] = await loadInstellingen(manager, sid, [v.instellingscode]);
      const [naarInstelling] = v.naarInstellingscode ? await loadInstellingen(manager, sid, [v.naarInstellingscode]) : [];
      const [naar] = await loadBesturen(manager, sid, [v.naarOnderwijsbestuurcode]);
      const vestigingen: { code: string; inBedrijfdatum: string; uitBedrijfdatum: string | null }[] = await manager.query(
        `SELECT code, in_bedrijfdatum::text AS "inBedrijfdatum", uit_bedrijfdatum::text AS "uitBedrijfdatum" FROM rio_vestigingserkenning WHERE sandbox_id = $1 AND instellingscode = $2 ORDER BY code`,
        [sid, v.instellingscode],
      );
      const volledige: { d: string }[] = await manager.query(
        `SELECT overgangsdatum::text AS d FROM rio_overgang WHERE sandbox_id = $1 AND soort = 'OVERGANG_VOLLEDIG' AND instellingscode = ANY($2)`,
        [sid, [v.instellingscode, v.naarInstellingscode]],
      );
      const eerder: { codes: string[] }[] = await manager.query(
        `SELECT vestigingscodes AS codes FROM rio_overgang WHERE sandbox_id = $1 AND soort = 'OVERGANG_GEDEELTELIJK' AND instellingscode = $2`,
        [sid, v.instellingscode],
      );
      const { fouten, van: vanBestuur } = beoordeelGedeeltelijk(v, {
        van: van ?? null, naarInstelling: naarInstelling ?? null, naar: naar ?? null, vestigingen,
        volledigeOvergangsdata: volledige.map((x) => x.d), alOvergegaan: eerder.flatMap((x) => x.codes),
      });
      const foutmeldingen = new Foutmeldingen();
      fouten.filter((f) => verzoek.naarInstellingscode || f.pointer !== '/naarInstellingscode').forEach((f) => meld(foutmeldingen, verzoek, f));
      meldSoort(foutmeldingen, verzoek);
      foutmeldingen.throwIfAny();
      // The locaties the vestigingen were given at on the day before (their gebruik stays where it is).
      const locaties: { code: string }[] = await manager.query(
        `SELECT DISTINCT onderwijslocatiecode AS code FROM rio_locatiegebruik_relatie
          WHERE sandbox_id = $1 AND vestigingscode = ANY($2) AND begindatum < $3::date AND (einddatum IS NULL OR einddatum >= $3::date) ORDER BY 1`,
        [sid, v.vestigingscodes, v.overgangsdatum],
      );
      const nu = await this.clock.now(sid, manager);
      const [rij]: OvergangRij[] = await manager.query(
        `INSERT INTO rio_overgang (sandbox_id, id, soort, instellingscode, naar_instellingscode, van_onderwijsbestuurcode, naar_onderwijsbestuurcode, overgangsdatum, vestigingscodes, onderwijsaanbiedercodes, onderwijslocatiecodes, geregistreerd_op)
         VALUES ($1, $2, 'OVERGANG_GEDEELTELIJK', $3, $4, $5, $6, $7, $8, '{}', $9, $10) RETURNING ${KOLOMMEN}`,
        [sid, randomUUID(), v.instellingscode, v.naarInstellingscode, vanBestuur, v.naarOnderwijsbestuurcode, v.overgangsdatum, [...v.vestigingscodes].sort(), locaties.map((l) => l.code), nu],
      );
      return toResponse(rij);
    });
  }

  /**
   * Withdraws a planned overgang (its overgangsdatum after the sandbox's today): the BRIN4, aanbieders and locatiegebruik
   * it changed are as before it, when nothing changed them since; else 409, as for one that took effect or was seeded.
   */
  remove(principal: Principal, id: string): Promise<void> {
    return this.db.transaction(async (manager) => {
      const sid = principal.sandboxId;
      const [o]: (OvergangRij & { voor_stand: Stand | null; na_stand: Stand | null })[] = await manager.query(
        `SELECT ${KOLOMMEN}, voor_stand, na_stand FROM rio_overgang WHERE sandbox_id = $1 AND id = $2`,
        [sid, id],
      );
      if (!o) throw rioProblem('not_found', `Overgang ${id} does not exist in this sandbox.`);
      await manager.query('SELECT code FROM rio_instellingserkenning WHERE sandbox_id = $1 AND code = $2 FOR UPDATE', [sid, o.instellingscode]);
      const vandaag = await this.clock.today(sid, manager);
      if (o.overgangsdatum <= vandaag) throw rioProblem(RioErrors.overgangNietIntrekbaar, `Overgang ${id} took effect on ${o.overgangsdatum}; only a planned overgang (after ${vandaag}) can be withdrawn.`);
      // A later overgang of the BRIN4 (from or to it) recorded the bestuur this one gives it.
      const [later] = await manager.query(
        'SELECT 1 FROM rio_overgang WHERE sandbox_id = $1 AND id <> $2 AND overgangsdatum >= $3::date AND (instellingscode = $4 OR naar_instellingscode = $4) LIMIT 1',
        [sid, id, o.overgangsdatum, o.instellingscode],
      );
      if (later && o.soort === 'OVERGANG_VOLLEDIG') throw rioProblem(RioErrors.overgangNietIntrekbaar, `A later overgang of ${o.instellingscode} builds on overgang ${id}; withdraw that one first.`);
      if (o.soort === 'OVERGANG_GEDEELTELIJK') {
        // Only the relation was registered: withdrawing it removes just that.
        await manager.query('DELETE FROM rio_overgang WHERE sandbox_id = $1 AND id = $2', [sid, id]);
        return;
      }
      if (!o.voor_stand || !o.na_stand) throw rioProblem(RioErrors.overgangNietIntrekbaar, `Overgang ${id} is part of the seeded history and cannot be withdrawn.`);
      const sleutels = o.na_stand.gebruiken.map((g) => ({ onderwijsbestuurcode: g.onderwijsbestuurcode, onderwijslocatiecode: g.onderwijslocatiecode }));
      const nu: Stand = {
        instellingen: await loadInstellingen(manager, sid, [o.instellingscode]),
        aanbieders: await loadAanbieders(manager, sid, o.na_stand.aanbieders.map((a) => a.code)),
        gebruiken: await loadGebruiken(manager, sid, sleutels),
        ...(o.na_stand.groepen ? { groepen: await loadGroepen(manager, sid, o.na_stand.groepen.map((g) => g.code)) } : {}),
      };
      if (canoniek(nu) !== canoniek(o.na_stand)) {
        throw rioProblem(RioErrors.overgangNietIntrekbaar, `The BRIN4, aanbieders or locatiegebruik of overgang ${id} changed after it was registered; withdraw those changes first.`);
      }
      const voor = o.voor_stand;
      const nieuw = o.na_stand.gebruiken.filter((g) => !voor.gebruiken.some((x) => x.onderwijsbestuurcode === g.onderwijsbestuurcode && x.onderwijslocatiecode === g.onderwijslocatiecode));
      for (const g of nieuw) {
        await manager.query('DELETE FROM rio_onderwijslocatiegebruik WHERE sandbox_id = $1 AND onderwijsbestuurcode = $2 AND onderwijslocatiecode = $3', [sid, g.onderwijsbestuurcode, g.onderwijslocatiecode]);
      }
      await writeDataset(manager, sid, voor, { replace: true });
      await manager.query('DELETE FROM rio_overgang WHERE sandbox_id = $1 AND id = $2', [sid, id]);
      const moment = await this.clock.now(sid, manager);
      await logMutatie(manager, sid, 'onderwijsinstellingserkenningen', o.instellingscode, 'GEWIJZIGD', moment);
      for (const a of voor.aanbieders) await logMutatie(manager, sid, 'onderwijsaanbieders', a.code, 'GEWIJZIGD', moment);
      for (const g of voor.groepen ?? []) await logMutatie(manager, sid, 'onderwijsaanbiedergroepen', g.code, 'GEWIJZIGD', moment);
      for (const g of voor.gebruiken) await logMutatie(manager, sid, 'onderwijslocatiegebruiken', `${g.onderwijsbestuurcode}/${g.onderwijslocatiecode}`, 'GEWIJZIGD', moment);
      for (const g of nieuw) await logMutatie(manager, sid, 'onderwijslocatiegebruiken', `${g.onderwijsbestuurcode}/${g.onderwijslocatiecode}`, 'VERWIJDERD', moment);
      if (o.vestigingscodes.length) await this.hooks.emit('rio.gewijzigd', manager, { sandboxId: sid, vestigingscodes: o.vestigingscodes });
    });
  }

  private async loadStand(manager: EntityManager, sid: string, v: OvergangRequest): Promise<OvergangStand> {
    const [instelling] = await loadInstellingen(manager, sid, [v.instellingscode]);
    const [naar] = await loadBesturen(manager, sid, [v.naarOnderwijsbestuurcode]);
    // Every overgang of the BRIN4, gedeeltelijke ones from or to it too: each records the bestuur it stood under then.
    const overgangsdata: { d: string }[] = await manager.query(
      'SELECT overgangsdatum::text AS d FROM rio_overgang WHERE sandbox_id = $1 AND (instellingscode = $2 OR naar_instellingscode = $2)',
      [sid, v.instellingscode],
    );
    const vestigingen: { code: string }[] = await manager.query('SELECT code FROM rio_vestigingserkenning WHERE sandbox_id = $1 AND instellingscode = $2 ORDER BY code', [sid, v.instellingscode]);
    const aanbiedercodes: { code: string }[] = await manager.query(
      'SELECT DISTINCT onderwijsaanbiedercode AS code FROM rio_juridische_relatie WHERE sandbox_id = $1 AND instellingscode = $2 ORDER BY 1',
      [sid, v.instellingscode],
    );
    const codes = aanbiedercodes.map((a) => a.code);
    const andereRelaties: OvergangStand['andereRelaties'] = await manager.query(
      `SELECT jr.onderwijsaanbiedercode AS "onderwijsaanbiedercode", jr.instellingscode AS "instellingscode", jr.begindatum::text AS begindatum, jr.einddatum::text AS einddatum,
              ${bestuurOpSql('$1', 'jr.instellingscode', '$4::date')} AS "bestuurOpDatum"
         FROM rio_juridische_relatie jr WHERE jr.sandbox_id = $1 AND jr.onderwijsaanbiedercode = ANY($2) AND jr.instellingscode <> $3 ORDER BY 1, 2, 3`,
      [sid, codes, v.instellingscode, v.overgangsdatum],
    );
    const vestigingscodes = vestigingen.map((x) => x.code);
    const groepcodes: { code: string }[] = await manager.query(
      'SELECT DISTINCT onderwijsaanbiedergroepcode AS code FROM rio_aanbiedergroep_lid WHERE sandbox_id = $1 AND onderwijsaanbiedercode = ANY($2) ORDER BY 1',
      [sid, codes],
    );
    const gebruikKeys: { onderwijsbestuurcode: string; onderwijslocatiecode: string }[] = await manager.query(
      `SELECT DISTINCT onderwijsbestuurcode, onderwijslocatiecode FROM rio_locatiegebruik_relatie WHERE sandbox_id = $1 AND vestigingscode = ANY($2)
       UNION
       SELECT g.onderwijsbestuurcode, g.onderwijslocatiecode FROM rio_onderwijslocatiegebruik g
        WHERE g.sandbox_id = $1 AND g.onderwijsbestuurcode = $3
          AND g.onderwijslocatiecode IN (SELECT r.onderwijslocatiecode FROM rio_locatiegebruik_relatie r WHERE r.sandbox_id = $1 AND r.vestigingscode = ANY($2))`,
      [sid, vestigingscodes, v.naarOnderwijsbestuurcode],
    );
    return {
      instelling: instelling ?? null,
      naar: naar ?? null,
      overgangsdata: overgangsdata.map((x) => x.d),
      vestigingscodes,
      aanbieders: await loadAanbieders(manager, sid, codes),
      andereRelaties,
      gebruiken: await loadGebruiken(manager, sid, gebruikKeys),
      groepen: await loadGroepen(manager, sid, groepcodes.map((g) => g.code)),
    };
  }

  async list(sandboxId: string, q: OvergangenQuery, path: string) {
    const params: unknown[] = [sandboxId];
    const where = ['sandbox_id = $1'];
    const p = (x: unknown) => {
      params.push(x);
      return `$${params.length}`;
    };
    if (q.instellingscode) {
      const i = p(q.instellingscode);
      where.push(`(instellingscode = ${i} OR naar_instellingscode = ${i})`);
    }
    if (q.onderwijsbestuurcode) {
      const b = p(q.onderwijsbestuurcode);
      where.push(`(van_onderwijsbestuurcode = ${b} OR naar_onderwijsbestuurcode = ${b})`);
    }
    if (q.overgangsdatumVanaf) where.push(`overgangsdatum >= ${p(q.overgangsdatumVanaf)}::date`);
    if (q.overgangsdatumTot) where.push(`overgangsdatum < ${p(q.overgangsdatumTot)}::date`);
    const rows: (OvergangRij & { total: number })[] = await this.db.query(
      `SELECT ${KOLOMMEN}, count(*) OVER ()::int AS total FROM rio_overgang WHERE ${where.join(' AND ')}
        ORDER BY overgangsdatum, instellingscode LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
      params,
    );
    const total = rows[0]?.total ?? (q.page > 1 ? (await this.db.query(`SELECT count(*)::int AS n FROM rio_overgang WHERE ${where.join(' AND ')}`, params))[0].n : 0);
    return toPage(rows.map(toResponse), total, q, path, { instellingscode: q.instellingscode, onderwijsbestuurcode: q.onderwijsbestuurcode, overgangsdatumVanaf: q.overgangsdatumVanaf, overgangsdatumTot: q.overgangsdatumTot });
  }

  async get(sandboxId: string, id: string): Promise<Overgang> {
    const [r]: OvergangRij[] = await this.db.query(`SELECT ${KOLOMMEN} FROM rio_overgang WHERE sandbox_id = $1 AND id = $2`, [sandboxId, id]);
    if (!r) throw rioProblem('not_found', `Overgang ${id} does not exist in this sandbox.`);
    return toResponse(r);
  }
}
