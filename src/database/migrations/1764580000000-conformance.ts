import { MigrationInterface, QueryRunner } from 'typeorm';

/** Conformance runs: the request journal of every sandbox, graded runs of proefgevallen, and fault-injection rules. */
export class Conformance1764580000000 implements MigrationInterface {
  name = 'Conformance1764580000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE conformance_journaal (
        id bigserial CONSTRAINT pk_conformance_journaal PRIMARY KEY,
        sandbox_id uuid NOT NULL CONSTRAINT fk_conformance_journaal_sandbox REFERENCES sandbox (id) ON DELETE CASCADE,
        client_id varchar(100) NOT NULL,
        tijdstip timestamptz NOT NULL,
        methode varchar(10) NOT NULL,
        pad varchar(2000) NOT NULL,
        status int NOT NULL,
        codes text[] NOT NULL,
        bedrijfsdocument_id uuid,
        idempotency_key varchar(255),
        herhaald boolean NOT NULL DEFAULT false,
        storing_id uuid,
        duur_ms real NOT NULL,
        correlation_id varchar(100) NOT NULL,
        verzoek jsonb,
        antwoord jsonb
      )`);
    await q.query('CREATE INDEX ix_conformance_journaal_client ON conformance_journaal (sandbox_id, client_id, id)');
    await q.query('CREATE INDEX ix_conformance_journaal_bedrijfsdocument ON conformance_journaal (sandbox_id, bedrijfsdocument_id)');
    await q.query('CREATE INDEX ix_conformance_journaal_tijdstip ON conformance_journaal (tijdstip)');
    await q.query(`
      CREATE TABLE conformance_run (
        id uuid CONSTRAINT pk_conformance_run PRIMARY KEY,
        sandbox_id uuid NOT NULL CONSTRAINT fk_conformance_run_sandbox REFERENCES sandbox (id) ON DELETE CASCADE,
        client_id varchar(100) NOT NULL,
        catalogus_versie varchar(20) NOT NULL,
        gestart_op timestamptz NOT NULL,
        afgerond_op timestamptz,
        uitslag jsonb
      )`);
    await q.query('CREATE INDEX ix_conformance_run_client ON conformance_run (sandbox_id, client_id, gestart_op)');
    await q.query(`
      CREATE TABLE conformance_storing (
        id uuid CONSTRAINT pk_conformance_storing PRIMARY KEY,
        sandbox_id uuid NOT NULL CONSTRAINT fk_conformance_storing_sandbox REFERENCES sandbox (id) ON DELETE CASCADE,
        client_id varchar(100),
        aangemaakt_door varchar(100) NOT NULL,
        methode varchar(10),
        pad_patroon varchar(500) NOT NULL,
        kans real,
        elke_nde int,
        teller int NOT NULL DEFAULT 0,
        soort varchar(30) NOT NULL,
        status int,
        retry_after int,
        vertraging_ms int,
        schrijven varchar(30) NOT NULL,
        vanaf timestamptz,
        tot timestamptz,
        aangemaakt_op timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_conformance_storing_soort CHECK (soort IN ('STATUS', 'VERTRAGING', 'VERBINDING_VERBREKEN')),
        CONSTRAINT ck_conformance_storing_schrijven CHECK (schrijven IN ('NIET_OPSLAAN', 'OPSLAAN_DAN_STORING'))
      )`);
    await q.query('CREATE INDEX ix_conformance_storing_sandbox ON conformance_storing (sandbox_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE conformance_storing');
    await q.query('DROP TABLE conformance_run');
    await q.query('DROP TABLE conformance_journaal');
  }
}
