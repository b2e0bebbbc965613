import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { decodeJwt, JwtError, publicKeyFrom, verifyAssertion } from '../common/auth/jwt';
import { ALL_SCOPES, type ClientRoleName, type ScopeName } from '../common/auth/scopes';
import { hashSecret, verifySecret } from '../common/auth/secret-hash';
import { TokenService } from '../common/auth/token.service';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { DEFAULT_SANDBOX } from '../beheer';
import type { ProblemException } from '../common/problem/problem';
import { oauthError } from './oauth.errors';
import { TokenLimiet } from './token-limiet';

export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export interface TokenRequest {
  grant_type?: string;
  scope?: string;
  sandbox?: string;
  client_id?: string;
  client_secret?: string;
  client_assertion_type?: string;
  client_assertion?: string;
}

export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
  sandbox: string;
}

interface ClientRow {
  client_id: string;
  naam: string;
  role: ClientRoleName;
  oin: string;
  secret_hash: string | null;
  public_key_pem: string | null;
  scopes: ScopeName[];
  bestuurcodes: string[];
  active: boolean;
}

/** The token endpoint's logic: client credentials grant, three ways to authenticate the client. */
@Injectable()
export class OauthService {
  private readonly limiet: TokenLimiet;
  /** A secret hash for no client: an unknown id costs the same scrypt as a known one, so timing does not tell which ids exist. */
  private readonly dummyHash: Promise<string>;
  /** The one place a client secret is checked (scrypt). */
  readonly verifieerGeheim = verifySecret;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tokens: TokenService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.limiet = new TokenLimiet(config.TOKEN_RATE_BURST, config.TOKEN_RATE_PER_MINUTE);
    this.dummyHash = hashSecret('no client has this secret');
  }

  async token(body: TokenRequest, authorization: string | undefined): Promise<TokenResponse> {
    if (!body || typeof body !== 'object') throw oauthError('invalid_request', 'Send the token request as application/x-www-form-urlencoded.');
    const client = await this.authenticateClient(body, authorization);
    if (!body.grant_type) throw oauthError('invalid_request', 'grant_type is required.');
    if (body.grant_type !== 'client_credentials') throw oauthError('unsupported_grant_type', `grant_type ${body.grant_type} is not supported; use client_credentials.`);
    const scopes = grantedScopes(body.scope, client.scopes);
    const sandbox = await this.resolveSandbox(client, body.sandbox);
    const { token, expiresIn } = this.tokens.issue({
      clientId: client.client_id,
      clientName: client.naam,
      role: client.role,
      oin: client.oin.trim(),
      scopes,
      sandboxId: sandbox.id,
      sandboxCode: sandbox.code,
      bestuurcodes: client.bestuurcodes,
    });
    return { access_token: token, token_type: 'Bearer', expires_in: expiresIn, scope: scopes.join(' '), sandbox: sandbox.code };
  }

  private async authenticateClient(body: TokenRequest, authorization: string | undefined): Promise<ClientRow> {
    const basic = authorization && /^Basic\s+(\S+)$/i.exec(authorization);
    const methods = [basic ? 'basic' : null, body.client_secret !== undefined ? 'post' : null, body.client_assertion !== undefined ? 'jwt' : null].filter(Boolean);
    if (methods.length === 0) throw oauthError('invalid_client', 'Client authentication is required: client_secret_basic, client_secret_post or private_key_jwt.', { 'WWW-Authenticate': 'Basic realm="rod-simulator"' });
    if (methods.length > 1) throw oauthError('invalid_request', 'Use exactly one client authentication method.');
    const invalid = () => oauthError('invalid_client', 'Client authentication failed.', basic ? { 'WWW-Authenticate': 'Basic realm="rod-simulator"' } : {});

    if (basic) {
      const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
      const sep = decoded.indexOf(':');
      if (sep < 0) throw invalid();
      const id = safeDecode(decoded.slice(0, sep));
      const secret = safeDecode(decoded.slice(sep + 1));
      this.beperk(id);
      return this.checkSecret(id, secret, invalid);
    }
    if (methods[0] === 'post') {
      if (!body.client_id) throw oauthError('invalid_request', 'client_id is required with client_secret.');
      this.beperk(String(body.client_id));
      return this.checkSecret(String(body.client_id), String(body.client_secret), invalid);
    }
    if (body.client_assertion_type !== CLIENT_ASSERTION_TYPE) {
      throw oauthError('invalid_request', `client_assertion_type must be ${CLIENT_ASSERTION_TYPE}.`);
    }
    this.beperk(String(body.client_id ?? assertionIssuer(String(body.client_assertion))));
    return this.checkAssertion(String(body.client_assertion), body.client_id, invalid);
  }

  /** 429 with Retry-After once a client id used its burst of token requests (known and unknown ids alike). */
  private beperk(id: string) {
    const wacht = this.limiet.neem(id.slice(0, 100));
    if (wacht > 0) {
      throw oauthError('too_many_requests', `Too many token requests for this client id; retry after ${wacht} s. A token is valid for ${this.config.TOKEN_TTL_SECONDS} s: reuse it.`, { 'Retry-After': String(wacht) });
    }
  }

  private async checkSecret(id: string, secret: string, invalid: () => ProblemException): Promise<ClientRow> {
    const client = await this.findClient(id);
    const bruikbaar = !!client && client.active && !!client.secret_hash;
    // Always one scrypt: against the client's hash, or a dummy one for an unknown, disabled or secretless client.
    const ok = await this.verifieerGeheim(secret, bruikbaar ? client.secret_hash! : await this.dummyHash);
    if (!bruikbaar || !ok) throw invalid();
    return client;
  }

  /** private_key_jwt (RFC 7523): iss = sub = client_id, aud = this issuer or the token endpoint, exp, unique jti. */
  private async checkAssertion(assertion: string, clientId: string | undefined, invalid: () => ProblemException): Promise<ClientRow> {
    let claims: Record<string, unknown>;
    try {
      claims = decodeJwt(assertion).payload;
    } catch {
      throw invalid();
    }
    const iss = String(claims.iss ?? '');
    if (!iss || claims.sub !== iss || (clientId !== undefined && clientId !== iss)) throw invalid();
    const client = await this.findClient(iss);
    if (!client || !client.active || !client.public_key_pem) throw invalid();
    const now = Math.floor(Date.now() / 1000);
    try {
      verifyAssertion(assertion, publicKeyFrom(client.public_key_pem), now);
    } catch (e) {
      if (e instanceof JwtError) throw invalid();
      throw e;
    }
    const audiences = ([] as unknown[]).concat(claims.aud);
    if (!audiences.some((a) => a === this.config.TOKEN_ISSUER || (typeof a === 'string' && /\/oauth\/token$/.test(a)))) throw invalid();
    if (typeof claims.exp !== 'number' || claims.exp > now + 600) throw oauthError('invalid_request', 'The client assertion must expire within 10 minutes.');
    if (typeof claims.jti !== 'string' || !claims.jti) throw oauthError('invalid_request', 'The client assertion needs a jti.');
    await this.db.query('DELETE FROM client_assertion_jti WHERE expires_at < now()');
    const fresh: unknown[] = await this.db.query(
      `INSERT INTO client_assertion_jti (client_id, jti, expires_at) VALUES ($1, $2, to_timestamp($3))
       ON CONFLICT DO NOTHING RETURNING 1`,
      [client.client_id, claims.jti.slice(0, 200), claims.exp],
    );
    if (fresh.length === 0) throw oauthError('invalid_grant', 'This client assertion was used before (jti replay).');
    return client;
  }

  private async findClient(id: string): Promise<ClientRow | undefined> {
    const rows: ClientRow[] = await this.db.query(
      'SELECT client_id, naam, role, oin, secret_hash, public_key_pem, scopes, bestuurcodes, active FROM api_client WHERE client_id = $1',
      [id.slice(0, 100)],
    );
    return rows[0];
  }

  private async resolveSandbox(client: ClientRow, code: string | undefined): Promise<{ id: string; code: string }> {
    if (code !== undefined && (typeof code !== 'string' || code.length > 63)) throw oauthError('invalid_request', 'sandbox must be a sandbox code.');
    const rows: { id: string; code: string; bound: boolean }[] = await this.db.query(
      `SELECT s.id, s.code, (b.client_id IS NOT NULL) AS bound
         FROM sandbox s LEFT JOIN api_client_sandbox b ON b.sandbox_id = s.id AND b.client_id = $1
        WHERE ($2::text IS NULL AND (b.client_id IS NOT NULL OR s.code = $3)) OR s.code = $2
        ORDER BY (s.code = $3) DESC, s.created_at`,
      [client.client_id, code ?? null, DEFAULT_SANDBOX],
    );
    const usable = rows.filter((r) => r.bound || client.role === 'BEHEER');
    if (usable.length === 0) {
      throw oauthError('invalid_target', code ? `The client may not use sandbox ${code}, or it does not exist.` : 'The client is bound to no sandbox.');
    }
    return usable[0];
  }
}

/**
 * The scopes a token gets (RFC 6749 §3.3): without `scope` every scope the client holds; otherwise the requested scopes
 * the client holds — fewer than asked is allowed (Swagger UI's "select all"), and the answer's `scope` says which were
 * granted. An unknown scope, or none of the requested held, is invalid_scope.
 */
export function grantedScopes(scope: unknown, held: ScopeName[]): ScopeName[] {
  if (scope !== undefined && typeof scope !== 'string') throw oauthError('invalid_request', 'scope must be a space-separated list.');
  const requested = scope && scope.trim() ? [...new Set(scope.trim().split(/\s+/))] : null;
  if (!requested) return held;
  const unknown = requested.filter((s) => !ALL_SCOPES.includes(s as ScopeName));
  if (unknown.length) throw oauthError('invalid_scope', `Unknown scope ${unknown.join(', ')}; scopes are ${ALL_SCOPES.join(', ')}.`);
  const granted = held.filter((s) => requested.includes(s));
  if (!granted.length) throw oauthError('invalid_scope', `The client holds none of the requested scopes (${requested.join(' ')}); it holds ${held.join(' ')}.`);
  return granted;
}

/** The unverified issuer of a client assertion, only to pick its rate-limit bucket. */
function assertionIssuer(assertion: string): string {
  try {
    return String(decodeJwt(assertion).payload.iss ?? '');
  } catch {
    return '';
  }
}

function safeDecode(s: string) {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}
