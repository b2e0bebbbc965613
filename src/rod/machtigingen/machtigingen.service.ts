import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { isBeheer, Principal } from '../../common/auth/principal';
import { ClockService } from '../../common/clock/clock.service';
import { toPage } from '../../common/pagination/pagination';
import { Problems } from '../../common/problem/problem';
import { RodProblem, rodProblem } from '../rod.errors';
import { RodRioPort } from '../rio-port';
import { MachtigingListQuery, MachtigingRequest, MachtigingResponse } from './machtiging.dto';

interface Rij {
  id: string;
  oin: string;
  instellingscode: string;
  geldig_vanaf: string;
  geldig_tot: string | null;
  verleend_door: string;
}

const toResponse = (r: Rij): MachtigingResponse => ({
  machtigingId: r.id,
  oin: r.oin,
  instellingscode: r.instellingscode,
  geldigVanaf: r.geldig_vanaf,
  geldigTot: r.geldig_tot,
  verleendDoor: r.verleend_door,
});

const KOLOMMEN = `id, oin, instellingscode, to_char(geldig_vanaf, 'YYYY-MM-DD') AS geldig_vanaf, to_char(geldig_tot, 'YYYY-MM-DD') AS geldig_tot, verleend_door`;

/** SQL condition: vendor $oin holds a mandate for school $instelling on $datum (parameters by position). */
export const gemachtigdSql = (sandbox: string, oin: string, instelling: string, datum: string) =>
  `EXISTS (SELECT 1 FROM rod_machtiging WHERE sandbox_id = ${sandbox} AND oin = ${oin} AND instellingscode = ${instelling} AND geldig_vanaf <= ${datum}::date AND (geldig_tot IS NULL OR geldig_tot >= ${datum}::date))`;

/**
 * Mandates (the OSR equivalent): which LAS vendor (OIN) may exchange data with ROD for which school.
 * Granted by DUO-beheer, or by a client acting for the school's bestuur.
 */
@Injectable()
export class MachtigingenService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: ClockService,
    private readonly rio: RodRioPort,
  ) {}

  async isGemachtigd(manager: EntityManager, principal: Principal, instellingscode: string): Promise<boolean> {
    if (isBeheer(principal)) return true;
    const vandaag = await this.clock.today(principal.sandboxId);
    const [r]: { ok: boolean }[] = await manager.query(`SELECT ${gemachtigdSql('$1', '$2', '$3', '$4')} AS ok`, [principal.sandboxId, principal.oin, instellingscode, vandaag]);
    return r.ok;
  }

  /** Schools whose mandates this client manages: every school for beheer, else the schools of its besturen today (an overgang hands a school over on its date). */
  private async listBeheerdeScholen(manager: EntityManager, principal: Principal): Promise<string[] | 'alle'> {
    if (isBeheer(principal)) return 'alle';
    const vandaag = await this.clock.today(principal.sandboxId, manager);
    const lists = await Promise.all(principal.bestuurcodes.map((b) => this.rio.listInstellingenVanBestuur(manager, principal.sandboxId, b, vandaag)));
    return lists.flat();
  }

  async create(principal: Principal, req: MachtigingRequest): Promise<MachtigingResponse> {
    return this.db.transaction(async (manager) => {
      const school = await this.rio.getInstelling(manager, principal.sandboxId, req.instellingscode, await this.clock.today(principal.sandboxId, manager));
      if (!isBeheer(principal) && (!school?.bestuurcode || !principal.bestuurcodes.includes(school.bestuurcode))) {
        throw rodProblem('forbidden', `Only DUO-beheer or a client acting for the bestuur of instelling ${req.instellingscode} can grant a machtiging for it.`);
      }
      if (!school) throw rodProblem(RodProblem.instellingOnbekend, `Instelling ${req.instellingscode} is not known in RIO in this sandbox.`);
      const geldigVanaf = req.geldigVanaf ?? (await this.clock.today(principal.sandboxId, manager));
      if (req.geldigTot && req.geldigTot < geldigVanaf) {
        throw Problems.invalidInput([{ pointer: '/geldigTot', code: 'before_geldig_vanaf', detail: 'geldigTot must not be before geldigVanaf' }]);
      }
      const rows: Rij[] = await manager.query(
        `INSERT INTO rod_machtiging (sandbox_id, oin, instellingscode, geldig_vanaf, geldig_tot, verleend_door)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (sandbox_id, oin, instellingscode) DO NOTHING RETURNING ${KOLOMMEN}`,
        [principal.sandboxId, req.oin, req.instellingscode, geldigVanaf, req.geldigTot ?? null, principal.clientId],
      );
      if (!rows.length) throw rodProblem(RodProblem.machtigingBestaat, `Vendor ${req.oin} already holds a machtiging for ${req.instellingscode}; delete it first to change it.`);
      return toResponse(rows[0]);
    });
  }

  async list(principal: Principal, query: MachtigingListQuery, path: string) {
    const scholen = await this.listBeheerdeScholen(this.db.manager, principal);
    const params: unknown[] = [principal.sandboxId];
    const where = ['sandbox_id = $1'];
    if (scholen !== 'alle') {
      params.push(principal.oin, scholen);
      where.push(`(oin = $${params.length - 1} OR instellingscode = ANY($${params.length}::text[]))`);
    }
    if (query.instellingscode) {
      params.push(query.instellingscode);
      where.push(`instellingscode = $${params.length}`);
    }
    if (query.oin) {
      params.push(query.oin);
      where.push(`oin = $${params.length}`);
    }
    const rows: (Rij & { total: number })[] = await this.db.query(
      `SELECT ${KOLOMMEN}, count(*) OVER ()::int AS total FROM rod_machtiging WHERE ${where.join(' AND ')}
        ORDER BY instellingscode, oin LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      params,
    );
    return toPage(rows.map(toResponse), rows[0]?.total ?? 0, query, path, { instellingscode: query.instellingscode, oin: query.oin });
  }

  private async getZichtbaar(manager: EntityManager, principal: Principal, id: string): Promise<Rij> {
    const [r]: Rij[] = await manager.query(`SELECT ${KOLOMMEN} FROM rod_machtiging WHERE sandbox_id = $1 AND id = $2`, [principal.sandboxId, id]);
    if (r) {
      const scholen = await this.listBeheerdeScholen(manager, principal);
      if (scholen === 'alle' || r.oin === principal.oin || scholen.includes(r.instellingscode)) return r;
    }
    throw rodProblem('not_found', 'No such machtiging in this sandbox.');
  }

  async get(principal: Principal, id: string): Promise<MachtigingResponse> {
    return toResponse(await this.getZichtbaar(this.db.manager, principal, id));
  }

  async remove(principal: Principal, id: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      const rij = await this.getZichtbaar(manager, principal, id);
      const scholen = await this.listBeheerdeScholen(manager, principal);
      if (scholen !== 'alle' && !scholen.includes(rij.instellingscode)) {
        throw rodProblem('forbidden', 'Only DUO-beheer or a client acting for the school’s bestuur can withdraw a machtiging.');
      }
      await manager.query('DELETE FROM rod_machtiging WHERE sandbox_id = $1 AND id = $2', [principal.sandboxId, id]);
    });
  }
}
