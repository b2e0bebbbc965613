import type { EntityManager } from 'typeorm';
import { Foutcodes, Foutmeldingen } from './rio.errors';
import type { OrganisatierelatieState } from './rio.model';
import { controleerOrganisatierelaties, eenheidtype } from './rules/organisatierelaties';
import { binnenLevensduur, Levensduur } from './rules/periodes';

const ALTIJD: Levensduur = { inBedrijfdatum: '0001-01-01', uitBedrijfdatum: null };

/**
 * The other side of the groep and organisatierelatie rules (as N04430 is of N09430): an eenheid whose lifetime changes
 * keeps its groep memberships (an aanbieder, J06410), its groepen (a bestuur, N05030) and its organisatierelaties
 * (N07410) inside it. Only the eenheid's own lifetime is judged here; the other ends were judged when the relatie was written.
 */
export async function checkOrganisatieBinnenLevensduur(m: EntityManager, sid: string, code: string, l: Levensduur, f: Foutmeldingen) {
  const pointer = l.uitBedrijfdatum ? '/uitBedrijfdatum' : '/inBedrijfdatum';
  const type = eenheidtype(code);
  if (type === 'ONDERWIJSAANBIEDER') {
    const leden: { groep: string; begindatum: string; einddatum: string | null }[] = await m.query(
      `SELECT onderwijsaanbiedergroepcode AS groep, begindatum::text AS begindatum, einddatum::text AS einddatum
         FROM rio_aanbiedergroep_lid WHERE sandbox_id = $1 AND onderwijsaanbiedercode = $2 ORDER BY 1, 2`,
      [sid, code],
    );
    const groepen = [...new Set(leden.filter((x) => !binnenLevensduur(x, l)).map((x) => x.groep))];
    if (groepen.length) f.add('J06410', pointer, { onderwijsaanbiedercode: code, onderwijsaanbiedergroepcode: groepen[0] }, `${Foutcodes.J06410} Lid van ${groepen.join(', ')} buiten de nieuwe levensduur; pas die groepen eerst aan.`);
  }
  if (type === 'ONDERWIJSBESTUUR') {
    const groepen: { code: string; begindatum: string; einddatum: string | null }[] = await m.query(
      `SELECT code, in_bedrijfdatum::text AS begindatum, uit_bedrijfdatum::text AS einddatum FROM rio_onderwijsaanbiedergroep WHERE sandbox_id = $1 AND onderwijsbestuurcode = $2 ORDER BY code`,
      [sid, code],
    );
    const buiten = groepen.filter((g) => !binnenLevensduur(g, l)).map((g) => g.code);
    if (buiten.length) f.add('N05030', pointer, { onderwijsbestuurcode: code, onderwijsaanbiedergroepcode: buiten[0] }, `De onderwijsaanbiedergroepen ${buiten.join(', ')} liggen buiten de nieuwe levensduur van het onderwijsbestuur; pas die eerst aan.`);
  }
  const relaties: OrganisatierelatieState[] = await m.query(
    `SELECT van_code AS "vanCode", naar_code AS "naarCode", soort, begindatum::text AS begindatum, einddatum::text AS einddatum
       FROM rio_organisatierelatie WHERE sandbox_id = $1 AND (van_code = $2 OR naar_code = $2) ORDER BY van_code, naar_code, soort, begindatum`,
    [sid, code],
  );
  const fout = controleerOrganisatierelaties(relaties, [], (c) => (c === code ? l : ALTIJD)).filter((x) => x.code === 'N07410');
  if (fout.length) {
    const r = relaties[fout[0].index];
    f.add('N07410', pointer, { vanOrganisatorischeEenheid: r.vanCode, naarOrganisatorischeEenheid: r.naarCode, soort: r.soort, begindatum: r.begindatum }, `${Foutcodes.N07410} Buiten de nieuwe levensduur: ${fout.map((x) => `${relaties[x.index].vanCode} → ${relaties[x.index].naarCode}`).join(', ')}.`);
  }
}
