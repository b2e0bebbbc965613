export { ConformanceModule } from './conformance.module';
export { CONFORMANCE_ENTITIES } from './conformance.entities';
export { JournaalService } from './journaal/journaal.service';
