import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Overgangen (rio.md §4 Instellingsrelatie OVERGANG_VOLLEDIG, open-data `overgangen`): the bevoegd gezag of a BRIN4 becomes
 * dated, one row per period (begindatum inclusive, einddatum exclusive, rio.md §6), and each move of a BRIN4 from one
 * bestuur to another is kept with what moved along. The existing link becomes the first and only period of every BRIN4.
 */
export class RioOvergang1764690000000 implements MigrationInterface {
  name = 'RioOvergang1764690000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rio_instelling_bestuur (
        sandbox_id uuid NOT NULL,
        instellingscode varchar(4) NOT NULL,
        begindatum date NOT NULL,
        einddatum date,
        onderwijsbestuurcode varchar(7) NOT NULL,
        CONSTRAINT pk_rio_instelling_bestuur PRIMARY KEY (sandbox_id, instellingscode, begindatum),
        CONSTRAINT fk_rio_instelling_bestuur_sandbox FOREIGN KEY (sandbox_id) REFERENCES sandbox (id) ON DELETE CASCADE,
        CONSTRAINT fk_rio_instelling_bestuur_erkenning FOREIGN KEY (sandbox_id, instellingscode) REFERENCES rio_instellingserkenning (sandbox_id, code) ON DELETE CASCADE,
        CONSTRAINT fk_rio_instelling_bestuur_bestuur FOREIGN KEY (sandbox_id, onderwijsbestuurcode) REFERENCES rio_onderwijsbestuur (sandbox_id, code)
      )`);
    await q.query('CREATE INDEX ix_rio_instelling_bestuur_bestuur ON rio_instelling_bestuur (sandbox_id, onderwijsbestuurcode)');
    await q.query(`
      INSERT INTO rio_instelling_bestuur (sandbox_id, instellingscode, begindatum, einddatum, onderwijsbestuurcode)
      SELECT sandbox_id, code, in_bedrijfdatum, uit_bedrijfdatum, onderwijsbestuurcode FROM rio_instellingserkenning WHERE onderwijsbestuurcode IS NOT NULL`);
    await q.query(`
      CREATE TABLE rio_overgang (
        sandbox_id uuid NOT NULL,
        id uuid NOT NULL,
        soort varchar(30) NOT NULL,
        instellingscode varchar(4) NOT NULL,
        van_onderwijsbestuurcode varchar(7) NOT NULL,
        naar_onderwijsbestuurcode varchar(7) NOT NULL,
        overgangsdatum date NOT NULL,
        vestigingscodes text[] NOT NULL,
        onderwijsaanbiedercodes text[] NOT NULL,
        onderwijslocatiecodes text[] NOT NULL,
        geregistreerd_op timestamptz NOT NULL,
        CONSTRAINT pk_rio_overgang PRIMARY KEY (sandbox_id, id),
        CONSTRAINT uq_rio_overgang_instelling_datum UNIQUE (sandbox_id, instellingscode, overgangsdatum),
        CONSTRAINT fk_rio_overgang_sandbox FOREIGN KEY (sandbox_id) REFERENCES sandbox (id) ON DELETE CASCADE,
        CONSTRAINT fk_rio_overgang_erkenning FOREIGN KEY (sandbox_id, instellingscode) REFERENCES rio_instellingserkenning (sandbox_id, code) ON DELETE CASCADE,
        CONSTRAINT fk_rio_overgang_van FOREIGN KEY (sandbox_id, van_onderwijsbestuurcode) REFERENCES rio_onderwijsbestuur (sandbox_id, code),
        CONSTRAINT fk_rio_overgang_naar FOREIGN KEY (sandbox_id, naar_onderwijsbestuurcode) REFERENCES rio_onderwijsbestuur (sandbox_id, code)
      )`);
    await q.query('CREATE INDEX ix_rio_overgang_datum ON rio_overgang (sandbox_id, overgangsdatum)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE rio_overgang');
    await q.query('DROP TABLE rio_instelling_bestuur');
  }
}
