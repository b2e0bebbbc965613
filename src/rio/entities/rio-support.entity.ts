import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { SandboxFk } from './entity-helpers';

/** One row per change of a RIO object: the source of the change feeds (deletions included). */
@Entity('rio_mutatie')
@Index('ix_rio_mutatie_soort_tijdstip', ['sandboxId', 'soortObject', 'tijdstip'])
export class RioMutatie {
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'pk_rio_mutatie' }) id: string;
  @Column({ type: 'uuid' }) sandboxId: string;
  @SandboxFk('fk_rio_mutatie_sandbox') sandbox?: unknown;
  @Column({ type: 'varchar', length: 40 }) soortObject: string;
  @Column({ type: 'varchar', length: 36 }) code: string;
  /** TOEGEVOEGD, GEWIJZIGD or VERWIJDERD. */
  @Column({ type: 'varchar', length: 12 }) soortWijziging: string;
  /** The sandbox's time of the change. */
  @Column({ type: 'timestamptz' }) tijdstip: Date;
}

/** Last number handed out per code type (A, B, X) in a sandbox. */
@Entity('rio_code_teller')
export class RioCodeTeller {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_rio_code_teller' }) sandboxId: string;
  @PrimaryColumn({ type: 'varchar', length: 1, primaryKeyConstraintName: 'pk_rio_code_teller' }) soort: string;
  @SandboxFk('fk_rio_code_teller_sandbox') sandbox?: unknown;
  @Column({ type: 'integer' }) laatste: number;
}
