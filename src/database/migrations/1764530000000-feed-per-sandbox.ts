import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Feed positions per sandbox. A global position was handed out as max(feed_positie) + 1, so deleting or resetting
 * the sandbox that held the highest positions lowered the maximum, and a sandbox's next events got positions below
 * cursors its vendors already held (lost for good). Now each sandbox numbers its own events from a counter that only
 * grows (feed_teller: kept across resets, removed with the sandbox), so nothing another sandbox does moves a cursor.
 *
 * Existing counters start at the old global maximum: every cursor handed out so far (at most that maximum) stays valid,
 * and the positions already given are kept as they are (unique per sandbox, in commit order).
 */
export class FeedPerSandbox1764530000000 implements MigrationInterface {
  name = 'FeedPerSandbox1764530000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE feed_teller (
        sandbox_id uuid NOT NULL,
        laatste_positie bigint NOT NULL,
        CONSTRAINT pk_feed_teller PRIMARY KEY (sandbox_id),
        CONSTRAINT ck_feed_teller_positie CHECK (laatste_positie >= 0)
      )`);
    await q.query(`INSERT INTO feed_teller (sandbox_id, laatste_positie)
                   SELECT s.id, (SELECT coalesce(max(feed_positie), 0) FROM outbox_event) FROM sandbox s`);
    await q.query('DROP INDEX uq_outbox_event_feed_positie');
    await q.query('DROP INDEX ix_outbox_event_sandbox_feed_positie');
    await q.query('CREATE UNIQUE INDEX uq_outbox_event_sandbox_feed_positie ON outbox_event (sandbox_id, feed_positie) WHERE feed_positie IS NOT NULL');
    // No foreign key (the sequencer may count for a sandbox being deleted at that moment); the counter goes with its sandbox.
    await q.query(`
      CREATE FUNCTION sandbox_weg_feed_teller() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM feed_teller t USING weg WHERE t.sandbox_id = weg.id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_sandbox_weg_feed_teller AFTER DELETE ON sandbox
        REFERENCING OLD TABLE AS weg FOR EACH STATEMENT EXECUTE FUNCTION sandbox_weg_feed_teller()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER tr_sandbox_weg_feed_teller ON sandbox');
    await q.query('DROP FUNCTION sandbox_weg_feed_teller()');
    // Global positions again: renumber in the old order (position, then sandbox) so they are unique over all sandboxes.
    await q.query(`UPDATE outbox_event o SET feed_positie = r.n FROM (
                     SELECT seq, row_number() OVER (ORDER BY feed_positie, sandbox_id, seq) AS n FROM outbox_event WHERE feed_positie IS NOT NULL) r
                   WHERE o.seq = r.seq`);
    await q.query(`UPDATE webhook_aflevering d SET feed_positie = o.feed_positie FROM outbox_event o WHERE o.seq = d.event_seq`);
    await q.query('DROP INDEX uq_outbox_event_sandbox_feed_positie');
    await q.query('CREATE INDEX ix_outbox_event_sandbox_feed_positie ON outbox_event (sandbox_id, feed_positie)');
    await q.query('CREATE UNIQUE INDEX uq_outbox_event_feed_positie ON outbox_event (feed_positie) WHERE feed_positie IS NOT NULL');
    await q.query('DROP TABLE feed_teller');
  }
}
