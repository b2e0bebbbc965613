import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The bekostigingsstatus of one inschrijving on one teldatum for one soortBekostiging: voorlopig (V) until the deadline,
 * then definitief (D). A nieuwkomer has a NIEUWKOMERS status beside the REGULIER or GROEI one on the nieuwkomers teldata.
 * Deleting an inschrijving deletes its statuses (a statement trigger, see migration BekostigingBulk).
 */
@Entity('bekostigingsstatus')
@Check('ck_bekostigingsstatus_status', `status IN ('BEKOSTIGD', 'NIET_BEKOSTIGD')`)
@Check('ck_bekostigingsstatus_bepaling', `status_bepaling IN ('V', 'D')`)
@Check('ck_bekostigingsstatus_soort', `soort_bekostiging IN ('REGULIER', 'GROEI', 'NIEUWKOMERS')`)
@Index('ix_bekostigingsstatus_school_teldatum', ['sandboxId', 'instellingscode', 'teldatum'])
@Index('ix_bekostigingsstatus_teldatum', ['sandboxId', 'teldatum', 'statusBepaling'])
export class Bekostigingsstatus {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_bekostigingsstatus' })
  inschrijvingId: string;

  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'pk_bekostigingsstatus' })
  teldatum: string;

  /** The inschrijving's sandbox (no foreign key: the inschrijving's removal removes the status). */
  @Column({ type: 'uuid' })
  sandboxId: string;

  @Column({ type: 'uuid' })
  persoonId: string;

  @Column({ type: 'char', length: 4 })
  instellingscode: string;

  @Column({ type: 'varchar', length: 20 })
  inschrijvingvolgnummer: string;

  /** BRIN6 of the periode on the teldatum; null when none. */
  @Column({ type: 'char', length: 6, nullable: true })
  vestigingscode: string | null;

  /** REGULIER (1 February), GROEI (the first of every other month) or NIEUWKOMERS (1 January, April, July, October: nieuwkomers only). */
  @PrimaryColumn({ type: 'varchar', length: 12, primaryKeyConstraintName: 'pk_bekostigingsstatus' })
  soortBekostiging: string;

  @Column({ type: 'varchar', length: 16 })
  status: string;

  /** V (voorlopig) or D (definitief). */
  @Column({ type: 'char', length: 1 })
  statusBepaling: string;

  /** Bekostigingssignalen, e.g. B02_dubbele_inschrijving. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  signalen: string[];

  /** Sandbox time of the last change. */
  @Column({ type: 'timestamptz' })
  bepaaldOp: Date;
}

export const BEKOSTIGING_ENTITIES = [Bekostigingsstatus];
