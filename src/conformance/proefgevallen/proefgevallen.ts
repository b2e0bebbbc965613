/**
 * The numbered proefgevallen a LAS performs in its own sandbox, after DUO's schakeltest/proefgevallen (bron.md §2.6).
 * Each is graded from the client's own exchanges (the request journal) and its webhook deliveries: pure functions over
 * plain data, so a case reads as what a LAS must do and what counts as doing it.
 */

/** What grading sees of one exchange (person numbers masked the same way throughout a sandbox). */
export interface Uitwisseling {
  id: string;
  tijdstip: string;
  methode: string;
  pad: string;
  status: number;
  codes: string[];
  bedrijfsdocumentId: string | null;
  idempotencyKey: string | null;
  herhaald: boolean;
  storingId: string | null;
  verzoek: unknown;
  antwoord: unknown;
}

/** What grading sees of the webhook deliveries of a subscription the client made during the run. */
export interface AfleveringSamenvatting {
  abonnementId: string;
  geleverd: number;
  wachtend: number;
  deadLetter: number;
  /** Attempts that the receiver answered with a non-2xx status or not at all. */
  mislukt: number;
}

export type Uitslag = 'GESLAAGD' | 'MISLUKT' | 'NIET_GEPROBEERD';

export interface Beoordeling {
  uitslag: Uitslag;
  reden: string;
  /** Journal ids of the exchanges the grading looked at. */
  uitwisselingen: string[];
}

export interface GradingInvoer {
  uitwisselingen: Uitwisseling[];
  afleveringen: AfleveringSamenvatting[];
  /** Persona person numbers masked as in the journal (persona key → masked number), for cases about one persona. */
  personas?: Record<string, string>;
}

export interface Proefgeval {
  nummer: string;
  titel: string;
  instructie: string;
  /** The catalogue version that added the case: a run pinned to an earlier version does not grade it. */
  sinds?: string;
  beoordeel(invoer: GradingInvoer): Beoordeling;
}

/** Catalogue versions of personas and proefgevallen, oldest first. */
export const CATALOGUS_VERSIES = ['2026.1', '2026.2'];
export const CATALOGUS_VERSIE = CATALOGUS_VERSIES[CATALOGUS_VERSIES.length - 1];

const INSCHRIJVINGEN = '/rod/v1/inschrijvingen';
const VERWIJDERINGEN = '/rod/v1/verwijderingen';
const IDENTIFICATIES = '/rod/v1/identificaties';
const BERICHTEN = '/rod/v1/berichten';
const ABONNEMENTEN = '/rod/v1/webhook-abonnementen';
const OVERZICHT = /^\/rod\/v1\/instellingen\/[^/]+\/registratieoverzicht$/;

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
/** Whether exchange a came after exchange b (journal order). */
const na = (a: Uitwisseling, b: Uitwisseling) => BigInt(a.id) > BigInt(b.id);
const ok = (u: Uitwisseling) => u.status >= 200 && u.status < 300;
const post = (u: Uitwisseling, pad: string) => u.methode === 'POST' && u.pad === pad;
const ids = (us: Uitwisseling[]) => [...new Set(us.map((u) => u.id))];
const geslaagd = (reden: string, us: Uitwisseling[]): Beoordeling => ({ uitslag: 'GESLAAGD', reden, uitwisselingen: ids(us) });
const mislukt = (reden: string, us: Uitwisseling[]): Beoordeling => ({ uitslag: 'MISLUKT', reden, uitwisselingen: ids(us) });
const nietGeprobeerd = (reden: string): Beoordeling => ({ uitslag: 'NIET_GEPROBEERD', reden, uitwisselingen: [] });

/** The person number of a message or answer, as masked in the journal. */
export function pgnVan(v: unknown): string | null {
  const pgn = obj(obj(v).persoonsgebondenNummer);
  const n = pgn.burgerservicenummer ?? pgn.onderwijsnummer;
  return typeof n === 'string' ? n : null;
}

/** The key of an inschrijving in ROD: school, pupil and the LAS's inschrijvingvolgnummer. */
export function sleutelVan(verzoek: unknown): string | null {
  const v = obj(verzoek);
  const pgn = pgnVan(v);
  if (!pgn || typeof v.instellingscode !== 'string' || typeof v.inschrijvingvolgnummer !== 'string') return null;
  return `${v.instellingscode}|${pgn}|${v.inschrijvingvolgnummer}`;
}

interface Periode {
  datumBegin: string;
  groep: string;
  vestigingscode: string;
}
const periodesVan = (verzoek: unknown): Periode[] =>
  (Array.isArray(obj(verzoek).inschrijvingPeriodeBO) ? (obj(verzoek).inschrijvingPeriodeBO as unknown[]) : []).map((p) => ({
    datumBegin: String(obj(p).datumBegin),
    groep: String(obj(p).groep),
    vestigingscode: String(obj(p).vestigingscode),
  }));
const laatste = (ps: Periode[]) => [...ps].sort((a, b) => a.datumBegin.localeCompare(b.datumBegin)).at(-1);

const aanleveringen = (us: Uitwisseling[]) => us.filter((u) => post(u, INSCHRIJVINGEN));
const geaccepteerd = (u: Uitwisseling) => ok(u) && obj(u.antwoord).resultaat !== 'afgekeurd';

export const PROEFGEVALLEN: Proefgeval[] = [
  {
    nummer: 'PG01',
    titel: 'Identificeren zonder BSN en het onderwijsnummer hergebruiken',
    instructie:
      'Identify a pupil without a BSN (persona alleenOnderwijsnummer-style: achternaam, voornamen, geboortedatum, geslacht and a foreign address) with POST /rod/v1/identificaties, ' +
      'store the onderwijsnummer ROD answers, and enrol the pupil with exactly that number.',
    beoordeel({ uitwisselingen }) {
      const uitgegeven = uitwisselingen.filter((u) => post(u, IDENTIFICATIES) && ok(u) && typeof obj(obj(u.antwoord).persoonsgebondenNummer).onderwijsnummer === 'string');
      if (!uitgegeven.length) return nietGeprobeerd('No identificatie was answered with an onderwijsnummer.');
      for (const id of uitgegeven) {
        const nummer = obj(obj(id.antwoord).persoonsgebondenNummer).onderwijsnummer as string;
        const gebruikt = aanleveringen(uitwisselingen).find((u) => na(u, id) && geaccepteerd(u) && obj(obj(obj(u.verzoek).persoonsgebondenNummer)).onderwijsnummer === nummer);
        if (gebruikt) return geslaagd('The onderwijsnummer from the identificatie was used in an accepted inschrijving.', [id, gebruikt]);
      }
      return mislukt('An onderwijsnummer was issued, but no accepted inschrijving used it afterwards.', uitgegeven);
    },
  },
  {
    nummer: 'PG02',
    titel: 'Inschrijven en goedgekeurd worden',
    instructie: 'Enrol a pupil of a school that mandates you (POST /rod/v1/inschrijvingen) so that ROD answers goedgekeurd (201).',
    beoordeel({ uitwisselingen }) {
      const alle = aanleveringen(uitwisselingen);
      if (!alle.length) return nietGeprobeerd('No inschrijving was sent.');
      const nieuw = alle.find((u) => u.status === 201 && geaccepteerd(u));
      if (nieuw) return geslaagd(`Inschrijving accepted: ${obj(nieuw.antwoord).resultaat}.`, [nieuw]);
      return mislukt(`No inschrijving was accepted as new (201); answers: ${[...new Set(alle.map((u) => u.status))].join(', ')}.`, alle);
    },
  },
  {
    nummer: 'PG03',
    titel: 'Een afgekeurd antwoord verwerken en verbeterd opnieuw aanleveren',
    instructie:
      'Send an inschrijving ROD rejects (for instance a first periode that does not start on datumInschrijving: 233), read every foutmelding, ' +
      'correct the message and send it again as a new bedrijfsdocument (new identificatiecodeBedrijfsdocument) until it is accepted.',
    beoordeel({ uitwisselingen }) {
      const afgekeurd = aanleveringen(uitwisselingen).filter((u) => u.status === 422 && u.codes.includes('afgekeurd'));
      if (!afgekeurd.length) return nietGeprobeerd('No inschrijving was afgekeurd.');
      for (const a of afgekeurd) {
        const sleutel = sleutelVan(a.verzoek);
        const herstel = aanleveringen(uitwisselingen).find((u) => na(u, a) && sleutel !== null && sleutelVan(u.verzoek) === sleutel && geaccepteerd(u));
        if (herstel && herstel.bedrijfsdocumentId !== a.bedrijfsdocumentId) return geslaagd('The afgekeurd inschrijving was corrected and accepted as a new bedrijfsdocument.', [a, herstel]);
      }
      const zelfdeDoc = afgekeurd.filter((a) => aanleveringen(uitwisselingen).some((u) => na(u, a) && u.bedrijfsdocumentId === a.bedrijfsdocumentId));
      if (zelfdeDoc.length) return mislukt('An afgekeurd bedrijfsdocument was sent again with the same identificatiecodeBedrijfsdocument: a corrected message is a new bedrijfsdocument.', zelfdeDoc);
      return mislukt('An afgekeurd inschrijving was never sent again corrected and accepted.', afgekeurd);
    },
  },
  {
    nummer: 'PG04',
    titel: 'Groep wijzigen met een nieuwe periode',
    instructie:
      'Move an enrolled pupil to another groep: send the inschrijving again with its earlier periodes unchanged and a new periode from the date of the change ' +
      '(ROD keeps the history: a groep change is a new inschrijvingPeriodeBO, never an overwritten one).',
    beoordeel({ uitwisselingen }) {
      const alle = aanleveringen(uitwisselingen).filter(geaccepteerd);
      const gezien: Uitwisseling[] = [];
      for (const u of alle) {
        const sleutel = sleutelVan(u.verzoek);
        const eerder = [...alle].reverse().find((x) => na(u, x) && sleutel !== null && sleutelVan(x.verzoek) === sleutel);
        if (!eerder) continue;
        const oud = periodesVan(eerder.verzoek);
        const nieuw = periodesVan(u.verzoek);
        if (laatste(oud)?.groep === laatste(nieuw)?.groep) continue;
        gezien.push(eerder, u);
        const behouden = oud.every((p) => nieuw.some((n) => n.datumBegin === p.datumBegin && n.groep === p.groep && n.vestigingscode === p.vestigingscode));
        if (behouden && nieuw.length > oud.length) return geslaagd('The groep changed through a new periode, earlier periodes kept.', [eerder, u]);
      }
      if (gezien.length) return mislukt('The groep was changed by rewriting an existing periode instead of adding a new one from the date of the change.', gezien);
      return nietGeprobeerd('No accepted inschrijving changed groep.');
    },
  },
  {
    nummer: 'PG05',
    titel: 'Uitschrijven',
    instructie: 'End an enrolment: send the inschrijving again with datumUitschrijving (an uitschrijving is the same message with its end date, not a verwijdering).',
    beoordeel({ uitwisselingen }) {
      const uit = aanleveringen(uitwisselingen).filter((u) => typeof obj(u.verzoek).datumUitschrijving === 'string');
      if (!uit.length) return nietGeprobeerd('No inschrijving with datumUitschrijving was sent.');
      const goed = uit.find(geaccepteerd);
      return goed ? geslaagd('The uitschrijving was accepted.', [goed]) : mislukt('No uitschrijving was accepted.', uit);
    },
  },
  {
    nummer: 'PG06',
    titel: 'Een ten onrechte aangeleverde inschrijving verwijderen',
    instructie: 'Remove an inschrijving that was sent by mistake with POST /rod/v1/verwijderingen (instellingscode, persoonsgebondenNummer, inschrijvingvolgnummer).',
    beoordeel({ uitwisselingen }) {
      const v = uitwisselingen.filter((u) => post(u, VERWIJDERINGEN));
      if (!v.length) return nietGeprobeerd('No verwijdering was sent.');
      const goed = v.find(ok);
      return goed ? geslaagd('The verwijdering was accepted.', [goed]) : mislukt('No verwijdering was accepted.', v);
    },
  },
  {
    nummer: 'PG07',
    titel: 'Een dubbele inschrijving oplossen',
    instructie:
      'Enrol a pupil who is still enrolled at another school (persona dubbeleInschrijving): ROD accepts with melding 250 and sends both schools a kennisgeving. ' +
      'Resolve it: correct datumInschrijving, or end the other enrolment, so that a later message for the pupil is accepted without melding 250.',
    beoordeel({ uitwisselingen }) {
      const dubbel = aanleveringen(uitwisselingen).filter((u) => ok(u) && u.codes.includes('250_overlap_andere_school'));
      if (!dubbel.length) return nietGeprobeerd('No inschrijving got melding 250 (overlap with another school).');
      for (const d of dubbel) {
        const pgn = pgnVan(d.verzoek);
        const opgelost = aanleveringen(uitwisselingen).find((u) => na(u, d) && pgnVan(u.verzoek) === pgn && geaccepteerd(u) && !u.codes.includes('250_overlap_andere_school'));
        if (opgelost) return geslaagd('After melding 250 a later message for the pupil was accepted without the overlap.', [d, opgelost]);
      }
      return mislukt('Melding 250 was never resolved by a later message without the overlap.', dubbel);
    },
  },
  {
    nummer: 'PG08',
    titel: 'Veilig opnieuw proberen met een Idempotency-Key',
    instructie:
      'After a timeout, send the same write again with the same Idempotency-Key and the same body: the simulator replays the first answer (header Idempotent-Replayed: true) instead of writing twice.',
    beoordeel({ uitwisselingen }) {
      const metSleutel = uitwisselingen.filter((u) => u.idempotencyKey !== null);
      if (!metSleutel.length) return nietGeprobeerd('No write carried an Idempotency-Key.');
      const hergebruikt = metSleutel.filter((u) => u.codes.includes('idempotency_key_reused'));
      if (hergebruikt.length) return mislukt('An Idempotency-Key was sent again with a different body (422 idempotency_key_reused): a key belongs to one request.', hergebruikt);
      const herhaald = metSleutel.find((u) => u.herhaald);
      if (!herhaald) return nietGeprobeerd('No write was retried with the same Idempotency-Key.');
      const eerste = metSleutel.find((u) => u.idempotencyKey === herhaald.idempotencyKey && !u.herhaald);
      return geslaagd('A retry with the same Idempotency-Key got the stored answer replayed.', eerste ? [eerste, herhaald] : [herhaald]);
    },
  },
  {
    nummer: 'PG09',
    titel: 'Een ondertekende webhook ontvangen en bevestigen',
    instructie:
      'Subscribe a webhook (POST /rod/v1/webhook-abonnementen), verify the ROD-Signature header of every delivery (HMAC-SHA256 with the secret from the answer) and acknowledge it with a 2xx.',
    beoordeel({ uitwisselingen, afleveringen }) {
      const abonnementen = uitwisselingen.filter((u) => post(u, ABONNEMENTEN) && u.status === 201);
      if (!abonnementen.length) return nietGeprobeerd('No webhook subscription was made.');
      const totaal = afleveringen.reduce((n, a) => n + a.geleverd + a.wachtend + a.deadLetter, 0);
      if (!totaal) return nietGeprobeerd('A subscription was made, but nothing was delivered to it yet: cause an event (an inschrijving) after subscribing.');
      const dood = afleveringen.filter((a) => a.deadLetter > 0);
      if (dood.length) return mislukt(`${dood.reduce((n, a) => n + a.deadLetter, 0)} deliveries were dead-lettered: the receiver did not acknowledge them.`, abonnementen);
      if (afleveringen.some((a) => a.geleverd > 0)) return geslaagd('Deliveries were acknowledged with a 2xx.', abonnementen);
      return mislukt(`No delivery was acknowledged yet (${afleveringen.reduce((n, a) => n + a.mislukt, 0)} failed attempts).`, abonnementen);
    },
  },
  {
    nummer: 'PG10',
    titel: 'Na uitval bijlezen uit de pull feed',
    instructie:
      'Read GET /rod/v1/berichten from your stored cursor, pass each answer\'s volgendeCursor as vanaf of the next request, and read until meer is false: never skip past a cursor ROD gave you.',
    beoordeel({ uitwisselingen }) {
      const lezen = uitwisselingen.filter((u) => u.methode === 'GET' && u.pad === BERICHTEN && ok(u));
      if (lezen.length < 2) return nietGeprobeerd('The feed was not read at least twice.');
      const gegeven = new Set<string>();
      let keten = 0;
      for (const u of lezen) {
        const vanaf = obj(u.verzoek).vanaf;
        const gevraagd = typeof vanaf === 'string' ? vanaf : '0';
        const hoogste = [...gegeven].reduce((m, c) => (BigInt(c) > m ? BigInt(c) : m), 0n);
        if (BigInt(gevraagd) > hoogste) {
          return mislukt(`The feed was read from cursor ${gevraagd}, beyond every cursor ROD had answered: events may have been skipped.`, [u]);
        }
        if (gegeven.has(gevraagd)) keten++;
        const cursor = obj(u.antwoord).volgendeCursor;
        if (typeof cursor === 'string') gegeven.add(cursor);
      }
      const bij = lezen.some((u) => obj(u.antwoord).meer === false);
      if (keten && bij) return geslaagd('The feed was followed cursor by cursor until it was caught up.', lezen);
      return mislukt(keten ? 'The feed was never read until meer was false.' : 'No request passed a volgendeCursor from an earlier answer as vanaf.', lezen);
    },
  },
  {
    nummer: 'PG11',
    titel: 'Afstemmen met het registratieoverzicht',
    instructie: 'Read the registratieoverzicht of a school you serve (GET /rod/v1/instellingen/{instellingscode}/registratieoverzicht) to reconcile your LAS with ROD.',
    beoordeel({ uitwisselingen }) {
      const r = uitwisselingen.filter((u) => u.methode === 'GET' && OVERZICHT.test(u.pad));
      if (!r.length) return nietGeprobeerd('The registratieoverzicht was not read.');
      const goed = r.find(ok);
      return goed ? geslaagd('The registratieoverzicht was read.', [goed]) : mislukt(`Reading the registratieoverzicht failed (${r.map((u) => u.status).join(', ')}).`, r);
    },
  },
  {
    nummer: 'PG12',
    titel: 'Een storing bij DUO overleven zonder te verliezen of te verdubbelen',
    instructie:
      'Add a storing (fault rule) for POST /rod/v1/inschrijvingen in your sandbox (POST /conformance/v1/storingen), keep enrolling, and retry every failed message ' +
      'with the same identificatiecodeBedrijfsdocument (and Idempotency-Key) until ROD accepts it.',
    beoordeel({ uitwisselingen }) {
      const getroffen = aanleveringen(uitwisselingen).filter((u) => u.storingId !== null);
      if (!getroffen.length) return nietGeprobeerd('No inschrijving met a storing.');
      const los: Uitwisseling[] = [];
      for (const g of getroffen) {
        const later = aanleveringen(uitwisselingen).filter((u) => na(u, g) && u.storingId === null);
        const zelfde = later.find((u) => u.bedrijfsdocumentId === g.bedrijfsdocumentId && ok(u));
        if (zelfde) continue;
        const sleutel = sleutelVan(g.verzoek);
        const ander = later.find((u) => sleutel !== null && sleutelVan(u.verzoek) === sleutel && ok(u));
        if (ander) return mislukt('A message that met a storing was sent again as a new bedrijfsdocument: retry with the same identificatiecodeBedrijfsdocument so ROD can answer it once.', [g, ander]);
        los.push(g);
      }
      if (los.length) return mislukt(`${los.length} message(s) that met a storing were never retried until accepted.`, los);
      return geslaagd('Every message that met a storing was retried with the same bedrijfsdocument and accepted once.', getroffen);
    },
  },
  {
    nummer: 'PG13',
    titel: 'Een bekostigingssignaal oplossen voor de deadline',
    instructie:
      'Read the feed (GET /rod/v1/berichten) until it shows a bekostigingsstatus-gewijzigd event NIET_BEKOSTIGD with a bekostigingssignaal while the status is still voorlopig (V) — ' +
      'for instance an sbo pupil at 01AC without a toelaatbaarheidsverklaring (B05) — and fix the inschrijving it names (send it again corrected) before the teldatum\'s deadline.',
    beoordeel({ uitwisselingen }) {
      const signalen: { inschrijvingId: string; teldatum: string; u: Uitwisseling }[] = [];
      const definitief = new Set<string>();
      for (const u of uitwisselingen.filter((x) => x.methode === 'GET' && x.pad === BERICHTEN && ok(x))) {
        const berichten = obj(u.antwoord).berichten;
        for (const e of Array.isArray(berichten) ? berichten : []) {
          const d = obj(obj(e).data);
          if (obj(e).type !== 'nl.duo.rod.bekostigingsstatus-gewijzigd' || d.status !== 'NIET_BEKOSTIGD') continue;
          const id = String(obj(e).subject ?? '').replace(/^inschrijving\//, '');
          if (d.statusBepaling === 'D') definitief.add(`${id}|${d.teldatum}`);
          else if (Array.isArray(d.signalen) && d.signalen.length) signalen.push({ inschrijvingId: id, teldatum: String(d.teldatum), u });
        }
      }
      if (!signalen.length) return nietGeprobeerd('No voorlopig NIET_BEKOSTIGD status with a bekostigingssignaal was read from the feed.');
      for (const s of signalen) {
        const hersteld = aanleveringen(uitwisselingen).find((u) => na(u, s.u) && geaccepteerd(u) && obj(u.antwoord).inschrijvingId === s.inschrijvingId);
        if (hersteld && !definitief.has(`${s.inschrijvingId}|${s.teldatum}`)) return geslaagd('The inschrijving named by the bekostigingssignaal was corrected while its status was still voorlopig.', [s.u, hersteld]);
      }
      const te = signalen.filter((s) => definitief.has(`${s.inschrijvingId}|${s.teldatum}`));
      if (te.length) return mislukt('The status became definitief NIET_BEKOSTIGD before the signalled inschrijving was corrected.', te.map((s) => s.u));
      return mislukt('A bekostigingssignaal was read, but the inschrijving it names was not sent again corrected.', signalen.map((s) => s.u));
    },
  },
  {
    nummer: 'PG14',
    titel: 'Een leerling pas vanaf de vierde verjaardag inschrijven',
    sinds: '2026.2',
    instructie:
      'Enrol persona wordtVierVolgendeWeek (BSN 999990093, turns 4 seven days after the sandbox was seeded) with a datumInschrijving on or after the fourth birthday, ' +
      'never before it (WPO art. 39: ROD would refuse it with 230): a LAS keeps the intake until the birthday, or sends the start date from the birthday on.',
    beoordeel({ uitwisselingen, personas }) {
      const pgn = personas?.wordtVierVolgendeWeek;
      const alle = aanleveringen(uitwisselingen).filter((u) => pgn !== undefined && pgnVan(u.verzoek) === pgn);
      if (!alle.length) return nietGeprobeerd('No inschrijving was sent for persona wordtVierVolgendeWeek.');
      const te = alle.filter((u) => u.codes.includes('230_datum_inschrijving_voor_4e_verjaardag'));
      if (te.length) return mislukt('An inschrijving was sent with a datumInschrijving before the fourth birthday (230): keep it until the pupil turns 4.', te);
      const goed = alle.find(geaccepteerd);
      return goed ? geslaagd('The pupil was enrolled from the fourth birthday on.', [goed]) : mislukt('No inschrijving for the pupil was accepted.', alle);
    },
  },
];

/** The cases of a catalogue version: those it or an earlier version added. */
export function proefgevallen(versie: string = CATALOGUS_VERSIE): Proefgeval[] {
  const n = CATALOGUS_VERSIES.indexOf(versie);
  return PROEFGEVALLEN.filter((p) => CATALOGUS_VERSIES.indexOf(p.sinds ?? CATALOGUS_VERSIES[0]) <= n);
}

export interface CaseUitslag extends Beoordeling {
  nummer: string;
  titel: string;
  instructie: string;
}

export function beoordeelAlles(invoer: GradingInvoer, versie: string = CATALOGUS_VERSIE): CaseUitslag[] {
  const volgorde = { ...invoer, uitwisselingen: [...invoer.uitwisselingen].sort((a, b) => Number(BigInt(a.id) - BigInt(b.id))) };
  return proefgevallen(versie).map((p) => ({ nummer: p.nummer, titel: p.titel, instructie: p.instructie, ...p.beoordeel(volgorde) }));
}
