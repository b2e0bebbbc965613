import { PERSONAS } from '../../rod';

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

export const PERSONA_VERSIES = ['2026.1'];
export const NIEUWSTE_VERSIE = PERSONA_VERSIES[PERSONA_VERSIES.length - 1];

export const CHANGELOG = [
  { versie: '2026.1', wijzigingen: ['First catalogue: the ROD personas of the small seed, the demo schools of RIO, and the proefgevallen PG01–PG13.'] },
];

const leerling = (sleutel: keyof typeof PERSONAS, omschrijving: string, verwachting: string, extra: Record<string, unknown> = {}): Persona => ({
  sleutel,
  soort: 'LEERLING',
  omschrijving,
  gegevens: { ...PERSONAS[sleutel], ...extra },
  verwachting,
  sinds: '2026.1',
});

const school = (sleutel: string, omschrijving: string, gegevens: Record<string, unknown>, verwachting: string): Persona => ({ sleutel, soort: 'SCHOOL', omschrijving, gegevens, verwachting, sinds: '2026.1' });

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

const CATALOGUS: Record<string, Persona[]> = { '2026.1': VERSIE_2026_1 };

export function personas(versie: string = NIEUWSTE_VERSIE): Persona[] {
  return CATALOGUS[versie] ?? [];
}
