import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentPrincipal, RequireScopes } from '../../common/auth/auth.decorators';
import type { Principal } from '../../common/auth/principal';
import { ApiIdempotent } from '../../common/openapi/api-problems.decorator';
import { ApiRodProblems } from '../rod.errors';
import { MachtigingIdParam, MachtigingListQuery, MachtigingPage, MachtigingRequest, MachtigingResponse } from './machtiging.dto';
import { MachtigingenService } from './machtigingen.service';

@ApiTags('Machtigingen')
@Controller('rod/v1/machtigingen')
export class MachtigingenController {
  constructor(private readonly machtigingen: MachtigingenService) {}

  @Post()
  @RequireScopes('beheer', 'rio.beheren')
  @ApiOperation({
    summary: 'Grant a LAS vendor a machtiging for a school',
    description: 'The OSR equivalent. DUO-beheer, or a client acting for the bestuur of the school (its bestuurcodes), mandates a vendor (by OIN) for a BRIN4 from a date. A vendor without a valid machtiging gets 403 `221_geen_machtiging` for that school.',
  })
  @ApiCreatedResponse({ type: MachtigingResponse })
  @ApiRodProblems('forbidden', 'instelling_onbekend', 'machtiging_bestaat')
  @ApiIdempotent()
  createMachtiging(@CurrentPrincipal() p: Principal, @Body() body: MachtigingRequest) {
    return this.machtigingen.create(p, body);
  }

  @Get()
  @RequireScopes('beheer', 'rod.lezen', 'rio.beheren')
  @ApiOperation({ summary: 'List machtigingen', description: "DUO-beheer sees all; other clients see their own OIN's mandates and those for the schools of their besturen." })
  @ApiOkResponse({ type: MachtigingPage })
  listMachtigingen(@CurrentPrincipal() p: Principal, @Query() q: MachtigingListQuery, @Req() req: FastifyRequest) {
    return this.machtigingen.list(p, q, req.url.split('?')[0]);
  }

  @Get(':machtigingId')
  @RequireScopes('beheer', 'rod.lezen', 'rio.beheren')
  @ApiOperation({ summary: 'Read a machtiging' })
  @ApiOkResponse({ type: MachtigingResponse })
  @ApiRodProblems('not_found')
  getMachtiging(@CurrentPrincipal() p: Principal, @Param() param: MachtigingIdParam) {
    return this.machtigingen.get(p, param.machtigingId);
  }

  @Delete(':machtigingId')
  @HttpCode(204)
  @RequireScopes('beheer', 'rio.beheren')
  @ApiOperation({ summary: 'Withdraw a machtiging' })
  @ApiNoContentResponse({ description: 'Withdrawn.' })
  @ApiRodProblems('not_found', 'forbidden')
  deleteMachtiging(@CurrentPrincipal() p: Principal, @Param() param: MachtigingIdParam) {
    return this.machtigingen.remove(p, param.machtigingId);
  }
}
