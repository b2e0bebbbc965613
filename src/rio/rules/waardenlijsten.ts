/**
 * Code lists of RIO po (rio.md §8), with the date from which each value may be used (vanaf,
 * inclusive) and optionally until (tot, exclusive). A value must be valid on the begindatum of the
 * periode it is used in (K01051); an unknown value is K01050.
 */
export interface Waarde {
  code: string;
  omschrijving: string;
  vanaf?: string;
  tot?: string;
}

const w = (code: string, omschrijving: string, vanaf?: string): Waarde => ({ code, omschrijving, ...(vanaf ? { vanaf } : {}) });

export const WAARDENLIJSTEN = {
  onderwijsconcept: [
    w('AGORA', 'Agora-onderwijs', '2014-08-01'),
    w('DALTON', 'Daltononderwijs', '1925-08-01'),
    w('FREINET', 'Freinetonderwijs', '1980-08-01'),
    w('HBGO', 'Hoogbegaafdenonderwijs', '1998-08-01'),
    w('INTERNATIONAL_PRIMARY_CURRICULUM', 'International Primary Curriculum', '2001-08-01'),
    w('JENAPLAN', 'Jenaplanonderwijs', '1962-08-01'),
    w('MONTESSORI', 'Montessorionderwijs', '1916-08-01'),
    w('VRIJESCHOOL', 'Vrijeschoolonderwijs', '1923-08-01'),
  ],
  doelgroepBasisonderwijs: [
    w('BO', 'Regulier basisonderwijs', '1996-08-01'),
    w('EUROPESE_SCHOOL', 'Europese school'),
    w('IGBO', 'Internationaal georiënteerd basisonderwijs', '2012-08-01'),
    w('SBO', 'Speciaal basisonderwijs', '1998-08-01'),
    w('VK', 'Basisonderwijs aan varende kinderen', '1996-08-01'),
    w('ONDERWIJSVOORZIENING_ONTHEEMDEN', 'Onderwijsvoorziening ontheemden'),
    w('TIJDELIJKE_NIEUWKOMERSVOORZIENING', 'Tijdelijke nieuwkomersvoorziening'),
  ],
  doelgroepSpeciaalOnderwijs: [
    'AUTISME',
    'DOOF',
    'DOOF_EN_VISUEEL_GEHANDICAPT',
    'DOOF_EN_ZEER_MOEILIJK_LEREND',
    'EPILEPSIE',
    'ERNSTIGE_SPRAAK_MOEILIJKHEDEN',
    'LANGDURIG_ZIEK',
    'LEER_EN_OPVOEDINGSMOEILIJKHEDEN',
    'LICHAMELIJK_GEHANDICAPT',
    'LICHAMELIJK_GEHANDICAPT_EN_ZEER_MOEILIJK_LEREND',
    'MOEILIJK_LEREND',
    'SLECHT_HOREND',
    'SLECHT_HOREND_EN_ZEER_MOEILIJK_LEREND',
    'VISUEEL_GEHANDICAPT',
    'VISUEEL_GEHANDICAPT_EN_ZEER_MOEILIJK_LEREND',
    'ZEER_MOEILIJK_OPVOEDBAAR',
  ].map((c) => w(c, c.toLowerCase().replace(/_/g, ' '))),
  doorlopendeLeerlijnBoVo: [w('SCHAKELKLAS_PO_VO', 'Schakelklas po-vo', '1993-08-01'), w('TIENERSCHOOL', 'Tienerschool', '2018-08-01')],
  doorlopendeLeerlijnVsoMbo: [w('DLR_VMBO_MBO', 'Doorlopende leerroute vmbo-mbo'), w('GLR_VMBO_MBO', 'Geïntegreerde leerroute vmbo-mbo'), w('PRO_ENTREE', 'Praktijkonderwijs-entree')],
  bijzondereInrichtingBo: [
    w('CULTUURPROFIEL_PO', 'Cultuurprofielschool'),
    w('DAMU', 'DAMU-school'),
    w('PILOT_TPO', 'Pilot tweetalig primair onderwijs'),
    w('TWEETALIG_PRIMAIR_ONDERWIJS_TPO', 'Tweetalig primair onderwijs'),
    w('UNESCO', 'UNESCO-school'),
  ],
  bijzondereInrichtingSoVso: [w('CULTUURPROFIEL_PO', 'Cultuurprofielschool'), w('UNESCO', 'UNESCO-school')],
  denominatie: [
    ['ABZ', 'Algemeen bijzonder'],
    ['ASF', 'Antroposofisch'],
    ['BAP', 'Baptistisch'],
    ['EVA', 'Evangelisch'],
    ['EVB', 'Evangelische broedergemeente'],
    ['GER', 'Gereformeerd'],
    ['GEV', 'Gereformeerd vrijgemaakt'],
    ['HIN', 'Hindoeïstisch'],
    ['HUM', 'Humanistisch'],
    ['IC', 'Interconfessioneel'],
    ['ISL', 'Islamitisch'],
    ['JOO', 'Joods orthodox'],
    ['NH', 'Nederlands hervormd'],
    ['OKA', 'Oud-katholiek'],
    ['OPB', 'Openbaar'],
    ['PC', 'Protestants-christelijk'],
    ['REF', 'Reformatorisch'],
    ['REM', 'Remonstrants'],
    ['RK', 'Rooms-katholiek'],
  ].map(([c, o]) => w(c, o)),
  vrijheidVanOnderwijs: [w('OPENBAAR', 'Openbaar onderwijs'), w('BIJZONDER', 'Bijzonder onderwijs')],
  bekostigingscode: [
    'AANGEWEZEN',
    'BEKOSTIGD',
    'DECLARATIE',
    'ERKEND',
    'INDIRECT_BEKOSTIGD',
    'LUMPSUM',
    'NIET_BEKOSTIGD',
    'NIET_VAN_TOEPASSING',
    'RECHTSPERSOON_HO',
    'RIJKS',
  ].map((c) => w(c, c.toLowerCase().replace(/_/g, ' '))),
  instellingssoort: [w('BAS', 'Basisschool'), w('SBAS', 'Speciale school voor basisonderwijs'), w('SPEC', '(Voortgezet) speciaal onderwijs / expertisecentrum')],
  vestigingssoort: ['VST', 'DIS', 'LOC', 'TLOC', 'TVST', 'ULOC', 'ILOC', 'VSTC', 'VSTS', 'VSTZ', 'AFAF', 'GJI', 'JJI'].map((c) => w(c, c)),
  hoofdNevenvestiging: [w('HOOFDVESTIGING', 'Hoofdvestiging'), w('NEVENVESTIGING', 'Nevenvestiging')],
  /** Erkenner of a po erkenning: OCW only. */
  erkenner: [w('OCW', 'Ministerie van Onderwijs, Cultuur en Wetenschap')],
  wet: [w('WPO', 'Wet op het primair onderwijs'), w('WEC', 'Wet op de expertisecentra'), w('WPO_BES', 'Wet primair onderwijs BES')],
  speciaalOnderwijsCluster: ['CLUSTER_1', 'CLUSTER_2', 'CLUSTER_3', 'CLUSTER_4'].map((c) => w(c, c.replace('_', ' ').toLowerCase())),
  /** Public communicatiecontexten (rio.md §3). */
  contactcontext: [w('AANMELDEN', 'Aanmelden'), w('ALGEMEEN', 'Algemeen'), w('CENTRAAL_AANMELDEN_MBO', 'Centraal aanmelden mbo'), w('FACTURATIE', 'Facturatie')],
  contacttype: ['BEZOEKNL', 'BEZOEKBTL', 'POSTNL', 'POSTBTL', 'TELEFOON', 'FAX', 'EMAIL', 'WEB', 'CONTACTPUNT'].map((c) => w(c, c)),
  /** Meanings unknown (rio.md §8): the codes only. */
  besturendeOrganisatiesoort: ['BGCD', 'BGEO', 'BGPA', 'BGRE', 'BGTC', 'BINS', 'BUVI', 'OL', 'OVRG'].map((c) => w(c, c)),
} satisfies Record<string, Waarde[]>;

export type WaardenlijstNaam = keyof typeof WAARDENLIJSTEN;

export const waardenVan = (lijst: WaardenlijstNaam) => WAARDENLIJSTEN[lijst].map((x) => x.code);

/** 'ONBEKEND' (K01050), 'NIET_GELDIG' on that date (K01051), or null when fine. */
export function controleerWaarde(lijst: WaardenlijstNaam, code: string, datum: string): 'ONBEKEND' | 'NIET_GELDIG' | null {
  const waarde = (WAARDENLIJSTEN[lijst] as Waarde[]).find((x) => x.code === code);
  if (!waarde) return 'ONBEKEND';
  if ((waarde.vanaf && datum < waarde.vanaf) || (waarde.tot && datum >= waarde.tot)) return 'NIET_GELDIG';
  return null;
}

/** Opleidingseenheden of OCW for po (rio.md §3; real codes unknown, so simulator codes). */
export interface Opleidingseenheid {
  code: string;
  soort: 'BO' | 'SO' | 'VSO';
  naam: string;
  niveau: string;
  begindatum: string;
}

export const OPLEIDINGSEENHEDEN: Opleidingseenheid[] = [
  { code: '1001O0001', soort: 'BO', naam: 'Basisonderwijs', niveau: 'PO-BAO', begindatum: '1985-08-01' },
  { code: '1001O0002', soort: 'BO', naam: 'Eerste onderwijs anderstaligen', niveau: 'PO-BAO', begindatum: '1985-08-01' },
  { code: '1001O0003', soort: 'BO', naam: 'Speciaal basisonderwijs', niveau: 'PO-SBAO', begindatum: '1998-08-01' },
  { code: '1002O0001', soort: 'SO', naam: 'Speciaal onderwijs regulier', niveau: 'PO-SO', begindatum: '1985-08-01' },
  { code: '1002O0002', soort: 'SO', naam: 'Speciaal onderwijs zml/mg', niveau: 'PO-SO', begindatum: '1985-08-01' },
  { code: '1003O0001', soort: 'VSO', naam: 'VSO vervolgonderwijs', niveau: 'PO-VSO', begindatum: '1985-08-01' },
  { code: '1003O0002', soort: 'VSO', naam: 'VSO arbeidsmarkt', niveau: 'PO-ARBEIDSMARKT', begindatum: '1985-08-01' },
  { code: '1003O0003', soort: 'VSO', naam: 'VSO dagbesteding', niveau: 'PO-DAGBESTEDING', begindatum: '1985-08-01' },
];

export const opleidingseenheid = (code: string) => OPLEIDINGSEENHEDEN.find((o) => o.code === code);
