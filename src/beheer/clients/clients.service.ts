import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { publicKeyFrom } from '../../common/auth/jwt';
import type { Principal } from '../../common/auth/principal';
import { ClientRoleName, ROLE_SCOPES, ScopeName } from '../../common/auth/scopes';
import { hashSecret, newSecret } from '../../common/auth/secret-hash';
import { TokenService } from '../../common/auth/token.service';
import { toPage } from '../../common/pagination/pagination';
import { ProblemDetailItem, Problems } from '../../common/problem/problem';
import { BeheerErrors, beheerProblem } from '../beheer.errors';
import { Sandbox } from '../sandboxes/sandbox.entity';
import { DEFAULT_SANDBOX } from '../sandboxes/sandboxes.service';
import { ApiClient } from './api-client.entity';
import { ClientCreatedResponse, ClientListQuery, ClientResponse, ClientSecretResponse, CreateClientRequest, UpdateClientRequest } from './client.dto';

export function toClientResponse(c: ApiClient): ClientResponse {
  return {
    clientId: c.clientId,
    naam: c.naam,
    role: c.role,
    oin: c.oin,
    scopes: [...c.scopes].sort(),
    bestuurcodes: [...c.bestuurcodes].sort(),
    sandboxes: (c.sandboxes ?? []).map((s) => s.code).sort(),
    active: c.active,
    tokenEndpointAuthMethods: [...(c.secretHash ? ['client_secret_basic', 'client_secret_post'] : []), ...(c.publicKeyPem ? ['private_key_jwt'] : [])],
    createdAt: c.createdAt.toISOString(),
    secretRotatedAt: c.secretRotatedAt?.toISOString() ?? null,
  };
}

/** OAuth clients: LAS vendors and administrators; secrets stored as scrypt hashes only. */
@Injectable()
export class ClientsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tokens: TokenService,
  ) {}

  async create(req: CreateClientRequest, fixedSecret?: string): Promise<ClientCreatedResponse> {
    const problems: ProblemDetailItem[] = [];
    const scopes = this.checkScopes(req.role, req.scopes, problems);
    this.checkKey(req.publicKeyPem, problems);
    const secret = fixedSecret ?? newSecret();
    const secretHash = await hashSecret(secret);
    const saved = await this.db.transaction(async (m) => {
      const sandboxes = await this.resolveSandboxes(m, req.sandboxes ?? [DEFAULT_SANDBOX], problems);
      if (problems.length) throw Problems.invalidInput(problems);
      const clientId = req.clientId ?? `client-${randomBytes(6).toString('hex')}`;
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`client:${clientId}`]);
      if (await m.exists(ApiClient, { where: { clientId } })) throw beheerProblem(BeheerErrors.clientExists, `Client ${clientId} already exists.`);
      return m.save(
        m.create(ApiClient, {
          clientId,
          naam: req.naam,
          role: req.role,
          oin: req.oin,
          secretHash,
          secretRotatedAt: new Date(),
          publicKeyPem: req.publicKeyPem ?? null,
          scopes,
          bestuurcodes: req.bestuurcodes ?? [],
          active: true,
          sandboxes,
        }),
      );
    });
    return { ...toClientResponse(saved), clientSecret: secret };
  }

  async list(q: ClientListQuery, path: string) {
    const [rows, total] = await this.db.getRepository(ApiClient).findAndCount({
      where: q.role ? { role: q.role } : {},
      relations: { sandboxes: true },
      order: { clientId: 'ASC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    return toPage(rows.map(toClientResponse), total, q, path, { role: q.role });
  }

  async get(clientId: string): Promise<ClientResponse> {
    return toClientResponse(await this.find(this.db.manager, clientId));
  }

  async update(clientId: string, req: UpdateClientRequest, caller: Principal): Promise<ClientResponse> {
    const saved = await this.db.transaction(async (m) => {
      const c = await this.find(m, clientId, true);
      const problems: ProblemDetailItem[] = [];
      if (req.scopes !== undefined) c.scopes = this.checkScopes(c.role as ClientRoleName, req.scopes, problems);
      if (req.publicKeyPem !== undefined) {
        this.checkKey(req.publicKeyPem ?? undefined, problems);
        c.publicKeyPem = req.publicKeyPem;
      }
      if (req.sandboxes !== undefined) c.sandboxes = await this.resolveSandboxes(m, req.sandboxes, problems);
      if (problems.length) throw Problems.invalidInput(problems);
      if (req.active === false && clientId === caller.clientId) {
        throw beheerProblem(BeheerErrors.ownClient, 'A client cannot disable itself.');
      }
      if (req.naam !== undefined) c.naam = req.naam;
      if (req.bestuurcodes !== undefined) c.bestuurcodes = req.bestuurcodes;
      if (req.active !== undefined) c.active = req.active;
      return m.save(c);
    });
    this.tokens.forget();
    return toClientResponse(saved);
  }

  /** Issues a new secret; the old one stops working at once. */
  async rotateSecret(clientId: string): Promise<ClientSecretResponse> {
    const secret = newSecret();
    const secretHash = await hashSecret(secret);
    const rotatedAt = new Date();
    await this.db.transaction(async (m) => {
      await this.find(m, clientId, true);
      await m.update(ApiClient, { clientId }, { secretHash, secretRotatedAt: rotatedAt });
    });
    return { clientId, clientSecret: secret, secretRotatedAt: rotatedAt.toISOString() };
  }

  async remove(clientId: string, caller: Principal): Promise<void> {
    if (clientId === caller.clientId) throw beheerProblem(BeheerErrors.ownClient, 'A client cannot delete itself.');
    await this.db.transaction(async (m) => {
      await this.find(m, clientId, true);
      await m.delete(ApiClient, { clientId });
    });
    this.tokens.forget();
  }

  private async find(m: EntityManager, clientId: string, lock = false): Promise<ApiClient> {
    if (lock) await m.query('SELECT 1 FROM api_client WHERE client_id = $1 FOR UPDATE', [clientId]);
    const c = await m.findOne(ApiClient, { where: { clientId }, relations: { sandboxes: true } });
    if (!c) throw beheerProblem(BeheerErrors.clientNotFound, `Client ${clientId} does not exist.`);
    return c;
  }

  private checkScopes(role: ClientRoleName, requested: ScopeName[] | undefined, problems: ProblemDetailItem[]): ScopeName[] {
    const allowed = ROLE_SCOPES[role] ?? [];
    if (requested === undefined) return [...allowed];
    requested.forEach((s, i) => {
      if (!allowed.includes(s)) problems.push({ pointer: `/scopes/${i}`, code: BeheerErrors.scopeNotAllowed, detail: `scope ${s} is not available to role ${role}` });
    });
    return [...new Set(requested)];
  }

  private checkKey(pem: string | undefined, problems: ProblemDetailItem[]) {
    if (!pem) return;
    try {
      const key = publicKeyFrom(pem);
      if (!['rsa', 'rsa-pss', 'ec'].includes(key.asymmetricKeyType ?? '')) throw new Error();
    } catch {
      problems.push({ pointer: '/publicKeyPem', code: 'invalid_public_key', detail: 'publicKeyPem is not a readable RSA or EC public key' });
    }
  }

  private async resolveSandboxes(m: EntityManager, codes: string[], problems: ProblemDetailItem[]): Promise<Sandbox[]> {
    const found = codes.length ? await m.find(Sandbox, { where: { code: In(codes) } }) : [];
    codes.forEach((code, i) => {
      if (!found.some((s) => s.code === code)) problems.push({ pointer: `/sandboxes/${i}`, code: BeheerErrors.sandboxNotFound, detail: `sandbox ${code} does not exist` });
    });
    return found;
  }
}
