import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Sandbox } from '../beheer';

/** One exchange of a client with the simulator: what a conformance run is graded from, and what a vendor searches. */
@Entity('conformance_journaal')
@Index('ix_conformance_journaal_client', ['sandboxId', 'clientId', 'id'])
@Index('ix_conformance_journaal_bedrijfsdocument', ['sandboxId', 'bedrijfsdocumentId'])
@Index('ix_conformance_journaal_tijdstip', ['tijdstip'])
export class ConformanceJournaal {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'pk_conformance_journaal' })
  id: string;

  @Column({ type: 'uuid' })
  sandboxId: string;

  @ManyToOne(() => Sandbox, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sandbox_id', foreignKeyConstraintName: 'fk_conformance_journaal_sandbox' })
  sandbox?: Sandbox;

  @Column({ type: 'varchar', length: 100 })
  clientId: string;

  @Column({ type: 'timestamptz' })
  tijdstip: Date;

  @Column({ type: 'varchar', length: 10 })
  methode: string;

  @Column({ type: 'varchar', length: 2000 })
  pad: string;

  @Column({ type: 'int' })
  status: number;

  /** Problem code, foutmelding and melding codes of the answer. */
  @Column({ type: 'text', array: true })
  codes: string[];

  @Column({ type: 'uuid', nullable: true })
  bedrijfsdocumentId: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  idempotencyKey: string | null;

  /** The answer was a replay of a stored one (Idempotency-Key). */
  @Column({ type: 'boolean', default: false })
  herhaald: boolean;

  /** The fault-injection rule that changed this exchange. */
  @Column({ type: 'uuid', nullable: true })
  storingId: string | null;

  @Column({ type: 'real' })
  duurMs: number;

  @Column({ type: 'varchar', length: 100 })
  correlationId: string;

  /** Request body (or query of a read) with person numbers masked, as JSON text. */
  @Column({ type: 'json', nullable: true })
  verzoek: unknown;

  /** Response body with person numbers masked, as JSON text (bodies over 256 kB are left out). */
  @Column({ type: 'json', nullable: true })
  antwoord: unknown;
}

/** A conformance run of one client in one sandbox: graded from the client's exchanges in the journal since `gestartOp`. */
@Entity('conformance_run')
@Index('ix_conformance_run_client', ['sandboxId', 'clientId', 'gestartOp'])
export class ConformanceRun {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_conformance_run' })
  id: string;

  @Column({ type: 'uuid' })
  sandboxId: string;

  @ManyToOne(() => Sandbox, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sandbox_id', foreignKeyConstraintName: 'fk_conformance_run_sandbox' })
  sandbox?: Sandbox;

  @Column({ type: 'varchar', length: 100 })
  clientId: string;

  @Column({ type: 'varchar', length: 20 })
  catalogusVersie: string;

  @Column({ type: 'timestamptz' })
  gestartOp: Date;

  @Column({ type: 'timestamptz', nullable: true })
  afgerondOp: Date | null;

  /** The grading frozen when the run was finished. */
  @Column({ type: 'jsonb', nullable: true })
  uitslag: unknown;
}

/** A fault-injection rule of a sandbox: requests that match get a status, a delay or a dropped connection. */
@Entity('conformance_storing')
@Index('ix_conformance_storing_sandbox', ['sandboxId'])
@Check('ck_conformance_storing_soort', `soort IN ('STATUS', 'VERTRAGING', 'VERBINDING_VERBREKEN', 'WEBHOOK_UITSTEL', 'WEBHOOK_MISLUKT')`)
@Check('ck_conformance_storing_schrijven', `schrijven IN ('NIET_OPSLAAN', 'OPSLAAN_DAN_STORING')`)
export class ConformanceStoring {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_conformance_storing' })
  id: string;

  @Column({ type: 'uuid' })
  sandboxId: string;

  @ManyToOne(() => Sandbox, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sandbox_id', foreignKeyConstraintName: 'fk_conformance_storing_sandbox' })
  sandbox?: Sandbox;

  /** Only this client's requests; null: every client of the sandbox (administrators only). */
  @Column({ type: 'varchar', length: 100, nullable: true })
  clientId: string | null;

  @Column({ type: 'varchar', length: 100 })
  aangemaaktDoor: string;

  @Column({ type: 'varchar', length: 10, nullable: true })
  methode: string | null;

  @Column({ type: 'varchar', length: 500 })
  padPatroon: string;

  @Column({ type: 'real', nullable: true })
  kans: number | null;

  @Column({ type: 'int', nullable: true })
  elkeNde: number | null;

  @Column({ type: 'int', default: 0 })
  teller: number;

  @Column({ type: 'varchar', length: 30 })
  soort: string;

  @Column({ type: 'int', nullable: true })
  status: number | null;

  @Column({ type: 'int', nullable: true })
  retryAfter: number | null;

  @Column({ type: 'int', nullable: true })
  vertragingMs: number | null;

  @Column({ type: 'varchar', length: 30 })
  schrijven: string;

  @Column({ type: 'timestamptz', nullable: true })
  vanaf: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  tot: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  aangemaaktOp: Date;
}

export const CONFORMANCE_ENTITIES = [ConformanceJournaal, ConformanceRun, ConformanceStoring];
