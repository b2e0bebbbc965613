import { Module } from '@nestjs/common';
import { VerzuimController } from './verzuim/verzuim.controller';
import { VerzuimRepository } from './verzuim/verzuim.repository';
import { VerzuimService } from './verzuim/verzuim.service';
import { AdviezenController } from './adviezen/adviezen.controller';
import { AdviezenRepository } from './adviezen/adviezen.repository';
import { AdviezenService } from './adviezen/adviezen.service';
import { GroupTransactions } from '../common/database/group-transactions';
import { RioModule, RioQueryService } from '../rio';
import { AanleverenService } from './inschrijvingen/aanleveren.service';
import { InschrijvingenController } from './inschrijvingen/inschrijvingen.controller';
import { InschrijvingenBulkService } from './inschrijvingen/inschrijvingen-bulk.service';
import { InschrijvingenLezenService } from './inschrijvingen/inschrijvingen-lezen.service';
import { InschrijvingenRepository } from './inschrijvingen/inschrijvingen.repository';
import { MachtigingenController } from './machtigingen/machtigingen.controller';
import { MachtigingenService } from './machtigingen/machtigingen.service';
import { PersonenController } from './personen/personen.controller';
import { PersonenRepository } from './personen/personen.repository';
import { PersonenService } from './personen/personen.service';
import { RodRioPort } from './rio-port';
import { RodSeedContributor } from './rod-seed';
import { RodToegang } from './toegang';
import { VestigingGeslotenMeldingen } from './inschrijvingen/vestiging-gesloten.meldingen';
import { KwaliteitscontroleSignalen } from './inschrijvingen/kwaliteitscontrole.signalen';
import { KlokModule } from '../klok';

/** The ROD po register API /rod/v1: persoonsregister and identificatie, machtigingen, inschrijvingen, schooladviezen, verzuimmeldingen. */
@Module({
  imports: [RioModule, KlokModule],
  controllers: [PersonenController, MachtigingenController, InschrijvingenController, AdviezenController, VerzuimController],
  providers: [
    PersonenService,
    AdviezenService,
    AdviezenRepository,
    VerzuimService,
    VerzuimRepository,
    MachtigingenService,
    AanleverenService,
    InschrijvingenLezenService,
    InschrijvingenRepository,
    InschrijvingenBulkService,
    PersonenRepository,
    RodSeedContributor,
    RodToegang,
    VestigingGeslotenMeldingen,
    KwaliteitscontroleSignalen,
    GroupTransactions,
    { provide: RodRioPort, useExisting: RioQueryService },
  ],
  exports: [PersonenService, MachtigingenService, InschrijvingenBulkService, InschrijvingenLezenService, RodToegang],
})
export class RodModule {}
