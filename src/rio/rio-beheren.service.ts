import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../common/auth/principal';
import { ClockService } from '../common/clock/clock.service';
import { DomainHooks } from '../common/events/domain-hooks';
import type { InstellingserkenningRequest, OnderwijsbestuurRequest, VestigingserkenningRequest } from './dto/juridisch.dto';
import type { AangebodenOpleidingRequest, OnderwijsaanbiederRequest, OnderwijslocatiegebruikRequest, OnderwijslocatieRequest } from './dto/onderwijskundig.dto';
import { checkLevensduur, checkRelaties, geraakt, mag, nietVan, nullIfAbsent, OBJECT_PERIODES, PeriodeCodes } from './rio-beheren.checks';
import { Foutcodes, Foutmeldingen, nietGeautoriseerd, RioErrors, rioProblem, Sleutelgegeven } from './rio.errors';
import { checkOrganisatieBinnenLevensduur } from './rio-organisatie.checks';
import { contactadresResponse, locatieResponse, metGeldigePeriode, vestigingResponse } from './rio-lezen.service';
import type { ContactadressenRequest } from './dto/contactadres.dto';
import { eigenaarsVanGroep, loadAanbieders, loadBesturen, loadGebruiken, loadGroepen, loadInstellingen, loadLocaties, loadOpleidingen, loadVestigingen } from './rio.loaders';
import type { AanbiederState, BagAdresState, BestuurState, ContactadresState, GebruikState, InstellingState, OpleidingState, VestigingState } from './rio.model';
import { logMutatie, nextCode, SoortObject, SoortWijziging, writeContactadressen, writeDataset } from './rio.store';
import { normalisePostcode, POSTCODE } from './rules/identifiers';
import { controleerHoofdvestigingen, VestigingLevensduur } from './rules/hoofdvestiging';
import { binnenLevensduur, geldigOp, geldigOpSql, overlappendePerSleutel } from './rules/periodes';
import { behoudBesturen, besturenTijdens, instellingOp } from './rules/overgang';
import { controleerWaarde, opleidingseenheid, WaardenlijstNaam } from './rules/waardenlijsten';

const GEBRUIK: PeriodeCodes = { eind: 'N02010', overlap: 'N02030', gat: 'N02040', buiten: 'N02020' };
const OPLEIDING: PeriodeCodes = { eind: 'N10010', overlap: 'N10040', gat: 'N10040', buiten: 'N10020' };

function checkWaarde(foutmeldingen: Foutmeldingen, lijst: WaardenlijstNaam, waarde: string | null | undefined, datum: string, pointer: string) {
  if (waarde == null) return;
  const r = controleerWaarde(lijst, waarde, datum);
  if (r === 'ONBEKEND') foutmeldingen.add('K01050', pointer, { [lijst]: waarde });
  else if (r === 'NIET_GELDIG') foutmeldingen.add('K01051', pointer, { [lijst]: waarde, datum });
}

/**
 * Writes of RIO. DUO side (scope beheer): besturen and erkenningen. Board side (scope rio.beheren,
 * only for the besturen the client acts for): aanbieders, locaties, locatiegebruik, aangeboden
 * opleidingen. Every write is the full state of one object (standlevering), validated with all
 * foutmeldingen at once, logged for the change feeds, in one transaction.
 */
@Injectable()
export class RioBeherenService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: ClockService,
    private readonly hooks: DomainHooks,
  ) {}

  private async log(manager: EntityManager, sandboxId: string, soort: SoortObject, code: string, wijziging: SoortWijziging) {
    await logMutatie(manager, sandboxId, soort, code, wijziging, await this.clock.now(sandboxId, manager));
  }

  private today(sandboxId: string, manager: EntityManager) {
    return this.clock.today(sandboxId, manager);
  }

  private async findBestaandeBesturen(manager: EntityManager, sandboxId: string, codes: string[]): Promise<Set<string>> {
    const rows: { code: string }[] = await manager.query('SELECT code FROM rio_onderwijsbestuur WHERE sandbox_id = $1 AND code = ANY($2)', [sandboxId, codes]);
    return new Set(rows.map((r) => r.code));
  }

  // ---------------------------------------------------------------- onderwijsbesturen (DUO)

  private bestuurState(code: string, request: OnderwijsbestuurRequest): BestuurState {
    return {
      code,
      bevoegdGezagNummer: nullIfAbsent(request.bevoegdGezagNummer),
      kvkNummer: nullIfAbsent(request.kvkNummer),
      rsin: nullIfAbsent(request.rsin),
      besturendeOrganisatiesoort: nullIfAbsent(request.besturendeOrganisatiesoort),
      inBedrijfdatum: request.inBedrijfdatum,
      uitBedrijfdatum: nullIfAbsent(request.uitBedrijfdatum),
      periodes: request.periodes.map((p) => ({ begindatum: p.begindatum, einddatum: nullIfAbsent(p.einddatum), naam: p.naam, internationaleNaam: nullIfAbsent(p.internationaleNaam) })),
    };
  }

  private async writeBestuur(manager: EntityManager, sandboxId: string, s: BestuurState, nieuw: boolean) {
    const foutmeldingen = new Foutmeldingen();
    checkLevensduur(foutmeldingen, OBJECT_PERIODES, s.inBedrijfdatum, s.uitBedrijfdatum, s.periodes);
    checkWaarde(foutmeldingen, 'besturendeOrganisatiesoort', s.besturendeOrganisatiesoort, s.inBedrijfdatum, '/besturendeOrganisatiesoort');
    if (!nieuw) {
      // The rules of the board side, checked from the DUO side: aanbieders (N04410) and locatiegebruik (N01410) stay inside the bestuur's lifetime.
      const buiten: { soort: 'aanbieder' | 'gebruik'; code: string }[] = await manager.query(
        `SELECT 'aanbieder' AS soort, onderwijsaanbiedercode AS code FROM rio_aanbieder_bestuur
          WHERE sandbox_id = $1 AND onderwijsbestuurcode = $2 AND (begindatum < $3 OR ($4::date IS NOT NULL AND (einddatum IS NULL OR einddatum > $4)))
         UNION ALL
         SELECT 'gebruik', onderwijslocatiecode FROM rio_onderwijslocatiegebruik
          WHERE sandbox_id = $1 AND onderwijsbestuurcode = $2 AND (in_bedrijfdatum < $3 OR ($4::date IS NOT NULL AND (uit_bedrijfdatum IS NULL OR uit_bedrijfdatum > $4)))
         ORDER BY 1, 2`,
        [sandboxId, s.code, s.inBedrijfdatum, s.uitBedrijfdatum],
      );
      const pointer = s.uitBedrijfdatum ? '/uitBedrijfdatum' : '/inBedrijfdatum';
      const aanbieders = buiten.filter((b) => b.soort === 'aanbieder').map((b) => b.code);
      const locaties = buiten.filter((b) => b.soort === 'gebruik').map((b) => b.code);
      if (aanbieders.length) foutmeldingen.add('N04410', pointer, { onderwijsbestuurcode: s.code, onderwijsaanbiedercode: aanbieders[0] }, `${Foutcodes.N04410} Lopend: ${aanbieders.join(', ')}.`);
      if (locaties.length) foutmeldingen.add('N01410', pointer, { onderwijsbestuurcode: s.code, onderwijslocatiecode: locaties[0] }, `${Foutcodes.N01410} Lopend: ${locaties.join(', ')}.`);
      await checkOrganisatieBinnenLevensduur(manager, sandboxId, s.code, s, foutmeldingen);
    }
    foutmeldingen.throwIfAny();
    if (s.bevoegdGezagNummer) {
      const [dubbel] = await manager.query('SELECT code FROM rio_onderwijsbestuur WHERE sandbox_id = $1 AND bevoegd_gezag_nummer = $2 AND code <> $3', [sandboxId, s.bevoegdGezagNummer, s.code]);
      if (dubbel) throw rioProblem(RioErrors.bestaatAl, `Bevoegd-gezagnummer ${s.bevoegdGezagNummer} belongs to onderwijsbestuur ${dubbel.code}.`);
    }
    await writeDataset(manager, sandboxId, { besturen: [s] }, { replace: true });
    await this.log(manager, sandboxId, 'onderwijsbesturen', s.code, nieuw ? 'TOEGEVOEGD' : 'GEWIJZIGD');
    const vandaag = await this.today(sandboxId, manager);
    return metGeldigePeriode({ ...s, instellingscodes: await this.listInstellingscodes(manager, sandboxId, s.code, vandaag) }, vandaag);
  }

  /** The BRIN4s the bestuur is bevoegd gezag of on a date. */
  private async listInstellingscodes(manager: EntityManager, sandboxId: string, bestuur: string, datum: string): Promise<string[]> {
    return (
      await manager.query(`SELECT DISTINCT instellingscode AS code FROM rio_instelling_bestuur ib WHERE sandbox_id = $1 AND onderwijsbestuurcode = $2 AND ${geldigOpSql('ib.begindatum', 'ib.einddatum', '$3::date')} ORDER BY 1`, [sandboxId, bestuur, datum])
    ).map((r: { code: string }) => r.code);
  }

  createBestuur(principal: Principal, body: OnderwijsbestuurRequest) {
    return this.db.transaction(async (manager) => {
      const foutmeldingen = new Foutmeldingen();
      checkLevensduur(foutmeldingen, OBJECT_PERIODES, body.inBedrijfdatum, nullIfAbsent(body.uitBedrijfdatum), body.periodes.map((x) => ({ begindatum: x.begindatum, einddatum: nullIfAbsent(x.einddatum) })));
      foutmeldingen.throwIfAny();
      return this.writeBestuur(manager, principal.sandboxId, this.bestuurState(await nextCode(manager, principal.sandboxId, 'B'), body), true);
    });
  }

  putBestuur(principal: Principal, code: string, body: OnderwijsbestuurRequest) {
    return this.db.transaction(async (manager) => {
      if (!(await loadBesturen(manager, principal.sandboxId, [code])).length) throw rioProblem('not_found', `Onderwijsbestuur ${code} does not exist in this sandbox; create it with POST (RIO assigns the code).`);
      return this.writeBestuur(manager, principal.sandboxId, this.bestuurState(code, body), false);
    });
  }

  deleteBestuur(principal: Principal, code: string) {
    return this.db.transaction(async (manager) => {
      if (!(await loadBesturen(manager, principal.sandboxId, [code])).length) throw rioProblem('not_found', `Onderwijsbestuur ${code} does not exist in this sandbox.`);
      const [{ n: gebruikt }] = await manager.query(
        `SELECT (SELECT count(*) FROM rio_instelling_bestuur WHERE sandbox_id = $1 AND onderwijsbestuurcode = $2)
              + (SELECT count(*) FROM rio_aanbieder_bestuur WHERE sandbox_id = $1 AND onderwijsbestuurcode = $2)
              + (SELECT count(*) FROM rio_onderwijslocatiegebruik WHERE sandbox_id = $1 AND onderwijsbestuurcode = $2)
              + (SELECT count(*) FROM rio_onderwijsaanbiedergroep WHERE sandbox_id = $1 AND onderwijsbestuurcode = $2) AS n`,
        [principal.sandboxId, code],
      );
      if (Number(gebruikt) > 0) throw rioProblem(RioErrors.inGebruik, `Onderwijsbestuur ${code} still has erkenningen, aanbieders, locatiegebruik or aanbiedergroepen; remove those first.`);
      await manager.query('DELETE FROM rio_onderwijsbestuur WHERE sandbox_id = $1 AND code = $2', [principal.sandboxId, code]);
      await manager.query('DELETE FROM rio_contactadres WHERE sandbox_id = $1 AND code = $2', [principal.sandboxId, code]);
      await manager.query('DELETE FROM rio_organisatierelatie WHERE sandbox_id = $1 AND (van_code = $2 OR naar_code = $2)', [principal.sandboxId, code]);
      await this.log(manager, principal.sandboxId, 'onderwijsbesturen', code, 'VERWIJDERD');
    });
  }

  // ---------------------------------------------------------------- BRIN4 (DUO)

  putInstelling(principal: Principal, code: string, body: InstellingserkenningRequest) {
    return this.db.transaction(async (manager) => {
      const sid = principal.sandboxId;
      const bestaand = (await loadInstellingen(manager, sid, [code]))[0];
      const instelling: InstellingState = {
        code,
        onderwijsbestuurcode: nullIfAbsent(body.onderwijsbestuurcode),
        soort: body.soort,
        vrijheidVanOnderwijs: body.vrijheidVanOnderwijs,
        inBedrijfdatum: body.inBedrijfdatum,
        uitBedrijfdatum: nullIfAbsent(body.uitBedrijfdatum),
        erkenner: body.erkenner ?? 'OCW',
        stichtingsdatum: nullIfAbsent(body.stichtingsdatum),
        soCluster: nullIfAbsent(body.soCluster),
        formeelAdres: null,
        besturen: [],
        periodes: body.periodes.map((x) => ({
          begindatum: x.begindatum, einddatum: nullIfAbsent(x.einddatum), naam: x.naam, verkorteNaam: nullIfAbsent(x.verkorteNaam), richtingen: x.richtingen, grondslagen: x.grondslagen ?? [],
          bekostigingscode: x.bekostigingscode, wet: x.wet ?? (body.soort === 'SPEC' ? 'WEC' : 'WPO'),
        })),
      };
      const foutmeldingen = new Foutmeldingen();
      const bevoegdGezag = behoudBesturen(bestaand, instelling);
      instelling.besturen = bevoegdGezag.besturen;
      if (bevoegdGezag.fout) foutmeldingen.add('J06530', '/onderwijsbestuurcode', { instellingscode: code, onderwijsbestuurcode: instelling.onderwijsbestuurcode });
      if (body.formeelAdres) {
        const adres = await this.findBagAdres(manager, sid, body.formeelAdres);
        if (!adres) foutmeldingen.add('A01010', '/formeelAdres', { postcode: normalisePostcode(body.formeelAdres.postcode), huisnummer: body.formeelAdres.huisnummer });
        else instelling.formeelAdres = { type: 'BINNENLANDS', bagId: adres.bagId, postcode: adres.postcode, huisnummer: adres.huisnummer, huisnummertoevoeging: adres.huisnummertoevoeging, straatnaam: adres.straatnaam, plaatsnaam: adres.plaatsnaam, gemeentenaam: adres.gemeentenaam };
      }
      checkWaarde(foutmeldingen, 'erkenner', instelling.erkenner, instelling.inBedrijfdatum, '/erkenner');
      if (instelling.stichtingsdatum && instelling.stichtingsdatum > instelling.inBedrijfdatum) foutmeldingen.add('J06520', '/stichtingsdatum', { instellingscode: code, stichtingsdatum: instelling.stichtingsdatum });
      if (instelling.soCluster) {
        checkWaarde(foutmeldingen, 'speciaalOnderwijsCluster', instelling.soCluster, instelling.inBedrijfdatum, '/soCluster');
        if (instelling.soort !== 'SPEC') foutmeldingen.add('K01030', '/soCluster', { soort: instelling.soort, soCluster: instelling.soCluster }, `Een soCluster hoort alleen bij instellingssoort SPEC, niet bij ${instelling.soort}.`);
      }
      checkLevensduur(foutmeldingen, OBJECT_PERIODES, instelling.inBedrijfdatum, instelling.uitBedrijfdatum, instelling.periodes);
      if (instelling.onderwijsbestuurcode && !(await this.findBestaandeBesturen(manager, sid, [instelling.onderwijsbestuurcode])).size) foutmeldingen.add('A01110', '/onderwijsbestuurcode', { onderwijsbestuurcode: instelling.onderwijsbestuurcode });
      if (bestaand) {
        // Its vestigingen stay inside the BRIN4's lifetime (N05030 seen from the DUO side).
        const vestigingen: { code: string }[] = await manager.query(
          `SELECT code FROM rio_vestigingserkenning WHERE sandbox_id = $1 AND instellingscode = $2
              AND (in_bedrijfdatum < $3 OR ($4::date IS NOT NULL AND (uit_bedrijfdatum IS NULL OR uit_bedrijfdatum > $4))) ORDER BY code`,
          [sid, code, instelling.inBedrijfdatum, instelling.uitBedrijfdatum],
        );
        if (vestigingen.length) foutmeldingen.add('N05030', instelling.uitBedrijfdatum ? '/uitBedrijfdatum' : '/inBedrijfdatum', { instellingscode: code, vestigingscode: vestigingen[0].code }, `${Foutcodes.N05030} Vestigingen buiten de levensduur: ${vestigingen.map((v) => v.code).join(', ')}; sluit die eerst.`);
      }
      const teSluiten = bestaand ? await this.countRelatiesOutside(manager, sid, 'rio_juridische_relatie', 'instellingscode', code, instelling, foutmeldingen, 'onderwijsaanbiedercode') : 0;
      checkWaarde(foutmeldingen, 'instellingssoort', instelling.soort, instelling.inBedrijfdatum, '/soort');
      checkWaarde(foutmeldingen, 'vrijheidVanOnderwijs', instelling.vrijheidVanOnderwijs, instelling.inBedrijfdatum, '/vrijheidVanOnderwijs');
      instelling.periodes.forEach((x, i) => {
        x.richtingen.forEach((r, j) => checkWaarde(foutmeldingen, 'denominatie', r, x.begindatum, `/periodes/${i}/richtingen/${j}`));
        x.grondslagen.forEach((r, j) => checkWaarde(foutmeldingen, 'denominatie', r, x.begindatum, `/periodes/${i}/grondslagen/${j}`));
        checkWaarde(foutmeldingen, 'wet', x.wet, x.begindatum, `/periodes/${i}/wet`);
        // WEC for (v)so schools and expertisecentra, WPO (or WPO BES) for basisscholen and sbo.
        if ((instelling.soort === 'SPEC') !== (x.wet === 'WEC') && ['WPO', 'WEC', 'WPO_BES'].includes(x.wet)) {
          foutmeldingen.add('K01030', `/periodes/${i}/wet`, { soort: instelling.soort, wet: x.wet }, `Wet ${x.wet} past niet bij instellingssoort ${instelling.soort}.`);
        }
        checkWaarde(foutmeldingen, 'bekostigingscode', x.bekostigingscode, x.begindatum, `/periodes/${i}/bekostigingscode`);
      });
      foutmeldingen.throwIfAny();
      await writeDataset(manager, sid, { instellingen: [instelling] }, { replace: true });
      await this.log(manager, sid, 'onderwijsinstellingserkenningen', code, bestaand ? 'GEWIJZIGD' : 'TOEGEVOEGD');
      // Closing a BRIN4 closes the juridische relaties of aanbieders that ran past it (J06410 seen from the DUO side).
      for (const a of await this.closeRelaties(manager, sid, 'rio_juridische_relatie', 'instellingscode', code, instelling.uitBedrijfdatum, teSluiten, ['onderwijsaanbiedercode'])) {
        await this.log(manager, sid, 'onderwijsaanbieders', a.onderwijsaanbiedercode, 'GEWIJZIGD');
      }
      const vestigingscodes: string[] = (await manager.query('SELECT code FROM rio_vestigingserkenning WHERE sandbox_id = $1 AND instellingscode = $2 ORDER BY code', [sid, code])).map((r: { code: string }) => r.code);
      if (vestigingscodes.length) await this.hooks.emit('rio.gewijzigd', manager, { sandboxId: sid, vestigingscodes });
      const vandaag = await this.today(sid, manager);
      return { created: !bestaand, body: { ...metGeldigePeriode(instellingOp(instelling, vandaag), vandaag), vestigingscodes } };
    });
  }

  deleteInstelling(principal: Principal, code: string) {
    return this.db.transaction(async (manager) => {
      const sandboxId = principal.sandboxId;
      if (!(await loadInstellingen(manager, sandboxId, [code])).length) throw rioProblem('not_found', `Onderwijsinstellingserkenning ${code} does not exist in this sandbox.`);
      const [{ n: gebruikt }] = await manager.query(
        `SELECT (SELECT count(*) FROM rio_vestigingserkenning WHERE sandbox_id = $1 AND instellingscode = $2)
              + (SELECT count(*) FROM rio_juridische_relatie WHERE sandbox_id = $1 AND instellingscode = $2) AS n`,
        [sandboxId, code],
      );
      if (Number(gebruikt) > 0) throw rioProblem(RioErrors.inGebruik, `Onderwijsinstellingserkenning ${code} still has vestigingen or juridische relaties; remove those first.`);
      await manager.query('DELETE FROM rio_instellingserkenning WHERE sandbox_id = $1 AND code = $2', [sandboxId, code]);
      await this.log(manager, sandboxId, 'onderwijsinstellingserkenningen', code, 'VERWIJDERD');
    });
  }

  // ---------------------------------------------------------------- BRIN6 (DUO)

  private async findBagAdres(manager: EntityManager, sandboxId: string, adres: { postcode: string; huisnummer: number; huisnummertoevoeging?: string }): Promise<BagAdresState | null> {
    const rows = await manager.query(
      `SELECT bag_id AS "bagId", postcode, huisnummer, huisnummertoevoeging, straatnaam, plaatsnaam, gemeentenaam, gps_latitude AS "gpsLatitude", gps_longitude AS "gpsLongitude"
         FROM rio_bag_adres WHERE sandbox_id = $1 AND postcode = $2 AND huisnummer = $3 AND huisnummertoevoeging = $4`,
      [sandboxId, normalisePostcode(adres.postcode), adres.huisnummer, (adres.huisnummertoevoeging ?? '').toUpperCase()],
    );
    return rows[0] ?? null;
  }

  putVestiging(principal: Principal, code: string, body: VestigingserkenningRequest) {
    return this.db.transaction(async (manager) => {
      const sid = principal.sandboxId;
      const instellingscode = code.slice(0, 4);
      const bestaand = (await loadVestigingen(manager, sid, [code]))[0];
      const foutmeldingen = new Foutmeldingen();
      const instelling = (await loadInstellingen(manager, sid, [instellingscode]))[0];
      if (!instelling) foutmeldingen.add('A01030', '', { instellingscode });
      const adres = POSTCODE.test(normalisePostcode(body.adres.postcode)) ? await this.findBagAdres(manager, sid, body.adres) : null;
      if (!adres) foutmeldingen.add('A01010', '/adres', { postcode: body.adres.postcode, huisnummer: body.adres.huisnummer, huisnummertoevoeging: body.adres.huisnummertoevoeging });
      const periodes = body.periodes.map((x) => ({ begindatum: x.begindatum, einddatum: nullIfAbsent(x.einddatum), naam: x.naam, bekostigingscode: x.bekostigingscode }));
      checkLevensduur(foutmeldingen, OBJECT_PERIODES, body.inBedrijfdatum, nullIfAbsent(body.uitBedrijfdatum), periodes);
      if (instelling && !binnenLevensduur({ begindatum: body.inBedrijfdatum, einddatum: nullIfAbsent(body.uitBedrijfdatum) }, instelling)) {
        foutmeldingen.add('N05030', '/inBedrijfdatum', { instellingscode, inBedrijfdatum: body.inBedrijfdatum });
      }
      checkWaarde(foutmeldingen, 'hoofdNevenvestiging', body.hoofdNevenvestiging, body.inBedrijfdatum, '/hoofdNevenvestiging');
      checkWaarde(foutmeldingen, 'vestigingssoort', body.soort, body.inBedrijfdatum, '/soort');
      periodes.forEach((x, i) => checkWaarde(foutmeldingen, 'bekostigingscode', x.bekostigingscode, x.begindatum, `/periodes/${i}/bekostigingscode`));
      const nieuw = { code, hoofdNevenvestiging: body.hoofdNevenvestiging, inBedrijfdatum: body.inBedrijfdatum, uitBedrijfdatum: nullIfAbsent(body.uitBedrijfdatum) };
      if (instelling) await this.checkHoofdvestigingen(manager, sid, instellingscode, nieuw, null, foutmeldingen, '/hoofdNevenvestiging');
      const teSluiten = await this.countRelatiesOutside(manager, sid, 'rio_locatiegebruik_relatie', 'vestigingscode', code, nieuw, foutmeldingen, 'onderwijslocatiecode');
      foutmeldingen.throwIfAny();
      const vestiging: VestigingState = { code, instellingscode, hoofdNevenvestiging: body.hoofdNevenvestiging, soort: body.soort, inBedrijfdatum: body.inBedrijfdatum, uitBedrijfdatum: nullIfAbsent(body.uitBedrijfdatum), adres: adres!, periodes };
      await writeDataset(manager, sid, { vestigingen: [vestiging] }, { replace: true });
      await this.log(manager, sid, 'vestigingserkenningen', code, bestaand ? 'GEWIJZIGD' : 'TOEGEVOEGD');
      // Closing a BRIN6 closes the locatiegebruik relaties that ran past it (J06410 seen from the DUO side).
      const gesloten = await this.closeRelaties(manager, sid, 'rio_locatiegebruik_relatie', 'vestigingscode', code, vestiging.uitBedrijfdatum, teSluiten, ['onderwijsbestuurcode', 'onderwijslocatiecode']);
      for (const g of gesloten) await this.log(manager, sid, 'onderwijslocatiegebruiken', `${g.onderwijsbestuurcode}/${g.onderwijslocatiecode}`, 'GEWIJZIGD');
      await this.hooks.emit('rio.gewijzigd', manager, { sandboxId: sid, vestigingscodes: [code] });
      if (vestiging.uitBedrijfdatum && (!bestaand || bestaand.uitBedrijfdatum == null || bestaand.uitBedrijfdatum > vestiging.uitBedrijfdatum)) {
        await this.hooks.emit('rio.vestiging-gesloten', manager, { sandboxId: sid, vestigingscode: code, uitBedrijfdatum: vestiging.uitBedrijfdatum, moment: await this.clock.now(sid, manager) });
      }
      return { created: !bestaand, body: vestigingResponse(vestiging, await this.today(sid, manager)) };
    });
  }

  deleteVestiging(principal: Principal, code: string) {
    return this.db.transaction(async (manager) => {
      const sid = principal.sandboxId;
      if (!(await loadVestigingen(manager, sid, [code])).length) throw rioProblem('not_found', `Vestigingserkenning ${code} does not exist in this sandbox.`);
      const [{ n: gebruikt }] = await manager.query('SELECT count(*) AS n FROM rio_locatiegebruik_relatie WHERE sandbox_id = $1 AND vestigingscode = $2', [sid, code]);
      if (Number(gebruikt) > 0) throw rioProblem(RioErrors.inGebruik, `Vestigingserkenning ${code} is still linked to onderwijslocatiegebruik; remove those relaties first.`);
      const foutmeldingen = new Foutmeldingen();
      await this.checkHoofdvestigingen(manager, sid, code.slice(0, 4), null, code, foutmeldingen, '');
      foutmeldingen.throwIfAny();
      await manager.query('DELETE FROM rio_vestigingserkenning WHERE sandbox_id = $1 AND code = $2', [sid, code]);
      await this.log(manager, sid, 'vestigingserkenningen', code, 'VERWIJDERD');
      await this.hooks.emit('rio.gewijzigd', manager, { sandboxId: sid, vestigingscodes: [code] });
    });
  }

  /**
   * J06510: exactly one hoofdvestiging on every date a BRIN4 has a vestiging in bedrijf, after this write (`nieuw`
   * replaces its stored state; `weg` is deleted).
   */
  private async checkHoofdvestigingen(manager: EntityManager, sandboxId: string, instellingscode: string, nieuw: VestigingLevensduur | null, weg: string | null, foutmeldingen: Foutmeldingen, pointer: string) {
    const rows: VestigingLevensduur[] = await manager.query(
      `SELECT code, hoofd_nevenvestiging AS "hoofdNevenvestiging", in_bedrijfdatum::text AS "inBedrijfdatum", uit_bedrijfdatum::text AS "uitBedrijfdatum"
         FROM rio_vestigingserkenning WHERE sandbox_id = $1 AND instellingscode = $2 ORDER BY code`,
      [sandboxId, instellingscode],
    );
    const na = [...rows.filter((v) => v.code !== nieuw?.code && v.code !== weg), ...(nieuw ? [nieuw] : [])];
    for (const fout of controleerHoofdvestigingen(na)) {
      if (fout.soort === 'TWEE_HOOFDVESTIGINGEN') {
        foutmeldingen.add('J06510', pointer, { instellingscode, vestigingscode: fout.codes.find((c) => c !== nieuw?.code) ?? fout.codes[0], datum: fout.vanaf }, `${Foutcodes.J06510} ${fout.codes.join(' en ')} zijn beide hoofdvestiging vanaf ${fout.vanaf}.`);
      } else {
        foutmeldingen.add('J06510', pointer, { instellingscode, vestigingscode: fout.code, datum: fout.vanaf }, `${Foutcodes.J06510} Nevenvestiging ${fout.code} heeft vanaf ${fout.vanaf} geen hoofdvestiging.`);
      }
    }
  }

  /**
   * The dated relations to an erkenning whose lifetime changes: those that begin outside the new lifetime are a
   * foutmelding (J06410; the board must change them), those that only run past the new uitBedrijfdatum are returned, to
   * be closed on that date.
   */
  private async countRelatiesOutside(manager: EntityManager, sandboxId: string, tabel: 'rio_locatiegebruik_relatie' | 'rio_juridische_relatie', kolom: string, code: string, l: { inBedrijfdatum: string; uitBedrijfdatum: string | null }, foutmeldingen: Foutmeldingen, sleutel: string): Promise<number> {
    const [r]: { begint_buiten: string | null; loopt_door: string }[] = await manager.query(
      `SELECT min(${sleutel}) FILTER (WHERE begindatum < $3 OR begindatum >= $4) AS begint_buiten,
              count(*) FILTER (WHERE begindatum >= $3 AND begindatum < $4 AND (einddatum IS NULL OR einddatum > $4)) AS loopt_door
         FROM ${tabel} WHERE sandbox_id = $1 AND ${kolom} = $2`,
      [sandboxId, code, l.inBedrijfdatum, l.uitBedrijfdatum ?? '9999-12-31'],
    );
    if (r.begint_buiten) {
      foutmeldingen.add('J06410', l.uitBedrijfdatum ? '/uitBedrijfdatum' : '/inBedrijfdatum', { [kolom]: code, [sleutel]: r.begint_buiten }, `${Foutcodes.J06410} De relatie van ${r.begint_buiten} begint buiten de nieuwe levensduur van ${code}; pas die eerst aan.`);
    }
    return Number(r.loopt_door);
  }

  /** Ends the relations that run past `uit` on that date; returns the keys of the objects they belong to. */
  private async closeRelaties<K extends string>(manager: EntityManager, sandboxId: string, tabel: 'rio_locatiegebruik_relatie' | 'rio_juridische_relatie', kolom: string, code: string, uit: string | null, aantal: number, sleutels: K[]): Promise<Record<K, string>[]> {
    if (!uit || !aantal) return [];
    const [rows] = await manager.query(
      `UPDATE ${tabel} SET einddatum = $3 WHERE sandbox_id = $1 AND ${kolom} = $2 AND begindatum < $3 AND (einddatum IS NULL OR einddatum > $3)
       RETURNING ${sleutels.join(', ')}`,
      [sandboxId, code, uit],
    );
    const uniek = new Map<string, Record<K, string>>();
    for (const r of rows as Record<K, string>[]) uniek.set(sleutels.map((k) => r[k]).join('/'), r);
    return [...uniek.values()];
  }

  // ---------------------------------------------------------------- onderwijsaanbieders (board)

  private aanbiederState(code: string, body: OnderwijsaanbiederRequest): AanbiederState {
    return {
      code,
      inBedrijfdatum: body.inBedrijfdatum,
      uitBedrijfdatum: nullIfAbsent(body.uitBedrijfdatum),
      eigenSleutel: nullIfAbsent(body.eigenSleutel),
      periodes: body.periodes.map((x) => ({ begindatum: x.begindatum, einddatum: nullIfAbsent(x.einddatum), naam: x.naam, internationaleNaam: nullIfAbsent(x.internationaleNaam) })),
      juridischeRelaties: body.juridischeRelaties.map((r) => ({ instellingscode: r.instellingscode, begindatum: r.begindatum, einddatum: nullIfAbsent(r.einddatum) })),
      besturen: body.besturen.map((r) => ({ onderwijsbestuurcode: r.onderwijsbestuurcode, begindatum: r.begindatum, einddatum: nullIfAbsent(r.einddatum) })),
    };
  }

  /**
   * Authorisation (403) and every foutmelding (400) of an aanbieder's new state. rio.md §7 AUT401: the client must act
   * for every bestuur the write touches: each bestuur whose relation is added, changed or removed, and the bestuur of
   * each BRIN4 whose juridische relatie is added, changed or removed; a PUT also needs a bestuur of the stored aanbieder.
   */
  private async validateAanbieder(manager: EntityManager, principal: Principal, s: AanbiederState, bestaand: AanbiederState | undefined) {
    const sandboxId = principal.sandboxId;
    const nieuweBesturen = s.besturen.map((b) => b.onderwijsbestuurcode);
    const instellingen = await loadInstellingen(manager, sandboxId, [...new Set([...s.juridischeRelaties, ...(bestaand?.juridischeRelaties ?? [])].map((r) => r.instellingscode))]);
    const geraakteBesturen = geraakt(s.besturen, bestaand?.besturen ?? [], (b) => b.onderwijsbestuurcode).map((b) => b.onderwijsbestuurcode);
    const geraakteBrin4 = geraakt(s.juridischeRelaties, bestaand?.juridischeRelaties ?? [], (r) => r.instellingscode)
      .map((r) => instellingen.find((x) => x.code === r.instellingscode))
      .filter((ie): ie is InstellingState => !!ie);
    // A bestuur the stored aanbieder has today or later: after an overgang the old bestuur no longer keeps it up.
    const vandaag = bestaand ? await this.today(sandboxId, manager) : '';
    const lopend = (bestaand?.besturen ?? []).filter((b) => b.einddatum == null || b.einddatum > vandaag);
    const sleutels: Sleutelgegeven[] = [
      ...(bestaand && !mag(principal, (lopend.length ? lopend : bestaand.besturen).map((b) => b.onderwijsbestuurcode)) ? [{ sleutelnaam: 'onderwijsaanbiedercode', sleutelwaarde: bestaand.code }] : []),
      ...nietVan(principal, geraakteBesturen).map((b) => ({ sleutelnaam: 'onderwijsbestuurcode', sleutelwaarde: String(b) })),
      ...[...new Set(geraakteBrin4.filter((ie) => !mag(principal, besturenTijdens(ie, { begindatum: ie.inBedrijfdatum, einddatum: ie.uitBedrijfdatum }))).map((ie) => ie.code))].map((c) => ({ sleutelnaam: 'instellingscode', sleutelwaarde: c })),
    ];
    if (sleutels.length) throw nietGeautoriseerd(`Client ${principal.clientId} does not act for every onderwijsbestuur this write touches (its besturen, and the besturen of its BRIN4s).`, sleutels);
    const foutmeldingen = new Foutmeldingen();
    checkLevensduur(foutmeldingen, OBJECT_PERIODES, s.inBedrijfdatum, s.uitBedrijfdatum, s.periodes);
    const besturen = await this.findBestaandeBesturen(manager, sandboxId, nieuweBesturen);
    s.besturen.forEach((b, i) => !besturen.has(b.onderwijsbestuurcode) && foutmeldingen.add('A01110', `/besturen/${i}/onderwijsbestuurcode`, { onderwijsbestuurcode: b.onderwijsbestuurcode }));
    checkRelaties(foutmeldingen, s.besturen, (b) => b.onderwijsbestuurcode, 'onderwijsbestuurcode', '/besturen', s);
    s.juridischeRelaties.forEach((r, i) => {
      const ie = instellingen.find((x) => x.code === r.instellingscode);
      if (!ie) foutmeldingen.add('A01030', `/juridischeRelaties/${i}/instellingscode`, { instellingscode: r.instellingscode });
      else if (principal.role !== 'BEHEER' && !besturenTijdens(ie, r).some((b) => nieuweBesturen.includes(b))) {
        foutmeldingen.add('AUT401', `/juridischeRelaties/${i}/instellingscode`, { instellingscode: r.instellingscode }, 'De BRIN4 hoort niet bij een bestuur van de onderwijsaanbieder.');
      } else if (!binnenLevensduur(r, ie)) foutmeldingen.add('J06410', `/juridischeRelaties/${i}`, { instellingscode: r.instellingscode, begindatum: r.begindatum });
    });
    checkRelaties(foutmeldingen, s.juridischeRelaties, (r) => r.instellingscode, 'instellingscode', '/juridischeRelaties', s);
    if (bestaand) {
      // N04430 (the other side of N09430): the aanbieder's lifetime keeps covering its aangeboden opleidingen.
      const aanbod: { code: string; begindatum: string; einddatum: string | null }[] = await manager.query(
        `SELECT code::text AS code, COALESCE(eerste_instroomdatum, begindatum)::text AS begindatum, einddatum::text AS einddatum
           FROM rio_aangeboden_opleiding WHERE sandbox_id = $1 AND onderwijsaanbiedercode = $2 ORDER BY begindatum, code`,
        [sandboxId, s.code],
      );
      const buiten = aanbod.filter((o) => !binnenLevensduur(o, s));
      if (buiten.length) {
        foutmeldingen.add('N04430', s.uitBedrijfdatum && buiten.some((o) => o.begindatum >= s.inBedrijfdatum) ? '/uitBedrijfdatum' : '/inBedrijfdatum', { onderwijsaanbiedercode: s.code, aangebodenOpleidingCode: buiten[0].code }, `${Foutcodes.N04430} Buiten de levensduur: ${buiten.map((o) => o.code).join(', ')}.`);
      }
      await checkOrganisatieBinnenLevensduur(manager, sandboxId, s.code, s, foutmeldingen);
    }
    foutmeldingen.throwIfAny();
  }

  private async saveAanbieder(manager: EntityManager, sandboxId: string, aanbieder: AanbiederState, nieuw: boolean) {
    await writeDataset(manager, sandboxId, { aanbieders: [aanbieder] }, { replace: true });
    await this.log(manager, sandboxId, 'onderwijsaanbieders', aanbieder.code, nieuw ? 'TOEGEVOEGD' : 'GEWIJZIGD');
    return metGeldigePeriode(aanbieder, await this.today(sandboxId, manager));
  }

  createAanbieder(principal: Principal, body: OnderwijsaanbiederRequest) {
    return this.db.transaction(async (manager) => {
      const aanbieder = this.aanbiederState('', body);
      await this.validateAanbieder(manager, principal, aanbieder, undefined); // before taking a code, so a rejected request uses none
      aanbieder.code = await nextCode(manager, principal.sandboxId, 'A');
      return this.saveAanbieder(manager, principal.sandboxId, aanbieder, true);
    });
  }

  putAanbieder(principal: Principal, code: string, body: OnderwijsaanbiederRequest) {
    return this.db.transaction(async (manager) => {
      const bestaand = (await loadAanbieders(manager, principal.sandboxId, [code]))[0];
      if (!bestaand) throw rioProblem('not_found', `Onderwijsaanbieder ${code} does not exist in this sandbox; create it with POST (RIO assigns the code).`);
      const aanbieder = this.aanbiederState(code, body);
      await this.validateAanbieder(manager, principal, aanbieder, bestaand);
      return this.saveAanbieder(manager, principal.sandboxId, aanbieder, false);
    });
  }

  deleteAanbieder(principal: Principal, code: string) {
    return this.db.transaction(async (manager) => {
      const sandboxId = principal.sandboxId;
      const bestaand = (await loadAanbieders(manager, sandboxId, [code]))[0];
      if (!bestaand) throw rioProblem('not_found', `Onderwijsaanbieder ${code} does not exist in this sandbox.`);
      const vreemd = nietVan(principal, bestaand.besturen.map((b) => b.onderwijsbestuurcode));
      if (vreemd.length) throw nietGeautoriseerd(`Client ${principal.clientId} does not act for every bestuur of onderwijsaanbieder ${code}.`, [{ sleutelnaam: 'onderwijsaanbiedercode', sleutelwaarde: code }, ...vreemd.map((b) => ({ sleutelnaam: 'onderwijsbestuurcode', sleutelwaarde: String(b) }))]);
      const [{ n: aanbod }] = await manager.query('SELECT count(*) AS n FROM rio_aangeboden_opleiding WHERE sandbox_id = $1 AND onderwijsaanbiedercode = $2', [sandboxId, code]);
      if (Number(aanbod) > 0) throw rioProblem(RioErrors.inGebruik, `Onderwijsaanbieder ${code} still has aangeboden opleidingen; remove those first.`);
      await manager.query('DELETE FROM rio_onderwijsaanbieder WHERE sandbox_id = $1 AND code = $2', [sandboxId, code]);
      // Its groep memberships go with it (foreign key); its organisatierelaties too.
      await manager.query('DELETE FROM rio_contactadres WHERE sandbox_id = $1 AND code = $2', [sandboxId, code]);
      await manager.query('DELETE FROM rio_organisatierelatie WHERE sandbox_id = $1 AND (van_code = $2 OR naar_code = $2)', [sandboxId, code]);
      await this.log(manager, sandboxId, 'onderwijsaanbieders', code, 'VERWIJDERD');
    });
  }

  // ---------------------------------------------------------------- onderwijslocaties (board)

  /** RIO resolves the address through BAG and returns the locatie there, creating it when new. */
  createLocatie(principal: Principal, body: OnderwijslocatieRequest) {
    return this.db.transaction(async (manager) => {
      const sandboxId = principal.sandboxId;
      const adres = POSTCODE.test(normalisePostcode(body.postcode)) ? await this.findBagAdres(manager, sandboxId, body) : null;
      if (!adres) {
        const foutmeldingen = new Foutmeldingen();
        foutmeldingen.add('A01010', '', { postcode: body.postcode, huisnummer: body.huisnummer, huisnummertoevoeging: body.huisnummertoevoeging });
        foutmeldingen.throwIfAny();
      }
      const [bestaand] = await manager.query('SELECT code FROM rio_onderwijslocatie WHERE sandbox_id = $1 AND bag_id = $2', [sandboxId, adres!.bagId]);
      if (bestaand) return { created: false, body: locatieResponse((await loadLocaties(manager, sandboxId, [bestaand.code]))[0]) };
      const code = await nextCode(manager, sandboxId, 'X');
      await writeDataset(manager, sandboxId, { locaties: [{ code, adres: adres!, geregistreerdDoor: principal.role === 'BEHEER' ? [] : [...principal.bestuurcodes] }] });
      await this.log(manager, sandboxId, 'onderwijslocaties', code, 'TOEGEVOEGD');
      return { created: true, body: locatieResponse({ code, adres: adres! }) };
    });
  }

  deleteLocatie(principal: Principal, code: string) {
    return this.db.transaction(async (manager) => {
      const sandboxId = principal.sandboxId;
      const locatie = (await loadLocaties(manager, sandboxId, [code]))[0];
      if (!locatie) throw rioProblem('not_found', `Onderwijslocatie ${code} does not exist in this sandbox.`);
      // Only the besturen that registered a locatie or use it (or DUO) may remove it; a seeded locatie belongs to DUO.
      const gebruikers: { b: string }[] = await manager.query('SELECT onderwijsbestuurcode AS b FROM rio_onderwijslocatiegebruik WHERE sandbox_id = $1 AND onderwijslocatiecode = $2', [sandboxId, code]);
      if (!mag(principal, [...(locatie.geregistreerdDoor ?? []), ...gebruikers.map((g) => g.b)])) {
        throw nietGeautoriseerd(`Onderwijslocatie ${code} was not registered by a bestuur client ${principal.clientId} acts for.`, [{ sleutelnaam: 'onderwijslocatiecode', sleutelwaarde: code }]);
      }
      const [{ n: gebruikt }] = await manager.query(
        `SELECT (SELECT count(*) FROM rio_onderwijslocatiegebruik WHERE sandbox_id = $1 AND onderwijslocatiecode = $2)
              + (SELECT count(*) FROM rio_aangeboden_opleiding WHERE sandbox_id = $1 AND onderwijslocatiecode = $2) AS n`,
        [sandboxId, code],
      );
      if (Number(gebruikt) > 0) throw rioProblem(RioErrors.inGebruik, `Onderwijslocatie ${code} is still in gebruik or has aangeboden opleidingen.`);
      await manager.query('DELETE FROM rio_onderwijslocatie WHERE sandbox_id = $1 AND code = $2', [sandboxId, code]);
      await this.log(manager, sandboxId, 'onderwijslocaties', code, 'VERWIJDERD');
    });
  }

  // ---------------------------------------------------------------- onderwijslocatiegebruik (board)

  putGebruik(principal: Principal, bestuurcode: string, locatiecode: string, body: OnderwijslocatiegebruikRequest) {
    return this.db.transaction(async (manager) => {
      const sid = principal.sandboxId;
      const bestuur = (await loadBesturen(manager, sid, [bestuurcode]))[0];
      if (!bestuur) throw rioProblem('not_found', `Onderwijsbestuur ${bestuurcode} does not exist in this sandbox.`);
      if (!(await loadLocaties(manager, sid, [locatiecode])).length) throw rioProblem('not_found', `Onderwijslocatie ${locatiecode} does not exist in this sandbox; register the address with POST /onderwijslocaties.`);
      if (!mag(principal, [bestuurcode])) throw nietGeautoriseerd(`Client ${principal.clientId} does not act for onderwijsbestuur ${bestuurcode}.`, [{ sleutelnaam: 'onderwijsbestuurcode', sleutelwaarde: bestuurcode }]);
      const bestaand = (await loadGebruiken(manager, sid, [{ onderwijsbestuurcode: bestuurcode, onderwijslocatiecode: locatiecode }]))[0];
      const s: GebruikState = {
        onderwijsbestuurcode: bestuurcode,
        onderwijslocatiecode: locatiecode,
        inBedrijfdatum: body.inBedrijfdatum,
        uitBedrijfdatum: nullIfAbsent(body.uitBedrijfdatum),
        eigenSleutel: nullIfAbsent(body.eigenSleutel),
        periodes: body.periodes.map((x) => ({ begindatum: x.begindatum, einddatum: nullIfAbsent(x.einddatum), naam: nullIfAbsent(x.naam) })),
        relaties: body.relaties.map((r) => ({ vestigingscode: r.vestigingscode, begindatum: r.begindatum, einddatum: nullIfAbsent(r.einddatum) })),
      };
      const foutmeldingen = new Foutmeldingen();
      checkLevensduur(foutmeldingen, GEBRUIK, s.inBedrijfdatum, s.uitBedrijfdatum, s.periodes);
      if (!binnenLevensduur({ begindatum: s.inBedrijfdatum, einddatum: s.uitBedrijfdatum }, bestuur)) foutmeldingen.add('N01410', '/inBedrijfdatum', { onderwijsbestuurcode: bestuurcode });
      const vestigingen = await loadVestigingen(manager, sid, [...new Set(s.relaties.map((r) => r.vestigingscode))]);
      const instellingen = await loadInstellingen(manager, sid, [...new Set(vestigingen.map((v) => v.instellingscode))]);
      s.relaties.forEach((r, i) => {
        const v = vestigingen.find((x) => x.code === r.vestigingscode);
        if (!v) foutmeldingen.add('A01040', `/relaties/${i}/vestigingscode`, { vestigingscode: r.vestigingscode });
        else if (principal.role !== 'BEHEER' && !besturenTijdens(instellingen.find((x) => x.code === v.instellingscode)!, r).includes(bestuurcode)) {
          foutmeldingen.add('AUT401', `/relaties/${i}/vestigingscode`, { vestigingscode: r.vestigingscode }, 'De BRIN6 hoort niet bij een instelling van dit bestuur.');
        } else if (!binnenLevensduur(r, v) || !binnenLevensduur(r, s)) foutmeldingen.add('J06410', `/relaties/${i}`, { vestigingscode: r.vestigingscode, begindatum: r.begindatum });
      });
      checkRelaties(foutmeldingen, s.relaties, (r) => r.vestigingscode, 'vestigingscode', '/relaties', s);
      foutmeldingen.throwIfAny();
      await writeDataset(manager, sid, { gebruiken: [s] }, { replace: true });
      await this.log(manager, sid, 'onderwijslocatiegebruiken', `${bestuurcode}/${locatiecode}`, bestaand ? 'GEWIJZIGD' : 'TOEGEVOEGD');
      const codes = [...new Set([...s.relaties, ...(bestaand?.relaties ?? [])].map((r) => r.vestigingscode))];
      if (codes.length) await this.hooks.emit('rio.gewijzigd', manager, { sandboxId: sid, vestigingscodes: codes });
      return { created: !bestaand, body: metGeldigePeriode(s, await this.today(sid, manager)) };
    });
  }

  deleteGebruik(principal: Principal, bestuurcode: string, locatiecode: string) {
    return this.db.transaction(async (manager) => {
      const sid = principal.sandboxId;
      const bestaand = (await loadGebruiken(manager, sid, [{ onderwijsbestuurcode: bestuurcode, onderwijslocatiecode: locatiecode }]))[0];
      if (!bestaand) throw rioProblem('not_found', `Onderwijslocatiegebruik ${bestuurcode}/${locatiecode} does not exist in this sandbox.`);
      if (!mag(principal, [bestuurcode])) throw nietGeautoriseerd(`Client ${principal.clientId} does not act for onderwijsbestuur ${bestuurcode}.`, [{ sleutelnaam: 'onderwijsbestuurcode', sleutelwaarde: bestuurcode }]);
      await manager.query('DELETE FROM rio_onderwijslocatiegebruik WHERE sandbox_id = $1 AND onderwijsbestuurcode = $2 AND onderwijslocatiecode = $3', [sid, bestuurcode, locatiecode]);
      await this.log(manager, sid, 'onderwijslocatiegebruiken', `${bestuurcode}/${locatiecode}`, 'VERWIJDERD');
      const codes = [...new Set(bestaand.relaties.map((r) => r.vestigingscode))];
      if (codes.length) await this.hooks.emit('rio.gewijzigd', manager, { sandboxId: sid, vestigingscodes: codes });
    });
  }

  // ---------------------------------------------------------------- aangeboden opleidingen (board)

  putOpleiding(principal: Principal, code: string, body: AangebodenOpleidingRequest) {
    return this.db.transaction(async (manager) => {
      const sandboxId = principal.sandboxId;
      code = code.toLowerCase();
      const bestaand = (await loadOpleidingen(manager, sandboxId, [code]))[0];
      const aanbieder = (await loadAanbieders(manager, sandboxId, [body.onderwijsaanbiedercode]))[0];
      const oudeAanbieder = bestaand ? (await loadAanbieders(manager, sandboxId, [bestaand.onderwijsaanbiedercode]))[0] : undefined;
      const besturenVan = (a?: AanbiederState) => (a ? a.besturen.map((b) => b.onderwijsbestuurcode) : []);
      if ((oudeAanbieder && !mag(principal, besturenVan(oudeAanbieder))) || (aanbieder && !mag(principal, besturenVan(aanbieder)))) {
        throw nietGeautoriseerd(`Client ${principal.clientId} does not act for a bestuur of the onderwijsaanbieder of this aangeboden opleiding.`, [{ sleutelnaam: 'aangebodenOpleidingCode', sleutelwaarde: code }]);
      }
      const locaties = [...new Set([body.onderwijslocatiecode, bestaand?.onderwijslocatiecode].filter((x): x is string => !!x))];
      if (aanbieder) await this.assertMagLocaties(manager, principal, aanbieder, locaties, code);
      const s: OpleidingState = {
        code,
        onderwijsaanbiedercode: body.onderwijsaanbiedercode,
        onderwijslocatiecode: nullIfAbsent(body.onderwijslocatiecode),
        opleidingseenheidcode: body.opleidingseenheidcode,
        soort: body.soort,
        begindatum: body.begindatum,
        einddatum: nullIfAbsent(body.einddatum),
        eersteInstroomdatum: nullIfAbsent(body.eersteInstroomdatum),
        laatsteInstroomdatum: nullIfAbsent(body.laatsteInstroomdatum),
        afwijkendeOpleidingsduur: body.afwijkendeOpleidingsduur ? { eenheid: body.afwijkendeOpleidingsduur.eenheid, omvang: body.afwijkendeOpleidingsduur.omvang } : null,
        doelgroepen: body.doelgroepen,
        eigenSleutel: nullIfAbsent(body.eigenSleutel),
        periodes: body.periodes.map((x) => ({
          begindatum: x.begindatum, einddatum: nullIfAbsent(x.einddatum), eigenNaam: x.eigenNaam, internationaleNaam: nullIfAbsent(x.internationaleNaam), omschrijving: nullIfAbsent(x.omschrijving),
          onderwijsconcept: nullIfAbsent(x.onderwijsconcept), doorlopendeLeerlijn: nullIfAbsent(x.doorlopendeLeerlijn), bijzondereInrichting: nullIfAbsent(x.bijzondereInrichting),
          samenwerkendeOnderwijsaanbiedercodes: x.samenwerkendeOnderwijsaanbiedercodes ?? [],
        })),
      };
      const foutmeldingen = new Foutmeldingen();
      if (s.einddatum != null && s.einddatum <= s.begindatum) foutmeldingen.add('N09010', '/einddatum', { begindatum: s.begindatum, einddatum: s.einddatum });
      if (s.eersteInstroomdatum && s.einddatum && s.eersteInstroomdatum >= s.einddatum) foutmeldingen.add('N09090', '/eersteInstroomdatum', { eersteInstroomdatum: s.eersteInstroomdatum });
      if (s.laatsteInstroomdatum && (s.laatsteInstroomdatum < (s.eersteInstroomdatum ?? s.begindatum) || (s.einddatum != null && s.laatsteInstroomdatum >= s.einddatum))) {
        foutmeldingen.add('N09100', '/laatsteInstroomdatum', { laatsteInstroomdatum: s.laatsteInstroomdatum });
      }
      await this.checkSamenwerkend(manager, sandboxId, s, foutmeldingen);
      checkLevensduur(foutmeldingen, OPLEIDING, s.begindatum, s.einddatum, s.periodes, '/einddatum');
      if (!aanbieder) foutmeldingen.add('A01050', '/onderwijsaanbiedercode', { onderwijsaanbiedercode: s.onderwijsaanbiedercode });
      else if (!binnenLevensduur({ begindatum: s.eersteInstroomdatum ?? s.begindatum, einddatum: s.einddatum }, aanbieder)) foutmeldingen.add('N09430', '/begindatum', { onderwijsaanbiedercode: aanbieder.code });
      if (bestaand && (bestaand.onderwijsaanbiedercode !== s.onderwijsaanbiedercode || bestaand.opleidingseenheidcode !== s.opleidingseenheidcode)) {
        foutmeldingen.add('N09450', bestaand.onderwijsaanbiedercode !== s.onderwijsaanbiedercode ? '/onderwijsaanbiedercode' : '/opleidingseenheidcode', { aangebodenOpleidingCode: code });
      }
      const eenheid = opleidingseenheid(s.opleidingseenheidcode);
      if (!eenheid) foutmeldingen.add('A01070', '/opleidingseenheidcode', { opleidingseenheidcode: s.opleidingseenheidcode });
      else if (eenheid.soort !== s.soort) foutmeldingen.add('K01030', '/soort', { soort: s.soort, opleidingseenheidcode: eenheid.code }, `Opleidingseenheid ${eenheid.code} is ${eenheid.soort}, niet ${s.soort}.`);
      else if (s.begindatum < eenheid.begindatum) foutmeldingen.add('N09410', '/begindatum', { opleidingseenheidcode: eenheid.code });
      if (s.onderwijslocatiecode) {
        const [{ ok }] = await manager.query(
          `SELECT EXISTS (SELECT 1 FROM rio_onderwijslocatiegebruik WHERE sandbox_id = $1 AND onderwijslocatiecode = $2 AND onderwijsbestuurcode = ANY($3)) AS ok`,
          [sandboxId, s.onderwijslocatiecode, besturenVan(aanbieder)],
        );
        if (!ok) foutmeldingen.add('A01060', '/onderwijslocatiecode', { onderwijslocatiecode: s.onderwijslocatiecode });
      }
      if (s.soort === 'BO') {
        if (s.doelgroepen.length !== 1) foutmeldingen.add('K01010', '/doelgroepen', { kenmerknaam: 'doelgroepBasisonderwijs' }, 'Een aangeboden BO-opleiding heeft precies één doelgroep.');
        s.doelgroepen.forEach((d, i) => checkWaarde(foutmeldingen, 'doelgroepBasisonderwijs', d, s.begindatum, `/doelgroepen/${i}`));
      } else {
        s.doelgroepen.forEach((d, i) => checkWaarde(foutmeldingen, 'doelgroepSpeciaalOnderwijs', d, s.begindatum, `/doelgroepen/${i}`));
      }
      s.periodes.forEach((x, i) => {
        checkWaarde(foutmeldingen, 'onderwijsconcept', x.onderwijsconcept, x.begindatum, `/periodes/${i}/onderwijsconcept`);
        checkWaarde(foutmeldingen, s.soort === 'VSO' ? 'doorlopendeLeerlijnVsoMbo' : 'doorlopendeLeerlijnBoVo', x.doorlopendeLeerlijn, x.begindatum, `/periodes/${i}/doorlopendeLeerlijn`);
        checkWaarde(foutmeldingen, s.soort === 'BO' ? 'bijzondereInrichtingBo' : 'bijzondereInrichtingSoVso', x.bijzondereInrichting, x.begindatum, `/periodes/${i}/bijzondereInrichting`);
      });
      foutmeldingen.throwIfAny();
      await writeDataset(manager, sandboxId, { opleidingen: [s] }, { replace: true });
      await this.log(manager, sandboxId, 'aangeboden-opleidingen', code, bestaand ? 'GEWIJZIGD' : 'TOEGEVOEGD');
      return { created: !bestaand, body: metGeldigePeriode(s, await this.today(sandboxId, manager)) };
    });
  }

  /**
   * Samenwerkende onderwijsaanbieders of each periode (IM; FC N10060): BO only (K01030), no doubles (K01040), each an
   * other aanbieder in bedrijf on the periode's begindatum (N10060).
   */
  private async checkSamenwerkend(manager: EntityManager, sandboxId: string, s: OpleidingState, foutmeldingen: Foutmeldingen) {
    const codes = [...new Set(s.periodes.flatMap((x) => x.samenwerkendeOnderwijsaanbiedercodes))];
    if (!codes.length) return;
    const bekend = new Map((await loadAanbieders(manager, sandboxId, codes)).map((a) => [a.code, a]));
    s.periodes.forEach((x, i) => {
      const pointer = `/periodes/${i}/samenwerkendeOnderwijsaanbiedercodes`;
      if (x.samenwerkendeOnderwijsaanbiedercodes.length && s.soort !== 'BO') {
        foutmeldingen.add('K01030', pointer, { kenmerknaam: 'samenwerkendeOnderwijsaanbiedercode', soort: s.soort }, `Samenwerkende onderwijsaanbieders horen alleen bij een aangeboden BO-opleiding, niet bij ${s.soort}.`);
        return;
      }
      x.samenwerkendeOnderwijsaanbiedercodes.forEach((c, j) => {
        const adres = bekend.get(c);
        if (x.samenwerkendeOnderwijsaanbiedercodes.indexOf(c) !== j) foutmeldingen.add('K01040', `${pointer}/${j}`, { samenwerkendeOnderwijsaanbiedercode: c });
        else if (c === s.onderwijsaanbiedercode || !adres || !geldigOp({ begindatum: adres.inBedrijfdatum, einddatum: adres.uitBedrijfdatum }, x.begindatum)) {
          foutmeldingen.add('N10060', `${pointer}/${j}`, { samenwerkendeOnderwijsaanbiedercode: c, begindatum: x.begindatum });
        }
      });
    });
  }

  /**
   * Aanbod at a locatie touches the bestuur that uses it (rio.md §7): of the aanbieder's besturen that use the locatie,
   * the client must act for one. A locatie no bestuur of the aanbieder uses is left to A01060.
   */
  private async assertMagLocaties(manager: EntityManager, principal: Principal, aanbieder: AanbiederState, locaties: string[], code: string) {
    if (principal.role === 'BEHEER' || !locaties.length) return;
    const rows: { onderwijslocatiecode: string; onderwijsbestuurcode: string }[] = await manager.query(
      'SELECT onderwijslocatiecode, onderwijsbestuurcode FROM rio_onderwijslocatiegebruik WHERE sandbox_id = $1 AND onderwijslocatiecode = ANY($2) AND onderwijsbestuurcode = ANY($3)',
      [principal.sandboxId, locaties, aanbieder.besturen.map((b) => b.onderwijsbestuurcode)],
    );
    const vreemd = locaties.filter((levensduur) => {
      const gebruikers = rows.filter((r) => r.onderwijslocatiecode === levensduur).map((r) => r.onderwijsbestuurcode);
      return gebruikers.length > 0 && !mag(principal, gebruikers);
    });
    if (vreemd.length) {
      throw nietGeautoriseerd(`Client ${principal.clientId} does not act for the onderwijsbestuur that uses onderwijslocatie ${vreemd.join(', ')}.`, [
        { sleutelnaam: 'aangebodenOpleidingCode', sleutelwaarde: code },
        ...vreemd.map((l) => ({ sleutelnaam: 'onderwijslocatiecode', sleutelwaarde: l })),
      ]);
    }
  }

  deleteOpleiding(principal: Principal, code: string) {
    return this.db.transaction(async (manager) => {
      const sandboxId = principal.sandboxId;
      const bestaand = (await loadOpleidingen(manager, sandboxId, [code]))[0];
      if (!bestaand) throw rioProblem('not_found', `Aangeboden opleiding ${code} does not exist in this sandbox.`);
      const aanbieder = (await loadAanbieders(manager, sandboxId, [bestaand.onderwijsaanbiedercode]))[0];
      if (!mag(principal, aanbieder.besturen.map((b) => b.onderwijsbestuurcode))) throw nietGeautoriseerd(`Client ${principal.clientId} does not act for a bestuur of onderwijsaanbieder ${aanbieder.code}.`, [{ sleutelnaam: 'aangebodenOpleidingCode', sleutelwaarde: bestaand.code }]);
      if (bestaand.onderwijslocatiecode) await this.assertMagLocaties(manager, principal, aanbieder, [bestaand.onderwijslocatiecode], bestaand.code);
      await manager.query('DELETE FROM rio_aangeboden_opleiding WHERE sandbox_id = $1 AND code = $2', [sandboxId, bestaand.code]);
      await this.log(manager, sandboxId, 'aangeboden-opleidingen', bestaand.code, 'VERWIJDERD');
    });
  }

  // ---------------------------------------------------------------- contactadressen (board)

  /** Standlevering of every contactadres of an onderwijsbestuur, onderwijsaanbieder or onderwijsaanbiedergroep the client acts for. */
  putContactadressen(p: Principal, soort: 'bestuur' | 'aanbieder' | 'groep', code: string, body: ContactadressenRequest) {
    return this.db.transaction(async (m) => {
      const sid = p.sandboxId;
      const eenheid = soort === 'bestuur' ? (await loadBesturen(m, sid, [code]))[0] : soort === 'aanbieder' ? (await loadAanbieders(m, sid, [code]))[0] : (await loadGroepen(m, sid, [code]))[0];
      if (!eenheid) throw rioProblem('not_found', `${{ bestuur: 'Onderwijsbestuur', aanbieder: 'Onderwijsaanbieder', groep: 'Onderwijsaanbiedergroep' }[soort]} ${code} does not exist in this sandbox.`);
      const besturen = 'besturen' in eenheid ? eenheid.besturen.map((b) => b.onderwijsbestuurcode) : 'onderwijsaanbieders' in eenheid ? await eigenaarsVanGroep(m, sid, eenheid, await this.today(sid, m)) : [code];
      if (!mag(p, besturen)) throw nietGeautoriseerd(`Client ${p.clientId} does not act for a bestuur of ${code}.`, [{ sleutelnaam: 'code', sleutelwaarde: code }]);
      const rows: ContactadresState[] = body.contactadressen.map((x) => ({
        code, context: x.context, subcontextnummer: x.subcontextnummer, begindatum: x.begindatum, einddatum: nullIfAbsent(x.einddatum), subcontext: nullIfAbsent(x.subcontext), types: x.types,
        eMailadres: nullIfAbsent(x.eMailadres), telefoonnummer: nullIfAbsent(x.telefoonnummer), webadres: nullIfAbsent(x.webadres), contactnaam: nullIfAbsent(x.contactnaam),
      }));
      const f = new Foutmeldingen();
      rows.forEach((x, i) => {
        const pointer = `/contactadressen/${i}`;
        checkWaarde(f, 'contactcontext', x.context, x.begindatum, `${pointer}/context`);
        x.types.forEach((t, j) => {
          if (x.types.indexOf(t) !== j) f.add('K01040', `${pointer}/types/${j}`, { type: t });
          else checkWaarde(f, 'contacttype', t, x.begindatum, `${pointer}/types/${j}`);
        });
        const nodig: [string, string | null, string][] = [['EMAIL', x.eMailadres, 'eMailadres'], ['TELEFOON', x.telefoonnummer, 'telefoonnummer'], ['WEB', x.webadres, 'webadres']];
        for (const [type, waarde, veld] of nodig) {
          if (x.types.includes(type) && !waarde) f.add('K01010', `${pointer}/${veld}`, { type }, `Type ${type} vraagt om een ${veld}.`);
        }
        if (x.einddatum != null && x.einddatum <= x.begindatum) f.add('N05010', `${pointer}/einddatum`, { context: x.context, begindatum: x.begindatum });
        else if (!binnenLevensduur(x, eenheid)) f.add('N05030', `${pointer}/begindatum`, { context: x.context, begindatum: x.begindatum });
      });
      for (const i of overlappendePerSleutel(rows, (x) => `${x.context}/${x.subcontextnummer}`)) f.add('N05050', `/contactadressen/${i}`, { context: rows[i].context, subcontextnummer: rows[i].subcontextnummer });
      f.throwIfAny();
      await writeContactadressen(m, sid, [code], rows);
      await this.log(m, sid, ({ bestuur: 'onderwijsbesturen', aanbieder: 'onderwijsaanbieders', groep: 'onderwijsaanbiedergroepen' } as const)[soort], code, 'GEWIJZIGD');
      return { code, contactadressen: rows.map(contactadresResponse) };
    });
  }
}
