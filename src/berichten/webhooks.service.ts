import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { isBeheer, Principal } from '../common/auth/principal';
import { sandboxNuSql } from '../common/clock/clock.service';
import { toPage } from '../common/pagination/pagination';
import { Problems } from '../common/problem/problem';
import { AbonnementRequest, AbonnementResponse, AfleveringQuery, AfleveringResponse } from './berichten.dto';
import { BerichtenErrors, berichtenProblem } from './berichten.errors';
import { positieTekst } from './cloud-event';
import { nieuwGeheim } from './handtekening';
import { webhookDoelFout } from './webhook-doel';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';

/** Subscriptions per client at most. */
const MAX_ABONNEMENTEN = 10;

interface AbonnementRij {
  id: string;
  url: string;
  types: string[] | null;
  client_id: string;
  created_at: Date;
}

interface AfleveringRij {
  id: string;
  event_id: string;
  type: string;
  subject: string;
  feed_positie: string;
  status: string;
  pogingen: number;
  volgende_poging_op: Date;
  geleverd_op: Date | null;
  poging_log: { nummer: number; gestart_op: string; duur_ms: number; status_code: number | null; fout: string | null }[];
}

const toAbonnement = (r: AbonnementRij, geheim?: string): AbonnementResponse => ({
  abonnementId: r.id,
  url: r.url,
  types: r.types,
  clientId: r.client_id,
  aangemaaktOp: new Date(r.created_at).toISOString(),
  ...(geheim ? { geheim } : {}),
  _links: { self: { href: `/rod/v1/webhook-abonnementen/${r.id}` }, afleveringen: { href: `/rod/v1/webhook-abonnementen/${r.id}/afleveringen` } },
});

const toAflevering = (r: AfleveringRij): AfleveringResponse => ({
  afleveringId: String(r.id),
  eventId: r.event_id,
  type: r.type,
  subject: r.subject,
  sequence: positieTekst(r.feed_positie),
  status: r.status,
  pogingen: r.pogingen,
  volgendePogingOp: r.status === 'WACHTEND' ? new Date(r.volgende_poging_op).toISOString() : null,
  geleverdOp: r.geleverd_op ? new Date(r.geleverd_op).toISOString() : null,
  pogingLog: (r.poging_log ?? []).map((x) => ({ nummer: x.nummer, gestartOp: new Date(x.gestart_op).toISOString(), duurMs: x.duur_ms, statusCode: x.status_code, fout: x.fout })),
});

const AFLEVERING_SQL = `
  SELECT d.id, d.event_id, o.type, o.subject, d.feed_positie, d.status, d.pogingen, d.volgende_poging_op, d.geleverd_op,
         (SELECT json_agg(x ORDER BY x.nummer DESC) FROM (SELECT nummer, gestart_op, duur_ms, status_code, fout FROM webhook_poging p
            WHERE p.aflevering_id = d.id ORDER BY nummer DESC LIMIT 20) x) AS poging_log
    FROM webhook_aflevering d JOIN outbox_event o ON o.seq = d.event_seq`;

/** Webhook subscriptions of a vendor client, their delivery log, and manual redelivery. */
@Injectable()
export class WebhooksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(principal: Principal, req: AbonnementRequest): Promise<AbonnementResponse> {
    const doelFout = await webhookDoelFout(req.url, this.config.WEBHOOK_PRIVATE_TARGETS);
    if (doelFout) throw Problems.invalidInput([{ pointer: '/url', code: BerichtenErrors.doelNietToegestaan, detail: `url is not an allowed webhook target: ${doelFout}` }]);
    return this.db.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`webhook-abonnement:${principal.sandboxId}:${principal.clientId}`]);
      const [{ n }]: { n: number }[] = await manager.query('SELECT count(*)::int AS n FROM webhook_abonnement WHERE sandbox_id = $1 AND client_id = $2', [principal.sandboxId, principal.clientId]);
      if (n >= MAX_ABONNEMENTEN) throw berichtenProblem(BerichtenErrors.teVeelAbonnementen, `A client has at most ${MAX_ABONNEMENTEN} subscriptions per sandbox.`);
      const geheim = nieuwGeheim();
      const [r]: AbonnementRij[] = await manager.query(
        `INSERT INTO webhook_abonnement (sandbox_id, client_id, oin, url, types, geheim) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, url, types, client_id, created_at`,
        [principal.sandboxId, principal.clientId, principal.oin, req.url, req.types ?? null, geheim],
      );
      return toAbonnement(r, geheim);
    });
  }

  async list(principal: Principal, q: { page: number; pageSize: number }, path: string) {
    const eigen = isBeheer(principal) ? '' : 'AND client_id = $2';
    const params = isBeheer(principal) ? [principal.sandboxId] : [principal.sandboxId, principal.clientId];
    const [{ n }]: { n: number }[] = await this.db.query(`SELECT count(*)::int AS n FROM webhook_abonnement WHERE sandbox_id = $1 ${eigen}`, params);
    const rows: AbonnementRij[] = await this.db.query(
      `SELECT id, url, types, client_id, created_at FROM webhook_abonnement WHERE sandbox_id = $1 ${eigen} ORDER BY created_at, id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
      params,
    );
    return toPage(rows.map((r) => toAbonnement(r)), n, q, path);
  }

  async get(principal: Principal, id: string): Promise<AbonnementResponse> {
    return toAbonnement(await this.findAbonnement(this.db.manager, principal, id));
  }

  async remove(principal: Principal, id: string): Promise<void> {
    await this.findAbonnement(this.db.manager, principal, id);
    await this.db.query('DELETE FROM webhook_abonnement WHERE id = $1', [id]);
  }

  async listAfleveringen(principal: Principal, id: string, query: AfleveringQuery, path: string) {
    await this.findAbonnement(this.db.manager, principal, id);
    const filter = query.status ? 'AND d.status = $2' : '';
    const params = query.status ? [id, query.status] : [id];
    const [{ n }]: { n: number }[] = await this.db.query(`SELECT count(*)::int AS n FROM webhook_aflevering d WHERE d.abonnement_id = $1 ${filter}`, params);
    const rows: AfleveringRij[] = await this.db.query(
      `${AFLEVERING_SQL} WHERE d.abonnement_id = $1 ${filter} ORDER BY d.feed_positie DESC LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      params,
    );
    return toPage(rows.map(toAflevering), n, query, path, { status: query.status });
  }

  /**
   * A simulated push outage for a client's subscriptions: UITSTEL holds their deliveries back, MISLUKT makes every attempt
   * fail (retried with backoff, dead-lettered at the limit) until `tot` on the sandbox clock; `soort` null ends it. No client: every subscription of the sandbox.
   */
  async setStoring(sandboxId: string, clientId: string | null, soort: 'UITSTEL' | 'MISLUKT' | null, tot: string | null): Promise<void> {
    await this.db.query('UPDATE webhook_abonnement SET storing_soort = $3, storing_tot = $4 WHERE sandbox_id = $1 AND ($2::text IS NULL OR client_id = $2)', [
      sandboxId, clientId, soort, soort ? tot : null,
    ]);
  }

  /** Per subscription of a client: its deliveries by status and the attempts that failed (conformance grading reads this). */
  async summarize(sandboxId: string, clientId: string, abonnementIds: string[]): Promise<{ abonnementId: string; geleverd: number; wachtend: number; deadLetter: number; mislukt: number }[]> {
    return this.db.query(
      `SELECT a.id AS "abonnementId",
              count(d.id) FILTER (WHERE d.status = 'GELEVERD')::int AS geleverd,
              count(d.id) FILTER (WHERE d.status = 'WACHTEND')::int AS wachtend,
              count(d.id) FILTER (WHERE d.status = 'DEAD_LETTER')::int AS "deadLetter",
              coalesce(sum(CASE WHEN d.status = 'GELEVERD' THEN greatest(d.pogingen_totaal - 1, 0) ELSE d.pogingen_totaal END), 0)::int AS mislukt
         FROM webhook_abonnement a LEFT JOIN webhook_aflevering d ON d.abonnement_id = a.id
        WHERE a.sandbox_id = $1 AND a.client_id = $2 AND a.id = ANY ($3::uuid[])
        GROUP BY a.id`,
      [sandboxId, clientId, abonnementIds],
    );
  }

  /** Puts a delivery back in the queue for an attempt now, with a fresh round of attempts (also after dead letter). */
  async redeliver(principal: Principal, id: string, afleveringId: string): Promise<AfleveringResponse> {
    return this.db.transaction(async (manager) => {
      await this.findAbonnement(manager, principal, id);
      const [, updated]: [unknown[], number] = await manager.query(
        `UPDATE webhook_aflevering d SET status = 'WACHTEND', pogingen = 0, volgende_poging_op = ${sandboxNuSql('s')}, geclaimd_tot = NULL
           FROM sandbox s WHERE d.id = $1 AND d.abonnement_id = $2 AND s.id = d.sandbox_id RETURNING d.id`,
        [afleveringId, id],
      );
      if (!updated) throw berichtenProblem(BerichtenErrors.afleveringOnbekend, `Subscription ${id} has no delivery ${afleveringId}.`);
      const [r]: AfleveringRij[] = await manager.query(`${AFLEVERING_SQL} WHERE d.id = $1`, [afleveringId]);
      return toAflevering(r);
    });
  }

  private async findAbonnement(manager: EntityManager, principal: Principal, id: string): Promise<AbonnementRij> {
    const rows: AbonnementRij[] = await manager.query(
      `SELECT id, url, types, client_id, created_at FROM webhook_abonnement WHERE id = $1 AND sandbox_id = $2 AND ($3::text IS NULL OR client_id = $3)`,
      [id, principal.sandboxId, isBeheer(principal) ? null : principal.clientId],
    );
    if (!rows.length) throw berichtenProblem(BerichtenErrors.abonnementOnbekend, `No webhook subscription ${id} of this client in this sandbox.`);
    return rows[0];
  }
}
