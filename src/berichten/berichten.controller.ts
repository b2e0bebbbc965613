import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentPrincipal, RequireScopes } from '../common/auth/auth.decorators';
import type { Principal } from '../common/auth/principal';
import { ApiIdempotent } from '../common/openapi/api-problems.decorator';
import { ApiBerichtenProblems } from './berichten.errors';
import { PageQuery } from '../common/pagination/pagination';
import {
  AbonnementPage,
  AbonnementParam,
  AbonnementRequest,
  AbonnementResponse,
  AfleveringPage,
  AfleveringParam,
  AfleveringQuery,
  AfleveringResponse,
  FeedQuery,
  FeedResponse,
} from './berichten.dto';
import { FeedService } from './feed.service';
import { WebhooksService } from './webhooks.service';

@ApiTags('Berichten')
@RequireScopes('rod.berichten')
@Controller('rod/v1')
export class BerichtenController {
  constructor(
    private readonly feed: FeedService,
    private readonly webhooks: WebhooksService,
  ) {}

  @Get('berichten')
  @ApiOperation({
    summary: 'Read the pull feed (OphalenBerichten)',
    description:
      'CloudEvents of the schools that mandate the client, after cursor `vanaf`, in feed order. Store volgendeCursor after processing and pass it next time: ' +
      'the feed never skips an event and resumes where you stopped. The same events go to webhook subscriptions; dedupe on the event id.',
  })
  @ApiOkResponse({ type: FeedResponse })
  getBerichten(@Query() q: FeedQuery, @CurrentPrincipal() p: Principal) {
    return this.feed.read(p, q);
  }

  @Post('webhook-abonnementen')
  @ApiOperation({
    summary: 'Subscribe a webhook URL',
    description:
      'Events of the schools that mandate the client are POSTed to the URL as application/cloudevents+json, signed in header ROD-Signature: ' +
      't=<unix seconds>,v1=<hex HMAC-SHA256(geheim, t + "." + raw body)>. Any 2xx is success; anything else or a timeout is retried with exponential backoff and dead-lettered at the limit. ' +
      'Order per pupil is kept; duplicates are possible and carry the same event id. The secret is in this answer only. Events from the moment of subscribing on; read earlier ones from the feed.',
  })
  @ApiCreatedResponse({ type: AbonnementResponse })
  @ApiBerichtenProblems('webhook_te_veel_abonnementen')
  @ApiIdempotent()
  createWebhookAbonnement(@Body() body: AbonnementRequest, @CurrentPrincipal() p: Principal) {
    return this.webhooks.create(p, body);
  }

  @Get('webhook-abonnementen')
  @ApiOperation({ summary: "List the client's webhook subscriptions" })
  @ApiOkResponse({ type: AbonnementPage })
  listWebhookAbonnementen(@Query() q: PageQuery, @CurrentPrincipal() p: Principal, @Req() req: FastifyRequest) {
    return this.webhooks.list(p, q, req.url.split('?')[0]);
  }

  @Get('webhook-abonnementen/:abonnementId')
  @ApiOperation({ summary: 'Read a webhook subscription (without its secret)' })
  @ApiOkResponse({ type: AbonnementResponse })
  @ApiBerichtenProblems('webhook_abonnement_onbekend')
  getWebhookAbonnement(@Param() a: AbonnementParam, @CurrentPrincipal() p: Principal) {
    return this.webhooks.get(p, a.abonnementId);
  }

  @Delete('webhook-abonnementen/:abonnementId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a webhook subscription and its delivery log' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiBerichtenProblems('webhook_abonnement_onbekend')
  deleteWebhookAbonnement(@Param() a: AbonnementParam, @CurrentPrincipal() p: Principal) {
    return this.webhooks.remove(p, a.abonnementId);
  }

  @Get('webhook-abonnementen/:abonnementId/afleveringen')
  @ApiOperation({ summary: 'The delivery log of a subscription', description: 'Every delivery, newest first, with its attempts (status code, error, duration).' })
  @ApiOkResponse({ type: AfleveringPage })
  @ApiBerichtenProblems('webhook_abonnement_onbekend')
  listAfleveringen(@Param() a: AbonnementParam, @Query() q: AfleveringQuery, @CurrentPrincipal() p: Principal, @Req() req: FastifyRequest) {
    return this.webhooks.listAfleveringen(p, a.abonnementId, q, req.url.split('?')[0]);
  }

  @Post('webhook-abonnementen/:abonnementId/afleveringen/:afleveringId/herleveringen')
  @HttpCode(202)
  @ApiOperation({ summary: 'Redeliver an event', description: 'Queues the delivery for an attempt now with a fresh round of attempts — also after GELEVERD or DEAD_LETTER. The event keeps its id.' })
  @ApiAcceptedResponse({ type: AfleveringResponse })
  @ApiBerichtenProblems('webhook_abonnement_onbekend', 'webhook_aflevering_onbekend')
  @ApiIdempotent()
  createHerlevering(@Param() a: AfleveringParam, @CurrentPrincipal() p: Principal) {
    return this.webhooks.redeliver(p, a.abonnementId, a.afleveringId);
  }
}
