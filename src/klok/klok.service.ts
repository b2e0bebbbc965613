import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SandboxesService } from '../beheer';
import type { Principal } from '../common/auth/principal';
import { ClockService, clockNow, ClockState, dutchDate } from '../common/clock/clock.service';
import { Problems } from '../common/problem/problem';
import { parseDuur, plusDuur } from './duur';
import { KlokErrors, klokProblem } from './klok.errors';
import { KlokPlanner } from './klok-planner';
import { KlokRequest, KlokResponse, VerschuivingRequest, VerschuivingResponse } from './klok.dto';

/** Stripe allows two years; three covers a full schooljaar cycle plus its teldata. */
const MAX_VERSCHUIVING_MS = 3 * 366 * 86_400_000;

/** The test clock of a sandbox: read, freeze or set, and advance with everything crossed run in order. */
@Injectable()
export class KlokService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: ClockService,
    private readonly sandboxes: SandboxesService,
    private readonly planner: KlokPlanner,
  ) {}

  async get(p: Principal, code: string): Promise<KlokResponse> {
    const id = await this.sandboxId(p, code);
    return this.db.transaction((m) => this.response(m, id, code));
  }

  async set(p: Principal, code: string, req: KlokRequest): Promise<KlokResponse> {
    const id = await this.sandboxId(p, code, true);
    await this.wijzig(id, (huidig) => {
      const doel = req.now ? new Date(req.now) : clockNow(huidig);
      // Forward as far as a verschuiving goes: everything crossed runs, so the work of one request stays bounded.
      // Back is free (the planning marker follows).
      if (doel.getTime() - clockNow(huidig).getTime() > MAX_VERSCHUIVING_MS) {
        throw Problems.invalidInput([{ pointer: '/now', code: KlokErrors.ongeldigeVerschuiving, detail: 'the clock moves forward at most three years at a time; take several steps' }]);
      }
      return req.mode === 'FROZEN' ? { frozenAt: doel, offsetMs: 0 } : { frozenAt: null, offsetMs: doel.getTime() - Date.now() };
    });
    await this.planner.verwerk(id);
    return this.db.transaction((m) => this.response(m, id, code));
  }

  async advance(p: Principal, code: string, req: VerschuivingRequest): Promise<VerschuivingResponse> {
    const id = await this.sandboxId(p, code, true);
    if ((req.duur === undefined) === (req.tot === undefined)) {
      throw Problems.invalidInput([{ pointer: '', code: KlokErrors.ongeldigeVerschuiving, detail: 'give exactly one of duur and tot' }]);
    }
    const duur = req.duur !== undefined ? parseDuur(req.duur) : null;
    if (req.duur !== undefined && !duur) {
      throw Problems.invalidInput([{ pointer: '/duur', code: KlokErrors.ongeldigeVerschuiving, detail: 'duur must be an ISO 8601 duration such as P28D or PT6H' }]);
    }
    await this.wijzig(id, (huidig) => {
      const van = clockNow(huidig);
      const naar = duur ? plusDuur(van, duur) : new Date(req.tot!);
      const stap = naar.getTime() - van.getTime();
      if (stap < 0 || stap > MAX_VERSCHUIVING_MS) {
        throw Problems.invalidInput([
          { pointer: duur ? '/duur' : '/tot', code: KlokErrors.ongeldigeVerschuiving, detail: stap < 0 ? 'a verschuiving goes forward; set the clock back with PUT …/klok' : 'at most three years at a time' },
        ]);
      }
      return huidig.frozenAt ? { frozenAt: naar, offsetMs: 0 } : { frozenAt: null, offsetMs: huidig.offsetMs + stap };
    });
    const verwerkt = await this.planner.verwerk(id);
    return { klok: await this.db.transaction((m) => this.response(m, id, code)), verwerkt };
  }

  /** Changes the clock under the sandbox's row lock; setting it back moves the planning marker back too. */
  private async wijzig(sandboxId: string, nieuw: (huidig: ClockState) => ClockState) {
    await this.db.transaction(async (m) => {
      const [rij]: { clock_frozen_at: Date | null; clock_offset_ms: string }[] = await m.query('SELECT clock_frozen_at, clock_offset_ms FROM sandbox WHERE id = $1 FOR UPDATE', [sandboxId]);
      const huidig: ClockState = { frozenAt: rij.clock_frozen_at, offsetMs: Number(rij.clock_offset_ms) };
      // The marker starts where the clock stood, so that what the change crosses runs.
      await this.planner.begin(m, sandboxId, dutchDate(clockNow(huidig)));
      const state = nieuw(huidig);
      await m.query('UPDATE sandbox SET clock_frozen_at = $2, clock_offset_ms = $3 WHERE id = $1', [sandboxId, state.frozenAt, String(Math.round(state.offsetMs))]);
      await this.planner.terugNaar(m, sandboxId, dutchDate(clockNow(state)));
    });
    this.clock.invalidate(sandboxId);
  }

  private async response(m: EntityManager, sandboxId: string, code: string): Promise<KlokResponse> {
    const state = await this.clock.state(sandboxId, m);
    const now = clockNow(state);
    return {
      sandboxCode: code,
      mode: state.frozenAt ? 'FROZEN' : 'REAL',
      now: now.toISOString(),
      vandaag: dutchDate(now),
      offsetMs: state.frozenAt ? 0 : Math.round(state.offsetMs),
      verwerktTot: await this.planner.verwerktTot(m, sandboxId),
    };
  }

  /**
   * Scope beheer: any sandbox. Scope klok: only the sandbox the token is for, and it moves that clock only when the
   * sandbox is not shared (not the default sandbox, no other client bound to it).
   */
  private async sandboxId(p: Principal, code: string, move = false): Promise<string> {
    const beheer = p.scopes.includes('beheer');
    if (!beheer && p.sandboxCode !== code) {
      throw klokProblem(KlokErrors.andereSandbox, `A token with scope klok may only use the clock of its own sandbox (${p.sandboxCode}).`);
    }
    const sandbox = await this.sandboxes.find(code);
    if (move && !beheer && (await this.sandboxes.isShared(sandbox))) {
      throw klokProblem(
        KlokErrors.gedeeldeSandbox,
        `Sandbox ${code} is shared (the default sandbox, or bound to more than one client): only scope beheer moves its clock. Create a sandbox of your own to move time.`,
      );
    }
    return sandbox.id;
  }
}
