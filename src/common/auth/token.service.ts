import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/app-config';
import { Problems } from '../problem/problem';
import { checkTimes, JwtError, signHs256, verifyHs256 } from './jwt';
import type { Principal } from './principal';
import type { ClientRoleName, ScopeName } from './scopes';

/** What the client may do now, read from the register (null: disabled, deleted, or no longer bound to the sandbox). */
interface LiveRights {
  naam: string;
  role: ClientRoleName;
  oin: string;
  scopes: ScopeName[];
  bestuurcodes: string[];
}

interface LiveState {
  rights: LiveRights | null;
  at: number;
}

/**
 * How long a client's rights are cached per process. Every change through the beheer API drops the cache at once
 * (forget), so the TTL only bounds changes made behind the API's back.
 */
const LIVE_TTL_MS = 2000;

/** Most verified tokens remembered (a token lives TOKEN_TTL_SECONDS; past this the memory starts afresh). */
const MAX_VERIFIED = 10_000;

/** Issues and checks the simulator's access tokens (JWT, HS256, short-lived). */
@Injectable()
export class TokenService {
  private readonly live = new Map<string, LiveState>();
  /** Rights reads under way: requests of one client that find the cache stale at the same moment share one read. */
  private readonly loading = new Map<string, Promise<LiveRights | null>>();
  /** Counts forgets, so a read that began before a change of rights never fills the cache after it. */
  private generation = 0;
  /** Payloads of tokens whose signature was verified, by token: a client sends the same token many times (time claims are checked every time). */
  private readonly verified = new Map<string, Record<string, unknown>>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DataSource,
  ) {}

  issue(p: Principal): { token: string; expiresIn: number } {
    const now = Math.floor(Date.now() / 1000);
    const expiresIn = this.config.TOKEN_TTL_SECONDS;
    const token = signHs256(
      {
        iss: this.config.TOKEN_ISSUER,
        sub: p.clientId,
        aud: 'rod-simulator',
        iat: now,
        nbf: now,
        exp: now + expiresIn,
        jti: randomUUID(),
        client_id: p.clientId,
        name: p.clientName,
        role: p.role,
        oin: p.oin,
        scope: p.scopes.join(' '),
        sandbox_id: p.sandboxId,
        sandbox: p.sandboxCode,
        besturen: p.bestuurcodes,
      },
      this.config.JWT_SECRET,
    );
    return { token, expiresIn };
  }

  async authenticate(token: string): Promise<Principal> {
    let claims: Record<string, unknown>;
    try {
      const now = Math.floor(Date.now() / 1000);
      const known = this.verified.get(token);
      if (known) claims = checkTimes(known, now);
      else {
        claims = verifyHs256(token, this.config.JWT_SECRET, now);
        if (this.verified.size >= MAX_VERIFIED) this.verified.clear();
        this.verified.set(token, claims);
      }
    } catch (e) {
      throw Problems.unauthorized(e instanceof JwtError && e.message === 'token expired' ? 'The access token has expired.' : 'The access token is invalid.');
    }
    if (claims.iss !== this.config.TOKEN_ISSUER || claims.aud !== 'rod-simulator') throw Problems.unauthorized('The access token is invalid.');
    const tokenScopes = String(claims.scope ?? '').split(' ').filter(Boolean) as ScopeName[];
    const clientId = String(claims.sub);
    const sandboxId = String(claims.sandbox_id);
    const rights = await this.liveRights(clientId, sandboxId);
    if (!rights) throw Problems.unauthorized('The client is disabled, no longer bound to the sandbox of this token, or the sandbox no longer exists.');
    // Rights follow the client as it is now: scopes taken away, besturen changed or a sandbox unbound count at once.
    return {
      clientId,
      clientName: rights.naam,
      role: rights.role,
      oin: rights.oin,
      scopes: tokenScopes.filter((sc) => rights.scopes.includes(sc)),
      sandboxId,
      sandboxCode: String(claims.sandbox),
      bestuurcodes: rights.bestuurcodes,
    };
  }

  /** Drops cached client/sandbox state, after a client is disabled or a sandbox deleted. */
  forget() {
    this.generation++;
    this.live.clear();
    this.loading.clear();
  }

  private async liveRights(clientId: string, sandboxId: string): Promise<LiveRights | null> {
    const key = `${clientId}\u0000${sandboxId}`;
    const cached = this.live.get(key);
    if (cached && Date.now() - cached.at < LIVE_TTL_MS) return cached.rights;
    const underway = this.loading.get(key);
    if (underway) return underway;
    const load = this.readRights(key, clientId, sandboxId).finally(() => {
      if (this.loading.get(key) === load) this.loading.delete(key);
    });
    this.loading.set(key, load);
    return load;
  }

  private async readRights(key: string, clientId: string, sandboxId: string): Promise<LiveRights | null> {
    const generation = this.generation;
    const rows: LiveRights[] = await this.db.query(
      `SELECT c.naam, c.role, trim(c.oin) AS oin, c.scopes, c.bestuurcodes
         FROM api_client c JOIN sandbox s ON s.id = $2
        WHERE c.client_id = $1 AND c.active
          AND (c.role = 'BEHEER' OR EXISTS (SELECT 1 FROM api_client_sandbox b WHERE b.client_id = c.client_id AND b.sandbox_id = s.id))`,
      [clientId, sandboxId],
    );
    const rights = rows[0] ?? null;
    if (generation !== this.generation) return rights;
    if (this.live.size > 10000) this.live.clear();
    this.live.set(key, { rights, at: Date.now() });
    return rights;
  }
}
