import { bestuurOpSql, geldigOpSql } from '../rio';
import { leeftijdSql } from '../rod';
import { ROD_EVENT_SOURCE } from '../common/events/outbox';

export const BEKOSTIGINGSSTATUS_TYPE = 'nl.duo.rod.bekostigingsstatus-gewijzigd';
export const OVT_TYPE = 'nl.duo.rod.overzicht-vaststelling-tellingen';

/** Which inschrijvingen a recompute covers; the tie-break always sees every inschrijving of the persons involved. */
export type Bereik = 'persoonlijst' | 'personen' | 'vestigingen' | 'sandbox';

const BEREIK: Record<Bereik, string> = {
  /** Persons: one, or those of a group of writes ($6 their ids). */
  persoonlijst: 'i.persoon_id = ANY ($6::uuid[])',
  /** A chunk of the sandbox: the persons with an id in ($6[1], $6[2]]. */
  personen: 'i.persoon_id > ($6::uuid[])[1] AND i.persoon_id <= ($6::uuid[])[2]',
  vestigingen: `i.persoon_id IN (SELECT i2.persoon_id FROM rod_inschrijving_periode p2 JOIN rod_inschrijving i2 ON i2.id = p2.inschrijving_id
                                  WHERE p2.sandbox_id = $1 AND p2.vestigingscode = ANY ($6::text[]))`,
  sandbox: '$6::text IS NULL',
};

/**
 * The sandbox's bekostiging lock: set-based recomputes hold it shared, deleting inschrijvingen takes it exclusively
 * (trigger tr_rod_inschrijving_weg_bekostiging, same key), so no status is written for an inschrijving just removed.
 */
export const bekostigingSlot = (exclusief: boolean) => `SELECT pg_advisory_xact_lock${exclusief ? '' : '_shared'}(hashtextextended('bekostiging:' || $1::text, 0))`;

/** The vestigingen of the person's periodes: a person's recompute needs RIO for those only. */
const VESTIGINGEN_VAN_PERSONEN = `SELECT per.vestigingscode FROM rod_inschrijving i JOIN rod_inschrijving_periode per ON per.inschrijving_id = i.id
  WHERE i.sandbox_id = $1 AND ${BEREIK.persoonlijst}`;

/**
 * The current statuses of the persons' inschrijvingen, found through the status key (one index probe per inschrijving), for a
 * recompute of a few persons on every write. Joined to the statuses table itself, the cached generic plan of that statement
 * hashed the whole table on every call (its estimate of the persons' count is unknown), a cost that grew with the register.
 */
const OUDE_STATUSSEN_VAN_PERSONEN = `oud AS MATERIALIZED (
    SELECT s.inschrijving_id, s.teldatum, s.soort_bekostiging, s.status, s.status_bepaling, s.signalen, s.vestigingscode FROM bekostigingsstatus s
     WHERE s.inschrijving_id = ANY (ARRAY(SELECT i.id FROM rod_inschrijving i WHERE i.sandbox_id = $1 AND ${BEREIK.persoonlijst}))),
  `;

/** A nieuwkomer on teldatum `t` (teldata.ts isNieuwkomer): settled in the Netherlands on or before it, less than two years before it. */
const NIEUWKOMER = (vestiging: string, t: string) => `coalesce(${vestiging} <= ${t} AND ${vestiging} > (${t} - interval '2 years')::date, false)`;

/** Vestigingscodes of RIO that count as funded. */
const BEKOSTIGD_IN_RIO = `('BEKOSTIGD', 'RIJKS', 'LUMPSUM')`;

/** An instant as the messages write it (UTC, milliseconds). */
export const tijdstipJson = (instant: string) => `to_char(${instant} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The Bekostigingsstatus message (rod.md §8.4) of status row `s` and person `pe`; `signalen` the signal objects (jsonb);
 * `bepaaldOp` the text of datumTijdBepaling when every row has the same (computed once instead of per row).
 */
export const statusData = (s: string, pe: string, aanleiding: string, signalen = `bekostigingssignalen_json(${s}.signalen)`, bepaaldOp = tijdstipJson(`${s}.bepaald_op`)) => `jsonb_build_object(
  'inschrijvingId', ${s}.inschrijving_id,
  'inschrijvingvolgnummer', ${s}.inschrijvingvolgnummer,
  'instellingscode', ${s}.instellingscode,
  'vestigingscode', ${s}.vestigingscode,
  'persoonsgebondenNummer', CASE WHEN ${pe}.burgerservicenummer IS NOT NULL THEN jsonb_build_object('burgerservicenummer', ${pe}.burgerservicenummer)
                                 ELSE jsonb_build_object('onderwijsnummer', ${pe}.onderwijsnummer) END,
  'teldatum', ${s}.teldatum,
  'soortBekostiging', ${s}.soort_bekostiging,
  'status', ${s}.status,
  'statusBepaling', ${s}.status_bepaling,
  'signalen', ${signalen},
  'datumTijdBepaling', ${bepaaldOp},
  'aanleiding', ${aanleiding})`;

/**
 * The signal objects of `codes` (jsonb): no signal, the common case of a funded pupil, is written here; only signals
 * call bekostigingssignalen_json. That SQL function is planned anew in every statement that calls it, which cost as
 * much as the rest of a small group's events.
 */
const SIGNALEN_JSON = (codes: string) => `CASE WHEN cardinality(${codes}) = 0 THEN '[]'::jsonb ELSE bekostigingssignalen_json(${codes}) END`;

/**
 * Outbox rows for the status rows in CTE `bron` (joined with rod_persoon `pe`, unless `bron` carries the person's
 * burgerservicenummer and onderwijsnummer itself: `metPersoon`); $1 sandbox, `tijd` the event time.
 * The signal objects come from a lookup of the few distinct signal combinations (`sg`, materialised: a function call
 * per combination), not a function call per row: at national scale that call was a third of the recompute. The lookup
 * is a subquery per row over those few rows, not a join: the planner cannot tell how many rows `bron` has, and a join
 * could hash all of them and probe with the few, walking one long chain of equal keys per combination.
 */
export const statusEvents = (bron: string, tijd: string, aanleiding: string, where = 'true', bepaaldOp?: string, metPersoon = false) => `
  INSERT INTO outbox_event (sandbox_id, event_id, type, source, subject, instellingscode, ordering_key, time, data)
  WITH sg AS MATERIALIZED (SELECT d.signalen, ${SIGNALEN_JSON('d.signalen')} AS j FROM (SELECT DISTINCT s.signalen FROM ${bron} s WHERE ${where}) d)
  SELECT $1, gen_random_uuid(), '${BEKOSTIGINGSSTATUS_TYPE}', '${ROD_EVENT_SOURCE}', 'inschrijving/' || s.inschrijving_id, s.instellingscode, s.persoon_id::text, ${tijd},
         ${statusData('s', metPersoon ? 's' : 'pe', aanleiding, '(SELECT sg.j FROM sg WHERE sg.signalen = s.signalen)', bepaaldOp)}
    FROM ${bron} s${metPersoon ? '' : ' JOIN rod_persoon pe ON pe.id = s.persoon_id'}
   WHERE ${where}
   ORDER BY s.persoon_id, s.teldatum, s.inschrijving_id, s.soort_bekostiging`;

/**
 * One set-based statement that (re)computes bekostigingsstatussen and writes an event per status that changed.
 * Parameters ($2–$4 and $9: one element per teldatum and soort): $1 sandbox, $2 teldata, $3 deadline end per teldatum (instant), $4 mode per teldatum ('V' = upsert
 * voorlopig; 'D' = the deadline passed: only insert what is missing, as definitief), $5 the instant (bepaald_op and
 * event time), $6 the scope value, $7 whether to write events, $8 aanleiding, $9 the soortBekostiging.
 *
 * Rules (rod.md §8.2): active on T and a periode on T (B01); indicatieBekostiging not false (B03); registered before the
 * deadline's end (B04); at an sbo vestiging, and for so/vso cluster 3/4, a toelaatbaarheidsverklaring valid on T (B05); inside the age range of WPO art. 39 on T,
 * for vso up to the schooljaar in which the pupil turns 20 (B06, leeftijdSql: one definition with ROD's 230/251); PGN verified — a BSN, or an
 * onderwijsnummer of a pupil living abroad (B07); the vestiging funded in RIO on T (B08). Then the tie-break (§8.3): among the
 * person's inschrijvingen that pass, a definitief funded one keeps it, else the latest datumInschrijving, then the earliest
 * received (receive time, then the receive number: equal under a frozen clock); the others get B02. Definitief rows never change.
 * Per soortBekostiging: every teldatum gives each active inschrijving a REGULIER or GROEI status; 1 January, April, July and
 * October give a nieuwkomer (teldata.ts isNieuwkomer) a NIEUWKOMERS status besides, by the same rules and tie-break; a
 * NIEUWKOMERS status of a pupil who is no longer a nieuwkomer on T stays, NIET_BEKOSTIGD with B09 (a change is always pushed).
 *
 * `nieuw` (a chunk of the sandbox, 'personen'): the caller found no status of the chunk's persons, so every computed
 * status is new. The old statuses are not read, the statuses are inserted plainly (no speculative insertion and its
 * probe per row: a concurrent status for one of the persons makes the statement fail with a unique violation, and the
 * caller computes the chunk again without `nieuw`), and the events are built from the computed rows themselves, which
 * carry the person's numbers: no second read of the written rows nor of the persons. Same statuses and events as the
 * upsert gives on an empty chunk.
 */
export function recomputeSql(bereik: Bereik, nieuw = false): string {
  if (nieuw && bereik !== 'personen') throw new Error(`recomputeSql: nieuw is for a chunk of persons, not '${bereik}'`);
  // A whole sandbox or a chunk of it: every step below is computed once per row before the next join (OFFSET 0 keeps
  // the planner from flattening it), so the hash joins and the tie-break's sort carry narrow rows, not the inschrijving's
  // jsonb; a chunk reads only its own persons' statuses and persons (their ids are the chunk's bounds).
  const groot = bereik === 'personen' || bereik === 'sandbox';
  const apart = groot ? '\n    OFFSET 0' : '';
  const chunk = (kolom: string) => (bereik === 'personen' ? ` AND ${kolom} > ($6::uuid[])[1] AND ${kolom} <= ($6::uuid[])[2]` : '');
  return `
  WITH t AS (
    SELECT x.teldatum, x.deadline_eind, x.modus, x.soort,
           ${leeftijdSql.beginSchooljaar('x.teldatum')} AS schooljaar_begin
      FROM unnest($2::date[], $3::timestamptz[], $4::text[], $9::text[]) AS x(teldatum, deadline_eind, modus, soort)),
  rio AS (
    SELECT DISTINCT v.vestigingscode, t.teldatum
      FROM v_rio_vestiging_bekostiging v JOIN t ON ${geldigOpSql('v.begindatum', 'v.einddatum', 't.teldatum')}
     WHERE v.sandbox_id = $1 AND v.bekostigingscode IN ${BEKOSTIGD_IN_RIO}${bereik === 'persoonlijst' ? ` AND v.vestigingscode IN (${VESTIGINGEN_VAN_PERSONEN})` : ''}),
  sbo AS (
    SELECT e.code AS instellingscode FROM rio_instellingserkenning e WHERE e.sandbox_id = $1 AND e.soort = 'SBAS'),
  ${bereik === 'persoonlijst' ? OUDE_STATUSSEN_VAN_PERSONEN : ''}c AS (
    SELECT i.id, i.persoon_id, i.instellingscode, i.inschrijvingvolgnummer, i.datum_inschrijving, i.eerst_ontvangen_op, i.ontvangst_volgnummer,
           t.teldatum, t.modus, t.soort, t.schooljaar_begin,
           (i.datum_inschrijving <= t.teldatum AND (i.datum_uitschrijving IS NULL OR i.datum_uitschrijving >= t.teldatum)) AS actief,
           ${NIEUWKOMER('i.datum_vestiging_in_nederland', 't.teldatum')} AS nieuwkomer,
           i.ontvangen_op >= t.deadline_eind AS te_laat,
           (coalesce((i.speciaal_onderwijs->>'cluster')::int IN (3, 4), false) OR i.instellingscode IN (SELECT sbo.instellingscode FROM sbo)) AND NOT EXISTS (
             SELECT 1 FROM jsonb_array_elements(i.toelaatbaarheidsverklaringen) x
              WHERE (x->>'datumBegin')::date <= t.teldatum AND (x->>'datumEinde' IS NULL OR (x->>'datumEinde')::date >= t.teldatum)) AS zonder_tlv,
           ${leeftijdSql.maxLeeftijd(`i.speciaal_onderwijs->>'schoolsoort'`)} AS max_leeftijd
      FROM rod_inschrijving i CROSS JOIN t
     WHERE i.sandbox_id = $1 AND ${BEREIK[bereik]}${apart}),
  r AS (
    SELECT c.id, c.persoon_id, c.instellingscode, c.inschrijvingvolgnummer, c.datum_inschrijving, c.eerst_ontvangen_op, c.ontvangst_volgnummer,
           c.teldatum, c.modus, c.soort, per.vestigingscode,${
             nieuw
               ? `
           NULL::text AS oud_status, NULL::bpchar AS oud_bepaling, NULL::text[] AS oud_signalen, NULL::bpchar AS oud_vestiging,
           pe.burgerservicenummer, pe.onderwijsnummer,`
               : `
           s.status AS oud_status, s.status_bepaling AS oud_bepaling, s.signalen AS oud_signalen, s.vestigingscode AS oud_vestiging,`
           }
           array_remove(ARRAY[
             CASE WHEN NOT c.actief OR per.inschrijving_id IS NULL THEN 'B01_niet_ingeschreven_op_teldatum' END,
             CASE WHEN per.indicatie_bekostiging IS FALSE THEN 'B03_indicatie_bekostiging_nee' END,
             CASE WHEN c.te_laat THEN 'B04_te_laat_geregistreerd' END,
             CASE WHEN per.inschrijving_id IS NOT NULL AND c.zonder_tlv THEN 'B05_geen_geldige_tlv' END,
             CASE WHEN ${leeftijdSql.buitenBekostigdeLeeftijd('pe.geboortedatum', 'c.teldatum', 'c.schooljaar_begin', 'c.max_leeftijd')} THEN 'B06_leeftijd' END,
             CASE WHEN pe.burgerservicenummer IS NULL AND (pe.onderwijsnummer IS NULL OR pe.landcode = '6030') THEN 'B07_pgn_niet_geverifieerd' END,
             CASE WHEN per.inschrijving_id IS NOT NULL AND rio.vestigingscode IS NULL THEN 'B08_vestiging_niet_bekostigd' END,
             CASE WHEN c.soort = 'NIEUWKOMERS' AND NOT c.nieuwkomer THEN 'B09_geen_nieuwkomer' END
           ]::text[], NULL) AS eigen
      FROM c${
        nieuw
          ? ''
          : `
      LEFT JOIN ${bereik === 'persoonlijst' ? 'oud' : 'bekostigingsstatus'} s ON s.inschrijving_id = c.id AND s.teldatum = c.teldatum AND s.soort_bekostiging = c.soort${chunk('s.persoon_id')}`
      }
      JOIN rod_persoon pe ON pe.id = c.persoon_id${chunk('pe.id')}
      LEFT JOIN rod_inschrijving_periode per ON per.inschrijving_id = c.id AND per.datum_begin <= c.teldatum AND (per.datum_einde IS NULL OR per.datum_einde >= c.teldatum)
      LEFT JOIN rio ON rio.vestigingscode = per.vestigingscode AND rio.teldatum = c.teldatum
     WHERE ${nieuw ? '' : 's.inschrijving_id IS NOT NULL OR '}(c.actief AND (c.soort <> 'NIEUWKOMERS' OR c.nieuwkomer))${apart}),
  k AS (
    SELECT r.*, coalesce(r.oud_bepaling = 'D', false) AS bevroren,
           CASE WHEN r.oud_bepaling = 'D' THEN r.oud_status = 'BEKOSTIGD' ELSE cardinality(r.eigen) = 0 END AS kandidaat
      FROM r),
  rk AS (
    SELECT k.*, row_number() OVER (PARTITION BY k.persoon_id, k.teldatum, k.soort ORDER BY k.kandidaat DESC, k.bevroren DESC, k.datum_inschrijving DESC, k.eerst_ontvangen_op, k.ontvangst_volgnummer) AS rang
      FROM k),
  f AS (
    SELECT rk.id, rk.teldatum, rk.persoon_id, rk.instellingscode, rk.inschrijvingvolgnummer, rk.vestigingscode, rk.soort, rk.modus,
           rk.oud_status, rk.oud_signalen, rk.oud_vestiging,${nieuw ? ' rk.burgerservicenummer, rk.onderwijsnummer,' : ''}
           CASE WHEN rk.kandidaat AND rk.rang = 1 THEN 'BEKOSTIGD' ELSE 'NIET_BEKOSTIGD' END AS status,
           CASE WHEN rk.kandidaat AND rk.rang > 1 THEN ARRAY['B02_dubbele_inschrijving']::text[] ELSE rk.eigen END AS signalen
      FROM rk
     WHERE NOT rk.bevroren AND (rk.modus = 'V' OR rk.oud_status IS NULL)),
  up AS (
    INSERT INTO bekostigingsstatus AS b (inschrijving_id, teldatum, sandbox_id, persoon_id, instellingscode, inschrijvingvolgnummer, vestigingscode,
                                         soort_bekostiging, status, status_bepaling, signalen, bepaald_op)
    SELECT f.id, f.teldatum, $1, f.persoon_id, f.instellingscode, f.inschrijvingvolgnummer, f.vestigingscode, f.soort, f.status, f.modus, f.signalen, $5
      FROM f${
        nieuw
          ? `
     ORDER BY f.id, f.teldatum, f.soort
    RETURNING 1),
  geschreven AS NOT MATERIALIZED (
    SELECT f.id AS inschrijving_id, f.persoon_id, f.instellingscode, f.inschrijvingvolgnummer, f.vestigingscode, f.teldatum, f.soort AS soort_bekostiging,
           f.status, f.modus AS status_bepaling, f.signalen, f.burgerservicenummer, f.onderwijsnummer
      FROM f),`
          : `
     WHERE f.oud_status IS NULL OR f.status <> f.oud_status OR f.signalen <> f.oud_signalen OR f.vestigingscode IS DISTINCT FROM f.oud_vestiging
     ORDER BY f.id, f.teldatum, f.soort
    ON CONFLICT (inschrijving_id, teldatum, soort_bekostiging) DO UPDATE
       SET status = EXCLUDED.status, signalen = EXCLUDED.signalen, vestigingscode = EXCLUDED.vestigingscode, bepaald_op = EXCLUDED.bepaald_op
     WHERE b.status_bepaling = 'V'
    RETURNING b.*),`
      }
  ev AS (${statusEvents(nieuw ? 'geschreven' : 'up', '$5', '$8::text', '$7::boolean', `(SELECT ${tijdstipJson('$5::timestamptz')})`, nieuw)} RETURNING 1)
  SELECT (SELECT count(*) FROM up)::int AS statussen, (SELECT count(*) FROM ev)::int AS events`;
}

/**
 * What a full recompute reads of RIO for sandbox $1 and teldata $2, as the recompute's CTEs rio and sbo read it: the
 * vestigingen funded per teldatum ('vestigingscode@teldatum') and the sbo instellingen, each sorted (change detection).
 */
export const RIO_STAND_SQL = `
  SELECT (SELECT coalesce(array_agg(DISTINCT v.vestigingscode || '@' || t.teldatum::text), '{}')
            FROM v_rio_vestiging_bekostiging v JOIN unnest($2::date[]) AS t(teldatum) ON ${geldigOpSql('v.begindatum', 'v.einddatum', 't.teldatum')}
           WHERE v.sandbox_id = $1 AND v.bekostigingscode IN ${BEKOSTIGD_IN_RIO}) AS rio,
         (SELECT coalesce(array_agg(DISTINCT e.code::text), '{}') FROM rio_instellingserkenning e WHERE e.sandbox_id = $1 AND e.soort = 'SBAS') AS sbo`;

/** The lock of a sandbox's change tracking (see migration BekostigingWijzigingen): a full recompute takes it exclusively to begin. */
export const BASIS_SLOT_SQL = `SELECT pg_advisory_xact_lock(hashtextextended('bekostiging-basis:' || $1::text, 0))`;

/** Whether sandbox $1's changes are tracked (takes the tracking lock shared, as the writers' triggers do). */
export const GEVOLGD_SQL = `SELECT cardinality(bekostiging_gevolgd(ARRAY[$1::uuid], 0)) > 0 AS gevolgd`;

/** Marks the pupils of sandbox $1 with a periode at a vestiging of $2 or an inschrijving at an instelling of $3 for the next rerun. */
export const MARKEER_RIO_SQL = `
  INSERT INTO bekostiging_vuil (sandbox_id, persoon_id)
  SELECT $1, x.persoon_id FROM (
    SELECT i.persoon_id FROM rod_inschrijving_periode p JOIN rod_inschrijving i ON i.id = p.inschrijving_id
     WHERE p.sandbox_id = $1 AND p.vestigingscode = ANY ($2::char(6)[])
    UNION
    SELECT i.persoon_id FROM rod_inschrijving i WHERE i.sandbox_id = $1 AND i.instellingscode = ANY ($3::char(4)[])) x
  ON CONFLICT (sandbox_id, persoon_id) DO UPDATE SET gemarkeerd_op = statement_timestamp()`;

/**
 * Takes the marks of the persons of $2 in sandbox $1 (those no concurrent writer holds: its change is not committed and
 * stays marked), for a recompute in the same transaction.
 */
export const NEEM_VUIL_SQL = `
  WITH d AS (
    DELETE FROM bekostiging_vuil v
     WHERE v.sandbox_id = $1 AND v.persoon_id IN (
       SELECT x.persoon_id FROM bekostiging_vuil x WHERE x.sandbox_id = $1 AND x.persoon_id = ANY ($2::uuid[]) FOR UPDATE SKIP LOCKED)
    RETURNING v.persoon_id)
  SELECT d.persoon_id::text AS id FROM d ORDER BY d.persoon_id`;

/** The upper bound of the next chunk of `$3` inschrijvingen of sandbox $1 after person $2 (no row: none left). */
export const VOLGENDE_PERSONEN_SQL = `
  SELECT x.persoon_id::text AS tot
    FROM (SELECT i.persoon_id FROM rod_inschrijving i WHERE i.sandbox_id = $1 AND i.persoon_id > $2::uuid ORDER BY i.persoon_id LIMIT $3) x
   ORDER BY x.persoon_id DESC LIMIT 1`;

/** Whether no person of the chunk ($2: bounds as recomputeSql('personen') takes them) of sandbox $1 has a status. */
export const CHUNK_ZONDER_STATUSSEN_SQL = `
  SELECT NOT EXISTS (SELECT 1 FROM bekostigingsstatus s WHERE s.sandbox_id = $1 AND s.persoon_id > ($2::uuid[])[1] AND s.persoon_id <= ($2::uuid[])[2]) AS leeg`;

/** Voorlopig → definitief for one teldatum, with an event per status: $1 sandbox, $2 teldatum, $3 instant. */
export const VASTSTELLING_SQL = `
  WITH up AS (
    UPDATE bekostigingsstatus b SET status_bepaling = 'D', bepaald_op = $3
     WHERE b.sandbox_id = $1 AND b.teldatum = $2 AND b.status_bepaling = 'V'
    RETURNING b.*),
  ev AS (${statusEvents('up', '$3', `'VASTSTELLING'`, 'true', `(SELECT ${tijdstipJson('$3::timestamptz')})`)} RETURNING 1)
  SELECT (SELECT count(*) FROM up)::int AS statussen, (SELECT count(*) FROM ev)::int AS events`;

/** The initial push (as DUO's IVBG of March 2022): an event per kept status of a school ($2) or the sandbox ($2 null), teldata from $3 to today $5. */
export const INITIELE_LEVERING_SQL = `
  WITH ev AS (${statusEvents('bekostigingsstatus', '$4', `'INITIELE_LEVERING'`, 's.sandbox_id = $1 AND ($2::char(4) IS NULL OR s.instellingscode = $2) AND s.teldatum >= $3::date AND s.teldatum <= $5::date')} RETURNING 1)
  SELECT count(*)::int AS events FROM ev`;

/**
 * The Ovt (Overzicht vaststelling tellingen, rod.md §9.7) at a vaststelling: per bestuur (the school's bestuur on the teldatum: an
 * overgang moves a school's counts to the new bestuur from its overgangsdatum) and soortBekostiging the fixed counts of teldatum $2
 * (a nieuwkomers teldatum gives a second Ovt, subject …/nieuwkomers, for the NIEUWKOMERS statuses),
 * one event per school of the bestuur with statuses on it (routed by the school's machtigingen), carrying the school's
 * line and the bestuur's totals. $1 sandbox, $3 the instant of the vaststelling.
 */
export const OVT_SQL = `
  WITH s AS (
    SELECT b.instellingscode, b.status, b.signalen, b.soort_bekostiging FROM bekostigingsstatus b WHERE b.sandbox_id = $1 AND b.teldatum = $2),
  school AS (
    SELECT s.instellingscode, s.soort_bekostiging AS soort, count(*)::int AS n, (count(*) FILTER (WHERE s.status = 'BEKOSTIGD'))::int AS b,
           ${bestuurOpSql('$1', 's.instellingscode', '$2::date')} AS bestuur
      FROM s
     GROUP BY s.instellingscode, s.soort_bekostiging),
  sig AS (
    SELECT x.instellingscode, x.soort, jsonb_agg(jsonb_build_object('code', x.code, 'omschrijving', bekostigingssignalen_json(ARRAY[x.code])->0->>'omschrijving', 'aantal', x.aantal) ORDER BY x.code) AS j
      FROM (SELECT s.instellingscode, s.soort_bekostiging AS soort, c.code, count(*)::int AS aantal FROM s CROSS JOIN LATERAL unnest(s.signalen) AS c(code)
             GROUP BY s.instellingscode, s.soort_bekostiging, c.code) x
     GROUP BY x.instellingscode, x.soort),
  bestuur AS (
    SELECT school.bestuur, school.soort, count(*)::int AS scholen, sum(school.n)::int AS n, sum(school.b)::int AS b FROM school GROUP BY school.bestuur, school.soort),
  ev AS (
    INSERT INTO outbox_event (sandbox_id, event_id, type, source, subject, instellingscode, ordering_key, time, data)
    SELECT $1, gen_random_uuid(), '${OVT_TYPE}', '${ROD_EVENT_SOURCE}',
           'onderwijsbestuur/' || coalesce(school.bestuur, 'onbekend') || '/teldatum/' || to_char($2::date, 'YYYY-MM-DD') || CASE WHEN school.soort = 'NIEUWKOMERS' THEN '/nieuwkomers' ELSE '' END,
           school.instellingscode, 'ovt:' || coalesce(school.bestuur, school.instellingscode), $3,
           jsonb_build_object(
             'onderwijsbestuurcode', school.bestuur,
             'teldatum', to_char($2::date, 'YYYY-MM-DD'),
             'soortBekostiging', school.soort,
             'vastgesteldOp', to_char($3::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
             'instelling', jsonb_build_object('instellingscode', school.instellingscode, 'aantalInschrijvingen', school.n, 'aantalBekostigd', school.b,
                                              'aantalNietBekostigd', school.n - school.b, 'signalen', coalesce(sig.j, '[]'::jsonb)),
             'bestuur', jsonb_build_object('aantalInstellingen', bestuur.scholen, 'aantalInschrijvingen', bestuur.n, 'aantalBekostigd', bestuur.b, 'aantalNietBekostigd', bestuur.n - bestuur.b))
      FROM school JOIN bestuur ON bestuur.bestuur IS NOT DISTINCT FROM school.bestuur AND bestuur.soort = school.soort
      LEFT JOIN sig ON sig.instellingscode = school.instellingscode AND sig.soort = school.soort
     ORDER BY school.bestuur, school.soort, school.instellingscode
    RETURNING 1)
  SELECT (SELECT count(*) FROM ev)::int AS events`;
