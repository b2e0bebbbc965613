import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What DUO pushes to the LAS: a commit-ordered feed position on every outbox event (the pull feed's cursor),
 * webhook subscriptions per vendor client, one delivery row per event per subscription, and every attempt.
 */
export class Berichten1764405000000 implements MigrationInterface {
  name = 'Berichten1764405000000';

  async up(q: QueryRunner): Promise<void> {
    // Given by the sequencer after commit, in commit order: a reader never sees position n+1 before n.
    await q.query(`ALTER TABLE outbox_event ADD COLUMN feed_positie bigint NULL`);
    await q.query(`CREATE UNIQUE INDEX uq_outbox_event_feed_positie ON outbox_event (feed_positie)`);
    await q.query(`CREATE INDEX ix_outbox_event_sandbox_feed_positie ON outbox_event (sandbox_id, feed_positie)`);
    await q.query(`CREATE INDEX ix_outbox_event_ongepositioneerd ON outbox_event (seq) WHERE feed_positie IS NULL`);

    await q.query(`
      CREATE TABLE webhook_abonnement (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        sandbox_id uuid NOT NULL,
        client_id varchar(100) NOT NULL,
        oin char(20) NOT NULL,
        url varchar(2000) NOT NULL,
        types text[] NULL,
        geheim varchar(100) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_webhook_abonnement PRIMARY KEY (id),
        CONSTRAINT fk_webhook_abonnement_sandbox FOREIGN KEY (sandbox_id) REFERENCES sandbox (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX ix_webhook_abonnement_client ON webhook_abonnement (sandbox_id, client_id)`);

    await q.query(`
      CREATE TABLE webhook_aflevering (
        id bigserial NOT NULL,
        sandbox_id uuid NOT NULL,
        abonnement_id uuid NOT NULL,
        event_seq bigint NOT NULL,
        event_id uuid NOT NULL,
        feed_positie bigint NOT NULL,
        ordering_key varchar(200) NOT NULL,
        status varchar(12) NOT NULL DEFAULT 'WACHTEND',
        pogingen integer NOT NULL DEFAULT 0,
        pogingen_totaal integer NOT NULL DEFAULT 0,
        volgende_poging_op timestamptz NOT NULL DEFAULT now(),
        geclaimd_tot timestamptz NULL,
        laatste_status_code integer NULL,
        laatste_fout varchar(500) NULL,
        geleverd_op timestamptz NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_webhook_aflevering PRIMARY KEY (id),
        CONSTRAINT uq_webhook_aflevering_abonnement_event UNIQUE (abonnement_id, event_seq),
        CONSTRAINT ck_webhook_aflevering_status CHECK (status IN ('WACHTEND', 'GELEVERD', 'DEAD_LETTER')),
        CONSTRAINT fk_webhook_aflevering_sandbox FOREIGN KEY (sandbox_id) REFERENCES sandbox (id) ON DELETE CASCADE,
        CONSTRAINT fk_webhook_aflevering_abonnement FOREIGN KEY (abonnement_id) REFERENCES webhook_abonnement (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX ix_webhook_aflevering_wachtend ON webhook_aflevering (volgende_poging_op, feed_positie) WHERE status = 'WACHTEND'`);
    await q.query(`CREATE INDEX ix_webhook_aflevering_volgorde ON webhook_aflevering (abonnement_id, ordering_key, feed_positie) WHERE status = 'WACHTEND'`);
    await q.query(`CREATE INDEX ix_webhook_aflevering_abonnement_positie ON webhook_aflevering (abonnement_id, feed_positie)`);

    await q.query(`
      CREATE TABLE webhook_poging (
        aflevering_id bigint NOT NULL,
        nummer integer NOT NULL,
        sandbox_id uuid NOT NULL,
        gestart_op timestamptz NOT NULL,
        duur_ms integer NOT NULL,
        status_code integer NULL,
        fout varchar(500) NULL,
        CONSTRAINT pk_webhook_poging PRIMARY KEY (aflevering_id, nummer),
        CONSTRAINT fk_webhook_poging_sandbox FOREIGN KEY (sandbox_id) REFERENCES sandbox (id) ON DELETE CASCADE,
        CONSTRAINT fk_webhook_poging_aflevering FOREIGN KEY (aflevering_id) REFERENCES webhook_aflevering (id) ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE webhook_poging');
    await q.query('DROP TABLE webhook_aflevering');
    await q.query('DROP TABLE webhook_abonnement');
    await q.query('DROP INDEX ix_outbox_event_ongepositioneerd');
    await q.query('DROP INDEX ix_outbox_event_sandbox_feed_positie');
    await q.query('DROP INDEX uq_outbox_event_feed_positie');
    await q.query('ALTER TABLE outbox_event DROP COLUMN feed_positie');
  }
}
