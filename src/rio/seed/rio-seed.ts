import { formatRioCode, rioCodeNumber, rsinFrom } from '../rules/identifiers';
import type { AanbiederState, BagAdresState, GebruikState, GroepState, InstellingState, LocatieState, OpleidingState, RioDataset, VestigingState } from '../rio.model';
import { emptyDataset } from '../rio.model';
import { PLAATSEN, SCHOOLNAMEN, STRATEN } from './plaatsen';
import { prng, Prng, uuidFrom } from './random';
import { planOvergang } from '../rules/overgang';

/**
 * The seed of the RIO register. Two documented demo besturen (100B001 for las-alfa, 100B002 for
 * las-beta) are the same whatever the seed value; the other besturen are generated from it.
 * small: the demo besturen + 4 generated; national: + 998 generated (≈ 1,000 besturen, 7,000 vestigingen).
 */
export const SEED_SIZES = { small: 4, national: 998 } as const;

const PERMUTATIE = 7919; // prime, coprime to 67,600: walks every BRIN4 once

const brin4Van = (idx: number) => {
  const n = (idx * PERMUTATIE) % 67600;
  return `${String(Math.floor(n / 676)).padStart(2, '0')}${String.fromCharCode(65 + Math.floor((n % 676) / 26))}${String.fromCharCode(65 + (n % 26))}`;
};

interface SchoolSpec {
  bestuur: string;
  brin4: string;
  naam: string;
  soort: 'BAS' | 'SBAS' | 'SPEC';
  richtingen: string[];
  inBedrijf: string;
  plaats: number;
  nevenvestigingen?: { gesloten?: boolean }[];
  naamHistorie?: { tot: string; naam: string };
  concept?: string | null;
  conceptVanaf?: string;
  bijzondereInrichting?: string | null;
  adres?: Partial<BagAdresState>;
  soCluster?: string;
}

class Builder {
  readonly d: RioDataset = emptyDataset();
  private readonly bagSleutels = new Set<string>();
  private bagVolgnummer = 0;
  locatieTeller = 0;
  aanbiederTeller = 0;
  groepTeller = 0;

  constructor(public r: Prng) {}

  /** An onderwijsaanbiedergroep under a bestuur, its members from `begin` (to `eind`), and the bestuur's HIERARCHISCH relatie to it. */
  groep(bestuur: string, naam: string, leden: string[], begin: string, eind: string | null = null): GroepState {
    const g: GroepState = {
      code: formatRioCode('G', ++this.groepTeller),
      onderwijsbestuurcode: bestuur,
      inBedrijfdatum: begin,
      uitBedrijfdatum: eind,
      periodes: [{ begindatum: begin, einddatum: eind, naam, internationaleNaam: null }],
      onderwijsaanbieders: leden.map((onderwijsaanbiedercode) => ({ onderwijsaanbiedercode, begindatum: begin, einddatum: eind })),
    };
    this.d.groepen.push(g);
    this.d.organisatierelaties.push({ vanCode: bestuur, naarCode: g.code, soort: 'HIERARCHISCH', begindatum: begin, einddatum: eind });
    return g;
  }

  bag(plaatsIndex: number, opts: Partial<BagAdresState> = {}): BagAdresState {
    const p = PLAATSEN[plaatsIndex % PLAATSEN.length];
    for (;;) {
      const postcode = opts.postcode ?? `${this.r.int(p.pc[0], p.pc[1])}${this.r.int(0, 99).toString().padStart(2, '0')}${String.fromCharCode(65 + this.r.int(0, 25))}${String.fromCharCode(65 + this.r.int(0, 25))}`;
      const huisnummer = opts.huisnummer ?? this.r.int(1, 250);
      const toevoeging = opts.huisnummertoevoeging ?? '';
      const sleutel = `${postcode}|${huisnummer}|${toevoeging}`;
      if (this.bagSleutels.has(sleutel) || /^[0-9]{4}S[ADS]$/.test(postcode)) {
        if (opts.postcode) throw new Error(`duplicate BAG address ${sleutel}`);
        continue;
      }
      this.bagSleutels.add(sleutel);
      const a: BagAdresState = {
        bagId: `${p.gemeentecode}01${String(++this.bagVolgnummer).padStart(10, '0')}`,
        postcode,
        huisnummer,
        huisnummertoevoeging: toevoeging,
        straatnaam: opts.straatnaam ?? this.r.pick(STRATEN),
        plaatsnaam: p.plaatsnaam,
        gemeentenaam: p.plaatsnaam,
        gpsLatitude: (p.lat + (this.r.next() - 0.5) * 0.05).toFixed(8),
        gpsLongitude: (p.lon + (this.r.next() - 0.5) * 0.05).toFixed(8),
      };
      this.d.bag.push(a);
      return a;
    }
  }

  locatie(adres: BagAdresState): LocatieState {
    const l = { code: formatRioCode('X', ++this.locatieTeller), adres };
    this.d.locaties.push(l);
    return l;
  }

  /** One school: BRIN4 with its vestigingen, each on a locatie used by the bestuur, one aanbieder, and its aanbod. */
  school(s: SchoolSpec): AanbiederState {
    const vrijheid = s.richtingen.includes('OPB') ? 'OPENBAAR' : 'BIJZONDER';
    const instelling: InstellingState = {
      code: s.brin4,
      onderwijsbestuurcode: s.bestuur,
      soort: s.soort,
      vrijheidVanOnderwijs: vrijheid,
      inBedrijfdatum: s.inBedrijf,
      uitBedrijfdatum: null,
      erkenner: 'OCW',
      // Founded in the spring before it opened; the formeel adres is that of the hoofdvestiging (set below).
      stichtingsdatum: `${Number(s.inBedrijf.slice(0, 4)) - 1}-04-01`,
      soCluster: s.soort === 'SPEC' ? (s.soCluster ?? `CLUSTER_${3 + (s.brin4.charCodeAt(3) % 2)}`) : null,
      formeelAdres: null,
      periodes: [{
        begindatum: s.inBedrijf, einddatum: null, naam: s.naam, verkorteNaam: s.naam.slice(0, 30), richtingen: s.richtingen, grondslagen: [...s.richtingen], bekostigingscode: 'BEKOSTIGD',
        wet: s.soort === 'SPEC' ? 'WEC' : 'WPO',
      }],
      besturen: [{ onderwijsbestuurcode: s.bestuur, begindatum: s.inBedrijf, einddatum: null }],
    };
    this.d.instellingen.push(instelling);
    const aanbieder: AanbiederState = {
      code: formatRioCode('A', ++this.aanbiederTeller),
      inBedrijfdatum: s.inBedrijf,
      uitBedrijfdatum: null,
      eigenSleutel: `LAS-${s.brin4}`,
      periodes: s.naamHistorie
        ? [
            { begindatum: s.inBedrijf, einddatum: s.naamHistorie.tot, naam: s.naamHistorie.naam, internationaleNaam: null },
            { begindatum: s.naamHistorie.tot, einddatum: null, naam: s.naam, internationaleNaam: null },
          ]
        : [{ begindatum: s.inBedrijf, einddatum: null, naam: s.naam, internationaleNaam: null }],
      juridischeRelaties: [{ instellingscode: s.brin4, begindatum: s.inBedrijf, einddatum: null }],
      besturen: [{ onderwijsbestuurcode: s.bestuur, begindatum: s.inBedrijf, einddatum: null }],
    };
    this.d.aanbieders.push(aanbieder);
    this.vestiging(s, aanbieder, 0, false);
    (s.nevenvestigingen ?? []).forEach((v, i) => this.vestiging(s, aanbieder, i + 1, v.gesloten ?? false));
    return aanbieder;
  }

  /** A BRIN6 of the school on its own locatie, used by the bestuur and linked to the BRIN6, with an aangeboden opleiding there. */
  vestiging(s: SchoolSpec, aanbieder: AanbiederState, i: number, gesloten: boolean, sluitOp: string | null = null) {
    const adres = this.bag(s.plaats, i === 0 ? s.adres : {});
    const inBedrijf = i === 0 ? s.inBedrijf : addYears(s.inBedrijf, 2);
    const uit = sluitOp ?? (gesloten ? addYears(inBedrijf, 3) : null);
    const vestiging: VestigingState = {
      code: `${s.brin4}${String(i).padStart(2, '0')}`,
      instellingscode: s.brin4,
      hoofdNevenvestiging: i === 0 ? 'HOOFDVESTIGING' : 'NEVENVESTIGING',
      soort: i === 0 ? 'VST' : 'DIS',
      inBedrijfdatum: inBedrijf,
      uitBedrijfdatum: uit,
      adres,
      periodes: [{ begindatum: inBedrijf, einddatum: uit, naam: i === 0 ? s.naam : `${s.naam} dislocatie ${adres.straatnaam}`.slice(0, 80), bekostigingscode: 'BEKOSTIGD' }],
    };
    this.d.vestigingen.push(vestiging);
    if (i === 0) {
      const instelling = this.d.instellingen.find((x) => x.code === s.brin4);
      if (instelling) {
        instelling.formeelAdres = {
          type: 'BINNENLANDS', bagId: adres.bagId, postcode: adres.postcode, huisnummer: adres.huisnummer, huisnummertoevoeging: adres.huisnummertoevoeging,
          straatnaam: adres.straatnaam, plaatsnaam: adres.plaatsnaam, gemeentenaam: adres.gemeentenaam,
        };
      }
    }
    const locatie = this.locatie(adres);
    const gebruik: GebruikState = {
      onderwijsbestuurcode: s.bestuur,
      onderwijslocatiecode: locatie.code,
      inBedrijfdatum: inBedrijf,
      uitBedrijfdatum: uit,
      eigenSleutel: `gebouw-${vestiging.code}`,
      periodes: [{ begindatum: inBedrijf, einddatum: uit, naam: vestiging.periodes[0].naam }],
      relaties: [{ vestigingscode: vestiging.code, begindatum: inBedrijf, einddatum: uit }],
    };
    this.d.gebruiken.push(gebruik);
    this.d.opleidingen.push({ ...this.opleiding(aanbieder, locatie.code, s, inBedrijf, uit), eigenSleutel: `aanbod-${vestiging.code}` });
  }

  private opleiding(a: AanbiederState, locatie: string, s: { soort: string; naam: string; concept?: string | null; conceptVanaf?: string; bijzondereInrichting?: string | null }, begin: string, eind: string | null): OpleidingState {
    const soort = s.soort === 'SPEC' ? (this.r.chance(0.5) ? 'SO' : 'VSO') : 'BO';
    const eenheid = soort === 'SO' ? '1002O0001' : soort === 'VSO' ? '1003O0001' : s.soort === 'SBAS' ? '1001O0003' : '1001O0001';
    const doelgroepen = soort === 'BO' ? [s.soort === 'SBAS' ? 'SBO' : 'BO'] : [this.r.pick(['MOEILIJK_LEREND', 'ZEER_MOEILIJK_OPVOEDBAAR', 'LANGDURIG_ZIEK', 'AUTISME'])];
    const concept = s.concept === undefined ? (soort === 'BO' && this.r.chance(0.25) ? this.r.pick(['MONTESSORI', 'DALTON', 'JENAPLAN', 'VRIJESCHOOL', 'FREINET']) : null) : s.concept;
    const inrichting = s.bijzondereInrichting === undefined ? (this.r.chance(0.08) ? 'UNESCO' : null) : s.bijzondereInrichting;
    const naam = soort === 'BO' ? 'Basisonderwijs' : soort === 'SO' ? 'Speciaal onderwijs' : 'Voortgezet speciaal onderwijs';
    const periode = (begindatum: string, einddatum: string | null, onderwijsconcept: string | null) => ({
      begindatum, einddatum, eigenNaam: `${naam} ${s.naam}`.slice(0, 225), internationaleNaam: null, omschrijving: null, onderwijsconcept, doorlopendeLeerlijn: null, bijzondereInrichting: inrichting,
      samenwerkendeOnderwijsaanbiedercodes: [] as string[],
    });
    const periodes = concept && s.conceptVanaf && s.conceptVanaf > begin && (eind == null || s.conceptVanaf < eind)
      ? [periode(begin, s.conceptVanaf, null), periode(s.conceptVanaf, eind, concept)]
      : [periode(begin, eind, concept)];
    return {
      code: uuidFrom(this.r), onderwijsaanbiedercode: a.code, onderwijslocatiecode: locatie, opleidingseenheidcode: eenheid, soort, begindatum: begin, einddatum: eind,
      eersteInstroomdatum: null,
      // A closing vestiging takes no new pupils in its last year.
      laatsteInstroomdatum: eind ? addYears(eind, -1) : null,
      // vso runs up to age 20: a longer opleidingsduur than the unit's.
      afwijkendeOpleidingsduur: soort === 'VSO' ? { eenheid: 'J', omvang: 6 } : null,
      doelgroepen, eigenSleutel: null, periodes,
    };
  }
}

/**
 * Samenwerkende onderwijsaanbieders (po-po combination schools): 100A002 (OBS Het Kompas) with 100A001 in the demo, and
 * every 25th generated aanbieder with the one before it, where that one is in bedrijf when the aanbod begins.
 */
function samenwerking(d: RioDataset) {
  const aanbieders = new Map(d.aanbieders.map((a) => [a.code, a]));
  for (const o of d.opleidingen) {
    if (o.soort !== 'BO') continue;
    const nr = rioCodeNumber(o.onderwijsaanbiedercode);
    const partner = o.onderwijsaanbiedercode === '100A002' ? '100A001' : nr > 6 && nr % 25 === 0 ? formatRioCode('A', nr - 1) : null;
    const a = partner ? aanbieders.get(partner) : undefined;
    if (!a || a.inBedrijfdatum > o.begindatum || a.uitBedrijfdatum != null) continue;
    for (const p of o.periodes) p.samenwerkendeOnderwijsaanbiedercodes = [a.code];
  }
}

/** Every aanbieder an ALGEMEEN contactadres (e-mail and web), every bestuur a FACTURATIE one (e-mail), every groep an ALGEMEEN one (web); .example domains only. */
function contactadressen(d: RioDataset) {
  for (const a of d.aanbieders) {
    const brin = a.juridischeRelaties[0].instellingscode.toLowerCase();
    d.contactadressen.push({
      code: a.code, context: 'ALGEMEEN', subcontextnummer: 1, begindatum: a.inBedrijfdatum, einddatum: a.uitBedrijfdatum, subcontext: null, types: ['EMAIL', 'WEB'],
      eMailadres: `info@${brin}.school.example`, telefoonnummer: null, webadres: `https://${brin}.school.example`, contactnaam: null,
    });
  }
  for (const b of d.besturen) {
    d.contactadressen.push({
      code: b.code, context: 'FACTURATIE', subcontextnummer: 1, begindatum: b.inBedrijfdatum, einddatum: b.uitBedrijfdatum, subcontext: null, types: ['EMAIL'],
      eMailadres: `administratie@${b.code.toLowerCase()}.bestuur.example`, telefoonnummer: null, webadres: null, contactnaam: 'Administratie',
    });
  }
  for (const g of d.groepen) {
    d.contactadressen.push({
      code: g.code, context: 'ALGEMEEN', subcontextnummer: 1, begindatum: g.inBedrijfdatum, einddatum: g.uitBedrijfdatum, subcontext: null, types: ['WEB'],
      eMailadres: null, telefoonnummer: null, webadres: `https://${g.code.toLowerCase()}.groep.example`, contactnaam: null,
    });
  }
}

/** The id of the small seed's overgang of 02AC (README). */
export const SEED_OVERGANG_02AC = '00000000-0000-4000-8000-00000000002c';

/**
 * One overgang of the seed, planned and written as POST /overgangen does (rules/overgang.ts): the BRIN4 with its
 * vestigingen, aanbieders and locatiegebruik goes over to bestuur `naar` on `overgangsdatum`, registered three months
 * before. False when the plan finds the overgang not possible.
 */
function voerOvergangUit(d: RioDataset, instelling: RioDataset['instellingen'][number], naar: string, overgangsdatum: string, id: string): boolean {
  const van = instelling.onderwijsbestuurcode!;
  const vestigingscodes = d.vestigingen.filter((v) => v.instellingscode === instelling.code).map((v) => v.code);
  const aanbieders = d.aanbieders.filter((a) => a.juridischeRelaties.some((x) => x.instellingscode === instelling.code));
  const locaties = new Set(d.gebruiken.filter((g) => g.relaties.some((x) => vestigingscodes.includes(x.vestigingscode))).map((g) => g.onderwijslocatiecode));
  const gebruiken = d.gebruiken.filter((g) => locaties.has(g.onderwijslocatiecode) && (g.onderwijsbestuurcode === van || g.onderwijsbestuurcode === naar));
  const bestuur = d.besturen.find((x) => x.code === naar)!;
  const { plan } = planOvergang(
    { instellingscode: instelling.code, naarOnderwijsbestuurcode: naar, overgangsdatum },
    {
      instelling, naar: bestuur, overgangsdata: [], vestigingscodes, aanbieders,
      andereRelaties: aanbieders.flatMap((a) => a.juridischeRelaties.filter((x) => x.instellingscode !== instelling.code).map((x) => ({ ...x, onderwijsaanbiedercode: a.code, bestuurOpDatum: null }))),
      gebruiken,
      groepen: d.groepen.filter((g) => g.onderwijsaanbieders.some((l) => aanbieders.some((a) => a.code === l.onderwijsaanbiedercode))),
    },
  );
  if (!plan) return false;
  const vervang = <T>(lijst: T[], oud: T[], nieuw: T[]) => [...lijst.filter((x) => !oud.includes(x)), ...nieuw];
  d.instellingen[d.instellingen.indexOf(instelling)] = plan.instelling;
  d.aanbieders = vervang(d.aanbieders, aanbieders, plan.aanbieders);
  d.groepen = d.groepen.map((g) => plan.groepen.find((x) => x.code === g.code) ?? g);
  const weg = new Set(plan.verwijderdeGebruiken.map((g) => `${g.onderwijsbestuurcode}/${g.onderwijslocatiecode}`));
  d.gebruiken = vervang(d.gebruiken, gebruiken, plan.gebruiken).filter((g) => !weg.has(`${g.onderwijsbestuurcode}/${g.onderwijslocatiecode}`));
  const geregistreerd = new Date(`${overgangsdatum}T09:00:00Z`);
  geregistreerd.setUTCMonth(geregistreerd.getUTCMonth() - 3);
  d.overgangen.push({
    id, soort: 'OVERGANG_VOLLEDIG', instellingscode: instelling.code, vanOnderwijsbestuurcode: van, naarOnderwijsbestuurcode: naar, overgangsdatum,
    vestigingscodes, onderwijsaanbiedercodes: plan.aanbieders.map((a) => a.code), onderwijslocatiecodes: plan.onderwijslocatiecodes, geregistreerdOp: geregistreerd,
  });
  return true;
}

/**
 * National seed: every 100th generated bestuur hands its first school to the next bestuur (the open-data overgangen):
 * alternately on 1 August 2024 (past) and 1 January 2027 (planned). Ids from their own generator: the rest of the seed
 * is unchanged.
 */
function overgangen(d: RioDataset, seed: number) {
  const r = prng(seed * 31 + 7);
  const besturen = new Set(d.besturen.map((b) => b.code));
  let k = 0;
  for (const b of d.besturen) {
    const n = rioCodeNumber(b.code);
    const naar = formatRioCode('B', n + 1);
    if (n < 3 || n % 100 !== 50 || !besturen.has(naar)) continue;
    const instelling = d.instellingen.find((i) => i.onderwijsbestuurcode === b.code);
    if (!instelling) continue;
    const overgangsdatum = k++ % 2 === 0 ? '2024-08-01' : '2027-01-01';
    voerOvergangUit(d, instelling, naar, overgangsdatum, uuidFrom(r));
  }
}

const addYears = (d: string, n: number) => `${Number(d.slice(0, 4)) + n}${d.slice(4)}`;

/**
 * The first day of the schooljaar after `vandaag` (1 August): the small seed's 01AA01 closes then (uitBedrijfdatum, the
 * persona sluitendeVestiging), so a sandbox always has a vestiging that is open now and closes on a known date.
 */
export function sluitdatumDislocatie(vandaag: string): string {
  const [y, m] = vandaag.split('-').map(Number);
  return `${m >= 8 ? y + 1 : y}-08-01`;
}

/** The documented demo data (README): fixed codes, names and addresses; `vandaag` (small seed) sets 01AA01's closing date. */
function demo(b: Builder, vandaag: string | null) {
  b.d.besturen.push(
    { code: '100B001', bevoegdGezagNummer: '10001', kvkNummer: '41000001', rsin: rsinFrom('80000001'), besturendeOrganisatiesoort: 'BINS', inBedrijfdatum: '1996-08-01', uitBedrijfdatum: null, periodes: [{ begindatum: '1996-08-01', einddatum: null, naam: 'Stichting Openbaar Onderwijs Utrecht-Oost', internationaleNaam: null }] },
    { code: '100B002', bevoegdGezagNummer: '10002', kvkNummer: '41000002', rsin: rsinFrom('80000003'), besturendeOrganisatiesoort: 'BINS', inBedrijfdatum: '1998-08-01', uitBedrijfdatum: null, periodes: [{ begindatum: '1998-08-01', einddatum: null, naam: 'Vereniging Christelijk Onderwijs Eemland', internationaleNaam: 'Christian Education Eemland' }] },
  );
  const utrecht = PLAATSEN.findIndex((p) => p.plaatsnaam === 'Utrecht');
  const amersfoort = PLAATSEN.findIndex((p) => p.plaatsnaam === 'Amersfoort');
  const regenboogSpec: SchoolSpec = { bestuur: '100B001', brin4: '01AA', naam: 'OBS De Regenboog', soort: 'BAS', richtingen: ['OPB'], inBedrijf: '1996-08-01', plaats: utrecht, naamHistorie: { tot: '2020-08-01', naam: 'Openbare Basisschool Regenboog' }, concept: 'JENAPLAN', bijzondereInrichting: null, adres: { postcode: '3581AA', huisnummer: 1, straatnaam: 'Regenbooglaan' } };
  const regenboog = b.school(regenboogSpec);
  b.school({ bestuur: '100B001', brin4: '01AB', naam: 'OBS Het Kompas', soort: 'BAS', richtingen: ['OPB'], inBedrijf: '2004-08-01', plaats: utrecht, concept: null, bijzondereInrichting: null, adres: { postcode: '3582BB', huisnummer: 12, straatnaam: 'Kompasstraat' } });
  b.school({ bestuur: '100B001', brin4: '01AC', naam: 'SBO De Sprong', soort: 'SBAS', richtingen: ['OPB'], inBedrijf: '1998-08-01', plaats: utrecht, concept: null, bijzondereInrichting: null, adres: { postcode: '3583CC', huisnummer: 5, straatnaam: 'Sprongweg' } });
  b.school({ bestuur: '100B002', brin4: '02AA', naam: 'CBS De Wegwijzer', soort: 'BAS', richtingen: ['PC'], inBedrijf: '1998-08-01', plaats: amersfoort, concept: null, bijzondereInrichting: 'UNESCO', adres: { postcode: '3811AA', huisnummer: 3, straatnaam: 'Wegwijzerplein' } });
  const ontdekkingSpec: SchoolSpec = { bestuur: '100B002', brin4: '02AB', naam: 'Montessorischool De Ontdekking', soort: 'BAS', richtingen: ['PC', 'RK'], inBedrijf: '2000-08-01', plaats: amersfoort, concept: 'MONTESSORI', conceptVanaf: '2010-08-01', bijzondereInrichting: null, adres: { postcode: '3812BB', huisnummer: 7, straatnaam: 'Ontdekkingsreis' } };
  const ontdekking = b.school(ontdekkingSpec);
  b.school({ bestuur: '100B001', brin4: '02AC', naam: 'School voor SO De Brug', soort: 'SPEC', soCluster: 'CLUSTER_4', richtingen: ['PC'], inBedrijf: '2002-08-01', plaats: amersfoort, concept: null, bijzondereInrichting: null, adres: { postcode: '3813CC', huisnummer: 20, straatnaam: 'Brugstraat' } });
  // 02AC was founded by 100B001 and went over to 100B002 on 1 August 2010 (an overgang of the open data), so the small
  // data has the bestuur of a school changing on a date: 100B001 on teldata before, 100B002 from then on.
  if (!voerOvergangUit(b.d, b.d.instellingen.find((i) => i.code === '02AC')!, '100B002', '2010-08-01', SEED_OVERGANG_02AC)) throw new Error('the overgang of 02AC cannot be planned');
  // Nevenvestigingen after the hoofdvestigingen, so 01AA00…02AC00 sit on 100X001…100X006.
  b.vestiging(regenboogSpec, regenboog, 1, false, vandaag ? sluitdatumDislocatie(vandaag) : null); // 01AA01 on 100X007
  b.vestiging(ontdekkingSpec, ontdekking, 1, true); // 02AB01 on 100X008, closed 2005-08-01
  // Free BAG addresses for registering new onderwijslocaties (README).
  b.bag(utrecht, { postcode: '3581AB', huisnummer: 10, straatnaam: 'Nieuwbouwlaan' });
  b.bag(utrecht, { postcode: '3581AB', huisnummer: 12, straatnaam: 'Nieuwbouwlaan' });
  b.bag(amersfoort, { postcode: '3811AB', huisnummer: 1, huisnummertoevoeging: 'A', straatnaam: 'Stationsplein' });
  // The persona nietAangeslotenSchool: a school of its own (its BRON aansluiting lies after the seed date), so the other
  // demo schools, among them the only SO school 02AC, take inschrijvingen from the first day.
  b.school({ bestuur: '100B002', brin4: '02AD', naam: 'CBS Het Startpunt', soort: 'BAS', richtingen: ['PC'], inBedrijf: '2012-08-01', plaats: amersfoort, concept: null, bijzondereInrichting: null, adres: { postcode: '3814DD', huisnummer: 9, straatnaam: 'Startbaan' } }); // 02AD00, 100A007 on 100X009 (last, so the data above is unchanged)
  // Onderwijsaanbiedergroepen of 100B001: the two Utrecht schools grouped until 2020, then with the sbo school in a new
  // groep that the old one went over into (OVERGANG), each under the bestuur (HIERARCHISCH).
  const oud = b.groep('100B001', 'Scholengroep Utrecht-Oost', ['100A001', '100A002'], '2004-08-01', '2020-08-01'); // 100G001
  const nieuw = b.groep('100B001', 'Kindcentra Utrecht-Oost', ['100A001', '100A002', '100A003'], '2020-08-01'); // 100G002
  b.d.organisatierelaties.push({ vanCode: oud.code, naarCode: nieuw.code, soort: 'OVERGANG', begindatum: '2020-08-01', einddatum: null });
}

const RICHTINGEN = [['OPB'], ['OPB'], ['OPB'], ['PC'], ['PC'], ['RK'], ['RK'], ['ABZ'], ['PC', 'RK'], ['REF'], ['ISL'], ['ASF']];
const PREFIX: Record<string, string> = { OPB: 'OBS', PC: 'CBS', RK: 'RKBS', ABZ: 'Basisschool', REF: 'Reformatorische basisschool', ISL: 'Islamitische basisschool', ASF: 'Vrije School' };

/** Builds the whole data set in memory; written with one INSERT per table. */
export function buildDataset(scale: 'small' | 'national', seed: number, vandaag: string | null = null): { dataset: RioDataset; tellers: { A: number; B: number; G: number; X: number } } {
  const r = prng(seed * 2654435761 + 17);
  const b = new Builder(prng(1));
  demo(b, scale === 'small' ? vandaag : null);
  // From here the data depends on the seed value.
  b.r = r;
  const reserved = new Set(b.d.instellingen.map((i) => i.code));
  let brinIndex = 1 + (seed % 1000);
  const volgendeBrin = () => {
    for (;;) {
      const code = brin4Van(brinIndex++);
      if (!reserved.has(code) && !code.startsWith('00')) return code;
    }
  };
  const extra = SEED_SIZES[scale];
  for (let n = 3; n < 3 + extra; n++) {
    const code = formatRioCode('B', n);
    const plaats = r.int(0, PLAATSEN.length - 1);
    const inBedrijf = `${r.int(1990, 2012)}-08-01`;
    const hoofdrichting = r.pick(RICHTINGEN);
    b.d.besturen.push({
      code,
      bevoegdGezagNummer: String(20000 + ((n * 7919 + seed) % 70000)).padStart(5, '0'),
      kvkNummer: String(50000000 + n * 37 + (seed % 37)).padStart(8, '0'),
      rsin: rsinFrom(String(81000000 + n * 13)) ?? rsinFrom(String(81000000 + n * 13 + 1)),
      besturendeOrganisatiesoort: 'BINS',
      inBedrijfdatum: inBedrijf,
      uitBedrijfdatum: null,
      periodes: [{ begindatum: inBedrijf, einddatum: null, naam: `Stichting ${hoofdrichting[0] === 'OPB' ? 'Openbaar' : 'Bijzonder'} Primair Onderwijs ${PLAATSEN[plaats].plaatsnaam} ${n}`.slice(0, 80), internationaleNaam: null }],
    });
    const scholen = scale === 'small' ? r.int(2, 3) : r.int(1, 11);
    for (let s = 0; s < scholen; s++) {
      const soortKans = r.next();
      const soort = soortKans < 0.05 ? 'SPEC' : soortKans < 0.1 ? 'SBAS' : 'BAS';
      const richtingen = r.chance(0.8) ? hoofdrichting : r.pick(RICHTINGEN);
      const naam = `${soort === 'SPEC' ? 'School voor SO' : soort === 'SBAS' ? 'SBO' : PREFIX[richtingen[0]]} ${r.pick(SCHOOLNAMEN)}`;
      const schoolBegin = `${r.int(Number(inBedrijf.slice(0, 4)), 2020)}-08-01`;
      b.school({
        bestuur: code,
        brin4: volgendeBrin(),
        naam,
        soort,
        richtingen,
        inBedrijf: schoolBegin,
        plaats: r.chance(0.85) ? plaats : r.int(0, PLAATSEN.length - 1),
        nevenvestigingen: r.chance(0.17) ? [{ gesloten: r.chance(0.1) }] : [],
      });
    }
  }
  // Every 20th generated bestuur with two or more aanbieders groups them, from the day the last of them opened.
  for (let n = 20; n < 3 + extra; n += 20) {
    const code = formatRioCode('B', n);
    const leden = b.d.aanbieders.filter((a) => a.besturen[0].onderwijsbestuurcode === code);
    if (leden.length < 2) continue;
    const begin = leden.map((a) => a.inBedrijfdatum).sort().at(-1)!;
    b.groep(code, `Scholengroep ${b.d.besturen.find((x) => x.code === code)!.periodes[0].naam}`.slice(0, 80), leden.map((a) => a.code), begin);
  }
  samenwerking(b.d);
  contactadressen(b.d);
  if (scale === 'national') overgangen(b.d, seed);
  // Some spare BAG addresses, for new onderwijslocaties.
  for (let i = 0; i < Math.ceil(b.d.locaties.length / 10); i++) b.bag(r.int(0, PLAATSEN.length - 1));
  return { dataset: b.d, tellers: { A: b.aanbiederTeller, B: 2 + extra, G: b.groepTeller, X: b.locatieTeller } };
}
