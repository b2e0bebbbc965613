import { Global, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AuthGuard } from './auth/auth.guard';
import { TokenService } from './auth/token.service';
import { ClockService } from './clock/clock.service';
import { DomainHooks } from './events/domain-hooks';
import { EventOutbox } from './events/outbox';
import { RequestInterceptor } from './http/request.interceptor';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { CommonDataContributor } from './sandbox/common-data.contributor';
import { SandboxDataRegistry } from './sandbox/sandbox-data.registry';

/** Cross-cutting services every register module uses. */
@Global()
@Module({
  providers: [
    TokenService,
    ClockService,
    SandboxDataRegistry,
    EventOutbox,
    DomainHooks,
    CommonDataContributor,
    { provide: APP_GUARD, useClass: AuthGuard },
    IdempotencyInterceptor,
    { provide: APP_INTERCEPTOR, useClass: RequestInterceptor },
  ],
  exports: [TokenService, ClockService, SandboxDataRegistry, EventOutbox, DomainHooks],
})
export class CommonModule {}
