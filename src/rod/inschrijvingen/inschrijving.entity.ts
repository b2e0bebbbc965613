import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Sandbox } from '../../beheer';
import { RodPersoon } from '../personen/persoon.entity';

/**
 * The current state of one inschrijving, keyed by school + person + inschrijvingvolgnummer.
 * A verwijdering deletes the row (and its periodes); its history stays in rod_inschrijving_versie.
 */
@Entity('rod_inschrijving')
/** The key leads with the person: it also serves every lookup of a person's inschrijvingen. */
@Index('uq_rod_inschrijving_sleutel', ['sandboxId', 'persoonId', 'instellingscode', 'inschrijvingvolgnummer'], { unique: true })
@Index('ix_rod_inschrijving_instelling_datum', ['sandboxId', 'instellingscode', 'datumInschrijving'])
export class RodInschrijving {
  /** Opaque id given by ROD (the inschrijvingId of the API). */
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_rod_inschrijving' })
  id: string;

  @Column({ type: 'uuid' })
  sandboxId: string;

  // No foreign key to sandbox: the row goes with its person (rod_persoon cascades from sandbox), and a bulk load saves the check.

  @Column({ type: 'uuid' })
  persoonId: string;

  @ManyToOne(() => RodPersoon, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'persoon_id', foreignKeyConstraintName: 'fk_rod_inschrijving_persoon' })
  persoon?: RodPersoon;

  /** BRIN4 of the school. */
  @Column({ type: 'char', length: 4 })
  instellingscode: string;

  /** Set by the LAS; unique per person and school. */
  @Column({ type: 'varchar', length: 20 })
  inschrijvingvolgnummer: string;

  @Column({ type: 'date' })
  datumInschrijving: string;

  /** Last day at the school, inclusive. */
  @Column({ type: 'date', nullable: true })
  datumUitschrijving: string | null;

  @Column({ type: 'varchar', length: 2, nullable: true })
  nnca: string | null;

  /** The date the pupil settled in the Netherlands, when the school sent it: a nieuwkomer on a nieuwkomers teldatum (rod.md §8.1). */
  @Column({ type: 'date', nullable: true })
  datumVestigingInNederland: string | null;

  /** [{datumBegin, datumEinde}] */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  ontwikkelingsperspectief: unknown;

  /** Toelaatbaarheidsverklaringen [{beschikkingsnummer, datumBegin, datumEinde}]: sbo is funded only with one valid on the teldatum (B05). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  toelaatbaarheidsverklaringen: unknown;

  /** The so/vso part {schoolsoort, cluster, soortOnderwijs, soortVerblijf, arrangement, uitstroomprofiel}; null for bo/sbo. */
  @Column({ type: 'jsonb', nullable: true })
  speciaalOnderwijs: unknown;

  /** {pedagogischDidactischConcept[], experiment[], vveProgramma}: optional items (rod.md §3 #8, §4.2); {} when none. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  kenmerken: unknown;

  /** Number of the current version, from 1. */
  @Column({ type: 'integer' })
  versie: number;

  /** SHA-256 of the normalised content: an identical resend changes nothing. */
  @Column({ type: 'char', length: 64 })
  inhoudHash: string;

  /** Meldingen of the current version. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  meldingen: unknown;

  @Column({ type: 'uuid' })
  bedrijfsdocumentId: string;

  /** Client id of the LAS vendor that sent the current version. */
  @Column({ type: 'varchar', length: 100 })
  aangeleverdDoor: string;

  @Column({ type: 'char', length: 20 })
  aangeleverdOin: string;

  /** Sandbox time the inschrijving first reached ROD (bekostiging: registered before the deadline?). */
  @Column({ type: 'timestamptz' })
  eerstOntvangenOp: Date;

  /** Order of first receipt over the register (sequence): "earliest received" when receive times are equal (frozen clock). */
  @Column({ type: 'bigint', default: () => "nextval('rod_inschrijving_ontvangst_seq')" })
  ontvangstVolgnummer: string;

  /** Sandbox time of the current version. */
  @Column({ type: 'timestamptz' })
  ontvangenOp: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** One periode of an inschrijving: a new one on every change of groep or location. */
@Entity('rod_inschrijving_periode')
@Index('ix_rod_inschrijving_periode_vestiging', ['sandboxId', 'vestigingscode', 'datumBegin'])
export class RodInschrijvingPeriode {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_rod_inschrijving_periode' })
  inschrijvingId: string;

  @ManyToOne(() => RodInschrijving, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'inschrijving_id', foreignKeyConstraintName: 'fk_rod_inschrijving_periode_inschrijving' })
  inschrijving?: RodInschrijving;

  /** Position by datumBegin, from 1. */
  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'pk_rod_inschrijving_periode' })
  volgnummer: number;

  /** The inschrijving's sandbox (no foreign key of its own: the inschrijving's cascades from the sandbox). */
  @Column({ type: 'uuid' })
  sandboxId: string;

  // No foreign key to sandbox: the periode goes with its inschrijving, which goes with its person.

  @Column({ type: 'date' })
  datumBegin: string;

  /** Derived: the day before the next periode, or datumUitschrijving; null while open. */
  @Column({ type: 'date', nullable: true })
  datumEinde: string | null;

  /** BRIN6. */
  @Column({ type: 'char', length: 6 })
  vestigingscode: string;

  @Column({ type: 'char', length: 7 })
  onderwijsaanbiedercode: string;

  @Column({ type: 'char', length: 7 })
  onderwijslocatiecode: string;

  @Column({ type: 'smallint' })
  groep: number;

  @Column({ type: 'smallint', nullable: true })
  leerjaar: number | null;

  /** false = the school marks this periode as not funded. */
  @Column({ type: 'boolean', nullable: true })
  indicatieBekostiging: boolean | null;
}

/** Every accepted version of an inschrijving (and its verwijdering): who sent it, when, with which bedrijfsdocument. */
@Entity('rod_inschrijving_versie')
export class RodInschrijvingVersie {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_rod_inschrijving_versie' })
  inschrijvingId: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_rod_inschrijving_versie' })
  versie: number;

  @Column({ type: 'uuid' })
  sandboxId: string;

  @ManyToOne(() => Sandbox, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sandbox_id', foreignKeyConstraintName: 'fk_rod_inschrijving_versie_sandbox' })
  sandbox?: Sandbox;

  /** AANLEVERING or VERWIJDERING. */
  @Column({ type: 'varchar', length: 20 })
  soort: string;

  @Column({ type: 'uuid' })
  persoonId: string;

  @Column({ type: 'char', length: 4 })
  instellingscode: string;

  @Column({ type: 'varchar', length: 20 })
  inschrijvingvolgnummer: string;

  /** The accepted message content (without the bedrijfsdocument header). */
  @Column({ type: 'jsonb' })
  inhoud: unknown;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  meldingen: unknown;

  @Column({ type: 'uuid' })
  bedrijfsdocumentId: string;

  @Column({ type: 'timestamptz' })
  datumTijdBedrijfsdocument: Date;

  @Column({ type: 'varchar', length: 100 })
  clientId: string;

  @Column({ type: 'char', length: 20 })
  oin: string;

  /** Sandbox time of receipt. */
  @Column({ type: 'timestamptz' })
  ontvangenOp: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** The stored answer to a bedrijfsdocument (natural idempotency on identificatiecodeBedrijfsdocument). */
@Entity('rod_bedrijfsdocument')
export class RodBedrijfsdocument {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_rod_bedrijfsdocument' })
  sandboxId: string;

  @ManyToOne(() => Sandbox, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sandbox_id', foreignKeyConstraintName: 'fk_rod_bedrijfsdocument_sandbox' })
  sandbox?: Sandbox;

  @PrimaryColumn({ type: 'char', length: 20, primaryKeyConstraintName: 'pk_rod_bedrijfsdocument' })
  oin: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_rod_bedrijfsdocument' })
  identificatiecode: string;

  @Column({ type: 'varchar', length: 20 })
  soort: string;

  @Column({ type: 'char', length: 64 })
  requestHash: string;

  @Column({ type: 'integer' })
  statusCode: number;

  @Column({ type: 'jsonb' })
  antwoord: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** A kennisgeving to one school about the pupil's inschrijving at another school (delivered by the berichten module). */
@Entity('rod_kennisgeving')
@Index('ix_rod_kennisgeving_instelling', ['sandboxId', 'instellingscode'])
@Index('ix_rod_kennisgeving_persoon', ['sandboxId', 'persoonId'])
export class RodKennisgeving {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_rod_kennisgeving' })
  id: string;

  @Column({ type: 'uuid' })
  sandboxId: string;

  @ManyToOne(() => Sandbox, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sandbox_id', foreignKeyConstraintName: 'fk_rod_kennisgeving_sandbox' })
  sandbox?: Sandbox;

  @Column({ type: 'uuid' })
  persoonId: string;

  @ManyToOne(() => RodPersoon, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'persoon_id', foreignKeyConstraintName: 'fk_rod_kennisgeving_persoon' })
  persoon?: RodPersoon;

  /** DUBBELE_INSCHRIJVING. */
  @Column({ type: 'varchar', length: 30 })
  soort: string;

  /** The school this kennisgeving is for. */
  @Column({ type: 'char', length: 4 })
  instellingscode: string;

  @Column({ type: 'uuid' })
  inschrijvingId: string;

  @Column({ type: 'char', length: 4 })
  andereInstellingscode: string;

  @Column({ type: 'uuid' })
  andereInschrijvingId: string;

  @Column({ type: 'date' })
  andereDatumInschrijving: string;

  @Column({ type: 'date', nullable: true })
  andereDatumUitschrijving: string | null;

  /** The outbox event that delivers it. */
  @Column({ type: 'uuid' })
  eventId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
