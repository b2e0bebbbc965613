import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { isBeheer, Principal } from '../../common/auth/principal';
import { ClockService } from '../../common/clock/clock.service';
import { stableStringify } from '../../common/idempotency/stable-json';
import { gemachtigdSql } from '../machtigingen/machtigingen.service';
import { gemachtigdBericht } from '../machtigingen/mandaat-en-persoon';
import { RodRioPort } from '../rio-port';
import { afgekeurd } from '../rod.answers';
import { resultaatVan, RodProblem, rodProblem, Terugmelding } from '../rod.errors';
import { RodToegang } from '../toegang';
import { adviesRioVraag, beoordeelAdvies, heroverwegingVan } from './advies.beoordeling';
import { toPage } from '../../common/pagination/pagination';
import { geenMachtiging } from '../rod.answers';
import { AanleverenAdviesVoRequest, AdviesAntwoord, AdviesPage, AdviesResponse, AdviesVersieList, AdviezenQuery } from './adviezen.dto';
import { AdviesDocument, AdviezenRepository } from './adviezen.repository';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const links = (id: string) => ({ advies: { href: `/rod/v1/adviezen-vo/${id}` }, versies: { href: `/rod/v1/adviezen-vo/${id}/versies` } });

/**
 * AanleverenAdviesVO as a use case, in one transaction: machtiging (403 first) → stored answer of a resent bedrijfsdocument →
 * judge (`beoordeelAdvies`) → write → answer. Afgekeurd stores nothing; one advies per pupil, school and adviesjaar, a new
 * message replaces it as a new version.
 */
@Injectable()
export class AdviezenService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: ClockService,
    private readonly rio: RodRioPort,
    private readonly toegang: RodToegang,
    private readonly repository: AdviezenRepository,
  ) {}

  async submitAdvies(principal: Principal, req: AanleverenAdviesVoRequest): Promise<{ status: number; body: AdviesAntwoord }> {
    const requestHash = sha256(stableStringify(req));
    const now = await this.clock.now(principal.sandboxId);
    await this.toegang.assertToegang(principal.sandboxId, req.instellingscode, now);
    const docId = req.bedrijfsdocument.identificatiecodeBedrijfsdocument;
    return this.db.transaction(async (manager) => {
      const persoon = await gemachtigdBericht(manager, principal, req, now);
      const gelezen = await this.repository.read(manager, { sandboxId: principal.sandboxId, oin: principal.oin, docId, persoonId: persoon?.id ?? null, instellingscode: req.instellingscode, adviesjaar: req.adviesjaar });
      if (gelezen.document) return herhaal(gelezen.document, requestHash);
      const vraag = adviesRioVraag(req);
      const rio = vraag ? (await this.rio.checkPeriodes(manager, principal.sandboxId, [vraag]))[0] : null;
      const oordeel = beoordeelAdvies(req, { persoon, periodes: gelezen.periodes, huidig: gelezen.huidig }, { rio, nieuwId: randomUUID() });
      const advies = oordeel.nieuwAdvies;
      if (!advies) throw afgekeurd(oordeel.foutmeldingen, oordeel.meldingen, { identificatiecodeBedrijfsdocument: docId });
      const status = advies.nieuw ? 201 : 200;
      const body = antwoord(oordeel.meldingen, advies.adviesId, advies.versie, advies.gewijzigd, docId, now);
      const document: AdviesDocument = { request_hash: requestHash, status_code: status, antwoord: body };
      await this.repository.write(manager, advies, oordeel.meldingen, {
        sandboxId: principal.sandboxId, instellingscode: req.instellingscode, adviesjaar: req.adviesjaar, adviesvolgnummer: req.adviesvolgnummer, bedrijfsdocumentId: docId,
        datumTijdBedrijfsdocument: req.bedrijfsdocument.datumTijdBedrijfsdocument, clientId: principal.clientId, oin: principal.oin, ontvangenOp: now,
      }, document);
      return { status, body };
    });
  }

  private async assertMandaat(principal: Principal): Promise<{ params: unknown[]; conditie: string }> {
    const vandaag = await this.clock.today(principal.sandboxId);
    return { params: [principal.sandboxId, vandaag, principal.oin], conditie: isBeheer(principal) ? '($2::date IS NOT NULL AND $3::text IS NOT NULL)' : gemachtigdSql('$1', '$3', 'a.instellingscode', '$2') };
  }

  /** The current advies; 404 unless your OIN holds a machtiging for its school. */
  async get(principal: Principal, id: string): Promise<AdviesResponse> {
    const { params, conditie } = await this.assertMandaat(principal);
    const [r]: Record<string, any>[] = await this.db.query(`SELECT a.* FROM rod_advies_vo a WHERE a.sandbox_id = $1 AND a.id = $4 AND ${conditie}`, [...params, id]);
    if (!r) throw rodProblem('not_found', 'No such advies for your mandated schools in this sandbox.');
    return adviesResponse(r);
  }

  /** The adviezen of a school (optionally of one adviesjaar), newest adviesjaar first; 403 without a machtiging for it. */
  async list(principal: Principal, q: AdviezenQuery, path: string): Promise<AdviesPage> {
    const vandaag = await this.clock.today(principal.sandboxId);
    if (!isBeheer(principal)) {
      const [ok]: { ok: boolean }[] = await this.db.query(`SELECT ${gemachtigdSql('$1', '$2', '$3', '$4')} AS ok`, [principal.sandboxId, principal.oin, q.instellingscode, vandaag]);
      if (!ok.ok) throw geenMachtiging(q.instellingscode);
    }
    const rows: Record<string, any>[] = await this.db.query(
      `SELECT a.*, count(*) OVER ()::int AS total FROM rod_advies_vo a
        WHERE a.sandbox_id = $1 AND a.instellingscode = $2 AND ($3::int IS NULL OR a.adviesjaar = $3)
        ORDER BY a.adviesjaar DESC, a.ontvangen_op, a.id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
      [principal.sandboxId, q.instellingscode, q.adviesjaar ?? null],
    );
    return toPage(rows.map(adviesResponse), rows[0]?.total ?? 0, q, path, { instellingscode: q.instellingscode, adviesjaar: q.adviesjaar });
  }

  /** Every accepted version, oldest first. */
  async listVersies(principal: Principal, id: string): Promise<AdviesVersieList> {
    const { params, conditie } = await this.assertMandaat(principal);
    const rows: Record<string, any>[] = await this.db.query(
      `SELECT v.* FROM rod_advies_vo_versie v JOIN rod_advies_vo a ON a.id = v.advies_id WHERE v.sandbox_id = $1 AND v.advies_id = $4 AND ${conditie} ORDER BY v.versie`,
      [...params, id],
    );
    if (!rows.length) throw rodProblem('not_found', 'No such advies for your mandated schools in this sandbox.');
    return {
      items: rows.map((r) => ({
        versie: r.versie, inhoud: r.inhoud, meldingen: r.meldingen, identificatiecodeBedrijfsdocument: r.bedrijfsdocument_id,
        datumTijdBedrijfsdocument: new Date(r.datum_tijd_bedrijfsdocument).toISOString(), oin: r.oin, ontvangenOp: new Date(r.ontvangen_op).toISOString(),
      })),
    };
  }
}

function adviesResponse(r: Record<string, any>): AdviesResponse {
  const i = r.inhoud;
  return {
    adviesId: r.id, instellingscode: r.instellingscode, vestigingscode: i.vestigingscode, adviesvolgnummer: r.adviesvolgnummer, adviesjaar: r.adviesjaar,
    onderwijsaanbiedercode: i.onderwijsaanbiedercode, onderwijslocatiecode: i.onderwijslocatiecode, advies1: i.advies1, advies2: i.advies2,
    doorstroomtoets: i.doorstroomtoets ?? null, heroverweging: heroverwegingVan(i).heroverweging,
    versie: r.versie, meldingen: r.meldingen, ontvangenOp: new Date(r.ontvangen_op).toISOString(), _links: links(r.id),
  };
}

function herhaal(doc: AdviesDocument, requestHash: string): { status: number; body: AdviesAntwoord } {
  if (doc.request_hash !== requestHash) {
    throw rodProblem(RodProblem.bedrijfsdocumentHergebruikt, 'This identificatiecodeBedrijfsdocument was already answered for a message with other content; give every new message a new id.');
  }
  return { status: doc.status_code, body: doc.antwoord as AdviesAntwoord };
}

function antwoord(terugmeldingen: Terugmelding[], id: string, versie: number, gewijzigd: boolean, docId: string, now: Date): AdviesAntwoord {
  return { resultaat: resultaatVan(terugmeldingen), adviesId: id, versie, gewijzigd, identificatiecodeBedrijfsdocument: docId, ontvangenOp: now.toISOString(), meldingen: terugmeldingen, foutmeldingen: [], _links: links(id) };
}
