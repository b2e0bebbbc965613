import type { EntityManager } from 'typeorm';

/** One staged inschrijving as ROD receives it: AanleverenInschrijvingBO's fields (AanleverenInschrijvingSO's with the so part), with the BRON persoon for the persoonsregister. */
export interface ConversieAanlevering {
  instellingscode: string;
  persoonsgebondenNummer: { burgerservicenummer?: string; onderwijsnummer?: string };
  persoon: { geboortedatum: string; geslacht: string; achternaam: string; voorvoegsels: string | null; voornamen: string | null; postcode: string | null };
  inschrijvingvolgnummer: string;
  datumInschrijving: string;
  datumUitschrijving?: string;
  inschrijvingPeriodeBO: { datumBegin: string; vestigingscode: string; onderwijsaanbiedercode: string; onderwijslocatiecode: string; groep: string }[];
  /** An inschrijving at a school for (voortgezet) speciaal onderwijs (record 322): the so contract's part, judged as AanleverenInschrijvingSO. */
  speciaalOnderwijs?: { schoolsoort: string; cluster: number; soortOnderwijs: string | null; soortVerblijf: string | null; arrangement: string | null; uitstroomprofiel: string | null };
  toelaatbaarheidsverklaring?: { beschikkingsnummer: string; datumBegin: string; datumEinde?: string }[];
}

export interface ConversieTerugmelding {
  code: string;
  soort: string;
  tekst: string;
  veld?: string;
}

export interface ConversieUitkomst {
  goedgekeurd: boolean;
  terugmeldingen: ConversieTerugmelding[];
  inschrijvingId: string | null;
}

/**
 * What the migration needs from ROD: a batch of aanleveringen judged by ROD's own rules (goedgekeurd here means
 * goedgekeurd by /rod/v1, a rejection carries /rod/v1's foutcodes) and, unless a dry run, written through ROD's bulk path,
 * inside the caller's transaction. Persons of the batch are entered in the persoonsregister as BRON held them.
 */
export abstract class RodConversiePoort {
  /** Brings the planner's statistics of ROD's tables up to date while they grow fast (a bulk load outruns autovacuum). */
  abstract analyze(m: EntityManager): Promise<void>;
  abstract process(m: EntityManager, sandboxId: string, items: ConversieAanlevering[], opties: { schrijven: boolean; moment: Date }): Promise<ConversieUitkomst[]>;
}
