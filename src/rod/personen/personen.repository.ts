import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { uuidV7 } from '../../common/database/uuid-v7';
import type { PersoonRij } from '../rules/pgn';

const PERSOON_KOLOMMEN = 'id, burgerservicenummer, onderwijsnummer, geboortedatum, geslacht';

/** A person to add to the persoonsregister (column names of rod_persoon). */
export interface NieuwPersoonRij {
  burgerservicenummer: string | null;
  onderwijsnummer: string | null;
  geboortedatum: string;
  geslacht: string;
  achternaam: string;
  voorvoegsels?: string | null;
  voornamen?: string | null;
  straatnaam?: string | null;
  huisnummer?: number | null;
  huisnummertoevoeging?: string | null;
  postcode?: string | null;
  plaatsnaam?: string | null;
  /** Default 6030 (Nederland). */
  landcode?: string | null;
}

/** Statements on rod_persoon that other parts of ROD compose or call. */
@Injectable()
export class PersonenRepository {
  /**
   * SQL that finds the person of a PGN: `sandbox` and `nummer` are SQL expressions (parameters or columns), a BSN match
   * before an onderwijsnummer match. Each branch is a lookup on its own unique index, whatever the table's statistics say.
   */
  static persoonSql(sandbox: string, nummer: string): string {
    return `SELECT ${PERSOON_KOLOMMEN} FROM (
      (SELECT ${PERSOON_KOLOMMEN}, 0 AS voorrang FROM rod_persoon WHERE sandbox_id = ${sandbox} AND burgerservicenummer = ${nummer})
      UNION ALL (SELECT ${PERSOON_KOLOMMEN}, 1 FROM rod_persoon WHERE sandbox_id = ${sandbox} AND onderwijsnummer = ${nummer})) p
    ORDER BY p.voorrang LIMIT 1`;
  }

  /** $1 sandbox, $2 number. */
  static readonly PERSOON_SQL = PersonenRepository.persoonSql('$1', '$2');

  /** The person of each number (BSN or onderwijsnummer), or null; in input order. */
  async findByNummers(manager: EntityManager, sandboxId: string, nummers: string[]): Promise<(PersoonRij | null)[]> {
    const rijen: { persoon: PersoonRij | null }[] = await manager.query(
      `SELECT (SELECT row_to_json(x) FROM (${PersonenRepository.persoonSql('$1', 'u.nummer')}) x) AS persoon
         FROM unnest($2::bpchar[]) WITH ORDINALITY AS u(nummer, i) ORDER BY u.i`,
      [sandboxId, nummers],
    );
    return rijen.map((r) => r.persoon);
  }

  /**
   * Adds persons in one statement; a person whose BSN or onderwijsnummer is already registered is left as it is. Answers
   * the person of every row, in input order, and whether this call registered it (`nieuw`: nothing of it is stored yet).
   * Only the rows that were already registered are looked up again.
   */
  async add(manager: EntityManager, sandboxId: string, personen: NieuwPersoonRij[]): Promise<{ persoon: PersoonRij; nieuw: boolean }[]> {
    if (!personen.length) return [];
    const toegevoegd: PersoonRij[] = await manager.query(
      `INSERT INTO rod_persoon (id, sandbox_id, burgerservicenummer, onderwijsnummer, geboortedatum, geslacht, achternaam, voorvoegsels, voornamen, straatnaam,
         huisnummer, huisnummertoevoeging, postcode, plaatsnaam, landcode)
       SELECT x.id, $1, x.burgerservicenummer, x.onderwijsnummer, x.geboortedatum, x.geslacht, x.achternaam, x.voorvoegsels, x.voornamen, x.straatnaam,
              x.huisnummer, x.huisnummertoevoeging, x.postcode, x.plaatsnaam, coalesce(x.landcode, '6030')
         FROM json_to_recordset($2::json) AS x(id uuid, burgerservicenummer text, onderwijsnummer text, geboortedatum text, geslacht text, achternaam text,
           voorvoegsels text, voornamen text, straatnaam text, huisnummer int, huisnummertoevoeging text, postcode text, plaatsnaam text, landcode text)
       ON CONFLICT DO NOTHING
       RETURNING ${PERSOON_KOLOMMEN}`,
      // Ids in the order of registration (UUID v7): a bulk load appends to the indexes on them.
      [sandboxId, JSON.stringify(personen.map((p) => ({ ...p, id: uuidV7() })))],
    );
    // A new row is the person its number finds: by BSN when it has one, else by onderwijsnummer (which never passes the BSN check).
    const nieuw = new Map<string, PersoonRij>();
    for (const p of toegevoegd) nieuw.set(p.burgerservicenummer ? `b${p.burgerservicenummer}` : `o${p.onderwijsnummer}`, p);
    const sleutel = (p: NieuwPersoonRij) => (p.burgerservicenummer ? `b${p.burgerservicenummer}` : `o${p.onderwijsnummer}`);
    const bestaand = personen.filter((p) => !nieuw.has(sleutel(p)));
    const gevonden = bestaand.length ? await this.findByNummers(manager, sandboxId, bestaand.map((p) => (p.burgerservicenummer ?? p.onderwijsnummer)!)) : [];
    let k = 0;
    return personen.map((p, i) => {
      const n = nieuw.get(sleutel(p));
      if (n) return { persoon: n, nieuw: true };
      const g = gevonden[k++];
      if (!g) throw new Error(`Person ${i} was neither added nor found: it needs a burgerservicenummer or an onderwijsnummer.`);
      return { persoon: g, nieuw: false };
    });
  }
}
