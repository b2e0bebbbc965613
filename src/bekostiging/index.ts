export { BekostigingModule } from './bekostiging.module';
export { BekostigingService } from './bekostiging.service';
export { deadline, openTeldata, relevanteTeldata, soortBekostiging } from './teldata';
