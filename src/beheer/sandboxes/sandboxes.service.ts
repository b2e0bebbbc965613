import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { TokenService } from '../../common/auth/token.service';
import { ClockService, clockNow, dutchDate } from '../../common/clock/clock.service';
import { toPage } from '../../common/pagination/pagination';
import { Problems } from '../../common/problem/problem';
import { SandboxDataRegistry, SeedScale } from '../../common/sandbox/sandbox-data.registry';
import { ApiClient } from '../clients/api-client.entity';
import { BeheerErrors, beheerProblem } from '../beheer.errors';
import { Sandbox } from './sandbox.entity';
import { CreateSandboxRequest, SandboxListQuery, SandboxResponse } from './sandbox.dto';

export const DEFAULT_SANDBOX = 'default';

export function toSandboxResponse(s: Sandbox, clientIds: string[]): SandboxResponse {
  const state = { frozenAt: s.clockFrozenAt, offsetMs: Number(s.clockOffsetMs) };
  const now = clockNow(state);
  return {
    code: s.code,
    naam: s.naam,
    seed: s.seedScale,
    seedValue: s.seedValue,
    isDefault: s.isDefault,
    klok: { mode: s.clockFrozenAt ? 'FROZEN' : 'REAL', now: now.toISOString(), vandaag: dutchDate(now), offsetMs: Number(s.clockOffsetMs) },
    clientIds,
    createdAt: s.createdAt.toISOString(),
    lastResetAt: s.lastResetAt?.toISOString() ?? null,
  };
}

/** Sandboxes: create (empty or from a named seed), reset to their seed, delete. */
@Injectable()
export class SandboxesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly registry: SandboxDataRegistry,
    private readonly clock: ClockService,
    private readonly tokens: TokenService,
  ) {}

  async create(req: CreateSandboxRequest, opts: { isDefault?: boolean } = {}): Promise<SandboxResponse> {
    const sandbox = await this.db.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`sandbox:${req.code}`]);
      if (await m.exists(Sandbox, { where: { code: req.code } })) {
        throw beheerProblem(BeheerErrors.sandboxExists, `Sandbox ${req.code} already exists.`);
      }
      const clients = await this.resolveClients(m, req.clientIds ?? []);
      const s = await m.save(
        m.create(Sandbox, {
          code: req.code,
          naam: req.naam ?? req.code,
          seedScale: req.seed ?? 'small',
          seedValue: req.seedValue ?? 1,
          isDefault: opts.isDefault ?? false,
          clockOffsetMs: '0',
          clockFrozenAt: null,
        }),
      );
      for (const c of clients) await m.query('INSERT INTO api_client_sandbox (client_id, sandbox_id) VALUES ($1, $2)', [c.clientId, s.id]);
      await this.seed(m, s);
      return s;
    });
    return this.get(sandbox.code);
  }

  async list(q: SandboxListQuery, path: string) {
    const [rows, total] = await this.db.getRepository(Sandbox).findAndCount({ order: { createdAt: 'ASC', code: 'ASC' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize });
    const bindings = await this.bindings(rows.map((r) => r.id));
    return toPage(rows.map((r) => toSandboxResponse(r, bindings.get(r.id) ?? [])), total, q, path);
  }

  async get(code: string): Promise<SandboxResponse> {
    const s = await this.find(code);
    return toSandboxResponse(s, (await this.bindings([s.id])).get(s.id) ?? []);
  }

  async find(code: string, m: EntityManager = this.db.manager): Promise<Sandbox> {
    const s = await m.findOne(Sandbox, { where: { code } });
    if (!s) throw beheerProblem(BeheerErrors.sandboxNotFound, `Sandbox ${code} does not exist.`);
    return s;
  }

  /**
   * A sandbox is shared when it is the default sandbox or more than one client is bound to it. Only scope beheer
   * moves a shared sandbox's clock: one vendor must not move time for everyone else.
   */
  async isShared(s: Sandbox): Promise<boolean> {
    if (s.isDefault) return true;
    const [{ n }]: { n: number }[] = await this.db.query('SELECT count(*)::int AS n FROM api_client_sandbox WHERE sandbox_id = $1', [s.id]);
    return n > 1;
  }

  /** Throws away every record of the sandbox and seeds it again as it was created; the clock goes back to real time. */
  async reset(code: string): Promise<SandboxResponse> {
    await this.db.transaction(async (m) => {
      const s = await this.lock(m, code);
      await this.registry.purge(m, s.id);
      await m.update(Sandbox, { id: s.id }, { clockFrozenAt: null, clockOffsetMs: '0', lastResetAt: new Date() });
      this.clock.invalidate(s.id);
      await this.seed(m, { ...s, clockFrozenAt: null, clockOffsetMs: '0' });
    });
    return this.get(code);
  }

  async remove(code: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const s = await this.lock(m, code);
      if (s.isDefault) throw beheerProblem(BeheerErrors.defaultSandbox, 'The default sandbox cannot be deleted; reset it instead.');
      await this.registry.purge(m, s.id);
      await m.delete(Sandbox, { id: s.id });
      this.clock.invalidate(s.id);
    });
    this.tokens.forget();
  }

  private async lock(m: EntityManager, code: string): Promise<Sandbox> {
    const s = await this.find(code, m);
    await m.query('SELECT 1 FROM sandbox WHERE id = $1 FOR UPDATE', [s.id]);
    return s;
  }

  private async seed(m: EntityManager, s: Sandbox) {
    const today = dutchDate(clockNow({ frozenAt: s.clockFrozenAt, offsetMs: Number(s.clockOffsetMs) }));
    await this.registry.seed(m, { sandboxId: s.id, scale: s.seedScale as SeedScale, seed: s.seedValue, today });
  }

  private async resolveClients(m: EntityManager, ids: string[]): Promise<ApiClient[]> {
    if (!ids.length) return [];
    const found = await m.find(ApiClient, { where: { clientId: In(ids) } });
    const missing = ids.map((id, i) => ({ id, i })).filter(({ id }) => !found.some((c) => c.clientId === id));
    if (missing.length) {
      throw Problems.invalidInput(missing.map(({ id, i }) => ({ pointer: `/clientIds/${i}`, code: BeheerErrors.clientNotFound, detail: `client ${id} does not exist` })));
    }
    return found;
  }

  private async bindings(ids: string[]): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>();
    if (!ids.length) return map;
    const rows: { sandbox_id: string; client_id: string }[] = await this.db.query(
      'SELECT sandbox_id, client_id FROM api_client_sandbox WHERE sandbox_id = ANY($1) ORDER BY client_id',
      [ids],
    );
    for (const r of rows) map.set(r.sandbox_id, [...(map.get(r.sandbox_id) ?? []), r.client_id]);
    return map;
  }
}
