import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { commonProblem, ProblemCode, Problems } from '../problem/problem';
import { PUBLIC_KEY, SCOPES_KEY } from './auth.decorators';
import type { Principal } from './principal';
import type { ScopeName } from './scopes';
import { TokenService } from './token.service';

/** Global guard: every route needs a valid bearer token unless marked @Public(); scopes give 403. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; principal?: Principal }>();
    const header = request.headers.authorization;
    if (!header) throw Problems.unauthorized('An access token is required: send Authorization: Bearer <token>.', 'invalid_request');
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw Problems.unauthorized('The Authorization header must use the Bearer scheme.', 'invalid_request');
    const principal = await this.tokens.authenticate(match[1]);
    request.principal = principal;
    const required = this.reflector.getAllAndOverride<ScopeName[] | undefined>(SCOPES_KEY, targets);
    if (required?.length && !required.some((s) => principal.scopes.includes(s))) {
      throw commonProblem(ProblemCode.insufficientScope, `This operation needs scope ${required.join(' or ')}; the token has ${principal.scopes.join(' ') || 'none'}.`);
    }
    return true;
  }
}
