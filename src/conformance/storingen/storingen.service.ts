import { CanActivate, ExecutionContext, Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Principal } from '../../common/auth/principal';
import { WebhooksService } from '../../berichten';
import { TtlCache } from '../../common/cache/ttl-cache';
import { ClockService } from '../../common/clock/clock.service';
import { ProblemException } from '../../common/problem/problem';
import { toProblem } from '../../common/problem/problem.filter';
import { ConformanceCode, conformanceProblem } from '../conformance.errors';
import { JournaalService } from '../journaal/journaal.service';
import type { StoringRequest } from './storing.dto';

export type StoringSoort = 'STATUS' | 'VERTRAGING' | 'VERBINDING_VERBREKEN' | 'WEBHOOK_UITSTEL' | 'WEBHOOK_MISLUKT';
const isWebhook = (soort: string) => soort.startsWith('WEBHOOK_');
export type StoringSchrijven = 'NIET_OPSLAAN' | 'OPSLAAN_DAN_STORING';

export interface Storing {
  id: string;
  clientId: string | null;
  aangemaaktDoor: string;
  methode: string | null;
  padPatroon: string;
  kans: number | null;
  elkeNde: number | null;
  soort: StoringSoort;
  status: number | null;
  retryAfter: number | null;
  vertragingMs: number | null;
  schrijven: StoringSchrijven;
  vanaf: string | null;
  tot: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** A fault rule to apply after the request was handled (OPSLAAN_DAN_STORING). */
    storingNaAfhandeling?: Storing;
    /** A dropped connection before handling: the answer is never written. */
    storingVerbreekt?: boolean;
  }
}

const CACHE_MS = 1000;
const SELECT = `SELECT id, client_id AS "clientId", aangemaakt_door AS "aangemaaktDoor", methode, pad_patroon AS "padPatroon", kans, elke_nde AS "elkeNde", soort, status,
  retry_after AS "retryAfter", vertraging_ms AS "vertragingMs", schrijven, to_char(vanaf AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS vanaf,
  to_char(tot AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS tot FROM conformance_storing`;

/** A path pattern with `*` for any characters (`/rod/v1/*`) as a matcher. */
export const padMatcher = (patroon: string) => new RegExp('^' + patroon.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*') + '$');

/**
 * Fault injection per sandbox: rules that make the simulator behave like a DUO outage for matching requests — a status
 * (503 with Retry-After, 500, 429), added latency, or a dropped connection — for a window on the sandbox clock, with a
 * probability or on every n-th request. A vendor's rule touches only its own requests; an administrator's may touch every
 * client of the sandbox. A fault before handling stores nothing; `OPSLAAN_DAN_STORING` lets the write happen and then answers
 * with the fault (the stored answer is replayed for a retry with the same Idempotency-Key or bedrijfsdocument).
 */
@Injectable()
export class StoringenService implements OnModuleInit {
  private readonly cache = new TtlCache<Storing[]>(CACHE_MS);

  constructor(
    private readonly db: DataSource,
    private readonly clock: ClockService,
    private readonly adapter: HttpAdapterHost,
    private readonly webhooks: WebhooksService,
    private readonly journaal: JournaalService,
  ) {}

  onModuleInit() {
    const fastify = this.adapter.httpAdapter?.getInstance?.() as FastifyInstance | undefined;
    if (!fastify) return;
    // After the handler (and the stored Idempotency-Key answer): replace the answer by the fault, or drop the connection.
    fastify.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      if (request.storingVerbreekt) return this.verbreek(request, reply, payload);
      const s = request.storingNaAfhandeling;
      if (!s || reply.statusCode >= 400) return payload;
      // A dropped connection after handling: the journal keeps a 503 with the storing, as for a drop before handling.
      const verbreken = s.soort === 'VERBINDING_VERBREKEN';
      const problem = toProblem(this.probleem(verbreken ? { ...s, status: 503 } : s), request.url.split('?')[0]);
      reply.status(problem.status);
      for (const [k, v] of Object.entries(problem.headers)) reply.header(k, v);
      const body = JSON.stringify(problem.body);
      if (verbreken) return this.verbreek(request, reply, body);
      // What the journal keeps as the answer, whichever onSend hook runs first.
      request.journaalAntwoord = body;
      return body;
    });
  }

  /** Drops the connection before the answer is written; the exchange goes to the journal here, as its response never finishes. */
  private verbreek(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
    if (typeof payload === 'string') request.journaalAntwoord = payload;
    request.raw.socket?.destroy();
    this.journaal.record(request, reply);
    return payload;
  }

  async create(principal: Principal, request: StoringRequest): Promise<Storing> {
    if (request.alleClients && principal.role !== 'BEHEER') throw conformanceProblem(ConformanceCode.alleenBeheer, 'Only an administrator may make a storing for every client of a sandbox.');
    const id = randomUUID();
    const clientId = request.alleClients ? null : principal.clientId;
    if (isWebhook(request.soort)) await this.webhooks.setStoring(principal.sandboxId, clientId, request.soort === 'WEBHOOK_UITSTEL' ? 'UITSTEL' : 'MISLUKT', request.tot!);
    await this.db.query(
      `INSERT INTO conformance_storing (id, sandbox_id, client_id, aangemaakt_door, methode, pad_patroon, kans, elke_nde, soort, status, retry_after, vertraging_ms, schrijven, vanaf, tot)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      [
        id, principal.sandboxId, clientId, principal.clientId, request.methode ?? null, request.padPatroon ?? '*', request.kans ?? null, request.elkeNde ?? null, request.soort,
        request.status ?? null, request.soort === 'STATUS' && request.status !== 500 ? (request.retryAfter ?? 1) : null, request.vertragingMs ?? null, request.schrijven ?? 'NIET_OPSLAAN', request.vanaf ?? null, request.tot ?? null,
      ],
    );
    this.cache.forget(principal.sandboxId);
    return this.get(principal, id);
  }

  async list(principal: Principal): Promise<Storing[]> {
    return this.db.query(`${SELECT} WHERE sandbox_id = $1 AND ($2::text IS NULL OR client_id = $2 OR client_id IS NULL) ORDER BY aangemaakt_op, id`, [
      principal.sandboxId,
      principal.role === 'BEHEER' ? null : principal.clientId,
    ]);
  }

  async get(principal: Principal, id: string): Promise<Storing> {
    const [s]: Storing[] = await this.db.query(`${SELECT} WHERE sandbox_id = $1 AND id = $2`, [principal.sandboxId, id]);
    if (!s || (principal.role !== 'BEHEER' && s.clientId !== principal.clientId && s.clientId !== null)) throw conformanceProblem('not_found', `No storing ${id} in this sandbox.`);
    return s;
  }

  async remove(principal: Principal, id: string): Promise<void> {
    const s = await this.get(principal, id);
    if (principal.role !== 'BEHEER' && s.aangemaaktDoor !== principal.clientId) throw conformanceProblem(ConformanceCode.nietVanJou, 'Only the client that made a storing, or an administrator, may remove it.');
    await this.db.query('DELETE FROM conformance_storing WHERE sandbox_id = $1 AND id = $2', [principal.sandboxId, id]);
    if (isWebhook(s.soort)) await this.webhooks.setStoring(principal.sandboxId, s.clientId, null, null);
    this.cache.forget(principal.sandboxId);
  }

  /** The rule that applies to this request now, if any (counting it for every-n-th rules). */
  async findForVerzoek(principal: Principal, methode: string, pad: string): Promise<Storing | null> {
    const regels = await this.regels(principal.sandboxId);
    if (!regels.length) return null;
    const nu = (await this.clock.now(principal.sandboxId)).toISOString();
    for (const s of regels) {
      if (isWebhook(s.soort)) continue;
      if (s.clientId !== null && s.clientId !== principal.clientId) continue;
      if (s.methode && s.methode !== methode) continue;
      if (!padMatcher(s.padPatroon).test(pad)) continue;
      if ((s.vanaf && nu < s.vanaf) || (s.tot && nu >= s.tot)) continue;
      if (s.elkeNde !== null) {
        // TypeORM answers an UPDATE with [rows, affectedCount].
        const [[r]]: [{ teller: number }[], number] = await this.db.query('UPDATE conformance_storing SET teller = teller + 1 WHERE id = $1 RETURNING teller', [s.id]);
        if (!r || r.teller % s.elkeNde !== 0) continue;
      } else if (s.kans !== null && Math.random() >= s.kans) continue;
      return s;
    }
    return null;
  }

  probleem(s: Storing): ProblemException {
    const status = s.status ?? 503;
    return new ProblemException(
      status,
      ConformanceCode.gesimuleerdeStoring,
      `Simulated outage (storing ${s.id}): the register answers ${status}. Retry the same message later with the same identificatiecodeBedrijfsdocument and Idempotency-Key.`,
      { storingId: s.id },
      s.retryAfter !== null ? { 'Retry-After': String(s.retryAfter) } : {},
    );
  }

  private regels(sandboxId: string): Promise<Storing[]> {
    return this.cache.get(sandboxId, () => this.db.query(`${SELECT} WHERE sandbox_id = $1 ORDER BY aangemaakt_op, id`, [sandboxId]));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Applies the fault rules of the caller's sandbox. A global guard after authentication, so it runs before the
 * Idempotency-Key is claimed and before the handler: a fault here stores nothing.
 */
@Injectable()
export class StoringGuard implements CanActivate {
  constructor(private readonly storingen: StoringenService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
    const p = request.principal;
    if (!p) return true;
    const pad = request.url.split('?')[0];
    if (pad.startsWith('/conformance/')) return true;
    const s = await this.storingen.findForVerzoek(p, request.method, pad);
    if (!s) return true;
    request.journaalStoring = s.id;
    if (s.soort === 'VERTRAGING') {
      await sleep(s.vertragingMs ?? 0);
      return true;
    }
    if (s.schrijven === 'OPSLAAN_DAN_STORING') {
      request.storingNaAfhandeling = s;
      return true;
    }
    if (s.soort === 'VERBINDING_VERBREKEN') {
      // Answered as a 503 for the journal; the onSend hook drops the connection before it is written.
      request.storingVerbreekt = true;
      throw this.storingen.probleem({ ...s, status: 503 });
    }
    throw this.storingen.probleem(s);
  }
}
