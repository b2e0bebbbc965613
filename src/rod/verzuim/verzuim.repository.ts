import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Terugmelding } from '../rod.errors';
import type { EerdereVerzuimmelding, VerzuimInschrijving } from './verzuim.beoordeling';

/** A stored answer to a bedrijfsdocument. */
export interface VerzuimDocument {
  request_hash: string;
  status_code: number;
  antwoord: unknown;
}

/** Every statement on rod_verzuimmelding. */
@Injectable()
export class VerzuimRepository {
  /** Under the locks: the stored answer to the bedrijfsdocument, the person's inschrijvingen (all schools) and earlier verzuimmeldingen at the school. */
  async read(manager: EntityManager, x: { sandboxId: string; oin: string; docId: string; persoonId: string | null; instellingscode: string }) {
    const [r]: { document: VerzuimDocument | null; inschrijvingen: VerzuimInschrijving[]; eerdere: EerdereVerzuimmelding[] }[] = await manager.query(
      `SELECT
         (SELECT json_build_object('request_hash', d.request_hash, 'status_code', d.status_code, 'antwoord', d.antwoord) FROM rod_bedrijfsdocument d
           WHERE d.sandbox_id = $1 AND d.oin = $2 AND d.identificatiecode = $3) AS document,
         (SELECT coalesce(json_agg(json_build_object('instellingscode', i.instellingscode, 'datumInschrijving', to_char(i.datum_inschrijving, 'YYYY-MM-DD'),
                 'datumUitschrijving', to_char(i.datum_uitschrijving, 'YYYY-MM-DD'))), '[]')
            FROM rod_inschrijving i WHERE i.sandbox_id = $1 AND i.persoon_id = $4) AS inschrijvingen,
         (SELECT coalesce(json_agg(json_build_object('meldingsnummer', v.meldingsnummer, 'datumBegin', to_char(v.datum_begin, 'YYYY-MM-DD'),
                 'datumEinde', to_char(v.datum_einde, 'YYYY-MM-DD')) ORDER BY v.meldingsnummer), '[]')
            FROM rod_verzuimmelding v WHERE v.sandbox_id = $1 AND v.persoon_id = $4 AND v.instellingscode = $5) AS eerdere`,
      [x.sandboxId, x.oin, x.docId, x.persoonId, x.instellingscode],
    );
    return r;
  }

  /** The next meldingsnummer: VZ and 10 digits, unique across sandboxes. */
  async nextMeldingsnummer(manager: EntityManager): Promise<string> {
    const [{ nummer }]: { nummer: string }[] = await manager.query(`SELECT 'VZ' || lpad(nextval('rod_verzuimmelding_nummer_seq')::text, 10, '0') AS nummer`);
    return nummer;
  }

  async write(
    manager: EntityManager,
    x: {
      meldingsnummer: string; sandboxId: string; persoonId: string; instellingscode: string; soortVerzuim: string; datumBegin: string; datumEinde: string | null;
      inhoud: unknown; meldingen: Terugmelding[]; bedrijfsdocumentId: string; clientId: string; oin: string; ontvangenOp: Date;
    },
    document: VerzuimDocument,
  ): Promise<void> {
    await manager.query(
      `WITH v AS (
         INSERT INTO rod_verzuimmelding (meldingsnummer, sandbox_id, persoon_id, instellingscode, soort_verzuim, datum_begin, datum_einde, inhoud, meldingen, bedrijfsdocument_id, client_id, oin, ontvangen_op)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13))
       INSERT INTO rod_bedrijfsdocument (sandbox_id, oin, identificatiecode, soort, request_hash, status_code, antwoord) VALUES ($2, $12, $10, 'VERZUIM', $14, $15, $16)`,
      [
        x.meldingsnummer, x.sandboxId, x.persoonId, x.instellingscode, x.soortVerzuim, x.datumBegin, x.datumEinde, JSON.stringify(x.inhoud), JSON.stringify(x.meldingen),
        x.bedrijfsdocumentId, x.clientId, x.oin, x.ontvangenOp, document.request_hash, document.status_code, JSON.stringify(document.antwoord),
      ],
    );
  }
}
