import { MigrationInterface, QueryRunner } from 'typeorm';

/** A subscription's deliveries can be held back or made to fail until an instant on the sandbox clock (a simulated DUO push outage, a conformance storing). */
export class WebhookStoring1764581000000 implements MigrationInterface {
  name = 'WebhookStoring1764581000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE webhook_abonnement ADD COLUMN storing_soort varchar(20), ADD COLUMN storing_tot timestamptz,
      ADD CONSTRAINT ck_webhook_abonnement_storing_soort CHECK (storing_soort IN ('UITSTEL', 'MISLUKT'))`);
    await q.query(`ALTER TABLE conformance_storing DROP CONSTRAINT ck_conformance_storing_soort,
      ADD CONSTRAINT ck_conformance_storing_soort CHECK (soort IN ('STATUS', 'VERTRAGING', 'VERBINDING_VERBREKEN', 'WEBHOOK_UITSTEL', 'WEBHOOK_MISLUKT'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM conformance_storing WHERE soort IN ('WEBHOOK_UITSTEL', 'WEBHOOK_MISLUKT')`);
    await q.query(`ALTER TABLE conformance_storing DROP CONSTRAINT ck_conformance_storing_soort,
      ADD CONSTRAINT ck_conformance_storing_soort CHECK (soort IN ('STATUS', 'VERTRAGING', 'VERBINDING_VERBREKEN'))`);
    await q.query('ALTER TABLE webhook_abonnement DROP CONSTRAINT ck_webhook_abonnement_storing_soort, DROP COLUMN storing_tot, DROP COLUMN storing_soort');
  }
}
