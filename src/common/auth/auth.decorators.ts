import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';
import type { Principal } from './principal';
import type { ScopeName } from './scopes';

export const PUBLIC_KEY = 'auth:public';
export const SCOPES_KEY = 'auth:scopes';

/** No token needed (token endpoint, health, OpenAPI documents). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * A valid token with at least one of these scopes is required. The OpenAPI document lists each scope as a
 * security requirement of its own: alternatives, any one of which suffices (not one requirement needing all).
 */
export const RequireScopes = (...scopes: ScopeName[]) =>
  applyDecorators(SetMetadata(SCOPES_KEY, scopes), ...scopes.map((scope) => ApiSecurity('oauth2', [scope])));

/** The principal the auth guard resolved for this request. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const request = ctx.switchToHttp().getRequest<{ principal?: Principal }>();
  if (!request.principal) throw new Error('CurrentPrincipal used on a public route');
  return request.principal;
});
