import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ClockService } from '../../common/clock/clock.service';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { BekostigingService } from '../../bekostiging';
import { RioQueryService } from '../../rio';
import { bereidChunkVoor, CHUNK_SQL, DUBBELE_SQL, StagingRij, verwerkChunk } from './conversie';
import { FaseNaam, FaseStand, MigratiesRepository } from './migraties.repository';
import { RodConversiePoort } from './rod-conversie.port';

export const HERSTEL_EERSTE_MS = 1000;
/**
 * For the conversion's transactions: its statements are lookups by key for batches of thousands, whose estimated cost
 * passes jit_above_cost, so PostgreSQL would compile each of them to machine code (again at every execution: tens to
 * hundreds of milliseconds) to save far less.
 */
const ZONDER_JIT = 'SET LOCAL jit = off';
/** The last chunk count after which ROD's statistics are refreshed during a conversion (1, 4, 16, 64). */
const LAATSTE_ANALYSE = 64;

/** The person of a staged row as ROD knows it: by BSN, else by onderwijsnummer. */
const persoonVan = (r: StagingRij) => (r.burgerservicenummer ? `b${r.burgerservicenummer}` : `o${r.onderwijsnummer ?? ''}`);
export const HERSTEL_MAX_MS = 30_000;

/**
 * Whether an error means the database could not be reached or dropped the connection (an outage, a restart, a failover),
 * rather than a fault in the data or the code: connection errors of the driver and SQLSTATE classes 08 (connection
 * exception), 57P (operator intervention: shutdown, terminated) and 53 (insufficient resources).
 */
export function isStoring(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const code = String((e as { code?: unknown }).code ?? (e as { driverError?: { code?: unknown } }).driverError?.code ?? '');
  if (/^(08|57P|53)/.test(code) || /^E(CONNREFUSED|CONNRESET|PIPE|TIMEDOUT|NOTFOUND|AI_AGAIN)$/.test(code)) return true;
  return !code && /connection terminated|connection refused|terminating connection|Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(e.message);
}

/**
 * Runs a migration's dry run or conversion in the background, chunk by chunk (BRON_CHUNK staged rows each, two at a time,
 * committed in order). Crash-safe by construction: a chunk's
 * verdicts, its ROD writes and the progress commit together, and a run resumes after the last chunk with verdicts
 * (at start for every migration left running, or when started again; after a database outage, retried with backoff).
 * One runner per migration at a time (a session advisory lock), whatever the number of instances.
 */
@Injectable()
export class MigratieRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('MigratieRunner');
  private readonly lopend = new Map<string, Promise<void>>();
  private gestopt = false;
  private readonly wachtend = new Set<() => void>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: MigratiesRepository,
    private readonly rio: RioQueryService,
    private readonly rod: RodConversiePoort,
    private readonly bekostiging: BekostigingService,
    private readonly clock: ClockService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap() {
    if (!this.config.WORKERS_ENABLED) return;
    void this.withRetry('resuming migraties', () => this.resumeAll());
  }

  async onApplicationShutdown() {
    this.gestopt = true;
    for (const wek of this.wachtend) wek();
    await Promise.allSettled([...this.lopend.values()]);
  }

  /** Resumes every migration left running. */
  async resumeAll(): Promise<void> {
    for (const r of await this.repo.listBezig(this.db.manager)) void this.start(r.id);
  }

  /**
   * Starts (or joins) the run of a migration; resolves when it is done, when another instance runs it, or when it failed
   * for a reason other than an unreachable database. A run cut off by a database outage is retried with backoff and goes
   * on after its last committed chunk.
   */
  start(id: string): Promise<void> {
    let p = this.lopend.get(id);
    if (!p) {
      p = this.withRetry(`migratie ${id}`, () => this.run(id)).finally(() => this.lopend.delete(id));
      this.lopend.set(id, p);
    }
    return p;
  }

  /** Runs `werk`; after an outage-like failure waits (1 s, doubling, at most 30 s) and runs it again, until it succeeds or the app stops. */
  private async withRetry(wat: string, werk: () => Promise<void>): Promise<void> {
    for (let poging = 0; ; poging++) {
      try {
        await werk();
        return;
      } catch (e) {
        const opnieuw = !this.gestopt && isStoring(e);
        this.logger.error(`${wat}${opnieuw ? ' (retrying)' : ''}: ${e instanceof Error ? e.stack : String(e)}`);
        if (!opnieuw) return;
        await this.sleep(Math.min(HERSTEL_MAX_MS, HERSTEL_EERSTE_MS * 2 ** poging));
        if (this.gestopt) return;
      }
    }
  }

  /** A pause that ends early when the app stops. */
  private sleep(ms: number): Promise<void> {
    return new Promise((klaar) => {
      const wek = () => {
        clearTimeout(timer);
        this.wachtend.delete(wek);
        klaar();
      };
      const timer = setTimeout(wek, ms);
      this.wachtend.add(wek);
    });
  }

  private async run(id: string) {
    const qr = this.db.createQueryRunner();
    await qr.connect();
    const slot = `bron-migratie:${id}`;
    try {
      const [{ ok }] = await qr.query('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS ok', [slot]);
      if (!ok) return;
      try {
        const mig = await this.repo.get(this.db.manager, null, id);
        if (mig?.status === 'PROEFDRAAI_BEZIG') await this.runFase(id, mig.sandbox_id, true);
        else if (mig?.status === 'CONVERSIE_BEZIG') await this.runFase(id, mig.sandbox_id, false);
      } finally {
        await qr.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [slot]);
      }
    } finally {
      await qr.release();
    }
  }

  private async runFase(id: string, sandboxId: string, proef: boolean) {
    const naam: FaseNaam = proef ? 'proefdraai' : 'conversie';
    const totaal = await this.repo.countStaging(this.db.manager, id);
    const dubbel = new Set<string>(((await this.db.query(DUBBELE_SQL, [id])) as { nr: string }[]).map((r) => String(r.nr)));
    const cursor = await this.repo.cursor(this.db.manager, id, proef);
    const nr = cursor.nr;
    let verwerkt = cursor.verwerkt;
    const moment = await this.clock.now(sandboxId);
    const gestartOp = new Date().toISOString();
    const stand = (): FaseStand => ({ status: 'BEZIG', verwerkt, totaal, gestartOp });
    await this.repo.setFase(this.db.manager, id, naam, stand());
    // The next chunk's rows and their BRIN6 lookups in RIO are read (on another connection) while a chunk is judged and
    // written: staging does not change while a run goes, and RIO is read as the chunk's own statements would read it.
    const lees = (na: number) => {
      const p = this.db.transaction(async (m) => {
        await m.query(ZONDER_JIT);
        const rijen: StagingRij[] = await m.query(CHUNK_SQL, [id, na, this.config.BRON_CHUNK]);
        return { rijen, voorbereid: rijen.length ? await bereidChunkVoor(m, this.rio, sandboxId, rijen) : null };
      });
      p.catch(() => undefined); // awaited below; a run that stops first leaves it unobserved
      return p;
    };
    // Statistics of the tables the conversion reads: RIO's at the start (a national seed may just have been loaded), ROD's
    // at the start and after 1, 4, 16 and 64 chunks, as they grow by orders of magnitude. Past that the planner's estimates
    // scale with the tables' size (the rows per page it learnt stay right), so the plans stay, and a new ANALYZE of a table
    // of a million rows would only cost time.
    let chunks = 0;
    let volgendeAnalyse = 0;
    let volgende = lees(nr);
    // Two chunks overlap: the next one is entered, read and judged (its own transaction, its own connection) while the
    // one before still writes. It commits only after that one did, so what is committed stays a prefix of the staged
    // rows (the resume point); and it starts only after that one committed when they share a person, as it must then
    // meet what that one wrote. A chunk that fails takes the one after it down with it.
    let lopend: { klaar: Promise<void>; personen: Set<string> } | null = null;
    const fout: { is: boolean; e?: unknown } = { is: false };
    let gepland = verwerkt;
    const wachtOp = async (c: { klaar: Promise<void> } | null) => {
      if (c) await c.klaar.catch(() => undefined);
      if (fout.is) throw fout.e;
    };
    try {
      for (;;) {
        if (this.gestopt) return;
        if (chunks === 0) await this.rio.analyze(this.db.manager);
        if (chunks === volgendeAnalyse && chunks <= LAATSTE_ANALYSE && (!proef || chunks === 0)) {
          await this.rod.analyze(this.db.manager);
          volgendeAnalyse = Math.max(1, volgendeAnalyse * 4);
        }
        chunks++;
        const { rijen, voorbereid } = await volgende;
        if (!rijen.length || !voorbereid) break;
        volgende = lees(Number(rijen[rijen.length - 1].nr));
        const personen = new Set(rijen.map(persoonVan));
        const vorige = lopend;
        if (vorige && [...personen].some((x) => vorige.personen.has(x))) await wachtOp(vorige);
        if (fout.is) throw fout.e;
        const tot = (gepland += rijen.length);
        const klaar = this.db.transaction(async (m) => {
          await m.query(ZONDER_JIT);
          await verwerkChunk(m, { rod: this.rod }, { migratieId: id, sandboxId, proef, moment, dubbel }, rijen, voorbereid);
          await wachtOp(vorige);
          await this.repo.setFase(m, id, naam, { ...stand(), verwerkt: tot });
        });
        const dit = {
          personen,
          klaar: klaar.then(
            () => void (verwerkt = tot),
            (e: unknown) => {
              if (!fout.is) Object.assign(fout, { is: true, e });
            },
          ),
        };
        lopend = dit;
        // At most two chunks at a time: the one before this one is done before the next starts.
        await wachtOp(vorige);
      }
      await wachtOp(lopend);
    } finally {
      // Stopping or failing: no transaction of this run is left behind.
      await lopend?.klaar;
    }
    const klaarOp = new Date().toISOString();
    await this.repo.setFase(this.db.manager, id, naam, { status: 'KLAAR', verwerkt, totaal, gestartOp, klaarOp });
    if (!proef) {
      // Bekostiging follows from the converted register (silently: the first push comes at each school's aansluiting).
      const start = new Date().toISOString();
      await this.repo.setFase(this.db.manager, id, 'bekostiging', { status: 'BEZIG', verwerkt: 0, totaal: 0, gestartOp: start });
      const t = await this.bekostiging.recomputeAll(sandboxId, false);
      await this.repo.setFase(this.db.manager, id, 'bekostiging', { status: 'KLAAR', verwerkt: t.statussen, totaal: t.statussen, gestartOp: start, klaarOp: new Date().toISOString() });
    }
    await this.db.transaction((m) => this.repo.setStatus(m, id, proef ? 'PROEFDRAAI_KLAAR' : 'GECONVERTEERD'));
  }
}
