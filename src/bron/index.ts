export { BronModule } from './bron.module';
export { MigratiesService } from './migraties/migraties.service';
