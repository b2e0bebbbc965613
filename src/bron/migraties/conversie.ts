import type { EntityManager } from 'typeorm';
import { copyRijen } from '../../common/database/copy';
import type { RioQueryService } from '../../rio';
import { BronAfkeurcode } from '../bron.errors';
import type { StagingPeriode, StagingSpeciaalOnderwijs } from './staging';
import type { ConversieAanlevering, ConversieTerugmelding, ConversieUitkomst, RodConversiePoort } from './rod-conversie.port';

const RESULTAAT_KOLOMMEN = ['migratie_id', 'nr', 'proef', 'goedgekeurd', 'instellingscode', 'bestand_id', 'inschrijving_id', 'terugmeldingen'] as const;

/** A staged inschrijving as read back for the conversion. */
export interface StagingRij {
  nr: string;
  bestand_id: string;
  instellingscode: string;
  regel: number;
  burgerservicenummer: string | null;
  onderwijsnummer: string | null;
  geboortedatum: string;
  geslacht: string;
  postcode: string | null;
  achternaam: string;
  voorvoegsel: string | null;
  voornamen: string | null;
  inschrijvingvolgnummer: string;
  datum_inschrijving: string;
  datum_uitschrijving: string | null;
  periodes: string;
  /** The so/vso part (record 322) as jsonb; null for bo and sbo. */
  speciaal_onderwijs: StagingSpeciaalOnderwijs | null;
}

/**
 * Record 322 as AanleverenInschrijvingSO's fields: the so/vso part, and a toelaatbaarheidsverklaring when both its
 * beschikkingsnummer and first day are given (without one ROD judges cluster 3/4 with its 291).
 */
export function soContract(so: StagingSpeciaalOnderwijs): Pick<ConversieAanlevering, 'speciaalOnderwijs' | 'toelaatbaarheidsverklaring'> {
  const { beschikkingsnummer, tlvDatumBegin, tlvDatumEinde, ...rest } = so;
  return {
    speciaalOnderwijs: rest,
    toelaatbaarheidsverklaring: beschikkingsnummer && tlvDatumBegin ? [{ beschikkingsnummer, datumBegin: tlvDatumBegin, ...(tlvDatumEinde ? { datumEinde: tlvDatumEinde } : {}) }] : [],
  };
}

/** The migration's own foutmelding (not a ROD rule): a second inschrijving with the same key in the BRON files. */
export const VOLGNUMMER_DUBBEL = BronAfkeurcode.volgnummerDubbel;

/** Staged rows whose key (school, PGN, inschrijvingvolgnummer) came earlier in the migration: one statement for all. */
export const DUBBELE_SQL = `
  SELECT nr FROM (
    SELECT nr, row_number() OVER (PARTITION BY instellingscode, coalesce(burgerservicenummer, onderwijsnummer), inschrijvingvolgnummer ORDER BY nr) AS k
      FROM bron_staging WHERE migratie_id = $1) x
   WHERE k > 1`;

export const CHUNK_SQL = `SELECT * FROM bron_staging WHERE migratie_id = $1 AND nr > $2 ORDER BY nr LIMIT $3`;

/** What a chunk needs from RIO and its own rows before ROD judges it: each row's periodes and their BRIN6 resolved. */
export interface ChunkVoorbereiding {
  periodes: StagingPeriode[][];
  sleutels: Map<string, number>;
  gebruik: { onderwijsaanbiedercode: string | null; onderwijslocatiecode: string | null }[];
}

/**
 * BRIN6 resolved in RIO for every periode of a chunk at once (RIO's bulk lookup: per (BRIN4, BRIN6) once per stretch of
 * time in which its RIO rows do not change). Reads RIO
 * only, so it may run ahead of the chunk's own transaction (the conversion prepares the next chunk while one is written).
 */
export async function bereidChunkVoor(m: EntityManager, rio: RioQueryService, sandboxId: string, rijen: StagingRij[]): Promise<ChunkVoorbereiding> {
  const periodes = rijen.map((r) => JSON.parse(r.periodes) as StagingPeriode[]);
  const sleutels = new Map<string, number>();
  const invoer: { instellingscode: string; vestigingscode: string; datum: string }[] = [];
  rijen.forEach((r, i) =>
    periodes[i].forEach((p) => {
      const k = `${r.instellingscode}|${p.v}|${p.d}`;
      if (!sleutels.has(k) && /^\d{4}-\d{2}-\d{2}$/.test(p.d)) {
        sleutels.set(k, invoer.length);
        invoer.push({ instellingscode: r.instellingscode, vestigingscode: p.v, datum: p.d });
      }
    }),
  );
  return { periodes, sleutels, gebruik: await rio.getVestigingsgebruikBulk(m, sandboxId, invoer) };
}

/**
 * One chunk of the conversion (or dry run): the rows (with their BRIN6 resolved, `bereidChunkVoor`) judged (and written
 * unless a dry run) by ROD in one batch, and every row's verdict stored (by COPY) — all in the caller's transaction, so a chunk is
 * either done entirely or not at all.
 */
export async function verwerkChunk(
  m: EntityManager,
  deps: { rod: RodConversiePoort },
  ctx: { migratieId: string; sandboxId: string; proef: boolean; moment: Date; dubbel: Set<string> },
  rijen: StagingRij[],
  { periodes, sleutels, gebruik }: ChunkVoorbereiding,
): Promise<{ goedgekeurd: number; afgekeurd: number }> {
  const uitkomsten: ConversieUitkomst[] = new Array(rijen.length);
  const teBeoordelen: ConversieAanlevering[] = [];
  const plek: number[] = [];
  rijen.forEach((r, i) => {
    if (ctx.dubbel.has(String(r.nr))) {
      uitkomsten[i] = {
        goedgekeurd: false,
        inschrijvingId: null,
        terugmeldingen: [{ code: VOLGNUMMER_DUBBEL, soort: 'FOUTMELDING', tekst: `Inschrijvingvolgnummer ${r.inschrijvingvolgnummer} van deze leerling bij ${r.instellingscode} staat eerder in de BRON-bestanden.`, veld: '/inschrijvingvolgnummer' }],
      };
      return;
    }
    plek.push(i);
    teBeoordelen.push({
      instellingscode: r.instellingscode,
      persoonsgebondenNummer: r.burgerservicenummer ? { burgerservicenummer: r.burgerservicenummer } : { onderwijsnummer: r.onderwijsnummer ?? '' },
      persoon: { geboortedatum: r.geboortedatum, geslacht: r.geslacht, achternaam: r.achternaam, voorvoegsels: r.voorvoegsel, voornamen: r.voornamen, postcode: r.postcode },
      inschrijvingvolgnummer: r.inschrijvingvolgnummer,
      datumInschrijving: r.datum_inschrijving,
      ...(r.datum_uitschrijving ? { datumUitschrijving: r.datum_uitschrijving } : {}),
      inschrijvingPeriodeBO: periodes[i].map((p) => {
        const g = gebruik[sleutels.get(`${r.instellingscode}|${p.v}|${p.d}`) ?? -1];
        return { datumBegin: p.d, vestigingscode: p.v, onderwijsaanbiedercode: g?.onderwijsaanbiedercode ?? '', onderwijslocatiecode: g?.onderwijslocatiecode ?? '', groep: p.g };
      }),
      ...(r.speciaal_onderwijs ? soContract(r.speciaal_onderwijs) : {}),
    });
  });
  const beoordeeld = await deps.rod.process(m, ctx.sandboxId, teBeoordelen, { schrijven: !ctx.proef, moment: ctx.moment });
  beoordeeld.forEach((u, k) => (uitkomsten[plek[k]] = u));

  await copyRijen(m, 'bron_resultaat', RESULTAAT_KOLOMMEN, rijen.map((r, i) => [
    ctx.migratieId, r.nr, ctx.proef, uitkomsten[i].goedgekeurd, r.instellingscode, r.bestand_id, uitkomsten[i].inschrijvingId,
    JSON.stringify(uitkomsten[i].terugmeldingen satisfies ConversieTerugmelding[]),
  ]));
  const goedgekeurd = uitkomsten.filter((u) => u.goedgekeurd).length;
  return { goedgekeurd, afgekeurd: rijen.length - goedgekeurd };
}
