import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Sandbox } from '../../beheer';

/** A mandate (the OSR equivalent): LAS vendor `oin` may exchange data with ROD for school `instellingscode`. */
@Entity('rod_machtiging')
@Index('uq_rod_machtiging_oin_instelling', ['sandboxId', 'oin', 'instellingscode'], { unique: true })
@Index('ix_rod_machtiging_instelling', ['sandboxId', 'instellingscode'])
export class RodMachtiging {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_rod_machtiging' })
  id: string;

  @Column({ type: 'uuid' })
  sandboxId: string;

  @ManyToOne(() => Sandbox, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sandbox_id', foreignKeyConstraintName: 'fk_rod_machtiging_sandbox' })
  sandbox?: Sandbox;

  @Column({ type: 'char', length: 20 })
  oin: string;

  /** BRIN4. */
  @Column({ type: 'char', length: 4 })
  instellingscode: string;

  @Column({ type: 'date' })
  geldigVanaf: string;

  @Column({ type: 'date', nullable: true })
  geldigTot: string | null;

  /** Client id of whoever granted it. */
  @Column({ type: 'varchar', length: 100 })
  verleendDoor: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
