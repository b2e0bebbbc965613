import { createTestApp, TestApp } from './support/test-app';

describe('database schema', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ SEED_ON_START: 'false' });
  });
  afterAll(() => t.close());

  it('entities and migrations agree: synchronising would change nothing', async () => {
    const sql = await t.db.driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('every migration can be undone and redone', async () => {
    const runner = t.db.createQueryRunner();
    try {
      const count = t.db.migrations.length;
      for (let i = 0; i < count; i++) await t.db.undoLastMigration();
      const [{ n }] = await runner.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migration'`);
      expect(n).toBe(0);
      const redone = await t.db.runMigrations();
      expect(redone).toHaveLength(count);
    } finally {
      await runner.release();
    }
  });
});
