import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { RioFk, SandboxFk } from './entity-helpers';
import { RioInstellingserkenning, RioOnderwijsbestuur, RioVestigingserkenning } from './juridisch.entity';

/** Simulated BAG: the addresses an onderwijslocatie can be registered on. */
@Entity('rio_bag_adres')
@Index('uq_rio_bag_adres_adres', ['sandboxId', 'postcode', 'huisnummer', 'huisnummertoevoeging'], { unique: true })
export class RioBagAdres {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_rio_bag_adres' }) sandboxId: string;
  @PrimaryColumn({ type: 'varchar', length: 16, primaryKeyConstraintName: 'pk_rio_bag_adres' }) bagId: string;
  @SandboxFk('fk_rio_bag_adres_sandbox') sandbox?: unknown;
  @Column({ type: 'varchar', length: 6 }) postcode: string;
  @Column({ type: 'integer' }) huisnummer: number;
  @Column({ type: 'varchar', length: 6, default: '' }) huisnummertoevoeging: string;
  @Column({ type: 'varchar', length: 80 }) straatnaam: string;
  @Column({ type: 'varchar', length: 80 }) plaatsnaam: string;
  @Column({ type: 'varchar', length: 80 }) gemeentenaam: string;
  @Column({ type: 'numeric', precision: 10, scale: 8 }) gpsLatitude: string;
  @Column({ type: 'numeric', precision: 11, scale: 8 }) gpsLongitude: string;
}

/** Onderwijslocatie (nnnXnnn): a BAG address where education is given; shared between besturen. */
@Entity('rio_onderwijslocatie')
@Index('uq_rio_onderwijslocatie_bag', ['sandboxId', 'bagId'], { unique: true })
@Index('ix_rio_onderwijslocatie_postcode', ['sandboxId', 'postcode'])
export class RioOnderwijslocatie {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_rio_onderwijslocatie' }) sandboxId: string;
  @PrimaryColumn({ type: 'varchar', length: 7, primaryKeyConstraintName: 'pk_rio_onderwijslocatie' }) code: string;
  @SandboxFk('fk_rio_onderwijslocatie_sandbox') sandbox?: unknown;
  @Column({ type: 'varchar', length: 16 }) bagId: string;
  @Column({ type: 'varchar', length: 80 }) straatnaam: string;
  @Column({ type: 'integer' }) huisnummer: number;
  @Column({ type: 'varchar', length: 6, default: '' }) huisnummertoevoeging: string;
  @Column({ type: 'varchar', length: 6 }) postcode: string;
  @Column({ type: 'varchar', length: 80 }) plaatsnaam: string;
  @Column({ type: 'numeric', precision: 10, scale: 8 }) gpsLatitude: string;
  @Column({ type: 'numeric', precision: 11, scale: 8 }) gpsLongitude: string;
  /** Onderwijsbestuurcodes of the client that registered the locatie (they may delete it); empty = DUO. */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) geregistreerdDoor: string[];
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/** Onderwijsaanbieder (nnnAnnn): the school as parents know it; maintained by its bestuur. */
@Entity('rio_onderwijsaanbieder')
export class RioOnderwijsaanbieder {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_rio_onderwijsaanbieder' }) sandboxId: string;
  @PrimaryColumn({ type: 'varchar', length: 7, primaryKeyConstraintName: 'pk_rio_onderwijsaanbieder' }) code: string;
  @SandboxFk('fk_rio_onderwijsaanbieder_sandbox') sandbox?: unknown;
  @Column({ type: 'date' }) inBedrijfdatum: string;
  @Column({ type: 'date', nullable: true }) uitBedrijfdatum: string | null;
  @Column({ type: 'varchar', length: 60, nullable: true }) eigenSleutel: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

@Entity('rio_onderwijsaanbieder_periode')
export class RioOnderwijsaanbiederPeriode {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_rio_onderwijsaanbieder_periode' }) sandboxId: string;
  @PrimaryColumn({ type: 'varchar', length: 7, primaryKeyConstraintName: 'pk_rio_onderwijsaanbieder_periode' }) onderwijsaanbiedercode: string;
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'pk_rio_onderwijsaanbieder_periode' }) begindatum: string;
  @SandboxFk('fk_rio_onderwijsaanbieder_periode_sandbox') sandbox?: unknown;
  @RioFk(() => RioOnderwijsaanbieder, 'fk_rio_onderwijsaanbieder_periode_aanbieder', [['onderwijsaanbiedercode', 'code']], 'CASCADE') aanbieder?: RioOnderwijsaanbieder;
  @Column({ type: 'date', nullable: true }) einddatum: string | null;
  @Column({ type: 'varchar', length: 80 }) naam: string;
  @Column({ type: 'varchar', length: 225, nullable: true }) internationaleNaam: string | null;
}

/** JuridischeRelatie: aanbieder → BRIN4, dated. */
@Entity('rio_juridische_relatie')
@Index('ix_rio_juridische_relatie_instelling', ['sandboxId', 'instellingscode'])
export class RioJuridischeRelatie {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_rio_juridische_relatie' }) sandboxId: string;
  @PrimaryColumn({ type: 'varchar', length: 7, primaryKeyConstraintName: 'pk_rio_juridische_relatie' }) onderwijsaanbiedercode: string;
  @PrimaryColumn({ type: 'varchar', length: 4, primaryKeyConstraintName: 'pk_rio_juridische_relatie' }) instellingscode: string;
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'pk_rio_juridische_relatie' }) begindatum: string;
  @SandboxFk('fk_rio_juridische_relatie_sandbox') sandbox?: unknown;
  @RioFk(() => RioOnderwijsaanbieder, 'fk_rio_juridische_relatie_aanbieder', [['onderwijsaanbiedercode', 'code']], 'CASCADE') aanbieder?: RioOnderwijsaanbieder;
  @RioFk(() => RioInstellingserkenning, 'fk_rio_juridische_relatie_instelling', [['instellingscode', 'code']]) instelling?: RioInstellingserkenning;
  @Column({ type: 'date', nullable: true }) einddatum: string | null;
}

/** Bijbehorend onderwijsbestuur of an aanbieder, dated (several = samenwerkingsschool). */
@Entity('rio_aanbieder_bestuur')
@Index('ix_rio_aanbieder_bestuur_bestuur', ['sandboxId', 'onderwijsbestuurcode'])
export class RioAanbiederBestuur {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_rio_aanbieder_bestuur' }) sandboxId: string;
  @PrimaryColumn({ type: 'varchar', length: 7, primaryKeyConstraintName: 'pk_rio_aanbieder_bestuur' }) onderwijsaanbiedercode: string;
  @PrimaryColumn({ type: 'varchar', length: 7, primaryKeyConstraintName: 'pk_rio_aanbieder_bestuur' }) onderwijsbestuurcode: string;
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'pk_rio_aanbieder_bestuur' }) begindatum: string;
  @SandboxFk('fk_rio_aanbieder_bestuur_sandbox') sandbox?: unknown;
  @RioFk(() => RioOnderwijsaanbieder, 'fk_rio_aanbieder_bestuur_aanbieder', [['onderwijsaanbiedercode', 'code']], 'CASCADE') aanbieder?: RioOnderwijsaanbieder;
  @RioFk(() => RioOnderwijsbestuur, 'fk_rio_aanbieder_bestuur_bestuur', [['onderwijsbestuurcode', 'code']]) bestuur?: RioOnderwijsbestuur;
  @Column({ type: 'date', nullable: true }) einddatum: string | null;
}

/** Onderwijslocatiegebruik: bestuur × locatie, unique per pair. */
@Entity('rio_onderwijslocatiegebruik')
@Index('ix_rio_onderwijslocatiegebruik_locatie', ['sandboxId', 'onderwijslocatiecode'])
export class RioOnderwijslocatiegebruik {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_rio_onderwijslocatiegebruik' }) sandboxId: string;
  @PrimaryColumn({ type: 'varchar', length: 7, primaryKeyConstraintName: 'pk_rio_onderwijslocatiegebruik' }) onderwijsbestuurcode: string;
  @PrimaryColumn({ type: 'varchar', length: 7, primaryKeyConstraintName: 'pk_rio_onderwijslocatiegebruik' }) onderwijslocatiecode: string;
  @SandboxFk('fk_rio_onderwijslocatiegebruik_sandbox') sandbox?: unknown;
  @RioFk(() => RioOnderwijsbestuur, 'fk_rio_onderwijslocatiegebruik_bestuur', [['onderwijsbestuurcode', 'code']]) bestuur?: RioOnderwijsbestuur;
  @RioFk(() => RioOnderwijslocatie, 'fk_rio_onderwijslocatiegebruik_locatie', [['onderwijslocatiecode', 'code']]) locatie?: RioOnderwijslocatie;
  @Column({ type: 'date' }) inBedrijfdatum: string;
  @Column({ type: 'date', nullable: true }) uitBedrijfdatum: string | null;
  @Column({ type: 'varchar', length: 60, nullable: true }) eigenSleutel: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

@Entity('rio_onderwijslocatiegebruik_periode')
export class RioOnderwijslocatiegebruikPeriode {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_rio_onderwijslocatiegebruik_periode' }) sandboxId: string;
  @PrimaryColumn({ type: 'varchar', length: 7, primaryKeyConstraintName: 'pk_rio_onderwijslocatiegebruik_periode' }) onderwijsbestuurcode: string;
  @PrimaryColumn({ type: 'varchar', length: 7, primaryKeyConstraintName: 'pk_rio_onderwijslocatiegebruik_periode' }) onderwijslocatiecode: string;
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'pk_rio_onderwijslocatiegebruik_periode' }) begindatum: string;
  @SandboxFk('fk_rio_onderwijslocatiegebruik_periode_sandbox') sandbox?: unknown;
  @RioFk(() => RioOnderwijslocatiegebruik, 'fk_rio_onderwijslocatiegebruik_periode_gebruik', [['onderwijsbestuurcode', 'onderwijsbestuurcode'], ['onderwijslocatiecode', 'onderwijslocatiecode']], 'CASCADE') gebruik?: RioOnderwijslocatiegebruik;
  @Column({ type: 'date', nullable: true }) einddatum: string | null;
  @Column({ type: 'varchar', length: 80, nullable: true }) naam: string | null;
}

/** JuridischeOnderwijslocatiegebruikRelatie: locatiegebruik → BRIN6, dated. */
@Entity('rio_locatiegebruik_relatie')
@Index('ix_rio_locatiegebruik_relatie_vestiging', ['sandboxId', 'vestigingscode'])
export class RioLocatiegebruikRelatie {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_rio_locatiegebruik_relatie' }) sandboxId: string;
  @PrimaryColumn({ type: 'varchar', length: 7, primaryKeyConstraintName: 'pk_rio_locatiegebruik_relatie' }) onderwijsbestuurcode: string;
  @PrimaryColumn({ type: 'varchar', length: 7, primaryKeyConstraintName: 'pk_rio_locatiegebruik_relatie' }) onderwijslocatiecode: string;
  @PrimaryColumn({ type: 'varchar', length: 6, primaryKeyConstraintName: 'pk_rio_locatiegebruik_relatie' }) vestigingscode: string;
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'pk_rio_locatiegebruik_relatie' }) begindatum: string;
  @SandboxFk('fk_rio_locatiegebruik_relatie_sandbox') sandbox?: unknown;
  @RioFk(() => RioOnderwijslocatiegebruik, 'fk_rio_locatiegebruik_relatie_gebruik', [['onderwijsbestuurcode', 'onderwijsbestuurcode'], ['onderwijslocatiecode', 'onderwijslocatiecode']], 'CASCADE') gebruik?: RioOnderwijslocatiegebruik;
  @RioFk(() => RioVestigingserkenning, 'fk_rio_locatiegebruik_relatie_vestiging', [['vestigingscode', 'code']]) vestiging?: RioVestigingserkenning;
  @Column({ type: 'date', nullable: true }) einddatum: string | null;
}

/** AangebodenBO/SO/VSOOpleiding: what an aanbieder offers, where; key chosen by the client (UUID). */
@Entity('rio_aangeboden_opleiding')
@Index('ix_rio_aangeboden_opleiding_aanbieder', ['sandboxId', 'onderwijsaanbiedercode'])
@Index('ix_rio_aangeboden_opleiding_locatie', ['sandboxId', 'onderwijslocatiecode'])
export class RioAangebodenOpleiding {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_rio_aangeboden_opleiding' }) sandboxId: string;
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_rio_aangeboden_opleiding' }) code: string;
  @SandboxFk('fk_rio_aangeboden_opleiding_sandbox') sandbox?: unknown;
  @Column({ type: 'varchar', length: 7 }) onderwijsaanbiedercode: string;
  @RioFk(() => RioOnderwijsaanbieder, 'fk_rio_aangeboden_opleiding_aanbieder', [['onderwijsaanbiedercode', 'code']]) aanbieder?: RioOnderwijsaanbieder;
  @Column({ type: 'varchar', length: 7, nullable: true }) onderwijslocatiecode: string | null;
  @RioFk(() => RioOnderwijslocatie, 'fk_rio_aangeboden_opleiding_locatie', [['onderwijslocatiecode', 'code']]) locatie?: RioOnderwijslocatie;
  @Column({ type: 'varchar', length: 9 }) opleidingseenheidcode: string;
  /** BO, SO or VSO. */
  @Column({ type: 'varchar', length: 3 }) soort: string;
  @Column({ type: 'date' }) begindatum: string;
  @Column({ type: 'date', nullable: true }) einddatum: string | null;
  @Column({ type: 'date', nullable: true }) eersteInstroomdatum: string | null;
  @Column({ type: 'date', nullable: true }) laatsteInstroomdatum: string | null;
  /** AfwijkendeOpleidingsduur: eenheid J, M, W, D or U, and omvang. */
  @Column({ type: 'varchar', length: 1, nullable: true }) afwijkendeOpleidingsduurEenheid: string | null;
  @Column({ type: 'integer', nullable: true }) afwijkendeOpleidingsduurOmvang: number | null;
  @Column({ type: 'text', array: true }) doelgroepen: string[];
  @Column({ type: 'varchar', length: 60, nullable: true }) eigenSleutel: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

@Entity('rio_aangeboden_opleiding_periode')
export class RioAangebodenOpleidingPeriode {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_rio_aangeboden_opleiding_periode' }) sandboxId: string;
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_rio_aangeboden_opleiding_periode' }) aangebodenOpleidingcode: string;
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'pk_rio_aangeboden_opleiding_periode' }) begindatum: string;
  @SandboxFk('fk_rio_aangeboden_opleiding_periode_sandbox') sandbox?: unknown;
  @RioFk(() => RioAangebodenOpleiding, 'fk_rio_aangeboden_opleiding_periode_opleiding', [['aangeboden_opleidingcode', 'code']], 'CASCADE') opleiding?: RioAangebodenOpleiding;
  @Column({ type: 'date', nullable: true }) einddatum: string | null;
  @Column({ type: 'varchar', length: 225 }) eigenNaam: string;
  @Column({ type: 'varchar', length: 225, nullable: true }) internationaleNaam: string | null;
  @Column({ type: 'varchar', length: 3000, nullable: true }) omschrijving: string | null;
  @Column({ type: 'varchar', length: 70, nullable: true }) onderwijsconcept: string | null;
  @Column({ type: 'varchar', length: 70, nullable: true }) doorlopendeLeerlijn: string | null;
  @Column({ type: 'varchar', length: 70, nullable: true }) bijzondereInrichting: string | null;
  /** Samenwerkende onderwijsaanbieders (po-vo or po-po combination schools), FC N10060. */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) samenwerkendeOnderwijsaanbiedercodes: string[];
}

/** Contactadres (communicatiecontext) of an onderwijsbestuur, onderwijsaanbieder or onderwijsaanbiedergroep (code nnnBnnn / nnnAnnn / nnnGnnn), dated. */
@Entity('rio_contactadres')
export class RioContactadres {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_rio_contactadres' }) sandboxId: string;
  @PrimaryColumn({ type: 'varchar', length: 7, primaryKeyConstraintName: 'pk_rio_contactadres' }) code: string;
  @PrimaryColumn({ type: 'varchar', length: 30, primaryKeyConstraintName: 'pk_rio_contactadres' }) context: string;
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_rio_contactadres' }) subcontextnummer: number;
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'pk_rio_contactadres' }) begindatum: string;
  @SandboxFk('fk_rio_contactadres_sandbox') sandbox?: unknown;
  @Column({ type: 'date', nullable: true }) einddatum: string | null;
  @Column({ type: 'varchar', length: 80, nullable: true }) subcontext: string | null;
  @Column({ type: 'text', array: true }) types: string[];
  @Column({ type: 'varchar', length: 254, nullable: true }) eMailadres: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) telefoonnummer: string | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) webadres: string | null;
  @Column({ type: 'varchar', length: 80, nullable: true }) contactnaam: string | null;
}
