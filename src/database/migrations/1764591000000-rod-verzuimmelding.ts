import { MigrationInterface, QueryRunner } from 'typeorm';

/** Verzuimmeldingen: each one stored under a meldingsnummer the LAS can look it up by. */
export class RodVerzuimmelding1764591000000 implements MigrationInterface {
  name = 'RodVerzuimmelding1764591000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE SEQUENCE rod_verzuimmelding_nummer_seq');
    await q.query(`
      CREATE TABLE rod_verzuimmelding (
        meldingsnummer varchar(12) CONSTRAINT pk_rod_verzuimmelding PRIMARY KEY,
        sandbox_id uuid NOT NULL CONSTRAINT fk_rod_verzuimmelding_sandbox REFERENCES sandbox (id) ON DELETE CASCADE,
        persoon_id uuid NOT NULL,
        instellingscode char(4) NOT NULL,
        soort_verzuim varchar(20) NOT NULL,
        datum_begin date NOT NULL,
        datum_einde date,
        inhoud jsonb NOT NULL,
        meldingen jsonb NOT NULL,
        bedrijfsdocument_id uuid NOT NULL,
        client_id varchar(100) NOT NULL,
        oin char(20) NOT NULL,
        ontvangen_op timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX ix_rod_verzuimmelding_persoon ON rod_verzuimmelding (sandbox_id, persoon_id, instellingscode)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE rod_verzuimmelding');
    await q.query('DROP SEQUENCE rod_verzuimmelding_nummer_seq');
  }
}
