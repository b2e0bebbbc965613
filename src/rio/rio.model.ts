/** The stored state of each RIO aggregate, as written by the API and by the seed. Dates are YYYY-MM-DD. */
export interface PeriodeState {
  begindatum: string;
  einddatum: string | null;
}

export interface BagAdresState {
  bagId: string;
  postcode: string;
  huisnummer: number;
  huisnummertoevoeging: string;
  straatnaam: string;
  plaatsnaam: string;
  gemeentenaam: string;
  gpsLatitude: string;
  gpsLongitude: string;
}

export interface BestuurState {
  code: string;
  bevoegdGezagNummer: string | null;
  kvkNummer: string | null;
  rsin: string | null;
  inBedrijfdatum: string;
  uitBedrijfdatum: string | null;
  periodes: (PeriodeState & { naam: string; internationaleNaam: string | null })[];
}

export interface InstellingState {
  code: string;
  onderwijsbestuurcode: string | null;
  soort: string;
  vrijheidVanOnderwijs: string;
  inBedrijfdatum: string;
  uitBedrijfdatum: string | null;
  periodes: (PeriodeState & { naam: string; verkorteNaam: string | null; richtingen: string[]; bekostigingscode: string })[];
}

export interface VestigingState {
  code: string;
  instellingscode: string;
  hoofdNevenvestiging: string;
  soort: string;
  inBedrijfdatum: string;
  uitBedrijfdatum: string | null;
  adres: BagAdresState;
  periodes: (PeriodeState & { naam: string; bekostigingscode: string })[];
}

export interface LocatieState {
  code: string;
  adres: BagAdresState;
  /** Onderwijsbestuurcodes of the client that registered it; empty = DUO (seed or beheer). */
  geregistreerdDoor?: string[];
}

export interface AanbiederState {
  code: string;
  inBedrijfdatum: string;
  uitBedrijfdatum: string | null;
  eigenSleutel: string | null;
  periodes: (PeriodeState & { naam: string; internationaleNaam: string | null })[];
  juridischeRelaties: (PeriodeState & { instellingscode: string })[];
  besturen: (PeriodeState & { onderwijsbestuurcode: string })[];
}

export interface GebruikState {
  onderwijsbestuurcode: string;
  onderwijslocatiecode: string;
  inBedrijfdatum: string;
  uitBedrijfdatum: string | null;
  eigenSleutel: string | null;
  periodes: (PeriodeState & { naam: string | null })[];
  relaties: (PeriodeState & { vestigingscode: string })[];
}

export interface OpleidingPeriodeState extends PeriodeState {
  eigenNaam: string;
  internationaleNaam: string | null;
  omschrijving: string | null;
  onderwijsconcept: string | null;
  doorlopendeLeerlijn: string | null;
  bijzondereInrichting: string | null;
}

export interface OpleidingState {
  code: string;
  onderwijsaanbiedercode: string;
  onderwijslocatiecode: string | null;
  opleidingseenheidcode: string;
  soort: 'BO' | 'SO' | 'VSO';
  begindatum: string;
  einddatum: string | null;
  eersteInstroomdatum: string | null;
  doelgroepen: string[];
  eigenSleutel: string | null;
  periodes: OpleidingPeriodeState[];
}

export interface RioDataset {
  bag: BagAdresState[];
  besturen: BestuurState[];
  instellingen: InstellingState[];
  vestigingen: VestigingState[];
  locaties: LocatieState[];
  aanbieders: AanbiederState[];
  gebruiken: GebruikState[];
  opleidingen: OpleidingState[];
}

export const emptyDataset = (): RioDataset => ({ bag: [], besturen: [], instellingen: [], vestigingen: [], locaties: [], aanbieders: [], gebruiken: [], opleidingen: [] });
