import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SandboxDataRegistry, SeedContext } from '../common/sandbox/sandbox-data.registry';
import { DEMO_CLIENTS } from '../beheer';
import { beginSchooljaar, plusDagen, plusJaren, vroegsteDatum } from './rules/datum';
import { createHash } from 'node:crypto';
import { bsnMetControlecijfer, type PersoonRij } from './rules/pgn';
import { speciaalOnderwijsStand, type SpeciaalOnderwijsGegevens } from './rules/speciaal-onderwijs';
import { beoordeelAdvies } from './adviezen/advies.beoordeling';
import { InschrijvingenRepository, type InschrijvingRij } from './inschrijvingen/inschrijvingen.repository';
import { RodRioPort } from './rio-port';

/** Deterministic generator (mulberry32): the same seed value gives the same persons. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ACHTERNAMEN = ['Jansen', 'de Vries', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'Dekker', 'Brouwer', 'Yilmaz', 'El Amrani', 'Nguyen', 'Kowalski'];
const VOORNAMEN_M = ['Daan', 'Sem', 'Noah', 'Liam', 'Lucas', 'Finn', 'Milan', 'Levi', 'Adam', 'Mohammed'];
const VOORNAMEN_V = ['Emma', 'Julia', 'Mila', 'Tess', 'Sophie', 'Zoë', 'Nora', 'Sara', 'Yara', 'Fenna'];
const PLAATSEN = ['Groningen', 'Zwolle', 'Utrecht', 'Tilburg', 'Almere'];

/** The documented test personas (README, section ROD): fixed numbers that trigger each answer. */
export const PERSONAS = {
  bekend: { bsn: '999990019', geboortedatum: '2018-03-15', geslacht: 'V', achternaam: 'Vries', voorvoegsels: 'de', voornamen: 'Eva' },
  geboortedatumWijktAf: { bsn: '999990020', geboortedatum: '2017-06-01', geslacht: 'M', achternaam: 'Bakker', voornamen: 'Sem' },
  teJong: { bsn: '999990032', geslacht: 'V', achternaam: 'Smit', voornamen: 'Lotte' },
  teOud: { bsn: '999990044', geslacht: 'M', achternaam: 'Visser', voornamen: 'Thijs' },
  dubbeleInschrijving: { bsn: '999990056', geboortedatum: '2016-09-09', geslacht: 'V', achternaam: 'Mulder', voornamen: 'Noor' },
  onderwijsnummerMetBsn: { bsn: '999990068', onderwijsnummer: '100000016', geboortedatum: '2017-02-14', geslacht: 'M', achternaam: 'Yilmaz', voornamen: 'Emre' },
  alleenOnderwijsnummer: { onderwijsnummer: '100000028', geboortedatum: '2018-11-30', geslacht: 'V', achternaam: 'Kowalski', voornamen: 'Zofia', landcode: '9089' },
  onvolledigeGeboortedatum: { onderwijsnummer: '100000041', geboortedatum: '2016-00-00', geslacht: 'M', achternaam: 'Haile', voornamen: 'Dawit', landcode: '5010' },
  voorbeeld: { bsn: '999990081', geboortedatum: '2019-05-20', geslacht: 'M', achternaam: 'Jansen', voornamen: 'Daan' },
  wordtVierVolgendeWeek: { bsn: '999990093', geslacht: 'M', achternaam: 'Brouwer', voornamen: 'Olivier' },
  wordtVeertien: { bsn: '999990111', geslacht: 'V', achternaam: 'Dekker', voornamen: 'Isa' },
  schooladvies: { bsn: '999990123', geboortedatum: '2013-06-12', geslacht: 'V', achternaam: 'Bos', voornamen: 'Liv' },
} as const;

/**
 * The schooladvies persona's inschrijving: groep 8 of 01AA throughout schooljaar 2025-2026 (fixed dates, like her
 * geboortedatum), so an AanleverenAdviesVO for adviesjaar 2026 (the OpenAPI example) finds her in groep 8.
 */
export const SCHOOLADVIES_INSCHRIJVING = { instellingscode: '01AA', datumInschrijving: '2025-08-01', datumUitschrijving: '2026-07-31', groep: 8 } as const;

/**
 * The geboortedatum of an age-sensitive persona, relative to the sandbox's today when it was seeded: te jong turns 4 in
 * 30 days, wordt vier volgende week turns 4 in 7 days, te oud turned 15 today, wordt veertien turns 14 on the last day of
 * the current schooljaar (31 July). Other personas have a fixed geboortedatum.
 */
export function personaGeboortedatum(persona: keyof typeof PERSONAS, vandaag: string): string {
  switch (persona) {
    case 'teJong':
      return plusDagen(plusJaren(vandaag, -4), 30);
    case 'wordtVierVolgendeWeek':
      return plusJaren(plusDagen(vandaag, 7), -4);
    case 'teOud':
      return plusJaren(vandaag, -15);
    case 'wordtVeertien':
      return plusJaren(plusDagen(plusJaren(beginSchooljaar(vandaag), 1), -1), -14);
    default:
      return (PERSONAS[persona] as { geboortedatum: string }).geboortedatum;
  }
}

/** Demo schools of the small RIO seed with a valid periode combination (checked against RIO when seeding). */
export const DEMO_SCHOLEN = [
  { instellingscode: '01AA', vestigingscode: '01AA00', onderwijsaanbiedercode: '100A001', onderwijslocatiecode: '100X001' },
  { instellingscode: '01AB', vestigingscode: '01AB00', onderwijsaanbiedercode: '100A002', onderwijslocatiecode: '100X002' },
  { instellingscode: '02AA', vestigingscode: '02AA00', onderwijsaanbiedercode: '100A004', onderwijslocatiecode: '100X004' },
  { instellingscode: '02AB', vestigingscode: '02AB00', onderwijsaanbiedercode: '100A005', onderwijslocatiecode: '100X005' },
];
const PER_SCHOOL = 20;

/** The small seed's school for (voortgezet) speciaal onderwijs (RIO soort SPEC, CLUSTER_4, bestuur 100B002). */
export const DEMO_SO_SCHOOL = { instellingscode: '02AC', vestigingscode: '02AC00', onderwijsaanbiedercode: '100A006', onderwijslocatiecode: '100X006' };

/** One so/vso pupil of the small seed at DEMO_SO_SCHOOL: age on the 1 August the schooljaar of the seed date began. */
interface SoVsoLeerling {
  leeftijd: number;
  geboorte: string;
  geslacht: 'M' | 'V';
  achternaam: string;
  voornamen: string;
  so: SpeciaalOnderwijsGegevens;
  /** vso: the leerjaar of the vso (vso has no groepen; the periode carries groep 8). */
  leerjaar?: number;
}

/**
 * The so and vso pupils of the small seed, all at 02AC from 1 August (cluster 4, as RIO's soCluster of 02AC; admitted on a
 * toelaatbaarheidsverklaring valid to the end of the next schooljaar). Their BSNs lie in the test range below the generated
 * ones (99999050x…) so the 300 generated persons and their bo inschrijvingen stay as they were.
 */
export const SO_VSO_LEERLINGEN: SoVsoLeerling[] = [
  { leeftijd: 6, geboorte: '03-14', geslacht: 'M', achternaam: 'Kramer', voornamen: 'Jesse', so: { schoolsoort: '1', cluster: 4, soortOnderwijs: 'AUTISME', soortVerblijf: 'REGULIER' } },
  { leeftijd: 8, geboorte: '10-02', geslacht: 'V', achternaam: 'Prins', voornamen: 'Lieke', so: { schoolsoort: '1', cluster: 4, soortOnderwijs: 'ZEER_MOEILIJK_OPVOEDBAAR', soortVerblijf: 'REGULIER' } },
  { leeftijd: 9, geboorte: '05-21', geslacht: 'M', achternaam: 'Wouters', voornamen: 'Bram', so: { schoolsoort: '1', cluster: 4, soortOnderwijs: 'LEER_EN_OPVOEDINGSMOEILIJKHEDEN', soortVerblijf: 'RESIDENTIELE_INSTELLING' } },
  { leeftijd: 11, geboorte: '01-09', geslacht: 'V', achternaam: 'Kok', voornamen: 'Iris', so: { schoolsoort: '1', cluster: 4, soortOnderwijs: 'AUTISME', soortVerblijf: 'REGULIER' } },
  { leeftijd: 13, geboorte: '07-30', geslacht: 'M', achternaam: 'Hoekstra', voornamen: 'Ruben', so: { schoolsoort: '2', cluster: 4, soortOnderwijs: 'ZEER_MOEILIJK_OPVOEDBAAR', soortVerblijf: 'REGULIER', uitstroomprofiel: 'VERVOLGONDERWIJS' }, leerjaar: 1 },
  { leeftijd: 15, geboorte: '12-11', geslacht: 'V', achternaam: 'Willems', voornamen: 'Amber', so: { schoolsoort: '2', cluster: 4, soortOnderwijs: 'AUTISME', soortVerblijf: 'REGULIER', uitstroomprofiel: 'ARBEIDSMARKT' }, leerjaar: 3 },
  { leeftijd: 18, geboorte: '08-01', geslacht: 'M', achternaam: 'Postma', voornamen: 'Thomas', so: { schoolsoort: '2', cluster: 4, soortOnderwijs: 'LEER_EN_OPVOEDINGSMOEILIJKHEDEN', soortVerblijf: 'REGULIER', uitstroomprofiel: 'DAGBESTEDING' }, leerjaar: 5 },
];

/**
 * A pupil who left groep 8 of 02AB (las-beta) at the end of schooljaar 2024-2025, with the schooladvies of adviesjaar 2025
 * as it stood at the end: the voorlopig advies HAVO, the Route 8 doorstroomtoets of February advising VWO, and the advies
 * raised to VWO after the heroverweging (fixed dates, so the same in every sandbox; before the teldata a seed keeps).
 */
export const ADVIES_LEERLING = {
  bsn: '999990603',
  geboortedatum: '2013-04-08',
  geslacht: 'M',
  achternaam: 'Hendriks',
  voornamen: 'Sven',
  school: { instellingscode: '02AB', vestigingscode: '02AB00', onderwijsaanbiedercode: '100A005', onderwijslocatiecode: '100X005' },
  datumInschrijving: '2024-08-01',
  datumUitschrijving: '2025-07-31',
  advies: {
    adviesvolgnummer: 'ADV2025',
    adviesjaar: 2025,
    advies1: { advies: 'HAVO', adviesdatum: '2025-01-20' },
    advies2: { advies: 'VWO', adviesdatum: '2025-03-20' },
    doorstroomtoets: { toets: 'ROUTE8_DOORSTROOMTOETS', afnamedatum: '2025-02-11', score: 231, toetsadvies: 'VWO', referentieniveaus: { lezen: '2F', taalverzorging: '2F', rekenen: '1S' } },
  },
} as const;

/** BSNs the generated bo inschrijvingen leave alone: the so/vso pupils and the advies pupil have their own. */
const EIGEN_BSNS = (vandaag: string) => [...soVsoLeerlingen(vandaag).map((l) => l.bsn), ADVIES_LEERLING.bsn];

/** The so/vso pupils with their BSN and geboortedatum in a sandbox seeded on `vandaag`. */
export function soVsoLeerlingen(vandaag: string) {
  const jaar = Number(beginSchooljaar(vandaag).slice(0, 4));
  const bsns: string[] = [];
  for (let n = 50; bsns.length < SO_VSO_LEERLINGEN.length; n++) {
    const bsn = bsnMetControlecijfer('99999' + String(n).padStart(3, '0'));
    if (bsn) bsns.push(bsn);
  }
  // Born on `geboorte` in the year that makes them `leeftijd` on 1 August (a birthday after 1 August: a year earlier).
  return SO_VSO_LEERLINGEN.map((l, i) => ({ ...l, bsn: bsns[i], geboortedatum: `${jaar - l.leeftijd - (l.geboorte > '08-01' ? 1 : 0)}-${l.geboorte}` }));
}
const DUO_OIN = '00000001800866472000';

export const DEMO_MANDATEN = [
  { clientId: 'las-alfa', bestuurcode: '100B001' },
  { clientId: 'las-beta', bestuurcode: '100B002' },
];

const TABLES = ['rod_advies_vo', 'rod_verzuimmelding', 'rod_kennisgeving', 'rod_bedrijfsdocument', 'rod_inschrijving_versie', 'rod_inschrijving_periode', 'rod_inschrijving', 'rod_machtiging', 'rod_persoon'];

/** Purges and seeds ROD's data per sandbox: the persoonsregister with its personas, and the demo mandates. */
@Injectable()
export class RodSeedContributor implements OnModuleInit {
  constructor(
    private readonly registry: SandboxDataRegistry,
    private readonly rio: RodRioPort,
    private readonly inschrijvingen: InschrijvingenRepository,
  ) {}

  onModuleInit() {
    this.registry.register({
      name: 'rod',
      order: 20,
      purge: async (manager, sandboxId) => {
        for (const t of TABLES) await manager.query(`DELETE FROM ${t} WHERE sandbox_id = $1`, [sandboxId]);
      },
      seed: (m, ctx) => this.seed(m, ctx),
    });
  }

  async seed(manager: EntityManager, ctx: SeedContext) {
    await this.seedPersonen(manager, ctx);
    await this.seedMachtigingen(manager, ctx);
    if (ctx.scale === 'small') await this.seedInschrijvingen(manager, ctx);
  }

  /**
   * Existing inschrijvingen: 20 generated pupils per demo school from 1 August, the dubbele-inschrijving persona at 02AA,
   * the schooladvies persona in groep 8 of 01AA in schooljaar 2025-2026, and the so/vso pupils at 02AC.
   */
  private async seedInschrijvingen(manager: EntityManager, ctx: SeedContext) {
    await this.seedBoInschrijvingen(manager, ctx);
    await this.seedSoVsoInschrijvingen(manager, ctx);
    await this.seedAdvies(manager, ctx);
  }

  /** ADVIES_LEERLING's schooladvies, judged by AanleverenAdviesVO's own rules and stored as its one version. */
  private async seedAdvies(manager: EntityManager, ctx: SeedContext) {
    const { school, advies } = ADVIES_LEERLING;
    const [persoon]: PersoonRij[] = await manager.query(
      `SELECT id, burgerservicenummer, onderwijsnummer, geboortedatum, geslacht FROM rod_persoon WHERE sandbox_id = $1 AND burgerservicenummer = $2`,
      [ctx.sandboxId, ADVIES_LEERLING.bsn],
    );
    if (!persoon) return;
    const oordeel = beoordeelAdvies(
      { ...school, persoonsgebondenNummer: { burgerservicenummer: ADVIES_LEERLING.bsn }, ...advies, doorstroomtoets: { ...advies.doorstroomtoets, referentieniveaus: { ...advies.doorstroomtoets.referentieniveaus } } },
      { persoon, periodes: [{ datumBegin: ADVIES_LEERLING.datumInschrijving, datumEinde: ADVIES_LEERLING.datumUitschrijving, groep: 8 }], huidig: null },
      { rio: null, nieuwId: uuidFrom(`advies:${ctx.seed}:${ctx.sandboxId}:${persoon.id}`) },
    );
    const a = oordeel.nieuwAdvies;
    if (!a) return;
    const docId = uuidFrom(`doc:${a.adviesId}`);
    const moment = `${advies.advies2.adviesdatum}T09:00:00Z`;
    await manager.query(
      `INSERT INTO rod_advies_vo (id, sandbox_id, persoon_id, instellingscode, adviesjaar, adviesvolgnummer, versie, inhoud_hash, inhoud, meldingen, bedrijfsdocument_id, aangeleverd_oin, ontvangen_op)
       VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8, $9, $10, $11, $12)`,
      [a.adviesId, ctx.sandboxId, a.persoonId, school.instellingscode, advies.adviesjaar, advies.adviesvolgnummer, a.inhoudHash, JSON.stringify(a.inhoud), JSON.stringify(oordeel.meldingen), docId, DUO_OIN, moment],
    );
    await manager.query(
      `INSERT INTO rod_advies_vo_versie (advies_id, versie, sandbox_id, inhoud, meldingen, bedrijfsdocument_id, datum_tijd_bedrijfsdocument, client_id, oin, ontvangen_op)
       VALUES ($1, 1, $2, $3, $4, $5, $6, 'seed', $7, $6)`,
      [a.adviesId, ctx.sandboxId, JSON.stringify(a.inhoud), JSON.stringify(oordeel.meldingen), docId, moment, DUO_OIN],
    );
  }

  /**
   * The so/vso pupils at 02AC from 1 August, as AanleverenInschrijvingSO stores them: the so part in `speciaalOnderwijs`, the
   * periodes as `inschrijvingPeriodeSO`, a toelaatbaarheidsverklaring (cluster 4) from 1 August to the end of the next schooljaar.
   */
  private async seedSoVsoInschrijvingen(manager: EntityManager, ctx: SeedContext) {
    const school = DEMO_SO_SCHOOL;
    const begin = beginSchooljaar(ctx.today);
    const [geldig] = await this.rio.checkPeriodes(manager, ctx.sandboxId, [{ ...school, datum: begin }]);
    if (geldig.onbekend.length) return;
    const leerlingen = soVsoLeerlingen(ctx.today);
    const personen: { id: string; bsn: string }[] = await manager.query(
      `SELECT id, burgerservicenummer AS bsn FROM rod_persoon WHERE sandbox_id = $1 AND burgerservicenummer = ANY($2::text[])`,
      [ctx.sandboxId, leerlingen.map((l) => l.bsn)],
    );
    const tlvEinde = plusDagen(plusJaren(begin, 2), -1);
    const rows = leerlingen.flatMap((l, i): InschrijvingRij[] => {
      const persoon = personen.find((p) => p.bsn === l.bsn);
      if (!persoon) return [];
      const speciaalOnderwijs = speciaalOnderwijsStand(l.so);
      const groep = speciaalOnderwijs.schoolsoort === 'VSO' ? 8 : Math.min(8, Math.max(1, l.leeftijd - 3));
      const tlv = [{ beschikkingsnummer: `TLV-${begin.slice(0, 4)}-${String(101 + i).padStart(4, '0')}`, datumBegin: begin, datumEinde: tlvEinde }];
      const id = uuidFrom(`${ctx.seed}:${ctx.sandboxId}:${persoon.id}`);
      const tekst = JSON.stringify({
        instellingscode: school.instellingscode,
        inschrijvingvolgnummer: '1',
        datumInschrijving: begin,
        datumUitschrijving: null,
        nNCA: null,
        speciaalOnderwijs,
        inschrijvingPeriodeSO: [{ datumBegin: begin, vestigingscode: school.vestigingscode, onderwijsaanbiedercode: school.onderwijsaanbiedercode, onderwijslocatiecode: school.onderwijslocatiecode, groep: String(groep), leerjaar: l.leerjaar ?? null, indicatieBekostiging: null }],
        ontwikkelingsperspectief: [],
        toelaatbaarheidsverklaring: tlv,
      });
      return [{
        id, sandbox_id: ctx.sandboxId, persoon_id: persoon.id, instellingscode: school.instellingscode, inschrijvingvolgnummer: '1',
        datum_inschrijving: begin, datum_uitschrijving: null, nnca: null, datum_vestiging_in_nederland: null, ontwikkelingsperspectief: [],
        toelaatbaarheidsverklaringen: tlv, speciaal_onderwijs: speciaalOnderwijs, versie: 1, inhoud_hash: createHash('sha256').update(tekst).digest('hex'), meldingen: [],
        bedrijfsdocument_id: uuidFrom(`doc:${id}`), aangeleverd_door: 'seed', aangeleverd_oin: DUO_OIN, ontvangen_op: begin, inhoud: JSON.parse(tekst), datum_tijd_bedrijfsdocument: begin,
        periodes: [{
          volgnummer: 1, datum_begin: begin, datum_einde: null, vestigingscode: school.vestigingscode, onderwijsaanbiedercode: school.onderwijsaanbiedercode,
          onderwijslocatiecode: school.onderwijslocatiecode, groep, leerjaar: l.leerjaar ?? null, indicatie_bekostiging: null,
        }],
        document: null,
      }];
    });
    if (rows.length) await this.inschrijvingen.write(manager, rows);
  }

  private async seedBoInschrijvingen(manager: EntityManager, ctx: SeedContext) {
    const geldig = await this.rio.checkPeriodes(manager, ctx.sandboxId, DEMO_SCHOLEN.map((s) => ({ ...s, datum: beginSchooljaar(ctx.today) })));
    const scholen = DEMO_SCHOLEN.filter((_, i) => geldig[i].onbekend.length === 0);
    if (!scholen.length) return;
    const personen: { id: string; geboortedatum: string; persona: string | null }[] = await manager.query(
      `SELECT id, geboortedatum, persona FROM rod_persoon WHERE sandbox_id = $1 AND (persona IS NULL OR persona = 'dubbeleInschrijving') AND burgerservicenummer <> ALL($3::text[])
        ORDER BY persona NULLS LAST, burgerservicenummer LIMIT $2`,
      [ctx.sandboxId, scholen.length * PER_SCHOOL + 1, EIGEN_BSNS(ctx.today)],
    );
    const begin = beginSchooljaar(ctx.today);
    const rows: { id: string; persoonId: string; school: (typeof DEMO_SCHOLEN)[number]; groep: number; docId: string; datumInschrijving: string; datumUitschrijving: string | null }[] = personen.map((p, i) => {
      const school = p.persona ? (scholen.find((s) => s.instellingscode === '02AA') ?? scholen[0]) : scholen[i % scholen.length];
      const leeftijd = Number(begin.slice(0, 4)) - Number(vroegsteDatum(p.geboortedatum).slice(0, 4));
      const groep = Math.min(8, Math.max(1, leeftijd - 3));
      const id = uuidFrom(`${ctx.seed}:${ctx.sandboxId}:${p.id}`);
      return { id, persoonId: p.id, school, groep, docId: uuidFrom(`doc:${id}`), datumInschrijving: begin, datumUitschrijving: null };
    });
    const adviesSchool = scholen.find((s) => s.instellingscode === SCHOOLADVIES_INSCHRIJVING.instellingscode);
    const [advies]: { id: string }[] = await manager.query(`SELECT id FROM rod_persoon WHERE sandbox_id = $1 AND persona = 'schooladvies'`, [ctx.sandboxId]);
    if (adviesSchool && advies) {
      const id = uuidFrom(`${ctx.seed}:${ctx.sandboxId}:${advies.id}`);
      const { datumInschrijving, datumUitschrijving, groep } = SCHOOLADVIES_INSCHRIJVING;
      rows.push({ id, persoonId: advies.id, school: adviesSchool, groep, docId: uuidFrom(`doc:${id}`), datumInschrijving, datumUitschrijving });
    }
    const oudSchool = scholen.find((s) => s.instellingscode === ADVIES_LEERLING.school.instellingscode);
    const [oud]: PersoonRij[] = await manager.query(
      `SELECT id, burgerservicenummer, onderwijsnummer, geboortedatum, geslacht FROM rod_persoon WHERE sandbox_id = $1 AND burgerservicenummer = $2`,
      [ctx.sandboxId, ADVIES_LEERLING.bsn],
    );
    if (oudSchool && oud) {
      const id = uuidFrom(`${ctx.seed}:${ctx.sandboxId}:${oud.id}`);
      rows.push({ id, persoonId: oud.id, school: oudSchool, groep: 8, docId: uuidFrom(`doc:${id}`), datumInschrijving: ADVIES_LEERLING.datumInschrijving, datumUitschrijving: ADVIES_LEERLING.datumUitschrijving });
    }
    const inhoud = (r: (typeof rows)[number]) =>
      JSON.stringify({
        instellingscode: r.school.instellingscode,
        inschrijvingvolgnummer: '1',
        datumInschrijving: r.datumInschrijving,
        datumUitschrijving: r.datumUitschrijving,
        nNCA: null,
        inschrijvingPeriodeBO: [{ datumBegin: r.datumInschrijving, vestigingscode: r.school.vestigingscode, onderwijsaanbiedercode: r.school.onderwijsaanbiedercode, onderwijslocatiecode: r.school.onderwijslocatiecode, groep: String(r.groep), leerjaar: null, indicatieBekostiging: null }],
        ontwikkelingsperspectief: [],
      });
    // Through the repository's one row shape (as an aanlevering writes it); the receipt instants are the start date in the
    // database's time zone, as before.
    await this.inschrijvingen.write(
      manager,
      rows.map((r): InschrijvingRij => {
        const tekst = inhoud(r);
        return {
          id: r.id,
          sandbox_id: ctx.sandboxId,
          persoon_id: r.persoonId,
          instellingscode: r.school.instellingscode,
          inschrijvingvolgnummer: '1',
          datum_inschrijving: r.datumInschrijving,
          datum_uitschrijving: r.datumUitschrijving,
          nnca: null,
          datum_vestiging_in_nederland: null,
          ontwikkelingsperspectief: [],
          toelaatbaarheidsverklaringen: [],
          versie: 1,
          inhoud_hash: createHash('sha256').update(tekst).digest('hex'),
          meldingen: [],
          bedrijfsdocument_id: r.docId,
          aangeleverd_door: 'seed',
          aangeleverd_oin: DUO_OIN,
          ontvangen_op: r.datumInschrijving,
          inhoud: JSON.parse(tekst),
          datum_tijd_bedrijfsdocument: r.datumInschrijving,
          periodes: [
            {
              volgnummer: 1,
              datum_begin: r.datumInschrijving,
              datum_einde: r.datumUitschrijving,
              vestigingscode: r.school.vestigingscode,
              onderwijsaanbiedercode: r.school.onderwijsaanbiedercode,
              onderwijslocatiecode: r.school.onderwijslocatiecode,
              groep: r.groep,
              leerjaar: null,
              indicatie_bekostiging: null,
            },
          ],
          document: null,
        };
      }),
    );
  }

  private async seedPersonen(manager: EntityManager, ctx: SeedContext) {
    const rows: unknown[][] = [];
    const add = (r: { bsn?: string; onderwijsnummer?: string; geboortedatum: string; geslacht: string; achternaam: string; voorvoegsels?: string; voornamen?: string; landcode?: string }, persona: string | null, i: number) => {
      const nl = (r.landcode ?? '6030') === '6030';
      rows.push([
        r.bsn ?? null, r.onderwijsnummer ?? null, r.geboortedatum, r.geslacht, r.achternaam, r.voorvoegsels ?? null, r.voornamen ?? null,
        nl ? 'Schoolstraat' : null, nl ? 1 + (i % 200) : null, nl ? `${9700 + (i % 90)}AB` : null, nl ? PLAATSEN[i % PLAATSEN.length] : null, r.landcode ?? '6030', persona,
      ]);
    };
    // Age-sensitive personas are relative to the sandbox's today (personaGeboortedatum).
    Object.entries(PERSONAS).forEach(([name, r], i) => {
      const geboortedatum = personaGeboortedatum(name as keyof typeof PERSONAS, ctx.today);
      add({ ...(r as object), geboortedatum } as Parameters<typeof add>[0], name, i);
    });
    const rand = prng(ctx.seed);
    const taken = new Set<string>(Object.values(PERSONAS).map((r) => (r as { bsn?: string }).bsn).filter((x): x is string => !!x));
    const count = ctx.scale === 'small' ? 300 : 0;
    const jaar = Number(ctx.today.slice(0, 4));
    for (let i = 0; rows.length < Object.keys(PERSONAS).length + count; i++) {
      // Generated BSNs stay in the test range 99999xxxx (RvIG's range for test persons).
      const bsn = bsnMetControlecijfer('99999' + String(100 + Math.floor(rand() * 900)).padStart(3, '0'));
      const m1 = rand();
      const geboortejaar = jaar - 5 - Math.floor(rand() * 8);
      const maand = 1 + Math.floor(rand() * 12);
      const dag = 1 + Math.floor(rand() * 28);
      if (!bsn || taken.has(bsn)) continue;
      taken.add(bsn);
      const geslacht = m1 < 0.5 ? 'M' : 'V';
      add(
        {
          bsn,
          geboortedatum: `${geboortejaar}-${String(maand).padStart(2, '0')}-${String(dag).padStart(2, '0')}`,
          geslacht,
          achternaam: ACHTERNAMEN[Math.floor(rand() * ACHTERNAMEN.length)],
          voornamen: (geslacht === 'M' ? VOORNAMEN_M : VOORNAMEN_V)[Math.floor(rand() * 10)],
        },
        null,
        i,
      );
    }
    // The so/vso pupils (SO_VSO_LEERLINGEN), after the generated persons so those stay as they were.
    if (ctx.scale === 'small') {
      soVsoLeerlingen(ctx.today).forEach((l, i) => add({ bsn: l.bsn, geboortedatum: l.geboortedatum, geslacht: l.geslacht, achternaam: l.achternaam, voornamen: l.voornamen }, null, rows.length + i));
      const { bsn, geboortedatum, geslacht, achternaam, voornamen } = ADVIES_LEERLING;
      add({ bsn, geboortedatum, geslacht, achternaam, voornamen }, null, rows.length);
    }
    const cols = ['burgerservicenummer', 'onderwijsnummer', 'geboortedatum', 'geslacht', 'achternaam', 'voorvoegsels', 'voornamen', 'straatnaam', 'huisnummer', 'postcode', 'plaatsnaam', 'landcode', 'persona'];
    const types = ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'int', 'text', 'text', 'text', 'text'];
    await manager.query(
      `INSERT INTO rod_persoon (sandbox_id, ${cols.join(', ')})
       SELECT $1, ${cols.map((_, i) => `x.c${i}`).join(', ')} FROM unnest(${types.map((t, i) => `$${i + 2}::${t}[]`).join(', ')}) AS x(${cols.map((_, i) => `c${i}`).join(', ')})`,
      [ctx.sandboxId, ...cols.map((_, c) => rows.map((r) => r[c]))],
    );
    await manager.query(`UPDATE rod_persoon SET bsn_toegekend_op = now() WHERE sandbox_id = $1 AND burgerservicenummer IS NOT NULL AND onderwijsnummer IS NOT NULL`, [ctx.sandboxId]);
  }

  private async seedMachtigingen(manager: EntityManager, ctx: SeedContext) {
    for (const d of DEMO_MANDATEN) {
      const oin = DEMO_CLIENTS.find((c) => c.clientId === d.clientId)!.oin;
      const scholen = await this.rio.listInstellingenVanBestuur(manager, ctx.sandboxId, d.bestuurcode, ctx.today);
      for (const school of scholen) {
        await manager.query(
          `INSERT INTO rod_machtiging (sandbox_id, oin, instellingscode, geldig_vanaf, verleend_door) VALUES ($1, $2, $3, $4, 'seed') ON CONFLICT DO NOTHING`,
          [ctx.sandboxId, oin, school, '2020-01-01'],
        );
      }
    }
  }
}

/** A deterministic UUID (v4 layout) from a text. */
function uuidFrom(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
