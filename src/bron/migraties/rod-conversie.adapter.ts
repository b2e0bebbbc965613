import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { dutchDate } from '../../common/clock/clock.service';
import { Aanlevering, beoordeel, BulkPersoon, BulkSchrijfOpdracht, InschrijvingenBulkService, isGeldigBsn, isGeldigOnderwijsnummer, NieuwPersoonRij } from '../../rod';
import { ConversieAanlevering, ConversieUitkomst, RodConversiePoort } from './rod-conversie.port';

/** DUO's OIN: the deliverer of every converted inschrijving. */
export const DUO_OIN = '00000001800866472000';
export const MIGRATIE_CLIENT = 'bron-migratie';

const nummer = (a: ConversieAanlevering) => a.persoonsgebondenNummer.burgerservicenummer ?? a.persoonsgebondenNummer.onderwijsnummer ?? '';
const pgnGeldig = (a: ConversieAanlevering) =>
  a.persoonsgebondenNummer.burgerservicenummer !== undefined ? isGeldigBsn(a.persoonsgebondenNummer.burgerservicenummer) : isGeldigOnderwijsnummer(a.persoonsgebondenNummer.onderwijsnummer ?? '');

/**
 * The conversion through ROD's public bulk path: persons entered as BRON held them (only PGNs that pass the 11-proef;
 * a wrong one stays unknown and ROD gives its 211), then per round — each person at most once per round, a pupil's
 * second inschrijving in the next round, so it meets the first as stored — ROD's state read, `beoordeel` applied,
 * the goedgekeurde written. A dry run writes nothing: a person not yet registered is judged as if registered.
 */
@Injectable()
export class RodConversieAdapter extends RodConversiePoort {
  constructor(private readonly bulk: InschrijvingenBulkService) {
    super();
  }

  async analyze(m: EntityManager): Promise<void> {
    // Without them a fresh register's lookups by BSN pick a sandbox-wide index: seconds per chunk instead of milliseconds.
    await m.query('ANALYZE rod_persoon, rod_inschrijving');
  }

  async process(m: EntityManager, sandboxId: string, items: ConversieAanlevering[], opties: { schrijven: boolean; moment: Date }): Promise<ConversieUitkomst[]> {
    const vandaag = dutchDate(opties.moment);
    const nieuw = new Map<string, NieuwPersoonRij>();
    for (const a of items) {
      if (!pgnGeldig(a) || nieuw.has(nummer(a))) continue;
      nieuw.set(nummer(a), {
        burgerservicenummer: a.persoonsgebondenNummer.burgerservicenummer ?? null,
        onderwijsnummer: a.persoonsgebondenNummer.onderwijsnummer ?? null,
        geboortedatum: a.persoon.geboortedatum,
        geslacht: a.persoon.geslacht,
        achternaam: a.persoon.achternaam,
        voorvoegsels: a.persoon.voorvoegsels,
        voornamen: a.persoon.voornamen,
        postcode: a.persoon.postcode,
      });
    }
    // The persons as registered: readStanden need not look them up again, nor read inschrijvingen of a person registered just now.
    const geregistreerd = new Map<string, BulkPersoon>();
    if (opties.schrijven && nieuw.size) {
      const personen = await this.bulk.addPersonen(m, sandboxId, [...nieuw.values()]);
      [...nieuw.keys()].forEach((n, i) => geregistreerd.set(n, personen[i]));
    }

    // Rounds: the k-th inschrijving of each person in round k.
    const rondes: number[][] = [];
    const teller = new Map<string, number>();
    items.forEach((a, i) => {
      const k = teller.get(nummer(a)) ?? 0;
      teller.set(nummer(a), k + 1);
      (rondes[k] ??= []).push(i);
    });
    const uit: ConversieUitkomst[] = new Array(items.length);
    for (const [k, ronde] of rondes.entries()) {
      const aanleveringen: Aanlevering[] = ronde.map((i) => ({
        instellingscode: items[i].instellingscode,
        persoonsgebondenNummer: items[i].persoonsgebondenNummer,
        inschrijvingvolgnummer: items[i].inschrijvingvolgnummer,
        datumInschrijving: items[i].datumInschrijving,
        datumUitschrijving: items[i].datumUitschrijving ?? null,
        inschrijvingPeriodeBO: items[i].inschrijvingPeriodeBO,
        // A (v)so record is judged by the so contract (its part and TLV), a bo record by the bo contract: 290 when it does not fit the school.
        ...(items[i].speciaalOnderwijs ? { speciaalOnderwijs: items[i].speciaalOnderwijs, toelaatbaarheidsverklaring: items[i].toelaatbaarheidsverklaring ?? [] } : {}),
      }));
      // In the first round nothing is written yet for a person registered in this batch; later rounds meet what earlier ones wrote.
      const bekend = ronde.map((i) => {
        const p = geregistreerd.get(nummer(items[i]));
        return p ? { persoon: p.persoon, zonderInschrijvingen: k === 0 && p.nieuw } : undefined;
      });
      const invoer = await this.bulk.readStanden(m, sandboxId, aanleveringen, vandaag, bekend);
      const opdrachten: BulkSchrijfOpdracht[] = [];
      ronde.forEach((i, j) => {
        const stand = invoer[j].stand;
        const p = nieuw.get(nummer(items[i]));
        // Dry run: the person BRON holds counts as registered, as the conversion would register it.
        if (!opties.schrijven && !stand.persoon && p) {
          stand.persoon = { id: randomUUID(), burgerservicenummer: p.burgerservicenummer, onderwijsnummer: p.onderwijsnummer, geboortedatum: p.geboortedatum, geslacht: p.geslacht };
        }
        const b = beoordeel(aanleveringen[j], stand, invoer[j].context);
        uit[i] = { goedgekeurd: b.nieuweStand !== null, terugmeldingen: [...b.foutmeldingen, ...b.meldingen], inschrijvingId: b.nieuweStand?.inschrijvingId ?? null };
        if (b.nieuweStand) {
          opdrachten.push({
            nieuweStand: b.nieuweStand,
            meldingen: b.meldingen,
            herkomst: {
              sandboxId, bedrijfsdocumentId: randomUUID(), datumTijdBedrijfsdocument: opties.moment.toISOString(),
              clientId: MIGRATIE_CLIENT, oin: DUO_OIN, ontvangenOp: opties.moment,
            },
          });
        }
      });
      if (opties.schrijven) await this.bulk.write(m, opdrachten);
    }
    return uit;
  }
}
