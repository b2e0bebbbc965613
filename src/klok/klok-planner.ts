import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ClockService, dutchDate } from '../common/clock/clock.service';

/** Work that falls due at the start of a day in a sandbox's calendar (e.g. a teldatum's deadline passing). */
export interface GeplandMoment {
  /** YYYY-MM-DD: due at 00:00 Europe/Amsterdam of this date. */
  datum: string;
  soort: string;
  /** Order within one date: lower first. */
  volgorde: number;
  teldatum?: string;
  /** Runs inside the planner's transaction; `moment` is the instant the work fell due (sandbox time). */
  voerUit(m: EntityManager, sandboxId: string, moment: Date): Promise<{ statussen: number; events: number }>;
}

/** A module that schedules work on sandbox clocks. */
export interface Planbron {
  naam: string;
  /** Every moment with vanafExclusief < datum <= totInclusief. */
  momenten(vanafExclusief: string, totInclusief: string): GeplandMoment[];
}

export interface VerwerktMoment {
  datum: string;
  soort: string;
  teldatum?: string;
  statussen: number;
  events: number;
}

/** beginVanDag per date, as epoch ms (a fixed fact of the calendar; the bekostiging asks it on every write). */
const beginVanDagen = new Map<string, number>();

/** The instant 00:00 in the Netherlands on date `d` (CET or CEST). */
export function beginVanDag(d: string): Date {
  const bekend = beginVanDagen.get(d);
  if (bekend !== undefined) return new Date(bekend);
  for (const uren of [1, 2]) {
    const t = new Date(`${d}T00:00:00Z`).getTime() - uren * 3_600_000;
    if (dutchDate(new Date(t)) === d && dutchDate(new Date(t - 1)) !== d) {
      if (beginVanDagen.size >= 4096) beginVanDagen.clear();
      beginVanDagen.set(d, t);
      return new Date(t);
    }
  }
  throw new Error(`no start of day for ${d}`);
}

/**
 * Runs scheduled work when a sandbox's clock crosses it — by advancing the clock or by real time passing —
 * in time order, exactly once per crossing. The marker klok_planning.verwerkt_tot says up to which date
 * everything has run; its row lock serialises instances and requests, one transaction per due date.
 */
@Injectable()
export class KlokPlanner {
  private readonly bronnen: Planbron[] = [];

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: ClockService,
  ) {}

  register(bron: Planbron) {
    if (!this.bronnen.some((b) => b.naam === bron.naam)) this.bronnen.push(bron);
  }

  /** Starts the marker of a sandbox at `datum` when it has none (nothing before it is caught up). */
  async begin(m: EntityManager, sandboxId: string, datum: string) {
    await m.query('INSERT INTO klok_planning (sandbox_id, verwerkt_tot) VALUES ($1, $2) ON CONFLICT (sandbox_id) DO NOTHING', [sandboxId, datum]);
  }

  /** After the clock was set back: the marker follows, so that moving forward again runs the work again. */
  async terugNaar(m: EntityManager, sandboxId: string, datum: string) {
    await m.query('UPDATE klok_planning SET verwerkt_tot = $2, updated_at = now() WHERE sandbox_id = $1 AND verwerkt_tot > $2', [sandboxId, datum]);
  }

  async verwerktTot(m: EntityManager, sandboxId: string): Promise<string | null> {
    const rows: { d: string }[] = await m.query(`SELECT to_char(verwerkt_tot, 'YYYY-MM-DD') AS d FROM klok_planning WHERE sandbox_id = $1`, [sandboxId]);
    return rows[0]?.d ?? null;
  }

  /** Runs everything due between the marker and the sandbox's today, date by date; returns what ran. */
  async verwerk(sandboxId: string): Promise<VerwerktMoment[]> {
    const verwerkt: VerwerktMoment[] = [];
    for (;;) {
      const klaar = await this.db.transaction(async (m) => {
        const vandaag = await this.clock.today(sandboxId, m);
        await this.begin(m, sandboxId, vandaag);
        const [{ d }]: { d: string }[] = await m.query(`SELECT to_char(verwerkt_tot, 'YYYY-MM-DD') AS d FROM klok_planning WHERE sandbox_id = $1 FOR UPDATE`, [sandboxId]);
        if (d >= vandaag) return true;
        const due = this.bronnen.flatMap((b) => b.momenten(d, vandaag));
        if (!due.length) {
          await m.query('UPDATE klok_planning SET verwerkt_tot = $2, updated_at = now() WHERE sandbox_id = $1', [sandboxId, vandaag]);
          return true;
        }
        const datum = due.reduce((a, x) => (x.datum < a ? x.datum : a), due[0].datum);
        const moment = beginVanDag(datum);
        for (const x of due.filter((x) => x.datum === datum).sort((a, b) => a.volgorde - b.volgorde)) {
          const r = await x.voerUit(m, sandboxId, moment);
          verwerkt.push({ datum, soort: x.soort, ...(x.teldatum ? { teldatum: x.teldatum } : {}), ...r });
        }
        await m.query('UPDATE klok_planning SET verwerkt_tot = $2, updated_at = now() WHERE sandbox_id = $1', [sandboxId, datum]);
        return false;
      });
      if (klaar) return verwerkt;
    }
  }
}
