import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import type { Principal } from '../../common/auth/principal';
import { ClockService, dutchDate } from '../../common/clock/clock.service';
import { deferStatementToCommit, GroupReadResult, GroupTransactions } from '../../common/database/group-transactions';
import { DomainHooks, persoonSlot } from '../../common/events/domain-hooks';
import { EventOutbox } from '../../common/events/outbox';
import { stableStringify } from '../../common/idempotency/stable-json';
import { afgekeurd, geenMachtiging } from '../rod.answers';
import { RodProblem, rodProblem, resultaatVan, Terugmelding } from '../rod.errors';
import { RioCheckPart, RioPeriodeCheckInput, RioPeriodeCheckResult, RodRioPort } from '../rio-port';
import { pgnUitkomst } from '../rules/pgn';
import { beoordeel, beoordeelVerwijdering, NieuweStand, rioVragen } from './aanlevering.beoordeling';
import { RodToegang } from '../toegang';
import { AanleverAntwoord, AanleverenInschrijvingRequest, AanleverenInschrijvingSoRequest, VerwijderingRequest } from './aanleveren.dto';
import type { Aanlevering } from './aanlevering.beoordeling';
import { DocumentRij, Gelezen, Herkomst, InschrijvingenRepository, InschrijvingRij, inschrijvingRij, MandaatEnPersoon } from './inschrijvingen.repository';

/** What a submission needs read before its rules: the group reads it for all its submissions at once. */
interface AanleverInvoer {
  sandboxId: string;
  oin: string;
  nummer: string;
  instellingscode: string;
  vandaag: string;
  docId: string;
  volgnummer: string;
  rioVragen: RioPeriodeCheckInput[];
}
interface GroepGelezen {
  mandaat: MandaatEnPersoon;
  rio: RioPeriodeCheckResult[];
  gelezen: Gelezen;
}
/** What a verwijdering's check decided: the answer and, unless a resend, the inschrijving to delete. */
interface VerwijderPlan {
  antwoord: Antwoord;
  verwijdering?: Parameters<InschrijvingenRepository['remove']>[1];
  document?: DocumentRij;
}
/** What check decided: the answer, and for an accepted aanlevering what write stores (rij null: unchanged, only the document). */
interface AanleverPlan {
  antwoord: Antwoord;
  document?: DocumentRij;
  stand?: NieuweStand;
  rij?: InschrijvingRij | null;
}

/** Buffer key of a group's new inschrijvingen (deferToCommit). */
const NIEUWE_INSCHRIJVINGEN = 'rod-nieuwe-inschrijvingen';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const documentSlot = (sandboxId: string, oin: string, docId: string) => `rod-doc:${sandboxId}:${oin}:${docId}`;

export interface Antwoord {
  status: number;
  body: AanleverAntwoord;
}

/**
 * AanleverenInschrijvingBO and AanleverenVerwijderingInschrijvingBO as a use case: load (repository, RIO port) → judge
 * (`beoordeel`, every rule in aanlevering.beoordeling.ts) → write (repository) → answer. Every foutmelding at once, nothing
 * stored when afgekeurd (a rejection is thrown before any write). Messages that arrive together commit together
 * (GroupTransactions), each on the state the ones before it left; writes for one pupil are serialised by an advisory lock
 * on the person, and a bedrijfsdocument id is answered once (resend = stored answer).
 */
@Injectable()
export class AanleverenService {
  constructor(
    private readonly clock: ClockService,
    private readonly rio: RodRioPort,
    private readonly outbox: EventOutbox,
    private readonly hooks: DomainHooks,
    private readonly groepen: GroupTransactions,
    private readonly repository: InschrijvingenRepository,
    private readonly toegang: RodToegang,
  ) {}

  /** AanleverenInschrijvingSO: the same use case; the so/vso part travels as `speciaalOnderwijs`, the periodes as the bo contract's. */
  aanleverenSo(principal: Principal, req: AanleverenInschrijvingSoRequest): Promise<Antwoord> {
    const { inschrijvingPeriodeSO, schoolsoort, cluster, soortOnderwijs, soortVerblijf, arrangement, uitstroomprofiel, ...rest } = req;
    return this.submitAanlevering(principal, { ...rest, inschrijvingPeriodeBO: inschrijvingPeriodeSO, speciaalOnderwijs: { schoolsoort, cluster, soortOnderwijs, soortVerblijf, arrangement, uitstroomprofiel } });
  }

  async submitAanlevering(principal: Principal, req: AanleverenInschrijvingRequest & Pick<Aanlevering, 'speciaalOnderwijs'>): Promise<Antwoord> {
    const requestHash = sha256(stableStringify(req));
    const now = await this.clock.now(principal.sandboxId);
    await this.toegang.assertToegang(principal.sandboxId, req.instellingscode, now);
    const vandaag = dutchDate(now);
    const pgn = req.persoonsgebondenNummer;
    const nummer = pgn.burgerservicenummer ?? pgn.onderwijsnummer!;
    const docId = req.bedrijfsdocument.identificatiecodeBedrijfsdocument;
    const invoer: AanleverInvoer = {
      sandboxId: principal.sandboxId, oin: principal.oin, nummer, instellingscode: req.instellingscode, vandaag, docId, volgnummer: req.inschrijvingvolgnummer, rioVragen: rioVragen(req),
    };
    const herkomst: Herkomst = { sandboxId: principal.sandboxId, bedrijfsdocumentId: docId, datumTijdBedrijfsdocument: req.bedrijfsdocument.datumTijdBedrijfsdocument, clientId: principal.clientId, oin: principal.oin, ontvangenOp: now };
    // Committed together with other submissions that arrive at the same moment (one pupil's always in the same lane);
    // the group reads the mandates, persons, RIO and current states of all its submissions at once (leesGroep).
    return this.groepen.run<Antwoord, AanleverPlan, AanleverInvoer, GroepGelezen>(
      `${principal.sandboxId}:${nummer}`,
      {
        // Load → judge: every rule in beoordeel; a foutmelding is thrown here, before anything is written.
        check: async (_m, { mandaat, rio, gelezen }) => {
          if (!mandaat.gemachtigd) throw geenMachtiging(req.instellingscode);
          if (gelezen.document) return { antwoord: herhaal(gelezen.document, requestHash) };
          const oordeel = beoordeel(req, { persoon: mandaat.persoon, huidig: gelezen.huidig, andere: gelezen.andere }, { vandaag, rio, nieuwId: randomUUID() });
          const stand = oordeel.nieuweStand;
          if (!stand) throw afgekeurd(oordeel.foutmeldingen, oordeel.meldingen, { identificatiecodeBedrijfsdocument: docId });
          const status = stand.nieuw ? 201 : 200;
          const body = antwoord(oordeel.meldingen, stand.inschrijvingId, stand.versie, stand.gewijzigd, docId, now);
          const document: DocumentRij = { request_hash: requestHash, status_code: status, antwoord: body };
          return { antwoord: { status, body }, document, stand, rij: stand.gewijzigd ? inschrijvingRij(stand, oordeel.meldingen, herkomst, document) : null };
        },
        // Write → answer.
        write: async (manager, plan) => {
          if (!plan.stand || !plan.document) return plan.antwoord;
          const { stand, rij } = plan;
          if (!rij) {
            await this.repository.saveDocument(manager, principal.sandboxId, principal.oin, docId, 'AANLEVERING', plan.document);
            return plan.antwoord;
          }
          if (!stand.nieuw) {
            await this.repository.removePeriodes(manager, [stand.inschrijvingId]);
            await this.repository.write(manager, [rij]);
          } else {
            // A new inschrijving without kennisgevingen waits for the group's other new ones: one insert for them all, before the commit.
            const gebufferd =
              stand.nieuweOverlap.length === 0 &&
              stand.nieuweSchoolwissels.length === 0 &&
              deferStatementToCommit(manager, 'rows', NIEUWE_INSCHRIJVINGEN, () => [] as InschrijvingRij[], (acc) => acc.push(rij), (acc) => this.repository.writeStatement(acc));
            if (!gebufferd) await this.repository.write(manager, [rij]);
          }
          const nieuw = { id: stand.inschrijvingId, instellingscode: stand.instellingscode, inschrijvingvolgnummer: stand.inschrijvingvolgnummer, datumInschrijving: stand.datumInschrijving, datumUitschrijving: stand.datumUitschrijving };
          for (const andere of stand.nieuweOverlap) await this.sendKennisgevingen(manager, principal.sandboxId, stand.persoonId, now, nieuw, andere);
          for (const wissel of stand.nieuweSchoolwissels) {
            const [oud, nieuwe] = wissel.eigenIs === 'NIEUWE_SCHOOL' ? [wissel.andere, nieuw] : [nieuw, wissel.andere];
            await this.sendKennisgevingen(manager, principal.sandboxId, stand.persoonId, now, nieuwe, oud, 'SCHOOLWISSEL');
          }
          await this.hooks.emit('rod.inschrijving-gewijzigd', manager, { sandboxId: principal.sandboxId, persoonId: stand.persoonId, instellingscodes: [req.instellingscode], moment: now });
          return plan.antwoord;
        },
      },
      { kind: 'rod-aanleveren', input: invoer, read: (m, inputs) => this.readGroep(m, inputs) },
    );
  }

  /** RIO's periode checks as a part of the group's first statement (its parameters after the mandate's seven). */
  private get rioPart(): RioCheckPart {
    return (this.rioCheckPart ??= this.rio.checkPeriodesPart('$1', 8));
  }
  private rioCheckPart?: RioCheckPart;

  /**
   * The reads of a group of submissions, per sandbox, in two statements sent together: the mandates and persons, taking
   * every submission's locks (its bedrijfsdocument, its person), with RIO's checks of all their periodes (through the port);
   * then, run after it and so under those locks, their bedrijfsdocumenten and the inschrijvingen of each number's person.
   * A submission whose document or person an earlier one in the group shares reads them again at its turn (reread), after
   * the earlier one wrote; so does one whose inschrijvingen were read for another person than the one it holds the lock of.
   */
  private async readGroep(manager: EntityManager, inputs: AanleverInvoer[]): Promise<GroupReadResult<GroepGelezen>[]> {
    const out: GroupReadResult<GroepGelezen>[] = new Array(inputs.length);
    const perSandbox = new Map<string, number[]>();
    inputs.forEach((x, i) => perSandbox.set(x.sandboxId, [...(perSandbox.get(x.sandboxId) ?? []), i]));
    for (const [sandboxId, idx] of perSandbox) {
      const xs = idx.map((i) => inputs[i]);
      // The mandates, persons and locks, with RIO's checks of all their periodes, in one statement; the documents and
      // inschrijvingen right behind it (sent before its answer, run after it, under its locks).
      const [mandaten, gelezen] = await Promise.all([
        this.repository.mandaatPersoonEnRio(
          manager,
          sandboxId,
          persoonSlot(sandboxId, ''),
          xs.map((x) => ({ nummer: x.nummer, oin: x.oin, instellingscode: x.instellingscode, vandaag: x.vandaag, documentSlot: documentSlot(sandboxId, x.oin, x.docId) })),
          this.rioPart,
          xs.map((x) => x.rioVragen),
        ),
        this.repository.readOpNummer(
          manager,
          sandboxId,
          xs.map((x) => ({ oin: x.oin, bedrijfsdocumentId: x.docId, instellingscode: x.instellingscode, nummer: x.nummer, inschrijvingvolgnummer: x.volgnummer })),
        ),
      ]);
      const persoonIds = mandaten.map((s) => s.persoon?.id ?? null);
      const docs = new Set<string>();
      const personen = new Set<string>();
      idx.forEach((i, k) => {
        const doc = `${xs[k].oin}:${xs[k].docId}`;
        const persoonId = persoonIds[k];
        // Read again at its turn: when an earlier submission of the group shares its document or person, or when the
        // inschrijvingen were read for another person than the one whose lock it holds (registered in between).
        const gedeeld = docs.has(doc) || (persoonId !== null && personen.has(persoonId)) || gelezen[k].persoonId !== persoonId;
        docs.add(doc);
        if (persoonId) personen.add(persoonId);
        const { rio: eigenRio, ...mandaat } = mandaten[k];
        const invoer = xs[k];
        out[i] = gedeeld
          ? {
              reread: async (m2) => {
                const [opnieuw] = await this.repository.read(m2, sandboxId, [{ oin: invoer.oin, bedrijfsdocumentId: invoer.docId, instellingscode: invoer.instellingscode, persoonId, inschrijvingvolgnummer: invoer.volgnummer }]);
                return { mandaat, rio: eigenRio, gelezen: opnieuw };
              },
            }
          : { value: { mandaat, rio: eigenRio, gelezen: { document: gelezen[k].document, huidig: gelezen[k].huidig, andere: gelezen[k].andere } } };
      });
    }
    return out;
  }

  async submitVerwijdering(principal: Principal, req: VerwijderingRequest): Promise<Antwoord> {
    const requestHash = sha256(stableStringify(req));
    const now = await this.clock.now(principal.sandboxId);
    await this.toegang.assertToegang(principal.sandboxId, req.instellingscode, now);
    const docId = req.bedrijfsdocument.identificatiecodeBedrijfsdocument;
    const pgn = req.persoonsgebondenNummer;
    const nummer = pgn.burgerservicenummer ?? pgn.onderwijsnummer!;
    const herkomst: Herkomst = { sandboxId: principal.sandboxId, bedrijfsdocumentId: docId, datumTijdBedrijfsdocument: req.bedrijfsdocument.datumTijdBedrijfsdocument, clientId: principal.clientId, oin: principal.oin, ontvangenOp: now };
    return this.groepen.run<Antwoord, VerwijderPlan>(`${principal.sandboxId}:${nummer}`, {
      check: async (manager) => {
        // The mandate first (403: a vendor without one learns nothing), with the person of the PGN and the locks.
        const [mandaat] = await this.repository.mandaatEnPersoon(manager, principal.sandboxId, persoonSlot(principal.sandboxId, ''), [
          { nummer, oin: principal.oin, instellingscode: req.instellingscode, vandaag: dutchDate(now), documentSlot: documentSlot(principal.sandboxId, principal.oin, docId) },
        ]);
        if (!mandaat.gemachtigd) throw geenMachtiging(req.instellingscode);
        const persoonId = pgnUitkomst(pgn, mandaat.persoon).persoon?.id ?? null;
        const [rij] = await this.repository.read(manager, principal.sandboxId, [{ oin: principal.oin, bedrijfsdocumentId: docId, instellingscode: req.instellingscode, persoonId, inschrijvingvolgnummer: req.inschrijvingvolgnummer }]);
        if (rij.document) return { antwoord: herhaal(rij.document, requestHash) };
        const oordeel = beoordeelVerwijdering(req, { persoon: mandaat.persoon, huidig: rij.huidig });
        const huidig = oordeel.teVerwijderen;
        if (!huidig) throw afgekeurd(oordeel.foutmeldingen, oordeel.meldingen, { identificatiecodeBedrijfsdocument: docId });
        const versie = huidig.versie + 1;
        const body = antwoord(oordeel.meldingen, huidig.id, versie, true, docId, now);
        body._links = { versies: { href: `/rod/v1/inschrijvingen/${huidig.id}/versies` } };
        const verwijdering = {
          inschrijvingId: huidig.id, versie, sandboxId: principal.sandboxId, persoonId: persoonId!, instellingscode: req.instellingscode, inschrijvingvolgnummer: req.inschrijvingvolgnummer,
          inhoud: { instellingscode: req.instellingscode, persoonsgebondenNummer: pgn, inschrijvingvolgnummer: req.inschrijvingvolgnummer }, meldingen: oordeel.meldingen,
        };
        return { antwoord: { status: 200, body }, verwijdering, document: { request_hash: requestHash, status_code: 200, antwoord: body } };
      },
      write: async (manager, plan) => {
        if (!plan.verwijdering) return plan.antwoord;
        await this.repository.remove(manager, plan.verwijdering, herkomst, plan.document!);
        await this.hooks.emit('rod.inschrijving-gewijzigd', manager, { sandboxId: principal.sandboxId, persoonId: plan.verwijdering.persoonId, instellingscodes: [req.instellingscode], moment: now });
        return plan.antwoord;
      },
    });
  }

  /**
   * A kennisgeving to both schools (an event and a row each). DUBBELE_INSCHRIJVING: `nieuw` overlaps `oud`. SCHOOLWISSEL
   * (rod.md §3 P2, §9.4, the digital in- and uitschrijfbericht): the pupil left `oud` and is enrolled at `nieuw` after it;
   * the old school hears of the inschrijving (INSCHRIJVING_NIEUWE_SCHOOL), the new one of the uitschrijving
   * (UITSCHRIJVING_VORIGE_SCHOOL).
   */
  private async sendKennisgevingen(
    manager: EntityManager,
    sandboxId: string,
    persoonId: string,
    now: Date,
    nieuw: KennisgevingPartij,
    oud: KennisgevingPartij,
    aanleiding: 'DUBBELE_INSCHRIJVING' | 'SCHOOLWISSEL' = 'DUBBELE_INSCHRIJVING',
  ) {
    for (const [aan, over, soort] of [
      [nieuw, oud, aanleiding === 'SCHOOLWISSEL' ? 'UITSCHRIJVING_VORIGE_SCHOOL' : 'DUBBELE_INSCHRIJVING'],
      [oud, nieuw, aanleiding === 'SCHOOLWISSEL' ? 'INSCHRIJVING_NIEUWE_SCHOOL' : 'DUBBELE_INSCHRIJVING'],
    ] as const) {
      const eventId = await this.outbox.append(manager, sandboxId, {
        type: 'nl.duo.rod.kennisgeving-in-uitschrijving',
        subject: `inschrijving/${aan.id}`,
        instellingscode: aan.instellingscode,
        orderingKey: persoonId,
        time: now,
        data: {
          soort,
          inschrijvingId: aan.id,
          inschrijvingvolgnummer: aan.inschrijvingvolgnummer,
          andereInschrijving: { instellingscode: over.instellingscode, datumInschrijving: over.datumInschrijving, datumUitschrijving: over.datumUitschrijving },
        },
      });
      await this.repository.addKennisgeving(manager, { sandboxId, persoonId, soort, instellingscode: aan.instellingscode, inschrijvingId: aan.id, eventId }, over);
    }
  }
}

type KennisgevingPartij = { id: string; instellingscode: string; inschrijvingvolgnummer: string; datumInschrijving: string; datumUitschrijving: string | null };

function herhaal(doc: DocumentRij, requestHash: string): Antwoord {
  if (doc.request_hash !== requestHash) {
    throw rodProblem(
      RodProblem.bedrijfsdocumentHergebruikt,
      'This identificatiecodeBedrijfsdocument was already answered for a message with other content; give every new message a new id.',
    );
  }
  return { status: doc.status_code, body: doc.antwoord };
}

function antwoord(terugmeldingen: Terugmelding[], id: string, versie: number, gewijzigd: boolean, docId: string, now: Date): AanleverAntwoord {
  return {
    resultaat: resultaatVan(terugmeldingen),
    inschrijvingId: id,
    versie,
    gewijzigd,
    identificatiecodeBedrijfsdocument: docId,
    ontvangenOp: now.toISOString(),
    meldingen: terugmeldingen,
    foutmeldingen: [],
    _links: { inschrijving: { href: `/rod/v1/inschrijvingen/${id}` }, versies: { href: `/rod/v1/inschrijvingen/${id}/versies` } },
  };
}
