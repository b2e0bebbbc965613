import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequireScopes } from '../common/auth/auth.decorators';
import type { Principal } from '../common/auth/principal';
import { ApiIdempotent } from '../common/openapi/api-problems.decorator';
import { ApiKlokProblems } from './klok.errors';
import { KlokRequest, KlokResponse, KlokSandboxParam, VerschuivingRequest, VerschuivingResponse } from './klok.dto';
import { KlokService } from './klok.service';

@ApiTags('Klok')
@RequireScopes('beheer', 'klok')
@Controller('beheer/v1/sandboxes/:sandboxCode/klok')
export class KlokController {
  constructor(private readonly klok: KlokService) {}

  @Get()
  @ApiOperation({ summary: "Read a sandbox's clock", description: 'Scope beheer for any sandbox; scope klok for the sandbox of the token only.' })
  @ApiOkResponse({ type: KlokResponse })
  @ApiKlokProblems('sandbox_not_found', 'klok_andere_sandbox')
  getKlok(@Param() p: KlokSandboxParam, @CurrentPrincipal() principal: Principal) {
    return this.klok.get(principal, p.sandboxCode);
  }

  @Put()
  @ApiOperation({
    summary: "Freeze, set or unfreeze a sandbox's clock",
    description:
      'Scope beheer for any sandbox; scope klok only for the sandbox of the token, and never for a shared one (the default sandbox, or one bound to more than one client: 403 klok_gedeelde_sandbox). ' +
      'Setting it later runs everything crossed (teldata reached, deadlines passed) before answering. Setting it back does not undo definitief statuses; moving forward again runs the crossed work again.',
  })
  @ApiOkResponse({ type: KlokResponse })
  @ApiKlokProblems('sandbox_not_found', 'klok_andere_sandbox', 'klok_gedeelde_sandbox')
  @ApiIdempotent()
  putKlok(@Param() p: KlokSandboxParam, @Body() body: KlokRequest, @CurrentPrincipal() principal: Principal) {
    return this.klok.set(principal, p.sandboxCode, body);
  }

  @Post('verschuivingen')
  @HttpCode(200)
  @ApiOperation({
    summary: "Advance a sandbox's clock",
    description:
      'Scope beheer for any sandbox; scope klok only for the sandbox of the token, and never for a shared one (403 klok_gedeelde_sandbox). ' +
      'By a duration or to an instant. Runs, in time order, everything crossed — each teldatum reached and each registration deadline passed (voorlopig → definitief, with its events) — before answering. A frozen clock stays frozen at the new instant.',
  })
  @ApiBody({ type: VerschuivingRequest, examples: { duur: { summary: 'Four weeks ahead', value: { duur: 'P28D' } } } })
  @ApiOkResponse({ type: VerschuivingResponse })
  @ApiKlokProblems('sandbox_not_found', 'klok_andere_sandbox', 'klok_gedeelde_sandbox')
  @ApiIdempotent()
  advanceKlok(@Param() p: KlokSandboxParam, @Body() body: VerschuivingRequest, @CurrentPrincipal() principal: Principal) {
    return this.klok.advance(principal, p.sandboxCode, body);
  }
}
