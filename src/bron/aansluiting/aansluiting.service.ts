import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../../common/auth/principal';
import { TtlCache } from '../../common/cache/ttl-cache';
import { ClockService, dutchDate } from '../../common/clock/clock.service';
import { ProblemException, Problems } from '../../common/problem/problem';
import { BekostigingService } from '../../bekostiging';
import { beginVanDag, KlokPlanner } from '../../klok';
import { RioQueryService } from '../../rio';
import { RodToegang } from '../../rod';
import { BronProblem, bronProblem } from '../bron.errors';
import type { AansluitingList, AansluitingResponse, BevriezingRequest, BevriezingResponse, FaseringRequest } from './aansluiting.dto';

/** The historical scenario: BRON po closed Monday 6 December 2021 18:00; the first schools connected on 3 January 2022. */
export const STANDAARD_BEVROREN_VANAF = '2021-12-06T17:00:00.000Z';
export const STANDAARD_BEVROREN_TOT = beginVanDag('2022-01-03').toISOString();

interface Stand {
  /** The freeze, when the sandbox has one. */
  vanaf: number | null;
  tot: number | null;
  aansluitingen: Map<string, number>;
  geladen: number;
}

/** How long a sandbox's freeze and aansluitingen are cached for ROD's check (writes here refresh it at once). */
const CACHE_MS = 5000;

const plusDagen = (d: string, n: number) => {
  const x = new Date(`${d}T00:00:00Z`);
  x.setUTCDate(x.getUTCDate() + n);
  return x.toISOString().slice(0, 10);
};

/**
 * Freeze and phased aansluiting per sandbox, on the sandbox clock: ROD refuses inschrijvingen while frozen
 * (register_bevroren) and, after the freeze, for a school before its aansluitdatum (school_niet_aangesloten). Without a
 * freeze a school without an aansluitdatum counts as connected, and one whose aansluitdatum lies ahead is refused the same
 * way (the small seed's persona nietAangeslotenSchool: 02AD, connected 14 days after the seed date). When the clock
 * reaches a school's aansluitdatum its vendor gets the initial bekostigingsstatus push through the feed and webhooks.
 */
export const NIET_AANGESLOTEN_SCHOOL = '02AD';
export const NIET_AANGESLOTEN_DAGEN = 14;
/** The aansluitdatum of the persona school in a sandbox seeded on `vandaag`. */
export const aansluitdatumPersona = (vandaag: string) => plusDagen(vandaag, NIET_AANGESLOTEN_DAGEN);
@Injectable()
export class AansluitingService implements OnModuleInit {
  private readonly cache = new TtlCache<Stand | null>(CACHE_MS);
  /** Every aansluitdatum of every sandbox: the dates the planner looks at. */
  private datums = new Set<string>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: ClockService,
    private readonly toegang: RodToegang,
    private readonly planner: KlokPlanner,
    private readonly bekostiging: BekostigingService,
    private readonly rio: RioQueryService,
  ) {}

  async onModuleInit() {
    this.toegang.register((sandboxId, instellingscode, moment) => this.weigering(sandboxId, instellingscode, moment));
    this.planner.register({
      naam: 'bron-aansluiting',
      momenten: (van, tot) =>
        [...this.datums]
          .filter((d) => d > van && d <= tot)
          .map((datum) => ({ datum, soort: 'AANSLUITING', volgorde: 2, voerUit: (m: EntityManager, sandboxId: string, moment: Date) => this.connect(m, sandboxId, datum, moment) })),
    });
    await this.loadDatums().catch(() => undefined);
  }

  private async loadDatums() {
    const rows: { d: string }[] = await this.db.query(`SELECT DISTINCT to_char(aansluitdatum, 'YYYY-MM-DD') AS d FROM bron_aansluiting`);
    this.datums = new Set(rows.map((r) => r.d));
  }

  /** ROD's access check. */
  private async weigering(sandboxId: string, instellingscode: string, moment: Date): Promise<ProblemException | null> {
    const s = await this.stand(sandboxId);
    if (!s) return null;
    const t = moment.getTime();
    if (s.vanaf === null || s.tot === null) {
      const aansluiting = s.aansluitingen.get(instellingscode);
      if (aansluiting === undefined || t >= aansluiting) return null;
      return bronProblem(BronProblem.schoolNietAangesloten, `School ${instellingscode} is not yet connected to ROD: it is connected from ${dutchDate(new Date(aansluiting))}. Nothing was stored.`);
    }
    if (t < s.vanaf) return null;
    if (t < s.tot) {
      return bronProblem(BronProblem.registerBevroren, `The register is closed for the move from BRON to ROD (from ${new Date(s.vanaf).toISOString()} to ${new Date(s.tot).toISOString()}): nothing was stored. Keep the change and send it after your school's aansluiting.`);
    }
    const aansluiting = s.aansluitingen.get(instellingscode);
    if (aansluiting === undefined || t < aansluiting) {
      const wanneer = aansluiting === undefined ? 'has no aansluitdatum yet' : `is connected from ${dutchDate(new Date(aansluiting))}`;
      return bronProblem(BronProblem.schoolNietAangesloten, `School ${instellingscode} is not yet connected to ROD: it ${wanneer}. Nothing was stored.`);
    }
    return null;
  }

  private stand(sandboxId: string): Promise<Stand | null> {
    return this.cache.get(sandboxId, () => this.leesStand(sandboxId));
  }

  private async leesStand(sandboxId: string): Promise<Stand | null> {
    const [b]: { vanaf: Date; tot: Date }[] = await this.db.query('SELECT bevroren_vanaf AS vanaf, bevroren_tot AS tot FROM bron_bevriezing WHERE sandbox_id = $1', [sandboxId]);
    const rows: { instellingscode: string; d: string }[] = await this.db.query(`SELECT instellingscode, to_char(aansluitdatum, 'YYYY-MM-DD') AS d FROM bron_aansluiting WHERE sandbox_id = $1`, [sandboxId]);
    let s: Stand | null = null;
    if (b || rows.length) {
      s = { vanaf: b ? b.vanaf.getTime() : null, tot: b ? b.tot.getTime() : null, aansluitingen: new Map(rows.map((r) => [r.instellingscode, beginVanDag(r.d).getTime()])), geladen: Date.now() };
    }
    return s;
  }

  private forget(sandboxId: string) {
    this.cache.forget(sandboxId);
  }

  async getBevriezing(principal: Principal): Promise<BevriezingResponse> {
    const [b]: { vanaf: Date; tot: Date }[] = await this.db.query('SELECT bevroren_vanaf AS vanaf, bevroren_tot AS tot FROM bron_bevriezing WHERE sandbox_id = $1', [principal.sandboxId]);
    if (!b) throw bronProblem('not_found', 'This sandbox has no freeze: ROD takes inschrijvingen as usual.');
    return this.bevriezingResponse(principal.sandboxId, b.vanaf, b.tot);
  }

  private async bevriezingResponse(sandboxId: string, vanaf: Date, tot: Date): Promise<BevriezingResponse> {
    const nu = (await this.clock.now(sandboxId)).getTime();
    return { bevrorenVanaf: vanaf.toISOString(), bevrorenTot: tot.toISOString(), fase: nu < vanaf.getTime() ? 'OPEN' : nu < tot.getTime() ? 'BEVROREN' : 'AANSLUITING' };
  }

  async setBevriezing(principal: Principal, req: BevriezingRequest): Promise<BevriezingResponse> {
    const vanaf = new Date(req.bevrorenVanaf ?? STANDAARD_BEVROREN_VANAF);
    const tot = new Date(req.bevrorenTot ?? STANDAARD_BEVROREN_TOT);
    if (!(vanaf < tot)) {
      throw Problems.invalidInput([{ pointer: '/bevrorenTot', code: 'invalid_input', detail: 'bevrorenTot must lie after bevrorenVanaf.' }], 'bevrorenTot must lie after bevrorenVanaf.');
    }
    await this.db.query(
      `INSERT INTO bron_bevriezing (sandbox_id, bevroren_vanaf, bevroren_tot) VALUES ($1, $2, $3)
       ON CONFLICT (sandbox_id) DO UPDATE SET bevroren_vanaf = EXCLUDED.bevroren_vanaf, bevroren_tot = EXCLUDED.bevroren_tot, updated_at = now()`,
      [principal.sandboxId, vanaf, tot],
    );
    this.forget(principal.sandboxId);
    return this.bevriezingResponse(principal.sandboxId, vanaf, tot);
  }

  async removeBevriezing(principal: Principal): Promise<void> {
    await this.db.query('DELETE FROM bron_bevriezing WHERE sandbox_id = $1', [principal.sandboxId]);
    this.forget(principal.sandboxId);
  }

  async list(principal: Principal): Promise<AansluitingList> {
    return { aansluitingen: await this.listAansluitingen(this.db.manager, principal.sandboxId, null) };
  }

  private async listAansluitingen(manager: EntityManager, sandboxId: string, instellingscode: string | null): Promise<AansluitingResponse[]> {
    const rows: { instellingscode: string; d: string; aangesloten_op: Date | null; eerste_levering_events: number | null }[] = await manager.query(
      `SELECT instellingscode, to_char(aansluitdatum, 'YYYY-MM-DD') AS d, aangesloten_op, eerste_levering_events FROM bron_aansluiting
        WHERE sandbox_id = $1 AND ($2::char(4) IS NULL OR instellingscode = $2) ORDER BY aansluitdatum, instellingscode`,
      [sandboxId, instellingscode],
    );
    return rows.map((r) => ({ instellingscode: r.instellingscode, aansluitdatum: r.d, aangeslotenOp: r.aangesloten_op ? r.aangesloten_op.toISOString() : null, eersteLeveringEvents: r.eerste_levering_events }));
  }

  /** Seeding (small): the persona nietAangeslotenSchool, connected NIET_AANGESLOTEN_DAGEN after the seed date. */
  async seedPersona(manager: EntityManager, sandboxId: string, vandaag: string) {
    const aansluitdatum = aansluitdatumPersona(vandaag);
    await manager.query(
      `INSERT INTO bron_aansluiting (sandbox_id, instellingscode, aansluitdatum) VALUES ($1, $2, $3) ON CONFLICT (sandbox_id, instellingscode) DO UPDATE SET aansluitdatum = EXCLUDED.aansluitdatum, aangesloten_op = NULL`,
      [sandboxId, NIET_AANGESLOTEN_SCHOOL, aansluitdatum],
    );
    this.datums.add(aansluitdatum);
    this.forget(sandboxId);
  }

  /** Sets a school's aansluitdatum; a date the clock has already reached connects the school now. */
  async setAansluiting(principal: Principal, instellingscode: string, aansluitdatum: string): Promise<AansluitingResponse> {
    const r = await this.db.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO bron_aansluiting (sandbox_id, instellingscode, aansluitdatum) VALUES ($1, $2, $3)
         ON CONFLICT (sandbox_id, instellingscode) DO UPDATE SET aansluitdatum = EXCLUDED.aansluitdatum,
           aangesloten_op = CASE WHEN bron_aansluiting.aansluitdatum = EXCLUDED.aansluitdatum THEN bron_aansluiting.aangesloten_op END`,
        [principal.sandboxId, instellingscode, aansluitdatum],
      );
      const vandaag = await this.clock.today(principal.sandboxId, manager);
      if (aansluitdatum <= vandaag) await this.connectUntil(manager, principal.sandboxId, aansluitdatum, await this.clock.now(principal.sandboxId, manager), instellingscode);
      return (await this.listAansluitingen(manager, principal.sandboxId, instellingscode))[0];
    });
    this.datums.add(aansluitdatum);
    this.forget(principal.sandboxId);
    return r;
  }

  /** Every BRIN4 of the sandbox's RIO without an aansluitdatum gets one, spread evenly (by code) over the phases. */
  async createFasering(principal: Principal, req: FaseringRequest): Promise<AansluitingList> {
    const vanaf = req.vanaf ?? '2022-01-03';
    const fasen = req.fasen ?? 4;
    const dagen = req.dagenTussen ?? 14;
    const codes = await this.rio.listInstellingscodes(this.db.manager, principal.sandboxId);
    const data = codes.map((_, i) => plusDagen(vanaf, Math.floor((i * fasen) / Math.max(codes.length, 1)) * dagen));
    await this.db.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO bron_aansluiting (sandbox_id, instellingscode, aansluitdatum)
         SELECT $1, x.code, x.d FROM unnest($2::text[], $3::date[]) AS x(code, d) ON CONFLICT (sandbox_id, instellingscode) DO NOTHING`,
        [principal.sandboxId, codes, data],
      );
      const vandaag = await this.clock.today(principal.sandboxId, manager);
      await this.connectUntil(manager, principal.sandboxId, vandaag, await this.clock.now(principal.sandboxId, manager), null);
    });
    for (const d of data) this.datums.add(d);
    this.forget(principal.sandboxId);
    return this.list(principal);
  }

  /** The planner reached `datum`: the schools of this sandbox connected on it. */
  private async connect(manager: EntityManager, sandboxId: string, datum: string, moment: Date): Promise<{ statussen: number; events: number }> {
    return this.connectUntil(manager, sandboxId, datum, moment, null);
  }

  /** Connects every not yet connected school with an aansluitdatum up to `datum`: marks it and pushes its initial bekostigingsstatus. */
  private async connectUntil(manager: EntityManager, sandboxId: string, datum: string, moment: Date, instellingscode: string | null) {
    const scholen: { instellingscode: string }[] = await manager.query(
      `SELECT instellingscode FROM bron_aansluiting WHERE sandbox_id = $1 AND aansluitdatum <= $2 AND aangesloten_op IS NULL AND ($3::char(4) IS NULL OR instellingscode = $3)
        ORDER BY instellingscode FOR UPDATE`,
      [sandboxId, datum, instellingscode],
    );
    let events = 0;
    for (const s of scholen) {
      const r = await this.bekostiging.createInitieleLeveringIn(manager, sandboxId, s.instellingscode, false);
      events += r.events;
      await manager.query('UPDATE bron_aansluiting SET aangesloten_op = $3, eerste_levering_events = $4 WHERE sandbox_id = $1 AND instellingscode = $2', [sandboxId, s.instellingscode, moment, r.events]);
    }
    return { statussen: 0, events };
  }
}
