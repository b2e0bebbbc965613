import { MigrationInterface, QueryRunner } from 'typeorm';

const SANDBOX_FK = (table: string) => `CONSTRAINT fk_${table}_sandbox FOREIGN KEY (sandbox_id) REFERENCES sandbox (id) ON DELETE CASCADE`;

/**
 * RIO (rio.md): the juridische side (onderwijsbesturen, BRIN4 instellingserkenningen, BRIN6
 * vestigingserkenningen, maintained by DUO) and the onderwijskundige side (aanbieders, locaties,
 * locatiegebruik, aangeboden opleidingen, maintained by the besturen), each with its validity
 * periodes (begindatum inclusive, einddatum exclusive); a simulated BAG table; a mutation log for
 * the change feeds; per-sandbox code counters; and the view bekostiging joins.
 * Keys are natural: (sandbox_id, code).
 */
export class Rio1764390000000 implements MigrationInterface {
  name = 'Rio1764390000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rio_onderwijsbestuur (
        sandbox_id uuid NOT NULL,
        code varchar(7) NOT NULL,
        bevoegd_gezag_nummer varchar(5) NULL,
        kvk_nummer varchar(8) NULL,
        rsin varchar(9) NULL,
        in_bedrijfdatum date NOT NULL,
        uit_bedrijfdatum date NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_rio_onderwijsbestuur PRIMARY KEY (sandbox_id, code),
        ${SANDBOX_FK('rio_onderwijsbestuur')}
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_rio_onderwijsbestuur_bevoegd_gezag ON rio_onderwijsbestuur (sandbox_id, bevoegd_gezag_nummer)`);
    await q.query(`
      CREATE TABLE rio_onderwijsbestuur_periode (
        sandbox_id uuid NOT NULL,
        onderwijsbestuurcode varchar(7) NOT NULL,
        begindatum date NOT NULL,
        einddatum date NULL,
        naam varchar(80) NOT NULL,
        internationale_naam varchar(225) NULL,
        CONSTRAINT pk_rio_onderwijsbestuur_periode PRIMARY KEY (sandbox_id, onderwijsbestuurcode, begindatum),
        ${SANDBOX_FK('rio_onderwijsbestuur_periode')},
        CONSTRAINT fk_rio_onderwijsbestuur_periode_bestuur FOREIGN KEY (sandbox_id, onderwijsbestuurcode) REFERENCES rio_onderwijsbestuur (sandbox_id, code) ON DELETE CASCADE
      )`);

    await q.query(`
      CREATE TABLE rio_instellingserkenning (
        sandbox_id uuid NOT NULL,
        code varchar(4) NOT NULL,
        onderwijsbestuurcode varchar(7) NULL,
        soort varchar(10) NOT NULL,
        vrijheid_van_onderwijs varchar(10) NOT NULL,
        in_bedrijfdatum date NOT NULL,
        uit_bedrijfdatum date NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_rio_instellingserkenning PRIMARY KEY (sandbox_id, code),
        ${SANDBOX_FK('rio_instellingserkenning')},
        CONSTRAINT fk_rio_instellingserkenning_bestuur FOREIGN KEY (sandbox_id, onderwijsbestuurcode) REFERENCES rio_onderwijsbestuur (sandbox_id, code)
      )`);
    await q.query(`CREATE INDEX ix_rio_instellingserkenning_bestuur ON rio_instellingserkenning (sandbox_id, onderwijsbestuurcode)`);
    await q.query(`
      CREATE TABLE rio_instellingserkenning_periode (
        sandbox_id uuid NOT NULL,
        instellingscode varchar(4) NOT NULL,
        begindatum date NOT NULL,
        einddatum date NULL,
        naam varchar(80) NOT NULL,
        verkorte_naam varchar(30) NULL,
        richtingen text[] NOT NULL,
        bekostigingscode varchar(30) NOT NULL,
        CONSTRAINT pk_rio_instellingserkenning_periode PRIMARY KEY (sandbox_id, instellingscode, begindatum),
        ${SANDBOX_FK('rio_instellingserkenning_periode')},
        CONSTRAINT fk_rio_instellingserkenning_periode_erkenning FOREIGN KEY (sandbox_id, instellingscode) REFERENCES rio_instellingserkenning (sandbox_id, code) ON DELETE CASCADE
      )`);

    await q.query(`
      CREATE TABLE rio_vestigingserkenning (
        sandbox_id uuid NOT NULL,
        code varchar(6) NOT NULL,
        instellingscode varchar(4) NOT NULL,
        hoofd_nevenvestiging varchar(20) NOT NULL,
        soort varchar(10) NOT NULL,
        in_bedrijfdatum date NOT NULL,
        uit_bedrijfdatum date NULL,
        bag_id varchar(16) NOT NULL,
        straatnaam varchar(80) NOT NULL,
        huisnummer integer NOT NULL,
        huisnummertoevoeging varchar(6) NOT NULL DEFAULT '',
        postcode varchar(6) NOT NULL,
        plaatsnaam varchar(80) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_rio_vestigingserkenning PRIMARY KEY (sandbox_id, code),
        ${SANDBOX_FK('rio_vestigingserkenning')},
        CONSTRAINT fk_rio_vestigingserkenning_instelling FOREIGN KEY (sandbox_id, instellingscode) REFERENCES rio_instellingserkenning (sandbox_id, code)
      )`);
    await q.query(`CREATE INDEX ix_rio_vestigingserkenning_instelling ON rio_vestigingserkenning (sandbox_id, instellingscode)`);
    await q.query(`CREATE INDEX ix_rio_vestigingserkenning_postcode ON rio_vestigingserkenning (sandbox_id, postcode)`);
    await q.query(`
      CREATE TABLE rio_vestigingserkenning_periode (
        sandbox_id uuid NOT NULL,
        vestigingscode varchar(6) NOT NULL,
        begindatum date NOT NULL,
        einddatum date NULL,
        naam varchar(80) NOT NULL,
        bekostigingscode varchar(30) NOT NULL,
        CONSTRAINT pk_rio_vestigingserkenning_periode PRIMARY KEY (sandbox_id, vestigingscode, begindatum),
        ${SANDBOX_FK('rio_vestigingserkenning_periode')},
        CONSTRAINT fk_rio_vestigingserkenning_periode_erkenning FOREIGN KEY (sandbox_id, vestigingscode) REFERENCES rio_vestigingserkenning (sandbox_id, code) ON DELETE CASCADE
      )`);

    await q.query(`
      CREATE TABLE rio_bag_adres (
        sandbox_id uuid NOT NULL,
        bag_id varchar(16) NOT NULL,
        postcode varchar(6) NOT NULL,
        huisnummer integer NOT NULL,
        huisnummertoevoeging varchar(6) NOT NULL DEFAULT '',
        straatnaam varchar(80) NOT NULL,
        plaatsnaam varchar(80) NOT NULL,
        gemeentenaam varchar(80) NOT NULL,
        gps_latitude numeric(10,8) NOT NULL,
        gps_longitude numeric(11,8) NOT NULL,
        CONSTRAINT pk_rio_bag_adres PRIMARY KEY (sandbox_id, bag_id),
        ${SANDBOX_FK('rio_bag_adres')}
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_rio_bag_adres_adres ON rio_bag_adres (sandbox_id, postcode, huisnummer, huisnummertoevoeging)`);

    await q.query(`
      CREATE TABLE rio_onderwijslocatie (
        sandbox_id uuid NOT NULL,
        code varchar(7) NOT NULL,
        bag_id varchar(16) NOT NULL,
        straatnaam varchar(80) NOT NULL,
        huisnummer integer NOT NULL,
        huisnummertoevoeging varchar(6) NOT NULL DEFAULT '',
        postcode varchar(6) NOT NULL,
        plaatsnaam varchar(80) NOT NULL,
        gps_latitude numeric(10,8) NOT NULL,
        gps_longitude numeric(11,8) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_rio_onderwijslocatie PRIMARY KEY (sandbox_id, code),
        ${SANDBOX_FK('rio_onderwijslocatie')}
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_rio_onderwijslocatie_bag ON rio_onderwijslocatie (sandbox_id, bag_id)`);
    await q.query(`CREATE INDEX ix_rio_onderwijslocatie_postcode ON rio_onderwijslocatie (sandbox_id, postcode)`);

    await q.query(`
      CREATE TABLE rio_onderwijsaanbieder (
        sandbox_id uuid NOT NULL,
        code varchar(7) NOT NULL,
        in_bedrijfdatum date NOT NULL,
        uit_bedrijfdatum date NULL,
        eigen_sleutel varchar(60) NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_rio_onderwijsaanbieder PRIMARY KEY (sandbox_id, code),
        ${SANDBOX_FK('rio_onderwijsaanbieder')}
      )`);
    await q.query(`
      CREATE TABLE rio_onderwijsaanbieder_periode (
        sandbox_id uuid NOT NULL,
        onderwijsaanbiedercode varchar(7) NOT NULL,
        begindatum date NOT NULL,
        einddatum date NULL,
        naam varchar(80) NOT NULL,
        internationale_naam varchar(225) NULL,
        CONSTRAINT pk_rio_onderwijsaanbieder_periode PRIMARY KEY (sandbox_id, onderwijsaanbiedercode, begindatum),
        ${SANDBOX_FK('rio_onderwijsaanbieder_periode')},
        CONSTRAINT fk_rio_onderwijsaanbieder_periode_aanbieder FOREIGN KEY (sandbox_id, onderwijsaanbiedercode) REFERENCES rio_onderwijsaanbieder (sandbox_id, code) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE rio_juridische_relatie (
        sandbox_id uuid NOT NULL,
        onderwijsaanbiedercode varchar(7) NOT NULL,
        instellingscode varchar(4) NOT NULL,
        begindatum date NOT NULL,
        einddatum date NULL,
        CONSTRAINT pk_rio_juridische_relatie PRIMARY KEY (sandbox_id, onderwijsaanbiedercode, instellingscode, begindatum),
        ${SANDBOX_FK('rio_juridische_relatie')},
        CONSTRAINT fk_rio_juridische_relatie_aanbieder FOREIGN KEY (sandbox_id, onderwijsaanbiedercode) REFERENCES rio_onderwijsaanbieder (sandbox_id, code) ON DELETE CASCADE,
        CONSTRAINT fk_rio_juridische_relatie_instelling FOREIGN KEY (sandbox_id, instellingscode) REFERENCES rio_instellingserkenning (sandbox_id, code)
      )`);
    await q.query(`CREATE INDEX ix_rio_juridische_relatie_instelling ON rio_juridische_relatie (sandbox_id, instellingscode)`);
    await q.query(`
      CREATE TABLE rio_aanbieder_bestuur (
        sandbox_id uuid NOT NULL,
        onderwijsaanbiedercode varchar(7) NOT NULL,
        onderwijsbestuurcode varchar(7) NOT NULL,
        begindatum date NOT NULL,
        einddatum date NULL,
        CONSTRAINT pk_rio_aanbieder_bestuur PRIMARY KEY (sandbox_id, onderwijsaanbiedercode, onderwijsbestuurcode, begindatum),
        ${SANDBOX_FK('rio_aanbieder_bestuur')},
        CONSTRAINT fk_rio_aanbieder_bestuur_aanbieder FOREIGN KEY (sandbox_id, onderwijsaanbiedercode) REFERENCES rio_onderwijsaanbieder (sandbox_id, code) ON DELETE CASCADE,
        CONSTRAINT fk_rio_aanbieder_bestuur_bestuur FOREIGN KEY (sandbox_id, onderwijsbestuurcode) REFERENCES rio_onderwijsbestuur (sandbox_id, code)
      )`);
    await q.query(`CREATE INDEX ix_rio_aanbieder_bestuur_bestuur ON rio_aanbieder_bestuur (sandbox_id, onderwijsbestuurcode)`);

    await q.query(`
      CREATE TABLE rio_onderwijslocatiegebruik (
        sandbox_id uuid NOT NULL,
        onderwijsbestuurcode varchar(7) NOT NULL,
        onderwijslocatiecode varchar(7) NOT NULL,
        in_bedrijfdatum date NOT NULL,
        uit_bedrijfdatum date NULL,
        eigen_sleutel varchar(60) NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_rio_onderwijslocatiegebruik PRIMARY KEY (sandbox_id, onderwijsbestuurcode, onderwijslocatiecode),
        ${SANDBOX_FK('rio_onderwijslocatiegebruik')},
        CONSTRAINT fk_rio_onderwijslocatiegebruik_bestuur FOREIGN KEY (sandbox_id, onderwijsbestuurcode) REFERENCES rio_onderwijsbestuur (sandbox_id, code),
        CONSTRAINT fk_rio_onderwijslocatiegebruik_locatie FOREIGN KEY (sandbox_id, onderwijslocatiecode) REFERENCES rio_onderwijslocatie (sandbox_id, code)
      )`);
    await q.query(`CREATE INDEX ix_rio_onderwijslocatiegebruik_locatie ON rio_onderwijslocatiegebruik (sandbox_id, onderwijslocatiecode)`);
    await q.query(`
      CREATE TABLE rio_onderwijslocatiegebruik_periode (
        sandbox_id uuid NOT NULL,
        onderwijsbestuurcode varchar(7) NOT NULL,
        onderwijslocatiecode varchar(7) NOT NULL,
        begindatum date NOT NULL,
        einddatum date NULL,
        naam varchar(80) NULL,
        CONSTRAINT pk_rio_onderwijslocatiegebruik_periode PRIMARY KEY (sandbox_id, onderwijsbestuurcode, onderwijslocatiecode, begindatum),
        ${SANDBOX_FK('rio_onderwijslocatiegebruik_periode')},
        CONSTRAINT fk_rio_onderwijslocatiegebruik_periode_gebruik FOREIGN KEY (sandbox_id, onderwijsbestuurcode, onderwijslocatiecode) REFERENCES rio_onderwijslocatiegebruik (sandbox_id, onderwijsbestuurcode, onderwijslocatiecode) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE rio_locatiegebruik_relatie (
        sandbox_id uuid NOT NULL,
        onderwijsbestuurcode varchar(7) NOT NULL,
        onderwijslocatiecode varchar(7) NOT NULL,
        vestigingscode varchar(6) NOT NULL,
        begindatum date NOT NULL,
        einddatum date NULL,
        CONSTRAINT pk_rio_locatiegebruik_relatie PRIMARY KEY (sandbox_id, onderwijsbestuurcode, onderwijslocatiecode, vestigingscode, begindatum),
        ${SANDBOX_FK('rio_locatiegebruik_relatie')},
        CONSTRAINT fk_rio_locatiegebruik_relatie_gebruik FOREIGN KEY (sandbox_id, onderwijsbestuurcode, onderwijslocatiecode) REFERENCES rio_onderwijslocatiegebruik (sandbox_id, onderwijsbestuurcode, onderwijslocatiecode) ON DELETE CASCADE,
        CONSTRAINT fk_rio_locatiegebruik_relatie_vestiging FOREIGN KEY (sandbox_id, vestigingscode) REFERENCES rio_vestigingserkenning (sandbox_id, code)
      )`);
    await q.query(`CREATE INDEX ix_rio_locatiegebruik_relatie_vestiging ON rio_locatiegebruik_relatie (sandbox_id, vestigingscode)`);

    await q.query(`
      CREATE TABLE rio_aangeboden_opleiding (
        sandbox_id uuid NOT NULL,
        code uuid NOT NULL,
        onderwijsaanbiedercode varchar(7) NOT NULL,
        onderwijslocatiecode varchar(7) NULL,
        opleidingseenheidcode varchar(9) NOT NULL,
        soort varchar(3) NOT NULL,
        begindatum date NOT NULL,
        einddatum date NULL,
        eerste_instroomdatum date NULL,
        doelgroepen text[] NOT NULL,
        eigen_sleutel varchar(60) NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_rio_aangeboden_opleiding PRIMARY KEY (sandbox_id, code),
        ${SANDBOX_FK('rio_aangeboden_opleiding')},
        CONSTRAINT fk_rio_aangeboden_opleiding_aanbieder FOREIGN KEY (sandbox_id, onderwijsaanbiedercode) REFERENCES rio_onderwijsaanbieder (sandbox_id, code),
        CONSTRAINT fk_rio_aangeboden_opleiding_locatie FOREIGN KEY (sandbox_id, onderwijslocatiecode) REFERENCES rio_onderwijslocatie (sandbox_id, code)
      )`);
    await q.query(`CREATE INDEX ix_rio_aangeboden_opleiding_aanbieder ON rio_aangeboden_opleiding (sandbox_id, onderwijsaanbiedercode)`);
    await q.query(`CREATE INDEX ix_rio_aangeboden_opleiding_locatie ON rio_aangeboden_opleiding (sandbox_id, onderwijslocatiecode)`);
    await q.query(`
      CREATE TABLE rio_aangeboden_opleiding_periode (
        sandbox_id uuid NOT NULL,
        aangeboden_opleidingcode uuid NOT NULL,
        begindatum date NOT NULL,
        einddatum date NULL,
        eigen_naam varchar(225) NOT NULL,
        internationale_naam varchar(225) NULL,
        omschrijving varchar(3000) NULL,
        onderwijsconcept varchar(70) NULL,
        doorlopende_leerlijn varchar(70) NULL,
        bijzondere_inrichting varchar(70) NULL,
        CONSTRAINT pk_rio_aangeboden_opleiding_periode PRIMARY KEY (sandbox_id, aangeboden_opleidingcode, begindatum),
        ${SANDBOX_FK('rio_aangeboden_opleiding_periode')},
        CONSTRAINT fk_rio_aangeboden_opleiding_periode_opleiding FOREIGN KEY (sandbox_id, aangeboden_opleidingcode) REFERENCES rio_aangeboden_opleiding (sandbox_id, code) ON DELETE CASCADE
      )`);

    await q.query(`
      CREATE TABLE rio_mutatie (
        id bigserial NOT NULL,
        sandbox_id uuid NOT NULL,
        soort_object varchar(40) NOT NULL,
        code varchar(36) NOT NULL,
        soort_wijziging varchar(12) NOT NULL,
        tijdstip timestamptz NOT NULL,
        CONSTRAINT pk_rio_mutatie PRIMARY KEY (id),
        ${SANDBOX_FK('rio_mutatie')}
      )`);
    await q.query(`CREATE INDEX ix_rio_mutatie_soort_tijdstip ON rio_mutatie (sandbox_id, soort_object, tijdstip)`);
    await q.query(`
      CREATE TABLE rio_code_teller (
        sandbox_id uuid NOT NULL,
        soort varchar(1) NOT NULL,
        laatste integer NOT NULL,
        CONSTRAINT pk_rio_code_teller PRIMARY KEY (sandbox_id, soort),
        ${SANDBOX_FK('rio_code_teller')}
      )`);

    // For bekostiging: one row per validity periode of a vestigingserkenning, clipped to its in/uit-bedrijf dates.
    await q.query(`
      CREATE VIEW v_rio_vestiging_bekostiging AS
      SELECT p.sandbox_id,
             p.vestigingscode,
             v.instellingscode,
             GREATEST(p.begindatum, v.in_bedrijfdatum) AS begindatum,
             CASE
               WHEN p.einddatum IS NULL THEN v.uit_bedrijfdatum
               WHEN v.uit_bedrijfdatum IS NULL THEN p.einddatum
               ELSE LEAST(p.einddatum, v.uit_bedrijfdatum)
             END AS einddatum,
             p.bekostigingscode
        FROM rio_vestigingserkenning_periode p
        JOIN rio_vestigingserkenning v ON v.sandbox_id = p.sandbox_id AND v.code = p.vestigingscode`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP VIEW v_rio_vestiging_bekostiging');
    for (const t of [
      'rio_code_teller',
      'rio_mutatie',
      'rio_aangeboden_opleiding_periode',
      'rio_aangeboden_opleiding',
      'rio_locatiegebruik_relatie',
      'rio_onderwijslocatiegebruik_periode',
      'rio_onderwijslocatiegebruik',
      'rio_aanbieder_bestuur',
      'rio_juridische_relatie',
      'rio_onderwijsaanbieder_periode',
      'rio_onderwijsaanbieder',
      'rio_onderwijslocatie',
      'rio_bag_adres',
      'rio_vestigingserkenning_periode',
      'rio_vestigingserkenning',
      'rio_instellingserkenning_periode',
      'rio_instellingserkenning',
      'rio_onderwijsbestuur_periode',
      'rio_onderwijsbestuur',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
