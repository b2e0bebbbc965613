import { Global, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AuthGuard } from './auth/auth.guard';
import { TokenService } from './auth/token.service';
import { ClockService } from './clock/clock.service';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { SandboxDataRegistry } from './sandbox/sandbox-data.registry';

/** Cross-cutting services every register module uses. */
@Global()
@Module({
  providers: [
    TokenService,
    ClockService,
    SandboxDataRegistry,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
  exports: [TokenService, ClockService, SandboxDataRegistry],
})
export class CommonModule {}
