import { ApiClient } from '../beheer/clients/api-client.entity';
import { Sandbox } from '../beheer/sandboxes/sandbox.entity';
import { Foundation1764380000000 } from './migrations/1764380000000-foundation';
import { Outbox1764380100000 } from './migrations/1764380100000-outbox';
import { Rio1764390000000 } from './migrations/1764390000000-rio';
import { Rod1764400000000 } from './migrations/1764400000000-rod';
import { RodBedrijfsdocument, RodInschrijving, RodInschrijvingPeriode, RodInschrijvingVersie, RodKennisgeving } from '../rod/inschrijvingen/inschrijving.entity';
import { RodMachtiging } from '../rod/machtigingen/machtiging.entity';
import { RIO_ENTITIES } from '../rio/entities';
import { RodPersoon } from '../rod/personen/persoon.entity';
import { Berichten1764405000000 } from './migrations/1764405000000-berichten';
import { Bekostiging1764410000000 } from './migrations/1764410000000-bekostiging';
import { BekostigingBulk1764430000000 } from './migrations/1764430000000-bekostiging-bulk';
import { RodTlv1764440000000 } from './migrations/1764440000000-rod-tlv';
import { RodSpeciaalOnderwijs1764660000000 } from './migrations/1764660000000-rod-speciaal-onderwijs';
import { RodKenmerken1764661000000 } from './migrations/1764661000000-rod-kenmerken';
import { RioLocatieGeregistreerdDoor1764560000000 } from './migrations/1764560000000-rio-locatie-geregistreerd-door';
import { RioErkenningAanbodAttributen1764670000000 } from './migrations/1764670000000-rio-erkenning-aanbod-attributen';
import { RioContactadres1764670100000 } from './migrations/1764670100000-rio-contactadres';
import { RioAanbiedergroepOrganisatierelatie1764680000000 } from './migrations/1764680000000-rio-aanbiedergroep-organisatierelatie';
import { RioOvergang1764690000000 } from './migrations/1764690000000-rio-overgang';
import { RioOvergangIntrekken1764690100000 } from './migrations/1764690100000-rio-overgang-intrekken';
import { BronStagingSpeciaalOnderwijs1764700000000 } from './migrations/1764700000000-bron-staging-speciaal-onderwijs';
import { BronAfkeurcode9001764705000000 } from './migrations/1764705000000-bron-afkeurcode-900';
import { BekostigingWijzigingen1764750000000 } from './migrations/1764750000000-bekostiging-wijzigingen';
import { RodSchrijfpadIndexen1764770000000 } from './migrations/1764770000000-rod-schrijfpad-indexen';
import { RodInschrijvingFkSandbox1764780000000 } from './migrations/1764780000000-rod-inschrijving-fk-sandbox';
import { Bron1764510000000 } from './migrations/1764510000000-bron';
import { BekostigingPerformance1764420000000 } from './migrations/1764420000000-bekostiging-performance';
import { FeedPerSandbox1764530000000 } from './migrations/1764530000000-feed-per-sandbox';
import { VerwijderingBekostigingEvent1764531000000 } from './migrations/1764531000000-verwijdering-bekostiging-event';
import { AfleveringSandboxKlok1764532000000 } from './migrations/1764532000000-aflevering-sandbox-klok';
import { OntvangstVolgnummer1764533000000 } from './migrations/1764533000000-ontvangst-volgnummer';
import { PersoonAdresregels1764534000000 } from './migrations/1764534000000-persoon-adresregels';
import { BERICHTEN_ENTITIES } from '../berichten/berichten.entities';
import { BEKOSTIGING_ENTITIES } from '../bekostiging/bekostiging.entities';
import { KlokPlanning } from '../klok/klok-planning.entity';
import { CONFORMANCE_ENTITIES } from '../conformance/conformance.entities';
import { Conformance1764580000000 } from './migrations/1764580000000-conformance';
import { WebhookStoring1764581000000 } from './migrations/1764581000000-webhook-storing';
import { JournaalJson1764582000000 } from './migrations/1764582000000-journaal-json';
import { JournaalUnlogged1764583000000 } from './migrations/1764583000000-journaal-unlogged';
import { RodAdviesVo1764590000000 } from './migrations/1764590000000-rod-advies-vo';
import { RodVerzuimmelding1764591000000 } from './migrations/1764591000000-rod-verzuimmelding';
import { Nieuwkomers1764640000000 } from './migrations/1764640000000-nieuwkomers';
import { RioOvergangGedeeltelijk1764830000000 } from './migrations/1764830000000-rio-overgang-gedeeltelijk';
import { IdempotencyBodyJson1764840000000 } from './migrations/1764840000000-idempotency-body-json';

/** Every entity the simulator maps; the CLI data source and the app share this list. */
export const ENTITIES = [
  Sandbox,
  ApiClient,
  RodPersoon,
  RodMachtiging,
  RodInschrijving,
  RodInschrijvingPeriode,
  RodInschrijvingVersie,
  RodBedrijfsdocument,
  RodKennisgeving,
  ...RIO_ENTITIES,
  ...BERICHTEN_ENTITIES,
  ...BEKOSTIGING_ENTITIES,
  KlokPlanning,
  ...CONFORMANCE_ENTITIES,
];

/** Every migration, in order. Never edit one that has landed: add a new one. */
export const MIGRATIONS = [
  Foundation1764380000000,
  Outbox1764380100000,
  Rio1764390000000,
  Rod1764400000000,
  Berichten1764405000000,
  Bekostiging1764410000000,
  BekostigingPerformance1764420000000,
  BekostigingBulk1764430000000,
  RodTlv1764440000000,
  Bron1764510000000,
  FeedPerSandbox1764530000000,
  VerwijderingBekostigingEvent1764531000000,
  AfleveringSandboxKlok1764532000000,
  OntvangstVolgnummer1764533000000,
  PersoonAdresregels1764534000000,
  RioLocatieGeregistreerdDoor1764560000000,
  Conformance1764580000000,
  WebhookStoring1764581000000,
  JournaalJson1764582000000,
  JournaalUnlogged1764583000000,
  RodAdviesVo1764590000000,
  RodVerzuimmelding1764591000000,
  Nieuwkomers1764640000000,
  RodSpeciaalOnderwijs1764660000000,
  RodKenmerken1764661000000,
  RioErkenningAanbodAttributen1764670000000,
  RioContactadres1764670100000,
  RioAanbiedergroepOrganisatierelatie1764680000000,
  RioOvergang1764690000000,
  RioOvergangIntrekken1764690100000,
  BronStagingSpeciaalOnderwijs1764700000000,
  BronAfkeurcode9001764705000000,
  BekostigingWijzigingen1764750000000,
  RodSchrijfpadIndexen1764770000000,
  RodInschrijvingFkSandbox1764780000000,
  RioOvergangGedeeltelijk1764830000000,
  IdempotencyBodyJson1764840000000,
];
