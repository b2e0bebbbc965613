import { createHash } from 'node:crypto';
import { stableStringify } from '../../common/idempotency/stable-json';
import { isFout, RodCode, RodCodeName, Terugmelding, terugmelding } from '../rod.errors';
import type { RioPeriodeCheckInput, RioPeriodeCheckResult } from '../rio-port';
import { pgnUitkomst, PersoonRij } from '../rules/pgn';
import { beoordeelHeroverweging, controleerToets, Domein, Doorstroomtoets, Heroverweging, REFERENTIENIVEAUS } from './doorstroomtoets';

/**
 * Every rule of AanleverenAdviesVO (rod.md §4.5, PvE §7.9.1) in one pure function: the schooladvies at the end of groep 8.
 * Not here, as with the inschrijving: the machtiging of the sender (403) and the bedrijfsdocument (a resend gets its stored answer).
 */

/** AdviesVO values (rod.md §4.5, §7.9.1.2), lowest first: a definitief advies may not be lower than the voorlopig one (102). */
export const ADVIES_WAARDEN = ['PRAKTIJKONDERWIJS', 'VMBO_BB', 'VMBO_KB', 'VMBO_GL/TL', 'HAVO', 'VWO'] as const;

/** From this adviesjaar onderwijsaanbieder and onderwijslocatie are required (controls 030, 031). */
export const AANBIEDER_VERPLICHT_VANAF = 2024;

export interface AdviesGroep {
  advies: string;
  adviesdatum: string;
}

/** The content of one AanleverenAdviesVO, without its bedrijfsdocument. */
export interface AdviesAanlevering {
  instellingscode: string;
  vestigingscode: string;
  persoonsgebondenNummer: { burgerservicenummer?: string; onderwijsnummer?: string };
  adviesvolgnummer: string;
  adviesjaar: number;
  onderwijsaanbiedercode?: string | null;
  onderwijslocatiecode?: string | null;
  advies1?: AdviesGroep | null;
  advies2?: AdviesGroep | null;
  /** The eindtoets / doorstroomtoets result (doorstroomtoets.ts). */
  doorstroomtoets?: Doorstroomtoets | null;
}

/** A periode of the pupil's inschrijvingen at this school, with its (derived) end date. */
export interface GroepPeriode {
  datumBegin: string;
  datumEinde: string | null;
  groep: number;
}

/** The advies stored for this pupil, school and adviesjaar. */
export interface BestaandAdvies {
  id: string;
  versie: number;
  inhoudHash: string;
}

export interface AdviesStand {
  persoon: PersoonRij | null;
  /** The periodes of the pupil's inschrijvingen at instellingscode. */
  periodes: GroepPeriode[];
  huidig: BestaandAdvies | null;
}

export interface AdviesContext {
  /** RIO's answer to `adviesRioVraag` (null when there was no question). */
  rio: RioPeriodeCheckResult | null;
  nieuwId: string;
}

export interface NieuwAdvies {
  adviesId: string;
  persoonId: string;
  nieuw: boolean;
  gewijzigd: boolean;
  versie: number;
  inhoud: Record<string, unknown>;
  inhoudHash: string;
}

export interface AdviesBeoordeling {
  foutmeldingen: Terugmelding[];
  meldingen: Terugmelding[];
  nieuwAdvies: NieuwAdvies | null;
}

/** First and last day of the schooljaar that ends in `adviesjaar` (1 August to 31 July). */
export function schooljaarVan(adviesjaar: number): { van: string; tot: string } {
  return { van: `${adviesjaar - 1}-08-01`, tot: `${adviesjaar}-07-31` };
}

/** The adviesdatum RIO is asked about: the definitief advies's, else the voorlopig one's. */
const peildatum = (a: AdviesAanlevering) => a.advies2?.adviesdatum ?? a.advies1?.adviesdatum ?? null;

/** The question to RIO (rio.md §9): only when vestiging, aanbieder and locatie are all sent and there is an adviesdatum. */
export function adviesRioVraag(a: AdviesAanlevering): RioPeriodeCheckInput | null {
  const datum = peildatum(a);
  if (!datum || !a.onderwijsaanbiedercode || !a.onderwijslocatiecode) return null;
  return { instellingscode: a.instellingscode, vestigingscode: a.vestigingscode, onderwijsaanbiedercode: a.onderwijsaanbiedercode, onderwijslocatiecode: a.onderwijslocatiecode, datum };
}

const AFWIJKING: Record<RioPeriodeCheckResult['afwijkingen'][number]['check'], [RodCodeName, string]> = {
  VESTIGING_GELDIG: [RodCode.vestigingNietGeldig, '/vestigingscode'],
  AANBIEDER_RELATIE: [RodCode.aanbiederGeenRelatie, '/onderwijsaanbiedercode'],
  LOCATIE_GEBRUIK: [RodCode.locatieNietInGebruik, '/onderwijslocatiecode'],
  AANGEBODEN_OPLEIDING: [RodCode.geenAangebodenOpleiding, '/onderwijslocatiecode'],
};

const inGroep8 = (periodes: GroepPeriode[], datum: string) => periodes.some((p) => p.groep === 8 && p.datumBegin <= datum && (p.datumEinde === null || datum <= p.datumEinde));

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

const rang = (advies: string | undefined) => (advies === undefined ? -1 : (ADVIES_WAARDEN as readonly string[]).indexOf(advies));

/** The heroverweging after the toets of an advies (as sent or as stored), with its meldingen 273 and 274. */
export function heroverwegingVan(a: Pick<AdviesAanlevering, 'advies1' | 'advies2' | 'doorstroomtoets'>): { heroverweging: Heroverweging | null; meldingen: Terugmelding[] } {
  if (!a.doorstroomtoets) return { heroverweging: null, meldingen: [] };
  return beoordeelHeroverweging(rang(a.advies1?.advies), rang(a.advies2?.advies), rang(a.doorstroomtoets.toetsadvies));
}

/** The toets as stored: referentieniveaus only for the domeinen sent. */
function toetsStand(d: Doorstroomtoets) {
  const niveaus = Object.fromEntries((Object.keys(REFERENTIENIVEAUS) as Domein[]).filter((k) => d.referentieniveaus?.[k] != null).map((k) => [k, d.referentieniveaus![k]]));
  return { toets: d.toets, afnamedatum: d.afnamedatum, score: d.score, toetsadvies: d.toetsadvies, referentieniveaus: niveaus };
}

/**
 * Judges one AanleverenAdviesVO: every foutmelding at once (then nothing is stored), else the meldingen and the advies as
 * stored. One advies per pupil, school and adviesjaar: a new message replaces it as a new version.
 */
export function beoordeelAdvies(a: AdviesAanlevering, stand: AdviesStand, context: AdviesContext): AdviesBeoordeling {
  const pgn = pgnUitkomst(a.persoonsgebondenNummer, stand.persoon);
  const t: Terugmelding[] = [...pgn.terugmeldingen];
  // RIO judges the vestiging when asked; without a question only the BRIN4 prefix can be checked.
  if (!context.rio && !a.vestigingscode.startsWith(a.instellingscode)) {
    t.push(terugmelding(RodCode.vestigingOnbekend, `Vestiging ${a.vestigingscode} hoort niet bij instelling ${a.instellingscode}.`, '/vestigingscode'));
  }
  if (a.adviesjaar >= AANBIEDER_VERPLICHT_VANAF) {
    if (!a.onderwijsaanbiedercode) t.push(terugmelding(RodCode.adviesAanbiederOntbreekt, `Vanaf adviesjaar ${AANBIEDER_VERPLICHT_VANAF} is de onderwijsaanbieder verplicht.`, '/onderwijsaanbiedercode'));
    if (!a.onderwijslocatiecode) t.push(terugmelding(RodCode.adviesLocatieOntbreekt, `Vanaf adviesjaar ${AANBIEDER_VERPLICHT_VANAF} is de onderwijslocatie verplicht.`, '/onderwijslocatiecode'));
  }
  const groepen = (['advies1', 'advies2'] as const).filter((k) => a[k]);
  if (!groepen.length) t.push(terugmelding(RodCode.adviesOntbreekt, 'Er is geen advies: stuur advies1 (voorlopig), advies2 (definitief) of beide.', '/advies1'));
  const { van, tot } = schooljaarVan(a.adviesjaar);
  for (const k of groepen) {
    const g = a[k]!;
    if (!(ADVIES_WAARDEN as readonly string[]).includes(g.advies)) {
      t.push(terugmelding(RodCode.waardenlijstFout, `Advies ${g.advies} staat niet in de waardenlijst (${ADVIES_WAARDEN.join(', ')}).`, `/${k}/advies`));
    }
    if (g.adviesdatum < van || g.adviesdatum > tot) {
      t.push(terugmelding(RodCode.adviesdatumBuitenSchooljaar, `Adviesdatum ${g.adviesdatum} ligt buiten schooljaar ${a.adviesjaar - 1}-${a.adviesjaar} (${van} tot en met ${tot}).`, `/${k}/adviesdatum`));
    } else if (pgn.persoon && !inGroep8(stand.periodes, g.adviesdatum)) {
      t.push(terugmelding(RodCode.adviesNietInGroep8, `De leerling zit op ${g.adviesdatum} niet in groep 8 van instelling ${a.instellingscode}.`, `/${k}/adviesdatum`));
    }
  }
  const toets = a.doorstroomtoets;
  if (toets) {
    t.push(...controleerToets(toets, ADVIES_WAARDEN));
    if (toets.afnamedatum < van || toets.afnamedatum > tot) {
      t.push(terugmelding(RodCode.adviesdatumBuitenSchooljaar, `Afnamedatum ${toets.afnamedatum} ligt buiten schooljaar ${a.adviesjaar - 1}-${a.adviesjaar} (${van} tot en met ${tot}).`, '/doorstroomtoets/afnamedatum'));
    } else if (pgn.persoon && !inGroep8(stand.periodes, toets.afnamedatum)) {
      t.push(terugmelding(RodCode.adviesNietInGroep8, `De leerling zit op ${toets.afnamedatum} niet in groep 8 van instelling ${a.instellingscode}.`, '/doorstroomtoets/afnamedatum'));
    }
    t.push(...heroverwegingVan(a).meldingen);
  }
  const r1 = a.advies1 ? ADVIES_WAARDEN.indexOf(a.advies1.advies as (typeof ADVIES_WAARDEN)[number]) : -1;
  const r2 = a.advies2 ? ADVIES_WAARDEN.indexOf(a.advies2.advies as (typeof ADVIES_WAARDEN)[number]) : -1;
  if (r1 >= 0 && r2 >= 0 && r2 < r1) {
    t.push(terugmelding(RodCode.adviesLagerDanVoorlopig, `Het definitieve advies ${a.advies2!.advies} is lager dan het voorlopige advies ${a.advies1!.advies}.`, '/advies2/advies'));
  }
  if (context.rio) {
    for (const code of context.rio.onbekend) t.push(terugmelding(RodCode.vestigingOnbekend, `${code} is onbekend in RIO of hoort niet bij deze instelling.`, `/${code}`));
    for (const x of context.rio.afwijkingen) {
      const [code, veld] = AFWIJKING[x.check];
      t.push(terugmelding(code, x.detail, veld));
    }
  }
  const persoon = pgn.persoon;
  if (!persoon || t.some(isFout)) return { foutmeldingen: t.filter(isFout), meldingen: t.filter((x) => !isFout(x)), nieuwAdvies: null };

  const inhoud = {
    instellingscode: a.instellingscode,
    vestigingscode: a.vestigingscode,
    persoonsgebondenNummer: a.persoonsgebondenNummer,
    adviesvolgnummer: a.adviesvolgnummer,
    adviesjaar: a.adviesjaar,
    onderwijsaanbiedercode: a.onderwijsaanbiedercode ?? null,
    onderwijslocatiecode: a.onderwijslocatiecode ?? null,
    advies1: a.advies1 ? { advies: a.advies1.advies, adviesdatum: a.advies1.adviesdatum } : null,
    advies2: a.advies2 ? { advies: a.advies2.advies, adviesdatum: a.advies2.adviesdatum } : null,
    // Only when sent, so an advies stored before the toets existed keeps its content hash.
    ...(toets ? { doorstroomtoets: toetsStand(toets) } : {}),
  };
  const inhoudHash = sha256(stableStringify({ ...inhoud, persoonsgebondenNummer: null }));
  const huidig = stand.huidig;
  const gewijzigd = !huidig || huidig.inhoudHash !== inhoudHash;
  return {
    foutmeldingen: [],
    meldingen: t,
    nieuwAdvies: {
      adviesId: huidig?.id ?? context.nieuwId,
      persoonId: persoon.id,
      nieuw: !huidig,
      gewijzigd,
      versie: gewijzigd ? (huidig?.versie ?? 0) + 1 : huidig!.versie,
      inhoud,
      inhoudHash,
    },
  };
}
