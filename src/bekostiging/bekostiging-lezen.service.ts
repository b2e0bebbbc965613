import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isBeheer, Principal } from '../common/auth/principal';
import { ClockService } from '../common/clock/clock.service';
import { toPage } from '../common/pagination/pagination';
import { Problems } from '../common/problem/problem';
import { bestuurOpSql } from '../rio';
import { MachtigingenService, RodCode, rodProblem } from '../rod';
import { BekostigingService } from './bekostiging.service';
import { BekostigingsstatusResponse, InitieleLeveringRequest, OverzichtQuery, OverzichtResponse, StatusQuery } from './bekostiging.dto';
import { statusData } from './bekostiging.sql';
import { deadline } from './teldata';

/** Reading bekostiging (the OSB equivalent) and the initial push, for mandated vendors and beheer. */
@Injectable()
export class BekostigingLezenService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly machtigingen: MachtigingenService,
    private readonly bekostiging: BekostigingService,
    private readonly clock: ClockService,
  ) {}

  async listStatussen(principal: Principal, query: StatusQuery, path: string) {
    await this.assertGemachtigd(principal, query.instellingscode);
    // Only teldata up to the sandbox's today: after the clock was set back, later ones are not (yet) reached.
    const where = `s.sandbox_id = $1 AND s.instellingscode = $2 AND ($3::date IS NULL OR s.teldatum = $3) AND ($4::text IS NULL OR s.status = $4) AND s.teldatum <= $5::date
                   AND ($6::text IS NULL OR s.soort_bekostiging = $6)`;
    const params = [principal.sandboxId, query.instellingscode, query.teldatum ?? null, query.status ?? null, await this.clock.today(principal.sandboxId), query.soortBekostiging ?? null];
    const [{ n }]: { n: number }[] = await this.db.query(`SELECT count(*)::int AS n FROM bekostigingsstatus s WHERE ${where}`, params);
    const rows: { d: BekostigingsstatusResponse & { aanleiding?: string } }[] = await this.db.query(
      `SELECT ${statusData('s', 'pe', 'NULL')} AS d FROM bekostigingsstatus s JOIN rod_persoon pe ON pe.id = s.persoon_id
        WHERE ${where} ORDER BY s.teldatum DESC, s.soort_bekostiging, s.inschrijvingvolgnummer, s.inschrijving_id LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      params,
    );
    const items = rows.map(({ d }) => {
      delete d.aanleiding;
      return d;
    });
    return toPage(items, n, query, path, { instellingscode: query.instellingscode, teldatum: query.teldatum, status: query.status, soortBekostiging: query.soortBekostiging });
  }

  async listOverzichten(principal: Principal, query: OverzichtQuery): Promise<{ items: OverzichtResponse[] }> {
    await this.assertGemachtigd(principal, query.instellingscode);
    const rows: OverzichtResponse[] = await this.db.query(
      `WITH s AS (SELECT * FROM bekostigingsstatus WHERE sandbox_id = $1 AND instellingscode = $2 AND ($3::date IS NULL OR teldatum = $3) AND teldatum <= $4::date)
       SELECT t.instellingscode, ${bestuurOpSql('$1', 't.instellingscode', 't.teldatum')} AS "onderwijsbestuurcode", to_char(t.teldatum, 'YYYY-MM-DD') AS teldatum, t.soort AS "soortBekostiging",
              CASE WHEN t.voorlopig > 0 THEN 'V' ELSE 'D' END AS "statusBepaling", t.n AS "aantalInschrijvingen", t.bekostigd AS "aantalBekostigd", t.n - t.bekostigd AS "aantalNietBekostigd",
              (SELECT coalesce(jsonb_agg(x ORDER BY x.code), '[]') FROM (
                 SELECT sig.code, sig.omschrijving, count(*)::int AS aantal FROM s s2 CROSS JOIN LATERAL jsonb_to_recordset(bekostigingssignalen_json(s2.signalen)) AS sig(code text, omschrijving text)
                  WHERE s2.teldatum = t.teldatum AND s2.soort_bekostiging = t.soort GROUP BY sig.code, sig.omschrijving) x) AS signalen,
              (SELECT coalesce(jsonb_agg(jsonb_build_object('vestigingscode', v.vestigingscode, 'aantalBekostigd', v.b, 'aantalNietBekostigd', v.n - v.b) ORDER BY v.vestigingscode), '[]') FROM (
                 SELECT s3.vestigingscode, count(*)::int AS n, (count(*) FILTER (WHERE s3.status = 'BEKOSTIGD'))::int AS b FROM s s3
                  WHERE s3.teldatum = t.teldatum AND s3.soort_bekostiging = t.soort AND s3.vestigingscode IS NOT NULL GROUP BY s3.vestigingscode) v) AS vestigingen
         FROM (SELECT instellingscode, teldatum, soort_bekostiging AS soort, count(*)::int AS n,
                      (count(*) FILTER (WHERE status = 'BEKOSTIGD'))::int AS bekostigd, count(*) FILTER (WHERE status_bepaling = 'V') AS voorlopig
                 FROM s GROUP BY instellingscode, teldatum, soort_bekostiging) t
        ORDER BY t.teldatum DESC, t.soort`,
      [principal.sandboxId, query.instellingscode, query.teldatum ?? null, await this.clock.today(principal.sandboxId)],
    );
    return { items: rows.map((r) => ({ ...r, uitersteRegistratiedatum: deadline(r.teldatum) })) };
  }

  async createInitieleLevering(principal: Principal, req: InitieleLeveringRequest) {
    if (!req.instellingscode && !isBeheer(principal)) {
      throw Problems.invalidInput(
        [{ pointer: '/instellingscode', code: 'required_for_vendor', detail: 'instellingscode is required for a vendor' }],
        'A vendor asks for the initial push of one school: give instellingscode.',
      );
    }
    if (req.instellingscode) await this.assertGemachtigd(principal, req.instellingscode);
    return this.bekostiging.createInitieleLevering(principal.sandboxId, req.instellingscode ?? null);
  }

  private async assertGemachtigd(principal: Principal, instellingscode: string) {
    if (!(await this.machtigingen.isGemachtigd(this.db.manager, principal, instellingscode))) {
      throw rodProblem(RodCode.geenMachtiging, `Your organisation (OIN) holds no machtiging for instelling ${instellingscode} on this date.`);
    }
  }
}
