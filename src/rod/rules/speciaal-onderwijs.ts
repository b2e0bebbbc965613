import { RodCode, Terugmelding, terugmelding } from '../rod.errors';

/**
 * The so/vso contract's own rules (rod.md §4.3, §6.1; rio.md §8, §9): what an inschrijving at a school for (voortgezet)
 * speciaal onderwijs carries besides a bo inschrijving. DUO's element names are known, its code values are not: the values
 * below are the simulator's (proposed), taken from RIO's lists where RIO has one.
 */

/** schoolsoort (rod.md §4.3): 1 = so, 2 = vso. so → vso at the same school is an uitschrijving plus a new inschrijving. */
export const SCHOOLSOORTEN = { '1': 'SO', '2': 'VSO' } as const;
export type Schoolsoort = (typeof SCHOOLSOORTEN)[keyof typeof SCHOOLSOORTEN];

/** cluster (RIO SpeciaalOnderwijsCluster CLUSTER_1 … CLUSTER_4): 1 visueel, 2 auditief/communicatief, 3 lichamelijk/verstandelijk/langdurig ziek, 4 gedrag. */
export const CLUSTERS = [1, 2, 3, 4] as const;

/**
 * soortOnderwijs per cluster (rod.md §4.3: required for cluster 1/2), from RIO's DoelgroeponderwijsSoVso (rio.md §8); which
 * doelgroep belongs to which cluster is inferred from the WEC clusters.
 */
export const SOORT_ONDERWIJS_PER_CLUSTER: Record<number, readonly string[]> = {
  1: ['VISUEEL_GEHANDICAPT', 'VISUEEL_GEHANDICAPT_EN_ZEER_MOEILIJK_LEREND'],
  2: ['DOOF', 'SLECHT_HOREND', 'ERNSTIGE_SPRAAK_MOEILIJKHEDEN', 'DOOF_EN_VISUEEL_GEHANDICAPT', 'DOOF_EN_ZEER_MOEILIJK_LEREND', 'SLECHT_HOREND_EN_ZEER_MOEILIJK_LEREND'],
  3: ['LICHAMELIJK_GEHANDICAPT', 'LICHAMELIJK_GEHANDICAPT_EN_ZEER_MOEILIJK_LEREND', 'MOEILIJK_LEREND', 'LANGDURIG_ZIEK', 'EPILEPSIE'],
  4: ['ZEER_MOEILIJK_OPVOEDBAAR', 'AUTISME', 'LEER_EN_OPVOEDINGSMOEILIJKHEDEN'],
};
export const SOORTEN_ONDERWIJS = Object.values(SOORT_ONDERWIJS_PER_CLUSTER).flat();

/** soortVerblijf (rod.md §4.3): an ordinary pupil, or one living in a residentiële instelling (proposed codes). */
export const SOORTEN_VERBLIJF = ['REGULIER', 'RESIDENTIELE_INSTELLING'] as const;

/** arrangement (rod.md §4.3: cluster 1/2 and epilepsy schools): the intensity of the support (proposed codes). */
export const ARRANGEMENTEN = ['LICHT', 'MEDIUM', 'INTENSIEF'] as const;

/** uitstroomprofiel (vso only): RIO's vso opleidingsgroepen vervolgonderwijs, arbeidsmarkt, dagbesteding (rio.md §5). */
export const UITSTROOMPROFIELEN = ['VERVOLGONDERWIJS', 'ARBEIDSMARKT', 'DAGBESTEDING'] as const;

/** The RIO Instellingssoort that takes the so/vso contract; the other soorten (BAS, SBAS) take the bo contract. */
export const SO_INSTELLINGSSOORT = 'SPEC';

/** The so/vso part of an inschrijving as sent (AanleverenInschrijvingSO). */
export interface SpeciaalOnderwijsGegevens {
  schoolsoort: string;
  cluster: number;
  soortOnderwijs?: string | null;
  soortVerblijf?: string | null;
  arrangement?: string | null;
  uitstroomprofiel?: string | null;
}

/** As stored and read back: schoolsoort by name, absent values null. */
export interface SpeciaalOnderwijsStand {
  schoolsoort: Schoolsoort;
  cluster: number;
  soortOnderwijs: string | null;
  soortVerblijf: string | null;
  arrangement: string | null;
  uitstroomprofiel: string | null;
}

/** A cluster 3/4 pupil is admitted on a toelaatbaarheidsverklaring of the samenwerkingsverband (rod.md §4.3). */
export const tlvVerplicht = (cluster: number) => cluster === 3 || cluster === 4;

/**
 * Which contract the school takes: the so/vso contract at a SPEC school, the bo contract at any other (290). `soort` null: the
 * BRIN4 is unknown in RIO, which 220 already says.
 */
export function contractFout(soort: string | null, so: boolean, instellingscode: string): Terugmelding[] {
  if (soort === null || (soort === SO_INSTELLINGSSOORT) === so) return [];
  return [
    terugmelding(
      RodCode.contractPastNietBijSchool,
      so
        ? `Instelling ${instellingscode} is in RIO geen school voor (voortgezet) speciaal onderwijs (soort ${soort}): lever de inschrijving aan met AanleverenInschrijvingBO.`
        : `Instelling ${instellingscode} is in RIO een school voor (voortgezet) speciaal onderwijs: lever de inschrijving aan met AanleverenInschrijvingSO.`,
      '/instellingscode',
    ),
  ];
}

/** Every check of the so/vso part: code lists (046), what each cluster and schoolsoort requires or forbids (291–295). */
export function controleerSpeciaalOnderwijs(so: SpeciaalOnderwijsGegevens, aantalTlv: number): Terugmelding[] {
  const t: Terugmelding[] = [];
  const lijst = (veld: string, waarde: string, toegestaan: readonly string[]) =>
    t.push(terugmelding(RodCode.waardenlijstFout, `${veld} ${waarde} staat niet in de waardenlijst (${toegestaan.join(', ')}).`, `/${veld}`));
  const schoolsoort = SCHOOLSOORTEN[so.schoolsoort as keyof typeof SCHOOLSOORTEN];
  if (!schoolsoort) lijst('schoolsoort', so.schoolsoort, Object.keys(SCHOOLSOORTEN));
  const clusterBekend = (CLUSTERS as readonly number[]).includes(so.cluster);
  if (!clusterBekend) lijst('cluster', String(so.cluster), CLUSTERS.map(String));
  if (so.soortVerblijf && !(SOORTEN_VERBLIJF as readonly string[]).includes(so.soortVerblijf)) lijst('soortVerblijf', so.soortVerblijf, SOORTEN_VERBLIJF);
  if (so.arrangement && !(ARRANGEMENTEN as readonly string[]).includes(so.arrangement)) lijst('arrangement', so.arrangement, ARRANGEMENTEN);
  if (so.uitstroomprofiel && !(UITSTROOMPROFIELEN as readonly string[]).includes(so.uitstroomprofiel)) lijst('uitstroomprofiel', so.uitstroomprofiel, UITSTROOMPROFIELEN);
  if (so.soortOnderwijs && !SOORTEN_ONDERWIJS.includes(so.soortOnderwijs)) lijst('soortOnderwijs', so.soortOnderwijs, SOORTEN_ONDERWIJS);
  if (clusterBekend) {
    const cluster = so.cluster;
    // Cluster 1/2: the school's own commissie admits the pupil to a soort onderwijs; cluster 3/4: a TLV admits them.
    if ((cluster === 1 || cluster === 2) && !so.soortOnderwijs) {
      t.push(terugmelding(RodCode.soortOnderwijsOntbreekt, `Bij cluster ${cluster} is soortOnderwijs verplicht.`, '/soortOnderwijs'));
    }
    if (so.soortOnderwijs && SOORTEN_ONDERWIJS.includes(so.soortOnderwijs) && !SOORT_ONDERWIJS_PER_CLUSTER[cluster].includes(so.soortOnderwijs)) {
      t.push(terugmelding(RodCode.soortOnderwijsPastNietBijCluster, `soortOnderwijs ${so.soortOnderwijs} hoort niet bij cluster ${cluster}.`, '/soortOnderwijs'));
    }
    if (tlvVerplicht(cluster) && aantalTlv === 0) {
      t.push(terugmelding(RodCode.tlvOntbreekt, `Bij cluster ${cluster} is de toelaatbaarheidsverklaring (beschikkingsnummer) van het samenwerkingsverband verplicht.`, '/toelaatbaarheidsverklaring'));
    }
    // Arrangementen exist for cluster 1/2 and for the epilepsy schools (cluster 3, soortOnderwijs EPILEPSIE).
    if (so.arrangement && !(cluster === 1 || cluster === 2 || so.soortOnderwijs === 'EPILEPSIE')) {
      t.push(terugmelding(RodCode.arrangementNietBijCluster, `Een arrangement hoort alleen bij cluster 1 of 2 of bij een school voor epilepsie, niet bij cluster ${cluster}.`, '/arrangement'));
    }
  }
  if (schoolsoort === 'VSO' && !so.uitstroomprofiel) t.push(terugmelding(RodCode.uitstroomprofielOntbreekt, 'Bij vso (schoolsoort 2) is het uitstroomprofiel verplicht.', '/uitstroomprofiel'));
  if (schoolsoort === 'SO' && so.uitstroomprofiel) t.push(terugmelding(RodCode.uitstroomprofielAlleenVso, 'Een uitstroomprofiel hoort alleen bij vso (schoolsoort 2), niet bij so.', '/uitstroomprofiel'));
  return t;
}

/** The so/vso part as stored (only called when controleerSpeciaalOnderwijs found nothing wrong). */
export function speciaalOnderwijsStand(so: SpeciaalOnderwijsGegevens): SpeciaalOnderwijsStand {
  return {
    schoolsoort: SCHOOLSOORTEN[so.schoolsoort as keyof typeof SCHOOLSOORTEN],
    cluster: so.cluster,
    soortOnderwijs: so.soortOnderwijs ?? null,
    soortVerblijf: so.soortVerblijf ?? null,
    arrangement: so.arrangement ?? null,
    uitstroomprofiel: so.uitstroomprofiel ?? null,
  };
}
