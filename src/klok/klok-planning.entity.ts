import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Sandbox } from '../beheer';

/** Up to which date (in the sandbox's clock) scheduled work has run: teldata reached, deadlines passed. */
@Entity('klok_planning')
export class KlokPlanning {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_klok_planning' })
  sandboxId: string;

  @ManyToOne(() => Sandbox, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sandbox_id', foreignKeyConstraintName: 'fk_klok_planning_sandbox' })
  sandbox?: Sandbox;

  @Column({ type: 'date' })
  verwerktTot: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

