import type { Type } from '@nestjs/common';
import { BeheerModule } from './beheer';
import { BekostigingModule } from './bekostiging';
import { BerichtenModule } from './berichten';
import { BronModule } from './bron';
import { ConformanceModule } from './conformance';
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
      docsPath: 'beheer',
      tags: [
        { name: 'Sandboxes', description: 'A sandbox of your own per CI run or developer: seeded with demo or national data, reset to its seed, deleted. Tokens are issued for one sandbox.' },
        { name: 'Clients', description: 'OAuth clients of LAS vendors and administrators: scopes, sandboxes, besturen they act for, secrets and public keys.' },
        { name: 'Klok', description: "The test clock of a sandbox: freeze, set and advance it; everything crossed (teldata, deadlines) runs before the answer. A vendor moves only the clock of a sandbox bound to it alone." },
        { name: 'Bekostiging', description: 'Beheer: recompute the bekostiging of a whole sandbox.' },
      { name: 'OpenAPI', description: 'This document, public and open to every origin (CORS).' },
      ],
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
      docsPath: 'rod',
      tags: [
        { name: 'Identificatie', description: 'Identificeren persoon, before the first inschrijving: the BSN the register knows, or an onderwijsnummer.' },
        { name: 'Inschrijvingen', description: 'AanleverenInschrijvingBO (the full current state, upsert) and verwijderingen; read back an inschrijving with every version, search by PGN, the registratieoverzicht of a school.' },
        { name: 'Schooladviezen', description: 'AanleverenAdviesVO: the schooladvies at the end of groep 8 (voorlopig and definitief), one per pupil, school and adviesjaar, read back with every version.' },
        { name: 'Verzuim', description: 'Verzuimmeldingen: report verzuim of an enrolled pupil and look the melding up by the meldingsnummer ROD answers; during the BRON freeze only for pupils already in ROD.' },
        { name: 'Bekostiging', description: 'The bekostigingsstatus of every inschrijving per teldatum (voorlopig, then definitief) with its signalen, overviews per school, and the initial push.' },
        { name: 'Berichten', description: 'What ROD pushes to the LAS as CloudEvents: the pull feed (ordered, never skips) and signed webhooks with their deliveries.' },
        { name: 'Machtigingen', description: 'Which vendor (OIN) a school (BRIN4) mandates from which date: without one the vendor sees nothing of the school. Registered by DUO-beheer or for the school by its bestuur.' },
        { name: 'Personen', description: 'Beheer: the simulated persoonsregister (BRP stand-in): add a person, give a person known by onderwijsnummer a BSN.' },
      { name: 'OpenAPI', description: 'This document, public and open to every origin (CORS).' },
      ],
      version: '1.0.0',
      title: 'ROD po simulator — Register Onderwijsdeelnemers po',
      description:
        "DUO's pupil register for primary education, as LAS vendors exchange with it. Identificeren persoon (BSN or onderwijsnummer), " +
        'aanleveren and verwijderen inschrijving (AanleverenInschrijvingBO as REST), machtigingen per school (the OSR equivalent), reading back with every version, ' +
        'and the registratieoverzicht of a school. Business outcomes follow DUO: goedgekeurd (201/200), goedgekeurd met meldingen (201/200, stored), ' +
        'afgekeurd (422 problem+json with every foutmelding, nothing stored). A body that fails the schema is 400 invalid_input (DUO: SOAP fault, 200_xsd_ongeldig); ' +
        'no machtiging for the school is 403 221_geen_machtiging. RIO checks: a code unknown in RIO or not under the BRIN4 is foutmelding 220; a code that exists but fails a date or link check is a melding (222–225). ' +
        'AanleverenAdviesVO (schooladvies groep 8) as POST …/adviezen-vo, verzuimmeldingen as POST …/verzuimmeldingen. Codes 214, 222–225, 233, 234, 270, 271 and 280–283 extend the code table of the specification. A BSN or onderwijsnummer never goes in a URL: search with POST …/_zoek.',
    }),
    modules: [RodModule, BerichtenModule, BekostigingModule],
  },
  {
    info: registerApi({
      key: 'rio',
      basePath: '/rio/v1',
      docsPath: 'rio',
      tags: [
        { name: 'Onderwijsinstellingserkenningen (BRIN4)', description: 'The schools (BRIN4) with their soort, richting and bekostiging; written by DUO-beheer.' },
        { name: 'Vestigingserkenningen (BRIN6)', description: 'The vestigingen (BRIN6) of a school; written by DUO-beheer.' },
        { name: 'Onderwijsaanbieders', description: 'The aanbieder of a school, linked to its BRIN4 (juridische relatie) and bestuur; found by postcode, name or code. Written by the bestuur (rio.beheren).' },
        { name: 'Onderwijslocaties', description: 'Addresses where education is given, resolved in the simulated BAG.' },
        { name: 'Aangeboden opleidingen', description: 'What an aanbieder offers at a locatie (BO, SBO, SO, VSO) with onderwijsconcept, and the opleidingseenheden it refers to.' },
        { name: 'Onderwijslocatiegebruiken', description: 'A bestuur using a locatie, linked to BRIN6 vestigingen.' },
        { name: 'Onderwijsbesturen', description: 'The besturen (bevoegd gezag) and their schools; written by DUO-beheer.' },
        { name: 'Bevoegd-gezag-erkenningen', description: 'The juridische side of a bestuur (BevoegdGezagErkenning, keyed by bevoegd-gezagnummer, 1:1 with its onderwijsbestuur); read-only, kept by DUO-beheer through the onderwijsbestuur.' },
        { name: 'Onderwijsaanbiedergroepen', description: 'Groups of aanbieders (nnnGnnn) with dated members and an optional bestuur; written by the bestuur (rio.beheren).' },
        { name: 'Organisatierelaties', description: 'Dated relations between organisatorische eenheden: HIERARCHISCH between different kinds, OVERGANG within one kind.' },
        { name: 'Overgangen', description: 'A school (BRIN4) moving from one bestuur to another on a date (Instellingsrelatie OVERGANG_VOLLEDIG, the open-data overgangen), with its vestigingen, aanbieders and locatiegebruik, or some of its vestigingen going over to another bestuur\'s school (OVERGANG_GEDEELTELIJK, the relation only); recorded by DUO-beheer, read by everyone.' },
      { name: 'OpenAPI', description: 'This document, public and open to every origin (CORS).' },
      ],
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
      tags: [
        { name: 'Migraties', description: 'A migratie: upload BRON po export files, run a dry run, convert into ROD through its own rules, and read the counts and reject reports.' },
        { name: 'Bevriezingsachterstand', description: "After the freeze: compare a school's LAS state (ROD's REST shape or a BRON po export file) with ROD, to find what is still to send." },
        { name: 'Bevriezing en aansluiting', description: 'Rehearse the move: freeze BRON po, and connect schools to ROD in phases (aansluitingen).' },
        { name: 'OpenAPI', description: 'This document, public and open to every origin (CORS).' },
      ],
      version: '1.0.0',
      title: 'ROD po simulator — BRON po migratie',
      description:
        'The December 2021 move of po from BRON to ROD, to rehearse (scope beheer, in the sandbox of the token). A migratie takes BRON po export files ' +
        '(our own fixed-width layout in the BVE/VO style: the real po layout was never public), streamed and staged, runs a dry run, then converts every inschrijving ' +
        "through ROD's own rules: one goedgekeurd here is goedgekeurd by /rod/v1, one afgekeurd carries the foutcode /rod/v1 gives for it (plus the migration's own 900 for a key twice in the files). " +
        'Counts reconcile exactly (gelezen = goedgekeurd + afgekeurd, per file, per school, in total); each school has a reject report in JSON and CSV. ' +
        'A conversion is crash-safe: it resumes where it stopped.',
    }),
    modules: [BronModule],
  },
  {
    info: registerApi({
      key: 'conformance',
      basePath: '/conformance/v1',
      tags: [
        { name: 'Personas', description: 'The generated pupils and schools with deterministic outcomes, and the numbered proefgevallen a LAS performs.' },
        { name: 'Runs', description: 'Start a conformance run for your sandbox, finish it, and read its grading as JSON, JUnit XML, HTML or a badge.' },
        { name: 'Journaal', description: 'The request journal of the sandbox: every exchange, person numbers masked; a vendor sees its own.' },
        { name: 'Storingen', description: 'Inject DUO outages (errors, latency, dropped connections) into your own requests, to test your retries.' },
        { name: 'OpenAPI', description: 'This document, public and open to every origin (CORS).' },
      ],
      version: '1.0.0',
      title: 'ROD po simulator — conformance',
      description:
        'Conformance runs for a LAS, after DUO\'s schakeltest and proefgevallen. Personas: generated pupils and schools with deterministic outcomes, versioned. ' +
        'Runs: start one for your sandbox, let your LAS perform the numbered proefgevallen, and read the grading — each case passed, failed (with the reason and the exchanges it looked at) ' +
        'or not attempted — as JSON, JUnit XML, an HTML page or an SVG badge. The request journal keeps every exchange of a sandbox (person numbers masked); a vendor sees its own. ' +
        'Storingen inject DUO outages (503, 500, 429, latency, dropped connections) into your own requests, to test that your LAS retries without losing or duplicating a message.',
    }),
    modules: [ConformanceModule],
  },
];
