import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { prepared } from '../common/database/prepared';
import { geldigOpSql } from './rules/periodes';
import { bestuurOpSql } from './rules/overgang';

export type RioCode = 'instellingscode' | 'vestigingscode' | 'onderwijsaanbiedercode' | 'onderwijslocatiecode';
export interface RioPeriodeCheckInput {
  instellingscode: string;
  vestigingscode: string;
  onderwijsaanbiedercode: string;
  onderwijslocatiecode: string;
  /** YYYY-MM-DD */
  datum: string;
}
export type RioAfwijkingCheck = 'VESTIGING_GELDIG' | 'AANBIEDER_RELATIE' | 'LOCATIE_GEBRUIK' | 'AANGEBODEN_OPLEIDING';
export interface RioPeriodeCheckResult {
  /** Codes that do not exist in RIO in this sandbox, or a BRIN6 not under the BRIN4, or an aanbieder/locatie not of the BRIN4's bestuur: a foutmelding (nothing stored). */
  onbekend: RioCode[];
  /** Codes that exist but fail a date or link check on `datum` (rio.md §9 checks 1–5): a melding (stored). */
  afwijkingen: { check: RioAfwijkingCheck; detail: string }[];
  /** The Instellingssoort of the BRIN4 (BAS, SBAS, SPEC), null when the BRIN4 is unknown: ROD's contracts depend on it (bo/sbo vs so/vso). */
  instellingssoort: string | null;
}

interface CheckRow {
  instellingssoort: string | null;
  brin4_bekend: boolean;
  brin6_bekend: boolean;
  aanbieder_bekend: boolean;
  locatie_bekend: boolean;
  aanbieder_van_bestuur: boolean;
  locatie_van_bestuur: boolean;
  vestiging_geldig: boolean;
  aanbieder_in_bedrijf: boolean;
  relatie_geldig: boolean;
  gebruik_in_bedrijf: boolean;
  gebruik_relatie_geldig: boolean;
  opleiding_geldig: boolean;
}

const GELDIG = (alias: string, begin = 'begindatum', eind = 'einddatum', d = 'inp.d') => geldigOpSql(`${alias}.${begin}`, `${alias}.${eind}`, d);

/**
 * All of rio.md §9 checks 1–4 for a batch of inschrijvingsperiodes, as one SELECT: `sandbox` is the sandbox parameter and
 * `p` the first of five array parameters (instellingscodes, vestigingscodes, aanbiedercodes, locatiecodes, dates); with `k`,
 * a sixth array parameter tags each periode (e.g. with its submission) and comes back as column `k`.
 */
const checkSelect = (sandbox: string, p: number, k = false) => {
  const $ = (n: number) => `$${p + n}`;
  return `
SELECT
  inp.i,${k ? ' inp.k,' : ''}
  ie.soort AS instellingssoort,
  ie.code IS NOT NULL AS brin4_bekend,
  ve.code IS NOT NULL AS brin6_bekend,
  oa.code IS NOT NULL AS aanbieder_bekend,
  ol.code IS NOT NULL AS locatie_bekend,
  (ib.bestuur IS NULL OR EXISTS (
     SELECT 1 FROM rio_aanbieder_bestuur ab
      WHERE ab.sandbox_id = $1 AND ab.onderwijsaanbiedercode = inp.aanbieder AND ab.onderwijsbestuurcode = ib.bestuur)) AS aanbieder_van_bestuur,
  (ib.bestuur IS NULL OR EXISTS (
     SELECT 1 FROM rio_onderwijslocatiegebruik g
      WHERE g.sandbox_id = $1 AND g.onderwijsbestuurcode = ib.bestuur AND g.onderwijslocatiecode = inp.locatie)) AS locatie_van_bestuur,
  COALESCE(${GELDIG('ve', 'in_bedrijfdatum', 'uit_bedrijfdatum')} AND EXISTS (
     SELECT 1 FROM rio_vestigingserkenning_periode vp
      WHERE vp.sandbox_id = $1 AND vp.vestigingscode = ve.code AND ${GELDIG('vp')}), false) AS vestiging_geldig,
  COALESCE(${GELDIG('oa', 'in_bedrijfdatum', 'uit_bedrijfdatum')}, false) AS aanbieder_in_bedrijf,
  EXISTS (
     SELECT 1 FROM rio_juridische_relatie jr
      WHERE jr.sandbox_id = $1 AND jr.onderwijsaanbiedercode = inp.aanbieder AND jr.instellingscode = inp.brin4 AND ${GELDIG('jr')}) AS relatie_geldig,
  EXISTS (
     SELECT 1 FROM rio_onderwijslocatiegebruik g
      WHERE g.sandbox_id = $1 AND g.onderwijsbestuurcode = ib.bestuur AND g.onderwijslocatiecode = inp.locatie
        AND ${GELDIG('g', 'in_bedrijfdatum', 'uit_bedrijfdatum')}) AS gebruik_in_bedrijf,
  EXISTS (
     SELECT 1 FROM rio_locatiegebruik_relatie r
      WHERE r.sandbox_id = $1 AND r.onderwijsbestuurcode = ib.bestuur AND r.onderwijslocatiecode = inp.locatie
        AND r.vestigingscode = inp.brin6 AND ${GELDIG('r')}) AS gebruik_relatie_geldig,
  EXISTS (
     SELECT 1 FROM rio_aangeboden_opleiding ao
      WHERE ao.sandbox_id = $1 AND ao.onderwijsaanbiedercode = inp.aanbieder
        AND (ao.onderwijslocatiecode = inp.locatie OR ao.onderwijslocatiecode IS NULL)
        AND ${GELDIG('ao')}
        AND CASE ie.soort
              WHEN 'BAS' THEN ao.soort = 'BO' AND NOT ('SBO' = ANY (ao.doelgroepen))
              WHEN 'SBAS' THEN ao.soort = 'BO' AND 'SBO' = ANY (ao.doelgroepen)
              WHEN 'SPEC' THEN ao.soort IN ('SO', 'VSO')
              ELSE true
            END) AS opleiding_geldig
FROM unnest(${$(0)}::text[], ${$(1)}::text[], ${$(2)}::text[], ${$(3)}::text[], ${$(4)}::date[]${k ? `, ${$(5)}::int[]` : ''})
       WITH ORDINALITY AS inp(brin4, brin6, aanbieder, locatie, d${k ? ', k' : ''}, i)
LEFT JOIN rio_instellingserkenning ie ON ie.sandbox_id = $1 AND ie.code = inp.brin4
LEFT JOIN LATERAL (SELECT ${bestuurOpSql('$1', 'inp.brin4', 'inp.d')} AS bestuur) ib ON true
LEFT JOIN rio_vestigingserkenning ve ON ve.sandbox_id = $1 AND ve.code = inp.brin6 AND ve.instellingscode = inp.brin4
LEFT JOIN rio_onderwijsaanbieder oa ON oa.sandbox_id = $1 AND oa.code = inp.aanbieder
LEFT JOIN rio_onderwijslocatie ol ON ol.sandbox_id = $1 AND ol.code = inp.locatie`.replace(/\$1(?!\d)/g, sandbox);
};

const CHECK_SQL = `${checkSelect('$1', 2)}
ORDER BY inp.i`;

/**
 * For checkPeriodesBulk: per combination of codes ($2–$5: BRIN4, BRIN6, aanbieder, locatie), every date on which a row that
 * CHECK_SQL reads for it starts or ends (a superset: by one of its codes alone, whatever the bestuur, each through an index),
 * sorted, as YYYY-MM-DD.
 */
const GRENZEN_SQL = `
SELECT (SELECT coalesce(array_agg(DISTINCT to_char(g.d, 'YYYY-MM-DD') ORDER BY to_char(g.d, 'YYYY-MM-DD')), '{}') FROM (
          SELECT unnest(ARRAY[ve.in_bedrijfdatum, ve.uit_bedrijfdatum]) FROM rio_vestigingserkenning ve WHERE ve.sandbox_id = $1 AND ve.code = k.brin6
          UNION ALL SELECT unnest(ARRAY[vp.begindatum, vp.einddatum]) FROM rio_vestigingserkenning_periode vp WHERE vp.sandbox_id = $1 AND vp.vestigingscode = k.brin6
          UNION ALL SELECT unnest(ARRAY[oa.in_bedrijfdatum, oa.uit_bedrijfdatum]) FROM rio_onderwijsaanbieder oa WHERE oa.sandbox_id = $1 AND oa.code = k.aanbieder
          UNION ALL SELECT unnest(ARRAY[jr.begindatum, jr.einddatum]) FROM rio_juridische_relatie jr WHERE jr.sandbox_id = $1 AND jr.onderwijsaanbiedercode = k.aanbieder
          UNION ALL SELECT unnest(ARRAY[g.in_bedrijfdatum, g.uit_bedrijfdatum]) FROM rio_onderwijslocatiegebruik g WHERE g.sandbox_id = $1 AND g.onderwijslocatiecode = k.locatie
          UNION ALL SELECT unnest(ARRAY[r.begindatum, r.einddatum]) FROM rio_locatiegebruik_relatie r WHERE r.sandbox_id = $1 AND r.vestigingscode = k.brin6
          UNION ALL SELECT unnest(ARRAY[ao.begindatum, ao.einddatum]) FROM rio_aangeboden_opleiding ao WHERE ao.sandbox_id = $1 AND ao.onderwijsaanbiedercode = k.aanbieder
          UNION ALL SELECT unnest(ARRAY[ib.begindatum, ib.einddatum]) FROM rio_instelling_bestuur ib WHERE ib.sandbox_id = $1 AND ib.instellingscode = k.brin4
        ) g(d) WHERE g.d IS NOT NULL) AS grenzen
  FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS k(brin4, brin6, aanbieder, locatie, i)
 ORDER BY k.i`;

/** Every table CHECK_SQL, GRENZEN_SQL and VESTIGINGSGEBRUIK_SQL read. */
const CHECK_TABELLEN = [
  'rio_instellingserkenning', 'rio_instelling_bestuur', 'rio_vestigingserkenning', 'rio_vestigingserkenning_periode', 'rio_onderwijsaanbieder', 'rio_aanbieder_bestuur',
  'rio_onderwijslocatie', 'rio_onderwijslocatiegebruik', 'rio_locatiegebruik_relatie', 'rio_juridische_relatie', 'rio_aangeboden_opleiding',
];

/** A date before every date RIO holds: stands for the stretch before a combination's first grens. */
const VOOR_ALLES = '0001-01-01';
const ISO_DATUM = /^\d{4}-\d{2}-\d{2}$/;
/** A calendar date written as YYYY-MM-DD (not 2021-02-30). */
const kalenderdata = new Map<string, boolean>();
const isKalenderdatum = (d: string) => {
  let ja = kalenderdata.get(d);
  if (ja === undefined) {
    ja = ISO_DATUM.test(d) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
    // Bounded: a batch's dates are few (days of a few school years); anything else is asked afresh.
    if (kalenderdata.size < 100_000) kalenderdata.set(d, ja);
  }
  return ja;
};

/** The greatest grens on or before `d` (sorted `grenzen`), or VOOR_ALLES. */
function grensVan(grenzen: string[], d: string): string {
  let lo = 0;
  let hi = grenzen.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (grenzen[mid] <= d) lo = mid + 1;
    else hi = mid;
  }
  return lo ? grenzen[lo - 1] : VOOR_ALLES;
}

/** The distinct combinations of codes in a batch (first occurrence each), and per question the index of its combination. */
function perCombinatie<T>(inputs: T[], sleutel: (x: T) => string): { codes: T[]; combinatie: number[] } {
  const plek = new Map<string, number>();
  const codes: T[] = [];
  const combinatie = inputs.map((x) => {
    const k = sleutel(x);
    let n = plek.get(k);
    if (n === undefined) {
      n = codes.length;
      plek.set(k, n);
      codes.push(x);
    }
    return n;
  });
  return { codes, combinatie };
}

/**
 * The questions of a batch once per combination and stretch of time (`grenzen` per combination: the dates its RIO rows
 * start or end), each asked on its stretch's first day; `rij` the index of each question's answer. A date that is no
 * calendar date is asked as it is (the statement judges it as the date-by-date check would).
 */
function perStretch<T extends { datum: string }>(inputs: T[], combinatie: number[], grenzen: string[][]): { uniek: T[]; rij: number[] } {
  const plek = new Map<string, number>();
  const uniek: T[] = [];
  const rij = inputs.map((x, i) => {
    const c = combinatie[i];
    const datum = isKalenderdatum(x.datum) ? grensVan(grenzen[c], x.datum) : x.datum;
    const k = `${c}|${datum}`;
    let n = plek.get(k);
    if (n === undefined) {
      n = uniek.length;
      plek.set(k, n);
      uniek.push({ ...x, datum });
    }
    return n;
  });
  return { uniek, rij };
}

/**
 * BRIN6 → onderwijslocatie and onderwijsaanbieder on a date (the BRON → ROD conversion): the locatie whose
 * locatiegebruik is linked to the vestiging on the date, and the aanbieder with a juridische relatie to the BRIN4 on the
 * date, preferring one that offers an opleiding at that locatie then. Null where RIO has none.
 */
const VESTIGINGSGEBRUIK_SQL = `
WITH inp AS (SELECT * FROM unnest($2::text[], $3::text[], $4::date[]) WITH ORDINALITY AS t(brin4, brin6, d, i)),
loc AS (
  SELECT inp.*, (SELECT r.onderwijslocatiecode FROM rio_locatiegebruik_relatie r
                  WHERE r.sandbox_id = $1 AND r.vestigingscode = inp.brin6 AND ${GELDIG('r')}
                  ORDER BY r.begindatum DESC, r.onderwijslocatiecode LIMIT 1) AS locatie
    FROM inp)
SELECT loc.locatie,
       (SELECT jr.onderwijsaanbiedercode FROM rio_juridische_relatie jr
         WHERE jr.sandbox_id = $1 AND jr.instellingscode = loc.brin4 AND ${GELDIG('jr', 'begindatum', 'einddatum', 'loc.d')}
         ORDER BY EXISTS (SELECT 1 FROM rio_aangeboden_opleiding ao
                           WHERE ao.sandbox_id = $1 AND ao.onderwijsaanbiedercode = jr.onderwijsaanbiedercode
                             AND (ao.onderwijslocatiecode = loc.locatie OR ao.onderwijslocatiecode IS NULL)
                             AND ${GELDIG('ao', 'begindatum', 'einddatum', 'loc.d')}) DESC,
                  jr.onderwijsaanbiedercode LIMIT 1) AS aanbieder
  FROM loc ORDER BY loc.i`;

/**
 * For getVestigingsgebruikBulk: per (BRIN4 $2, BRIN6 $3), every date on which a row that VESTIGINGSGEBRUIK_SQL reads for
 * it starts or ends (the BRIN6's locatiegebruik relaties, the BRIN4's juridische relaties and every aangeboden opleiding
 * of their aanbieders), sorted, as YYYY-MM-DD.
 */
const GEBRUIK_GRENZEN_SQL = `
SELECT (SELECT coalesce(array_agg(DISTINCT to_char(g.d, 'YYYY-MM-DD') ORDER BY to_char(g.d, 'YYYY-MM-DD')), '{}') FROM (
          SELECT unnest(ARRAY[r.begindatum, r.einddatum]) FROM rio_locatiegebruik_relatie r WHERE r.sandbox_id = $1 AND r.vestigingscode = k.brin6
          UNION ALL SELECT unnest(ARRAY[jr.begindatum, jr.einddatum]) FROM rio_juridische_relatie jr WHERE jr.sandbox_id = $1 AND jr.instellingscode = k.brin4
          UNION ALL SELECT unnest(ARRAY[ao.begindatum, ao.einddatum]) FROM rio_juridische_relatie jr
                      JOIN rio_aangeboden_opleiding ao ON ao.sandbox_id = $1 AND ao.onderwijsaanbiedercode = jr.onderwijsaanbiedercode
                     WHERE jr.sandbox_id = $1 AND jr.instellingscode = k.brin4
        ) g(d) WHERE g.d IS NOT NULL) AS grenzen
  FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS k(brin4, brin6, i)
 ORDER BY k.i`;

/**
 * What other modules need from RIO (rio.md §9), callable inside their own transaction.
 * ROD checks every inschrijvingsperiode here: a batch is answered in one SQL round trip.
 */
@Injectable()
export class RioQueryService {
  async checkPeriodes(manager: EntityManager, sandboxId: string, inputs: RioPeriodeCheckInput[]): Promise<RioPeriodeCheckResult[]> {
    if (!inputs.length) return [];
    // Each distinct question once: the periodes of a school's pupils mostly share BRIN6, aanbieder, locatie and datumBegin.
    const plek = new Map<string, number>();
    const uniek: RioPeriodeCheckInput[] = [];
    const rij = inputs.map((x) => {
      const k = `${x.instellingscode}|${x.vestigingscode}|${x.onderwijsaanbiedercode}|${x.onderwijslocatiecode}|${x.datum}`;
      let n = plek.get(k);
      if (n === undefined) {
        n = uniek.length;
        plek.set(k, n);
        uniek.push(x);
      }
      return n;
    });
    const rows = await prepared<CheckRow>(manager, 'rio_check_periodes', CHECK_SQL, [sandboxId, ...checkParams(uniek)]);
    return inputs.map((x, i) => beoordeel(rows[rij[i]], x));
  }

  /**
   * checkPeriodes for a large batch (a migration's thousands of periodes): the same answers, with each question asked
   * once per stretch of time instead of once per date. Every check compares the date with the begin and end dates of the
   * RIO rows it reads (begin inclusive, end exclusive, and the bestuur by its begindatum), so between two consecutive
   * such dates the answer is the same: a first statement finds those dates for each combination of codes, a second asks
   * each combination once per stretch that a date of the batch falls in (on the stretch's first day). Texts name the date
   * as asked.
   */
  async checkPeriodesBulk(manager: EntityManager, sandboxId: string, inputs: RioPeriodeCheckInput[]): Promise<RioPeriodeCheckResult[]> {
    if (!inputs.length) return [];
    const { codes, combinatie } = perCombinatie(inputs, (x) => `${x.instellingscode}|${x.vestigingscode}|${x.onderwijsaanbiedercode}|${x.onderwijslocatiecode}`);
    const grenzen = (
      await prepared<{ grenzen: string[] }>(manager, 'rio_check_grenzen', GRENZEN_SQL, [
        sandboxId, codes.map((x) => x.instellingscode), codes.map((x) => x.vestigingscode), codes.map((x) => x.onderwijsaanbiedercode), codes.map((x) => x.onderwijslocatiecode),
      ])
    ).map((r) => r.grenzen);
    const { uniek, rij } = perStretch(inputs, combinatie, grenzen);
    const rows = await prepared<CheckRow>(manager, 'rio_check_periodes', CHECK_SQL, [sandboxId, ...checkParams(uniek)]);
    return inputs.map((x, i) => beoordeel(rows[rij[i]], x));
  }

  /**
   * checkPeriodes as a part of another module's statement, so a caller that reads more in the same round trip asks RIO
   * at once: `sql` is a SELECT of one row per periode with its tag in column `k` (the caller aggregates them, e.g. as JSON
   * per submission, ordered by column `i`), `params` its six array parameters from `firstParam` on, and `answer` turns
   * one tag's rows, in input order, into the results checkPeriodes would give.
   */
  checkPeriodesPart(sandboxParam: string, firstParam: number) {
    return {
      sql: checkSelect(sandboxParam, firstParam, true),
      params: (inputs: RioPeriodeCheckInput[], tags: number[]) => [...checkParams(inputs), tags],
      answer: (rows: unknown[], inputs: RioPeriodeCheckInput[]): RioPeriodeCheckResult[] => (rows as CheckRow[]).map((r, i) => beoordeel(r, inputs[i])),
    };
  }

  /**
   * Brings the planner's statistics of the tables the periode checks and BRIN6 lookups read up to date: after a bulk
   * change of a sandbox's RIO (a national seed just loaded) their statements would otherwise be planned on stale counts.
   */
  async analyze(manager: EntityManager): Promise<void> {
    await manager.query(`ANALYZE ${CHECK_TABELLEN.join(', ')}`);
  }

  /** BRIN6 (under a BRIN4) → onderwijslocatie and onderwijsaanbieder valid on a date, for a batch in one statement. */
  async getVestigingsgebruik(
    manager: EntityManager,
    sandboxId: string,
    inputs: { instellingscode: string; vestigingscode: string; datum: string }[],
  ): Promise<{ onderwijsaanbiedercode: string | null; onderwijslocatiecode: string | null }[]> {
    if (!inputs.length) return [];
    const rows: { locatie: string | null; aanbieder: string | null }[] = await manager.query(VESTIGINGSGEBRUIK_SQL, [
      sandboxId, inputs.map((x) => x.instellingscode), inputs.map((x) => x.vestigingscode), inputs.map((x) => x.datum),
    ]);
    return rows.map((r) => ({ onderwijsaanbiedercode: r.aanbieder, onderwijslocatiecode: r.locatie }));
  }

  /**
   * getVestigingsgebruik for a large batch (a migration's): the same answers, each (BRIN4, BRIN6) asked once per stretch
   * of time in which the RIO rows the lookup reads for it do not start or end (as checkPeriodesBulk does).
   */
  async getVestigingsgebruikBulk(
    manager: EntityManager,
    sandboxId: string,
    inputs: { instellingscode: string; vestigingscode: string; datum: string }[],
  ): Promise<{ onderwijsaanbiedercode: string | null; onderwijslocatiecode: string | null }[]> {
    if (!inputs.length) return [];
    const { codes, combinatie } = perCombinatie(inputs, (x) => `${x.instellingscode}|${x.vestigingscode}`);
    const grenzen = (
      (await manager.query(GEBRUIK_GRENZEN_SQL, [sandboxId, codes.map((x) => x.instellingscode), codes.map((x) => x.vestigingscode)])) as { grenzen: string[] }[]
    ).map((r) => r.grenzen);
    const { uniek, rij } = perStretch(inputs, combinatie, grenzen);
    const antwoorden = await this.getVestigingsgebruik(manager, sandboxId, uniek);
    return rij.map((n) => antwoorden[n]);
  }

  /** The BRIN4 with its bestuur on `datum` (an overgang moves it on its overgangsdatum). */
  async getInstelling(manager: EntityManager, sandboxId: string, instellingscode: string, datum: string): Promise<{ instellingscode: string; bestuurcode: string | null; naam: string } | null> {
    const rows: { code: string; onderwijsbestuurcode: string | null; naam: string }[] = await manager.query(
      `SELECT ie.code, coalesce(${bestuurOpSql('ie.sandbox_id', 'ie.code', '$3::date')}, ie.onderwijsbestuurcode) AS onderwijsbestuurcode,
              (SELECT p.naam FROM rio_instellingserkenning_periode p WHERE p.sandbox_id = ie.sandbox_id AND p.instellingscode = ie.code ORDER BY p.begindatum DESC LIMIT 1) AS naam
         FROM rio_instellingserkenning ie WHERE ie.sandbox_id = $1 AND ie.code = $2`,
      [sandboxId, instellingscode, datum],
    );
    return rows.length ? { instellingscode: rows[0].code, bestuurcode: rows[0].onderwijsbestuurcode, naam: rows[0].naam } : null;
  }

  /** Every BRIN4 of the sandbox, in code order. */
  async listInstellingscodes(manager: EntityManager, sandboxId: string): Promise<string[]> {
    const rows: { code: string }[] = await manager.query('SELECT code FROM rio_instellingserkenning WHERE sandbox_id = $1 ORDER BY code', [sandboxId]);
    return rows.map((r) => r.code);
  }

  /** The BRIN4s the bestuur is bevoegd gezag of on `datum`. */
  async listInstellingenVanBestuur(manager: EntityManager, sandboxId: string, bestuurcode: string, datum: string): Promise<string[]> {
    const rows: { code: string }[] = await manager.query(
      `SELECT DISTINCT ib.instellingscode AS code FROM rio_instelling_bestuur ib
        WHERE ib.sandbox_id = $1 AND ib.onderwijsbestuurcode = $2 AND ${geldigOpSql('ib.begindatum', 'ib.einddatum', '$3::date')} ORDER BY 1`,
      [sandboxId, bestuurcode, datum],
    );
    return rows.map((r) => r.code);
  }
}

const checkParams = (inputs: RioPeriodeCheckInput[]) => [
  inputs.map((x) => x.instellingscode),
  inputs.map((x) => x.vestigingscode),
  inputs.map((x) => x.onderwijsaanbiedercode),
  inputs.map((x) => x.onderwijslocatiecode),
  inputs.map((x) => x.datum),
];

function beoordeel(r: CheckRow, x: RioPeriodeCheckInput): RioPeriodeCheckResult {
  const onbekend: RioCode[] = [];
  if (!r.brin4_bekend) onbekend.push('instellingscode');
  if (!r.brin6_bekend) onbekend.push('vestigingscode');
  if (!r.aanbieder_bekend || (r.brin4_bekend && !r.aanbieder_van_bestuur)) onbekend.push('onderwijsaanbiedercode');
  if (!r.locatie_bekend || (r.brin4_bekend && !r.locatie_van_bestuur)) onbekend.push('onderwijslocatiecode');
  const afwijkingen: RioPeriodeCheckResult['afwijkingen'] = [];
  const datum = x.datum;
  if (!onbekend.includes('vestigingscode') && !r.vestiging_geldig) {
    afwijkingen.push({ check: 'VESTIGING_GELDIG', detail: `Vestiging ${x.vestigingscode} is op ${datum} niet erkend (niet in bedrijf).` });
  }
  if (!onbekend.includes('onderwijsaanbiedercode') && !onbekend.includes('instellingscode')) {
    if (!r.aanbieder_in_bedrijf) afwijkingen.push({ check: 'AANBIEDER_RELATIE', detail: `Onderwijsaanbieder ${x.onderwijsaanbiedercode} is op ${datum} niet in bedrijf.` });
    else if (!r.relatie_geldig) afwijkingen.push({ check: 'AANBIEDER_RELATIE', detail: `Onderwijsaanbieder ${x.onderwijsaanbiedercode} heeft op ${datum} geen juridische relatie met ${x.instellingscode}.` });
  }
  if (!onbekend.includes('onderwijslocatiecode') && !onbekend.includes('instellingscode')) {
    if (!r.gebruik_in_bedrijf) afwijkingen.push({ check: 'LOCATIE_GEBRUIK', detail: `Onderwijslocatie ${x.onderwijslocatiecode} is op ${datum} niet in gebruik bij het bestuur van ${x.instellingscode}.` });
    else if (!onbekend.includes('vestigingscode') && !r.gebruik_relatie_geldig) {
      afwijkingen.push({ check: 'LOCATIE_GEBRUIK', detail: `Het locatiegebruik van ${x.onderwijslocatiecode} hoort op ${datum} niet bij vestiging ${x.vestigingscode}.` });
    }
  }
  if (!onbekend.includes('onderwijsaanbiedercode') && !onbekend.includes('instellingscode') && !r.opleiding_geldig) {
    afwijkingen.push({ check: 'AANGEBODEN_OPLEIDING', detail: `Onderwijsaanbieder ${x.onderwijsaanbiedercode} biedt op ${datum} op locatie ${x.onderwijslocatiecode} geen opleiding aan die past bij het soort school van ${x.instellingscode}.` });
  }
  return { onbekend, afwijkingen, instellingssoort: r.instellingssoort };
}
