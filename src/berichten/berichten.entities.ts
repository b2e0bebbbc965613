import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Sandbox } from '../beheer';

/** A vendor client's webhook subscription: events of the schools that mandate the client's OIN are POSTed to `url`. */
@Entity('webhook_abonnement')
@Check('ck_webhook_abonnement_storing_soort', `storing_soort IN ('UITSTEL', 'MISLUKT')`)
@Index('ix_webhook_abonnement_client', ['sandboxId', 'clientId'])
export class WebhookAbonnement {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_webhook_abonnement' })
  id: string;

  @Column({ type: 'uuid' })
  sandboxId: string;

  @ManyToOne(() => Sandbox, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sandbox_id', foreignKeyConstraintName: 'fk_webhook_abonnement_sandbox' })
  sandbox?: Sandbox;

  @Column({ type: 'varchar', length: 100 })
  clientId: string;

  /** OIN of the vendor: the mandates of this OIN decide which events are delivered. */
  @Column({ type: 'char', length: 20 })
  oin: string;

  @Column({ type: 'varchar', length: 2000 })
  url: string;

  /** Only these event types; null = every type. */
  @Column({ type: 'text', array: true, nullable: true })
  types: string[] | null;

  /** Signing secret (HMAC-SHA256). Kept to sign with; shown to the vendor once. */
  @Column({ type: 'varchar', length: 100 })
  geheim: string;

  /** A simulated push outage: UITSTEL holds deliveries back, MISLUKT makes every attempt fail, until `storingTot` on the sandbox clock. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  storingSoort: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  storingTot: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** One event for one subscription: claimed by a worker with SKIP LOCKED, retried with backoff, dead-lettered at the limit. */
@Entity('webhook_aflevering')
@Unique('uq_webhook_aflevering_abonnement_event', ['abonnementId', 'eventSeq'])
@Check('ck_webhook_aflevering_status', `status IN ('WACHTEND', 'GELEVERD', 'DEAD_LETTER')`)
@Index('ix_webhook_aflevering_wachtend', { synchronize: false })
@Index('ix_webhook_aflevering_volgorde', { synchronize: false })
@Index('ix_webhook_aflevering_abonnement_positie', ['abonnementId', 'feedPositie'])
export class WebhookAflevering {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'pk_webhook_aflevering' })
  id: string;

  @Column({ type: 'uuid' })
  sandboxId: string;

  @ManyToOne(() => Sandbox, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sandbox_id', foreignKeyConstraintName: 'fk_webhook_aflevering_sandbox' })
  sandbox?: Sandbox;

  @Column({ type: 'uuid' })
  abonnementId: string;

  @ManyToOne(() => WebhookAbonnement, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'abonnement_id', foreignKeyConstraintName: 'fk_webhook_aflevering_abonnement' })
  abonnement?: WebhookAbonnement;

  /** outbox_event.seq */
  @Column({ type: 'bigint' })
  eventSeq: string;

  @Column({ type: 'uuid' })
  eventId: string;

  /** The event's feed position: order of delivery within an ordering key. */
  @Column({ type: 'bigint' })
  feedPositie: string;

  @Column({ type: 'varchar', length: 200 })
  orderingKey: string;

  /** WACHTEND, GELEVERD or DEAD_LETTER. */
  @Column({ type: 'varchar', length: 12, default: 'WACHTEND' })
  status: string;

  /** Attempts in the current round (a manual redelivery starts a new round). */
  @Column({ type: 'integer', default: 0 })
  pogingen: number;

  @Column({ type: 'integer', default: 0 })
  pogingenTotaal: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  volgendePogingOp: Date;

  /** Lease of the worker that claimed it; after it expires another worker may claim it again (crash safety). */
  @Column({ type: 'timestamptz', nullable: true })
  geclaimdTot: Date | null;

  @Column({ type: 'integer', nullable: true })
  laatsteStatusCode: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  laatsteFout: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  geleverdOp: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** One HTTP attempt of a delivery: the delivery log. */
@Entity('webhook_poging')
export class WebhookPoging {
  @PrimaryColumn({ type: 'bigint', primaryKeyConstraintName: 'pk_webhook_poging' })
  afleveringId: string;

  @ManyToOne(() => WebhookAflevering, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'aflevering_id', foreignKeyConstraintName: 'fk_webhook_poging_aflevering' })
  aflevering?: WebhookAflevering;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_webhook_poging' })
  nummer: number;

  @Column({ type: 'uuid' })
  sandboxId: string;

  @ManyToOne(() => Sandbox, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sandbox_id', foreignKeyConstraintName: 'fk_webhook_poging_sandbox' })
  sandbox?: Sandbox;

  @Column({ type: 'timestamptz' })
  gestartOp: Date;

  @Column({ type: 'integer' })
  duurMs: number;

  @Column({ type: 'integer', nullable: true })
  statusCode: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  fout: string | null;
}

export const BERICHTEN_ENTITIES = [WebhookAbonnement, WebhookAflevering, WebhookPoging];
