import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Sandbox } from '../../beheer';

/**
 * A person in the simulated persoonsregister: a BRP stand-in (persons with a BSN) plus the persons
 * DUO issued an onderwijsnummer to. Both numbers are kept once an onderwijsnummer gets a BSN.
 */
@Entity('rod_persoon')
@Index('uq_rod_persoon_bsn', ['sandboxId', 'burgerservicenummer'], { unique: true, where: 'burgerservicenummer IS NOT NULL' })
@Index('uq_rod_persoon_onderwijsnummer', ['sandboxId', 'onderwijsnummer'], { unique: true, where: 'onderwijsnummer IS NOT NULL' })
@Index('ix_rod_persoon_geboortedatum', ['sandboxId', 'geboortedatum'])
export class RodPersoon {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_rod_persoon' })
  id: string;

  @Column({ type: 'uuid' })
  sandboxId: string;

  @ManyToOne(() => Sandbox, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sandbox_id', foreignKeyConstraintName: 'fk_rod_persoon_sandbox' })
  sandbox?: Sandbox;

  @Column({ type: 'char', length: 9, nullable: true })
  burgerservicenummer: string | null;

  /** Issued by DUO when the person has no BSN (or had none when identified). */
  @Column({ type: 'char', length: 9, nullable: true })
  onderwijsnummer: string | null;

  /** YYYY-MM-DD; `00` for an unknown month or day (onvolledige datum). */
  @Column({ type: 'varchar', length: 10 })
  geboortedatum: string;

  /** M, V or O (vastgesteld onbekend). */
  @Column({ type: 'char', length: 1 })
  geslacht: string;

  @Column({ type: 'varchar', length: 200 })
  achternaam: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  voorvoegsels: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  voornamen: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  straatnaam: string | null;

  @Column({ type: 'integer', nullable: true })
  huisnummer: number | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  huisnummertoevoeging: string | null;

  @Column({ type: 'char', length: 6, nullable: true })
  postcode: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  plaatsnaam: string | null;

  /** Address lines of a pupil abroad, as sent at identificatie. */
  @Column({ type: 'text', array: true, nullable: true })
  adresregels: string[] | null;

  /** Woonland, BRP country table (6030 Nederland). */
  @Column({ type: 'char', length: 4, default: '6030' })
  landcode: string;

  /** Name of the documented test persona, when this person is one. */
  @Column({ type: 'varchar', length: 50, nullable: true })
  persona: string | null;

  /** When a person known by onderwijsnummer got a BSN. */
  @Column({ type: 'timestamptz', nullable: true })
  bsnToegekendOp: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
