import type { EntityManager } from 'typeorm';
import type { RioPeriodeCheckInput, RioPeriodeCheckResult } from '../rio';

/** What ROD needs from RIO (rio.md §9); provided by RIO's RioQueryService. */
export type { RioCode, RioPeriodeCheckInput, RioPeriodeCheckResult } from '../rio';

export abstract class RodRioPort {
  /** RIO's checks of many periodes (any number, one statement), one result per input in input order. */
  abstract checkPeriodes(manager: EntityManager, sandboxId: string, inputs: RioPeriodeCheckInput[]): Promise<RioPeriodeCheckResult[]>;
  abstract instelling(manager: EntityManager, sandboxId: string, instellingscode: string): Promise<{ instellingscode: string; bestuurcode: string | null; naam: string } | null>;
  abstract instellingenVanBestuur(manager: EntityManager, sandboxId: string, bestuurcode: string): Promise<string[]>;
}

export const BRIN4_PATTERN = /^\d{2}[A-Z]{2}$/;
export const BRIN6_PATTERN = /^\d{2}[A-Z]{2}\d{2}$/;
export const AANBIEDER_PATTERN = /^\d{3}A\d{3}$/;
export const LOCATIE_PATTERN = /^\d{3}X\d{3}$/;
export const OIN_PATTERN = /^\d{20}$/;
