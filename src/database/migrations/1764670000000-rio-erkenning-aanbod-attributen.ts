import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * rio.md §3–§4: the erkenning attributes (erkenner, wet, grondslag, stichtingsdatum, soCluster, formeel instellingsadres),
 * the BevoegdGezagErkenning's soort, and the aangeboden-opleiding attributes afwijkende opleidingsduur, laatste
 * instroomdatum and samenwerkende onderwijsaanbieders. Existing rows get the values every po school had: erkenner OCW,
 * wet WEC for SPEC and WPO otherwise.
 */
export class RioErkenningAanbodAttributen1764670000000 implements MigrationInterface {
  name = 'RioErkenningAanbodAttributen1764670000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rio_onderwijsbestuur ADD COLUMN besturende_organisatiesoort varchar(10)`);
    await q.query(`ALTER TABLE rio_instellingserkenning
      ADD COLUMN erkenner varchar(10) NOT NULL DEFAULT 'OCW',
      ADD COLUMN stichtingsdatum date,
      ADD COLUMN so_cluster varchar(20),
      ADD COLUMN formeel_adres jsonb`);
    await q.query(`ALTER TABLE rio_instellingserkenning_periode
      ADD COLUMN wet varchar(10) NOT NULL DEFAULT 'WPO',
      ADD COLUMN grondslagen text[] NOT NULL DEFAULT '{}'`);
    await q.query(`UPDATE rio_instellingserkenning_periode p SET wet = 'WEC' FROM rio_instellingserkenning i
                    WHERE i.sandbox_id = p.sandbox_id AND i.code = p.instellingscode AND i.soort = 'SPEC'`);
    await q.query(`ALTER TABLE rio_aangeboden_opleiding
      ADD COLUMN laatste_instroomdatum date,
      ADD COLUMN afwijkende_opleidingsduur_eenheid varchar(1),
      ADD COLUMN afwijkende_opleidingsduur_omvang integer`);
    await q.query(`ALTER TABLE rio_aangeboden_opleiding_periode ADD COLUMN samenwerkende_onderwijsaanbiedercodes text[] NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE rio_aangeboden_opleiding_periode DROP COLUMN samenwerkende_onderwijsaanbiedercodes');
    await q.query(`ALTER TABLE rio_aangeboden_opleiding
      DROP COLUMN laatste_instroomdatum, DROP COLUMN afwijkende_opleidingsduur_eenheid, DROP COLUMN afwijkende_opleidingsduur_omvang`);
    await q.query('ALTER TABLE rio_instellingserkenning_periode DROP COLUMN wet, DROP COLUMN grondslagen');
    await q.query('ALTER TABLE rio_instellingserkenning DROP COLUMN erkenner, DROP COLUMN stichtingsdatum, DROP COLUMN so_cluster, DROP COLUMN formeel_adres');
    await q.query('ALTER TABLE rio_onderwijsbestuur DROP COLUMN besturende_organisatiesoort');
  }
}
