import { Injectable, OnModuleInit } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ClockService, dutchDate } from '../common/clock/clock.service';
import { prepared } from '../common/database/prepared';
import { DeferredStatement, deferStatementToCommit } from '../common/database/group-transactions';
import { DomainHooks, persoonSlot } from '../common/events/domain-hooks';
import { SandboxDataRegistry } from '../common/sandbox/sandbox-data.registry';
import { beginVanDag, KlokPlanner } from '../klok';
import {
  BASIS_SLOT_SQL,
  Bereik,
  bekostigingSlot,
  CHUNK_ZONDER_STATUSSEN_SQL,
  GEVOLGD_SQL,
  INITIELE_LEVERING_SQL,
  MARKEER_RIO_SQL,
  NEEM_VUIL_SQL,
  OVT_SQL,
  recomputeSql,
  RIO_STAND_SQL,
  VASTSTELLING_SQL,
  VOLGENDE_PERSONEN_SQL,
} from './bekostiging.sql';
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
/**
 * A rerun recomputes the pupils marked since the last complete run (their inputs changed) in batches of this many
 * persons, one transaction each, as long as there are at most VOLLEDIG_VANAF marked or one per 20 inschrijvingen;
 * more, and the whole sandbox in chunks is cheaper (a marked person costs about ten times an inschrijving in a chunk:
 * index lookups instead of one pass).
 */
const WIJZIGINGEN_BATCH = 5_000;
const VOLLEDIG_VANAF = 10_000;
/** The version of the rules: a recompute with other SQL never takes over what an older one saw as unchanged. */
const REGELS_VERSIE = createHash('sha256').update(recomputeSql('personen')).update(recomputeSql('personen', true)).update(recomputeSql('persoonlijst')).digest('hex');
const GEEN_PERSOON = '00000000-0000-0000-0000-000000000000';
const LAATSTE_PERSOON = 'ffffffff-ffff-ffff-ffff-ffffffffffff';

export const deadlineEinde = (teldatum: string) => beginVanDag(plusDagen(deadline(teldatum), 1));

/** The parameters of recomputeSql: one row per teldatum and soort (a nieuwkomers teldatum twice), as parallel arrays, so the planner knows their length. */
function recomputeParams(sandboxId: string, teldata: string[], vandaag: string, moment: Date, waarde: string | string[] | null, events: boolean, aanleiding: Aanleiding): unknown[] {
  const rijen = teldata.flatMap((t) => soortenBekostiging(t).map((soort) => ({ t, soort })));
  return [
    sandboxId,
    rijen.map((r) => r.t),
    rijen.map((r) => deadlineEinde(r.t)),
    rijen.map((r) => (isOpen(r.t, vandaag) ? 'V' : 'D')),
    moment,
    waarde,
    events,
    aanleiding,
    rijen.map((r) => r.soort),
  ];
}

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
      const uitgesteld = deferStatementToCommit(
        manager,
        'derived',
        `bekostiging:${event.sandboxId}`,
        () => ({ personen: new Set<string>(), moment: event.moment }),
        (acc) => {
          acc.personen.add(event.persoonId);
          if (event.moment > acc.moment) acc.moment = event.moment;
        },
        (acc) => this.personenStatement(event.sandboxId, [...acc.personen], dutchDate(acc.moment), acc.moment, 'MUTATIE'),
      );
      if (!uitgesteld) await this.recompute(manager, event.sandboxId, 'persoonlijst', [event.persoonId], dutchDate(event.moment), event.moment, 'MUTATIE');
    });
    this.hooks.on('rod.persoon-gewijzigd', async (manager, event) => {
      await this.recomputeForPersoon(manager, event.sandboxId, event.persoonId);
    });
    this.hooks.on('rio.gewijzigd', async (manager, event) => {
      // The pupils of those vestigingen are recomputed here, and marked for a rerun too (conservative: a later change of
      // RIO back to what the last full run saw, without this hook, would otherwise leave them as this recompute wrote them).
      if (event.vestigingscodes.length && (await manager.query(GEVOLGD_SQL, [event.sandboxId]))[0].gevolgd) {
        await manager.query(MARKEER_RIO_SQL, [event.sandboxId, event.vestigingscodes, []]);
      }
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
        await manager.query('SELECT bekostiging_basis_vervalt($1)', [sandboxId]);
        await manager.query('DELETE FROM bekostiging_vuil WHERE sandbox_id = $1', [sandboxId]);
        await manager.query('DELETE FROM klok_planning WHERE sandbox_id = $1', [sandboxId]);
      },
      // Seeded inschrijvingen get the statuses of every kept teldatum silently, as if the sandbox had lived through them:
      // definitief for the teldata whose deadline passed, voorlopig for the open ones. The planning starts at the seed's today.
      seed: async (manager, ctx) => {
        await manager.query('SELECT bekostiging_basis_vervalt($1)', [ctx.sandboxId]);
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
   * The whole sandbox, every open teldatum. The first time (and whenever the last run did not complete, the open teldata
   * or the rules differ, the clock was changed or reached a teldatum or deadline, or the sandbox was reset) a full
   * recompute: set-based, in chunks of about VOLLEDIG_CHUNK inschrijvingen by person, VOLLEDIG_PARALLEL chunks at a
   * time. Each chunk is its own transaction with its statuses and their events together, so memory, temp files and WAL
   * stay bounded at national scale and a crash mid-way leaves every chunk either done or untouched (the next run is
   * full again). The chunks partition the person ids, so all of a person's inschrijvingen fall in one chunk (the
   * tie-break) and a person's events keep their order.
   *
   * After a complete run, a rerun recomputes only the pupils whose inputs changed since (migration
   * BekostigingWijzigingen: the ROD writes mark them; what RIO gives for the teldata is compared with what the last run
   * saw and the pupils of what differs are marked too), a batch of persons per transaction: an unchanged sandbox
   * costs a few queries.
   */
  async recomputeAll(sandboxId: string, events = true, chunk = VOLLEDIG_CHUNK): Promise<Telling> {
    const moment = await this.clock.now(sandboxId);
    const vandaag = await this.clock.today(sandboxId);
    const teldata = openTeldata(vandaag);
    const rijen = teldata.flatMap((t) => soortenBekostiging(t).map((soort) => ({ t, soort, deadline: deadlineEinde(t).toISOString() })));
    const sleutel = createHash('sha256').update(JSON.stringify({ regels: REGELS_VERSIE, rijen })).digest('hex');
    const plan = await this.db.transaction((m) => this.begin(m, sandboxId, sleutel, teldata));
    const totaal: Telling = { statussen: 0, events: 0 };
    const tel = (t: Telling) => {
      totaal.statussen += t.statussen;
      totaal.events += t.events;
    };
    if (plan.soort === 'wijzigingen') {
      const gemarkeerd: { id: string }[] = await this.db.query('SELECT persoon_id::text AS id FROM bekostiging_vuil WHERE sandbox_id = $1 ORDER BY persoon_id', [sandboxId]);
      for (let i = 0; i < gemarkeerd.length; i += WIJZIGINGEN_BATCH) {
        const batch = gemarkeerd.slice(i, i + WIJZIGINGEN_BATCH).map((x) => x.id);
        tel(
          await this.db.transaction(async (manager) => {
            await manager.query('SET LOCAL jit = off');
            await manager.query(bekostigingSlot(false), [sandboxId]);
            const personen = ((await manager.query(NEEM_VUIL_SQL, [sandboxId, batch])) as { id: string }[]).map((x) => x.id);
            if (!personen.length) return { statussen: 0, events: 0 };
            return this.recompute(manager, sandboxId, 'persoonlijst', personen, vandaag, moment, 'HERBEREKENING', { teldata, events });
          }),
        );
      }
      return totaal;
    }
    const grenzen = [GEEN_PERSOON];
    for (;;) {
      const [grens]: { tot: string }[] = await this.db.query(VOLGENDE_PERSONEN_SQL, [sandboxId, grenzen[grenzen.length - 1], chunk]);
      if (!grens) break;
      grenzen.push(grens.tot);
    }
    grenzen[grenzen.length - 1] = LAATSTE_PERSOON;
    let volgende = 0;
    await Promise.all(
      Array.from({ length: VOLLEDIG_PARALLEL }, async () => {
        while (volgende < grenzen.length - 1) {
          const index = volgende++;
          tel(
            await this.db.transaction(async (manager) => {
              // A chunk's sorts and hashes fit in memory; a chunk is not worth compiling (JIT).
              await manager.query(`SET LOCAL work_mem = '256MB'`);
              await manager.query('SET LOCAL jit = off');
              return this.recompute(manager, sandboxId, 'personen', [grenzen[index], grenzen[index + 1]], vandaag, moment, 'HERBEREKENING', { teldata, events });
            }),
          );
        }
      }),
    );
    // Complete: the next run starts from here (unless something ended the tracking meanwhile, or another run began).
    await this.db.query('UPDATE bekostiging_basis SET klaar = true WHERE sandbox_id = $1 AND run = $2', [sandboxId, plan.run]);
    return totaal;
  }

  /**
   * The start of a full recompute or rerun, under the tracking lock held exclusively (every writer of the sandbox's ROD
   * tables that did not see the tracking has committed, see migration BekostigingWijzigingen). A rerun when the last run
   * completed with the same key: the pupils of RIO inputs that differ from what it saw are marked, and it goes on unless
   * more are marked than a rerun is worth. Otherwise a new run: the marks go, the RIO inputs are noted.
   */
  private async begin(m: EntityManager, sandboxId: string, sleutel: string, teldata: string[]): Promise<{ soort: 'wijzigingen' } | { soort: 'volledig'; run: string }> {
    await m.query(BASIS_SLOT_SQL, [sandboxId]);
    const [basis]: { sleutel: string; klaar: boolean; rio: string[]; sbo: string[] }[] = await m.query(
      'SELECT sleutel, klaar, rio, sbo FROM bekostiging_basis WHERE sandbox_id = $1 FOR UPDATE',
      [sandboxId],
    );
    const [rio]: { rio: string[]; sbo: string[] }[] = await m.query(RIO_STAND_SQL, [sandboxId, teldata]);
    if (basis?.klaar && basis.sleutel === sleutel) {
      const anders = (a: string[], b: string[]) => {
        const inB = new Set(b);
        const inA = new Set(a);
        return [...a.filter((x) => !inB.has(x)), ...b.filter((x) => !inA.has(x))];
      };
      const vestigingen = [...new Set(anders(basis.rio, rio.rio).map((x) => x.split('@')[0]))];
      const scholen = anders(basis.sbo, rio.sbo);
      if (vestigingen.length || scholen.length) {
        await m.query(MARKEER_RIO_SQL, [sandboxId, vestigingen, scholen]);
        await m.query('UPDATE bekostiging_basis SET rio = $2, sbo = $3 WHERE sandbox_id = $1', [sandboxId, rio.rio, rio.sbo]);
      }
      const [{ n }]: { n: number }[] = await m.query('SELECT count(*)::int AS n FROM (SELECT 1 FROM bekostiging_vuil WHERE sandbox_id = $1 LIMIT $2) x', [sandboxId, VOLLEDIG_VANAF + 1]);
      if (n <= VOLLEDIG_VANAF) return { soort: 'wijzigingen' };
      const [{ inschrijvingen }]: { inschrijvingen: number }[] = await m.query('SELECT count(*)::int AS inschrijvingen FROM rod_inschrijving WHERE sandbox_id = $1', [sandboxId]);
      const [{ gemarkeerd }]: { gemarkeerd: number }[] = await m.query('SELECT count(*)::int AS gemarkeerd FROM bekostiging_vuil WHERE sandbox_id = $1', [sandboxId]);
      if (gemarkeerd * 20 <= inschrijvingen) return { soort: 'wijzigingen' };
    }
    const run = randomUUID();
    await m.query('DELETE FROM bekostiging_vuil WHERE sandbox_id = $1', [sandboxId]);
    await m.query(
      `INSERT INTO bekostiging_basis (sandbox_id, run, sleutel, klaar, rio, sbo) VALUES ($1, $2, $3, false, $4, $5)
       ON CONFLICT (sandbox_id) DO UPDATE SET run = EXCLUDED.run, sleutel = EXCLUDED.sleutel, klaar = false, rio = EXCLUDED.rio, sbo = EXCLUDED.sbo`,
      [sandboxId, run, sleutel, rio.rio, rio.sbo],
    );
    return { soort: 'volledig', run };
  }

  async recompute(
    manager: EntityManager,
    sandboxId: string,
    bereik: Bereik,
    waarde: string | string[] | null,
    vandaag: string,
    moment: Date,
    aanleiding: Aanleiding,
    opties: { teldata?: string[]; events?: boolean; nieuw?: boolean } = {},
  ): Promise<Telling> {
    const teldata = opties.teldata ?? relevanteTeldata(vandaag);
    if (!teldata.length) return { statussen: 0, events: 0 };
    const params = recomputeParams(sandboxId, teldata, vandaag, moment, waarde, opties.events ?? true, aanleiding);
    // Persons: the caller holds their locks, as every writer of their inschrijvingen does.
    const personen = bereik === 'persoonlijst';
    if (!personen) await manager.query(bekostigingSlot(false), [sandboxId]);
    // Timed whatever the outcome: a recompute that fails (a statement timeout, a lock wait cut short) is as much
    // worth seeing in the histogram as one that succeeds.
    const stop = recomputeDuration.startTimer({ bereik });
    let outcome: 'ok' | 'error' = 'error';
    try {
      // A chunk whose persons have no status yet (a sandbox's first full run): every status is new, inserted plainly
      // (recomputeSql's `nieuw`). A person's status written meanwhile by a concurrent write makes that insert fail: the
      // savepoint undoes it and the chunk is computed again as an upsert. `nieuw` true takes that path without the check.
      if (bereik === 'personen' && opties.nieuw !== false && (opties.nieuw || (await manager.query(CHUNK_ZONDER_STATUSSEN_SQL, [sandboxId, waarde]))[0].leeg)) {
        await manager.query('SAVEPOINT bekostiging_nieuw');
        try {
          const [r] = (await manager.query(recomputeSql(bereik, true), params)) as Telling[];
          await manager.query('RELEASE SAVEPOINT bekostiging_nieuw');
          outcome = 'ok';
          return r;
        } catch (e) {
          if ((e as { code?: unknown }).code !== '23505') throw e;
          await manager.query('ROLLBACK TO SAVEPOINT bekostiging_nieuw');
        }
      }
      const sql = recomputeSql(bereik);
      // Persons' recomputes run on every write: prepared once per connection (planning them was most of their cost).
      const [r] = personen ? await prepared<Telling>(manager, `bekostiging_herbereken_${bereik}`, sql, params) : ((await manager.query(sql, params)) as Telling[]);
      outcome = 'ok';
      return r;
    } finally {
      stop({ outcome });
    }
  }

  /**
   * The recompute of persons (MUTATIE, every kept teldatum) as one statement, for a group of writes to send right before
   * its commit (the group holds the persons' locks); null when no teldatum is kept.
   */
  private personenStatement(sandboxId: string, personen: string[], vandaag: string, moment: Date, aanleiding: Aanleiding): DeferredStatement | null {
    const teldata = relevanteTeldata(vandaag);
    if (!teldata.length) return null;
    const stop = recomputeDuration.startTimer({ bereik: 'persoonlijst' });
    return {
      name: 'bekostiging_herbereken_persoonlijst',
      text: recomputeSql('persoonlijst'),
      values: recomputeParams(sandboxId, teldata, vandaag, moment, personen, true, aanleiding),
      settled: (ok) => void stop({ outcome: ok ? 'ok' : 'error' }),
    };
  }

  /** The clock reached a teldatum: every inschrijving active on it gets its voorlopige status (and the next full recompute covers everything). */
  private async onTeldatumReached(manager: EntityManager, sandboxId: string, teldatum: string, moment: Date): Promise<Telling> {
    await manager.query('SELECT bekostiging_basis_vervalt($1)', [sandboxId]);
    return this.recompute(manager, sandboxId, 'sandbox', null, teldatum, moment, 'TELDATUM', { teldata: [teldatum] });
  }

  /** The deadline passed: a last recompute as it stood at the deadline, then voorlopig → definitief with an event each. */
  private async onDeadlinePassed(manager: EntityManager, sandboxId: string, teldatum: string, moment: Date): Promise<Telling> {
    await manager.query('SELECT bekostiging_basis_vervalt($1)', [sandboxId]);
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
