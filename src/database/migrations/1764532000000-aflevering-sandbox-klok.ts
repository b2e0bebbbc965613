import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhook retries follow the sandbox clock: `volgende_poging_op` is a sandbox instant, compared per row with its sandbox's
 * clock, so the pending deliveries are no longer scanned in the order of that column (sandbox times of different sandboxes
 * do not compare) but in the order they were made: the index of the pending deliveries is on the id.
 */
export class AfleveringSandboxKlok1764532000000 implements MigrationInterface {
  name = 'AfleveringSandboxKlok1764532000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX ix_webhook_aflevering_wachtend');
    await q.query(`CREATE INDEX ix_webhook_aflevering_wachtend ON webhook_aflevering (id) WHERE status = 'WACHTEND'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX ix_webhook_aflevering_wachtend');
    await q.query(`CREATE INDEX ix_webhook_aflevering_wachtend ON webhook_aflevering (volgende_poging_op, feed_positie) WHERE status = 'WACHTEND'`);
  }
}
