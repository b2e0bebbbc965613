import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { RioFk, SandboxFk } from './entity-helpers';
import { RioInstellingserkenning, RioOnderwijsbestuur } from './juridisch.entity';

/**
 * The bevoegd gezag of a BRIN4, dated (begindatum inclusive, einddatum exclusive): one row per bestuur it stood under.
 * rio_instellingserkenning.onderwijsbestuurcode keeps the bestuur of the last period.
 */
@Entity('rio_instelling_bestuur')
@Index('ix_rio_instelling_bestuur_bestuur', ['sandboxId', 'onderwijsbestuurcode'])
export class RioInstellingBestuur {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_rio_instelling_bestuur' }) sandboxId: string;
  @PrimaryColumn({ type: 'varchar', length: 4, primaryKeyConstraintName: 'pk_rio_instelling_bestuur' }) instellingscode: string;
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'pk_rio_instelling_bestuur' }) begindatum: string;
  @SandboxFk('fk_rio_instelling_bestuur_sandbox') sandbox?: unknown;
  @RioFk(() => RioInstellingserkenning, 'fk_rio_instelling_bestuur_erkenning', [['instellingscode', 'code']], 'CASCADE') erkenning?: RioInstellingserkenning;
  @Column({ type: 'date', nullable: true }) einddatum: string | null;
  @Column({ type: 'varchar', length: 7 }) onderwijsbestuurcode: string;
  @RioFk(() => RioOnderwijsbestuur, 'fk_rio_instelling_bestuur_bestuur', [['onderwijsbestuurcode', 'code']]) bestuur?: RioOnderwijsbestuur;
}

/**
 * An overgang (Instellingsrelatie): OVERGANG_VOLLEDIG, a BRIN4 with its vestigingen, aanbieders and locatiegebruik moves
 * to another bestuur on a date; OVERGANG_GEDEELTELIJK, some of its vestigingen go over to another bestuur's BRIN4.
 */
@Entity('rio_overgang')
@Index('uq_rio_overgang_volledig', ['sandboxId', 'instellingscode', 'overgangsdatum'], { unique: true, where: "soort = 'OVERGANG_VOLLEDIG'" })
@Index('ix_rio_overgang_datum', ['sandboxId', 'overgangsdatum'])
@Index('ix_rio_overgang_naar_instelling', ['sandboxId', 'naarInstellingscode'])
export class RioOvergang {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_rio_overgang' }) sandboxId: string;
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_rio_overgang' }) id: string;
  @SandboxFk('fk_rio_overgang_sandbox') sandbox?: unknown;
  /** OVERGANG_VOLLEDIG or OVERGANG_GEDEELTELIJK. */
  @Column({ type: 'varchar', length: 30 }) soort: string;
  @Column({ type: 'varchar', length: 4 }) instellingscode: string;
  @RioFk(() => RioInstellingserkenning, 'fk_rio_overgang_erkenning', [['instellingscode', 'code']], 'CASCADE') erkenning?: RioInstellingserkenning;
  /** OVERGANG_GEDEELTELIJK: the BRIN4 that receives the part; null for OVERGANG_VOLLEDIG. */
  @Column({ type: 'varchar', length: 4, nullable: true }) naarInstellingscode: string | null;
  @RioFk(() => RioInstellingserkenning, 'fk_rio_overgang_naar_erkenning', [['naar_instellingscode', 'code']], 'CASCADE') naarErkenning?: RioInstellingserkenning;
  @Column({ type: 'varchar', length: 7 }) vanOnderwijsbestuurcode: string;
  @RioFk(() => RioOnderwijsbestuur, 'fk_rio_overgang_van', [['van_onderwijsbestuurcode', 'code']]) van?: RioOnderwijsbestuur;
  @Column({ type: 'varchar', length: 7 }) naarOnderwijsbestuurcode: string;
  @RioFk(() => RioOnderwijsbestuur, 'fk_rio_overgang_naar', [['naar_onderwijsbestuurcode', 'code']]) naar?: RioOnderwijsbestuur;
  /** The first day under the new bestuur. */
  @Column({ type: 'date' }) overgangsdatum: string;
  @Column({ type: 'text', array: true }) vestigingscodes: string[];
  @Column({ type: 'text', array: true }) onderwijsaanbiedercodes: string[];
  @Column({ type: 'text', array: true }) onderwijslocatiecodes: string[];
  @Column({ type: 'timestamptz' }) geregistreerdOp: Date;
  /** The BRIN4, aanbieders and locatiegebruik it changed, before and after (null for seeded overgangen): for a withdrawal. */
  @Column({ type: 'jsonb', nullable: true }) voorStand: Record<string, unknown> | null;
  @Column({ type: 'jsonb', nullable: true }) naStand: Record<string, unknown> | null;
}
