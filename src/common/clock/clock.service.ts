import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface ClockState {
  /** When set, the sandbox's time stands still at this instant. */
  frozenAt: Date | null;
  /** Otherwise the sandbox's time is real time plus this offset. */
  offsetMs: number;
}

const CACHE_TTL_MS = 1000;

// Building an Intl formatter is expensive; one is enough (this runs on every request).
const DUTCH_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The Dutch date of recent quarter hours (UTC): since 1940 the Netherlands' offset from UTC is a whole number of hours,
 * so the date is the same for every instant of a UTC quarter hour. A handful of requests a second ask for the same few.
 */
const QUARTER_MS = 15 * 60_000;
const SINCE_WHOLE_HOURS = Date.UTC(1946, 0, 1);
const dutchDateOfQuarter = new Map<number, string>();

/** Formats an instant as the calendar date in the Netherlands (Europe/Amsterdam). */
export function dutchDate(instant: Date): string {
  const t = instant.getTime();
  if (!(t >= SINCE_WHOLE_HOURS)) return DUTCH_DATE.format(instant);
  const quarter = Math.floor(t / QUARTER_MS);
  let date = dutchDateOfQuarter.get(quarter);
  if (date === undefined) {
    date = DUTCH_DATE.format(instant);
    if (dutchDateOfQuarter.size >= 4096) dutchDateOfQuarter.clear();
    dutchDateOfQuarter.set(quarter, date);
  }
  return date;
}

/** dutchDate in SQL: the calendar date in the Netherlands of a timestamptz expression. */
export const dutchDateSql = (instant: string) => `(${instant} AT TIME ZONE 'Europe/Amsterdam')::date`;

/** SQL: the current instant of sandbox row `s` (frozen, or real time plus its offset), as clockNow computes it. */
export const sandboxNuSql = (s: string) => `coalesce(${s}.clock_frozen_at, now() + ${s}.clock_offset_ms * interval '1 millisecond')`;

export function clockNow(state: ClockState, realNow = Date.now()): Date {
  return state.frozenAt ? new Date(state.frozenAt.getTime()) : new Date(realNow + state.offsetMs);
}

/**
 * Each sandbox has its own clock (real time by default; frozen, set or advanced by an admin).
 * Every date rule reads the sandbox's time through this service.
 */
@Injectable()
export class ClockService {
  private readonly cache = new Map<string, { state: ClockState; at: number }>();
  /** Reads under way per sandbox: requests that find the cache stale at the same moment share one read. */
  private readonly loading = new Map<string, Promise<ClockState>>();
  /** Counts invalidations, so a read that began before a clock change never fills the cache after it. */
  private generation = 0;

  constructor(private readonly db: DataSource) {}

  async state(sandboxId: string, manager?: EntityManager): Promise<ClockState> {
    if (manager) return this.read(sandboxId, manager);
    const cached = this.cache.get(sandboxId);
    if (cached && Date.now() - cached.at < CACHE_TTL_MS) return cached.state;
    const underway = this.loading.get(sandboxId);
    if (underway) return underway;
    const load = this.read(sandboxId).finally(() => {
      if (this.loading.get(sandboxId) === load) this.loading.delete(sandboxId);
    });
    this.loading.set(sandboxId, load);
    return load;
  }

  private async read(sandboxId: string, manager?: EntityManager): Promise<ClockState> {
    const generation = this.generation;
    const rows: { clock_frozen_at: Date | null; clock_offset_ms: string }[] = await (manager ?? this.db).query(
      'SELECT clock_frozen_at, clock_offset_ms FROM sandbox WHERE id = $1',
      [sandboxId],
    );
    const state: ClockState = rows.length
      ? { frozenAt: rows[0].clock_frozen_at, offsetMs: Number(rows[0].clock_offset_ms) }
      : { frozenAt: null, offsetMs: 0 };
    if (generation === this.generation) this.cache.set(sandboxId, { state, at: Date.now() });
    return state;
  }

  /** The sandbox's current instant. */
  async now(sandboxId: string, manager?: EntityManager): Promise<Date> {
    return clockNow(await this.state(sandboxId, manager));
  }

  /** The sandbox's current date in the Netherlands, YYYY-MM-DD. */
  async today(sandboxId: string, manager?: EntityManager): Promise<string> {
    return dutchDate(await this.now(sandboxId, manager));
  }

  /** Call after changing a sandbox's clock. */
  invalidate(sandboxId: string) {
    this.generation++;
    this.cache.delete(sandboxId);
    this.loading.delete(sandboxId);
  }
}
