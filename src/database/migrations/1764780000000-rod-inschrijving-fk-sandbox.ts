import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Drops the foreign keys from an inschrijving and its periodes to sandbox: both cascade from the sandbox through their
 * person (rod_persoon → sandbox, rod_inschrijving → rod_persoon, rod_inschrijving_periode → rod_inschrijving, all ON
 * DELETE CASCADE), so they guarded nothing the others do not, while every row written paid a check (a bulk load of
 * inschrijvingen spent about a fifth of its write in these two checks).
 */
export class RodInschrijvingFkSandbox1764780000000 implements MigrationInterface {
  name = 'RodInschrijvingFkSandbox1764780000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE rod_inschrijving_periode DROP CONSTRAINT fk_rod_inschrijving_periode_sandbox');
    await q.query('ALTER TABLE rod_inschrijving DROP CONSTRAINT fk_rod_inschrijving_sandbox');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE rod_inschrijving ADD CONSTRAINT fk_rod_inschrijving_sandbox FOREIGN KEY (sandbox_id) REFERENCES sandbox (id) ON DELETE CASCADE');
    await q.query('ALTER TABLE rod_inschrijving_periode ADD CONSTRAINT fk_rod_inschrijving_periode_sandbox FOREIGN KEY (sandbox_id) REFERENCES sandbox (id) ON DELETE CASCADE');
  }
}
