import { JoinColumn, ManyToOne, ObjectType } from 'typeorm';
import { Sandbox } from '../../beheer';

/** The sandbox_id foreign key every RIO table has (ON DELETE CASCADE). */
export function SandboxFk(constraint: string): PropertyDecorator {
  return (target, key) => {
    ManyToOne(() => Sandbox, { onDelete: 'CASCADE' })(target, key);
    JoinColumn({ name: 'sandbox_id', foreignKeyConstraintName: constraint })(target, key);
  };
}

/** A composite foreign key on (sandbox_id, …) to another RIO table with a natural key. */
export function RioFk<T>(target: () => ObjectType<T>, constraint: string, columns: [string, string][], onDelete?: 'CASCADE'): PropertyDecorator {
  return (proto, key) => {
    ManyToOne(target, onDelete ? { onDelete } : {})(proto, key);
    JoinColumn([
      { name: 'sandbox_id', referencedColumnName: 'sandboxId', foreignKeyConstraintName: constraint },
      ...columns.map(([name, referencedColumnName]) => ({ name, referencedColumnName })),
    ])(proto, key);
  };
}
