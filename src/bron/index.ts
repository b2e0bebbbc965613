export { BronModule } from './bron.module';
