import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { copyRijen } from '../../common/database/copy';
import type { DeferredStatement } from '../../common/database/group-transactions';
import { prepared } from '../../common/database/prepared';
import { gemachtigdSql } from '../machtigingen/machtigingen.service';
import { PersonenRepository } from '../personen/personen.repository';
import type { PersoonRij } from '../rules/pgn';
import type { Terugmelding } from '../rod.errors';
import type { RioCheckPart, RioPeriodeCheckInput, RioPeriodeCheckResult } from '../rio-port';
import type { BestaandeInschrijving, NieuweStand } from './aanlevering.beoordeling';
import type { AanleverAntwoord } from './aanleveren.dto';

/** A periode as one row of rod_inschrijving_periode (column names). */
export interface PeriodeRij {
  volgnummer: number;
  datum_begin: string;
  datum_einde: string | null;
  vestigingscode: string;
  onderwijsaanbiedercode: string;
  onderwijslocatiecode: string;
  groep: number;
  leerjaar: number | null;
  indicatie_bekostiging: boolean | null;
}

/** The bedrijfsdocument that brought a version, with the answer a resend gets. */
export interface DocumentRij {
  request_hash: string;
  status_code: number;
  antwoord: AanleverAntwoord;
}

/**
 * One inschrijving as written by an aanlevering, new or changed (column names of rod_inschrijving), with its periodes, the
 * version it becomes and, when there is one, the bedrijfsdocument to answer a resend with. The one shape for insert and update.
 */
export interface InschrijvingRij {
  id: string;
  sandbox_id: string;
  persoon_id: string;
  instellingscode: string;
  inschrijvingvolgnummer: string;
  datum_inschrijving: string;
  datum_uitschrijving: string | null;
  nnca: string | null;
  datum_vestiging_in_nederland: string | null;
  ontwikkelingsperspectief: unknown;
  toelaatbaarheidsverklaringen: unknown;
  /** The so/vso part, null for bo/sbo. */
  speciaal_onderwijs?: unknown;
  /** {pedagogischDidactischConcept, experiment, vveProgramma}; absent: none. */
  kenmerken?: unknown;
  versie: number;
  inhoud_hash: string;
  meldingen: Terugmelding[];
  bedrijfsdocument_id: string;
  /** Client id of the sender. */
  aangeleverd_door: string;
  aangeleverd_oin: string;
  /** Sandbox time of receipt (ISO instant); a new inschrijving also keeps it as eerst_ontvangen_op. */
  ontvangen_op: string;
  /** The content of the version (rod_inschrijving_versie.inhoud). */
  inhoud: unknown;
  datum_tijd_bedrijfsdocument: string;
  periodes: PeriodeRij[];
  /** Null: no rod_bedrijfsdocument row (a bulk load without messages). */
  document: DocumentRij | null;
}

/** Who sent what, and when: the part of a row that does not come from the judgement. */
export interface Herkomst {
  sandboxId: string;
  bedrijfsdocumentId: string;
  datumTijdBedrijfsdocument: string;
  clientId: string;
  oin: string;
  ontvangenOp: Date;
}

/** The row to write for an accepted aanlevering. */
export function inschrijvingRij(stand: NieuweStand, meldingen: Terugmelding[], herkomst: Herkomst, document: DocumentRij | null): InschrijvingRij {
  return {
    id: stand.inschrijvingId,
    sandbox_id: herkomst.sandboxId,
    persoon_id: stand.persoonId,
    instellingscode: stand.instellingscode,
    inschrijvingvolgnummer: stand.inschrijvingvolgnummer,
    datum_inschrijving: stand.datumInschrijving,
    datum_uitschrijving: stand.datumUitschrijving,
    nnca: stand.nNCA,
    datum_vestiging_in_nederland: stand.datumVestigingInNederland,
    ontwikkelingsperspectief: stand.ontwikkelingsperspectief,
    toelaatbaarheidsverklaringen: stand.toelaatbaarheidsverklaringen,
    speciaal_onderwijs: stand.speciaalOnderwijs,
    kenmerken: stand.kenmerken,
    versie: stand.versie,
    inhoud_hash: stand.inhoudHash,
    meldingen,
    bedrijfsdocument_id: herkomst.bedrijfsdocumentId,
    aangeleverd_door: herkomst.clientId,
    aangeleverd_oin: herkomst.oin,
    ontvangen_op: herkomst.ontvangenOp.toISOString(),
    inhoud: stand.inhoud,
    datum_tijd_bedrijfsdocument: herkomst.datumTijdBedrijfsdocument,
    periodes: stand.periodes.map((x, i) => ({
      volgnummer: i + 1,
      datum_begin: x.datumBegin,
      datum_einde: x.datumEinde,
      vestigingscode: x.vestigingscode,
      onderwijsaanbiedercode: x.onderwijsaanbiedercode,
      onderwijslocatiecode: x.onderwijslocatiecode,
      groep: Number(x.groep),
      leerjaar: x.leerjaar ?? null,
      indicatie_bekostiging: x.indicatieBekostiging ?? null,
    })),
    document,
  };
}

/**
 * Inschrijvingen with their periodes, versions and bedrijfsdocumenten: one statement for any number of them. A row whose id
 * exists replaces its state (its old periodes must be gone: `verwijderPeriodes` first) and keeps eerst_ontvangen_op.
 */
const SCHRIJF_SQL = `
  WITH x AS (
    SELECT * FROM json_to_recordset($1::json) AS x(id uuid, sandbox_id uuid, persoon_id uuid, instellingscode text, inschrijvingvolgnummer text,
      datum_inschrijving date, datum_uitschrijving date, nnca text, datum_vestiging_in_nederland date, ontwikkelingsperspectief jsonb, toelaatbaarheidsverklaringen jsonb, speciaal_onderwijs jsonb, kenmerken jsonb, versie int,
      inhoud_hash text, meldingen jsonb, bedrijfsdocument_id uuid, aangeleverd_door text, aangeleverd_oin text, ontvangen_op timestamptz, inhoud jsonb,
      datum_tijd_bedrijfsdocument timestamptz, periodes json, document jsonb)),
  inschrijving AS (
    INSERT INTO rod_inschrijving (id, sandbox_id, persoon_id, instellingscode, inschrijvingvolgnummer, datum_inschrijving, datum_uitschrijving, nnca,
      datum_vestiging_in_nederland, ontwikkelingsperspectief, toelaatbaarheidsverklaringen, speciaal_onderwijs, kenmerken, versie, inhoud_hash, meldingen, bedrijfsdocument_id, aangeleverd_door, aangeleverd_oin,
      eerst_ontvangen_op, ontvangen_op)
    SELECT id, sandbox_id, persoon_id, instellingscode, inschrijvingvolgnummer, datum_inschrijving, datum_uitschrijving, nnca,
           datum_vestiging_in_nederland, ontwikkelingsperspectief, toelaatbaarheidsverklaringen, NULLIF(speciaal_onderwijs, 'null'::jsonb), coalesce(kenmerken, '{}'), versie, inhoud_hash, meldingen, bedrijfsdocument_id, aangeleverd_door, aangeleverd_oin,
           ontvangen_op, ontvangen_op FROM x
    ON CONFLICT (id) DO UPDATE SET datum_inschrijving = EXCLUDED.datum_inschrijving, datum_uitschrijving = EXCLUDED.datum_uitschrijving, nnca = EXCLUDED.nnca,
      datum_vestiging_in_nederland = EXCLUDED.datum_vestiging_in_nederland, ontwikkelingsperspectief = EXCLUDED.ontwikkelingsperspectief, toelaatbaarheidsverklaringen = EXCLUDED.toelaatbaarheidsverklaringen,
      speciaal_onderwijs = EXCLUDED.speciaal_onderwijs, kenmerken = EXCLUDED.kenmerken,
      versie = EXCLUDED.versie, inhoud_hash = EXCLUDED.inhoud_hash, meldingen = EXCLUDED.meldingen, bedrijfsdocument_id = EXCLUDED.bedrijfsdocument_id,
      aangeleverd_door = EXCLUDED.aangeleverd_door, aangeleverd_oin = EXCLUDED.aangeleverd_oin, ontvangen_op = EXCLUDED.ontvangen_op, updated_at = now()),
  periode AS (
    INSERT INTO rod_inschrijving_periode (inschrijving_id, volgnummer, sandbox_id, datum_begin, datum_einde, vestigingscode, onderwijsaanbiedercode,
      onderwijslocatiecode, groep, leerjaar, indicatie_bekostiging)
    SELECT x.id, p.volgnummer, x.sandbox_id, p.datum_begin, p.datum_einde, p.vestigingscode, p.onderwijsaanbiedercode, p.onderwijslocatiecode, p.groep,
           p.leerjaar, p.indicatie_bekostiging
      FROM x CROSS JOIN LATERAL json_to_recordset(x.periodes) AS p(volgnummer int, datum_begin date, datum_einde date, vestigingscode text,
        onderwijsaanbiedercode text, onderwijslocatiecode text, groep int, leerjaar int, indicatie_bekostiging boolean)),
  versie AS (
    INSERT INTO rod_inschrijving_versie (inschrijving_id, versie, sandbox_id, soort, persoon_id, instellingscode, inschrijvingvolgnummer, inhoud, meldingen,
      bedrijfsdocument_id, datum_tijd_bedrijfsdocument, client_id, oin, ontvangen_op)
    SELECT id, versie, sandbox_id, 'AANLEVERING', persoon_id, instellingscode, inschrijvingvolgnummer, inhoud, meldingen, bedrijfsdocument_id,
           datum_tijd_bedrijfsdocument, aangeleverd_door, aangeleverd_oin, ontvangen_op FROM x)
  INSERT INTO rod_bedrijfsdocument (sandbox_id, oin, identificatiecode, soort, request_hash, status_code, antwoord)
  SELECT sandbox_id, aangeleverd_oin, bedrijfsdocument_id, 'AANLEVERING', document->>'request_hash', (document->>'status_code')::int, document->'antwoord'
    FROM x WHERE document IS NOT NULL AND document <> 'null'::jsonb`;

/** The columns `copyNieuw` fills, in the order SCHRIJF_SQL inserts them. */
const COPY_INSCHRIJVING = [
  'id', 'sandbox_id', 'persoon_id', 'instellingscode', 'inschrijvingvolgnummer', 'datum_inschrijving', 'datum_uitschrijving', 'nnca', 'datum_vestiging_in_nederland',
  'ontwikkelingsperspectief', 'toelaatbaarheidsverklaringen', 'speciaal_onderwijs', 'kenmerken', 'versie', 'inhoud_hash', 'meldingen', 'bedrijfsdocument_id',
  'aangeleverd_door', 'aangeleverd_oin', 'eerst_ontvangen_op', 'ontvangen_op',
] as const;
const COPY_PERIODE = [
  'inschrijving_id', 'volgnummer', 'sandbox_id', 'datum_begin', 'datum_einde', 'vestigingscode', 'onderwijsaanbiedercode', 'onderwijslocatiecode', 'groep', 'leerjaar',
  'indicatie_bekostiging',
] as const;
const COPY_VERSIE = [
  'inschrijving_id', 'versie', 'sandbox_id', 'soort', 'persoon_id', 'instellingscode', 'inschrijvingvolgnummer', 'inhoud', 'meldingen', 'bedrijfsdocument_id',
  'datum_tijd_bedrijfsdocument', 'client_id', 'oin', 'ontvangen_op',
] as const;

/** JSON of a stored inschrijving as the judgement reads it (BestaandeInschrijving). */
const BESTAAND_JSON = (alias: string) => `json_build_object('id', ${alias}.id, 'instellingscode', ${alias}.instellingscode,
  'inschrijvingvolgnummer', ${alias}.inschrijvingvolgnummer, 'versie', ${alias}.versie, 'inhoudHash', ${alias}.inhoud_hash,
  'datumInschrijving', ${alias}.datum_inschrijving, 'datumUitschrijving', ${alias}.datum_uitschrijving)`;

/** The inschrijvingen of the persons `personen` (an array expression) as a group read takes them (CTE `mijn`). */
const MIJN_SQL = (personen: string) => `SELECT id, persoon_id, instellingscode, inschrijvingvolgnummer, versie, inhoud_hash, datum_inschrijving, datum_uitschrijving
      FROM rod_inschrijving WHERE sandbox_id = $1 AND persoon_id = ANY (${personen})`;

/** What a group read answers per submission `u` (its bedrijfsdocument, its own inschrijving, its others), from CTE `mijn`. */
const GELEZEN_KOLOMMEN = `(SELECT json_build_object('request_hash', d.request_hash, 'status_code', d.status_code, 'antwoord', d.antwoord) FROM rod_bedrijfsdocument d
      WHERE d.sandbox_id = $1 AND d.oin = u.oin AND d.identificatiecode = u.doc) AS document,
    (SELECT ${BESTAAND_JSON('mijn')} FROM mijn
      WHERE mijn.persoon_id = u.persoon_id AND mijn.instellingscode = u.instellingscode AND mijn.inschrijvingvolgnummer = u.volgnummer) AS huidig,
    (SELECT coalesce(json_agg(${BESTAAND_JSON('mijn')}), '[]') FROM mijn WHERE mijn.persoon_id = u.persoon_id AND mijn.instellingscode <> u.instellingscode) AS andere
    FROM u ORDER BY u.i`;

/**
 * Under the locks: each submission's bedrijfsdocument and its person's inschrijvingen, read once through the person index
 * (a person has a handful, so the lookups by school and volgnummer stay constant-time whatever plan is cached).
 * $1 sandbox; per submission: $2 OIN, $3 document id, $4 instellingscode, $5 person (or null), $6 inschrijvingvolgnummer.
 */
const LEES_SQL = `
  WITH u AS (SELECT * FROM unnest($2::bpchar[], $3::uuid[], $4::bpchar[], $5::uuid[], $6::text[]) WITH ORDINALITY AS u(oin, doc, instellingscode, persoon_id, volgnummer, i)),
  mijn AS MATERIALIZED (
    ${MIJN_SQL('$5::uuid[]')})
  SELECT
    ${GELEZEN_KOLOMMEN}`;

/**
 * LEES_SQL for a group whose persons are not known yet: each submission's person is found by its number (as the mandate
 * statement finds it), so the statement can be sent right behind that one, before its answer, and runs after it, under
 * its locks. Answers the person it read for as well: where that is not the one the mandate statement found (a person
 * registered in between), the caller reads again with the right one.
 * $1 sandbox; per submission: $2 OIN, $3 document id, $4 instellingscode, $5 number (BSN or onderwijsnummer), $6 inschrijvingvolgnummer.
 */
const LEES_OP_NUMMER_SQL = `
  WITH u AS MATERIALIZED (
    SELECT u.*, (SELECT p.id FROM (${PersonenRepository.persoonSql('$1', 'u.nummer')}) p) AS persoon_id
      FROM unnest($2::bpchar[], $3::uuid[], $4::bpchar[], $5::bpchar[], $6::text[]) WITH ORDINALITY AS u(oin, doc, instellingscode, nummer, volgnummer, i)),
  mijn AS MATERIALIZED (
    ${MIJN_SQL('ARRAY(SELECT u.persoon_id FROM u WHERE u.persoon_id IS NOT NULL)')})
  SELECT
    u.persoon_id AS "persoonId",
    ${GELEZEN_KOLOMMEN}`;

/**
 * A group's mandates and persons, taking the locks of each submission: its bedrijfsdocument and its person.
 * $1 sandbox; per submission: $2 number (BSN or onderwijsnummer), $3 OIN, $4 instellingscode, $5 date of the mandate check,
 * $6 document lock key; $7 the prefix of the person lock key (persoonSlot of the sandbox, without the person). Rows in input order.
 */
const MANDAAT_EN_PERSOON_SQL = `
  WITH u AS (SELECT * FROM unnest($2::bpchar[], $3::bpchar[], $4::bpchar[], $5::text[], $6::text[]) WITH ORDINALITY AS u(nummer, oin, instellingscode, vandaag, docslot, i)),
  s AS (SELECT u.*, ${gemachtigdSql('$1', 'u.oin', 'u.instellingscode', 'u.vandaag')} AS gemachtigd,
               (SELECT row_to_json(x) FROM (${PersonenRepository.persoonSql('$1', 'u.nummer')}) x) AS persoon FROM u)
  SELECT s.gemachtigd, s.persoon, pg_advisory_xact_lock(hashtextextended(s.docslot, 0)) AS l1,
         CASE WHEN s.persoon IS NOT NULL THEN pg_advisory_xact_lock(hashtextextended($7 || (s.persoon->>'id'), 0)) END AS l2
    FROM s ORDER BY s.i`;

/**
 * MANDAAT_EN_PERSOON_SQL with RIO's checks of every submission's periodes in the same round trip: RIO's part (checkPeriodesPart,
 * its parameters from $8 on, each periode tagged with its submission's ordinal) comes back per submission as a JSON array.
 */
const mandaatPersoonEnRioSql = (rio: string) => `
  WITH u AS (SELECT * FROM unnest($2::bpchar[], $3::bpchar[], $4::bpchar[], $5::text[], $6::text[]) WITH ORDINALITY AS u(nummer, oin, instellingscode, vandaag, docslot, i)),
  s AS (SELECT u.*, ${gemachtigdSql('$1', 'u.oin', 'u.instellingscode', 'u.vandaag')} AS gemachtigd,
               (SELECT row_to_json(x) FROM (${PersonenRepository.persoonSql('$1', 'u.nummer')}) x) AS persoon FROM u),
  rio AS MATERIALIZED (${rio})
  SELECT s.gemachtigd, s.persoon, pg_advisory_xact_lock(hashtextextended(s.docslot, 0)) AS l1,
         CASE WHEN s.persoon IS NOT NULL THEN pg_advisory_xact_lock(hashtextextended($7 || (s.persoon->>'id'), 0)) END AS l2,
         (SELECT coalesce(json_agg(row_to_json(r) ORDER BY r.i), '[]') FROM rio r WHERE r.k = s.i) AS rio
    FROM s ORDER BY s.i`;
const mandaatPersoonEnRioSqls = new Map<string, string>();

/** What is stored for one submission: its bedrijfsdocument (answered before) and its person's inschrijvingen. */
export interface Gelezen {
  document: DocumentRij | null;
  huidig: BestaandeInschrijving | null;
  andere: BestaandeInschrijving[];
}

export interface MandaatEnPersoon {
  gemachtigd: boolean;
  persoon: PersoonRij | null;
}

/** One aanlevering's key for the reads. */
export interface Leessleutel {
  oin: string;
  bedrijfsdocumentId: string;
  instellingscode: string;
  persoonId: string | null;
  inschrijvingvolgnummer: string;
}

/** Every statement on rod_inschrijving and its periodes, versions, bedrijfsdocumenten and kennisgevingen. */
@Injectable()
export class InschrijvingenRepository {
  /** Mandates and persons of many submissions of one sandbox, taking their document and person locks (advisory, to the end of the transaction). */
  async mandaatEnPersoon(
    m: EntityManager,
    sandboxId: string,
    persoonSlotPrefix: string,
    xs: { nummer: string; oin: string; instellingscode: string; vandaag: string; documentSlot: string }[],
  ): Promise<MandaatEnPersoon[]> {
    return prepared<MandaatEnPersoon>(m, 'rod_mandaat_en_persoon', MANDAAT_EN_PERSOON_SQL, [
      sandboxId, xs.map((x) => x.nummer), xs.map((x) => x.oin), xs.map((x) => x.instellingscode), xs.map((x) => x.vandaag),
      xs.map((x) => x.documentSlot), persoonSlotPrefix,
    ]);
  }

  /**
   * mandaatEnPersoon together with RIO's checks of each submission's periodes (`vragen`, per submission), in one statement:
   * the locks and the checks in one round trip.
   */
  async mandaatPersoonEnRio(
    m: EntityManager,
    sandboxId: string,
    persoonSlotPrefix: string,
    xs: { nummer: string; oin: string; instellingscode: string; vandaag: string; documentSlot: string }[],
    rio: RioCheckPart,
    vragen: RioPeriodeCheckInput[][],
  ): Promise<(MandaatEnPersoon & { rio: RioPeriodeCheckResult[] })[]> {
    let sql = mandaatPersoonEnRioSqls.get(rio.sql);
    if (!sql) mandaatPersoonEnRioSqls.set(rio.sql, (sql = mandaatPersoonEnRioSql(rio.sql)));
    const rows = await prepared<MandaatEnPersoon & { rio: unknown[] }>(m, 'rod_mandaat_persoon_rio', sql, [
      sandboxId, xs.map((x) => x.nummer), xs.map((x) => x.oin), xs.map((x) => x.instellingscode), xs.map((x) => x.vandaag),
      xs.map((x) => x.documentSlot), persoonSlotPrefix,
      ...rio.params(vragen.flat(), vragen.flatMap((v, k) => v.map(() => k + 1))),
    ]);
    return rows.map((r, k) => ({ gemachtigd: r.gemachtigd, persoon: r.persoon, rio: rio.answer(r.rio, vragen[k]) }));
  }

  /** Each submission's bedrijfsdocument and its person's inschrijvingen (this one and those at other schools). */
  async read(m: EntityManager, sandboxId: string, xs: Leessleutel[]): Promise<Gelezen[]> {
    return prepared<Gelezen>(m, 'rod_lees', LEES_SQL, [
      sandboxId, xs.map((x) => x.oin), xs.map((x) => x.bedrijfsdocumentId), xs.map((x) => x.instellingscode), xs.map((x) => x.persoonId),
      xs.map((x) => x.inschrijvingvolgnummer),
    ]);
  }

  /**
   * `read` by number instead of person (LEES_OP_NUMMER_SQL): to be sent right behind the statement that takes the locks,
   * without waiting for its answer. Each answer says which person it read for (null: none found).
   */
  async readOpNummer(m: EntityManager, sandboxId: string, xs: (Omit<Leessleutel, 'persoonId'> & { nummer: string })[]): Promise<(Gelezen & { persoonId: string | null })[]> {
    return prepared<Gelezen & { persoonId: string | null }>(m, 'rod_lees_op_nummer', LEES_OP_NUMMER_SQL, [
      sandboxId, xs.map((x) => x.oin), xs.map((x) => x.bedrijfsdocumentId), xs.map((x) => x.instellingscode), xs.map((x) => x.nummer),
      xs.map((x) => x.inschrijvingvolgnummer),
    ]);
  }

  /** The inschrijvingen of many persons (for a bulk judgement), per person. */
  async findByPersonen(m: EntityManager, sandboxId: string, persoonIds: string[]): Promise<Map<string, BestaandeInschrijving[]>> {
    const rijen: (BestaandeInschrijving & { persoonId: string })[] = await m.query(
      `SELECT i.persoon_id AS "persoonId", i.id, i.instellingscode, i.inschrijvingvolgnummer, i.versie, i.inhoud_hash AS "inhoudHash",
              to_char(i.datum_inschrijving, 'YYYY-MM-DD') AS "datumInschrijving", to_char(i.datum_uitschrijving, 'YYYY-MM-DD') AS "datumUitschrijving"
         FROM rod_inschrijving i WHERE i.sandbox_id = $1 AND i.persoon_id = ANY ($2::uuid[])`,
      [sandboxId, persoonIds],
    );
    const out = new Map<string, BestaandeInschrijving[]>();
    for (const { persoonId, ...r } of rijen) out.set(persoonId, [...(out.get(persoonId) ?? []), r]);
    return out;
  }

  /** Writes inschrijvingen, new or changed, with periodes, versions and documents: one statement for them all. */
  async write(m: EntityManager, rijen: InschrijvingRij[]): Promise<void> {
    if (!rijen.length) return;
    const { name, text, values } = this.writeStatement(rijen);
    await prepared(m, name, text, values);
  }

  /** `write` as a statement, for a group to send itself before its commit (deferStatementToCommit). */
  writeStatement(rijen: InschrijvingRij[]): DeferredStatement {
    return { name: 'rod_schrijf', text: SCHRIJF_SQL, values: [JSON.stringify(rijen)] };
  }

  /**
   * New inschrijvingen (no row with their id yet) with their periodes and versions, without bedrijfsdocumenten: the rows
   * `write` would insert for them, by COPY (a bulk load: no statement text, no JSON to unpack, no conflict check).
   */
  async copyNieuw(m: EntityManager, rijen: InschrijvingRij[]): Promise<void> {
    if (!rijen.length) return;
    const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
    await copyRijen(m, 'rod_inschrijving', COPY_INSCHRIJVING, rijen.map((r) => [
      r.id, r.sandbox_id, r.persoon_id, r.instellingscode, r.inschrijvingvolgnummer, r.datum_inschrijving, r.datum_uitschrijving, r.nnca,
      r.datum_vestiging_in_nederland, json(r.ontwikkelingsperspectief), json(r.toelaatbaarheidsverklaringen), json(r.speciaal_onderwijs), json(r.kenmerken) ?? '{}',
      r.versie, r.inhoud_hash, json(r.meldingen), r.bedrijfsdocument_id, r.aangeleverd_door, r.aangeleverd_oin, r.ontvangen_op, r.ontvangen_op,
    ]));
    await copyRijen(m, 'rod_inschrijving_periode', COPY_PERIODE, (function* () {
      for (const r of rijen)
        for (const p of r.periodes)
          yield [r.id, p.volgnummer, r.sandbox_id, p.datum_begin, p.datum_einde, p.vestigingscode, p.onderwijsaanbiedercode, p.onderwijslocatiecode, p.groep, p.leerjaar, p.indicatie_bekostiging];
    })());
    await copyRijen(m, 'rod_inschrijving_versie', COPY_VERSIE, rijen.map((r) => [
      r.id, r.versie, r.sandbox_id, 'AANLEVERING', r.persoon_id, r.instellingscode, r.inschrijvingvolgnummer, json(r.inhoud), json(r.meldingen),
      r.bedrijfsdocument_id, r.datum_tijd_bedrijfsdocument, r.aangeleverd_door, r.aangeleverd_oin, r.ontvangen_op,
    ]));
  }

  /** Removes the periodes of inschrijvingen whose state is about to be replaced. */
  async removePeriodes(m: EntityManager, inschrijvingIds: string[]): Promise<void> {
    if (!inschrijvingIds.length) return;
    await prepared(m, 'rod_verwijder_periodes', 'DELETE FROM rod_inschrijving_periode WHERE inschrijving_id = ANY ($1::uuid[])', [inschrijvingIds]);
  }

  /** A bedrijfsdocument that changed nothing: only its answer is kept. */
  async saveDocument(m: EntityManager, sandboxId: string, oin: string, id: string, soort: 'AANLEVERING' | 'VERWIJDERING', document: DocumentRij): Promise<void> {
    await m.query(
      `INSERT INTO rod_bedrijfsdocument (sandbox_id, oin, identificatiecode, soort, request_hash, status_code, antwoord) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [sandboxId, oin, id, soort, document.request_hash, document.status_code, JSON.stringify(document.antwoord)],
    );
  }

  /** Deletes an inschrijving (periodes with it), recording the verwijdering as its last version and answering its bedrijfsdocument. */
  async remove(
    m: EntityManager,
    x: { inschrijvingId: string; versie: number; sandboxId: string; persoonId: string; instellingscode: string; inschrijvingvolgnummer: string; inhoud: unknown; meldingen: Terugmelding[] },
    herkomst: Herkomst,
    document: DocumentRij,
  ): Promise<void> {
    await m.query(
      `WITH d AS (DELETE FROM rod_inschrijving WHERE id = $1 RETURNING id),
       v AS (
         INSERT INTO rod_inschrijving_versie (inschrijving_id, versie, sandbox_id, soort, persoon_id, instellingscode, inschrijvingvolgnummer, inhoud, meldingen,
           bedrijfsdocument_id, datum_tijd_bedrijfsdocument, client_id, oin, ontvangen_op)
         SELECT id, $2, $3, 'VERWIJDERING', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13 FROM d)
       INSERT INTO rod_bedrijfsdocument (sandbox_id, oin, identificatiecode, soort, request_hash, status_code, antwoord)
       SELECT $3, $12, $9, 'VERWIJDERING', $14, $15, $16 FROM d`,
      [
        x.inschrijvingId, x.versie, x.sandboxId, x.persoonId, x.instellingscode, x.inschrijvingvolgnummer, JSON.stringify(x.inhoud), JSON.stringify(x.meldingen),
        herkomst.bedrijfsdocumentId, herkomst.datumTijdBedrijfsdocument, herkomst.clientId, herkomst.oin, herkomst.ontvangenOp,
        document.request_hash, document.status_code, JSON.stringify(document.antwoord),
      ],
    );
  }

  /** A kennisgeving to one school about another school's inschrijving of the same person. */
  async addKennisgeving(
    m: EntityManager,
    x: { sandboxId: string; persoonId: string; soort: string; instellingscode: string; inschrijvingId: string; eventId: string },
    ander: { instellingscode: string; id: string; datumInschrijving: string; datumUitschrijving: string | null },
  ): Promise<void> {
    await m.query(
      `INSERT INTO rod_kennisgeving (sandbox_id, persoon_id, soort, instellingscode, inschrijving_id, andere_instellingscode, andere_inschrijving_id, andere_datum_inschrijving, andere_datum_uitschrijving, event_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [x.sandboxId, x.persoonId, x.soort, x.instellingscode, x.inschrijvingId, ander.instellingscode, ander.id, ander.datumInschrijving, ander.datumUitschrijving, x.eventId],
    );
  }
}
