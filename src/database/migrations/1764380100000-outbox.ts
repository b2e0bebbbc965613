import { MigrationInterface, QueryRunner } from 'typeorm';

/** The transactional outbox every register writes its events to (delivered by the berichten module). */
export class Outbox1764380100000 implements MigrationInterface {
  name = 'Outbox1764380100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox_event (
        seq bigserial NOT NULL,
        sandbox_id uuid NOT NULL,
        event_id uuid NOT NULL,
        type varchar(200) NOT NULL,
        source varchar(200) NOT NULL,
        subject varchar(200) NOT NULL,
        instellingscode varchar(4) NOT NULL,
        ordering_key varchar(200) NOT NULL,
        time timestamptz NOT NULL,
        data jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_outbox_event PRIMARY KEY (seq),
        CONSTRAINT uq_outbox_event_event_id UNIQUE (event_id),
        CONSTRAINT fk_outbox_event_sandbox FOREIGN KEY (sandbox_id) REFERENCES sandbox (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX ix_outbox_event_sandbox_school_seq ON outbox_event (sandbox_id, instellingscode, seq)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE outbox_event');
  }
}
