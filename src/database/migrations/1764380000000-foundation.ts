import { MigrationInterface, QueryRunner } from 'typeorm';

/** Sandboxes, API clients and their sandbox bindings, idempotency keys, used client assertions. */
export class Foundation1764380000000 implements MigrationInterface {
  name = 'Foundation1764380000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sandbox (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        code varchar(63) NOT NULL,
        naam varchar(200) NOT NULL,
        seed_scale varchar(20) NOT NULL,
        seed_value integer NOT NULL,
        is_default boolean NOT NULL DEFAULT false,
        clock_frozen_at timestamptz NULL,
        clock_offset_ms bigint NOT NULL DEFAULT 0,
        last_reset_at timestamptz NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_sandbox PRIMARY KEY (id)
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_sandbox_code ON sandbox (code)`);
    await q.query(`
      CREATE TABLE api_client (
        client_id varchar(100) NOT NULL,
        naam varchar(200) NOT NULL,
        role varchar(20) NOT NULL,
        oin char(20) NOT NULL,
        secret_hash text NULL,
        secret_rotated_at timestamptz NULL,
        public_key_pem text NULL,
        scopes text[] NOT NULL DEFAULT '{}',
        bestuurcodes text[] NOT NULL DEFAULT '{}',
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_api_client PRIMARY KEY (client_id)
      )`);
    await q.query(`
      CREATE TABLE api_client_sandbox (
        client_id varchar(100) NOT NULL,
        sandbox_id uuid NOT NULL,
        CONSTRAINT pk_api_client_sandbox PRIMARY KEY (client_id, sandbox_id),
        CONSTRAINT fk_api_client_sandbox_client FOREIGN KEY (client_id) REFERENCES api_client (client_id) ON DELETE CASCADE ON UPDATE CASCADE,
        CONSTRAINT fk_api_client_sandbox_sandbox FOREIGN KEY (sandbox_id) REFERENCES sandbox (id) ON DELETE CASCADE ON UPDATE CASCADE
      )`);
    await q.query(`CREATE INDEX ix_api_client_sandbox_client_id ON api_client_sandbox (client_id)`);
    await q.query(`CREATE INDEX ix_api_client_sandbox_sandbox_id ON api_client_sandbox (sandbox_id)`);
    await q.query(`
      CREATE TABLE idempotency_key (
        sandbox_id uuid NOT NULL,
        client_id varchar(100) NOT NULL,
        idempotency_key varchar(255) NOT NULL,
        method varchar(10) NOT NULL,
        path text NOT NULL,
        request_hash char(64) NOT NULL,
        state varchar(10) NOT NULL,
        status_code integer NULL,
        response_body jsonb NULL,
        content_type varchar(100) NULL,
        started_at timestamptz NOT NULL,
        completed_at timestamptz NULL,
        CONSTRAINT pk_idempotency_key PRIMARY KEY (sandbox_id, client_id, idempotency_key),
        CONSTRAINT fk_idempotency_key_sandbox FOREIGN KEY (sandbox_id) REFERENCES sandbox (id) ON DELETE CASCADE,
        CONSTRAINT ck_idempotency_key_state CHECK (state IN ('started', 'done'))
      )`);
    await q.query(`CREATE INDEX ix_idempotency_key_started_at ON idempotency_key (started_at)`);
    await q.query(`
      CREATE TABLE client_assertion_jti (
        client_id varchar(100) NOT NULL,
        jti varchar(200) NOT NULL,
        expires_at timestamptz NOT NULL,
        CONSTRAINT pk_client_assertion_jti PRIMARY KEY (client_id, jti),
        CONSTRAINT fk_client_assertion_jti_client FOREIGN KEY (client_id) REFERENCES api_client (client_id) ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE client_assertion_jti');
    await q.query('DROP TABLE idempotency_key');
    await q.query('DROP TABLE api_client_sandbox');
    await q.query('DROP TABLE api_client');
    await q.query('DROP TABLE sandbox');
  }
}
