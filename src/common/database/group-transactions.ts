import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
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
  /** Work of its own (any statements, awaited in turn), or */
  run?: (acc: unknown) => Promise<unknown>;
  /** one statement the group sends itself: back to back with the others and the COMMIT. */
  statement?: (acc: unknown) => DeferredStatement | null;
}

/**
 * A named statement that deferred work comes down to (deferStatementToCommit). The group sends the statements of its
 * phases and its COMMIT together (pipelined), so the end of a group costs one wait for the database instead of one per
 * statement. `settled` is told when its answer came, whatever it was, and whether it succeeded.
 */
export interface DeferredStatement {
  name: string;
  text: string;
  values: unknown[];
  settled?: (ok: boolean) => void;
}

interface PgClient {
  query(config: string | { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[]; command?: string }>;
  /** pg's pipeline mode: a queued statement goes on the wire at once, not when the one before is answered. */
  pipeline: boolean;
}

/**
 * Runs `batch` with the connection in pg's pipeline mode: every statement it queues is written at once, behind the ones
 * before it, instead of when the one before is answered, so the batch waits for the database (and for the event loop to
 * read the answers) once instead of once per statement. Only for plain statements (pg refuses cursors and COPY in this
 * mode); a failed statement fails those behind it in the transaction as before. The mode is switched on and off only
 * while nothing is in flight on the connection.
 */
async function pipelined(client: PgClient, batch: () => Promise<unknown>[]): Promise<unknown[]> {
  client.pipeline = true;
  try {
    return await settleInOrder(batch());
  } finally {
    client.pipeline = false;
  }
}

/** Work deferred to the end of a group transaction, per phase and key; within a phase in the order first deferred. */
const deferred = new WeakMap<EntityManager, Record<CommitPhase, Map<string, Deferred>>>();

/**
 * Defers work to the end of the group transaction of `m`, just before its commit, in `phase`, folding every call with the
 * same key into one accumulator (e.g. the pupils whose bekostiging must be recomputed, once for the whole group). Returns
 * false when `m` is not a group transaction: the caller then does the work itself, at once.
 */
export function deferToCommit<A>(m: EntityManager, phase: CommitPhase, key: string, init: () => A, add: (acc: A) => void, run: (acc: A) => Promise<unknown>): boolean {
  return defer(m, phase, key, init, add, { run: run as (acc: unknown) => Promise<unknown> });
}

/**
 * deferToCommit for work that is one statement: `statement` makes it from the accumulator when the group ends (or when a
 * unit's reread needs the rows phase written first), or null when there is nothing to do. The group sends it together
 * with the other deferred statements and the COMMIT, without waiting for an answer in between; an error of any of them
 * aborts the group as any error does.
 */
export function deferStatementToCommit<A>(m: EntityManager, phase: CommitPhase, key: string, init: () => A, add: (acc: A) => void, statement: (acc: A) => DeferredStatement | null): boolean {
  return defer(m, phase, key, init, add, { statement: statement as (acc: unknown) => DeferredStatement | null });
}

function defer<A>(m: EntityManager, phase: CommitPhase, key: string, init: () => A, add: (acc: A) => void, how: Omit<Deferred, 'acc'>): boolean {
  const work = deferred.get(m)?.[phase];
  if (!work) return false;
  let d = work.get(key);
  if (!d) {
    d = { acc: init(), ...how };
    work.set(key, d);
  }
  add(d.acc as A);
  return true;
}

/** The pg connection of a query runner's manager. */
function clientOf(m: EntityManager): PgClient {
  return (m.queryRunner as unknown as { databaseConnection: PgClient }).databaseConnection;
}

/** Sends one deferred statement (named: prepared once per connection), telling it when its answer came. */
function send(m: EntityManager, st: DeferredStatement): Promise<unknown> {
  const answer = clientOf(m).query({ name: st.name, text: st.text, values: st.values });
  if (!st.settled) return answer;
  const settled = st.settled;
  return answer.then(
    (r) => (settled(true), r),
    (e: unknown) => {
      settled(false);
      throw e;
    },
  );
}

/** Runs the deferred work of the phases now, in phase order, one after the other; work deferred later in the same phase starts anew. */
async function runDeferred(m: EntityManager, phases: readonly CommitPhase[]): Promise<void> {
  const work = deferred.get(m);
  if (!work) return;
  for (const phase of phases) {
    while (work[phase].size) {
      const [key, d] = work[phase].entries().next().value as [string, Deferred];
      work[phase].delete(key);
      if (d.run) await d.run(d.acc);
      else {
        const st = d.statement!(d.acc);
        if (st) await send(m, st);
      }
    }
  }
}

/** Whether all the deferred work of `m` is statements, which may go out together (sendStatements). */
function onlyStatements(m: EntityManager): boolean {
  const work = deferred.get(m);
  return !work || PHASES.every((phase) => [...work[phase].values()].every((d) => d.statement));
}

/** Sends every deferred statement of `m` at once, in phase order (onlyStatements: a statement defers nothing more); their answers in that order. */
function sendStatements(m: EntityManager): Promise<unknown>[] {
  const work = deferred.get(m);
  const sent: Promise<unknown>[] = [];
  for (const phase of PHASES) {
    for (const d of work?.[phase].values() ?? []) {
      const st = d.statement!(d.acc);
      if (st) sent.push(send(m, st));
    }
    work?.[phase].clear();
  }
  return sent;
}

/** Waits for every promise; the first rejection (in the order given) is thrown, once all have settled. */
async function settleInOrder(ps: Promise<unknown>[]): Promise<unknown[]> {
  const out = await Promise.allSettled(ps);
  const fout = out.find((r) => r.status === 'rejected');
  if (fout) throw (fout as PromiseRejectedResult).reason;
  return out.map((r) => (r as PromiseFulfilledResult<unknown>).value);
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

  /**
   * One transaction for the units, then their deferred work; a problem from a unit's check is its answer (alone: thrown).
   *
   * The group sends BEGIN and COMMIT itself rather than through TypeORM's transaction, so that they travel together with
   * the statements next to them (pipelined): BEGIN with the group's first read, COMMIT with the deferred statements.
   * Every answer awaited on its own is a wait for the database and then for the event loop to read it, which under load
   * is busy with the next requests for milliseconds at a time, while the group holds its locks and its lane cannot start
   * the next group: measured, a group of 8 spent 35 ms mostly idle in transaction (waiting for the app) in six such
   * waits, and 20 ms in three. The query runner is told it is in a transaction (as startTransaction leaves it), so work
   * of a unit that opens one nests in a savepoint as before.
   */
  private async transaction(group: Pending[]): Promise<{ ok: boolean; value: unknown }[]> {
    const runner = this.db.createQueryRunner();
    try {
      const client = (await runner.connect()) as PgClient;
      const m = runner.manager;
      const begun = () => client.query('BEGIN');
      inTransaction(runner, true);
      try {
        deferred.set(m, { rows: new Map(), derived: new Map() });
        const groupRead = group[0].groupRead;
        // The read's first statement is queued behind BEGIN before either is answered.
        const [, gelezen] = (await pipelined(client, () => [begun(), groupRead ? groupRead.read(m, group.map((p) => p.groupRead!.input)) : Promise.resolve<GroupReadResult<unknown>[]>([])])) as [
          unknown,
          GroupReadResult<unknown>[],
        ];
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
        // The deferred statements and the COMMIT right behind the last of them, together (work of its own among the
        // deferred: one after the other, as it may read what the work before it wrote). A COMMIT behind a failed
        // statement only rolls back (PostgreSQL answers it without an error): the statement's error, first in order, is
        // what is thrown.
        let einde: { command?: string };
        if (onlyStatements(m)) einde = (await pipelined(client, () => [...sendStatements(m), client.query('COMMIT')])).at(-1) as { command?: string };
        else {
          await runDeferred(m, PHASES);
          einde = await client.query('COMMIT');
        }
        if (einde.command !== 'COMMIT') throw new Error(`group transaction ended with ${einde.command} instead of COMMIT`);
        return out;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        deferred.delete(m);
        inTransaction(runner, false);
      }
    } finally {
      await runner.release();
    }
  }
}

/** TypeORM's transaction state of a query runner, as startTransaction and commitTransaction leave it. */
function inTransaction(runner: QueryRunner, active: boolean) {
  (runner as { isTransactionActive: boolean }).isTransactionActive = active;
  (runner as unknown as { transactionDepth: number }).transactionDepth = active ? 1 : 0;
}
