import type { EntityManager } from 'typeorm';
import type { Principal } from '../../common/auth/principal';
import { dutchDate } from '../../common/clock/clock.service';
import { persoonSlot } from '../../common/events/domain-hooks';
import { geenMachtiging } from '../rod.answers';
import { PersonenRepository } from '../personen/personen.repository';
import type { PersoonRij } from '../rules/pgn';
import { gemachtigdSql } from './machtigingen.service';

/**
 * For one message of a vendor: its machtiging for the school on `vandaag` and the person of the PGN's number, taking the
 * message's document lock and then the person's (advisory, to the end of the transaction).
 */
export async function mandaatEnPersoon(
  m: EntityManager,
  x: { sandboxId: string; nummer: string; oin: string; instellingscode: string; vandaag: string; documentSlot: string; persoonSlotPrefix: string },
): Promise<{ gemachtigd: boolean; persoon: PersoonRij | null }> {
  const [r]: { gemachtigd: boolean; persoon: PersoonRij | null }[] = await m.query(
    `WITH s AS (SELECT ${gemachtigdSql('$1', '$3', '$4', '$5')} AS gemachtigd, (SELECT row_to_json(x) FROM (${PersonenRepository.persoonSql('$1', '$2')}) x) AS persoon)
     SELECT s.gemachtigd, s.persoon, pg_advisory_xact_lock(hashtextextended($6, 0)) AS l1,
            CASE WHEN s.persoon IS NOT NULL THEN pg_advisory_xact_lock(hashtextextended($7 || (s.persoon->>'id'), 0)) END AS l2 FROM s`,
    [x.sandboxId, x.nummer, x.oin, x.instellingscode, x.vandaag, x.documentSlot, x.persoonSlotPrefix],
  );
  return { gemachtigd: r.gemachtigd, persoon: r.persoon };
}

/** What every vendor message about one pupil at one school carries. */
export interface BerichtSleutel {
  instellingscode: string;
  persoonsgebondenNummer: { burgerservicenummer?: string; onderwijsnummer?: string };
  bedrijfsdocument: { identificatiecodeBedrijfsdocument: string };
}

/**
 * For a vendor's message about one pupil at one school (schooladvies, verzuimmelding): the machtiging on the sandbox date
 * (403 221 first: a vendor without one learns nothing), then the person, under the locks of the message's bedrijfsdocument
 * and of the person.
 */
export async function gemachtigdBericht(m: EntityManager, p: Principal, bericht: BerichtSleutel, now: Date): Promise<PersoonRij | null> {
  const pgn = bericht.persoonsgebondenNummer;
  const { gemachtigd, persoon } = await mandaatEnPersoon(m, {
    sandboxId: p.sandboxId, nummer: pgn.burgerservicenummer ?? pgn.onderwijsnummer!, oin: p.oin, instellingscode: bericht.instellingscode, vandaag: dutchDate(now),
    documentSlot: `rod-doc:${p.sandboxId}:${p.oin}:${bericht.bedrijfsdocument.identificatiecodeBedrijfsdocument}`, persoonSlotPrefix: persoonSlot(p.sandboxId, ''),
  });
  if (!gemachtigd) throw geenMachtiging(bericht.instellingscode);
  return persoon;
}
