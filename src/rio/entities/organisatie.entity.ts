import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { RioFk, SandboxFk } from './entity-helpers';
import { RioOnderwijsbestuur } from './juridisch.entity';
import { RioOnderwijsaanbieder } from './onderwijskundig.entity';

/** Onderwijsaanbiedergroep (nnnGnnn): aanbieders grouped, optionally under an onderwijsbestuur. */
@Entity('rio_onderwijsaanbiedergroep')
@Index('ix_rio_onderwijsaanbiedergroep_bestuur', ['sandboxId', 'onderwijsbestuurcode'])
export class RioOnderwijsaanbiedergroep {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_rio_onderwijsaanbiedergroep' }) sandboxId: string;
  @PrimaryColumn({ type: 'varchar', length: 7, primaryKeyConstraintName: 'pk_rio_onderwijsaanbiedergroep' }) code: string;
  @SandboxFk('fk_rio_onderwijsaanbiedergroep_sandbox') sandbox?: unknown;
  /** The bestuur it is grouped under; null = none. */
  @Column({ type: 'varchar', length: 7, nullable: true }) onderwijsbestuurcode: string | null;
  @RioFk(() => RioOnderwijsbestuur, 'fk_rio_onderwijsaanbiedergroep_bestuur', [['onderwijsbestuurcode', 'code']]) bestuur?: RioOnderwijsbestuur;
  @Column({ type: 'date' }) inBedrijfdatum: string;
  @Column({ type: 'date', nullable: true }) uitBedrijfdatum: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

@Entity('rio_onderwijsaanbiedergroep_periode')
export class RioOnderwijsaanbiedergroepPeriode {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_rio_onderwijsaanbiedergroep_periode' }) sandboxId: string;
  @PrimaryColumn({ type: 'varchar', length: 7, primaryKeyConstraintName: 'pk_rio_onderwijsaanbiedergroep_periode' }) onderwijsaanbiedergroepcode: string;
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'pk_rio_onderwijsaanbiedergroep_periode' }) begindatum: string;
  @SandboxFk('fk_rio_onderwijsaanbiedergroep_periode_sandbox') sandbox?: unknown;
  @RioFk(() => RioOnderwijsaanbiedergroep, 'fk_rio_onderwijsaanbiedergroep_periode_groep', [['onderwijsaanbiedergroepcode', 'code']], 'CASCADE') groep?: RioOnderwijsaanbiedergroep;
  @Column({ type: 'date', nullable: true }) einddatum: string | null;
  @Column({ type: 'varchar', length: 80 }) naam: string;
  @Column({ type: 'varchar', length: 225, nullable: true }) internationaleNaam: string | null;
}

/** A member onderwijsaanbieder of a groep, dated. */
@Entity('rio_aanbiedergroep_lid')
@Index('ix_rio_aanbiedergroep_lid_aanbieder', ['sandboxId', 'onderwijsaanbiedercode'])
export class RioAanbiedergroepLid {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_rio_aanbiedergroep_lid' }) sandboxId: string;
  @PrimaryColumn({ type: 'varchar', length: 7, primaryKeyConstraintName: 'pk_rio_aanbiedergroep_lid' }) onderwijsaanbiedergroepcode: string;
  @PrimaryColumn({ type: 'varchar', length: 7, primaryKeyConstraintName: 'pk_rio_aanbiedergroep_lid' }) onderwijsaanbiedercode: string;
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'pk_rio_aanbiedergroep_lid' }) begindatum: string;
  @SandboxFk('fk_rio_aanbiedergroep_lid_sandbox') sandbox?: unknown;
  @RioFk(() => RioOnderwijsaanbiedergroep, 'fk_rio_aanbiedergroep_lid_groep', [['onderwijsaanbiedergroepcode', 'code']], 'CASCADE') groep?: RioOnderwijsaanbiedergroep;
  @RioFk(() => RioOnderwijsaanbieder, 'fk_rio_aanbiedergroep_lid_aanbieder', [['onderwijsaanbiedercode', 'code']], 'CASCADE') aanbieder?: RioOnderwijsaanbieder;
  @Column({ type: 'date', nullable: true }) einddatum: string | null;
}

/**
 * Organisatierelatie between two organisatorische eenheden (bestuur B, aanbieder A, groep G): HIERARCHISCH or
 * OVERGANG, dated. The ends are codes of different tables, so no foreign key: deleting an eenheid removes its relaties.
 */
@Entity('rio_organisatierelatie')
@Index('ix_rio_organisatierelatie_naar', ['sandboxId', 'naarCode'])
export class RioOrganisatierelatie {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_rio_organisatierelatie' }) sandboxId: string;
  @PrimaryColumn({ type: 'varchar', length: 7, primaryKeyConstraintName: 'pk_rio_organisatierelatie' }) vanCode: string;
  @PrimaryColumn({ type: 'varchar', length: 7, primaryKeyConstraintName: 'pk_rio_organisatierelatie' }) naarCode: string;
  @PrimaryColumn({ type: 'varchar', length: 20, primaryKeyConstraintName: 'pk_rio_organisatierelatie' }) soort: string;
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'pk_rio_organisatierelatie' }) begindatum: string;
  @SandboxFk('fk_rio_organisatierelatie_sandbox') sandbox?: unknown;
  @Column({ type: 'date', nullable: true }) einddatum: string | null;
}
