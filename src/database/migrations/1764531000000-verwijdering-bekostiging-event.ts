import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A status removed with its inschrijving (AanleverenVerwijderingInschrijvingBO) is a status change, and rod.md §8.4
 * pushes every status change: the LAS would otherwise keep a stale BEKOSTIGD. The statement trigger that removes the
 * statuses now also writes, in the same statement, one Bekostigingsstatus event per removed status: NIET_BEKOSTIGD with
 * B01 (not ingeschreven: the inschrijving no longer exists), aanleiding VERWIJDERING, at the sandbox's clock.
 * A sandbox reset or delete removes the statuses before the inschrijvingen, so it writes no events.
 */
export class VerwijderingBekostigingEvent1764531000000 implements MigrationInterface {
  name = 'VerwijderingBekostigingEvent1764531000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION rod_inschrijving_weg_bekostiging() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtextextended('bekostiging:' || s.sandbox_id::text, 0)) FROM (SELECT DISTINCT sandbox_id FROM weg ORDER BY 1) s;
        WITH d AS (
          DELETE FROM bekostigingsstatus b USING weg WHERE b.inschrijving_id = weg.id RETURNING b.*),
        klok AS (
          SELECT sb.id AS sandbox_id, coalesce(sb.clock_frozen_at, now() + sb.clock_offset_ms * interval '1 millisecond') AS nu
            FROM sandbox sb WHERE sb.id IN (SELECT DISTINCT sandbox_id FROM d))
        INSERT INTO outbox_event (sandbox_id, event_id, type, source, subject, instellingscode, ordering_key, time, data)
        SELECT d.sandbox_id, gen_random_uuid(), 'nl.duo.rod.bekostigingsstatus-gewijzigd', 'urn:nld:oin:00000001800866472000:systeem:rod-po',
               'inschrijving/' || d.inschrijving_id, d.instellingscode, d.persoon_id::text, klok.nu,
               jsonb_build_object(
                 'inschrijvingId', d.inschrijving_id,
                 'inschrijvingvolgnummer', d.inschrijvingvolgnummer,
                 'instellingscode', d.instellingscode,
                 'vestigingscode', d.vestigingscode,
                 'persoonsgebondenNummer', CASE WHEN pe.burgerservicenummer IS NOT NULL THEN jsonb_build_object('burgerservicenummer', pe.burgerservicenummer)
                                                ELSE jsonb_build_object('onderwijsnummer', pe.onderwijsnummer) END,
                 'teldatum', d.teldatum,
                 'soortBekostiging', d.soort_bekostiging,
                 'status', 'NIET_BEKOSTIGD',
                 'statusBepaling', d.status_bepaling,
                 'signalen', bekostigingssignalen_json(ARRAY['B01_niet_ingeschreven_op_teldatum']),
                 'datumTijdBepaling', to_char(klok.nu AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                 'aanleiding', 'VERWIJDERING')
          FROM d JOIN klok ON klok.sandbox_id = d.sandbox_id JOIN rod_persoon pe ON pe.id = d.persoon_id
         ORDER BY d.persoon_id, d.teldatum, d.inschrijving_id;
        RETURN NULL;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION rod_inschrijving_weg_bekostiging() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtextextended('bekostiging:' || s.sandbox_id::text, 0)) FROM (SELECT DISTINCT sandbox_id FROM weg ORDER BY 1) s;
        DELETE FROM bekostigingsstatus b USING weg WHERE b.inschrijving_id = weg.id;
        RETURN NULL;
      END $$`);
  }
}
