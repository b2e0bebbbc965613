import type {
  RioAanbiedergroepLid,
  RioOnderwijsaanbiedergroep,
  RioOnderwijsaanbiedergroepPeriode,
  RioOrganisatierelatie,
  RioAanbiederBestuur,
  RioInstellingBestuur,
  RioOvergang,
  RioAangebodenOpleiding,
  RioAangebodenOpleidingPeriode,
  RioBagAdres,
  RioContactadres,
  RioInstellingserkenning,
  RioInstellingserkenningPeriode,
  RioJuridischeRelatie,
  RioLocatiegebruikRelatie,
  RioOnderwijsaanbieder,
  RioOnderwijsaanbiederPeriode,
  RioOnderwijsbestuur,
  RioOnderwijsbestuurPeriode,
  RioOnderwijslocatie,
  RioOnderwijslocatiegebruik,
  RioOnderwijslocatiegebruikPeriode,
  RioVestigingserkenning,
  RioVestigingserkenningPeriode,
} from './entities';

/**
 * The stored state of each RIO aggregate, as written by the API and by the seed. Dates are YYYY-MM-DD.
 * Every field takes its type from the column of the table it is stored in (the entities, which the schema
 * test holds against the migrations): one definition of a RIO row.
 */
export type PeriodeState = Pick<RioOnderwijsbestuurPeriode, 'begindatum' | 'einddatum'>;

export type BagAdresState = Pick<RioBagAdres, 'bagId' | 'postcode' | 'huisnummer' | 'huisnummertoevoeging' | 'straatnaam' | 'plaatsnaam' | 'gemeentenaam' | 'gpsLatitude' | 'gpsLongitude'>;

/** besturendeOrganisatiesoort: the soort of its BevoegdGezagErkenning; null when DUO recorded none. */
export interface BestuurState extends Pick<RioOnderwijsbestuur, 'code' | 'bevoegdGezagNummer' | 'kvkNummer' | 'rsin' | 'besturendeOrganisatiesoort' | 'inBedrijfdatum' | 'uitBedrijfdatum'> {
  periodes: Pick<RioOnderwijsbestuurPeriode, 'begindatum' | 'einddatum' | 'naam' | 'internationaleNaam'>[];
}

export interface InstellingState
  extends Pick<RioInstellingserkenning, 'code' | 'onderwijsbestuurcode' | 'soort' | 'vrijheidVanOnderwijs' | 'inBedrijfdatum' | 'uitBedrijfdatum' | 'erkenner' | 'stichtingsdatum' | 'soCluster'> {
  /** Stored as jsonb. */
  formeelAdres: FormeelAdresState | null;
  periodes: Pick<RioInstellingserkenningPeriode, 'begindatum' | 'einddatum' | 'naam' | 'verkorteNaam' | 'richtingen' | 'grondslagen' | 'bekostigingscode' | 'wet'>[];
  /** The bevoegd gezag, dated (the instellingsrelatie with its BevoegdGezagErkenning); an overgang ends one and starts the next. onderwijsbestuurcode is that of the last. */
  besturen: InstellingBestuurState[];
}

export type InstellingBestuurState = Pick<RioInstellingBestuur, 'onderwijsbestuurcode' | 'begindatum' | 'einddatum'>;

/** FormeelInstellingsadres (BINNENLANDS: a BAG address). */
export interface FormeelAdresState extends Pick<RioBagAdres, 'bagId' | 'postcode' | 'huisnummer' | 'huisnummertoevoeging' | 'straatnaam' | 'plaatsnaam' | 'gemeentenaam'> {
  type: 'BINNENLANDS';
}

/** The vestiging's address is kept in its own row (the BAG address it was registered on). */
export interface VestigingState extends Pick<RioVestigingserkenning, 'code' | 'instellingscode' | 'hoofdNevenvestiging' | 'soort' | 'inBedrijfdatum' | 'uitBedrijfdatum'> {
  adres: BagAdresState;
  periodes: Pick<RioVestigingserkenningPeriode, 'begindatum' | 'einddatum' | 'naam' | 'bekostigingscode'>[];
}

export interface LocatieState extends Pick<RioOnderwijslocatie, 'code'> {
  adres: BagAdresState;
  /** Onderwijsbestuurcodes of the client that registered it; empty = DUO (seed or beheer). */
  geregistreerdDoor?: RioOnderwijslocatie['geregistreerdDoor'];
}

export interface AanbiederState extends Pick<RioOnderwijsaanbieder, 'code' | 'inBedrijfdatum' | 'uitBedrijfdatum' | 'eigenSleutel'> {
  periodes: Pick<RioOnderwijsaanbiederPeriode, 'begindatum' | 'einddatum' | 'naam' | 'internationaleNaam'>[];
  juridischeRelaties: Pick<RioJuridischeRelatie, 'begindatum' | 'einddatum' | 'instellingscode'>[];
  besturen: Pick<RioAanbiederBestuur, 'begindatum' | 'einddatum' | 'onderwijsbestuurcode'>[];
}

export interface GebruikState extends Pick<RioOnderwijslocatiegebruik, 'onderwijsbestuurcode' | 'onderwijslocatiecode' | 'inBedrijfdatum' | 'uitBedrijfdatum' | 'eigenSleutel'> {
  periodes: Pick<RioOnderwijslocatiegebruikPeriode, 'begindatum' | 'einddatum' | 'naam'>[];
  relaties: Pick<RioLocatiegebruikRelatie, 'begindatum' | 'einddatum' | 'vestigingscode'>[];
}

export type OpleidingPeriodeState = Pick<
  RioAangebodenOpleidingPeriode,
  'begindatum' | 'einddatum' | 'eigenNaam' | 'internationaleNaam' | 'omschrijving' | 'onderwijsconcept' | 'doorlopendeLeerlijn' | 'bijzondereInrichting' | 'samenwerkendeOnderwijsaanbiedercodes'
>;

export interface OpleidingState
  extends Pick<RioAangebodenOpleiding, 'code' | 'onderwijsaanbiedercode' | 'onderwijslocatiecode' | 'opleidingseenheidcode' | 'begindatum' | 'einddatum' | 'eersteInstroomdatum' | 'laatsteInstroomdatum' | 'doelgroepen' | 'eigenSleutel'> {
  /** Two columns (eenheid, omvang); null when the unit's own duration holds. */
  afwijkendeOpleidingsduur: { eenheid: string; omvang: number } | null;
  /** A varchar(3) column holding one of these. */
  soort: 'BO' | 'SO' | 'VSO';
  periodes: OpleidingPeriodeState[];
}

export type ContactadresState = Pick<
  RioContactadres,
  'code' | 'context' | 'subcontextnummer' | 'begindatum' | 'einddatum' | 'subcontext' | 'types' | 'eMailadres' | 'telefoonnummer' | 'webadres' | 'contactnaam'
>;

export interface GroepState extends Pick<RioOnderwijsaanbiedergroep, 'code' | 'onderwijsbestuurcode' | 'inBedrijfdatum' | 'uitBedrijfdatum'> {
  periodes: Pick<RioOnderwijsaanbiedergroepPeriode, 'begindatum' | 'einddatum' | 'naam' | 'internationaleNaam'>[];
  onderwijsaanbieders: Pick<RioAanbiedergroepLid, 'onderwijsaanbiedercode' | 'begindatum' | 'einddatum'>[];
}

/** A varchar(20) column holding one of these. */
export type Organisatierelatiesoort = 'HIERARCHISCH' | 'OVERGANG';

export interface OrganisatierelatieState extends Pick<RioOrganisatierelatie, 'vanCode' | 'naarCode' | 'begindatum' | 'einddatum'> {
  soort: Organisatierelatiesoort;
}

/** An overgang as stored (rio_overgang). */
export type OvergangState = Pick<
  RioOvergang,
  'id' | 'soort' | 'instellingscode' | 'vanOnderwijsbestuurcode' | 'naarOnderwijsbestuurcode' | 'overgangsdatum' | 'vestigingscodes' | 'onderwijsaanbiedercodes' | 'onderwijslocatiecodes' | 'geregistreerdOp'
>;

export interface RioDataset {
  bag: BagAdresState[];
  besturen: BestuurState[];
  instellingen: InstellingState[];
  vestigingen: VestigingState[];
  locaties: LocatieState[];
  aanbieders: AanbiederState[];
  gebruiken: GebruikState[];
  opleidingen: OpleidingState[];
  contactadressen: ContactadresState[];
  groepen: GroepState[];
  organisatierelaties: OrganisatierelatieState[];
  overgangen: OvergangState[];
}

export const emptyDataset = (): RioDataset => ({ bag: [], besturen: [], instellingen: [], vestigingen: [], locaties: [], aanbieders: [], gebruiken: [], opleidingen: [], contactadressen: [], groepen: [], organisatierelaties: [], overgangen: [] });
