export { BronModule } from './bron.module';
export { aansluitdatumPersona } from './aansluiting/aansluiting.service';
export { MigratiesService } from './migraties/migraties.service';
