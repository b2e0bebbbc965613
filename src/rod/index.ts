/**
 * ROD po: the module's public surface.
 *
 * ## Converting many inschrijvingen through ROD's own rules (a bulk caller, e.g. the BRON → ROD migration)
 *
 * Import `RodModule` and inject `InschrijvingenBulkService`. In your own transaction (`dataSource.transaction(async (m) => …)`),
 * per batch of one sandbox (a few thousand aanleveringen; each person at most once per batch):
 *
 * ```ts
 * const personen = await bulk.addPersonen(m, sandboxId, nieuw);    // persons not yet registered (NieuwPersoonRij), one statement
 * const invoer = await bulk.readStanden(m, sandboxId, aanleveringen, vandaag); // persons, their inschrijvingen, RIO checks: 4 statements
 * const opdrachten: BulkSchrijfOpdracht[] = [];
 * aanleveringen.forEach((a, i) => {
 *   const { foutmeldingen, meldingen, nieuweStand } = beoordeel(a, invoer[i].stand, invoer[i].context);
 *   if (nieuweStand) opdrachten.push({ nieuweStand, meldingen, herkomst });  // else: report foutmeldingen, nothing to write
 * });
 * await bulk.write(m, opdrachten);                                 // inschrijvingen + periodes + first versions (new ones by COPY)
 * ```
 *
 * - `Aanlevering` is the content of an AanleverenInschrijvingBO (the REST body without its bedrijfsdocument); `beoordeel` is
 *   the same pure function the REST API uses, so a record is accepted or refused exactly as a LAS message would be, with the
 *   same codes (`RodCode`). `vandaag` is the Dutch date the 7-day rule (260) and the age rule (251) judge on.
 * - `Herkomst` says who delivered and when: any bedrijfsdocument id (a UUID per record), its date-time, a client id and OIN
 *   of the deliverer (e.g. DUO's), and the instant of receipt (becomes ontvangen_op and eerst_ontvangen_op).
 * - The bulk path skips what belongs to a vendor's message: the machtiging check, bedrijfsdocument resends, events,
 *   kennisgevingen of dubbele inschrijvingen (meldingen 250 are still given) and the bekostiging recompute; run the latter
 *   once for the sandbox afterwards (bekostiging's herberekening).
 * - `findPersonen` resolves many PGN numbers to persons in one statement. `readStanden` takes the persons `addPersonen`
 *   answered (and, for the persons it registered, that nothing of them is stored yet), so it reads only what it cannot know.
 */
export { RodModule } from './rod.module';
export { RodToegang } from './toegang';
export type { RodToegangsCheck } from './toegang';
export { PersonenService } from './personen/personen.service';
export { MachtigingenService } from './machtigingen/machtigingen.service';
export { InschrijvingenLezenService } from './inschrijvingen/inschrijvingen-lezen.service';
export type { InschrijvingResponse } from './inschrijvingen/inschrijving.dto';
export { RodCode, ROD_PROBLEM_STATUS, rodProblem } from './rod.errors';
export type { Terugmelding, Resultaat, RodCodeName } from './rod.errors';
export { PERSONAS, personaGeboortedatum } from './rod-seed';
export { isGeldigBsn, isGeldigOnderwijsnummer, bsnMetControlecijfer, onderwijsnummerVoor } from './rules/pgn';
export type { PersoonRij } from './rules/pgn';
export { buitenBekostigdeLeeftijd, leeftijdSql, MAX_LEEFTIJD } from './rules/leeftijd';
export { SOORT_ONDERWIJS_PER_CLUSTER, UITSTROOMPROFIELEN } from './rules/speciaal-onderwijs';
export { beoordeel, rioVragen } from './inschrijvingen/aanlevering.beoordeling';
export type {
  Aanlevering,
  AanleveringPeriode,
  BestaandeInschrijving,
  Beoordeling,
  BeoordelingContext,
  HuidigeStand,
  NieuweStand,
  StandPeriode,
} from './inschrijvingen/aanlevering.beoordeling';
export { InschrijvingenBulkService } from './inschrijvingen/inschrijvingen-bulk.service';
export type { BulkInvoer, BulkPersoon, BulkSchrijfOpdracht } from './inschrijvingen/inschrijvingen-bulk.service';
export type { Herkomst } from './inschrijvingen/inschrijvingen.repository';
export type { NieuwPersoonRij } from './personen/personen.repository';
export { RodPersoon } from './personen/persoon.entity';
export { RodMachtiging } from './machtigingen/machtiging.entity';
export { RodInschrijving, RodInschrijvingPeriode, RodInschrijvingVersie, RodKennisgeving, RodBedrijfsdocument } from './inschrijvingen/inschrijving.entity';
