import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * In-transaction notifications between modules without importing each other:
 * the module that changes something emits; modules that depend on it listen and
 * act inside the same transaction (e.g. recomputing a bekostigingsstatus).
 */
export interface DomainHookPayloads {
  /** One or more inschrijvingen of a person changed (upsert, uitschrijving, verwijdering) at `moment` (sandbox time); the emitter holds persoonSlot. */
  'rod.inschrijving-gewijzigd': { sandboxId: string; persoonId: string; instellingscodes: string[]; moment: Date };
  /** A person's identification changed (verified, onderwijsnummer replaced by BSN). */
  'rod.persoon-gewijzigd': { sandboxId: string; persoonId: string };
  /** RIO objects changed (a vestiging closes, loses its bekostiging, …). */
  'rio.gewijzigd': { sandboxId: string; vestigingscodes: string[] };
  /** A BRIN6 closes (its uitBedrijfdatum is set or moved earlier) at `moment` (sandbox time): pupils enrolled there past that date are told. */
  'rio.vestiging-gesloten': { sandboxId: string; vestigingscode: string; uitBedrijfdatum: string; moment: Date };
}
/**
 * The advisory-lock key that serialises every change to one person's inschrijvingen and what is derived from them
 * (bekostiging). Whoever emits `rod.inschrijving-gewijzigd` holds it for the rest of its transaction.
 */
export const persoonSlot = (sandboxId: string, persoonId: string) => `persoon:${sandboxId}:${persoonId}`;

export type DomainHookName = keyof DomainHookPayloads;
type Listener<K extends DomainHookName> = (manager: EntityManager, payload: DomainHookPayloads[K]) => Promise<void>;

@Injectable()
export class DomainHooks {
  private readonly listeners = new Map<DomainHookName, Listener<any>[]>();

  on<K extends DomainHookName>(name: K, listener: Listener<K>) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
  }

  /** Runs every listener in order, inside the caller's transaction. */
  async emit<K extends DomainHookName>(name: K, manager: EntityManager, payload: DomainHookPayloads[K]) {
    for (const l of this.listeners.get(name) ?? []) await l(manager, payload);
  }
}
