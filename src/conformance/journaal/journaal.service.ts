import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import type { Principal } from '../../common/auth/principal';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import type { Uitwisseling } from '../proefgevallen/proefgevallen';
import { Maskering } from './maskering';

/** One exchange as the journal keeps it (person numbers already masked): what grading sees, and who and how long. */
export interface JournaalRegel extends Uitwisseling {
  clientId: string;
  duurMs: number;
  correlationId: string;
}

export interface JournaalFilter {
  sandboxId: string;
  /** Only this client's exchanges (a vendor sees only its own). */
  clientId?: string;
  vanafId?: string;
  van?: string;
  tot?: string;
  pad?: string;
  code?: string;
  bedrijfsdocumentId?: string;
  limiet: number;
  /** Newest first (searching) or oldest first (grading). */
  oplopend?: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    journaalAntwoord?: string;
    journaalStoring?: string;
    /** Set once the exchange is recorded (a dropped connection is recorded by the storing, as onResponse does not run). */
    journaalOpgenomen?: boolean;
  }
}

/** Bodies up to this size are kept (a feed page of 100 events fits). */
const MAX_BODY = 256 * 1024;
const FLUSH_MS = 250;
const FLUSH_ROWS = 250;
const MAX_BUFFER = 20_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Rij {
  sandbox_id: string;
  client_id: string;
  tijdstip: string;
  methode: string;
  pad: string;
  status: number;
  /** Space-separated (codes never contain spaces). */
  codes: string;
  bedrijfsdocument_id: string | null;
  idempotency_key: string | null;
  herhaald: boolean;
  storing_id: string | null;
  duur_ms: number;
  correlation_id: string;
  /** Masked JSON text. */
  verzoek: string | null;
  antwoord: string | null;
}

/** One statement for a batch of exchanges, column by column; bodies arrive as masked JSON text. */
const INSERT_SQL = `
  INSERT INTO conformance_journaal (sandbox_id, client_id, tijdstip, methode, pad, status, codes, bedrijfsdocument_id, idempotency_key, herhaald, storing_id,
    duur_ms, correlation_id, verzoek, antwoord)
  SELECT x.sandbox_id, x.client_id, x.tijdstip, x.methode, x.pad, x.status, coalesce(string_to_array(x.codes, ' '), '{}'), x.bedrijfsdocument_id, x.idempotency_key, x.herhaald,
         x.storing_id, x.duur_ms, x.correlation_id, x.verzoek::json, x.antwoord::json
    FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::int[], $7::text[], $8::uuid[], $9::text[], $10::boolean[], $11::uuid[],
                $12::real[], $13::text[], $14::text[], $15::text[])
      AS x(sandbox_id, client_id, tijdstip, methode, pad, status, codes, bedrijfsdocument_id, idempotency_key, herhaald, storing_id, duur_ms, correlation_id, verzoek, antwoord)
   -- a sandbox deleted meanwhile takes its exchanges with it; the key-share lock keeps it until this insert is done
   WHERE x.sandbox_id IN (SELECT s.id FROM sandbox s WHERE s.id = ANY ($1::uuid[]) FOR KEY SHARE)`;

const KOLOMMEN: (keyof Rij)[] = [
  'sandbox_id', 'client_id', 'tijdstip', 'methode', 'pad', 'status', 'codes', 'bedrijfsdocument_id', 'idempotency_key', 'herhaald', 'storing_id', 'duur_ms', 'correlation_id', 'verzoek', 'antwoord',
];

/** The codes an answer carries: its problem code, and every foutmelding and melding code (ROD and RIO style). */
export function codesVan(antwoord: unknown): string[] {
  const codes = new Set<string>();
  if (antwoord && typeof antwoord === 'object' && !Array.isArray(antwoord)) {
    const a = antwoord as Record<string, unknown>;
    if (typeof a.code === 'string') codes.add(a.code);
    for (const lijst of [a.foutmeldingen, a.meldingen, a.terugmeldingen]) {
      if (!Array.isArray(lijst)) continue;
      for (const t of lijst) {
        if (t && typeof t === 'object') {
          const c = (t as Record<string, unknown>).code ?? (t as Record<string, unknown>).foutcode;
          if (typeof c === 'string') codes.add(c);
        }
      }
    }
  }
  return [...codes];
}

/**
 * The request journal: every authenticated exchange of a sandbox (time, client, method, path, status, codes,
 * bedrijfsdocument id, duration, bodies with person numbers masked). Written off the request path: exchanges are
 * buffered and inserted together every quarter second, so the journal costs a write path almost nothing.
 */
@Injectable()
export class JournaalService implements OnModuleInit, OnApplicationShutdown {
  private buffer: Rij[] = [];
  private timer: NodeJS.Timeout | null = null;
  private bezig: Promise<void> = Promise.resolve();
  private opschonen: NodeJS.Timeout | null = null;
  readonly maskering: Maskering;

  constructor(
    private readonly db: DataSource,
    private readonly adapter: HttpAdapterHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.maskering = new Maskering(`journaal:${config.JWT_SECRET}`);
  }

  onModuleInit() {
    this.actief = this.config.JOURNAAL_ENABLED;
    if (!this.config.JOURNAAL_ENABLED) return;
    const fastify = this.adapter.httpAdapter?.getInstance?.() as FastifyInstance | undefined;
    if (!fastify) return;
    fastify.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      const type = String(reply.getHeader('content-type') ?? '');
      if (typeof payload === 'string' && /json/.test(type) && payload.length <= MAX_BODY) request.journaalAntwoord = payload;
      return payload;
    });
    fastify.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => this.record(request, reply));
    this.opschonen = setInterval(() => void this.cleanUp().catch(() => undefined), 10 * 60_000);
    this.opschonen.unref();
  }

  async onApplicationShutdown() {
    if (this.opschonen) clearInterval(this.opschonen);
    await this.flush().catch(() => undefined);
  }

  /** Whether exchanges are recorded now (set from JOURNAAL_ENABLED; a benchmark switches it to compare). */
  actief = true;

  /** Records one exchange (once). A storing that drops the connection calls it itself: its response never finishes, so onResponse does not run. */
  record(request: FastifyRequest, reply: FastifyReply) {
    if (!this.actief || request.journaalOpgenomen) return;
    request.journaalOpgenomen = true;
    const p = (request as unknown as { principal?: Principal }).principal;
    if (!p?.sandboxId) return;
    const pad = request.url.split('?')[0];
    if (pad.startsWith('/conformance/')) return;
    const sandboxId = p.sandboxId;
    const tekst = request.journaalAntwoord;
    let codes: string[] = [];
    if (tekst) {
      try {
        codes = codesVan(JSON.parse(tekst));
      } catch {
        codes = [];
      }
    }
    const body = request.body as Record<string, unknown> | undefined;
    const doc = body && typeof body === 'object' ? (body.bedrijfsdocument as Record<string, unknown> | undefined)?.identificatiecodeBedrijfsdocument : undefined;
    const sleutel = request.headers['idempotency-key'];
    // The body of a write, the query of a read (a cursor, a filter): what grading and a person searching need.
    const invoer = body && typeof body === 'object' ? body : request.query && typeof request.query === 'object' && Object.keys(request.query).length ? request.query : null;
    const invoerTekst = invoer ? JSON.stringify(invoer) : null;
    this.add({
      sandbox_id: sandboxId,
      client_id: p.clientId,
      tijdstip: new Date().toISOString(),
      methode: request.method,
      pad,
      status: reply.statusCode,
      codes: codes.filter((c) => !/\s/.test(c)).join(' '),
      bedrijfsdocument_id: typeof doc === 'string' && UUID.test(doc) ? doc : null,
      idempotency_key: typeof sleutel === 'string' ? sleutel.slice(0, 255) : null,
      herhaald: reply.getHeader('idempotent-replayed') === 'true',
      storing_id: request.journaalStoring ?? null,
      duur_ms: Math.round((Number(process.hrtime.bigint() - request.startedAt) / 1e6) * 10) / 10,
      correlation_id: request.correlationId,
      verzoek: invoerTekst && invoerTekst.length <= MAX_BODY ? this.maskering.tekst(sandboxId, invoerTekst) : null,
      antwoord: tekst ? this.maskering.tekst(sandboxId, tekst) : null,
    });
  }

  private add(r: Rij) {
    if (this.buffer.length >= MAX_BUFFER) this.buffer.shift();
    this.buffer.push(r);
    if (this.buffer.length >= FLUSH_ROWS) void this.flush().catch(() => undefined);
    else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush().catch(() => undefined), FLUSH_MS);
      this.timer.unref();
    }
  }

  /** Writes what is buffered; resolves when every exchange answered so far is in the table. */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const rijen = this.buffer;
    this.buffer = [];
    // One flush after another; a failed one never blocks the next.
    const klaar = this.bezig.catch(() => undefined).then(async () => {
      if (!rijen.length) return;
      try {
        await this.db.query(INSERT_SQL, KOLOMMEN.map((k) => rijen.map((r) => r[k])));
      } catch (error) {
        // The database is away (no SQLSTATE): keep the rows, bounded, for the next flush. Rows the database refuses are dropped.
        if (!(error as { code?: string }).code) this.buffer = [...rijen, ...this.buffer].slice(-MAX_BUFFER);
        throw error;
      }
    });
    this.bezig = klaar;
    return klaar;
  }

  async search(filter: JournaalFilter): Promise<JournaalRegel[]> {
    await this.flush().catch(() => undefined);
    const where = ['sandbox_id = $1'];
    const params: unknown[] = [filter.sandboxId];
    const add = (sql: string, v: unknown) => {
      params.push(v);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.clientId) add('client_id = ?', filter.clientId);
    if (filter.vanafId) add('id > ?::bigint', filter.vanafId);
    if (filter.van) add('tijdstip >= ?::timestamptz', filter.van);
    if (filter.tot) add('tijdstip < ?::timestamptz', filter.tot);
    if (filter.pad) add("pad LIKE ? ESCAPE '\\'", filter.pad.replace(/[\\%_]/g, (c) => `\\${c}`).replace(/\*/g, '%'));
    if (filter.code) add('? = ANY (codes)', filter.code);
    if (filter.bedrijfsdocumentId) add('bedrijfsdocument_id = ?::uuid', filter.bedrijfsdocumentId);
    params.push(filter.limiet);
    const rows: (Omit<JournaalRegel, 'tijdstip' | 'id'> & { id: string; tijdstip: Date })[] = await this.db.query(
      `SELECT id::text AS id, tijdstip, client_id AS "clientId", methode, pad, status, codes, bedrijfsdocument_id AS "bedrijfsdocumentId",
              idempotency_key AS "idempotencyKey", herhaald, storing_id AS "storingId", duur_ms AS "duurMs", correlation_id AS "correlationId", verzoek, antwoord
         FROM conformance_journaal j WHERE ${where.join(' AND ')} ORDER BY j.id ${filter.oplopend ? 'ASC' : 'DESC'} LIMIT $${params.length}`,
      params,
    );
    return rows.map((r) => ({ ...r, tijdstip: r.tijdstip.toISOString() }));
  }

  /** The last journal position of the sandbox (a run grades what comes after it). */
  async laatsteId(sandboxId: string): Promise<string> {
    await this.flush().catch(() => undefined);
    const [r]: { id: string | null }[] = await this.db.query('SELECT max(id)::text AS id FROM conformance_journaal WHERE sandbox_id = $1', [sandboxId]);
    return r.id ?? '0';
  }

  private async cleanUp() {
    await this.db.query(`DELETE FROM conformance_journaal WHERE tijdstip < now() - make_interval(hours => $1)`, [this.config.JOURNAAL_RETENTION_HOURS]);
  }
}
