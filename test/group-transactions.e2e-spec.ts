import type { EntityManager } from 'typeorm';
import { deferStatementToCommit, deferToCommit, GroupTransactions } from '../src/common/database/group-transactions';
import { ProblemException } from '../src/common/problem/problem';
import { createTestApp, TestApp } from './support/test-app';

/** Group commit of ROD writes: units that arrive together share one transaction, and never each other's failures. */
describe('group transactions', () => {
  let t: TestApp;
  let groups: GroupTransactions;
  const rows = async () => (await t.db.query('SELECT k FROM gt_probe ORDER BY k')).map((r: { k: string }) => r.k);
  const insert = (m: EntityManager, k: string) => m.query('INSERT INTO gt_probe (k) VALUES ($1)', [k]);
  /** A unit that only writes: no check to speak of. */
  const schrijf = <T>(write: (m: EntityManager) => Promise<T>) => ({ check: async () => undefined, write: (m: EntityManager) => write(m) });

  beforeAll(async () => {
    t = await createTestApp({ WRITE_LANES: '1', WRITE_BATCH_MAX: '16' });
    groups = t.app.get(GroupTransactions);
    await t.db.query('CREATE TABLE gt_probe (k text PRIMARY KEY, tx bigint NOT NULL DEFAULT txid_current())');
    await t.db.query('CREATE TABLE gt_afgeleid (n int NOT NULL, tx bigint NOT NULL DEFAULT txid_current())');
  });
  afterAll(() => t.close());
  beforeEach(() => t.db.query('DELETE FROM gt_probe; DELETE FROM gt_afgeleid'));
  /** Holds the lane for a moment, so the units sent next queue behind it and form one group. */
  const houdBaanBezet = () => groups.run('same-lane', schrijf(async () => new Promise((r) => setTimeout(r, 50))));
  /** A unit that defers its row as a statement (folded with the group's others into one insert) and a count of the rows as derived work. */
  const uitgesteld = (k: string) =>
    schrijf(async (m) => {
      // Derived deferred first: the phases, not the order of deferring, decide what runs first.
      deferStatementToCommit(m, 'derived', 'gt-tel', () => null, () => undefined, () => ({ name: 'gt_tel', text: 'INSERT INTO gt_afgeleid (n) SELECT count(*) FROM gt_probe', values: [] }));
      deferStatementToCommit(m, 'rows', 'gt-rijen', () => [] as string[], (acc) => acc.push(k), (acc) => ({ name: 'gt_rijen', text: 'INSERT INTO gt_probe (k) SELECT unnest($1::text[])', values: [acc] }));
      return k;
    });

  it('units arriving together commit in one transaction, each seeing the writes before it', async () => {
    const seen = await Promise.all(
      ['a', 'b', 'c', 'd'].map((k) =>
        groups.run(
          'same-lane',
          schrijf(async (m) => {
            await insert(m, k);
            return Number((await m.query('SELECT count(*)::int AS n FROM gt_probe'))[0].n);
          }),
        ),
      ),
    );
    expect(await rows()).toEqual(['a', 'b', 'c', 'd']);
    // The first unit ran alone (the lane was idle); the three that queued behind it shared the next transaction.
    expect(seen).toEqual([1, 2, 3, 4]);
    const txs = await t.db.query('SELECT count(DISTINCT tx)::int AS n FROM gt_probe');
    expect(txs[0].n).toBe(2);
  });

  it('units of one read kind share one read at the start of their group; a unit of another kind starts a new group', async () => {
    const reads: string[][] = [];
    const groupRead = (input: string) => ({
      kind: 'probe',
      input,
      read: async (_m: EntityManager, inputs: string[]) => {
        reads.push(inputs);
        return inputs.map((x) => ({ value: `gelezen:${x}` }));
      },
    });
    const echo = { check: async (_m: EntityManager, g: string) => g, write: async (_m: EntityManager, g: string) => g };
    const results = await Promise.all([
      groups.run('same-lane', echo, groupRead('a')),
      groups.run('same-lane', echo, groupRead('b')),
      groups.run('same-lane', echo, groupRead('c')),
      groups.run('same-lane', { check: async () => 'zonder', write: async (_m, x: string) => x }),
      groups.run('same-lane', echo, groupRead('d')),
    ]);
    expect(results).toEqual(['gelezen:a', 'gelezen:b', 'gelezen:c', 'zonder', 'gelezen:d']);
    // a ran alone (idle lane); b and c were read together; the unit without a read kind ran in a group of its own.
    expect(reads).toEqual([['a'], ['b', 'c'], ['d']]);
  });

  it('a read an earlier unit may change is read again at its turn, after the buffered rows of the group are written', async () => {
    const groupRead = (input: string) => ({
      kind: 'buffer-probe',
      input,
      read: async (m: EntityManager, inputs: string[]) =>
        Promise.all(
          inputs.map(async (x, i) => {
            const tel = async (mm: EntityManager) => Number((await mm.query('SELECT count(*)::int AS n FROM gt_probe'))[0].n);
            // The first unit's read is current; the later ones may be changed by the units before them.
            return i === 0 ? { value: await tel(m) } : { reread: tel };
          }),
        ),
    });
    const unit = (k: string) => ({
      check: async (_m: EntityManager, gezien: number) => gezien,
      write: async (m: EntityManager, gezien: number) => {
        // Buffered: written in the `rows` phase, one insert at the end of the group (or before a reread).
        deferToCommit(m, 'rows', 'probe-rijen', () => [] as string[], (acc) => acc.push(k), async (acc) => {
          for (const x of acc) await insert(m, x);
        });
        return gezien;
      },
    });
    await groups.run('same-lane', schrijf(async () => new Promise((r) => setTimeout(r, 50))));
    const gezien = await Promise.all(['a', 'b', 'c'].map((k) => groups.run('same-lane', unit(k), groupRead(k))));
    expect(gezien).toEqual([0, 1, 2]);
    expect(await rows()).toEqual(['a', 'b', 'c']);
  });

  it('a unit whose check answers with a problem leaves the others of its group committed', async () => {
    const results = await Promise.allSettled(
      ['a', 'fout', 'b', 'c'].map((k) =>
        groups.run('same-lane', {
          check: async () => {
            if (k === 'fout') throw new ProblemException(422, 'afgekeurd', 'rejected before writing');
            return k;
          },
          write: async (m, x: string) => {
            await insert(m, x);
            return x;
          },
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(ProblemException);
    expect(await rows()).toEqual(['a', 'b', 'c']);
  });

  it('a late failure (a problem thrown after the unit wrote) cannot commit half a unit: the group is redone without it', async () => {
    const results = await Promise.allSettled(
      ['a', 'laat', 'b'].map((k) =>
        groups.run('same-lane', {
          check: async () => k,
          write: async (m, x: string) => {
            await insert(m, x);
            if (x === 'laat') {
              await insert(m, 'laat-tweede');
              throw new ProblemException(422, 'afgekeurd', 'found wrong after writing');
            }
            return x;
          },
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(ProblemException);
    expect(await rows()).toEqual(['a', 'b']);
  });

  it('a database error in one unit aborts its group, and every other unit is redone on its own', async () => {
    await t.db.query(`INSERT INTO gt_probe (k) VALUES ('bestaat')`);
    const results = await Promise.allSettled(['x', 'y', 'bestaat', 'z'].map((k) => groups.run('same-lane', schrijf((m) => insert(m, k).then(() => k)))));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((results[2] as PromiseRejectedResult).reason).toMatchObject({ code: '23505' });
    expect(await rows()).toEqual(['bestaat', 'x', 'y', 'z']);
  });

  it('deferred statements go out with the commit, in phase order, in the transaction of their group', async () => {
    const klaar = houdBaanBezet();
    const results = await Promise.all(['a', 'b', 'c'].map((k) => groups.run('same-lane', uitgesteld(k))));
    await klaar;
    expect(results).toEqual(['a', 'b', 'c']);
    expect(await rows()).toEqual(['a', 'b', 'c']);
    // One derived statement for the group, after its rows, in the same transaction.
    const afgeleid = await t.db.query('SELECT n, tx::text AS tx FROM gt_afgeleid');
    const txs = await t.db.query('SELECT DISTINCT tx::text AS tx FROM gt_probe');
    expect(afgeleid).toEqual([{ n: 3, tx: txs[0].tx }]);
    expect(txs).toHaveLength(1);
  });

  it('a deferred statement that fails rolls its group back (though its COMMIT is answered without an error): every unit is redone on its own', async () => {
    await t.db.query(`INSERT INTO gt_probe (k) VALUES ('bestaat')`);
    const klaar = houdBaanBezet();
    const results = await Promise.allSettled(['x', 'y', 'bestaat', 'z'].map((k) => groups.run('same-lane', uitgesteld(k))));
    await klaar;
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((results[2] as PromiseRejectedResult).reason).toMatchObject({ code: '23505' });
    expect(await rows()).toEqual(['bestaat', 'x', 'y', 'z']);
    // Each unit redone alone: its own count, its own transaction (the group's was rolled back, its count with it).
    expect((await t.db.query('SELECT n FROM gt_afgeleid ORDER BY n')).map((r: { n: number }) => r.n)).toEqual([2, 3, 4]);
  });

  it('connections go back to the pool as they came (no statement is sent ahead of the answer before it afterwards)', async () => {
    const klaar = houdBaanBezet();
    await Promise.allSettled(['p', 'q'].map((k) => groups.run('same-lane', uitgesteld(k))));
    await klaar;
    const pool = (t.db.driver as unknown as { master: { _clients: { pipeline: boolean }[] } }).master;
    expect(pool._clients.length).toBeGreaterThan(0);
    expect(pool._clients.every((c) => c.pipeline === false)).toBe(true);
  });
});
