import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomInt } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../../common/auth/principal';
import { DomainHooks } from '../../common/events/domain-hooks';
import { EventOutbox } from '../../common/events/outbox';
import { ClockService } from '../../common/clock/clock.service';
import { Problems } from '../../common/problem/problem';
import { afgekeurd } from '../rod.answers';
import { PersonenRepository } from './personen.repository';
import { RodCode, RodProblem, rodProblem, Terugmelding, isFout, resultaatVan, terugmelding } from '../rod.errors';
import { bsnMetControlecijfer, controleerPgn, isGeldigBsn, onderwijsnummerVoor, PersoonRij, resolveerPgn } from '../rules/pgn';
import { BsnToekenningRequest, IdentificatieRequest, IdentificatieResponse, NieuwPersoonRequest, PersoonResponse } from './identificatie.dto';

export const GESLACHTEN = ['M', 'V', 'O'];

/** A name or address line as compared: trimmed, inner white space single. */
const tekst = (s: string) => s.trim().replace(/\s+/g, ' ');
export const NEDERLAND = '6030';


const PERSOON_KOLOMMEN = 'id, burgerservicenummer, onderwijsnummer, geboortedatum, geslacht';

/** The simulated persoonsregister: identificatie, BSN toekenning, and PGN checks for the other use cases. */
@Injectable()
export class PersonenService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: ClockService,
    private readonly outbox: EventOutbox,
    private readonly hooks: DomainHooks,
  ) {}

  async identify(principal: Principal, req: IdentificatieRequest): Promise<IdentificatieResponse> {
    const fout: Terugmelding[] = [];
    if (!GESLACHTEN.includes(req.geslacht)) fout.push(terugmelding(RodCode.waardenlijstFout, `Geslacht ${req.geslacht} staat niet in de waardenlijst (M, V, O).`, '/geslacht'));
    if (!req.persoonsgebondenNummer) {
      const missing = [] as { pointer: string; code: string; detail: string }[];
      if (!req.achternaam) missing.push({ pointer: '/achternaam', code: 'required', detail: 'achternaam is required when identifying without persoonsgebondenNummer' });
      // rod.md §4.1: voornamen are part of the identification without PGN ("." when the pupil has none).
      if (!req.voornamen) missing.push({ pointer: '/voornamen', code: 'required', detail: 'voornamen is required when identifying without persoonsgebondenNummer (send "." when there is none)' });
      const a = req.adres;
      if (!a || !!a.binnenlandsAdres === !!a.buitenlandsAdres) {
        missing.push({ pointer: '/adres', code: 'required', detail: 'adres with exactly one of binnenlandsAdres and buitenlandsAdres is required when identifying without persoonsgebondenNummer' });
      }
      if (missing.length) throw Problems.invalidInput(missing);
    }
    return this.db.transaction(async (manager) => {
      if (req.persoonsgebondenNummer) return this.verify(manager, principal, req, fout);
      if (fout.length) throw afgekeurd(fout, []);
      return this.findOrIssue(manager, principal, req);
    });
  }

  private async verify(manager: EntityManager, principal: Principal, req: IdentificatieRequest, fout: Terugmelding[]): Promise<IdentificatieResponse> {
    const pgn = req.persoonsgebondenNummer!;
    const terugmeldingen = [...fout, ...controleerPgn(pgn)];
    let persoon: PersoonRij | null = null;
    if (!terugmeldingen.some((x) => x.code === RodCode.pgnElfproef)) {
      const rows: PersoonRij[] = await manager.query(PersonenRepository.PERSOON_SQL, [principal.sandboxId, pgn.burgerservicenummer ?? pgn.onderwijsnummer]);
      const resolutie = resolveerPgn(rows[0] ?? null, pgn);
      persoon = resolutie.persoon;
      terugmeldingen.push(...resolutie.terugmeldingen);
    }
    if (persoon) {
      if (persoon.geboortedatum !== req.geboortedatum) {
        terugmeldingen.push(terugmelding(RodCode.geboortedatumGeslachtWijktAf, 'De geboortedatum wijkt af van de geboortedatum in het persoonsregister; controleer de gegevens.', '/geboortedatum'));
      }
      if (persoon.geslacht !== req.geslacht && GESLACHTEN.includes(req.geslacht)) {
        terugmeldingen.push(terugmelding(RodCode.geboortedatumGeslachtWijktAf, 'Het geslacht wijkt af van het geslacht in het persoonsregister; controleer de gegevens.', '/geslacht'));
      }
    }
    if (terugmeldingen.some(isFout)) throw afgekeurd(terugmeldingen.filter(isFout), terugmeldingen.filter((x) => !isFout(x)));
    return {
      resultaat: resultaatVan(terugmeldingen),
      persoonsgebondenNummer: persoon!.burgerservicenummer ? { burgerservicenummer: persoon!.burgerservicenummer } : { onderwijsnummer: persoon!.onderwijsnummer! },
      onderwijsnummerUitgegeven: false,
      meldingen: terugmeldingen,
      foutmeldingen: [],
    };
  }

  /**
   * Without PGN: the person with the same naam (achternaam, voorvoegsels, voornamen), geboortedatum, geslacht and address;
   * else a new onderwijsnummer, once (rod.md §4.1, §10). Voornamen tell twins at one address apart; abroad the address lines
   * count as well as the land. A register person whose voornamen, voorvoegsels, huisnummer (a person converted from BRON, which
   * held the postcode only) or address lines are unknown (null) matches on the rest.
   */
  private async findOrIssue(manager: EntityManager, principal: Principal, req: IdentificatieRequest): Promise<IdentificatieResponse> {
    // One identificatie without PGN at a time per sandbox: the same person asking twice never gets two onderwijsnummers.
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`rod-identificatie:${principal.sandboxId}`]);
    const bin = req.adres!.binnenlandsAdres;
    const buiten = req.adres!.buitenlandsAdres;
    const landcode = bin ? NEDERLAND : buiten!.landcode;
    const adresregels = bin ? null : (buiten!.adresregels ?? []).map(tekst).filter((x) => x.length > 0);
    const rows: PersoonRij[] = await manager.query(
      `SELECT ${PERSOON_KOLOMMEN} FROM rod_persoon
        WHERE sandbox_id = $1 AND geboortedatum = $2 AND geslacht = $3 AND lower(achternaam) = lower($4) AND landcode = $5
          AND ($6::text IS NULL OR (postcode = $6 AND (huisnummer IS NULL OR (huisnummer = $7 AND coalesce(lower(huisnummertoevoeging), '') = lower($11)))))
          AND (voornamen IS NULL OR lower(voornamen) = lower($8))
          AND (voorvoegsels IS NULL OR lower(voorvoegsels) = lower($9))
          AND ($10::text[] IS NULL OR adresregels IS NULL OR ARRAY(SELECT lower(x) FROM unnest(adresregels) x) = ARRAY(SELECT lower(x) FROM unnest($10::text[]) x))
        ORDER BY burgerservicenummer IS NULL, created_at LIMIT 1`,
      [
        principal.sandboxId, req.geboortedatum, req.geslacht, tekst(req.achternaam!), landcode, bin?.postcode ?? null, bin?.huisnummer ?? null,
        tekst(req.voornamen!), tekst(req.voorvoegsels ?? ''), adresregels, tekst(bin?.huisnummertoevoeging ?? ''),
      ],
    );
    const found = rows[0];
    const meldingen: Terugmelding[] = [];
    if (found?.burgerservicenummer) {
      return { resultaat: 'goedgekeurd', persoonsgebondenNummer: { burgerservicenummer: found.burgerservicenummer }, onderwijsnummerUitgegeven: false, meldingen, foutmeldingen: [] };
    }
    if (bin) {
      meldingen.push(terugmelding(RodCode.onderwijsnummerBinnenland, 'De leerling woont in Nederland maar is niet gevonden in het persoonsregister: controleer de gegevens en identificeer opnieuw.', '/adres/binnenlandsAdres'));
    }
    if (found) {
      return { resultaat: resultaatVan(meldingen), persoonsgebondenNummer: { onderwijsnummer: found.onderwijsnummer! }, onderwijsnummerUitgegeven: false, meldingen, foutmeldingen: [] };
    }
    const onderwijsnummer = await this.nextOnderwijsnummer(manager, principal.sandboxId);
    await manager.query(
      `INSERT INTO rod_persoon (sandbox_id, onderwijsnummer, geboortedatum, geslacht, achternaam, voorvoegsels, voornamen, straatnaam, huisnummer, huisnummertoevoeging, postcode, plaatsnaam, landcode, adresregels)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        principal.sandboxId, onderwijsnummer, req.geboortedatum, req.geslacht, tekst(req.achternaam!), req.voorvoegsels ? tekst(req.voorvoegsels) : null, tekst(req.voornamen!),
        bin?.straatnaam ?? null, bin?.huisnummer ?? null, bin?.huisnummertoevoeging ?? null, bin?.postcode ?? null, bin?.plaatsnaam ?? null, landcode, adresregels,
      ],
    );
    return { resultaat: resultaatVan(meldingen), persoonsgebondenNummer: { onderwijsnummer }, onderwijsnummerUitgegeven: true, meldingen, foutmeldingen: [] };
  }

  /** The next free onderwijsnummer of the sandbox (caller holds the identificatie lock). */
  async nextOnderwijsnummer(manager: EntityManager, sandboxId: string): Promise<string> {
    const [{ max }]: { max: string | null }[] = await manager.query(`SELECT max(substring(onderwijsnummer, 3, 6)) AS max FROM rod_persoon WHERE sandbox_id = $1`, [sandboxId]);
    for (let n = max ? Number(max) + 1 : 0; ; n++) {
      const on = onderwijsnummerVoor(n);
      if (on) return on;
    }
  }

  /** Beheer: a person in the BRP stand-in. */
  async createPersoon(principal: Principal, req: NieuwPersoonRequest): Promise<PersoonResponse> {
    if (req.burgerservicenummer && !isGeldigBsn(req.burgerservicenummer)) {
      throw Problems.invalidInput([{ pointer: '/burgerservicenummer', code: RodCode.pgnElfproef, detail: 'burgerservicenummer fails the 11-proef' }]);
    }
    const bin = req.adres?.binnenlandsAdres;
    for (let attempt = 0; attempt < 20; attempt++) {
      const bsn = req.burgerservicenummer ?? willekeurigBsn();
      const rows: { id: string }[] = await this.db.query(
        `INSERT INTO rod_persoon (sandbox_id, burgerservicenummer, geboortedatum, geslacht, achternaam, voornamen, straatnaam, huisnummer, huisnummertoevoeging, postcode, plaatsnaam, landcode)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (sandbox_id, burgerservicenummer) WHERE burgerservicenummer IS NOT NULL DO NOTHING RETURNING id`,
        [
          principal.sandboxId, bsn, req.geboortedatum, req.geslacht ?? 'O', req.achternaam ?? 'Testpersoon', req.voornamen ?? null,
          bin?.straatnaam ?? null, bin?.huisnummer ?? null, bin?.huisnummertoevoeging ?? null, bin?.postcode ?? null, bin?.plaatsnaam ?? null,
          req.adres?.buitenlandsAdres?.landcode ?? NEDERLAND,
        ],
      );
      if (rows.length) return this.persoon(this.db.manager, principal.sandboxId, rows[0].id);
      if (req.burgerservicenummer) throw rodProblem(RodProblem.persoonBestaat, 'A person with this burgerservicenummer exists in this sandbox.');
    }
    throw rodProblem('service_unavailable', 'No free burgerservicenummer found; retry.');
  }

  private async persoon(manager: EntityManager, sandboxId: string, id: string): Promise<PersoonResponse> {
    const [r] = await manager.query(
      `SELECT id, burgerservicenummer, onderwijsnummer, geboortedatum, geslacht, achternaam, landcode FROM rod_persoon WHERE sandbox_id = $1 AND id = $2`,
      [sandboxId, id],
    );
    return {
      persoonId: r.id,
      burgerservicenummer: r.burgerservicenummer,
      onderwijsnummer: r.onderwijsnummer,
      geboortedatum: r.geboortedatum,
      geslacht: r.geslacht,
      achternaam: r.achternaam,
      landcode: r.landcode,
    };
  }

  /**
   * Beheer: a person known by onderwijsnummer gets a BSN (the BRP registered them). ROD keeps both numbers,
   * tells every school with an inschrijving (nl.duo.rod.persoonsgegevens-gewijzigd) and lets bekostiging recompute.
   */
  async assignBsn(principal: Principal, req: BsnToekenningRequest): Promise<PersoonResponse> {
    if (req.burgerservicenummer && !isGeldigBsn(req.burgerservicenummer)) {
      throw Problems.invalidInput([{ pointer: '/burgerservicenummer', code: RodCode.pgnElfproef, detail: 'burgerservicenummer fails the 11-proef' }]);
    }
    return this.db.transaction(async (manager) => {
      const [persoon]: (PersoonRij & { bsn_toegekend_op: Date | null })[] = await manager.query(
        `SELECT ${PERSOON_KOLOMMEN} FROM rod_persoon WHERE sandbox_id = $1 AND onderwijsnummer = $2 FOR UPDATE`,
        [principal.sandboxId, req.onderwijsnummer],
      );
      if (!persoon) throw rodProblem(RodProblem.geenOnderwijsnummer, 'No person with this onderwijsnummer in this sandbox.');
      if (persoon.burgerservicenummer) throw rodProblem(RodProblem.persoonHeeftBsn, 'This person already has a burgerservicenummer.');
      const now = await this.clock.now(principal.sandboxId, manager);
      let bsn = req.burgerservicenummer;
      for (let attempt = 0; ; attempt++) {
        const candidate = bsn ?? willekeurigBsn();
        const taken: unknown[] = await manager.query('SELECT 1 FROM rod_persoon WHERE sandbox_id = $1 AND burgerservicenummer = $2', [principal.sandboxId, candidate]);
        if (!taken.length) {
          bsn = candidate;
          break;
        }
        if (req.burgerservicenummer) throw rodProblem(RodProblem.persoonBestaat, 'Another person has this burgerservicenummer.');
        if (attempt > 20) throw rodProblem('service_unavailable', 'No free burgerservicenummer found; retry.');
      }
      await manager.query(`UPDATE rod_persoon SET burgerservicenummer = $3, bsn_toegekend_op = $4, updated_at = now() WHERE sandbox_id = $1 AND id = $2`, [principal.sandboxId, persoon.id, bsn, now]);
      const inschrijvingen: { id: string; instellingscode: string; inschrijvingvolgnummer: string }[] = await manager.query(
        `SELECT id, instellingscode, inschrijvingvolgnummer FROM rod_inschrijving WHERE sandbox_id = $1 AND persoon_id = $2 ORDER BY instellingscode`,
        [principal.sandboxId, persoon.id],
      );
      const scholen = [...new Set(inschrijvingen.map((i) => i.instellingscode))];
      for (const school of scholen) {
        await this.outbox.append(manager, principal.sandboxId, {
          type: 'nl.duo.rod.persoonsgegevens-gewijzigd',
          subject: `persoon/${persoon.id}`,
          instellingscode: school,
          orderingKey: persoon.id,
          time: now,
          data: {
            soort: 'BSN_TOEGEKEND',
            persoonsgebondenNummer: { burgerservicenummer: bsn, onderwijsnummer: req.onderwijsnummer },
            inschrijvingen: inschrijvingen.filter((i) => i.instellingscode === school).map((i) => ({ inschrijvingId: i.id, inschrijvingvolgnummer: i.inschrijvingvolgnummer })),
          },
        });
      }
      await this.hooks.emit('rod.persoon-gewijzigd', manager, { sandboxId: principal.sandboxId, persoonId: persoon.id });
      return this.persoon(manager, principal.sandboxId, persoon.id);
    });
  }
}

/** A random valid BSN in the test range 99xxxxxxx (never a real person's number by construction of the simulator's data). */
export function willekeurigBsn(rand: () => number = () => randomInt(0, 1_000_000) / 1_000_000): string {
  for (;;) {
    const acht = '99' + String(Math.floor(rand() * 1_000_000)).padStart(6, '0');
    const bsn = bsnMetControlecijfer(acht);
    if (bsn) return bsn;
  }
}
