import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { ProblemException } from '../problem/problem';

type Unit<T> = (m: EntityManager, gelezen?: unknown) => Promise<T>;

/**
 * Reads that the units of one kind in a group share: `read` gets the inputs of all of them (in group order) at the start
 * of the group's transaction and answers one result per input, in one or two round trips instead of one or two per unit.
 * It answers null for a unit whose reads an earlier unit of the group may change (then that unit reads for itself).
 */
export interface GroupRead<I> {
  kind: string;
  input: I;
  read: (m: EntityManager, inputs: I[]) => Promise<unknown[]>;
}

interface Pending {
  unit: Unit<unknown>;
  groupRead?: GroupRead<unknown>;
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
  order: number;
}

/** Work deferred to the end of a group transaction, per key; run by `order`, then in the order first deferred. */
const deferred = new WeakMap<EntityManager, Map<string, Deferred>>();

/**
 * Defers work to the end of the group transaction of `m`, just before its commit, folding every call with the same key
 * into one accumulator (e.g. the pupils whose bekostiging must be recomputed, once for the whole group). Returns false
 * when `m` is not a group transaction: the caller then does the work itself, at once.
 */
export function deferToCommit<A>(m: EntityManager, key: string, init: () => A, add: (acc: A) => void, run: (acc: A) => Promise<unknown>, order = 0): boolean {
  const work = deferred.get(m);
  if (!work) return false;
  let d = work.get(key);
  if (!d) {
    d = { acc: init(), run: run as (acc: unknown) => Promise<unknown>, order };
    work.set(key, d);
  }
  add(d.acc as A);
  return true;
}

/** Runs the work deferred under `key` now (e.g. buffered writes before a read that must see them); later calls start anew. */
export async function runDeferredNow(m: EntityManager, key: string): Promise<void> {
  const d = deferred.get(m)?.get(key);
  if (!d) return;
  deferred.get(m)!.delete(key);
  await d.run(d.acc);
}

/**
 * Group commit for hot writes: units of work that arrive while their lane is busy run one after another in one
 * transaction (one BEGIN and one COMMIT with its WAL flush for the whole group), up to WRITE_BATCH_MAX per group.
 * Every unit sees the writes of the units before it, exactly as if they had committed one after the other; work the
 * units defer (deferToCommit) runs once for the group, before the commit.
 *
 * A unit is routed to a lane by its key (e.g. the pupil), so work on one key is never spread over concurrent groups.
 * A unit that throws a ProblemException must not have written anything yet (the rules are checked before the write):
 * its answer stands and the group goes on. Any other error aborts the group; then every unit of it runs again on its
 * own transaction, so one failure never takes the others' writes with it and every answer matches what was stored.
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

  run<T, I = unknown>(key: string, unit: Unit<T>, groupRead?: GroupRead<I>): Promise<T> {
    const lane = this.lanes[createHash('sha1').update(key).digest().readUInt32BE(0) % this.lanes.length];
    return new Promise<T>((resolve, reject) => {
      lane.queue.push({ unit, groupRead: groupRead as GroupRead<unknown> | undefined, resolve: resolve as (v: unknown) => void, reject });
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

  /** One transaction for the units, then their deferred work; a unit's ProblemException is its answer (alone: thrown). */
  private transaction(group: Pending[]): Promise<{ ok: boolean; value: unknown }[]> {
    return this.db.transaction(async (m) => {
      deferred.set(m, new Map());
      const groupRead = group[0].groupRead;
      const gelezen = groupRead ? await groupRead.read(m, group.map((p) => p.groupRead!.input)) : [];
      const out: { ok: boolean; value: unknown }[] = [];
      for (const [i, p] of group.entries()) {
        try {
          out.push({ ok: true, value: await p.unit(m, gelezen[i]) });
        } catch (e) {
          if (!(e instanceof ProblemException) || group.length === 1) throw e;
          out.push({ ok: false, value: e });
        }
      }
      const work = deferred.get(m)!;
      while (work.size) {
        const [key, d] = [...work.entries()].sort((a, b) => a[1].order - b[1].order)[0];
        work.delete(key);
        await d.run(d.acc);
      }
      deferred.delete(m);
      return out;
    });
  }
}
