import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import type { Principal } from '../../common/auth/principal';
import { ClockService } from '../../common/clock/clock.service';
import { nederlandseDatum } from '../rules/datum';
import { deferToCommit, GroupTransactions, runDeferredNow } from '../../common/database/group-transactions';
import { DomainHooks, persoonSlot } from '../../common/events/domain-hooks';
import { EventOutbox } from '../../common/events/outbox';
import { stableStringify } from '../../common/idempotency/stable-json';
import { ProblemException } from '../../common/problem/problem';
import { gemachtigdSql } from '../machtigingen/machtigingen.service';
import { PersonenService } from '../personen/personen.service';
import { afgekeurd, geenMachtiging } from '../rod.answers';
import { isFout, RodCode, RodCodeName, RodProblem, resultaatVan, Terugmelding, terugmelding } from '../rod.errors';
import { RioPeriodeCheckInput, RioPeriodeCheckResult, RodRioPort } from '../rio-port';
import { prepared } from '../../common/database/prepared';
import { controleerDatums, GROEPEN, leeftijdPeildatum, metEinddatum, NNCA_WAARDEN, overlappen, teLaat, teOud, voorVierdeVerjaardag } from '../rules/inschrijving-regels';
import { AanleverAntwoord, AanleverenInschrijvingRequest, VerwijderingRequest } from './aanleveren.dto';

interface Huidig {
  id: string;
  versie: number;
  inhoud_hash: string;
  datum_inschrijving: string;
  datum_uitschrijving: string | null;
}
interface Andere {
  id: string;
  instellingscode: string;
  inschrijvingvolgnummer: string;
  datum_inschrijving: string;
  datum_uitschrijving: string | null;
}
interface Stand {
  persoon: { id: string; burgerservicenummer: string | null; onderwijsnummer: string | null; geboortedatum: string; geslacht: string } | null;
  gemachtigd: boolean;
}
interface LeesRij {
  doc: { hash: string; status: number; antwoord: AanleverAntwoord } | null;
  huidig: Huidig | null;
  andere: Andere[];
}
/** What a submission needs read before its rules: the group reads it for all its submissions at once. */
interface AanleverInvoer {
  sandboxId: string;
  oin: string;
  nummer: string;
  instellingscode: string;
  vandaag: string;
  docId: string;
  volgnummer: string;
  rioInputs: RioPeriodeCheckInput[];
}
interface Gelezen {
  stand: Stand & { rio: unknown[] };
  /** null: an earlier submission of the group shares the document or person; read at the submission's turn. */
  lees: LeesRij | null;
}

/**
 * A group's mandates, persons (by BSN or onderwijsnummer, $2), RIO checks (one for all periodes: `rio`, on the first row)
 * and the locks of each submission: its bedrijfsdocument ($6) and its person ($7 || id). $1 sandbox, $3 OINs,
 * $4 instellingscodes, $5 dates of the mandate check. Rows in input order.
 */
const STAND_GROEP_SQL = (rio: string) => `
  WITH u AS (SELECT * FROM unnest($2::bpchar[], $3::bpchar[], $4::bpchar[], $5::text[], $6::text[]) WITH ORDINALITY AS u(nummer, oin, instellingscode, vandaag, docslot, i)),
  s AS (SELECT u.*, ${gemachtigdSql('$1', 'u.oin', 'u.instellingscode', 'u.vandaag')} AS gemachtigd,
               (SELECT row_to_json(x) FROM (${PersonenService.persoonSql('$1', 'u.nummer')}) x) AS persoon FROM u)
  SELECT s.gemachtigd, s.persoon, pg_advisory_xact_lock(hashtextextended(s.docslot, 0)) AS l1,
         CASE WHEN s.persoon IS NOT NULL THEN pg_advisory_xact_lock(hashtextextended($7 || (s.persoon->>'id'), 0)) END AS l2,
         CASE WHEN s.i = 1 THEN (${rio}) END AS rio
    FROM s ORDER BY s.i`;

/** Buffer key of a group's new inschrijvingen (deferToCommit). */
const NIEUWE_INSCHRIJVINGEN = 'rod-nieuwe-inschrijvingen';

/** A new inschrijving as one row of the set-based insert (field names as in LEES/INSERT SQL). */
interface NieuweInschrijving {
  id: string;
  sandbox_id: string;
  persoon_id: string;
  instellingscode: string;
  volgnummer: string;
  datum_inschrijving: string;
  datum_uitschrijving: string | null;
  nnca: string | null;
  ontwikkelingsperspectief: unknown;
  tlv: unknown;
  versie: number;
  inhoud_hash: string;
  meldingen: unknown;
  doc: string;
  client_id: string;
  oin: string;
  ontvangen_op: string;
  inhoud: unknown;
  datum_tijd_doc: string;
  request_hash: string;
  status: number;
  antwoord: unknown;
  periodes: { nr: number; db: string; de: string | null; ves: string; aan: string; loc: string; gr: number; lj: number | null; ib: boolean | null }[];
}

/** New inschrijvingen with their periodes, first versions and bedrijfsdocumenten: one statement for any number of them. */
const SCHRIJF_NIEUW_SQL = `
  WITH x AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, sandbox_id uuid, persoon_id uuid, instellingscode text, volgnummer text, datum_inschrijving date,
      datum_uitschrijving date, nnca text, ontwikkelingsperspectief jsonb, tlv jsonb, versie int, inhoud_hash text, meldingen jsonb, doc uuid, client_id text,
      oin text, ontvangen_op timestamptz, inhoud jsonb, datum_tijd_doc timestamptz, request_hash text, status int, antwoord jsonb, periodes jsonb)),
  i AS (
    INSERT INTO rod_inschrijving (id, sandbox_id, persoon_id, instellingscode, inschrijvingvolgnummer, datum_inschrijving, datum_uitschrijving, nnca,
      ontwikkelingsperspectief, toelaatbaarheidsverklaringen, versie, inhoud_hash, meldingen, bedrijfsdocument_id, aangeleverd_door, aangeleverd_oin, eerst_ontvangen_op, ontvangen_op)
    SELECT id, sandbox_id, persoon_id, instellingscode, volgnummer, datum_inschrijving, datum_uitschrijving, nnca,
           ontwikkelingsperspectief, tlv, versie, inhoud_hash, meldingen, doc, client_id, oin, ontvangen_op, ontvangen_op FROM x),
  per AS (
    INSERT INTO rod_inschrijving_periode (inschrijving_id, volgnummer, sandbox_id, datum_begin, datum_einde, vestigingscode, onderwijsaanbiedercode, onderwijslocatiecode, groep, leerjaar, indicatie_bekostiging)
    SELECT x.id, p.nr, x.sandbox_id, p.db, p.de, p.ves, p.aan, p.loc, p.gr, p.lj, p.ib
      FROM x CROSS JOIN LATERAL jsonb_to_recordset(x.periodes) AS p(nr int, db date, de date, ves text, aan text, loc text, gr int, lj int, ib boolean)),
  v AS (
    INSERT INTO rod_inschrijving_versie (inschrijving_id, versie, sandbox_id, soort, persoon_id, instellingscode, inschrijvingvolgnummer, inhoud, meldingen,
      bedrijfsdocument_id, datum_tijd_bedrijfsdocument, client_id, oin, ontvangen_op)
    SELECT id, versie, sandbox_id, 'AANLEVERING', persoon_id, instellingscode, volgnummer, inhoud, meldingen, doc, datum_tijd_doc, client_id, oin, ontvangen_op FROM x)
  INSERT INTO rod_bedrijfsdocument (sandbox_id, oin, identificatiecode, soort, request_hash, status_code, antwoord)
  SELECT sandbox_id, oin, doc, 'AANLEVERING', request_hash, status, antwoord FROM x`;

const schrijfNieuw = (m: EntityManager, rijen: NieuweInschrijving[]) => prepared(m, 'rod_schrijf_nieuw', SCHRIJF_NIEUW_SQL, [JSON.stringify(rijen)]);

/** Under the group's locks: each submission's bedrijfsdocument and its person's inschrijvingen (through the person index). */
const LEES_GROEP_SQL = `
  WITH u AS (SELECT * FROM unnest($2::bpchar[], $3::uuid[], $4::bpchar[], $5::uuid[], $6::text[]) WITH ORDINALITY AS u(oin, doc, instellingscode, persoon_id, volgnummer, i)),
  mijn AS MATERIALIZED (
    SELECT id, persoon_id, instellingscode, inschrijvingvolgnummer, versie, inhoud_hash, datum_inschrijving, datum_uitschrijving
      FROM rod_inschrijving WHERE sandbox_id = $1 AND persoon_id = ANY ($5::uuid[]))
  SELECT
    (SELECT json_build_object('hash', d.request_hash, 'status', d.status_code, 'antwoord', d.antwoord) FROM rod_bedrijfsdocument d
      WHERE d.sandbox_id = $1 AND d.oin = u.oin AND d.identificatiecode = u.doc) AS doc,
    (SELECT json_build_object('id', id, 'versie', versie, 'inhoud_hash', inhoud_hash, 'datum_inschrijving', datum_inschrijving, 'datum_uitschrijving', datum_uitschrijving)
       FROM mijn WHERE mijn.persoon_id = u.persoon_id AND mijn.instellingscode = u.instellingscode AND mijn.inschrijvingvolgnummer = u.volgnummer) AS huidig,
    (SELECT coalesce(json_agg(json_build_object('id', id, 'instellingscode', instellingscode, 'inschrijvingvolgnummer', inschrijvingvolgnummer,
              'datum_inschrijving', datum_inschrijving, 'datum_uitschrijving', datum_uitschrijving)), '[]')
       FROM mijn WHERE mijn.persoon_id = u.persoon_id AND mijn.instellingscode <> u.instellingscode) AS andere
    FROM u ORDER BY u.i`;

const AFWIJKING: Record<string, RodCodeName> = {
  VESTIGING_GELDIG: RodCode.vestigingNietGeldig,
  AANBIEDER_RELATIE: RodCode.aanbiederGeenRelatie,
  LOCATIE_GEBRUIK: RodCode.locatieNietInGebruik,
  AANGEBODEN_OPLEIDING: RodCode.geenAangebodenOpleiding,
};

/**
 * The person's inschrijvingen ($1 sandbox, $5 person), read once through the person index: a person has a handful, so the
 * lookups by school and volgnummer stay constant-time whatever plan is cached (a generic plan built while the table was
 * small once scanned a whole school's inschrijvingen for it).
 */
const INSCHRIJVINGEN_VAN_PERSOON = `mijn AS MATERIALIZED (
  SELECT id, instellingscode, inschrijvingvolgnummer, versie, inhoud_hash, datum_inschrijving, datum_uitschrijving
    FROM rod_inschrijving WHERE sandbox_id = $1 AND persoon_id = $5)`;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export interface Antwoord {
  status: number;
  body: AanleverAntwoord;
}

/**
 * AanleverenInschrijvingBO and AanleverenVerwijderingInschrijvingBO: every rule checked, every foutmelding at
 * once, nothing stored when afgekeurd (a rejection is thrown before any write). Messages that arrive together commit
 * together (GroupTransactions), each on the state the ones before it left; writes for one pupil are serialised by an
 * advisory lock on the person, and a bedrijfsdocument id is answered once (resend = stored answer).
 */
@Injectable()
export class AanleverenService {
  constructor(
    private readonly clock: ClockService,
    private readonly rio: RodRioPort,
    private readonly outbox: EventOutbox,
    private readonly hooks: DomainHooks,
    private readonly groepen: GroupTransactions,
  ) {}

  async aanleveren(p: Principal, req: AanleverenInschrijvingRequest): Promise<Antwoord> {
    const requestHash = sha256(stableStringify(req));
    const now = await this.clock.now(p.sandboxId);
    const vandaag = nederlandseDatum(now);
    // RIO, batched: every periode on its datumBegin
    const rioInputs = req.inschrijvingPeriodeBO.map((per) => ({
      instellingscode: req.instellingscode,
      vestigingscode: per.vestigingscode,
      onderwijsaanbiedercode: per.onderwijsaanbiedercode,
      onderwijslocatiecode: per.onderwijslocatiecode,
      datum: per.datumBegin,
    }));
    const pgn = req.persoonsgebondenNummer;
    const nummer = pgn.burgerservicenummer ?? pgn.onderwijsnummer!;
    const invoer: AanleverInvoer = {
      sandboxId: p.sandboxId, oin: p.oin, nummer, instellingscode: req.instellingscode, vandaag,
      docId: req.bedrijfsdocument.identificatiecodeBedrijfsdocument, volgnummer: req.inschrijvingvolgnummer, rioInputs,
    };
    // Committed together with other submissions that arrive at the same moment (one pupil's always in the same lane);
    // the group reads the mandates, persons, RIO and current states of all its submissions at once (leesGroep).
    return this.groepen.run(`${p.sandboxId}:${nummer}`, async (m, g) => {
      const { stand, lees } = g as Gelezen;
      if (!stand.gemachtigd) throw geenMachtiging(req.instellingscode);
      const t: Terugmelding[] = PersonenService.checkPgn(pgn);
      const persoon = t.length ? null : PersonenService.resolutie(stand.persoon, pgn);
      if (persoon) t.push(...persoon.terugmeldingen);
      const persoonId = persoon?.persoon?.id;
      // An earlier submission of the group may have changed what this one reads: then it reads for itself, now.
      if (!lees) await runDeferredNow(m, NIEUWE_INSCHRIJVINGEN);
      const rij = lees ?? (await this.lees(m, invoer, persoonId ?? null));
      if (rij.doc) return this.herhaal(rij.doc, requestHash);

      // Code lists
      req.inschrijvingPeriodeBO.forEach((per, i) => {
        if (!GROEPEN.includes(per.groep)) t.push(terugmelding(RodCode.waardenlijstFout, `Groep ${per.groep} staat niet in de waardenlijst (1–8).`, `/inschrijvingPeriodeBO/${i}/groep`));
      });
      if (req.nNCA !== undefined && !NNCA_WAARDEN.includes(req.nNCA)) t.push(terugmelding(RodCode.waardenlijstFout, `NNCA ${req.nNCA} staat niet in de waardenlijst (1).`, '/nNCA'));
      // Dates and periodes
      t.push(...controleerDatums(req.datumInschrijving, req.datumUitschrijving, req.inschrijvingPeriodeBO));
      (req.toelaatbaarheidsverklaring ?? []).forEach((x, i) => {
        if (x.datumEinde && x.datumEinde < x.datumBegin) {
          t.push(terugmelding(RodCode.tlvEindeVoorBegin, `Toelaatbaarheidsverklaring ${x.beschikkingsnummer}: datumEinde ${x.datumEinde} ligt voor datumBegin ${x.datumBegin}.`, `/toelaatbaarheidsverklaring/${i}/datumEinde`));
        }
      });
      const geboortedatum = persoon?.persoon?.geboortedatum;
      if (geboortedatum && voorVierdeVerjaardag(geboortedatum, req.datumInschrijving)) {
        t.push(terugmelding(RodCode.voorVierdeVerjaardag, 'De leerling is op datumInschrijving nog geen 4 jaar (WPO art. 39 lid 1).', '/datumInschrijving'));
      }
      t.push(...rioTerugmeldingen(this.rio.beoordeelPeriodes(stand.rio, rioInputs)));

      if (t.some(isFout)) throw afgekeurd(t.filter(isFout), t.filter((x) => !isFout(x)), { identificatiecodeBedrijfsdocument: req.bedrijfsdocument.identificatiecodeBedrijfsdocument });

      // Meldingen that need the accepted state
      const huidig = rij.huidig;
      if (teOud(geboortedatum!, leeftijdPeildatum(req.datumInschrijving, req.datumUitschrijving, vandaag))) {
        t.push(terugmelding(RodCode.leerlingTeOud, 'De leerling was voor 1 augustus van dit schooljaar al 14 jaar (WPO art. 39).', '/datumInschrijving'));
      }
      if ((!huidig || huidig.datum_inschrijving !== req.datumInschrijving) && teLaat(req.datumInschrijving, vandaag)) {
        t.push(terugmelding(RodCode.teLaatUitgewisseld, 'De inschrijving is meer dan 7 dagen na datumInschrijving uitgewisseld.', '/datumInschrijving'));
      }
      if (req.datumUitschrijving && huidig?.datum_uitschrijving !== req.datumUitschrijving && teLaat(req.datumUitschrijving, vandaag)) {
        t.push(terugmelding(RodCode.teLaatUitgewisseld, 'De uitschrijving is meer dan 7 dagen na datumUitschrijving uitgewisseld.', '/datumUitschrijving'));
      }
      const nieuw = { datumInschrijving: req.datumInschrijving, datumUitschrijving: req.datumUitschrijving ?? null };
      const overlap = rij.andere.filter((a) => overlappen(nieuw, { datumInschrijving: a.datum_inschrijving, datumUitschrijving: a.datum_uitschrijving }));
      for (const a of overlap) {
        t.push(terugmelding(RodCode.overlapAndereSchool, `De leerling staat in dezelfde periode ingeschreven bij instelling ${a.instellingscode} (vanaf ${a.datum_inschrijving}${a.datum_uitschrijving ? ` tot en met ${a.datum_uitschrijving}` : ''}).`, '/datumInschrijving'));
      }

      const periodes = metEinddatum(req.inschrijvingPeriodeBO, req.datumUitschrijving);
      const tlv = (req.toelaatbaarheidsverklaring ?? []).map((x) => ({ beschikkingsnummer: x.beschikkingsnummer, datumBegin: x.datumBegin, datumEinde: x.datumEinde ?? null }));
      const inhoud = {
        instellingscode: req.instellingscode,
        persoonsgebondenNummer: pgn,
        inschrijvingvolgnummer: req.inschrijvingvolgnummer,
        datumInschrijving: req.datumInschrijving,
        datumUitschrijving: req.datumUitschrijving ?? null,
        nNCA: req.nNCA ?? null,
        inschrijvingPeriodeBO: periodes.map((x) => ({
          datumBegin: x.datumBegin,
          vestigingscode: x.vestigingscode,
          onderwijsaanbiedercode: x.onderwijsaanbiedercode,
          onderwijslocatiecode: x.onderwijslocatiecode,
          groep: x.groep,
          leerjaar: x.leerjaar ?? null,
          indicatieBekostiging: x.indicatieBekostiging ?? null,
        })),
        ontwikkelingsperspectief: (req.ontwikkelingsperspectief ?? []).map((o) => ({ datumBegin: o.datumBegin, datumEinde: o.datumEinde ?? null })),
        // Only when sent: the content (and its hash) of an inschrijving without TLV stays as it was before TLVs existed.
        ...(tlv.length ? { toelaatbaarheidsverklaring: tlv } : {}),
      };
      // The PGN as sent does not change the state: the person is the same.
      const inhoudHash = sha256(stableStringify({ ...inhoud, persoonsgebondenNummer: null }));
      const id = huidig?.id ?? randomUUID();
      const gewijzigd = !huidig || huidig.inhoud_hash !== inhoudHash;
      const versie = gewijzigd ? (huidig?.versie ?? 0) + 1 : huidig!.versie;
      const status = huidig ? 200 : 201;
      const body = antwoord(t, id, versie, gewijzigd, req.bedrijfsdocument.identificatiecodeBedrijfsdocument, now);

      if (!gewijzigd) {
        await this.bewaarDocument(m, p, req.bedrijfsdocument.identificatiecodeBedrijfsdocument, 'AANLEVERING', requestHash, status, body);
        return { status, body };
      }
      // Dubbele inschrijving: a kennisgeving to both schools, once per newly overlapping pair.
      const vorige = huidig ? { datumInschrijving: huidig.datum_inschrijving, datumUitschrijving: huidig.datum_uitschrijving } : null;
      const nieuweOverlap = overlap.filter((a) => !(vorige && overlappen(vorige, { datumInschrijving: a.datum_inschrijving, datumUitschrijving: a.datum_uitschrijving })));
      if (huidig) {
        await prepared(m, 'rod_periodes_weg', 'DELETE FROM rod_inschrijving_periode WHERE inschrijving_id = $1', [id]);
        await prepared(
          m,
          'rod_aanleveren_update',
          `WITH i AS (
             UPDATE rod_inschrijving SET datum_inschrijving = $6, datum_uitschrijving = $7, nnca = $8, ontwikkelingsperspectief = $9, toelaatbaarheidsverklaringen = $31, versie = $10, inhoud_hash = $11,
               meldingen = $12, bedrijfsdocument_id = $13, aangeleverd_door = $14, aangeleverd_oin = $15, ontvangen_op = $16, updated_at = now()
              WHERE id = $1 RETURNING id),
           per AS (
             INSERT INTO rod_inschrijving_periode (inschrijving_id, volgnummer, sandbox_id, datum_begin, datum_einde, vestigingscode, onderwijsaanbiedercode, onderwijslocatiecode, groep, leerjaar, indicatie_bekostiging)
             SELECT (SELECT id FROM i), x.nr, $2, x.db, x.de, x.ves, x.aan, x.loc, x.gr, x.lj, x.ib
               FROM unnest($17::int[], $18::date[], $19::date[], $20::text[], $21::text[], $22::text[], $23::int[], $24::int[], $25::boolean[]) AS x(nr, db, de, ves, aan, loc, gr, lj, ib)),
           v AS (
             INSERT INTO rod_inschrijving_versie (inschrijving_id, versie, sandbox_id, soort, persoon_id, instellingscode, inschrijvingvolgnummer, inhoud, meldingen,
               bedrijfsdocument_id, datum_tijd_bedrijfsdocument, client_id, oin, ontvangen_op)
             SELECT (SELECT id FROM i), $10, $2, 'AANLEVERING', $3, $4, $5, $26, $12, $13, $27, $14, $15, $16)
           INSERT INTO rod_bedrijfsdocument (sandbox_id, oin, identificatiecode, soort, request_hash, status_code, antwoord)
           SELECT $2, $15, $13, 'AANLEVERING', $28, $29, $30 FROM i`,
          [
            id, p.sandboxId, persoonId, req.instellingscode, req.inschrijvingvolgnummer, req.datumInschrijving, req.datumUitschrijving ?? null, req.nNCA ?? null,
            JSON.stringify(inhoud.ontwikkelingsperspectief), versie, inhoudHash, JSON.stringify(t), req.bedrijfsdocument.identificatiecodeBedrijfsdocument, p.clientId, p.oin, now,
            periodes.map((_, i) => i + 1),
            periodes.map((x) => x.datumBegin),
            periodes.map((x) => x.datumEinde),
            periodes.map((x) => x.vestigingscode),
            periodes.map((x) => x.onderwijsaanbiedercode),
            periodes.map((x) => x.onderwijslocatiecode),
            periodes.map((x) => Number(x.groep)),
            periodes.map((x) => x.leerjaar ?? null),
            periodes.map((x) => x.indicatieBekostiging ?? null),
            JSON.stringify(inhoud), req.bedrijfsdocument.datumTijdBedrijfsdocument, requestHash, status, JSON.stringify(body), JSON.stringify(tlv),
          ],
        );
      } else {
        const nieuweRij: NieuweInschrijving = {
          id, sandbox_id: p.sandboxId, persoon_id: persoonId!, instellingscode: req.instellingscode, volgnummer: req.inschrijvingvolgnummer,
          datum_inschrijving: req.datumInschrijving, datum_uitschrijving: req.datumUitschrijving ?? null, nnca: req.nNCA ?? null,
          ontwikkelingsperspectief: inhoud.ontwikkelingsperspectief, tlv, versie, inhoud_hash: inhoudHash, meldingen: t,
          doc: req.bedrijfsdocument.identificatiecodeBedrijfsdocument, client_id: p.clientId, oin: p.oin, ontvangen_op: now.toISOString(), inhoud,
          datum_tijd_doc: req.bedrijfsdocument.datumTijdBedrijfsdocument, request_hash: requestHash, status, antwoord: body,
          periodes: periodes.map((x, i) => ({
            nr: i + 1, db: x.datumBegin, de: x.datumEinde, ves: x.vestigingscode, aan: x.onderwijsaanbiedercode, loc: x.onderwijslocatiecode,
            gr: Number(x.groep), lj: x.leerjaar ?? null, ib: x.indicatieBekostiging ?? null,
          })),
        };
        // A new inschrijving without kennisgevingen waits for the group's other new ones: one insert for them all, before the commit.
        const gebufferd = nieuweOverlap.length === 0 && deferToCommit(m, NIEUWE_INSCHRIJVINGEN, () => [] as NieuweInschrijving[], (acc) => acc.push(nieuweRij), (acc) => schrijfNieuw(m, acc));
        if (!gebufferd) await schrijfNieuw(m, [nieuweRij]);
      }
      for (const a of nieuweOverlap) {
        await this.kennisgevingen(m, p.sandboxId, persoonId!, now, { id, instellingscode: req.instellingscode, inschrijvingvolgnummer: req.inschrijvingvolgnummer, ...nieuw }, a);
      }
      await this.hooks.emit('rod.inschrijving-gewijzigd', m, { sandboxId: p.sandboxId, persoonId: persoonId!, instellingscodes: [req.instellingscode], moment: now });
      return { status, body };
    }, { kind: 'rod-aanleveren', input: invoer, read: (m, inputs) => this.leesGroep(m, inputs) });
  }

  /**
   * The reads of a group of submissions, per sandbox in two round trips: first the mandates, persons and RIO checks, taking
   * every submission's locks (its bedrijfsdocument, its person); then, under those locks, their bedrijfsdocumenten and the
   * persons' inschrijvingen. A submission whose document or person an earlier one in the group shares gets no second
   * read (null): it reads for itself at its turn, after the earlier one wrote.
   */
  private async leesGroep(m: EntityManager, inputs: AanleverInvoer[]): Promise<Gelezen[]> {
    const out: Gelezen[] = new Array(inputs.length);
    const perSandbox = new Map<string, number[]>();
    inputs.forEach((x, i) => perSandbox.set(x.sandboxId, [...(perSandbox.get(x.sandboxId) ?? []), i]));
    for (const [sandboxId, idx] of perSandbox) {
      const xs = idx.map((i) => inputs[i]);
      const rio = this.rio.checkPeriodesQuery(1, 8, xs.flatMap((x) => x.rioInputs));
      const standen = await prepared<Stand & { rio: unknown[] | null }>(m, 'rod_stand_groep', STAND_GROEP_SQL(rio.sql), [
        sandboxId, xs.map((x) => x.nummer), xs.map((x) => x.oin), xs.map((x) => x.instellingscode), xs.map((x) => x.vandaag),
        xs.map((x) => `rod-doc:${sandboxId}:${x.oin}:${x.docId}`), persoonSlot(sandboxId, ''), ...rio.params,
      ]);
      const rioRijen = standen[0].rio ?? [];
      const persoonIds = standen.map((s) => s.persoon?.id ?? null);
      const gelezen = await prepared<LeesRij>(m, 'rod_lees_groep', LEES_GROEP_SQL, [
        sandboxId, xs.map((x) => x.oin), xs.map((x) => x.docId), xs.map((x) => x.instellingscode), persoonIds, xs.map((x) => x.volgnummer),
      ]);
      const docs = new Set<string>();
      const personen = new Set<string>();
      let periode = 0;
      idx.forEach((i, k) => {
        const doc = `${xs[k].oin}:${xs[k].docId}`;
        const gedeeld = docs.has(doc) || (persoonIds[k] !== null && personen.has(persoonIds[k]!));
        docs.add(doc);
        if (persoonIds[k]) personen.add(persoonIds[k]!);
        const n = xs[k].rioInputs.length;
        out[i] = { stand: { gemachtigd: standen[k].gemachtigd, persoon: standen[k].persoon, rio: rioRijen.slice(periode, periode + n) }, lees: gedeeld ? null : gelezen[k] };
        periode += n;
      });
    }
    return out;
  }

  /** The reads of one submission, for one whose group shares its document or person with an earlier submission. */
  private async lees(m: EntityManager, x: AanleverInvoer, persoonId: string | null): Promise<LeesRij> {
    const [rij] = await prepared<LeesRij>(m, 'rod_lees_groep', LEES_GROEP_SQL, [x.sandboxId, [x.oin], [x.docId], [x.instellingscode], [persoonId], [x.volgnummer]]);
    return rij;
  }

  async verwijderen(p: Principal, req: VerwijderingRequest): Promise<Antwoord> {
    const requestHash = sha256(stableStringify(req));
    const now = await this.clock.now(p.sandboxId);
    const docId = req.bedrijfsdocument.identificatiecodeBedrijfsdocument;
    const pgn = req.persoonsgebondenNummer;
    return this.groepen.run(`${p.sandboxId}:${pgn.burgerservicenummer ?? pgn.onderwijsnummer}`, async (m) => {
      const stand = await this.stand(m, p, req.instellingscode, pgn.burgerservicenummer ?? pgn.onderwijsnummer!, nederlandseDatum(now));
      const t: Terugmelding[] = PersonenService.checkPgn(pgn);
      const persoon = t.length ? null : PersonenService.resolutie(stand.persoon, pgn);
      if (persoon) t.push(...persoon.terugmeldingen);
      const persoonId = persoon?.persoon?.id ?? null;
      await m.query(
        'SELECT pg_advisory_xact_lock(hashtextextended($1, 0)), CASE WHEN $2::text IS NOT NULL THEN pg_advisory_xact_lock(hashtextextended($2, 0)) END',
        [`rod-doc:${p.sandboxId}:${p.oin}:${docId}`, persoonId ? persoonSlot(p.sandboxId, persoonId) : null],
      );
      const [rij]: { doc: { hash: string; status: number; antwoord: AanleverAntwoord } | null; huidig: Huidig | null }[] = await m.query(
        `WITH ${INSCHRIJVINGEN_VAN_PERSOON}
         SELECT
           (SELECT json_build_object('hash', request_hash, 'status', status_code, 'antwoord', antwoord) FROM rod_bedrijfsdocument
             WHERE sandbox_id = $1 AND oin = $2 AND identificatiecode = $3) AS doc,
           (SELECT json_build_object('id', id, 'versie', versie) FROM mijn WHERE instellingscode = $4 AND inschrijvingvolgnummer = $6) AS huidig`,
        [p.sandboxId, p.oin, docId, req.instellingscode, persoonId, req.inschrijvingvolgnummer],
      );
      if (rij.doc) return this.herhaal(rij.doc, requestHash);
      if (persoonId && !rij.huidig) {
        t.push(terugmelding(RodCode.volgnummerOnbekend, `Er is geen inschrijving met inschrijvingvolgnummer ${req.inschrijvingvolgnummer} van deze leerling bij instelling ${req.instellingscode}.`, '/inschrijvingvolgnummer'));
      }
      if (t.some(isFout)) throw afgekeurd(t.filter(isFout), t.filter((x) => !isFout(x)), { identificatiecodeBedrijfsdocument: docId });
      const huidig = rij.huidig!;
      const versie = huidig.versie + 1;
      const body = antwoord(t, huidig.id, versie, true, docId, now);
      body._links = { versies: { href: `/rod/v1/inschrijvingen/${huidig.id}/versies` } };
      await m.query(
        `WITH d AS (DELETE FROM rod_inschrijving WHERE id = $1 RETURNING id),
         v AS (
           INSERT INTO rod_inschrijving_versie (inschrijving_id, versie, sandbox_id, soort, persoon_id, instellingscode, inschrijvingvolgnummer, inhoud, meldingen,
             bedrijfsdocument_id, datum_tijd_bedrijfsdocument, client_id, oin, ontvangen_op)
           SELECT id, $2, $3, 'VERWIJDERING', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13 FROM d)
         INSERT INTO rod_bedrijfsdocument (sandbox_id, oin, identificatiecode, soort, request_hash, status_code, antwoord)
         SELECT $3, $12, $9, 'VERWIJDERING', $14, 200, $15 FROM d`,
        [
          huidig.id, versie, p.sandboxId, persoonId, req.instellingscode, req.inschrijvingvolgnummer,
          JSON.stringify({ instellingscode: req.instellingscode, persoonsgebondenNummer: pgn, inschrijvingvolgnummer: req.inschrijvingvolgnummer }),
          JSON.stringify(t), docId, req.bedrijfsdocument.datumTijdBedrijfsdocument, p.clientId, p.oin, now, requestHash, JSON.stringify(body),
        ],
      );
      await this.hooks.emit('rod.inschrijving-gewijzigd', m, { sandboxId: p.sandboxId, persoonId: persoonId!, instellingscodes: [req.instellingscode], moment: now });
      return { status: 200, body };
    });
  }

  /** The mandate (403 first: a vendor without one learns nothing) and the person of the PGN, in one round trip. */
  private async stand(m: EntityManager, p: Principal, instellingscode: string, nummer: string, vandaag: string): Promise<Stand> {
    const [s] = await prepared<Stand>(
      m,
      'rod_stand',
      `SELECT ${gemachtigdSql('$1', '$3', '$4', '$5')} AS gemachtigd,
              (SELECT row_to_json(x) FROM (${PersonenService.PERSOON_SQL}) x) AS persoon`,
      [p.sandboxId, nummer, p.oin, instellingscode, vandaag],
    );
    if (!s.gemachtigd) throw geenMachtiging(instellingscode);
    return s;
  }

  private herhaal(doc: { hash: string; status: number; antwoord: AanleverAntwoord }, requestHash: string): Antwoord {
    if (doc.hash !== requestHash) {
      throw new ProblemException(
        422,
        RodProblem.bedrijfsdocumentHergebruikt,
        'This identificatiecodeBedrijfsdocument was already answered for a message with other content; give every new message a new id.',
      );
    }
    return { status: doc.status, body: doc.antwoord };
  }

  private async bewaarDocument(m: EntityManager, p: Principal, id: string, soort: string, hash: string, status: number, body: AanleverAntwoord) {
    await m.query(
      `INSERT INTO rod_bedrijfsdocument (sandbox_id, oin, identificatiecode, soort, request_hash, status_code, antwoord) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [p.sandboxId, p.oin, id, soort, hash, status, JSON.stringify(body)],
    );
  }

  private async kennisgevingen(
    m: EntityManager,
    sandboxId: string,
    persoonId: string,
    now: Date,
    nieuw: { id: string; instellingscode: string; inschrijvingvolgnummer: string; datumInschrijving: string; datumUitschrijving: string | null },
    ander: Andere,
  ) {
    const oud = { id: ander.id, instellingscode: ander.instellingscode, inschrijvingvolgnummer: ander.inschrijvingvolgnummer, datumInschrijving: ander.datum_inschrijving, datumUitschrijving: ander.datum_uitschrijving };
    for (const [aan, over] of [
      [nieuw, oud],
      [oud, nieuw],
    ] as const) {
      const eventId = await this.outbox.append(m, sandboxId, {
        type: 'nl.duo.rod.kennisgeving-in-uitschrijving',
        subject: `inschrijving/${aan.id}`,
        instellingscode: aan.instellingscode,
        orderingKey: persoonId,
        time: now,
        data: {
          soort: 'DUBBELE_INSCHRIJVING',
          inschrijvingId: aan.id,
          inschrijvingvolgnummer: aan.inschrijvingvolgnummer,
          andereInschrijving: { instellingscode: over.instellingscode, datumInschrijving: over.datumInschrijving, datumUitschrijving: over.datumUitschrijving },
        },
      });
      await m.query(
        `INSERT INTO rod_kennisgeving (sandbox_id, persoon_id, soort, instellingscode, inschrijving_id, andere_instellingscode, andere_inschrijving_id, andere_datum_inschrijving, andere_datum_uitschrijving, event_id)
         VALUES ($1, $2, 'DUBBELE_INSCHRIJVING', $3, $4, $5, $6, $7, $8, $9)`,
        [sandboxId, persoonId, aan.instellingscode, aan.id, over.instellingscode, over.id, over.datumInschrijving, over.datumUitschrijving, eventId],
      );
    }
  }
}

function rioTerugmeldingen(results: RioPeriodeCheckResult[]): Terugmelding[] {
  const out: Terugmelding[] = [];
  results.forEach((r, i) => {
    for (const code of r.onbekend) {
      const veld = code === 'instellingscode' ? '/instellingscode' : `/inschrijvingPeriodeBO/${i}/${code}`;
      out.push(terugmelding(RodCode.vestigingOnbekend, `${code} is onbekend in RIO of hoort niet bij deze instelling (periode ${i + 1}).`, veld));
    }
    for (const a of r.afwijkingen) {
      const veld = a.check === 'VESTIGING_GELDIG' ? 'vestigingscode' : a.check === 'AANBIEDER_RELATIE' ? 'onderwijsaanbiedercode' : 'onderwijslocatiecode';
      out.push(terugmelding(AFWIJKING[a.check], `${a.detail.replace(/\.$/, '')} (periode ${i + 1}).`, `/inschrijvingPeriodeBO/${i}/${veld}`));
    }
  });
  return out;
}

function antwoord(t: Terugmelding[], id: string, versie: number, gewijzigd: boolean, docId: string, now: Date): AanleverAntwoord {
  return {
    resultaat: resultaatVan(t),
    inschrijvingId: id,
    versie,
    gewijzigd,
    identificatiecodeBedrijfsdocument: docId,
    ontvangenOp: now.toISOString(),
    meldingen: t,
    foutmeldingen: [],
    _links: { inschrijving: { href: `/rod/v1/inschrijvingen/${id}` }, versies: { href: `/rod/v1/inschrijvingen/${id}/versies` } },
  };
}
