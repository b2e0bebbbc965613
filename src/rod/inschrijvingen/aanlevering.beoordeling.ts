import { createHash } from 'node:crypto';
import { stableStringify } from '../../common/idempotency/stable-json';
import { isFout, RodCode, RodCodeName, Terugmelding, terugmelding } from '../rod.errors';
import type { RioPeriodeCheckInput, RioPeriodeCheckResult } from '../rio-port';
import { controleerDatums, GROEPEN, metEinddatum, NNCA_WAARDEN, overlappen, schoolwissels, teLaat } from '../rules/inschrijving-regels';
import { MAX_LEEFTIJD, teOudVoorInschrijving, voorVierdeVerjaardag } from '../rules/leeftijd';
import { controleerKenmerken, Kenmerken, kenmerkenStand } from '../rules/kenmerken';
import { contractFout, controleerSpeciaalOnderwijs, SpeciaalOnderwijsGegevens, SpeciaalOnderwijsStand, speciaalOnderwijsStand } from '../rules/speciaal-onderwijs';
import { pgnUitkomst, PersoonRij } from '../rules/pgn';

/**
 * Every rule of AanleverenInschrijvingBO and AanleverenInschrijvingSO (rod.md §4.3, §5, §7.2) in one pure function (and of the verwijdering in a second): what ROD says about one aanlevering,
 * given the state it meets. No database, no clock, no HTTP: the REST use case and a bulk caller (the BRON migration) load
 * the state, call `beoordeel`, and write `nieuweStand` when there are no foutmeldingen.
 *
 * Not here, because they are about the caller and not about the inschrijving: the machtiging of the sending vendor (403)
 * and the bedrijfsdocument (a resend gets its stored answer).
 */

/** One inschrijvingsperiode as sent. */
export interface AanleveringPeriode {
  datumBegin: string;
  vestigingscode: string;
  onderwijsaanbiedercode: string;
  onderwijslocatiecode: string;
  groep: string;
  leerjaar?: number | null;
  indicatieBekostiging?: boolean | null;
}

/** The content of one AanleverenInschrijvingBO (the full current state of one inschrijving), without its bedrijfsdocument. */
export interface Aanlevering extends Kenmerken {
  instellingscode: string;
  persoonsgebondenNummer: { burgerservicenummer?: string; onderwijsnummer?: string };
  inschrijvingvolgnummer: string;
  datumInschrijving: string;
  datumUitschrijving?: string | null;
  nNCA?: string | null;
  datumVestigingInNederland?: string | null;
  inschrijvingPeriodeBO: AanleveringPeriode[];
  ontwikkelingsperspectief?: { datumBegin: string; datumEinde?: string | null }[];
  toelaatbaarheidsverklaring?: { beschikkingsnummer: string; datumBegin: string; datumEinde?: string | null }[];
  /**
   * Present for the so/vso contract (AanleverenInschrijvingSO, rod.md §4.3), absent for AanleverenInschrijvingBO. Its periodes
   * are `inschrijvingPeriodeBO` here too; the answer points at them as `/inschrijvingPeriodeSO/…`, the contract's name.
   */
  speciaalOnderwijs?: SpeciaalOnderwijsGegevens | null;
}

/** An inschrijving of the same person as stored. */
export interface BestaandeInschrijving {
  id: string;
  instellingscode: string;
  inschrijvingvolgnummer: string;
  versie: number;
  inhoudHash: string;
  datumInschrijving: string;
  datumUitschrijving: string | null;
}

/** What ROD holds that the aanlevering meets. */
export interface HuidigeStand {
  /** The person the PGN's number finds in the persoonsregister (by BSN first, then onderwijsnummer), or null. */
  persoon: PersoonRij | null;
  /** This inschrijving (same school, person and inschrijvingvolgnummer) as stored, or null when it is new. */
  huidig: BestaandeInschrijving | null;
  /** The person's inschrijvingen at other schools. */
  andere: BestaandeInschrijving[];
}

/** What the judgement needs besides the state: facts from outside ROD and the moment of receipt. */
export interface BeoordelingContext {
  /** The Dutch calendar date of receipt (YYYY-MM-DD): the 7-day rule and the age rule look at it. */
  vandaag: string;
  /** RIO's answer for every periode, in the order of `rioVragen(aanlevering)`. */
  rio: RioPeriodeCheckResult[];
  /** The id a new inschrijving gets (the caller generates it; unused when the inschrijving exists). */
  nieuwId: string;
}

/** A periode as stored: sorted by datumBegin, with its derived datumEinde. */
export interface StandPeriode extends AanleveringPeriode {
  datumEinde: string | null;
}

/** The inschrijving as it is after an accepted aanlevering. */
export interface NieuweStand {
  inschrijvingId: string;
  persoonId: string;
  /** No inschrijving existed: this is version 1. */
  nieuw: boolean;
  /** False when the content equals the stored version: nothing to write but the answer. */
  gewijzigd: boolean;
  versie: number;
  instellingscode: string;
  inschrijvingvolgnummer: string;
  datumInschrijving: string;
  datumUitschrijving: string | null;
  nNCA: string | null;
  datumVestigingInNederland: string | null;
  periodes: StandPeriode[];
  ontwikkelingsperspectief: { datumBegin: string; datumEinde: string | null }[];
  toelaatbaarheidsverklaringen: { beschikkingsnummer: string; datumBegin: string; datumEinde: string | null }[];
  /** The so/vso part (null: a bo/sbo inschrijving). */
  speciaalOnderwijs: SpeciaalOnderwijsStand | null;
  /** pedagogischDidactischConcept, experiment (sorted, no doubles) and vveProgramma. */
  kenmerken: ReturnType<typeof kenmerkenStand>;
  /** The content of the version as stored (what GET …/versies shows). */
  inhoud: Record<string, unknown>;
  /** sha256 of the content without the PGN as sent (the same person by BSN or onderwijsnummer is the same state). */
  inhoudHash: string;
  /** Inschrijvingen at other schools that overlap now and did not before: a kennisgeving to both schools. */
  nieuweOverlap: BestaandeInschrijving[];
  /** Changes of school this state makes that it did not make before (no overlap): a kennisgeving to both schools. */
  nieuweSchoolwissels: { andere: BestaandeInschrijving; eigenIs: 'VORIGE_SCHOOL' | 'NIEUWE_SCHOOL' }[];
}

export interface Beoordeling {
  /** Afgekeurd when not empty: nothing may be stored. */
  foutmeldingen: Terugmelding[];
  /** Stored with the inschrijving and answered. */
  meldingen: Terugmelding[];
  /** Null when afgekeurd. */
  nieuweStand: NieuweStand | null;
}

const AFWIJKING: Record<RioPeriodeCheckResult['afwijkingen'][number]['check'], RodCodeName> = {
  VESTIGING_GELDIG: RodCode.vestigingNietGeldig,
  AANBIEDER_RELATIE: RodCode.aanbiederGeenRelatie,
  LOCATIE_GEBRUIK: RodCode.locatieNietInGebruik,
  AANGEBODEN_OPLEIDING: RodCode.geenAangebodenOpleiding,
};

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The questions to RIO for an aanlevering: every periode on its datumBegin (rio.md §9). */
export function rioVragen(a: Pick<Aanlevering, 'instellingscode' | 'inschrijvingPeriodeBO'>): RioPeriodeCheckInput[] {
  return a.inschrijvingPeriodeBO.map((per) => ({
    instellingscode: a.instellingscode,
    vestigingscode: per.vestigingscode,
    onderwijsaanbiedercode: per.onderwijsaanbiedercode,
    onderwijslocatiecode: per.onderwijslocatiecode,
    datum: per.datumBegin,
  }));
}

/** RIO's answers as terugmeldingen: an unknown code is a foutmelding (220), a failed date or link check a melding (222–225). */
export function rioTerugmeldingen(results: RioPeriodeCheckResult[]): Terugmelding[] {
  const out: Terugmelding[] = [];
  results.forEach((r, i) => {
    for (const code of r.onbekend) {
      const veld = code === 'instellingscode' ? '/instellingscode' : `/inschrijvingPeriodeBO/${i}/${code}`;
      out.push(terugmelding(RodCode.vestigingOnbekend, `${code} is onbekend in RIO of hoort niet bij deze instelling (periode ${i + 1}).`, veld));
    }
    for (const a of r.afwijkingen) {
      const veld = a.check === 'VESTIGING_GELDIG' ? 'vestigingscode' : a.check === 'AANBIEDER_RELATIE' ? 'onderwijsaanbiedercode' : 'onderwijslocatiecode';
      out.push(terugmelding(AFWIJKING[a.check], `${a.detail.replace(/\.$/, '')} (periode ${i + 1}).`, `/inschrijvingPeriodeBO/${i}/${veld}`));
    }
  });
  return out;
}

const zonderFouten = (t: Terugmelding[]) => t.filter((x) => !isFout(x));

/**
 * Judges one aanlevering: all foutmeldingen at once (then nothing may be stored, `nieuweStand` null), else the meldingen and
 * the inschrijving as it is after it. The order of the terugmeldingen is the order of the checks below.
 */
export function beoordeel(a: Aanlevering, stand: HuidigeStand, context: BeoordelingContext): Beoordeling {
  const b = beoordeelContract(a, stand, context);
  if (!a.speciaalOnderwijs) return b;
  // The so/vso contract calls its periodes inschrijvingPeriodeSO.
  const so = (t: Terugmelding[]) => t.map((x) => (x.veld?.startsWith('/inschrijvingPeriodeBO/') ? { ...x, veld: x.veld.replace('/inschrijvingPeriodeBO/', '/inschrijvingPeriodeSO/') } : x));
  return { ...b, foutmeldingen: so(b.foutmeldingen), meldingen: so(b.meldingen) };
}

function beoordeelContract(a: Aanlevering, stand: HuidigeStand, context: BeoordelingContext): Beoordeling {
  // PGN: 11-proef, known in the register (210/211/213)
  const pgn = pgnUitkomst(a.persoonsgebondenNummer, stand.persoon);
  const t: Terugmelding[] = [...pgn.terugmeldingen];
  // Code lists (046)
  a.inschrijvingPeriodeBO.forEach((per, i) => {
    if (!GROEPEN.includes(per.groep)) t.push(terugmelding(RodCode.waardenlijstFout, `Groep ${per.groep} staat niet in de waardenlijst (1–8).`, `/inschrijvingPeriodeBO/${i}/groep`));
  });
  if (a.nNCA && !NNCA_WAARDEN.includes(a.nNCA)) t.push(terugmelding(RodCode.waardenlijstFout, `NNCA ${a.nNCA} staat niet in de waardenlijst (1).`, '/nNCA'));
  // Dates and periodes (231–233), TLV (234)
  t.push(...controleerDatums(a.datumInschrijving, a.datumUitschrijving, a.inschrijvingPeriodeBO));
  (a.toelaatbaarheidsverklaring ?? []).forEach((x, i) => {
    if (x.datumEinde && x.datumEinde < x.datumBegin) {
      t.push(terugmelding(RodCode.tlvEindeVoorBegin, `Toelaatbaarheidsverklaring ${x.beschikkingsnummer}: datumEinde ${x.datumEinde} ligt voor datumBegin ${x.datumBegin}.`, `/toelaatbaarheidsverklaring/${i}/datumEinde`));
    }
  });
  // The contract of the school's soort in RIO (290) and the so/vso part (046, 291–296)
  t.push(...contractFout(context.rio[0]?.instellingssoort ?? null, !!a.speciaalOnderwijs, a.instellingscode));
  if (a.speciaalOnderwijs) t.push(...controleerSpeciaalOnderwijs(a.speciaalOnderwijs, (a.toelaatbaarheidsverklaring ?? []).length));
  // Concept, experiment, VVE (046, melding 235)
  t.push(...controleerKenmerken(a, a.datumInschrijving, a.inschrijvingPeriodeBO[0]?.groep));
  // Age (230, WPO art. 39 lid 1)
  const persoon = pgn.persoon;
  if (persoon && voorVierdeVerjaardag(persoon.geboortedatum, a.datumInschrijving)) {
    t.push(terugmelding(RodCode.voorVierdeVerjaardag, 'De leerling is op datumInschrijving nog geen 4 jaar (WPO art. 39 lid 1).', '/datumInschrijving'));
  }
  // RIO (220, 222–225)
  t.push(...rioTerugmeldingen(context.rio));

  if (!persoon || t.some(isFout)) return { foutmeldingen: t.filter(isFout), meldingen: zonderFouten(t), nieuweStand: null };

  // Meldingen on the accepted state: age (251), the 7-day rule (260), overlap with another school (250)
  const huidig = stand.huidig;
  const datumUitschrijving = a.datumUitschrijving ?? null;
  const speciaalOnderwijs = a.speciaalOnderwijs ? speciaalOnderwijsStand(a.speciaalOnderwijs) : null;
  const maxLeeftijd = MAX_LEEFTIJD[speciaalOnderwijs?.schoolsoort ?? 'BO'];
  if (teOudVoorInschrijving(persoon.geboortedatum, a.datumInschrijving, datumUitschrijving, context.vandaag, maxLeeftijd)) {
    const wet = speciaalOnderwijs?.schoolsoort === 'VSO' ? 'WEC, vso' : 'WPO art. 39';
    t.push(terugmelding(RodCode.leerlingTeOud, `De leerling was voor 1 augustus van dit schooljaar al ${maxLeeftijd} jaar (${wet}).`, '/datumInschrijving'));
  }
  if ((!huidig || huidig.datumInschrijving !== a.datumInschrijving) && teLaat(a.datumInschrijving, context.vandaag)) {
    t.push(terugmelding(RodCode.teLaatUitgewisseld, 'De inschrijving is meer dan 7 dagen na datumInschrijving uitgewisseld.', '/datumInschrijving'));
  }
  if (datumUitschrijving && huidig?.datumUitschrijving !== datumUitschrijving && teLaat(datumUitschrijving, context.vandaag)) {
    t.push(terugmelding(RodCode.teLaatUitgewisseld, 'De uitschrijving is meer dan 7 dagen na datumUitschrijving uitgewisseld.', '/datumUitschrijving'));
  }
  const nieuw = { datumInschrijving: a.datumInschrijving, datumUitschrijving };
  const overlap = stand.andere.filter((x) => overlappen(nieuw, x));
  for (const x of overlap) {
    t.push(terugmelding(RodCode.overlapAndereSchool, `De leerling staat in dezelfde periode ingeschreven bij instelling ${x.instellingscode} (vanaf ${x.datumInschrijving}${x.datumUitschrijving ? ` tot en met ${x.datumUitschrijving}` : ''}).`, '/datumInschrijving'));
  }

  const periodes = metEinddatum(a.inschrijvingPeriodeBO, datumUitschrijving);
  const tlv = (a.toelaatbaarheidsverklaring ?? []).map((x) => ({ beschikkingsnummer: x.beschikkingsnummer, datumBegin: x.datumBegin, datumEinde: x.datumEinde ?? null }));
  const ontwikkelingsperspectief = (a.ontwikkelingsperspectief ?? []).map((o) => ({ datumBegin: o.datumBegin, datumEinde: o.datumEinde ?? null }));
  const kenmerken = kenmerkenStand(a);
  const inhoud = {
    instellingscode: a.instellingscode,
    persoonsgebondenNummer: a.persoonsgebondenNummer,
    inschrijvingvolgnummer: a.inschrijvingvolgnummer,
    datumInschrijving: a.datumInschrijving,
    datumUitschrijving,
    nNCA: a.nNCA || null,
    ...(speciaalOnderwijs ? { speciaalOnderwijs } : {}),
    // Only when sent, as the TLV: the hash of an inschrijving without them stays as it was.
    ...(kenmerken.pedagogischDidactischConcept.length ? { pedagogischDidactischConcept: kenmerken.pedagogischDidactischConcept } : {}),
    ...(kenmerken.experiment.length ? { experiment: kenmerken.experiment } : {}),
    ...(kenmerken.vveProgramma ? { vveProgramma: kenmerken.vveProgramma } : {}),
    [speciaalOnderwijs ? 'inschrijvingPeriodeSO' : 'inschrijvingPeriodeBO']: periodes.map((x) => ({
      datumBegin: x.datumBegin,
      vestigingscode: x.vestigingscode,
      onderwijsaanbiedercode: x.onderwijsaanbiedercode,
      onderwijslocatiecode: x.onderwijslocatiecode,
      groep: x.groep,
      leerjaar: x.leerjaar ?? null,
      indicatieBekostiging: x.indicatieBekostiging ?? null,
    })),
    ontwikkelingsperspectief,
    // Only when sent: the content (and its hash) of an inschrijving without TLV stays as it was before TLVs existed.
    ...(tlv.length ? { toelaatbaarheidsverklaring: tlv } : {}),
    // Likewise only when sent: the content of an inschrijving of a pupil who is no nieuwkomer stays as it was.
    ...(a.datumVestigingInNederland ? { datumVestigingInNederland: a.datumVestigingInNederland } : {}),
  };
  // The PGN as sent does not change the state: the person is the same.
  const inhoudHash = sha256(stableStringify({ ...inhoud, persoonsgebondenNummer: null }));
  const gewijzigd = !huidig || huidig.inhoudHash !== inhoudHash;
  // Dubbele inschrijving: a kennisgeving once per newly overlapping pair.
  const vorige = huidig ? { datumInschrijving: huidig.datumInschrijving, datumUitschrijving: huidig.datumUitschrijving } : null;
  return {
    foutmeldingen: [],
    meldingen: t,
    nieuweStand: {
      inschrijvingId: huidig?.id ?? context.nieuwId,
      persoonId: persoon.id,
      nieuw: !huidig,
      gewijzigd,
      versie: gewijzigd ? (huidig?.versie ?? 0) + 1 : huidig!.versie,
      instellingscode: a.instellingscode,
      inschrijvingvolgnummer: a.inschrijvingvolgnummer,
      datumInschrijving: a.datumInschrijving,
      datumUitschrijving,
      nNCA: a.nNCA || null,
      datumVestigingInNederland: a.datumVestigingInNederland || null,
      periodes,
      ontwikkelingsperspectief,
      toelaatbaarheidsverklaringen: tlv,
      speciaalOnderwijs,
      kenmerken,
      inhoud,
      inhoudHash,
      nieuweOverlap: gewijzigd ? overlap.filter((x) => !(vorige && overlappen(vorige, x))) : [],
      nieuweSchoolwissels: gewijzigd ? nieuweWissels(nieuw, vorige, stand.andere) : [],
    },
  };
}

/** Changes of school the new state makes that the previous state (if any) did not: once per pair and direction. */
function nieuweWissels(
  nieuw: { datumInschrijving: string; datumUitschrijving: string | null },
  vorige: { datumInschrijving: string; datumUitschrijving: string | null } | null,
  andere: BestaandeInschrijving[],
) {
  const eerder = new Set(vorige ? schoolwissels(vorige, andere).map((w) => `${w.andere.id}:${w.eigenIs}`) : []);
  return schoolwissels(nieuw, andere).filter((w) => !eerder.has(`${w.andere.id}:${w.eigenIs}`));
}

/** AanleverenVerwijderingInschrijvingBO: which inschrijving to delete, or why not (PGN 210/211, 240); 213 is a melding. */
export function beoordeelVerwijdering(
  v: { instellingscode: string; persoonsgebondenNummer: { burgerservicenummer?: string; onderwijsnummer?: string }; inschrijvingvolgnummer: string },
  stand: Pick<HuidigeStand, 'persoon' | 'huidig'>,
): { foutmeldingen: Terugmelding[]; meldingen: Terugmelding[]; teVerwijderen: BestaandeInschrijving | null } {
  const pgn = pgnUitkomst(v.persoonsgebondenNummer, stand.persoon);
  const t = [...pgn.terugmeldingen];
  if (pgn.persoon && !stand.huidig) {
    t.push(terugmelding(RodCode.volgnummerOnbekend, `Er is geen inschrijving met inschrijvingvolgnummer ${v.inschrijvingvolgnummer} van deze leerling bij instelling ${v.instellingscode}.`, '/inschrijvingvolgnummer'));
  }
  if (!pgn.persoon || t.some(isFout)) return { foutmeldingen: t.filter(isFout), meldingen: zonderFouten(t), teVerwijderen: null };
  return { foutmeldingen: [], meldingen: t, teVerwijderen: stand.huidig };
}
