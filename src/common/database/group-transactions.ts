import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { writeGroupSize } from '../metrics/metrics';
import { ProblemException } from '../problem/problem';

/**
 * When deferred work runs before a group's commit, in this order: first the rows the units buffered (`rows`: e.g. the
 * group's new inschrijvingen, one insert for all), then what is derived from them (`derived`: e.g. bekostiging).
 * A unit whose group read is stale gets the `rows` phase flushed before it reads for itself.
 */
export type CommitPhase = 'rows' | 'derived';
const PHASES: readonly CommitPhase[] = ['rows', 'derived'];

/** A group read's answer for one unit: its value, or (when an earlier unit of the group may change it) how to read it again. */
export type GroupReadResult<R> = { value: R } | { reread: (m: EntityManager) => Promise<R> };

/**
 * Reads that the units of one kind in a group share: `read` gets the inputs of all of them (in group order) at the start
 * of the group's transaction and answers one result per input, in a few round trips instead of a few per unit. A result
 * that an earlier unit of the group may change is a `reread`: the group flushes its buffered rows, then reads it anew at
 * the unit's turn, so a unit never judges on a state that misses what an earlier unit wrote.
 */
export interface GroupRead<I, R> {
  kind: string;
  input: I;
  read: (m: EntityManager, inputs: I[]) => Promise<GroupReadResult<R>[]>;
}

/**
 * One unit of work in a group, in two steps. `check` reads and judges and may throw a ProblemException: that is the unit's
 * answer, and the group goes on: `check` leaves the database as it found it (locks aside) and answers a plan, and every write
 * of the unit is in `write`, which carries the plan out; whatever it throws, a ProblemException included, aborts the whole group, and each unit is redone on
 * its own transaction, so a failure late in a unit can never commit half of it.
 */
export interface GroupUnit<T, P, R = undefined> {
  check: (m: EntityManager, read: R) => Promise<P>;
  write: (m: EntityManager, plan: P) => Promise<T>;
}

interface Pending {
  unit: GroupUnit<unknown, unknown, unknown>;
  groupRead?: GroupRead<unknown, unknown>;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}
interface Lane {
  queue: Pending[];
  busy: boolean;
}
interface Deferred {
  acc: unknown;
  run: (acc: unknown) => Promise<unknown>;
}

/** Work deferred to the end of a group transaction, per phase and key; within a phase in the order first deferred. */
const deferred = new WeakMap<EntityManager, Record<CommitPhase, Map<string, Deferred>>>();

/**
 * Defers work to the end of the group transaction of `m`, just before its commit, in `phase`, folding every call with the
 * same key into one accumulator (e.g. the pupils whose bekostiging must be recomputed, once for the whole group). Returns
 * false when `m` is not a group transaction: the caller then does the work itself, at once.
 */
export function deferToCommit<A>(m: EntityManager, phase: CommitPhase, key: string, init: () => A, add: (acc: A) => void, run: (acc: A) => Promise<unknown>): boolean {
  const work = deferred.get(m)?.[phase];
  if (!work) return false;
  let d = work.get(key);
  if (!d) {
    d = { acc: init(), run: run as (acc: unknown) => Promise<unknown> };
    work.set(key, d);
  }
  add(d.acc as A);
  return true;
}

/** Runs the deferred work of the phases now, in phase order; work deferred later in the same phase starts anew. */
async function runDeferred(m: EntityManager, phases: readonly CommitPhase[]): Promise<void> {
  const work = deferred.get(m);
  if (!work) return;
  for (const phase of phases) {
    while (work[phase].size) {
      const [key, d] = work[phase].entries().next().value as [string, Deferred];
      work[phase].delete(key);
      await d.run(d.acc);
    }
  }
}

/**
 * Group commit for hot writes: units of work that arrive while their lane is busy run one after another in one
 * transaction (one BEGIN and one COMMIT with its WAL flush for the whole group), up to WRITE_BATCH_MAX per group.
 * Every unit sees the writes of the units before it, exactly as if they had committed one after the other; work the
 * units defer (deferToCommit) runs once for the group, by phase, before the commit.
 *
 * A unit is routed to a lane by its key (e.g. the pupil), so work on one key is never spread over concurrent groups.
 * A unit's `check` that throws a ProblemException is its answer and the group goes on (check does not write). Any other
 * error, and any error of a `write`, aborts the group; then every unit of it runs again on its own transaction, so one
 * failure never takes the others' writes with it and every answer matches what was stored.
 */
@Injectable()
export class GroupTransactions {
  private readonly lanes: Lane[];

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.lanes = Array.from({ length: config.WRITE_LANES }, () => ({ queue: [], busy: false }));
  }

  run<T, P>(key: string, unit: GroupUnit<T, P, undefined>): Promise<T>;
  run<T, P, I, R>(key: string, unit: GroupUnit<T, P, R>, groupRead: GroupRead<I, R>): Promise<T>;
  run<T, P, I, R>(key: string, unit: GroupUnit<T, P, R>, groupRead?: GroupRead<I, R>): Promise<T> {
    const lane = this.lanes[createHash('sha1').update(key).digest().readUInt32BE(0) % this.lanes.length];
    return new Promise<T>((resolve, reject) => {
      lane.queue.push({
        unit: unit as GroupUnit<unknown, unknown, unknown>,
        groupRead: groupRead as GroupRead<unknown, unknown> | undefined,
        resolve: resolve as (v: unknown) => void,
        reject,
      });
      void this.pump(lane);
    });
  }

  /**
   * The next group of a lane: consecutive units of one read kind (or all without a group read), so a group read never
   * misses what a unit of another kind before it changed.
   */
  private nextGroup(lane: Lane): Pending[] {
    const kind = lane.queue[0].groupRead?.kind;
    let n = 1;
    while (n < lane.queue.length && n < this.config.WRITE_BATCH_MAX && lane.queue[n].groupRead?.kind === kind) n++;
    return lane.queue.splice(0, n);
  }

  private async pump(lane: Lane): Promise<void> {
    if (lane.busy || lane.queue.length === 0) return;
    lane.busy = true;
    const group = this.nextGroup(lane);
    writeGroupSize.observe(group.length);
    try {
      let outcomes: { ok: boolean; value: unknown }[];
      try {
        outcomes = await this.transaction(group);
      } catch (e) {
        if (group.length === 1) {
          group[0].reject(e);
          return;
        }
        for (const p of group) {
          try {
            const [o] = await this.transaction([p]);
            p.resolve(o.value);
          } catch (e2) {
            p.reject(e2);
          }
        }
        return;
      }
      outcomes.forEach((o, i) => (o.ok ? group[i].resolve(o.value) : group[i].reject(o.value)));
    } finally {
      lane.busy = false;
      void this.pump(lane);
    }
  }

  /** One transaction for the units, then their deferred work; a problem from a unit's check is its answer (alone: thrown). */
  private transaction(group: Pending[]): Promise<{ ok: boolean; value: unknown }[]> {
    return this.db.transaction(async (m) => {
      deferred.set(m, { rows: new Map(), derived: new Map() });
      const groupRead = group[0].groupRead;
      const gelezen = groupRead ? await groupRead.read(m, group.map((p) => p.groupRead!.input)) : [];
      const out: { ok: boolean; value: unknown }[] = [];
      for (const [i, p] of group.entries()) {
        let plan: unknown;
        try {
          const r = gelezen[i];
          let read: unknown;
          if (r && 'reread' in r) {
            // An earlier unit may have changed what this one reads: its buffered rows go first.
            await runDeferred(m, ['rows']);
            read = await r.reread(m);
          } else read = r?.value;
          plan = await p.unit.check(m, read);
        } catch (e) {
          if (!(e instanceof ProblemException) || group.length === 1) throw e;
          out.push({ ok: false, value: e });
          continue;
        }
        out.push({ ok: true, value: await p.unit.write(m, plan) });
      }
      await runDeferred(m, PHASES);
      deferred.delete(m);
      return out;
    });
  }
}
