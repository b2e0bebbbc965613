import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { RequireScopes } from '../../common/auth/auth.decorators';
import { ApiIdempotent } from '../../common/openapi/api-problems.decorator';
import { ApiBeheerProblems } from '../beheer.errors';
import { CreateSandboxRequest, SandboxCodeParam, SandboxListQuery, SandboxPage, SandboxResponse } from './sandbox.dto';
import { SandboxesService } from './sandboxes.service';

@ApiTags('Sandboxes')
@RequireScopes('beheer')
@Controller('beheer/v1/sandboxes')
export class SandboxesController {
  constructor(private readonly sandboxes: SandboxesService) {}

  @Post()
  @ApiOperation({ summary: 'Create a sandbox, empty or from a named seed' })
  @ApiCreatedResponse({ type: SandboxResponse })
  @ApiBeheerProblems('sandbox_exists')
  @ApiIdempotent()
  createSandbox(@Body() body: CreateSandboxRequest) {
    return this.sandboxes.create(body);
  }

  @Get()
  @ApiOperation({ summary: 'List sandboxes' })
  @ApiOkResponse({ type: SandboxPage })
  listSandboxes(@Query() query: SandboxListQuery, @Req() req: FastifyRequest) {
    return this.sandboxes.list(query, req.url.split('?')[0]);
  }

  @Get(':sandboxCode')
  @ApiOperation({ summary: 'Read a sandbox' })
  @ApiOkResponse({ type: SandboxResponse })
  @ApiBeheerProblems('sandbox_not_found')
  getSandbox(@Param() p: SandboxCodeParam) {
    return this.sandboxes.get(p.sandboxCode);
  }

  @Delete(':sandboxCode')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a sandbox and everything in it' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiBeheerProblems('sandbox_not_found', 'default_sandbox_protected')
  deleteSandbox(@Param() p: SandboxCodeParam) {
    return this.sandboxes.remove(p.sandboxCode);
  }

  @Post(':sandboxCode/resets')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reset a sandbox to its seed', description: 'Deletes every record of the sandbox, seeds it again as created, and puts its clock back on real time.' })
  @ApiOkResponse({ type: SandboxResponse })
  @ApiBeheerProblems('sandbox_not_found')
  @ApiIdempotent()
  resetSandbox(@Param() p: SandboxCodeParam) {
    return this.sandboxes.reset(p.sandboxCode);
  }
}
