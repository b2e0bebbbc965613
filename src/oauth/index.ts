export { OauthModule } from './oauth.module';
