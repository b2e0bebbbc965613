import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { uuidV7 } from '../../common/database/uuid-v7';
import { NieuwPersoonRij, PersonenRepository } from '../personen/personen.repository';
import type { PersoonRij } from '../rules/pgn';
import type { Terugmelding } from '../rod.errors';
import { RodRioPort } from '../rio-port';
import { Aanlevering, BeoordelingContext, BestaandeInschrijving, HuidigeStand, NieuweStand, rioVragen } from './aanlevering.beoordeling';
import { Herkomst, InschrijvingenRepository, inschrijvingRij } from './inschrijvingen.repository';

/** The state and context one aanlevering of a batch is judged on. */
export interface BulkInvoer {
  stand: HuidigeStand;
  context: BeoordelingContext;
}

/** A person as `addPersonen` answers it: found or registered, and whether this call registered it. */
export interface BulkPersoon {
  persoon: PersoonRij;
  nieuw: boolean;
}

/** An accepted aanlevering to write: `beoordeel`'s nieuweStand and meldingen, and where it came from. */
export interface BulkSchrijfOpdracht {
  nieuweStand: NieuweStand;
  meldingen: Terugmelding[];
  herkomst: Herkomst;
}

/**
 * ROD's rules for many aanleveringen at once, without HTTP, mandates or bedrijfsdocumenten (a migration, not a vendor):
 * load the state of a batch in a few statements, judge each with `beoordeel`, write the accepted ones in one statement.
 * The caller owns the transaction (pass its EntityManager). See the ROD index for the whole recipe.
 */
@Injectable()
export class InschrijvingenBulkService {
  constructor(
    private readonly repository: InschrijvingenRepository,
    private readonly personen: PersonenRepository,
    private readonly rio: RodRioPort,
  ) {}

  /** The persons of many PGN numbers (BSN or onderwijsnummer) of one sandbox, or null; in input order. One statement. */
  findPersonen(manager: EntityManager, sandboxId: string, nummers: string[]): Promise<(PersoonRij | null)[]> {
    return this.personen.findByNummers(manager, sandboxId, nummers);
  }

  /**
   * Adds persons to the persoonsregister in one statement (a registered BSN or onderwijsnummer is kept as it is); answers
   * each one's person and whether this call registered it (then it has no inschrijvingen yet), in input order.
   */
  addPersonen(manager: EntityManager, sandboxId: string, personen: NieuwPersoonRij[]): Promise<BulkPersoon[]> {
    return this.personen.add(manager, sandboxId, personen);
  }

  /**
   * What `beoordeel` needs for each aanlevering of a batch of one sandbox, in four statements whatever the batch size: the
   * persons of the PGNs, their inschrijvingen, and RIO's checks of every periode (through the RIO port's bulk form: two
   * statements, each combination of codes asked once per stretch of time in which RIO's rows for it do not change). `vandaag` is the
   * receive date the 7-day and age rules look at. A person may occur only once per batch: the state is read before any of
   * the batch is written, so a second aanlevering for the same person would be judged on a state that misses the first.
   * A new inschrijving's id is a UUID v7, so a bulk load appends to the indexes on it.
   *
   * `bekend` (optional, in input order) saves reads the caller can answer itself: the person an aanlevering's PGN finds
   * (e.g. from `addPersonen` in the same transaction; an entry left undefined is looked up), and `zonderInschrijvingen` when
   * the caller knows nothing of that person is stored (a person `addPersonen` registered in this transaction and nothing
   * written for it since).
   */
  async readStanden(
    manager: EntityManager,
    sandboxId: string,
    aanleveringen: Aanlevering[],
    vandaag: string,
    bekend?: ({ persoon: PersoonRij | null; zonderInschrijvingen?: boolean } | undefined)[],
  ): Promise<BulkInvoer[]> {
    if (!aanleveringen.length) return [];
    const teZoeken = aanleveringen.flatMap((a, i) => (bekend?.[i] ? [] : [i]));
    const gevonden = teZoeken.length
      ? await this.personen.findByNummers(
          manager,
          sandboxId,
          teZoeken.map((i) => (aanleveringen[i].persoonsgebondenNummer.burgerservicenummer ?? aanleveringen[i].persoonsgebondenNummer.onderwijsnummer)!),
        )
      : [];
    const personen: (PersoonRij | null)[] = bekend ? aanleveringen.map((_, i) => bekend[i]?.persoon ?? null) : gevonden;
    if (bekend) teZoeken.forEach((i, k) => (personen[i] = gevonden[k]));
    const gezien = new Set<string>();
    const teLezen: string[] = [];
    personen.forEach((p, i) => {
      if (!p) return;
      if (gezien.has(p.id)) throw new Error('A person occurs twice in one batch: split the batch so each person occurs once.');
      gezien.add(p.id);
      if (!bekend?.[i]?.zonderInschrijvingen) teLezen.push(p.id);
    });
    const inschrijvingen = teLezen.length ? await this.repository.findByPersonen(manager, sandboxId, teLezen) : new Map<string, BestaandeInschrijving[]>();
    const vragen = aanleveringen.map(rioVragen);
    const rio = await this.rio.checkPeriodesBulk(manager, sandboxId, vragen.flat());
    let periode = 0;
    return aanleveringen.map((aanlevering, i) => {
      const persoon = personen[i];
      const van = persoon ? (inschrijvingen.get(persoon.id) ?? []) : [];
      const huidig = van.find((x) => x.instellingscode === aanlevering.instellingscode && x.inschrijvingvolgnummer === aanlevering.inschrijvingvolgnummer) ?? null;
      const n = vragen[i].length;
      const context: BeoordelingContext = { vandaag, rio: rio.slice(periode, periode + n), nieuwId: uuidV7() };
      periode += n;
      return { stand: { persoon, huidig, andere: van.filter((x) => x.instellingscode !== aanlevering.instellingscode) }, context };
    });
  }

  /**
   * Writes accepted aanleveringen (new or changed inschrijvingen, with periodes and the version each becomes): the new
   * ones by COPY, the changed ones in one statement after one that clears their periodes. Unchanged ones (`gewijzigd`
   * false) are skipped. No bedrijfsdocument rows, no events, no kennisgevingen and no bekostiging recompute: the caller
   * runs those for the batch.
   */
  async write(manager: EntityManager, opdrachten: BulkSchrijfOpdracht[]): Promise<void> {
    const te = opdrachten.filter((o) => o.nieuweStand.gewijzigd);
    const rij = (o: BulkSchrijfOpdracht) => inschrijvingRij(o.nieuweStand, o.meldingen, o.herkomst, null);
    const bestaand = te.filter((o) => !o.nieuweStand.nieuw);
    await this.repository.removePeriodes(manager, bestaand.map((o) => o.nieuweStand.inschrijvingId));
    await this.repository.write(manager, bestaand.map(rij));
    await this.repository.copyNieuw(manager, te.filter((o) => o.nieuweStand.nieuw).map(rij));
  }
}
