import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentPrincipal, RequireScopes } from '../../common/auth/auth.decorators';
import type { Principal } from '../../common/auth/principal';
import { ApiIdempotent } from '../../common/openapi/api-problems.decorator';
import { ApiBeheerProblems } from '../beheer.errors';
import { ClientCreatedResponse, ClientIdParam, ClientListQuery, ClientPage, ClientResponse, ClientSecretResponse, CreateClientRequest, UpdateClientRequest } from './client.dto';
import { ClientsService } from './clients.service';

@ApiTags('Clients')
@RequireScopes('beheer')
@Controller('beheer/v1/clients')
export class ClientsController {
  constructor(private readonly clients: ClientsService) {}

  @Post()
  @ApiOperation({ summary: 'Register a client (LAS vendor or administrator)', description: 'Returns the client secret once.' })
  @ApiCreatedResponse({ type: ClientCreatedResponse })
  @ApiBeheerProblems('client_exists')
  @ApiIdempotent()
  createClient(@Body() body: CreateClientRequest) {
    return this.clients.create(body);
  }

  @Get()
  @ApiOperation({ summary: 'List clients' })
  @ApiOkResponse({ type: ClientPage })
  listClients(@Query() query: ClientListQuery, @Req() req: FastifyRequest) {
    return this.clients.list(query, req.url.split('?')[0]);
  }

  @Get(':clientId')
  @ApiOperation({ summary: 'Read a client' })
  @ApiOkResponse({ type: ClientResponse })
  @ApiBeheerProblems('client_not_found')
  getClient(@Param() p: ClientIdParam) {
    return this.clients.get(p.clientId);
  }

  @Patch(':clientId')
  @ApiOperation({ summary: 'Change a client: name, sandboxes, scopes, besturen, public key, active' })
  @ApiOkResponse({ type: ClientResponse })
  @ApiBeheerProblems('client_not_found', 'own_client_protected')
  @ApiIdempotent()
  updateClient(@Param() p: ClientIdParam, @Body() body: UpdateClientRequest, @CurrentPrincipal() caller: Principal) {
    return this.clients.update(p.clientId, body, caller);
  }

  @Delete(':clientId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a client; its tokens stop working' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiBeheerProblems('client_not_found', 'own_client_protected')
  deleteClient(@Param() p: ClientIdParam, @CurrentPrincipal() caller: Principal) {
    return this.clients.remove(p.clientId, caller);
  }

  @Post(':clientId/secrets')
  @ApiOperation({ summary: 'Rotate the client secret', description: 'Issues a new secret, shown once; the previous secret stops working.' })
  @ApiCreatedResponse({ type: ClientSecretResponse })
  @ApiBeheerProblems('client_not_found')
  @ApiIdempotent()
  rotateClientSecret(@Param() p: ClientIdParam) {
    return this.clients.rotateSecret(p.clientId);
  }
}
