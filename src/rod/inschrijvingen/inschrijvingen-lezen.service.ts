import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isBeheer, Principal } from '../../common/auth/principal';
import { ClockService } from '../../common/clock/clock.service';
import { PageQuery, toPage } from '../../common/pagination/pagination';
import { geenMachtiging } from '../rod.answers';
import { rodProblem } from '../rod.errors';
import { InschrijvingResponse, InschrijvingZoekRequest, RegistratieoverzichtQuery, VersieList } from './inschrijving.dto';

/** Current state, periodes aggregated; `$1` sandbox, `$2` today for the mandate check; callers add conditions. */
const SELECT = `
  SELECT i.id, i.instellingscode, p.burgerservicenummer, p.onderwijsnummer, i.inschrijvingvolgnummer,
         to_char(i.datum_inschrijving, 'YYYY-MM-DD') AS datum_inschrijving, to_char(i.datum_uitschrijving, 'YYYY-MM-DD') AS datum_uitschrijving,
         i.nnca, to_char(i.datum_vestiging_in_nederland, 'YYYY-MM-DD') AS datum_vestiging_in_nederland, i.ontwikkelingsperspectief, i.toelaatbaarheidsverklaringen, i.speciaal_onderwijs, i.kenmerken, i.versie, i.meldingen, i.bedrijfsdocument_id, i.eerst_ontvangen_op, i.ontvangen_op,
         (SELECT json_agg(json_build_object('datumBegin', to_char(x.datum_begin, 'YYYY-MM-DD'), 'datumEinde', to_char(x.datum_einde, 'YYYY-MM-DD'),
                   'vestigingscode', x.vestigingscode, 'onderwijsaanbiedercode', x.onderwijsaanbiedercode, 'onderwijslocatiecode', x.onderwijslocatiecode,
                   'groep', x.groep::text, 'leerjaar', x.leerjaar, 'indicatieBekostiging', x.indicatie_bekostiging) ORDER BY x.volgnummer)
            FROM rod_inschrijving_periode x WHERE x.inschrijving_id = i.id) AS periodes`;

const MANDAAT = `EXISTS (SELECT 1 FROM rod_machtiging g WHERE g.sandbox_id = i.sandbox_id AND g.oin = $3 AND g.instellingscode = i.instellingscode
                   AND g.geldig_vanaf <= $2::date AND (g.geldig_tot IS NULL OR g.geldig_tot >= $2::date))`;

interface Rij {
  id: string;
  instellingscode: string;
  burgerservicenummer: string | null;
  onderwijsnummer: string | null;
  inschrijvingvolgnummer: string;
  datum_inschrijving: string;
  datum_uitschrijving: string | null;
  nnca: string | null;
  datum_vestiging_in_nederland: string | null;
  ontwikkelingsperspectief: InschrijvingResponse['ontwikkelingsperspectief'];
  toelaatbaarheidsverklaringen: InschrijvingResponse['toelaatbaarheidsverklaring'];
  speciaal_onderwijs: InschrijvingResponse['speciaalOnderwijs'];
  kenmerken: { pedagogischDidactischConcept?: string[]; experiment?: string[]; vveProgramma?: string | null };
  versie: number;
  meldingen: InschrijvingResponse['meldingen'];
  bedrijfsdocument_id: string;
  eerst_ontvangen_op: Date;
  ontvangen_op: Date;
  periodes: InschrijvingResponse['inschrijvingPeriodeBO'];
  total?: number;
}

const toResponse = (r: Rij): InschrijvingResponse => ({
  inschrijvingId: r.id,
  instellingscode: r.instellingscode,
  persoonsgebondenNummer: r.burgerservicenummer ? { burgerservicenummer: r.burgerservicenummer } : { onderwijsnummer: r.onderwijsnummer! },
  inschrijvingvolgnummer: r.inschrijvingvolgnummer,
  datumInschrijving: r.datum_inschrijving,
  datumUitschrijving: r.datum_uitschrijving,
  nNCA: r.nnca,
  datumVestigingInNederland: r.datum_vestiging_in_nederland,
  inschrijvingPeriodeBO: r.periodes ?? [],
  speciaalOnderwijs: r.speciaal_onderwijs ?? null,
  pedagogischDidactischConcept: r.kenmerken?.pedagogischDidactischConcept ?? [],
  experiment: r.kenmerken?.experiment ?? [],
  vveProgramma: r.kenmerken?.vveProgramma ?? null,
  ontwikkelingsperspectief: r.ontwikkelingsperspectief,
  toelaatbaarheidsverklaring: r.toelaatbaarheidsverklaringen,
  versie: r.versie,
  meldingen: r.meldingen,
  identificatiecodeBedrijfsdocument: r.bedrijfsdocument_id,
  eerstOntvangenOp: new Date(r.eerst_ontvangen_op).toISOString(),
  ontvangenOp: new Date(r.ontvangen_op).toISOString(),
  _links: { self: { href: `/rod/v1/inschrijvingen/${r.id}` }, versies: { href: `/rod/v1/inschrijvingen/${r.id}/versies` } },
});

/** Reading back: one inschrijving, its versions, a search, and the registratieoverzicht of a school. Vendors see only their mandated schools. */
@Injectable()
export class InschrijvingenLezenService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: ClockService,
  ) {}

  private async base(principal: Principal): Promise<{ params: unknown[]; mandaat: string }> {
    const vandaag = await this.clock.today(principal.sandboxId);
    // Beheer sees every school; the condition still types $2 and $3.
    return { params: [principal.sandboxId, vandaag, principal.oin], mandaat: isBeheer(principal) ? '($2::date IS NOT NULL AND $3::text IS NOT NULL)' : MANDAAT };
  }

  async get(principal: Principal, id: string): Promise<InschrijvingResponse> {
    const { params, mandaat } = await this.base(principal);
    const [r]: Rij[] = await this.db.query(
      `${SELECT} FROM rod_inschrijving i JOIN rod_persoon p ON p.id = i.persoon_id WHERE i.sandbox_id = $1 AND i.id = $4 AND ${mandaat}`,
      [...params, id],
    );
    if (!r) throw rodProblem('not_found', 'No such inschrijving for your mandated schools in this sandbox.');
    return toResponse(r);
  }

  /** Every version, also after a verwijdering; visible while the vendor holds a mandate for the school. */
  async listVersies(principal: Principal, id: string): Promise<VersieList> {
    const { params, mandaat } = await this.base(principal);
    const rows: Record<string, any>[] = await this.db.query(
      `SELECT i.versie, i.soort, i.inhoud, i.meldingen, i.bedrijfsdocument_id, i.datum_tijd_bedrijfsdocument, i.client_id, i.oin, i.ontvangen_op
         FROM rod_inschrijving_versie i WHERE i.sandbox_id = $1 AND i.inschrijving_id = $4 AND ${mandaat} ORDER BY i.versie`,
      [...params, id],
    );
    if (!rows.length) throw rodProblem('not_found', 'No such inschrijving for your mandated schools in this sandbox.');
    return {
      inschrijvingId: id,
      items: rows.map((r) => ({
        versie: r.versie,
        soort: r.soort,
        inhoud: r.inhoud,
        meldingen: r.meldingen,
        identificatiecodeBedrijfsdocument: r.bedrijfsdocument_id,
        datumTijdBedrijfsdocument: new Date(r.datum_tijd_bedrijfsdocument).toISOString(),
        clientId: r.client_id,
        oin: r.oin,
        ontvangenOp: new Date(r.ontvangen_op).toISOString(),
      })),
    };
  }

  async search(principal: Principal, req: InschrijvingZoekRequest, query: PageQuery, path: string) {
    const { params, mandaat } = await this.base(principal);
    const where = ['i.sandbox_id = $1', mandaat];
    const pgn = req.persoonsgebondenNummer?.burgerservicenummer ?? req.persoonsgebondenNummer?.onderwijsnummer;
    if (pgn) {
      params.push(pgn);
      where.push(`(p.burgerservicenummer = $${params.length} OR p.onderwijsnummer = $${params.length})`);
    }
    if (req.instellingscode) {
      params.push(req.instellingscode);
      where.push(`i.instellingscode = $${params.length}`);
    }
    const rows: Rij[] = await this.db.query(
      `${SELECT}, count(*) OVER ()::int AS total FROM rod_inschrijving i JOIN rod_persoon p ON p.id = i.persoon_id
        WHERE ${where.join(' AND ')} ORDER BY i.instellingscode, i.datum_inschrijving, i.id LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      params,
    );
    return toPage(rows.map(toResponse), rows[0]?.total ?? 0, query, path);
  }

  /** The full state of one school on a peildatum: every inschrijving active that day, with all its periodes. */
  async getRegistratieoverzicht(principal: Principal, instellingscode: string, query: RegistratieoverzichtQuery, path: string) {
    const { params } = await this.base(principal);
    const peildatum = query.peildatum ?? (params[1] as string);
    if (!isBeheer(principal)) {
      const [ok]: { ok: boolean }[] = await this.db.query(
        `SELECT EXISTS (SELECT 1 FROM rod_machtiging WHERE sandbox_id = $1 AND oin = $3 AND instellingscode = $4 AND geldig_vanaf <= $2::date AND (geldig_tot IS NULL OR geldig_tot >= $2::date)) AS ok`,
        [...params, instellingscode],
      );
      if (!ok.ok) throw geenMachtiging(instellingscode);
    }
    const rows: Rij[] = await this.db.query(
      `${SELECT}, count(*) OVER ()::int AS total FROM rod_inschrijving i JOIN rod_persoon p ON p.id = i.persoon_id
        WHERE i.sandbox_id = $1 AND i.instellingscode = $2 AND i.datum_inschrijving <= $3::date AND (i.datum_uitschrijving IS NULL OR i.datum_uitschrijving >= $3::date)
        ORDER BY i.datum_inschrijving, i.id LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      [principal.sandboxId, instellingscode, peildatum],
    );
    const page = toPage(rows.map(toResponse), rows[0]?.total ?? 0, query, path, { peildatum: query.peildatum });
    return { instellingscode, peildatum, ...page };
  }

  /** Every inschrijving of a school as ROD holds it now, oldest first (the BRON freeze-backlog comparison); the caller checks the mandate. */
  async listVanSchool(sandboxId: string, instellingscode: string): Promise<InschrijvingResponse[]> {
    const rows: Rij[] = await this.db.query(
      `${SELECT} FROM rod_inschrijving i JOIN rod_persoon p ON p.id = i.persoon_id
        WHERE i.sandbox_id = $1 AND i.instellingscode = $2 ORDER BY i.datum_inschrijving, i.id`,
      [sandboxId, instellingscode],
    );
    return rows.map(toResponse);
  }
}
