import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../common/auth/auth.decorators';
import { OauthService, TokenRequest } from './oauth.service';

/**
 * OAuth 2.0 token endpoint (client credentials), at /oauth/token and under every register's base path,
 * so a client generated from one register's document reaches it. Described by the document builder.
 */
@ApiExcludeController()
@Controller()
export class OauthController {
  constructor(private readonly oauth: OauthService) {}

  @Post(['oauth/token', 'beheer/v1/oauth/token', 'rod/v1/oauth/token', 'rio/v1/oauth/token', 'bron/v1/oauth/token', 'conformance/v1/oauth/token'])
  @Public()
  @HttpCode(200)
  issueToken(@Body() body: TokenRequest, @Headers('authorization') authorization?: string) {
    return this.oauth.token(body, authorization);
  }
}
