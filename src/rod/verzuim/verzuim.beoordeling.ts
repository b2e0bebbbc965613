import { isFout, RodCode, Terugmelding, terugmelding } from '../rod.errors';
import { pgnUitkomst, PersoonRij } from '../rules/pgn';

/**
 * Every rule of a verzuimmelding (rod.md §3 #7, §10) in one pure function. Not here: the machtiging of the sender (403)
 * and the bedrijfsdocument (a resend gets its stored answer).
 */

/**
 * Soorten verzuim (proposed; DUO's verzuimloket names these kinds): ZESTIEN_UUR = 16 uur ongeoorloofd verzuim in 4
 * opeenvolgende lesweken (Leerplichtwet art. 21), LUXEVERZUIM = vakantie buiten de schoolvakanties zonder verlof,
 * SIGNAALVERZUIM = zorgwekkend verzuim onder de 16 uur (regelmatig te laat, steeds een uur weg).
 */
export const SOORTEN_VERZUIM = ['ZESTIEN_UUR', 'LUXEVERZUIM', 'SIGNAALVERZUIM'] as const;

export interface VerzuimAanlevering {
  instellingscode: string;
  persoonsgebondenNummer: { burgerservicenummer?: string; onderwijsnummer?: string };
  soortVerzuim: string;
  datumBegin: string;
  /** Absent: the one day datumBegin. */
  datumEinde?: string | null;
}

/** An inschrijving of the pupil, at any school. */
export interface VerzuimInschrijving {
  instellingscode: string;
  datumInschrijving: string;
  datumUitschrijving: string | null;
}

/** An earlier verzuimmelding of the pupil at this school. */
export interface EerdereVerzuimmelding {
  meldingsnummer: string;
  datumBegin: string;
  datumEinde: string | null;
}

export interface VerzuimStand {
  persoon: PersoonRij | null;
  /** Every inschrijving of the pupil in ROD (all schools). */
  inschrijvingen: VerzuimInschrijving[];
  eerdere: EerdereVerzuimmelding[];
}

export interface VerzuimContext {
  /** The register is closed for this school (the BRON freeze, or before its aansluiting): only pupils already in ROD. */
  registerGesloten: boolean;
}

export interface VerzuimBeoordeling {
  foutmeldingen: Terugmelding[];
  meldingen: Terugmelding[];
  /** The person to store it for; null when afgekeurd. */
  persoonId: string | null;
}

/** Without datumEinde a verzuim is the one day datumBegin. */
const overlapt = (a: { datumBegin: string; datumEinde: string | null }, b: { datumBegin: string; datumEinde: string | null }) =>
  b.datumBegin <= (a.datumEinde ?? a.datumBegin) && a.datumBegin <= (b.datumEinde ?? b.datumBegin);

/** Judges one verzuimmelding: every foutmelding at once, else its meldingen. */
export function beoordeelVerzuim(v: VerzuimAanlevering, stand: VerzuimStand, context: VerzuimContext): VerzuimBeoordeling {
  const pgn = pgnUitkomst(v.persoonsgebondenNummer, stand.persoon);
  const t: Terugmelding[] = [...pgn.terugmeldingen];
  if (!(SOORTEN_VERZUIM as readonly string[]).includes(v.soortVerzuim)) {
    t.push(terugmelding(RodCode.waardenlijstFout, `Soort verzuim ${v.soortVerzuim} staat niet in de waardenlijst (${SOORTEN_VERZUIM.join(', ')}).`, '/soortVerzuim'));
  }
  const einde = v.datumEinde ?? null;
  if (einde && einde < v.datumBegin) t.push(terugmelding(RodCode.verzuimEindeVoorBegin, `datumEinde ${einde} ligt voor datumBegin ${v.datumBegin}.`, '/datumEinde'));
  if (pgn.persoon) {
    if (context.registerGesloten && stand.inschrijvingen.length === 0) {
      t.push(terugmelding(RodCode.verzuimRegisterGesloten, 'Het register is gesloten voor de overgang van BRON naar ROD: verzuim alleen voor leerlingen die al in ROD staan.', '/persoonsgebondenNummer'));
    } else {
      const laatste = einde && einde >= v.datumBegin ? einde : v.datumBegin;
      const ingeschreven = stand.inschrijvingen.some(
        (i) => i.instellingscode === v.instellingscode && i.datumInschrijving <= v.datumBegin && (i.datumUitschrijving === null || laatste <= i.datumUitschrijving),
      );
      if (!ingeschreven) {
        t.push(terugmelding(RodCode.verzuimGeenInschrijving, `De leerling staat niet de hele verzuimperiode (${v.datumBegin}${einde ? ` tot en met ${einde}` : ''}) ingeschreven bij instelling ${v.instellingscode}.`, '/datumBegin'));
      }
    }
  }
  if (!pgn.persoon || t.some(isFout)) return { foutmeldingen: t.filter(isFout), meldingen: t.filter((x) => !isFout(x)), persoonId: null };
  for (const e of stand.eerdere) {
    if (overlapt({ datumBegin: v.datumBegin, datumEinde: einde }, e)) {
      t.push(terugmelding(RodCode.verzuimOverlap, `Over een deel van deze periode is al verzuim gemeld (meldingsnummer ${e.meldingsnummer}).`, '/datumBegin'));
    }
  }
  return { foutmeldingen: [], meldingen: t, persoonId: pgn.persoon.id };
}
