import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { RioFk, SandboxFk } from './entity-helpers';

/** Onderwijsbestuur (nnnBnnn), the bevoegd gezag; maintained by DUO. */
@Entity('rio_onderwijsbestuur')
@Index('uq_rio_onderwijsbestuur_bevoegd_gezag', ['sandboxId', 'bevoegdGezagNummer'], { unique: true })
export class RioOnderwijsbestuur {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_rio_onderwijsbestuur' }) sandboxId: string;
  @PrimaryColumn({ type: 'varchar', length: 7, primaryKeyConstraintName: 'pk_rio_onderwijsbestuur' }) code: string;
  @SandboxFk('fk_rio_onderwijsbestuur_sandbox') sandbox?: unknown;
  @Column({ type: 'varchar', length: 5, nullable: true }) bevoegdGezagNummer: string | null;
  @Column({ type: 'varchar', length: 8, nullable: true }) kvkNummer: string | null;
  @Column({ type: 'varchar', length: 9, nullable: true }) rsin: string | null;
  /** Soort of its BevoegdGezagErkenning (BesturendeOrganisatiesoort). */
  @Column({ type: 'varchar', length: 10, nullable: true }) besturendeOrganisatiesoort: string | null;
  @Column({ type: 'date' }) inBedrijfdatum: string;
  @Column({ type: 'date', nullable: true }) uitBedrijfdatum: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

@Entity('rio_onderwijsbestuur_periode')
export class RioOnderwijsbestuurPeriode {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_rio_onderwijsbestuur_periode' }) sandboxId: string;
  @PrimaryColumn({ type: 'varchar', length: 7, primaryKeyConstraintName: 'pk_rio_onderwijsbestuur_periode' }) onderwijsbestuurcode: string;
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'pk_rio_onderwijsbestuur_periode' }) begindatum: string;
  @SandboxFk('fk_rio_onderwijsbestuur_periode_sandbox') sandbox?: unknown;
  @RioFk(() => RioOnderwijsbestuur, 'fk_rio_onderwijsbestuur_periode_bestuur', [['onderwijsbestuurcode', 'code']], 'CASCADE') bestuur?: RioOnderwijsbestuur;
  @Column({ type: 'date', nullable: true }) einddatum: string | null;
  @Column({ type: 'varchar', length: 80 }) naam: string;
  @Column({ type: 'varchar', length: 225, nullable: true }) internationaleNaam: string | null;
}

/** Onderwijsinstellingserkenning (BRIN4): the school as DUO recognises it. */
@Entity('rio_instellingserkenning')
@Index('ix_rio_instellingserkenning_bestuur', ['sandboxId', 'onderwijsbestuurcode'])
export class RioInstellingserkenning {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_rio_instellingserkenning' }) sandboxId: string;
  @PrimaryColumn({ type: 'varchar', length: 4, primaryKeyConstraintName: 'pk_rio_instellingserkenning' }) code: string;
  @SandboxFk('fk_rio_instellingserkenning_sandbox') sandbox?: unknown;
  /** The bevoegd gezag. */
  @Column({ type: 'varchar', length: 7, nullable: true }) onderwijsbestuurcode: string | null;
  @RioFk(() => RioOnderwijsbestuur, 'fk_rio_instellingserkenning_bestuur', [['onderwijsbestuurcode', 'code']]) bestuur?: RioOnderwijsbestuur;
  @Column({ type: 'varchar', length: 10 }) soort: string;
  @Column({ type: 'varchar', length: 10 }) vrijheidVanOnderwijs: string;
  @Column({ type: 'date' }) inBedrijfdatum: string;
  @Column({ type: 'date', nullable: true }) uitBedrijfdatum: string | null;
  /** OCW for every po school. */
  @Column({ type: 'varchar', length: 10, default: 'OCW' }) erkenner: string;
  @Column({ type: 'date', nullable: true }) stichtingsdatum: string | null;
  /** SpeciaalOnderwijsCluster (CLUSTER_1 … CLUSTER_4), only for SPEC. */
  @Column({ type: 'varchar', length: 20, nullable: true }) soCluster: string | null;
  /** FormeelInstellingsadres (BINNENLANDS, from the simulated BAG). */
  @Column({ type: 'jsonb', nullable: true }) formeelAdres: Record<string, unknown> | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

@Entity('rio_instellingserkenning_periode')
export class RioInstellingserkenningPeriode {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_rio_instellingserkenning_periode' }) sandboxId: string;
  @PrimaryColumn({ type: 'varchar', length: 4, primaryKeyConstraintName: 'pk_rio_instellingserkenning_periode' }) instellingscode: string;
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'pk_rio_instellingserkenning_periode' }) begindatum: string;
  @SandboxFk('fk_rio_instellingserkenning_periode_sandbox') sandbox?: unknown;
  @RioFk(() => RioInstellingserkenning, 'fk_rio_instellingserkenning_periode_erkenning', [['instellingscode', 'code']], 'CASCADE') erkenning?: RioInstellingserkenning;
  @Column({ type: 'date', nullable: true }) einddatum: string | null;
  @Column({ type: 'varchar', length: 80 }) naam: string;
  @Column({ type: 'varchar', length: 30, nullable: true }) verkorteNaam: string | null;
  @Column({ type: 'text', array: true }) richtingen: string[];
  @Column({ type: 'varchar', length: 30 }) bekostigingscode: string;
  /** WPO, WEC, WPO_BES. */
  @Column({ type: 'varchar', length: 10, default: 'WPO' }) wet: string;
  /** Grondslag (denominatie), besides the richtingen. */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) grondslagen: string[];
}

/** Vestigingserkenning (BRIN6 = BRIN4 + 2 digits), with its formal address. */
@Entity('rio_vestigingserkenning')
@Index('ix_rio_vestigingserkenning_instelling', ['sandboxId', 'instellingscode'])
@Index('ix_rio_vestigingserkenning_postcode', ['sandboxId', 'postcode'])
export class RioVestigingserkenning {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_rio_vestigingserkenning' }) sandboxId: string;
  @PrimaryColumn({ type: 'varchar', length: 6, primaryKeyConstraintName: 'pk_rio_vestigingserkenning' }) code: string;
  @SandboxFk('fk_rio_vestigingserkenning_sandbox') sandbox?: unknown;
  @Column({ type: 'varchar', length: 4 }) instellingscode: string;
  @RioFk(() => RioInstellingserkenning, 'fk_rio_vestigingserkenning_instelling', [['instellingscode', 'code']]) instelling?: RioInstellingserkenning;
  @Column({ type: 'varchar', length: 20 }) hoofdNevenvestiging: string;
  @Column({ type: 'varchar', length: 10 }) soort: string;
  @Column({ type: 'date' }) inBedrijfdatum: string;
  @Column({ type: 'date', nullable: true }) uitBedrijfdatum: string | null;
  @Column({ type: 'varchar', length: 16 }) bagId: string;
  @Column({ type: 'varchar', length: 80 }) straatnaam: string;
  @Column({ type: 'integer' }) huisnummer: number;
  @Column({ type: 'varchar', length: 6, default: '' }) huisnummertoevoeging: string;
  @Column({ type: 'varchar', length: 6 }) postcode: string;
  @Column({ type: 'varchar', length: 80 }) plaatsnaam: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

@Entity('rio_vestigingserkenning_periode')
export class RioVestigingserkenningPeriode {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_rio_vestigingserkenning_periode' }) sandboxId: string;
  @PrimaryColumn({ type: 'varchar', length: 6, primaryKeyConstraintName: 'pk_rio_vestigingserkenning_periode' }) vestigingscode: string;
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'pk_rio_vestigingserkenning_periode' }) begindatum: string;
  @SandboxFk('fk_rio_vestigingserkenning_periode_sandbox') sandbox?: unknown;
  @RioFk(() => RioVestigingserkenning, 'fk_rio_vestigingserkenning_periode_erkenning', [['vestigingscode', 'code']], 'CASCADE') erkenning?: RioVestigingserkenning;
  @Column({ type: 'date', nullable: true }) einddatum: string | null;
  @Column({ type: 'varchar', length: 80 }) naam: string;
  @Column({ type: 'varchar', length: 30 }) bekostigingscode: string;
}
