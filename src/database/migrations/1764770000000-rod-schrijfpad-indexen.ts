import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fewer indexes and checks for every accepted aanlevering to maintain, none that a query or rule needs:
 * - rod_inschrijving: the unique key leads with the person (sandbox, person, school, volgnummer), so it also serves every
 *   lookup of a person's inschrijvingen and the separate person index goes (lookups by school use the school-and-date index).
 * - rod_inschrijving_versie (sandbox, instellingscode): no statement reads versions by school (only by inschrijving).
 * - outbox_event (event_id): no statement looks an event up by its id, which is a random UUID drawn by the database; the
 *   index was written twice per event (at the insert and again when the sequencer positions it).
 */
export class RodSchrijfpadIndexen1764770000000 implements MigrationInterface {
  name = 'RodSchrijfpadIndexen1764770000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX uq_rod_inschrijving_sleutel');
    await q.query('CREATE UNIQUE INDEX uq_rod_inschrijving_sleutel ON rod_inschrijving (sandbox_id, persoon_id, instellingscode, inschrijvingvolgnummer)');
    await q.query('DROP INDEX ix_rod_inschrijving_persoon');
    await q.query('DROP INDEX ix_rod_inschrijving_versie_instelling');
    await q.query('ALTER TABLE outbox_event DROP CONSTRAINT uq_outbox_event_event_id');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE outbox_event ADD CONSTRAINT uq_outbox_event_event_id UNIQUE (event_id)');
    await q.query('CREATE INDEX ix_rod_inschrijving_versie_instelling ON rod_inschrijving_versie (sandbox_id, instellingscode)');
    await q.query('CREATE INDEX ix_rod_inschrijving_persoon ON rod_inschrijving (sandbox_id, persoon_id)');
    await q.query('DROP INDEX uq_rod_inschrijving_sleutel');
    await q.query('CREATE UNIQUE INDEX uq_rod_inschrijving_sleutel ON rod_inschrijving (sandbox_id, instellingscode, persoon_id, inschrijvingvolgnummer)');
  }
}
