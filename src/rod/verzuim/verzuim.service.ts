import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { isBeheer, Principal } from '../../common/auth/principal';
import { ClockService } from '../../common/clock/clock.service';
import { stableStringify } from '../../common/idempotency/stable-json';
import { gemachtigdSql } from '../machtigingen/machtigingen.service';
import { gemachtigdBericht } from '../machtigingen/mandaat-en-persoon';
import { afgekeurd } from '../rod.answers';
import { resultaatVan, RodProblem, rodProblem } from '../rod.errors';
import { RodToegang } from '../toegang';
import { beoordeelVerzuim } from './verzuim.beoordeling';
import { VerzuimAntwoord, VerzuimmeldingRequest, VerzuimmeldingResponse } from './verzuim.dto';
import { VerzuimDocument, VerzuimRepository } from './verzuim.repository';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const links = (nummer: string) => ({ verzuimmelding: { href: `/rod/v1/verzuimmeldingen/${nummer}` } });

/**
 * Verzuimmelding as a use case, in one transaction: machtiging (403 first) → stored answer of a resent bedrijfsdocument →
 * judge (`beoordeelVerzuim`) → store under a new meldingsnummer → answer. While the register is closed for the school (the
 * BRON freeze, or before its aansluiting) a verzuimmelding is still taken, but only for a pupil already in ROD (rod.md §10).
 */
@Injectable()
export class VerzuimService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: ClockService,
    private readonly toegang: RodToegang,
    private readonly repository: VerzuimRepository,
  ) {}

  async submitMelding(principal: Principal, req: VerzuimmeldingRequest): Promise<{ status: number; body: VerzuimAntwoord }> {
    const requestHash = sha256(stableStringify(req));
    const now = await this.clock.now(principal.sandboxId);
    const registerGesloten = (await this.toegang.findWeigering(principal.sandboxId, req.instellingscode, now)) !== null;
    const pgn = req.persoonsgebondenNummer;
    const docId = req.bedrijfsdocument.identificatiecodeBedrijfsdocument;
    return this.db.transaction(async (manager) => {
      const persoon = await gemachtigdBericht(manager, principal, req, now);
      const gelezen = await this.repository.read(manager, { sandboxId: principal.sandboxId, oin: principal.oin, docId, persoonId: persoon?.id ?? null, instellingscode: req.instellingscode });
      if (gelezen.document) {
        if (gelezen.document.request_hash !== requestHash) {
          throw rodProblem(RodProblem.bedrijfsdocumentHergebruikt, 'This identificatiecodeBedrijfsdocument was already answered for a message with other content; give every new message a new id.');
        }
        return { status: gelezen.document.status_code, body: gelezen.document.antwoord as VerzuimAntwoord };
      }
      const oordeel = beoordeelVerzuim(req, { persoon, inschrijvingen: gelezen.inschrijvingen, eerdere: gelezen.eerdere }, { registerGesloten });
      if (!oordeel.persoonId) throw afgekeurd(oordeel.foutmeldingen, oordeel.meldingen, { identificatiecodeBedrijfsdocument: docId });
      const meldingsnummer = await this.repository.nextMeldingsnummer(manager);
      const body: VerzuimAntwoord = {
        resultaat: resultaatVan(oordeel.meldingen), meldingsnummer, identificatiecodeBedrijfsdocument: docId, ontvangenOp: now.toISOString(),
        meldingen: oordeel.meldingen, foutmeldingen: [], _links: links(meldingsnummer),
      };
      const document: VerzuimDocument = { request_hash: requestHash, status_code: 201, antwoord: body };
      const inhoud = {
        instellingscode: req.instellingscode, persoonsgebondenNummer: pgn, soortVerzuim: req.soortVerzuim, datumBegin: req.datumBegin,
        datumEinde: req.datumEinde ?? null, aantalUren: req.aantalUren ?? null, toelichting: req.toelichting ?? null,
      };
      await this.repository.write(manager, {
        meldingsnummer, sandboxId: principal.sandboxId, persoonId: oordeel.persoonId, instellingscode: req.instellingscode, soortVerzuim: req.soortVerzuim,
        datumBegin: req.datumBegin, datumEinde: req.datumEinde ?? null, inhoud, meldingen: oordeel.meldingen, bedrijfsdocumentId: docId, clientId: principal.clientId, oin: principal.oin, ontvangenOp: now,
      }, document);
      return { status: 201, body };
    });
  }

  /** A verzuimmelding by its meldingsnummer; 404 unless your OIN holds a machtiging for its school (or it is of another sandbox). */
  async get(principal: Principal, meldingsnummer: string): Promise<VerzuimmeldingResponse> {
    const vandaag = await this.clock.today(principal.sandboxId);
    const conditie = isBeheer(principal) ? '($2::date IS NOT NULL AND $3::text IS NOT NULL)' : gemachtigdSql('$1', '$3', 'v.instellingscode', '$2');
    const [r]: Record<string, any>[] = await this.db.query(`SELECT v.* FROM rod_verzuimmelding v WHERE v.sandbox_id = $1 AND v.meldingsnummer = $4 AND ${conditie}`, [
      principal.sandboxId, vandaag, principal.oin, meldingsnummer,
    ]);
    if (!r) throw rodProblem('not_found', 'No such verzuimmelding for your mandated schools in this sandbox.');
    const i = r.inhoud;
    return {
      meldingsnummer: r.meldingsnummer, instellingscode: r.instellingscode, persoonsgebondenNummer: i.persoonsgebondenNummer, soortVerzuim: i.soortVerzuim,
      datumBegin: i.datumBegin, datumEinde: i.datumEinde, aantalUren: i.aantalUren, toelichting: i.toelichting, meldingen: r.meldingen,
      identificatiecodeBedrijfsdocument: r.bedrijfsdocument_id, ontvangenOp: new Date(r.ontvangen_op).toISOString(), _links: links(r.meldingsnummer),
    };
  }
}
