import type { Type } from '@nestjs/common';
import { BeheerModule } from './beheer';
import { registerApi, RegisterApiInfo } from './common/http/registers';
import { RodModule } from './rod';

/** Every register API the simulator serves, each with its own base path and OpenAPI document. */
export const REGISTER_APIS: { info: RegisterApiInfo; modules: Type<unknown>[] }[] = [
  {
    info: registerApi({
      key: 'beheer',
      basePath: '/beheer/v1',
      version: '1.0.0',
      title: 'ROD po simulator — beheer',
      description:
        'Administration of the simulator (the DUO side): OAuth clients of LAS vendors and administrators, and sandboxes. ' +
        'Every record of the registers belongs to a sandbox; a token is issued for one sandbox and sees only that sandbox.',
    }),
    modules: [BeheerModule],
  },
  {
    info: registerApi({
      key: 'rod',
      basePath: '/rod/v1',
      version: '1.0.0',
      title: 'ROD po simulator — Register Onderwijsdeelnemers po',
      description:
        "DUO's pupil register for primary education, as LAS vendors exchange with it. Identificeren persoon (BSN or onderwijsnummer), " +
        'aanleveren and verwijderen inschrijving (AanleverenInschrijvingBO as REST), machtigingen per school (the OSR equivalent), reading back with every version, ' +
        'and the registratieoverzicht of a school. Business outcomes follow DUO: goedgekeurd (201/200), goedgekeurd met meldingen (201/200, stored), ' +
        'afgekeurd (422 problem+json with every foutmelding, nothing stored). A body that fails the schema is 400 invalid_input (DUO: SOAP fault, 200_xsd_ongeldig); ' +
        'no machtiging for the school is 403 221_geen_machtiging. RIO checks: a code unknown in RIO or not under the BRIN4 is foutmelding 220; a code that exists but fails a date or link check is a melding (222–225). ' +
        'Codes 214, 222–225 and 233 extend the code table of the specification. A BSN or onderwijsnummer never goes in a URL: search with POST …/_zoek.',
    }),
    modules: [RodModule],
  },
];
