import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Terugmelding } from '../rod.errors';
import type { BestaandAdvies, GroepPeriode, NieuwAdvies } from './advies.beoordeling';

/** A stored answer to a bedrijfsdocument. */
export interface AdviesDocument {
  request_hash: string;
  status_code: number;
  antwoord: unknown;
}

export interface AdviesHerkomst {
  sandboxId: string;
  instellingscode: string;
  adviesjaar: number;
  adviesvolgnummer: string;
  bedrijfsdocumentId: string;
  datumTijdBedrijfsdocument: string;
  clientId: string;
  oin: string;
  ontvangenOp: Date;
}

/** Every statement on rod_advies_vo and its versions. */
@Injectable()
export class AdviezenRepository {
  /** Under the locks: the stored answer to the bedrijfsdocument, the person's periodes at the school and their advies for the adviesjaar. */
  async read(manager: EntityManager, x: { sandboxId: string; oin: string; docId: string; persoonId: string | null; instellingscode: string; adviesjaar: number }) {
    const [r]: { document: AdviesDocument | null; periodes: GroepPeriode[]; huidig: BestaandAdvies | null }[] = await manager.query(
      `SELECT
         (SELECT json_build_object('request_hash', d.request_hash, 'status_code', d.status_code, 'antwoord', d.antwoord) FROM rod_bedrijfsdocument d
           WHERE d.sandbox_id = $1 AND d.oin = $2 AND d.identificatiecode = $3) AS document,
         (SELECT coalesce(json_agg(json_build_object('datumBegin', to_char(p.datum_begin, 'YYYY-MM-DD'), 'datumEinde', to_char(p.datum_einde, 'YYYY-MM-DD'), 'groep', p.groep)), '[]')
            FROM rod_inschrijving i JOIN rod_inschrijving_periode p ON p.inschrijving_id = i.id
           WHERE i.sandbox_id = $1 AND i.persoon_id = $4 AND i.instellingscode = $5) AS periodes,
         (SELECT json_build_object('id', a.id, 'versie', a.versie, 'inhoudHash', a.inhoud_hash) FROM rod_advies_vo a
           WHERE a.sandbox_id = $1 AND a.persoon_id = $4 AND a.instellingscode = $5 AND a.adviesjaar = $6) AS huidig`,
      [x.sandboxId, x.oin, x.docId, x.persoonId, x.instellingscode, x.adviesjaar],
    );
    return r;
  }

  /** The advies (new or replacing), its version and the answer to its bedrijfsdocument. */
  async write(manager: EntityManager, a: NieuwAdvies, meldingen: Terugmelding[], h: AdviesHerkomst, document: AdviesDocument): Promise<void> {
    if (a.gewijzigd) {
      await manager.query(
        `INSERT INTO rod_advies_vo (id, sandbox_id, persoon_id, instellingscode, adviesjaar, adviesvolgnummer, versie, inhoud_hash, inhoud, meldingen, bedrijfsdocument_id, aangeleverd_oin, ontvangen_op)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         ON CONFLICT (id) DO UPDATE SET adviesvolgnummer = EXCLUDED.adviesvolgnummer, versie = EXCLUDED.versie, inhoud_hash = EXCLUDED.inhoud_hash, inhoud = EXCLUDED.inhoud,
           meldingen = EXCLUDED.meldingen, bedrijfsdocument_id = EXCLUDED.bedrijfsdocument_id, aangeleverd_oin = EXCLUDED.aangeleverd_oin, ontvangen_op = EXCLUDED.ontvangen_op`,
        [a.adviesId, h.sandboxId, a.persoonId, h.instellingscode, h.adviesjaar, h.adviesvolgnummer, a.versie, a.inhoudHash, JSON.stringify(a.inhoud), JSON.stringify(meldingen), h.bedrijfsdocumentId, h.oin, h.ontvangenOp],
      );
      await manager.query(
        `INSERT INTO rod_advies_vo_versie (advies_id, versie, sandbox_id, inhoud, meldingen, bedrijfsdocument_id, datum_tijd_bedrijfsdocument, client_id, oin, ontvangen_op)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [a.adviesId, a.versie, h.sandboxId, JSON.stringify(a.inhoud), JSON.stringify(meldingen), h.bedrijfsdocumentId, h.datumTijdBedrijfsdocument, h.clientId, h.oin, h.ontvangenOp],
      );
    }
    await manager.query(
      `INSERT INTO rod_bedrijfsdocument (sandbox_id, oin, identificatiecode, soort, request_hash, status_code, antwoord) VALUES ($1, $2, $3, 'ADVIES_VO', $4, $5, $6)`,
      [h.sandboxId, h.oin, h.bedrijfsdocumentId, document.request_hash, document.status_code, JSON.stringify(document.antwoord)],
    );
  }
}
