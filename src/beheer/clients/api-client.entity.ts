import { Column, CreateDateColumn, Entity, JoinTable, ManyToMany, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Sandbox } from '../sandboxes/sandbox.entity';

/** An OAuth client: a LAS vendor (identified by its OIN) or a DUO-beheer administrator. */
@Entity('api_client')
export class ApiClient {
  @PrimaryColumn({ type: 'varchar', length: 100, primaryKeyConstraintName: 'pk_api_client' })
  clientId: string;

  @Column({ type: 'varchar', length: 200 })
  naam: string;

  /** BEHEER or LEVERANCIER. */
  @Column({ type: 'varchar', length: 20 })
  role: string;

  /** Organisatie-identificatienummer, 20 digits. */
  @Column({ type: 'char', length: 20 })
  oin: string;

  /** scrypt hash of the current secret; the secret itself is never stored. */
  @Column({ type: 'text', nullable: true })
  secretHash: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  secretRotatedAt: Date | null;

  /** PEM public key for private_key_jwt client authentication. */
  @Column({ type: 'text', nullable: true })
  publicKeyPem: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  scopes: string[];

  /** Onderwijsbestuurcodes this client acts for in RIO. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  bestuurcodes: string[];

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @ManyToMany(() => Sandbox, { onDelete: 'CASCADE' })
  @JoinTable({
    name: 'api_client_sandbox',
    joinColumn: { name: 'client_id', referencedColumnName: 'clientId', foreignKeyConstraintName: 'fk_api_client_sandbox_client' },
    inverseJoinColumn: { name: 'sandbox_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_api_client_sandbox_sandbox' },
  })
  sandboxes: Sandbox[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
