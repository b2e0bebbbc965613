import type { EntityManager } from 'typeorm';
import type { RioPeriodeCheckInput, RioPeriodeCheckResult } from '../rio';

/** What ROD needs from RIO (rio.md §9); provided by RIO's RioQueryService. */
export type { RioCode, RioPeriodeCheckInput, RioPeriodeCheckResult } from '../rio';

/**
 * RIO's periode checks as a SELECT to embed: one row per periode, tagged with column `k` and ordered by column `i`;
 * `params` are its parameters from its first on, `answer` one tag's rows as checkPeriodes' results.
 */
export interface RioCheckPart {
  sql: string;
  params: (inputs: RioPeriodeCheckInput[], tags: number[]) => unknown[];
  answer: (rows: unknown[], inputs: RioPeriodeCheckInput[]) => RioPeriodeCheckResult[];
}

export abstract class RodRioPort {
  /** RIO's checks of many periodes (any number, one statement), one result per input in input order. */
  abstract checkPeriodes(manager: EntityManager, sandboxId: string, inputs: RioPeriodeCheckInput[]): Promise<RioPeriodeCheckResult[]>;
  /** checkPeriodes for a large batch: the same answers, each combination of codes asked once per stretch of time in which RIO's rows for it do not change. */
  abstract checkPeriodesBulk(manager: EntityManager, sandboxId: string, inputs: RioPeriodeCheckInput[]): Promise<RioPeriodeCheckResult[]>;
  /** checkPeriodes as a part of one of ROD's own statements (the same checks, in the same round trip as ROD's reads). */
  abstract checkPeriodesPart(sandboxParam: string, firstParam: number): RioCheckPart;
  /** The school with its bestuur on `datum` (YYYY-MM-DD; an overgang moves a school to another bestuur on a date). */
  abstract getInstelling(manager: EntityManager, sandboxId: string, instellingscode: string, datum: string): Promise<{ instellingscode: string; bestuurcode: string | null; naam: string } | null>;
  /** The schools of a bestuur on `datum`. */
  abstract listInstellingenVanBestuur(manager: EntityManager, sandboxId: string, bestuurcode: string, datum: string): Promise<string[]>;
}

/** RIO's code formats (rio.md §2), as RIO defines them. */
export { AANBIEDER_CODE as AANBIEDER_PATTERN, BRIN4 as BRIN4_PATTERN, BRIN6 as BRIN6_PATTERN, LOCATIE_CODE as LOCATIE_PATTERN } from '../rio';
/** An OIN: 20 digits. */
export const OIN_PATTERN = /^\d{20}$/;
/** RIO's code lists with their validity (rio.md §8): ROD checks an onderwijsconcept against the same list (rio.md §9 check 5). */
export { controleerWaarde } from '../rio';
