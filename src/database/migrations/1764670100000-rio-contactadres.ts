import { MigrationInterface, QueryRunner } from 'typeorm';

/** Contactadressen (communicatiecontext, rio.md §3) of an onderwijsbestuur or onderwijsaanbieder, dated. */
export class RioContactadres1764670100000 implements MigrationInterface {
  name = 'RioContactadres1764670100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rio_contactadres (
        sandbox_id uuid NOT NULL,
        code varchar(7) NOT NULL,
        context varchar(30) NOT NULL,
        subcontextnummer integer NOT NULL,
        begindatum date NOT NULL,
        einddatum date,
        subcontext varchar(80),
        types text[] NOT NULL,
        e_mailadres varchar(254),
        telefoonnummer varchar(20),
        webadres varchar(500),
        contactnaam varchar(80),
        CONSTRAINT pk_rio_contactadres PRIMARY KEY (sandbox_id, code, context, subcontextnummer, begindatum),
        CONSTRAINT fk_rio_contactadres_sandbox FOREIGN KEY (sandbox_id) REFERENCES sandbox (id) ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE rio_contactadres');
  }
}
