import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cheaper writes for national-scale recomputes (1.5 million statuses and events in one go):
 * - outbox_event: ix_outbox_event_sandbox_school_seq served no query (the feed reads by sandbox and feed position,
 *   the purge by sandbox), so it goes; the unique feed position index only holds positioned rows, so writing a new
 *   event no longer adds a NULL entry to it (max(feed_positie) and the feed's ranges only look at positioned rows).
 * - bekostigingsstatus: fk_bekostigingsstatus_sandbox checked every inserted row against the sandbox although the
 *   inschrijving's own foreign key already ties the status to a sandbox and cascades its removal.
 */
export class BekostigingPerformance1764420000000 implements MigrationInterface {
  name = 'BekostigingPerformance1764420000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX ix_outbox_event_sandbox_school_seq');
    await q.query('DROP INDEX uq_outbox_event_feed_positie');
    await q.query('CREATE UNIQUE INDEX uq_outbox_event_feed_positie ON outbox_event (feed_positie) WHERE feed_positie IS NOT NULL');
    await q.query('ALTER TABLE bekostigingsstatus DROP CONSTRAINT fk_bekostigingsstatus_sandbox');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE bekostigingsstatus ADD CONSTRAINT fk_bekostigingsstatus_sandbox FOREIGN KEY (sandbox_id) REFERENCES sandbox (id) ON DELETE CASCADE');
    await q.query('DROP INDEX uq_outbox_event_feed_positie');
    await q.query('CREATE UNIQUE INDEX uq_outbox_event_feed_positie ON outbox_event (feed_positie)');
    await q.query('CREATE INDEX ix_outbox_event_sandbox_school_seq ON outbox_event (sandbox_id, instellingscode, seq)');
  }
}
