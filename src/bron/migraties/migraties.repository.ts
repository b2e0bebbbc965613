import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export type MigratieStatus = 'AANGEMAAKT' | 'PROEFDRAAI_BEZIG' | 'PROEFDRAAI_KLAAR' | 'CONVERSIE_BEZIG' | 'GECONVERTEERD';
export type FaseNaam = 'lezen' | 'proefdraai' | 'conversie' | 'bekostiging';

export interface FaseStand {
  status: 'WACHTEND' | 'BEZIG' | 'KLAAR';
  verwerkt: number;
  totaal: number;
  gestartOp?: string;
  klaarOp?: string;
}

export interface MigratieRij {
  id: string;
  sandbox_id: string;
  status: MigratieStatus;
  fasen: Partial<Record<FaseNaam, FaseStand>>;
  created_at: Date;
  updated_at: Date;
}

export interface BestandRij {
  id: string;
  bestandsnaam: string;
  inhoud_hash: string;
  grootte: string;
  instellingscode: string | null;
  status: 'GELEZEN' | 'AFGEKEURD';
  fouten: { code: string; regel: number | null; tekst: string }[];
  aantal_regels: number;
  aantal_leerlingen: number;
  aantal_inschrijvingen: number;
  created_at: Date;
}

/** A file's bookkeeping row before it is stored. */
export type NieuwBestand = Omit<BestandRij, 'created_at' | 'grootte'> & { grootte: number };

export interface TellingRij {
  bestand_id: string | null;
  instellingscode: string | null;
  gelezen: number;
  goedgekeurd: number;
  afgekeurd: number;
  open: number;
}

/** Every statement on the migration's own tables (bron_migratie, bron_bestand, bron_staging, bron_resultaat). */
@Injectable()
export class MigratiesRepository {
  async create(manager: EntityManager, sandboxId: string): Promise<MigratieRij> {
    const [r] = await manager.query(`INSERT INTO bron_migratie (sandbox_id, status) VALUES ($1, 'AANGEMAAKT') RETURNING *`, [sandboxId]);
    return r;
  }

  async get(manager: EntityManager, sandboxId: string | null, id: string, slot = false): Promise<MigratieRij | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const rows: MigratieRij[] = await manager.query(
      `SELECT * FROM bron_migratie WHERE id = $1 AND ($2::uuid IS NULL OR sandbox_id = $2)${slot ? ' FOR UPDATE' : ''}`,
      [id, sandboxId],
    );
    return rows[0] ?? null;
  }

  async list(manager: EntityManager, sandboxId: string): Promise<MigratieRij[]> {
    return manager.query(`SELECT * FROM bron_migratie WHERE sandbox_id = $1 ORDER BY created_at DESC LIMIT 100`, [sandboxId]);
  }

  async setStatus(manager: EntityManager, id: string, status: MigratieStatus, fasen?: MigratieRij['fasen']) {
    await manager.query(`UPDATE bron_migratie SET status = $2, fasen = coalesce($3::jsonb, fasen), updated_at = now() WHERE id = $1`, [id, status, fasen ? JSON.stringify(fasen) : null]);
  }

  async setFase(manager: EntityManager, id: string, fase: FaseNaam, stand: FaseStand) {
    await manager.query(`UPDATE bron_migratie SET fasen = jsonb_set(fasen, $2::text[], $3::jsonb), updated_at = now() WHERE id = $1`, [id, [fase], JSON.stringify(stand)]);
  }

  /** Phase lezen counts up by a file's staged inschrijvingen (no count over the staging table per file). */
  async addGelezen(manager: EntityManager, id: string, n: number) {
    await manager.query(
      `UPDATE bron_migratie SET fasen = jsonb_set(fasen, '{lezen}', jsonb_build_object('status', 'KLAAR',
         'verwerkt', coalesce((fasen->'lezen'->>'verwerkt')::int, 0) + $2, 'totaal', coalesce((fasen->'lezen'->>'totaal')::int, 0) + $2)), updated_at = now() WHERE id = $1`,
      [id, n],
    );
  }

  /** Migrations left running (a crash or a stop): resumed at start. */
  async listBezig(manager: EntityManager): Promise<{ id: string; status: MigratieStatus }[]> {
    return manager.query(`SELECT id, status FROM bron_migratie WHERE status IN ('PROEFDRAAI_BEZIG', 'CONVERSIE_BEZIG') ORDER BY created_at`);
  }

  async listBestanden(manager: EntityManager, migratieId: string): Promise<BestandRij[]> {
    return manager.query(`SELECT * FROM bron_bestand WHERE migratie_id = $1 ORDER BY created_at, bestandsnaam`, [migratieId]);
  }

  /** The files of a migration already staged with any of these content hashes. One statement (bpchar like the column, so the index is used). */
  async listBestandenMetHashes(manager: EntityManager, migratieId: string, hashes: string[]): Promise<BestandRij[]> {
    return manager.query(`SELECT * FROM bron_bestand WHERE migratie_id = $1 AND inhoud_hash = ANY($2::bpchar[])`, [migratieId, hashes]);
  }

  /**
   * Many files' bookkeeping rows in one statement; a file whose content hash this migration has already is left out
   * (the unique index decides). Answers the rows stored, in input order.
   */
  async saveBestanden(manager: EntityManager, migratieId: string, sandboxId: string, bestanden: NieuwBestand[]): Promise<BestandRij[]> {
    if (!bestanden.length) return [];
    const rows: BestandRij[] = await manager.query(
      `INSERT INTO bron_bestand (id, migratie_id, sandbox_id, bestandsnaam, inhoud_hash, grootte, instellingscode, status, fouten, aantal_regels, aantal_leerlingen, aantal_inschrijvingen)
       SELECT x.id, $1, $2, x.naam, x.hash, x.grootte, x.brin4, x.status, x.fouten, x.regels, x.leerlingen, x.inschrijvingen
         FROM unnest($3::uuid[], $4::text[], $5::text[], $6::bigint[], $7::text[], $8::text[], $9::jsonb[], $10::int[], $11::int[], $12::int[])
              AS x(id, naam, hash, grootte, brin4, status, fouten, regels, leerlingen, inschrijvingen)
       ON CONFLICT (migratie_id, inhoud_hash) DO NOTHING
       RETURNING *`,
      [
        migratieId, sandboxId, bestanden.map((b) => b.id), bestanden.map((b) => b.bestandsnaam), bestanden.map((b) => b.inhoud_hash), bestanden.map((b) => b.grootte),
        bestanden.map((b) => b.instellingscode), bestanden.map((b) => b.status), bestanden.map((b) => JSON.stringify(b.fouten)), bestanden.map((b) => b.aantal_regels),
        bestanden.map((b) => b.aantal_leerlingen), bestanden.map((b) => b.aantal_inschrijvingen),
      ],
    );
    const opId = new Map(rows.map((r) => [r.id, r]));
    return bestanden.flatMap((b) => opId.get(b.id) ?? []);
  }

  /** Staged rows taken back (a refused or already staged file): ranges of nr, first to last inclusive. One statement. */
  async clearStaging(manager: EntityManager, migratieId: string, reeksen: { van: number; tot: number }[]) {
    if (!reeksen.length) return;
    await manager.query(
      `DELETE FROM bron_staging s USING unnest($2::bigint[], $3::bigint[]) AS x(van, tot) WHERE s.migratie_id = $1 AND s.nr BETWEEN x.van AND x.tot`,
      [migratieId, reeksen.map((r) => r.van), reeksen.map((r) => r.tot)],
    );
  }

  async nextNummer(manager: EntityManager, migratieId: string): Promise<number> {
    const [{ n }] = await manager.query(`SELECT coalesce(max(nr), 0)::bigint + 1 AS n FROM bron_staging WHERE migratie_id = $1`, [migratieId]);
    return Number(n);
  }

  async countStaging(manager: EntityManager, migratieId: string): Promise<number> {
    const [{ n }] = await manager.query(`SELECT count(*)::int AS n FROM bron_staging WHERE migratie_id = $1`, [migratieId]);
    return n;
  }

  /** The results of a run start over (a dry run repeated after a new file). */
  async clearResultaten(manager: EntityManager, migratieId: string, proef: boolean) {
    await manager.query(`DELETE FROM bron_resultaat WHERE migratie_id = $1 AND proef = $2`, [migratieId, proef]);
  }

  /** The highest staged row that has a result in this run: the run resumes after it. */
  async cursor(manager: EntityManager, migratieId: string, proef: boolean): Promise<{ nr: number; verwerkt: number }> {
    const [r] = await manager.query(`SELECT coalesce(max(nr), 0)::bigint AS nr, count(*)::int AS verwerkt FROM bron_resultaat WHERE migratie_id = $1 AND proef = $2`, [migratieId, proef]);
    return { nr: Number(r.nr), verwerkt: r.verwerkt };
  }

  /** Read = goedgekeurd + afgekeurd (+ open while running): per file, per school and in total (grouping sets). */
  async getTelling(manager: EntityManager, migratieId: string, proef: boolean): Promise<TellingRij[]> {
    return manager.query(
      `SELECT s.bestand_id, s.instellingscode, count(*)::int AS gelezen,
              count(*) FILTER (WHERE r.goedgekeurd)::int AS goedgekeurd,
              count(*) FILTER (WHERE NOT r.goedgekeurd)::int AS afgekeurd,
              count(*) FILTER (WHERE r.nr IS NULL)::int AS open
         FROM bron_staging s
         LEFT JOIN bron_resultaat r ON r.migratie_id = s.migratie_id AND r.proef = $2 AND r.nr = s.nr
        WHERE s.migratie_id = $1
        GROUP BY GROUPING SETS ((s.bestand_id), (s.instellingscode), ())
        ORDER BY s.bestand_id NULLS LAST, s.instellingscode NULLS LAST`,
      [migratieId, proef],
    );
  }

  /** The rejected rows of one school, in file and line order. */
  async listAfkeuringen(manager: EntityManager, migratieId: string, proef: boolean, instellingscode: string): Promise<AfkeuringRij[]> {
    return manager.query(
      `SELECT b.bestandsnaam, s.regel, s.instellingscode, s.inschrijvingvolgnummer, s.burgerservicenummer, s.onderwijsnummer, r.terugmeldingen
         FROM bron_resultaat r
         JOIN bron_staging s ON s.migratie_id = r.migratie_id AND s.nr = r.nr
         JOIN bron_bestand b ON b.id = s.bestand_id
        WHERE r.migratie_id = $1 AND r.proef = $2 AND r.instellingscode = $3 AND NOT r.goedgekeurd
        ORDER BY b.bestandsnaam, s.regel`,
      [migratieId, proef, instellingscode],
    );
  }

  async purge(manager: EntityManager, sandboxId: string) {
    await manager.query(`DELETE FROM bron_resultaat WHERE migratie_id IN (SELECT id FROM bron_migratie WHERE sandbox_id = $1)`, [sandboxId]);
    await manager.query(`DELETE FROM bron_staging WHERE migratie_id IN (SELECT id FROM bron_migratie WHERE sandbox_id = $1)`, [sandboxId]);
    await manager.query(`DELETE FROM bron_migratie WHERE sandbox_id = $1`, [sandboxId]);
    await manager.query(`DELETE FROM bron_aansluiting WHERE sandbox_id = $1`, [sandboxId]);
    await manager.query(`DELETE FROM bron_bevriezing WHERE sandbox_id = $1`, [sandboxId]);
  }
}

export interface AfkeuringRij {
  bestandsnaam: string;
  regel: number;
  instellingscode: string;
  inschrijvingvolgnummer: string;
  burgerservicenummer: string | null;
  onderwijsnummer: string | null;
  terugmeldingen: { code: string; soort: string; tekst: string; veld?: string }[];
}
