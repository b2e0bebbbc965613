import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bekostigingsstatus per inschrijving per teldatum (voorlopig until the teldatum's deadline, then definitief),
 * the per-sandbox marker of what the clock has processed, and the texts of the bekostigingssignalen.
 */
export class Bekostiging1764410000000 implements MigrationInterface {
  name = 'Bekostiging1764410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE bekostigingsstatus (
        inschrijving_id uuid NOT NULL,
        teldatum date NOT NULL,
        sandbox_id uuid NOT NULL,
        persoon_id uuid NOT NULL,
        instellingscode char(4) NOT NULL,
        inschrijvingvolgnummer varchar(20) NOT NULL,
        vestigingscode char(6) NULL,
        soort_bekostiging varchar(12) NOT NULL,
        status varchar(16) NOT NULL,
        status_bepaling char(1) NOT NULL,
        signalen text[] NOT NULL DEFAULT '{}',
        bepaald_op timestamptz NOT NULL,
        CONSTRAINT pk_bekostigingsstatus PRIMARY KEY (inschrijving_id, teldatum),
        CONSTRAINT ck_bekostigingsstatus_status CHECK (status IN ('BEKOSTIGD', 'NIET_BEKOSTIGD')),
        CONSTRAINT ck_bekostigingsstatus_bepaling CHECK (status_bepaling IN ('V', 'D')),
        CONSTRAINT fk_bekostigingsstatus_sandbox FOREIGN KEY (sandbox_id) REFERENCES sandbox (id) ON DELETE CASCADE,
        CONSTRAINT fk_bekostigingsstatus_inschrijving FOREIGN KEY (inschrijving_id) REFERENCES rod_inschrijving (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX ix_bekostigingsstatus_school_teldatum ON bekostigingsstatus (sandbox_id, instellingscode, teldatum)`);
    await q.query(`CREATE INDEX ix_bekostigingsstatus_teldatum ON bekostigingsstatus (sandbox_id, teldatum, status_bepaling)`);

    await q.query(`
      CREATE TABLE klok_planning (
        sandbox_id uuid NOT NULL,
        verwerkt_tot date NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_klok_planning PRIMARY KEY (sandbox_id),
        CONSTRAINT fk_klok_planning_sandbox FOREIGN KEY (sandbox_id) REFERENCES sandbox (id) ON DELETE CASCADE
      )`);

    // Signal codes (rod.md §7.2; B08 extends the table) as the {code, omschrijving} objects of the events.
    await q.query(`
      CREATE FUNCTION bekostigingssignalen_json(codes text[]) RETURNS jsonb LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT coalesce(jsonb_agg(jsonb_build_object('code', c, 'omschrijving', CASE split_part(c, '_', 1)
          WHEN 'B01' THEN 'Niet ingeschreven op de teldatum'
          WHEN 'B02' THEN 'Dubbele inschrijving: bekostigd bij de andere inschrijving'
          WHEN 'B03' THEN 'De school heeft de inschrijving als niet bekostigd aangemerkt'
          WHEN 'B04' THEN 'Na de uiterste registratiedatum van de teldatum in ROD geregistreerd'
          WHEN 'B05' THEN 'Geen geldige toelaatbaarheidsverklaring op de teldatum'
          WHEN 'B06' THEN 'Leeftijd buiten de bekostigde grenzen'
          WHEN 'B07' THEN 'Persoonsgebonden nummer niet geverifieerd'
          WHEN 'B08' THEN 'De vestiging is op de teldatum niet bekostigd in RIO'
          ELSE c END) ORDER BY c), '[]'::jsonb)
        FROM unnest(codes) AS c
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP FUNCTION bekostigingssignalen_json(text[])');
    await q.query('DROP TABLE klok_planning');
    await q.query('DROP TABLE bekostigingsstatus');
  }
}
