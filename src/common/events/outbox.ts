import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/** DUO's OIN; the source of every event the simulated ROD emits (CloudEvents NL GOV profile). */
export const ROD_EVENT_SOURCE = 'urn:nld:oin:00000001800866472000:systeem:rod-po';

export interface OutboxEventInput {
  /** Reverse-DNS CloudEvents type, e.g. nl.duo.rod.bekostigingsstatus-gewijzigd. */
  type: string;
  /** What the event is about, e.g. an inschrijving key. Never a BSN. */
  subject: string;
  /** The school (BRIN4) whose mandated vendors receive the event. */
  instellingscode: string;
  /** Events with the same ordering key (one pupil) are delivered in order. */
  orderingKey: string;
  data: Record<string, unknown>;
  /** Event time; defaults to the database's now(). Use the sandbox clock where it matters. */
  time?: Date;
  source?: string;
}

/**
 * The transactional outbox: an event is written in the same transaction as the change
 * it reports, so a change is never without its event and an event never without its change.
 */
@Injectable()
export class EventOutbox {
  async append(manager: EntityManager, sandboxId: string, e: OutboxEventInput): Promise<string> {
    const id = randomUUID();
    await manager.query(
      `INSERT INTO outbox_event (sandbox_id, event_id, type, source, subject, instellingscode, ordering_key, time, data)
       VALUES ($1, $2, $3, $4, $5, $6, $7, COALESCE($8, now()), $9)`,
      [sandboxId, id, e.type, e.source ?? ROD_EVENT_SOURCE, e.subject, e.instellingscode, e.orderingKey, e.time ?? null, JSON.stringify(e.data)],
    );
    return id;
  }
}
