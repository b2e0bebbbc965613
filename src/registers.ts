import type { Type } from '@nestjs/common';
import { BeheerModule } from './beheer';
import { BekostigingModule } from './bekostiging';
import { BerichtenModule } from './berichten';
import { BronModule } from './bron';
import { KlokModule } from './klok';
import { registerApi, RegisterApiInfo } from './common/http/registers';
import { RioModule } from './rio';
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
    modules: [BeheerModule, KlokModule, BekostigingModule],
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
    modules: [RodModule, BerichtenModule, BekostigingModule],
  },
  {
    info: registerApi({
      key: 'rio',
      basePath: '/rio/v1',
      version: '1.0.0',
      title: 'ROD po simulator — RIO',
      description:
        'Registratie Instellingen en Opleidingen for po. DUO side (scope beheer): onderwijsbesturen, BRIN4 onderwijsinstellingserkenningen and BRIN6 vestigingserkenningen. ' +
        'Board side (scope rio.beheren, for the besturen the client acts for): onderwijsaanbieders, onderwijslocaties (resolved through a simulated BAG), onderwijslocatiegebruik and aangeboden opleidingen, ' +
        'written as full state per object (standlevering) and deleted explicitly. Every read (scope rio.lezen) takes datumGeldigOp (default: the sandbox date); ' +
        'periodes run from begindatum (inclusive) to einddatum (exclusive). Rejected writes answer 400 with every RIO foutmelding at once (foutcode, fouttekst, sleutelgegeven). ' +
        'ROD checks each inschrijvingsperiode against RIO: an unknown code, or a BRIN6 not under the BRIN4, is a foutmelding (nothing stored); a code that exists but is not valid or not linked on the date is a melding (stored).',
    }),
    modules: [RioModule],
  },
  {
    info: registerApi({
      key: 'bron',
      basePath: '/bron/v1',
      version: '1.0.0',
      title: 'ROD po simulator — BRON po migratie',
      description:
        'The December 2021 move of po from BRON to ROD, to rehearse (scope beheer, in the sandbox of the token). A migratie takes BRON po export files ' +
        '(our own fixed-width layout in the BVE/VO style: the real po layout was never public), streamed and staged, runs a dry run, then converts every inschrijving ' +
        "through ROD's own rules: one goedgekeurd here is goedgekeurd by /rod/v1, one afgekeurd carries the foutcode /rod/v1 gives for it (plus 290 for a key twice in the files). " +
        'Counts reconcile exactly (gelezen = goedgekeurd + afgekeurd, per file, per school, in total); each school has a reject report in JSON and CSV. ' +
        'A conversion is crash-safe: it resumes where it stopped.',
    }),
    modules: [BronModule],
  },
];
