import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A sandbox: an isolated copy of the registers with its own clock. Every record belongs to one. */
@Entity('sandbox')
@Index('uq_sandbox_code', ['code'], { unique: true })
export class Sandbox {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_sandbox' })
  id: string;

  /** Human identifier used in URLs and tokens (kebab-case). */
  @Column({ type: 'varchar', length: 63 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  naam: string;

  /** Named seed the sandbox was created from and is reset to: empty, small or national. */
  @Column({ type: 'varchar', length: 20 })
  seedScale: string;

  @Column({ type: 'integer' })
  seedValue: number;

  @Column({ type: 'boolean', default: false })
  isDefault: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  clockFrozenAt: Date | null;

  @Column({ type: 'bigint', default: 0 })
  clockOffsetMs: string;

  @Column({ type: 'timestamptz', nullable: true })
  lastResetAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
