import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Principal } from '../../common/auth/principal';
import { conformanceProblem } from '../conformance.errors';
import { WebhooksService } from '../../berichten';
import { PERSONAS } from '../../rod';
import { JournaalService } from '../journaal/journaal.service';
import { NIEUWSTE_VERSIE } from '../personas/personas';
import { AfleveringSamenvatting, beoordeelAlles, CaseUitslag, Uitwisseling } from '../proefgevallen/proefgevallen';
import { RunRapport, totalen } from '../rapport/rapport';
import type { RunRequest } from '../conformance.dto';

interface RunRij {
  id: string;
  sandbox: string;
  clientId: string;
  catalogusVersie: string;
  gestartOp: Date;
  afgerondOp: Date | null;
  uitslag: RunRapport | null;
}

const RUN_SQL = `SELECT r.id, s.code AS sandbox, r.client_id AS "clientId", r.catalogus_versie AS "catalogusVersie", r.gestart_op AS "gestartOp",
  r.afgerond_op AS "afgerondOp", r.uitslag FROM conformance_run r JOIN sandbox s ON s.id = r.sandbox_id`;

/** Personas a proefgeval follows by person number (masked as in the journal). */
const PERSONA_PGN = ['wordtVierVolgendeWeek'] as const;

/** Most exchanges a run is graded from. */
const MAX_UITWISSELINGEN = 20_000;

/**
 * Conformance runs: a vendor starts one for its sandbox, its LAS does the proefgevallen, and the simulator grades each
 * case from the client's exchanges in the journal since the start and the delivery log of its webhook subscriptions.
 * A running run is graded afresh on every read; finishing it freezes the grading.
 */
@Injectable()
export class RunsService {
  constructor(
    private readonly db: DataSource,
    private readonly journaal: JournaalService,
    private readonly webhooks: WebhooksService,
  ) {}

  async start(principal: Principal, r: RunRequest): Promise<RunRapport> {
    const id = randomUUID();
    await this.journaal.flush().catch(() => undefined);
    await this.db.query(`INSERT INTO conformance_run (id, sandbox_id, client_id, catalogus_versie, gestart_op) VALUES ($1, $2, $3, $4, now())`, [
      id, principal.sandboxId, principal.clientId, r.catalogusVersie ?? NIEUWSTE_VERSIE,
    ]);
    return this.getRapport(principal, id);
  }

  async list(principal: Principal): Promise<RunRapport[]> {
    const rijen: RunRij[] = await this.db.query(`${RUN_SQL} WHERE r.sandbox_id = $1 AND ($2::text IS NULL OR r.client_id = $2) ORDER BY r.gestart_op DESC LIMIT 50`, [
      principal.sandboxId,
      principal.role === 'BEHEER' ? null : principal.clientId,
    ]);
    return Promise.all(rijen.map((r) => this.buildRapport(principal, r)));
  }

  async getRapport(principal: Principal, id: string): Promise<RunRapport> {
    return this.buildRapport(principal, await this.run(principal, id));
  }

  async finish(principal: Principal, id: string): Promise<RunRapport> {
    const r = await this.run(principal, id);
    if (r.uitslag) return r.uitslag;
    const rapport = await this.grade(principal, r);
    const afgerond = { ...rapport, status: 'AFGEROND' as const, afgerondOp: new Date().toISOString() };
    const [, n]: [unknown, number] = await this.db.query(
      `UPDATE conformance_run SET afgerond_op = $3, uitslag = $4 WHERE sandbox_id = $1 AND id = $2 AND afgerond_op IS NULL`,
      [principal.sandboxId, id, afgerond.afgerondOp, JSON.stringify(afgerond)],
    );
    // Finished at the same moment by another request: answer what that one stored.
    return n ? afgerond : (await this.run(principal, id)).uitslag!;
  }

  private async run(principal: Principal, id: string): Promise<RunRij> {
    const [r]: RunRij[] = await this.db.query(`${RUN_SQL} WHERE r.sandbox_id = $1 AND r.id = $2`, [principal.sandboxId, id]);
    if (!r || (principal.role !== 'BEHEER' && r.clientId !== principal.clientId)) throw conformanceProblem('not_found', `No conformance run ${id} of this client in this sandbox.`);
    return r;
  }

  private buildRapport(principal: Principal, r: RunRij): Promise<RunRapport> {
    return r.uitslag ? Promise.resolve(r.uitslag) : this.grade(principal, r);
  }

  private async grade(principal: Principal, r: RunRij): Promise<RunRapport> {
    const regels = await this.journaal.search({ sandboxId: principal.sandboxId, clientId: r.clientId, van: r.gestartOp.toISOString(), limiet: MAX_UITWISSELINGEN, oplopend: true });
    const uitwisselingen: Uitwisseling[] = regels;
    const abonnementen = regels
      .filter((u) => u.methode === 'POST' && u.pad === '/rod/v1/webhook-abonnementen' && u.status === 201)
      .map((u) => (u.antwoord as { abonnementId?: unknown } | null)?.abonnementId)
      .filter((x): x is string => typeof x === 'string');
    const afleveringen: AfleveringSamenvatting[] = abonnementen.length ? await this.webhooks.summarize(principal.sandboxId, r.clientId, abonnementen) : [];
    const personas = Object.fromEntries(PERSONA_PGN.map((k) => [k, this.journaal.maskering.nummer(principal.sandboxId, (PERSONAS[k] as { bsn: string }).bsn)]));
    const gevallen: CaseUitslag[] = beoordeelAlles({ uitwisselingen, afleveringen, personas }, r.catalogusVersie);
    const perId = new Map(regels.map((u) => [u.id, u]));
    return {
      runId: r.id,
      sandbox: r.sandbox,
      clientId: r.clientId,
      catalogusVersie: r.catalogusVersie,
      gestartOp: r.gestartOp.toISOString(),
      afgerondOp: null,
      status: 'LOPEND',
      totalen: totalen(gevallen),
      gevallen: gevallen.map((g) => ({
        ...g,
        details: g.uitwisselingen
          .map((id) => perId.get(id))
          .filter((u) => !!u)
          .map((u) => ({ id: u!.id, tijdstip: u!.tijdstip, methode: u!.methode, pad: u!.pad, status: u!.status, codes: u!.codes })),
      })),
    };
  }
}
