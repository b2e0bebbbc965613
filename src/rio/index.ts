export { RioModule } from './rio.module';
export { RioQueryService } from './rio-query.service';
export type { RioCode, RioPeriodeCheckInput, RioPeriodeCheckResult, RioAfwijkingCheck } from './rio-query.service';
export { SEED_OVERGANG_02AC, buildDataset, sluitdatumDislocatie } from './seed/rio-seed';
export type { RioDataset, InstellingState, VestigingState } from './rio.model';
export { AANBIEDER_CODE, BRIN4, BRIN6, LOCATIE_CODE } from './rules/identifiers';
export { geldigOp, geldigOpSql } from './rules/periodes';
export { bestuurOp, bestuurOpSql } from './rules/overgang';
export { controleerWaarde } from './rules/waardenlijsten';
