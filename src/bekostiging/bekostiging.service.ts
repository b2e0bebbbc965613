import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ClockService, dutchDate } from '../common/clock/clock.service';
import { prepared } from '../common/database/prepared';
import { deferToCommit } from '../common/database/group-transactions';
import { DomainHooks, persoonSlot } from '../common/events/domain-hooks';
import { SandboxDataRegistry } from '../common/sandbox/sandbox-data.registry';
import { beginVanDag, KlokPlanner } from '../klok';
import { Bereik, bekostigingSlot, recomputeSql, INITIELE_LEVERING_SQL, OVT_SQL, VASTSTELLING_SQL, VOLGENDE_PERSONEN_SQL } from './bekostiging.sql';
import { deadline, isOpen, openTeldata, plusDagen, relevanteTeldata, soortenBekostiging, teldatumMomenten } from './teldata';
import { recomputeDuration } from '../common/metrics/metrics';

export interface Telling {
  statussen: number;
  events: number;
}

type Aanleiding = 'MUTATIE' | 'TELDATUM' | 'HERBEREKENING' | 'VASTSTELLING' | 'INITIELE_LEVERING';

/** The instant a teldatum's deadline day ends: a registration at or after it is late (B04). */
/**
 * Inschrijvingen per chunk of the full recompute. Every chunk reads the status, periode and person tables whole (hash
 * joins), so fewer, larger chunks cost less: on a national sandbox (1.5 million) two chunks of 750,000 side by side
 * recomputed an unchanged sandbox in 75 s where six of 250,000 took 102 s (same machine, back to back).
 */
const VOLLEDIG_CHUNK = 750_000;
/** Chunks of the full recompute in flight at once (each one connection and one core of the database). */
const VOLLEDIG_PARALLEL = 2;
const GEEN_PERSOON = '00000000-0000-0000-0000-000000000000';
const LAATSTE_PERSOON = 'ffffffff-ffff-ffff-ffff-ffffffffffff';

export const deadlineEinde = (teldatum: string) => beginVanDag(plusDagen(deadline(teldatum), 1));

/**
 * Bekostigingsstatus per inschrijving per teldatum: recomputed inside the writer's transaction whenever what it
 * depends on changes (ROD inschrijving, the person, RIO), at each teldatum the clock reaches, and fixed (V → D)
 * when a deadline passes. Every computation is set-based SQL (the whole-sandbox recompute in chunks by person); every change is an outbox event.
 */
@Injectable()
export class BekostigingService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: ClockService,
    private readonly hooks: DomainHooks,
    private readonly planner: KlokPlanner,
    private readonly registry: SandboxDataRegistry,
  ) {}

  onModuleInit() {
    // The emitter holds the person's lock (persoonSlot) and gives the instant of its change.
    this.hooks.on('rod.inschrijving-gewijzigd', async (manager, event) => {
      // In a group of writes: once for all the group's pupils of the sandbox, before the commit (the group holds their locks).
      const uitgesteld = deferToCommit(
        manager,
        'derived',
        `bekostiging:${event.sandboxId}`,
        () => ({ personen: new Set<string>(), moment: event.moment }),
        (acc) => {
          acc.personen.add(event.persoonId);
          if (event.moment > acc.moment) acc.moment = event.moment;
        },
        (acc) => this.recompute(manager, event.sandboxId, 'persoonlijst', [...acc.personen], dutchDate(acc.moment), acc.moment, 'MUTATIE'),
      );
      if (!uitgesteld) await this.recompute(manager, event.sandboxId, 'persoonlijst', [event.persoonId], dutchDate(event.moment), event.moment, 'MUTATIE');
    });
    this.hooks.on('rod.persoon-gewijzigd', async (manager, event) => {
      await this.recomputeForPersoon(manager, event.sandboxId, event.persoonId);
    });
    this.hooks.on('rio.gewijzigd', async (manager, event) => {
      if (event.vestigingscodes.length) await this.recompute(manager, event.sandboxId, 'vestigingen', event.vestigingscodes, await this.clock.today(event.sandboxId, manager), await this.clock.now(event.sandboxId, manager), 'MUTATIE');
    });
    this.planner.register({
      naam: 'bekostiging',
      momenten: (van, tot) =>
        teldatumMomenten(van, tot).map((x) => ({
          ...x,
          volgorde: x.soort === 'DEADLINE_VERSTREKEN' ? 0 : 1,
          voerUit: (m: EntityManager, sandboxId: string, moment: Date) =>
            x.soort === 'TELDATUM' ? this.onTeldatumReached(m, sandboxId, x.teldatum, moment) : this.onDeadlinePassed(m, sandboxId, x.teldatum, moment),
        })),
    });
    this.registry.register({
      name: 'bekostiging',
      order: 30,
      purge: async (manager, sandboxId) => {
        // Before any status row is locked: a running recompute finishes first (no deadlock with it).
        await manager.query(bekostigingSlot(true), [sandboxId]);
        await manager.query('DELETE FROM bekostigingsstatus WHERE sandbox_id = $1', [sandboxId]);
        await manager.query('DELETE FROM klok_planning WHERE sandbox_id = $1', [sandboxId]);
      },
      // Seeded inschrijvingen get the statuses of every kept teldatum silently, as if the sandbox had lived through them:
      // definitief for the teldata whose deadline passed, voorlopig for the open ones. The planning starts at the seed's today.
      seed: async (manager, ctx) => {
        await this.planner.begin(manager, ctx.sandboxId, ctx.today);
        await this.recompute(manager, ctx.sandboxId, 'sandbox', null, ctx.today, new Date(), 'HERBEREKENING', { teldata: relevanteTeldata(ctx.today), events: false });
      },
    });
  }

  /** A person's inschrijvingen changed (or the person): all their inschrijvingen, across schools, for every kept teldatum. */
  async recomputeForPersoon(manager: EntityManager, sandboxId: string, persoonId: string): Promise<Telling> {
    // One recompute per person at a time, so two schools' concurrent changes cannot both see themselves funded.
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [persoonSlot(sandboxId, persoonId)]);
    return this.recompute(manager, sandboxId, 'persoonlijst', [persoonId], await this.clock.today(sandboxId, manager), await this.clock.now(sandboxId, manager), 'MUTATIE');
  }

  /**
   * The whole sandbox, every open teldatum: set-based, in chunks of about VOLLEDIG_CHUNK inschrijvingen by person,
   * VOLLEDIG_PARALLEL chunks at a time. Each chunk is its own transaction with its statuses and their events together,
   * so memory, temp files and WAL stay bounded at national scale and a crash mid-way leaves every chunk either done or
   * untouched (a rerun finishes the rest: unchanged statuses write nothing). The chunks partition the person ids, so all
   * of a person's inschrijvingen fall in one chunk (the tie-break) and a person's events keep their order.
   */
  async recomputeAll(sandboxId: string, events = true, chunk = VOLLEDIG_CHUNK): Promise<Telling> {
    const moment = await this.clock.now(sandboxId);
    const vandaag = await this.clock.today(sandboxId);
    const teldata = openTeldata(vandaag);
    const grenzen = [GEEN_PERSOON];
    for (;;) {
      const [grens]: { tot: string }[] = await this.db.query(VOLGENDE_PERSONEN_SQL, [sandboxId, grenzen[grenzen.length - 1], chunk]);
      if (!grens) break;
      grenzen.push(grens.tot);
    }
    grenzen[grenzen.length - 1] = LAATSTE_PERSOON;
    const totaal: Telling = { statussen: 0, events: 0 };
    let volgende = 0;
    await Promise.all(
      Array.from({ length: VOLLEDIG_PARALLEL }, async () => {
        while (volgende < grenzen.length - 1) {
          const index = volgende++;
          const telling = await this.db.transaction(async (manager) => {
            // A chunk's sorts and hashes fit in memory; a chunk is not worth compiling (JIT).
            await manager.query(`SET LOCAL work_mem = '256MB'`);
            await manager.query('SET LOCAL jit = off');
            return this.recompute(manager, sandboxId, 'personen', [grenzen[index], grenzen[index + 1]], vandaag, moment, 'HERBEREKENING', { teldata, events });
          });
          totaal.statussen += telling.statussen;
          totaal.events += telling.events;
        }
      }),
    );
    return totaal;
  }

  async recompute(
    manager: EntityManager,
    sandboxId: string,
    bereik: Bereik,
    waarde: string | string[] | null,
    vandaag: string,
    moment: Date,
    aanleiding: Aanleiding,
    opties: { teldata?: string[]; events?: boolean } = {},
  ): Promise<Telling> {
    const teldata = opties.teldata ?? relevanteTeldata(vandaag);
    if (!teldata.length) return { statussen: 0, events: 0 };
    // One row per teldatum and soort (a nieuwkomers teldatum twice), as parallel arrays: the planner knows their length.
    const rijen = teldata.flatMap((t) => soortenBekostiging(t).map((soort) => ({ t, soort })));
    const params = [
      sandboxId,
      rijen.map((r) => r.t),
      rijen.map((r) => deadlineEinde(r.t)),
      rijen.map((r) => (isOpen(r.t, vandaag) ? 'V' : 'D')),
      moment,
      waarde,
      opties.events ?? true,
      aanleiding,
      rijen.map((r) => r.soort),
    ];
    const sql = recomputeSql(bereik);
    // Persons: the caller holds their locks, as every writer of their inschrijvingen does.
    const personen = bereik === 'persoonlijst';
    if (!personen) await manager.query(bekostigingSlot(false), [sandboxId]);
    // Persons' recomputes run on every write: prepared once per connection (planning them was most of their cost).
    const stop = recomputeDuration.startTimer({ bereik });
    const [r] = personen ? await prepared<Telling>(manager, `bekostiging_herbereken_${bereik}`, sql, params) : ((await manager.query(sql, params)) as Telling[]);
    stop();
    return r;
  }

  /** The clock reached a teldatum: every inschrijving active on it gets its voorlopige status. */
  private onTeldatumReached(manager: EntityManager, sandboxId: string, teldatum: string, moment: Date): Promise<Telling> {
    return this.recompute(manager, sandboxId, 'sandbox', null, teldatum, moment, 'TELDATUM', { teldata: [teldatum] });
  }

  /** The deadline passed: a last recompute as it stood at the deadline, then voorlopig → definitief with an event each. */
  private async onDeadlinePassed(manager: EntityManager, sandboxId: string, teldatum: string, moment: Date): Promise<Telling> {
    const laatste = await this.recompute(manager, sandboxId, 'sandbox', null, deadline(teldatum), moment, 'TELDATUM', { teldata: [teldatum] });
    const [vast]: Telling[] = await manager.query(VASTSTELLING_SQL, [sandboxId, teldatum, moment]);
    // The Ovt per bestuur (rod.md §9.7), once the statuses are fixed.
    const [ovt]: { events: number }[] = await manager.query(OVT_SQL, [sandboxId, teldatum, moment]);
    return { statussen: laatste.statussen + vast.statussen, events: laatste.events + vast.events + ovt.events };
  }

  /** Initial push of every kept status of a school (or the whole sandbox), after bringing the open ones up to date. */
  async createInitieleLevering(sandboxId: string, instellingscode: string | null): Promise<{ events: number }> {
    return this.db.transaction((m) => this.createInitieleLeveringIn(m, sandboxId, instellingscode));
  }

  /**
   * initieleLevering inside the caller's transaction (e.g. a school's aansluiting after the BRON migration); `bijwerken`
   * false pushes the statuses as kept, without the sandbox-wide recompute first (the caller knows they are current).
   */
  async createInitieleLeveringIn(manager: EntityManager, sandboxId: string, instellingscode: string | null, bijwerken = true): Promise<{ events: number }> {
    const vandaag = await this.clock.today(sandboxId, manager);
    const now = await this.clock.now(sandboxId, manager);
    if (bijwerken) await this.recompute(manager, sandboxId, 'sandbox', null, vandaag, now, 'HERBEREKENING', { teldata: openTeldata(vandaag), events: false });
    const [r]: { events: number }[] = await manager.query(INITIELE_LEVERING_SQL, [sandboxId, instellingscode, relevanteTeldata(vandaag)[0], now, vandaag]);
    return r;
  }
}
