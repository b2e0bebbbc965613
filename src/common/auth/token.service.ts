import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/app-config';
import { Problems } from '../problem/problem';
import { JwtError, signHs256, verifyHs256 } from './jwt';
import type { Principal } from './principal';
import type { ClientRoleName, ScopeName } from './scopes';

interface LiveState {
  ok: boolean;
  at: number;
}

const LIVE_TTL_MS = 2000;

/** Issues and checks the simulator's access tokens (JWT, HS256, short-lived). */
@Injectable()
export class TokenService {
  private readonly live = new Map<string, LiveState>();

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
      claims = verifyHs256(token, this.config.JWT_SECRET, Math.floor(Date.now() / 1000));
    } catch (e) {
      throw Problems.unauthorized(e instanceof JwtError && e.message === 'token expired' ? 'The access token has expired.' : 'The access token is invalid.');
    }
    if (claims.iss !== this.config.TOKEN_ISSUER || claims.aud !== 'rod-simulator') throw Problems.unauthorized('The access token is invalid.');
    const principal: Principal = {
      clientId: String(claims.sub),
      clientName: String(claims.name),
      role: claims.role as ClientRoleName,
      oin: String(claims.oin),
      scopes: String(claims.scope ?? '').split(' ').filter(Boolean) as ScopeName[],
      sandboxId: String(claims.sandbox_id),
      sandboxCode: String(claims.sandbox),
      bestuurcodes: Array.isArray(claims.besturen) ? (claims.besturen as string[]) : [],
    };
    if (!(await this.stillLive(principal))) {
      throw Problems.unauthorized('The client is disabled or the sandbox of this token no longer exists.');
    }
    return principal;
  }

  /** Drops cached client/sandbox state, after a client is disabled or a sandbox deleted. */
  forget() {
    this.live.clear();
  }

  private async stillLive(p: Principal): Promise<boolean> {
    const key = `${p.clientId}\u0000${p.sandboxId}`;
    const cached = this.live.get(key);
    if (cached && Date.now() - cached.at < LIVE_TTL_MS) return cached.ok;
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM api_client c JOIN sandbox s ON s.id = $2 WHERE c.client_id = $1 AND c.active`,
      [p.clientId, p.sandboxId],
    );
    const ok = rows.length > 0;
    if (this.live.size > 10000) this.live.clear();
    this.live.set(key, { ok, at: Date.now() });
    return ok;
  }
}
