import { GroupTransactions } from '../src/common/database/group-transactions';
import { ProblemException } from '../src/common/problem/problem';
import { createTestApp, TestApp } from './support/test-app';

/** Group commit of ROD writes: units that arrive together share one transaction, and never each other's failures. */
describe('group transactions', () => {
  let t: TestApp;
  let groups: GroupTransactions;
  const rows = async () => (await t.db.query('SELECT k FROM gt_probe ORDER BY k')).map((r: { k: string }) => r.k);

  beforeAll(async () => {
    t = await createTestApp({ WRITE_LANES: '1', WRITE_BATCH_MAX: '16' });
    groups = t.app.get(GroupTransactions);
    await t.db.query('CREATE TABLE gt_probe (k text PRIMARY KEY, tx bigint NOT NULL DEFAULT txid_current())');
  });
  afterAll(() => t.close());
  beforeEach(() => t.db.query('DELETE FROM gt_probe'));

  it('units arriving together commit in one transaction, each seeing the writes before it', async () => {
    const seen = await Promise.all(
      ['a', 'b', 'c', 'd'].map((k) =>
        groups.run('same-lane', async (m) => {
          await m.query('INSERT INTO gt_probe (k) VALUES ($1)', [k]);
          return Number((await m.query('SELECT count(*)::int AS n FROM gt_probe'))[0].n);
        }),
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
      read: async (_m: unknown, inputs: string[]) => {
        reads.push(inputs);
        return inputs.map((x) => `gelezen:${x}`);
      },
    });
    const results = await Promise.all([
      groups.run('same-lane', async (_m, g) => g, groupRead('a')),
      groups.run('same-lane', async (_m, g) => g, groupRead('b')),
      groups.run('same-lane', async (_m, g) => g, groupRead('c')),
      groups.run('same-lane', async (_m, g) => g ?? 'zonder'),
      groups.run('same-lane', async (_m, g) => g, groupRead('d')),
    ]);
    expect(results).toEqual(['gelezen:a', 'gelezen:b', 'gelezen:c', 'zonder', 'gelezen:d']);
    // a ran alone (idle lane); b and c were read together; the unit without a read kind ran in a group of its own.
    expect(reads).toEqual([['a'], ['b', 'c'], ['d']]);
  });

  it('a unit answered with a problem (nothing written) leaves the others of its group committed', async () => {
    const results = await Promise.allSettled(
      ['a', 'fout', 'b', 'c'].map((k) =>
        groups.run('same-lane', async (m) => {
          if (k === 'fout') throw new ProblemException(422, 'afgekeurd', 'rejected before writing');
          await m.query('INSERT INTO gt_probe (k) VALUES ($1)', [k]);
          return k;
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(ProblemException);
    expect(await rows()).toEqual(['a', 'b', 'c']);
  });

  it('a database error in one unit aborts its group, and every other unit is redone on its own', async () => {
    await t.db.query(`INSERT INTO gt_probe (k) VALUES ('bestaat')`);
    const results = await Promise.allSettled(
      ['x', 'y', 'bestaat', 'z'].map((k) => groups.run('same-lane', (m) => m.query('INSERT INTO gt_probe (k) VALUES ($1)', [k]).then(() => k))),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((results[2] as PromiseRejectedResult).reason).toMatchObject({ code: '23505' });
    expect(await rows()).toEqual(['bestaat', 'x', 'y', 'z']);
  });
});
