import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { Public } from '../common/auth/auth.decorators';
import { OauthService, TokenRequest } from './oauth.service';

/** OAuth 2.0 token endpoint (client credentials). Outside the register APIs; described in each API's security scheme. */
@Controller('oauth')
export class OauthController {
  constructor(private readonly oauth: OauthService) {}

  @Post('token')
  @Public()
  @HttpCode(200)
  issueToken(@Body() body: TokenRequest, @Headers('authorization') authorization?: string) {
    return this.oauth.token(body, authorization);
  }
}
