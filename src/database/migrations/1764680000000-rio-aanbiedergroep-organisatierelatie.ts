import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Onderwijsaanbiedergroepen (nnnGnnn) with their periodes, dated members and optional bestuur, and the
 * organisatierelaties (HIERARCHISCH, OVERGANG) between organisatorische eenheden (rio.md §3).
 */
export class RioAanbiedergroepOrganisatierelatie1764680000000 implements MigrationInterface {
  name = 'RioAanbiedergroepOrganisatierelatie1764680000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rio_onderwijsaanbiedergroep (
        sandbox_id uuid NOT NULL,
        code varchar(7) NOT NULL,
        onderwijsbestuurcode varchar(7),
        in_bedrijfdatum date NOT NULL,
        uit_bedrijfdatum date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_rio_onderwijsaanbiedergroep PRIMARY KEY (sandbox_id, code),
        CONSTRAINT fk_rio_onderwijsaanbiedergroep_sandbox FOREIGN KEY (sandbox_id) REFERENCES sandbox (id) ON DELETE CASCADE,
        CONSTRAINT fk_rio_onderwijsaanbiedergroep_bestuur FOREIGN KEY (sandbox_id, onderwijsbestuurcode) REFERENCES rio_onderwijsbestuur (sandbox_id, code)
      )`);
    await q.query('CREATE INDEX ix_rio_onderwijsaanbiedergroep_bestuur ON rio_onderwijsaanbiedergroep (sandbox_id, onderwijsbestuurcode)');
    await q.query(`
      CREATE TABLE rio_onderwijsaanbiedergroep_periode (
        sandbox_id uuid NOT NULL,
        onderwijsaanbiedergroepcode varchar(7) NOT NULL,
        begindatum date NOT NULL,
        einddatum date,
        naam varchar(80) NOT NULL,
        internationale_naam varchar(225),
        CONSTRAINT pk_rio_onderwijsaanbiedergroep_periode PRIMARY KEY (sandbox_id, onderwijsaanbiedergroepcode, begindatum),
        CONSTRAINT fk_rio_onderwijsaanbiedergroep_periode_sandbox FOREIGN KEY (sandbox_id) REFERENCES sandbox (id) ON DELETE CASCADE,
        CONSTRAINT fk_rio_onderwijsaanbiedergroep_periode_groep FOREIGN KEY (sandbox_id, onderwijsaanbiedergroepcode) REFERENCES rio_onderwijsaanbiedergroep (sandbox_id, code) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE rio_aanbiedergroep_lid (
        sandbox_id uuid NOT NULL,
        onderwijsaanbiedergroepcode varchar(7) NOT NULL,
        onderwijsaanbiedercode varchar(7) NOT NULL,
        begindatum date NOT NULL,
        einddatum date,
        CONSTRAINT pk_rio_aanbiedergroep_lid PRIMARY KEY (sandbox_id, onderwijsaanbiedergroepcode, onderwijsaanbiedercode, begindatum),
        CONSTRAINT fk_rio_aanbiedergroep_lid_sandbox FOREIGN KEY (sandbox_id) REFERENCES sandbox (id) ON DELETE CASCADE,
        CONSTRAINT fk_rio_aanbiedergroep_lid_groep FOREIGN KEY (sandbox_id, onderwijsaanbiedergroepcode) REFERENCES rio_onderwijsaanbiedergroep (sandbox_id, code) ON DELETE CASCADE,
        CONSTRAINT fk_rio_aanbiedergroep_lid_aanbieder FOREIGN KEY (sandbox_id, onderwijsaanbiedercode) REFERENCES rio_onderwijsaanbieder (sandbox_id, code) ON DELETE CASCADE
      )`);
    await q.query('CREATE INDEX ix_rio_aanbiedergroep_lid_aanbieder ON rio_aanbiedergroep_lid (sandbox_id, onderwijsaanbiedercode)');
    await q.query(`
      CREATE TABLE rio_organisatierelatie (
        sandbox_id uuid NOT NULL,
        van_code varchar(7) NOT NULL,
        naar_code varchar(7) NOT NULL,
        soort varchar(20) NOT NULL,
        begindatum date NOT NULL,
        einddatum date,
        CONSTRAINT pk_rio_organisatierelatie PRIMARY KEY (sandbox_id, van_code, naar_code, soort, begindatum),
        CONSTRAINT fk_rio_organisatierelatie_sandbox FOREIGN KEY (sandbox_id) REFERENCES sandbox (id) ON DELETE CASCADE
      )`);
    await q.query('CREATE INDEX ix_rio_organisatierelatie_naar ON rio_organisatierelatie (sandbox_id, naar_code)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE rio_organisatierelatie');
    await q.query('DROP TABLE rio_aanbiedergroep_lid');
    await q.query('DROP TABLE rio_onderwijsaanbiedergroep_periode');
    await q.query('DROP TABLE rio_onderwijsaanbiedergroep');
  }
}
