import { aansluitdatumPersona } from '../../bron';
import { sluitdatumDislocatie } from '../../rio';
import { PERSONAS, personaGeboortedatum } from '../../rod';
import { CATALOGUS_VERSIES } from '../proefgevallen/proefgevallen';

/**
 * The persona catalogue: generated persons and schools with outcomes that are the same in every sandbox seeded with
 * `small`. A persona never changes within a version: a change means a new version with a changelog entry, and a run can
 * pin the version it grades against.
 */
export interface Persona {
  sleutel: string;
  soort: 'LEERLING' | 'SCHOOL';
  omschrijving: string;
  gegevens: Record<string, unknown>;
  verwachting: string;
  sinds: string;
}

export const PERSONA_VERSIES = CATALOGUS_VERSIES;
export const NIEUWSTE_VERSIE = PERSONA_VERSIES[PERSONA_VERSIES.length - 1];

export const CHANGELOG = [
  { versie: '2026.1', wijzigingen: ['First catalogue: the ROD personas of the small seed, the demo schools of RIO, and the proefgevallen PG01–PG13.'] },
  {
    versie: '2026.2',
    wijzigingen: [
      'New personas (the 2026.1 personas are unchanged): wordtVierVolgendeWeek (turns 4 seven days after the seed date), wordtVeertien (turns 14 on the last day of the schooljaar of the seed date), ' +
        'nietAangeslotenSchool (02AD, connected to ROD 14 days after the seed date) and sluitendeVestiging (01AA01, closes on the first 1 August after the seed date).',
      'New proefgeval PG14: enrol the pupil who turns 4 from the fourth birthday, not before.',
    ],
  },
];

const leerling = (sleutel: keyof typeof PERSONAS, omschrijving: string, verwachting: string, extra: Record<string, unknown> = {}, sinds = '2026.1'): Persona => ({
  sleutel,
  soort: 'LEERLING',
  omschrijving,
  gegevens: { ...PERSONAS[sleutel], ...extra },
  verwachting,
  sinds,
});

const school = (sleutel: string, omschrijving: string, gegevens: Record<string, unknown>, verwachting: string, sinds = '2026.1'): Persona => ({ sleutel, soort: 'SCHOOL', omschrijving, gegevens, verwachting, sinds });

const VERSIE_2026_1: Persona[] = [
  leerling('bekend', 'A pupil the persoonsregister knows by BSN.', 'Identificatie answers the BSN, goedgekeurd; an inschrijving at a mandated school is goedgekeurd.'),
  leerling('geboortedatumWijktAf', 'A known BSN, sent with another geboortedatum than the register has (send 2017-06-02).', 'Identificatie and inschrijving: melding 212_geboortedatum_geslacht_wijkt_af.'),
  leerling('teJong', 'A pupil who turns 4 thirty days after the sandbox was seeded (geboortedatum relative to the seed date).', 'An inschrijving from today: foutmelding 230_datum_inschrijving_voor_4e_verjaardag (afgekeurd).'),
  leerling('teOud', 'A pupil who turned 15 on the day the sandbox was seeded.', 'An inschrijving is goedgekeurd met melding 251_leerling_te_oud.'),
  leerling('dubbeleInschrijving', 'A pupil already enrolled at 02AA (school of bestuur 100B002) since 1 August.', 'An inschrijving at a school of 100B001 from a later date: melding 250_overlap_andere_school and a kennisgeving to both schools.'),
  leerling('onderwijsnummerMetBsn', 'A pupil once known by onderwijsnummer who has since got a BSN.', 'Messages with the onderwijsnummer are answered with the BSN and melding 213_onderwijsnummer_bij_bsn_bekend.'),
  leerling('alleenOnderwijsnummer', 'A pupil living abroad (Germany, landcode 9089), known only by onderwijsnummer.', 'Identificatie without PGN (achternaam, voornamen, geboortedatum, geslacht, buitenlands adres) answers onderwijsnummer 100000028.'),
  leerling('onvolledigeGeboortedatum', 'A pupil abroad (Belgium) with only the birth year known.', 'Identificatie with geboortedatum 2016-00-00 answers onderwijsnummer 100000041.'),
  leerling('voorbeeld', 'A known pupil used in the README examples.', 'Goedgekeurd at any mandated school.'),
  {
    sleutel: 'nieuwZonderBsn',
    soort: 'LEERLING',
    omschrijving: 'A pupil living abroad whom the register does not know yet (identificatie without PGN).',
    gegevens: { achternaam: 'Lambrecht', voornamen: 'Jules', geboortedatum: '2019-10-10', geslacht: 'M', adres: { buitenlandsAdres: { adresregels: ['Rue Royale 10', '1000 Bruxelles'], landcode: '5010' } } },
    verwachting: 'Identificatie issues a new onderwijsnummer (onderwijsnummerUitgegeven true); asking again answers the same number.',
    sinds: '2026.1',
  },
  {
    sleutel: 'tweelingen',
    soort: 'LEERLING',
    omschrijving: 'Twins abroad: the same achternaam, geboortedatum, geslacht and address, different voornamen (send each as its own identificatie).',
    gegevens: {
      achternaam: 'Dijkstra', geboortedatum: '2019-03-03', geslacht: 'V', voornamen: ['Anna', 'Bente'],
      adres: { buitenlandsAdres: { adresregels: ['Kirchweg 2', '48143 Münster'], landcode: '9089' } },
    },
    verwachting: 'Two different onderwijsnummers: without a PGN the voornamen are part of the match.',
    sinds: '2026.1',
  },
  school('gemachtigdeSchool', 'A school of bestuur 100B001: las-alfa holds a machtiging.', { instellingscode: '01AA', vestigingscode: '01AA00', onderwijsaanbiedercode: '100A001', onderwijslocatiecode: '100X001' }, 'las-alfa may enrol here; goedgekeurd for a valid pupil.'),
  school('schoolZonderMachtiging', 'A school of bestuur 100B002: las-alfa holds no machtiging.', { instellingscode: '02AA', vestigingscode: '02AA00', onderwijsaanbiedercode: '100A004', onderwijslocatiecode: '100X004' }, 'Any message of las-alfa for it: 403 221_geen_machtiging.'),
  school('geslotenVestiging', 'A BRIN6 closed on 2005-08-01 (02AB01) of an open school (las-beta).', { instellingscode: '02AB', vestigingscode: '02AB01', onderwijsaanbiedercode: '100A005', onderwijslocatiecode: '100X008' }, 'A periode at this vestiging after 2005-08-01: melding 222_vestiging_niet_geldig.'),
  school('sboZonderTlv', 'SBO De Sprong (01AC, RIO soort SBAS) of bestuur 100B001.', { instellingscode: '01AC', vestigingscode: '01AC00', onderwijsaanbiedercode: '100A003', onderwijslocatiecode: '100X003' }, 'An inschrijving without a toelaatbaarheidsverklaring is stored, but not funded: bekostigingssignaal B05_geen_geldige_tlv.'),
  school('onbekendeVestiging', 'A vestigingscode that RIO does not know under 01AA.', { instellingscode: '01AA', vestigingscode: '01AA99', onderwijsaanbiedercode: '100A001', onderwijslocatiecode: '100X001' }, 'Foutmelding 220_vestiging_onbekend (afgekeurd, nothing stored).'),
];

/** 2026.2 adds personas relative to the sandbox clock at seeding; every 2026.1 persona stays as it was. */
const VERSIE_2026_2: Persona[] = [
  ...VERSIE_2026_1,
  leerling(
    'wordtVierVolgendeWeek',
    'A pupil who turns 4 seven days after the sandbox was seeded (geboortedatum relative to the seed date; the 4th birthday is the seed date + 7 days).',
    'An inschrijving with datumInschrijving before the 4th birthday: foutmelding 230_datum_inschrijving_voor_4e_verjaardag (afgekeurd, nothing stored); from the birthday on: goedgekeurd. ' +
      'With the sandbox clock moved a week on, enrolling from today is accepted.',
    {},
    '2026.2',
  ),
  leerling(
    'wordtVeertien',
    'A pupil who turns 14 on 31 July, the last day of the schooljaar the sandbox was seeded in (geboortedatum relative to the seed date).',
    'WPO art. 39: a pupil may stay until the end of the schooljaar in which they turn 14. An inschrijving in this schooljaar: goedgekeurd without melding 251; ' +
      'one with datumInschrijving from the next 1 August: goedgekeurd met melding 251_leerling_te_oud.',
    {},
    '2026.2',
  ),
  school(
    'nietAangeslotenSchool',
    'CBS Het Startpunt (02AD, bestuur 100B002: las-beta holds the machtiging), not yet connected to ROD: its BRON aansluitdatum is 14 days after the sandbox was seeded (GET /bron/v1/aansluitingen).',
    { instellingscode: '02AD', vestigingscode: '02AD00', onderwijsaanbiedercode: '100A007', onderwijslocatiecode: '100X009' },
    'Until the aansluitdatum on the sandbox clock every inschrijving for it: 409 school_niet_aangesloten, nothing stored; from that day on it is accepted (and its vendor gets the initial bekostigingsstatus push).',
    '2026.2',
  ),
  school(
    'sluitendeVestiging',
    'Dislocatie 01AA01 of OBS De Regenboog (01AA, las-alfa) on 100X007: open now, closed by RIO from the first 1 August after the sandbox was seeded (uitBedrijfdatum; GET /rio/v1/vestigingserkenningen/01AA01).',
    { instellingscode: '01AA', vestigingscode: '01AA01', onderwijsaanbiedercode: '100A001', onderwijslocatiecode: '100X007' },
    'A periode at 01AA01 that starts before the closing date: no melding; one that starts on or after it: stored with melding 222_vestiging_niet_geldig (and the locatie and aanbod meldingen, as they close with it).',
    '2026.2',
  ),
];

const CATALOGUS: Record<string, Persona[]> = { '2026.1': VERSIE_2026_1, '2026.2': VERSIE_2026_2 };

export function personas(versie: string = NIEUWSTE_VERSIE): Persona[] {
  return CATALOGUS[versie] ?? [];
}

const RELATIEF: Record<string, (seedDatum: string) => Record<string, string>> = {
  teJong: (d) => ({ geboortedatum: personaGeboortedatum('teJong', d) }),
  teOud: (d) => ({ geboortedatum: personaGeboortedatum('teOud', d) }),
  wordtVierVolgendeWeek: (d) => ({ geboortedatum: personaGeboortedatum('wordtVierVolgendeWeek', d) }),
  wordtVeertien: (d) => ({ geboortedatum: personaGeboortedatum('wordtVeertien', d) }),
  nietAangeslotenSchool: (d) => ({ aansluitdatum: aansluitdatumPersona(d) }),
  sluitendeVestiging: (d) => ({ sluitdatum: sluitdatumDislocatie(d) }),
};

/** The catalogue with, for personas relative to the seed date, their dates in a sandbox seeded on `seedDatum`. */
export function personasIn(versie: string, seedDatum: string | null): (Persona & { inDezeSandbox?: Record<string, string> })[] {
  return personas(versie).map((p) => (seedDatum && RELATIEF[p.sleutel] ? { ...p, inDezeSandbox: RELATIEF[p.sleutel](seedDatum) } : p));
}
