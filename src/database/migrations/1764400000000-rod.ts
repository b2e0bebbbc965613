import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * ROD po: the simulated persoonsregister (BRP stand-in plus DUO-issued onderwijsnummers), mandates
 * of LAS vendors per school (the OSR equivalent), inschrijvingen with their periodes, every accepted
 * version, answered bedrijfsdocumenten (natural idempotency) and kennisgevingen.
 */
export class Rod1764400000000 implements MigrationInterface {
  name = 'Rod1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rod_persoon (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        sandbox_id uuid NOT NULL,
        burgerservicenummer char(9) NULL,
        onderwijsnummer char(9) NULL,
        geboortedatum varchar(10) NOT NULL,
        geslacht char(1) NOT NULL,
        achternaam varchar(200) NOT NULL,
        voorvoegsels varchar(20) NULL,
        voornamen varchar(200) NULL,
        straatnaam varchar(200) NULL,
        huisnummer integer NULL,
        huisnummertoevoeging varchar(10) NULL,
        postcode char(6) NULL,
        plaatsnaam varchar(100) NULL,
        landcode char(4) NOT NULL DEFAULT '6030',
        persona varchar(50) NULL,
        bsn_toegekend_op timestamptz NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_rod_persoon PRIMARY KEY (id),
        CONSTRAINT fk_rod_persoon_sandbox FOREIGN KEY (sandbox_id) REFERENCES sandbox (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_rod_persoon_bsn ON rod_persoon (sandbox_id, burgerservicenummer) WHERE burgerservicenummer IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX uq_rod_persoon_onderwijsnummer ON rod_persoon (sandbox_id, onderwijsnummer) WHERE onderwijsnummer IS NOT NULL`);
    await q.query(`CREATE INDEX ix_rod_persoon_geboortedatum ON rod_persoon (sandbox_id, geboortedatum)`);

    await q.query(`
      CREATE TABLE rod_machtiging (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        sandbox_id uuid NOT NULL,
        oin char(20) NOT NULL,
        instellingscode char(4) NOT NULL,
        geldig_vanaf date NOT NULL,
        geldig_tot date NULL,
        verleend_door varchar(100) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_rod_machtiging PRIMARY KEY (id),
        CONSTRAINT fk_rod_machtiging_sandbox FOREIGN KEY (sandbox_id) REFERENCES sandbox (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_rod_machtiging_oin_instelling ON rod_machtiging (sandbox_id, oin, instellingscode)`);
    await q.query(`CREATE INDEX ix_rod_machtiging_instelling ON rod_machtiging (sandbox_id, instellingscode)`);

    await q.query(`
      CREATE TABLE rod_inschrijving (
        id uuid NOT NULL,
        sandbox_id uuid NOT NULL,
        persoon_id uuid NOT NULL,
        instellingscode char(4) NOT NULL,
        inschrijvingvolgnummer varchar(20) NOT NULL,
        datum_inschrijving date NOT NULL,
        datum_uitschrijving date NULL,
        nnca varchar(2) NULL,
        ontwikkelingsperspectief jsonb NOT NULL DEFAULT '[]',
        versie integer NOT NULL,
        inhoud_hash char(64) NOT NULL,
        meldingen jsonb NOT NULL DEFAULT '[]',
        bedrijfsdocument_id uuid NOT NULL,
        aangeleverd_door varchar(100) NOT NULL,
        aangeleverd_oin char(20) NOT NULL,
        eerst_ontvangen_op timestamptz NOT NULL,
        ontvangen_op timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_rod_inschrijving PRIMARY KEY (id),
        CONSTRAINT fk_rod_inschrijving_sandbox FOREIGN KEY (sandbox_id) REFERENCES sandbox (id) ON DELETE CASCADE,
        CONSTRAINT fk_rod_inschrijving_persoon FOREIGN KEY (persoon_id) REFERENCES rod_persoon (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_rod_inschrijving_sleutel ON rod_inschrijving (sandbox_id, instellingscode, persoon_id, inschrijvingvolgnummer)`);
    await q.query(`CREATE INDEX ix_rod_inschrijving_persoon ON rod_inschrijving (sandbox_id, persoon_id)`);
    await q.query(`CREATE INDEX ix_rod_inschrijving_instelling_datum ON rod_inschrijving (sandbox_id, instellingscode, datum_inschrijving)`);

    await q.query(`
      CREATE TABLE rod_inschrijving_periode (
        inschrijving_id uuid NOT NULL,
        volgnummer smallint NOT NULL,
        sandbox_id uuid NOT NULL,
        datum_begin date NOT NULL,
        datum_einde date NULL,
        vestigingscode char(6) NOT NULL,
        onderwijsaanbiedercode char(7) NOT NULL,
        onderwijslocatiecode char(7) NOT NULL,
        groep smallint NOT NULL,
        leerjaar smallint NULL,
        indicatie_bekostiging boolean NULL,
        CONSTRAINT pk_rod_inschrijving_periode PRIMARY KEY (inschrijving_id, volgnummer),
        CONSTRAINT fk_rod_inschrijving_periode_sandbox FOREIGN KEY (sandbox_id) REFERENCES sandbox (id) ON DELETE CASCADE,
        CONSTRAINT fk_rod_inschrijving_periode_inschrijving FOREIGN KEY (inschrijving_id) REFERENCES rod_inschrijving (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX ix_rod_inschrijving_periode_vestiging ON rod_inschrijving_periode (sandbox_id, vestigingscode, datum_begin)`);

    await q.query(`
      CREATE TABLE rod_inschrijving_versie (
        inschrijving_id uuid NOT NULL,
        versie integer NOT NULL,
        sandbox_id uuid NOT NULL,
        soort varchar(20) NOT NULL,
        persoon_id uuid NOT NULL,
        instellingscode char(4) NOT NULL,
        inschrijvingvolgnummer varchar(20) NOT NULL,
        inhoud jsonb NOT NULL,
        meldingen jsonb NOT NULL DEFAULT '[]',
        bedrijfsdocument_id uuid NOT NULL,
        datum_tijd_bedrijfsdocument timestamptz NOT NULL,
        client_id varchar(100) NOT NULL,
        oin char(20) NOT NULL,
        ontvangen_op timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_rod_inschrijving_versie PRIMARY KEY (inschrijving_id, versie),
        CONSTRAINT fk_rod_inschrijving_versie_sandbox FOREIGN KEY (sandbox_id) REFERENCES sandbox (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX ix_rod_inschrijving_versie_instelling ON rod_inschrijving_versie (sandbox_id, instellingscode)`);

    await q.query(`
      CREATE TABLE rod_bedrijfsdocument (
        sandbox_id uuid NOT NULL,
        oin char(20) NOT NULL,
        identificatiecode uuid NOT NULL,
        soort varchar(20) NOT NULL,
        request_hash char(64) NOT NULL,
        status_code integer NOT NULL,
        antwoord jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_rod_bedrijfsdocument PRIMARY KEY (sandbox_id, oin, identificatiecode),
        CONSTRAINT fk_rod_bedrijfsdocument_sandbox FOREIGN KEY (sandbox_id) REFERENCES sandbox (id) ON DELETE CASCADE
      )`);

    await q.query(`
      CREATE TABLE rod_kennisgeving (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        sandbox_id uuid NOT NULL,
        persoon_id uuid NOT NULL,
        soort varchar(30) NOT NULL,
        instellingscode char(4) NOT NULL,
        inschrijving_id uuid NOT NULL,
        andere_instellingscode char(4) NOT NULL,
        andere_inschrijving_id uuid NOT NULL,
        andere_datum_inschrijving date NOT NULL,
        andere_datum_uitschrijving date NULL,
        event_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_rod_kennisgeving PRIMARY KEY (id),
        CONSTRAINT fk_rod_kennisgeving_sandbox FOREIGN KEY (sandbox_id) REFERENCES sandbox (id) ON DELETE CASCADE,
        CONSTRAINT fk_rod_kennisgeving_persoon FOREIGN KEY (persoon_id) REFERENCES rod_persoon (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX ix_rod_kennisgeving_instelling ON rod_kennisgeving (sandbox_id, instellingscode)`);
    await q.query(`CREATE INDEX ix_rod_kennisgeving_persoon ON rod_kennisgeving (sandbox_id, persoon_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE rod_kennisgeving');
    await q.query('DROP TABLE rod_bedrijfsdocument');
    await q.query('DROP TABLE rod_inschrijving_versie');
    await q.query('DROP TABLE rod_inschrijving_periode');
    await q.query('DROP TABLE rod_inschrijving');
    await q.query('DROP TABLE rod_machtiging');
    await q.query('DROP TABLE rod_persoon');
  }
}
