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
