import { MigrationInterface, QueryRunner } from 'typeorm';

/** AanleverenAdviesVO: one schooladvies per pupil, school and adviesjaar (a resend replaces it), with every version kept. */
export class RodAdviesVo1764590000000 implements MigrationInterface {
  name = 'RodAdviesVo1764590000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rod_advies_vo (
        id uuid CONSTRAINT pk_rod_advies_vo PRIMARY KEY,
        sandbox_id uuid NOT NULL CONSTRAINT fk_rod_advies_vo_sandbox REFERENCES sandbox (id) ON DELETE CASCADE,
        persoon_id uuid NOT NULL,
        instellingscode char(4) NOT NULL,
        adviesjaar int NOT NULL,
        adviesvolgnummer varchar(20) NOT NULL,
        versie int NOT NULL,
        inhoud_hash char(64) NOT NULL,
        inhoud jsonb NOT NULL,
        meldingen jsonb NOT NULL,
        bedrijfsdocument_id uuid NOT NULL,
        aangeleverd_oin char(20) NOT NULL,
        ontvangen_op timestamptz NOT NULL,
        CONSTRAINT uq_rod_advies_vo_leerling_jaar UNIQUE (sandbox_id, persoon_id, instellingscode, adviesjaar)
      )`);
    await q.query('CREATE INDEX ix_rod_advies_vo_instelling ON rod_advies_vo (sandbox_id, instellingscode, adviesjaar)');
    await q.query(`
      CREATE TABLE rod_advies_vo_versie (
        advies_id uuid NOT NULL CONSTRAINT fk_rod_advies_vo_versie_advies REFERENCES rod_advies_vo (id) ON DELETE CASCADE,
        versie int NOT NULL,
        sandbox_id uuid NOT NULL,
        inhoud jsonb NOT NULL,
        meldingen jsonb NOT NULL,
        bedrijfsdocument_id uuid NOT NULL,
        datum_tijd_bedrijfsdocument timestamptz NOT NULL,
        client_id varchar(100) NOT NULL,
        oin char(20) NOT NULL,
        ontvangen_op timestamptz NOT NULL,
        CONSTRAINT pk_rod_advies_vo_versie PRIMARY KEY (advies_id, versie)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE rod_advies_vo_versie');
    await q.query('DROP TABLE rod_advies_vo');
  }
}
