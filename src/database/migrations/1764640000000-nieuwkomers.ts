import { MigrationInterface, QueryRunner } from 'typeorm';

/** The signal texts of bekostigingssignalen_json; `extra` adds WHEN lines. */
const signalen = (extra: string) => `
  CREATE OR REPLACE FUNCTION bekostigingssignalen_json(codes text[]) RETURNS jsonb LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(jsonb_agg(jsonb_build_object('code', c, 'omschrijving', CASE split_part(c, '_', 1)
      WHEN 'B01' THEN 'Niet ingeschreven op de teldatum'
      WHEN 'B02' THEN 'Dubbele inschrijving: bekostigd bij de andere inschrijving'
      WHEN 'B03' THEN 'De school heeft de inschrijving als niet bekostigd aangemerkt'
      WHEN 'B04' THEN 'Na de uiterste registratiedatum van de teldatum in ROD geregistreerd'
      WHEN 'B05' THEN 'Geen geldige toelaatbaarheidsverklaring op de teldatum'
      WHEN 'B06' THEN 'Leeftijd buiten de bekostigde grenzen'
      WHEN 'B07' THEN 'Persoonsgebonden nummer niet geverifieerd'
      WHEN 'B08' THEN 'De vestiging is op de teldatum niet bekostigd in RIO'${extra}
      ELSE c END) ORDER BY c), '[]'::jsonb)
    FROM unnest(codes) AS c
  $$`;

/**
 * Nieuwkomers (rod.md §8.1, §8.4): the inschrijving carries the date the pupil settled in the Netherlands, and a pupil who
 * is a nieuwkomer on 1 January, 1 April, 1 July or 1 October gets a second status for that teldatum, soort NIEUWKOMERS,
 * beside its REGULIER or GROEI one. A status is therefore one per inschrijving per teldatum per soortBekostiging.
 * B09: the status of a pupil who no longer counts as a nieuwkomer on the teldatum.
 */
export class Nieuwkomers1764640000000 implements MigrationInterface {
  name = 'Nieuwkomers1764640000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE rod_inschrijving ADD COLUMN datum_vestiging_in_nederland date');
    await q.query('ALTER TABLE bekostigingsstatus DROP CONSTRAINT pk_bekostigingsstatus');
    await q.query('ALTER TABLE bekostigingsstatus ADD CONSTRAINT pk_bekostigingsstatus PRIMARY KEY (inschrijving_id, teldatum, soort_bekostiging)');
    await q.query(`ALTER TABLE bekostigingsstatus ADD CONSTRAINT ck_bekostigingsstatus_soort CHECK (soort_bekostiging IN ('REGULIER', 'GROEI', 'NIEUWKOMERS'))`);
    await q.query(signalen(`\n      WHEN 'B09' THEN 'Geen nieuwkomer op de teldatum (minder dan twee jaar in Nederland)'`));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(signalen(''));
    await q.query('ALTER TABLE bekostigingsstatus DROP CONSTRAINT ck_bekostigingsstatus_soort');
    await q.query(`DELETE FROM bekostigingsstatus WHERE soort_bekostiging = 'NIEUWKOMERS'`);
    await q.query('ALTER TABLE bekostigingsstatus DROP CONSTRAINT pk_bekostigingsstatus');
    await q.query('ALTER TABLE bekostigingsstatus ADD CONSTRAINT pk_bekostigingsstatus PRIMARY KEY (inschrijving_id, teldatum)');
    await q.query('ALTER TABLE rod_inschrijving DROP COLUMN datum_vestiging_in_nederland');
  }
}
