import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * BRON po → ROD po migration: a migration job per sandbox with its files (content hash: the same file twice is
 * recognised), the staged inschrijvingen of those files (one row per inschrijving, its persoon and periodes with it),
 * the verdict per staged row (converted or rejected with ROD's foutcodes), and per sandbox the freeze and the
 * aansluitdatum per BRIN4.
 */
export class Bron1764510000000 implements MigrationInterface {
  name = 'Bron1764510000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE bron_migratie (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        sandbox_id uuid NOT NULL,
        status varchar(30) NOT NULL,
        proefdraai jsonb NULL,
        fasen jsonb NOT NULL DEFAULT '{}',
        fout text NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_bron_migratie PRIMARY KEY (id),
        CONSTRAINT fk_bron_migratie_sandbox FOREIGN KEY (sandbox_id) REFERENCES sandbox (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX ix_bron_migratie_sandbox ON bron_migratie (sandbox_id, created_at)`);
    await q.query(`
      CREATE TABLE bron_bestand (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        migratie_id uuid NOT NULL,
        sandbox_id uuid NOT NULL,
        bestandsnaam varchar(100) NOT NULL,
        inhoud_hash char(64) NOT NULL,
        grootte bigint NOT NULL,
        instellingscode char(4) NULL,
        status varchar(20) NOT NULL,
        fouten jsonb NOT NULL DEFAULT '[]',
        aantal_regels integer NOT NULL DEFAULT 0,
        aantal_leerlingen integer NOT NULL DEFAULT 0,
        aantal_inschrijvingen integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_bron_bestand PRIMARY KEY (id),
        CONSTRAINT fk_bron_bestand_migratie FOREIGN KEY (migratie_id) REFERENCES bron_migratie (id) ON DELETE CASCADE,
        CONSTRAINT fk_bron_bestand_sandbox FOREIGN KEY (sandbox_id) REFERENCES sandbox (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_bron_bestand_hash ON bron_bestand (migratie_id, inhoud_hash)`);
    // Staging: written with COPY, no foreign keys or indexes beyond what the conversion reads by.
    await q.query(`
      CREATE TABLE bron_staging (
        migratie_id uuid NOT NULL,
        nr bigint NOT NULL,
        bestand_id uuid NOT NULL,
        instellingscode char(4) NOT NULL,
        regel integer NOT NULL,
        persoon_regel integer NOT NULL,
        burgerservicenummer varchar(9) NULL,
        onderwijsnummer varchar(9) NULL,
        geboortedatum varchar(10) NOT NULL,
        geslacht char(1) NOT NULL,
        postcode varchar(6) NULL,
        achternaam varchar(200) NOT NULL,
        voorvoegsel varchar(20) NULL,
        voornamen varchar(200) NULL,
        inschrijvingvolgnummer varchar(20) NOT NULL,
        datum_inschrijving varchar(10) NOT NULL,
        datum_uitschrijving varchar(10) NULL,
        periodes text NOT NULL,
        CONSTRAINT pk_bron_staging PRIMARY KEY (migratie_id, nr)
      )`);
    await q.query(`
      CREATE TABLE bron_resultaat (
        migratie_id uuid NOT NULL,
        nr bigint NOT NULL,
        proef boolean NOT NULL,
        goedgekeurd boolean NOT NULL,
        instellingscode char(4) NOT NULL,
        bestand_id uuid NOT NULL,
        inschrijving_id uuid NULL,
        terugmeldingen jsonb NOT NULL DEFAULT '[]',
        CONSTRAINT pk_bron_resultaat PRIMARY KEY (migratie_id, proef, nr)
      )`);
    await q.query(`CREATE INDEX ix_bron_resultaat_school ON bron_resultaat (migratie_id, proef, instellingscode) WHERE NOT goedgekeurd`);
    await q.query(`
      CREATE TABLE bron_bevriezing (
        sandbox_id uuid NOT NULL,
        bevroren_vanaf timestamptz NOT NULL,
        bevroren_tot timestamptz NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_bron_bevriezing PRIMARY KEY (sandbox_id),
        CONSTRAINT fk_bron_bevriezing_sandbox FOREIGN KEY (sandbox_id) REFERENCES sandbox (id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE bron_aansluiting (
        sandbox_id uuid NOT NULL,
        instellingscode char(4) NOT NULL,
        aansluitdatum date NOT NULL,
        aangesloten_op timestamptz NULL,
        eerste_levering_events integer NULL,
        CONSTRAINT pk_bron_aansluiting PRIMARY KEY (sandbox_id, instellingscode),
        CONSTRAINT fk_bron_aansluiting_sandbox FOREIGN KEY (sandbox_id) REFERENCES sandbox (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX ix_bron_aansluiting_datum ON bron_aansluiting (aansluitdatum)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE bron_aansluiting');
    await q.query('DROP TABLE bron_bevriezing');
    await q.query('DROP TABLE bron_resultaat');
    await q.query('DROP TABLE bron_staging');
    await q.query('DROP TABLE bron_bestand');
    await q.query('DROP TABLE bron_migratie');
  }
}
