export * from './juridisch.entity';
export * from './onderwijskundig.entity';
export * from './organisatie.entity';
export * from './rio-support.entity';
export * from './overgang.entity';

import { RioInstellingserkenning, RioInstellingserkenningPeriode, RioOnderwijsbestuur, RioOnderwijsbestuurPeriode, RioVestigingserkenning, RioVestigingserkenningPeriode } from './juridisch.entity';
import {
  RioAanbiederBestuur,
  RioAangebodenOpleiding,
  RioAangebodenOpleidingPeriode,
  RioBagAdres,
  RioContactadres,
  RioJuridischeRelatie,
  RioLocatiegebruikRelatie,
  RioOnderwijsaanbieder,
  RioOnderwijsaanbiederPeriode,
  RioOnderwijslocatie,
  RioOnderwijslocatiegebruik,
  RioOnderwijslocatiegebruikPeriode,
} from './onderwijskundig.entity';
import { RioAanbiedergroepLid, RioOnderwijsaanbiedergroep, RioOnderwijsaanbiedergroepPeriode, RioOrganisatierelatie } from './organisatie.entity';
import { RioCodeTeller, RioMutatie } from './rio-support.entity';
import { RioInstellingBestuur, RioOvergang } from './overgang.entity';

/** Every entity of the RIO register, for the data source. */
export const RIO_ENTITIES = [
  RioOnderwijsbestuur,
  RioOnderwijsbestuurPeriode,
  RioInstellingserkenning,
  RioInstellingserkenningPeriode,
  RioVestigingserkenning,
  RioVestigingserkenningPeriode,
  RioBagAdres,
  RioOnderwijslocatie,
  RioOnderwijsaanbieder,
  RioOnderwijsaanbiederPeriode,
  RioJuridischeRelatie,
  RioAanbiederBestuur,
  RioOnderwijslocatiegebruik,
  RioOnderwijslocatiegebruikPeriode,
  RioLocatiegebruikRelatie,
  RioAangebodenOpleiding,
  RioAangebodenOpleidingPeriode,
  RioContactadres,
  RioOnderwijsaanbiedergroep,
  RioOnderwijsaanbiedergroepPeriode,
  RioAanbiedergroepLid,
  RioOrganisatierelatie,
  RioMutatie,
  RioCodeTeller,
  RioInstellingBestuur,
  RioOvergang,
];
