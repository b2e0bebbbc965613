import type { EntityManager } from 'typeorm';

/** What ROD needs from RIO (rio.md §9); provided by RIO's RioQueryService. */
export type RioCode = 'instellingscode' | 'vestigingscode' | 'onderwijsaanbiedercode' | 'onderwijslocatiecode';
export interface RioPeriodeCheckInput {
  instellingscode: string;
  vestigingscode: string;
  onderwijsaanbiedercode: string;
  onderwijslocatiecode: string;
  datum: string;
}
export interface RioPeriodeCheckResult {
  onbekend: RioCode[];
  afwijkingen: { check: 'VESTIGING_GELDIG' | 'AANBIEDER_RELATIE' | 'LOCATIE_GEBRUIK' | 'AANGEBODEN_OPLEIDING'; detail: string }[];
}

export abstract class RodRioPort {
  abstract checkPeriodes(manager: EntityManager, sandboxId: string, inputs: RioPeriodeCheckInput[]): Promise<RioPeriodeCheckResult[]>;
  /** checkPeriodes as a scalar subquery (JSON rows) of the caller's own statement, and the judgement of its rows. */
  abstract checkPeriodesQuery(sandboxParam: number, eerste: number, inputs: RioPeriodeCheckInput[]): { sql: string; params: unknown[] };
  abstract beoordeelPeriodes(rows: unknown[], inputs: RioPeriodeCheckInput[]): RioPeriodeCheckResult[];
  abstract instelling(manager: EntityManager, sandboxId: string, instellingscode: string): Promise<{ instellingscode: string; bestuurcode: string | null; naam: string } | null>;
  abstract instellingenVanBestuur(manager: EntityManager, sandboxId: string, bestuurcode: string): Promise<string[]>;
}

export const BRIN4_PATTERN = /^\d{2}[A-Z]{2}$/;
export const BRIN6_PATTERN = /^\d{2}[A-Z]{2}\d{2}$/;
export const AANBIEDER_PATTERN = /^\d{3}A\d{3}$/;
export const LOCATIE_PATTERN = /^\d{3}X\d{3}$/;
export const OIN_PATTERN = /^\d{20}$/;
