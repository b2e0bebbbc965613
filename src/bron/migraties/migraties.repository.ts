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
  async maak(m: EntityManager, sandboxId: string): Promise<MigratieRij> {
    const [r] = await m.query(`INSERT INTO bron_migratie (sandbox_id, status) VALUES ($1, 'AANGEMAAKT') RETURNING *`, [sandboxId]);
    return r;
  }

  async lees(m: EntityManager, sandboxId: string | null, id: string, slot = false): Promise<MigratieRij | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const rows: MigratieRij[] = await m.query(
      `SELECT * FROM bron_migratie WHERE id = $1 AND ($2::uuid IS NULL OR sandbox_id = $2)${slot ? ' FOR UPDATE' : ''}`,
      [id, sandboxId],
    );
    return rows[0] ?? null;
  }

  async lijst(m: EntityManager, sandboxId: string): Promise<MigratieRij[]> {
    return m.query(`SELECT * FROM bron_migratie WHERE sandbox_id = $1 ORDER BY created_at DESC LIMIT 100`, [sandboxId]);
  }

  async zetStatus(m: EntityManager, id: string, status: MigratieStatus, fasen?: MigratieRij['fasen']) {
    await m.query(`UPDATE bron_migratie SET status = $2, fasen = coalesce($3::jsonb, fasen), updated_at = now() WHERE id = $1`, [id, status, fasen ? JSON.stringify(fasen) : null]);
  }

  async zetFase(m: EntityManager, id: string, fase: FaseNaam, stand: FaseStand) {
    await m.query(`UPDATE bron_migratie SET fasen = jsonb_set(fasen, $2::text[], $3::jsonb), updated_at = now() WHERE id = $1`, [id, [fase], JSON.stringify(stand)]);
  }

  /** Phase lezen counts up by a file's staged inschrijvingen (no count over the staging table per file). */
  async telGelezen(m: EntityManager, id: string, n: number) {
    await m.query(
      `UPDATE bron_migratie SET fasen = jsonb_set(fasen, '{lezen}', jsonb_build_object('status', 'KLAAR',
         'verwerkt', coalesce((fasen->'lezen'->>'verwerkt')::int, 0) + $2, 'totaal', coalesce((fasen->'lezen'->>'totaal')::int, 0) + $2)), updated_at = now() WHERE id = $1`,
      [id, n],
    );
  }

  /** Migrations left running (a crash or a stop): resumed at start. */
  async bezig(m: EntityManager): Promise<{ id: string; status: MigratieStatus }[]> {
    return m.query(`SELECT id, status FROM bron_migratie WHERE status IN ('PROEFDRAAI_BEZIG', 'CONVERSIE_BEZIG') ORDER BY created_at`);
  }

  async bestanden(m: EntityManager, migratieId: string): Promise<BestandRij[]> {
    return m.query(`SELECT * FROM bron_bestand WHERE migratie_id = $1 ORDER BY created_at, bestandsnaam`, [migratieId]);
  }

  async bestandMetHash(m: EntityManager, migratieId: string, hash: string): Promise<BestandRij | null> {
    const rows: BestandRij[] = await m.query(`SELECT * FROM bron_bestand WHERE migratie_id = $1 AND inhoud_hash = $2`, [migratieId, hash]);
    return rows[0] ?? null;
  }

  async volgendNr(m: EntityManager, migratieId: string): Promise<number> {
    const [{ n }] = await m.query(`SELECT coalesce(max(nr), 0)::bigint + 1 AS n FROM bron_staging WHERE migratie_id = $1`, [migratieId]);
    return Number(n);
  }

  async bewaarBestand(m: EntityManager, b: Omit<BestandRij, 'created_at' | 'grootte'> & { migratie_id: string; sandbox_id: string; grootte: number }): Promise<BestandRij> {
    const [r] = await m.query(
      `INSERT INTO bron_bestand (id, migratie_id, sandbox_id, bestandsnaam, inhoud_hash, grootte, instellingscode, status, fouten, aantal_regels, aantal_leerlingen, aantal_inschrijvingen)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING *`,
      [b.id, b.migratie_id, b.sandbox_id, b.bestandsnaam, b.inhoud_hash, b.grootte, b.instellingscode, b.status, JSON.stringify(b.fouten), b.aantal_regels, b.aantal_leerlingen, b.aantal_inschrijvingen],
    );
    return r;
  }

  async aantalStaging(m: EntityManager, migratieId: string): Promise<number> {
    const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM bron_staging WHERE migratie_id = $1`, [migratieId]);
    return n;
  }

  /** The results of a run start over (a dry run repeated after a new file). */
  async wisResultaten(m: EntityManager, migratieId: string, proef: boolean) {
    await m.query(`DELETE FROM bron_resultaat WHERE migratie_id = $1 AND proef = $2`, [migratieId, proef]);
  }

  /** The highest staged row that has a result in this run: the run resumes after it. */
  async cursor(m: EntityManager, migratieId: string, proef: boolean): Promise<{ nr: number; verwerkt: number }> {
    const [r] = await m.query(`SELECT coalesce(max(nr), 0)::bigint AS nr, count(*)::int AS verwerkt FROM bron_resultaat WHERE migratie_id = $1 AND proef = $2`, [migratieId, proef]);
    return { nr: Number(r.nr), verwerkt: r.verwerkt };
  }

  /** Read = goedgekeurd + afgekeurd (+ open while running): per file, per school and in total (grouping sets). */
  async telling(m: EntityManager, migratieId: string, proef: boolean): Promise<TellingRij[]> {
    return m.query(
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
  async afkeuringen(m: EntityManager, migratieId: string, proef: boolean, instellingscode: string): Promise<AfkeuringRij[]> {
    return m.query(
      `SELECT b.bestandsnaam, s.regel, s.instellingscode, s.inschrijvingvolgnummer, s.burgerservicenummer, s.onderwijsnummer, r.terugmeldingen
         FROM bron_resultaat r
         JOIN bron_staging s ON s.migratie_id = r.migratie_id AND s.nr = r.nr
         JOIN bron_bestand b ON b.id = s.bestand_id
        WHERE r.migratie_id = $1 AND r.proef = $2 AND r.instellingscode = $3 AND NOT r.goedgekeurd
        ORDER BY b.bestandsnaam, s.regel`,
      [migratieId, proef, instellingscode],
    );
  }

  async purge(m: EntityManager, sandboxId: string) {
    await m.query(`DELETE FROM bron_resultaat WHERE migratie_id IN (SELECT id FROM bron_migratie WHERE sandbox_id = $1)`, [sandboxId]);
    await m.query(`DELETE FROM bron_staging WHERE migratie_id IN (SELECT id FROM bron_migratie WHERE sandbox_id = $1)`, [sandboxId]);
    await m.query(`DELETE FROM bron_migratie WHERE sandbox_id = $1`, [sandboxId]);
    await m.query(`DELETE FROM bron_aansluiting WHERE sandbox_id = $1`, [sandboxId]);
    await m.query(`DELETE FROM bron_bevriezing WHERE sandbox_id = $1`, [sandboxId]);
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
