import type { EntityManager } from 'typeorm';
import { formatRioCode, RioCodeSoort } from './rules/identifiers';
import type { ContactadresState, OrganisatierelatieState, RioDataset } from './rio.model';

interface Col {
  name: string;
  type: string;
  /** A text[] column: values travel joined by '|'. */
  array?: boolean;
}

const c = (name: string, type = 'text'): Col => ({ name, type });
const arr = (name: string): Col => ({ name, type: 'text', array: true });

/**
 * One INSERT … SELECT FROM unnest(arrays) per table: set-based, whatever the number of rows.
 * `upsertOn` turns it into an upsert of the main row on that key (created_at kept).
 */
async function bulkInsert(m: EntityManager, sandboxId: string, table: string, cols: Col[], rows: unknown[][], upsertOn?: string[]) {
  if (!rows.length) return;
  const params: unknown[] = [sandboxId];
  cols.forEach((col, i) => params.push(rows.map((r) => (col.array ? (r[i] as string[]).join('|') : r[i]))));
  const select = cols.map((col, i) => (col.array ? `string_to_array(u.c${i}, '|')` : `u.c${i}`)).join(', ');
  const unnest = cols.map((col, i) => `$${i + 2}::${col.array ? 'text' : col.type}[]`).join(', ');
  const alias = cols.map((_, i) => `c${i}`).join(', ');
  let sql = `INSERT INTO ${table} (sandbox_id, ${cols.map((x) => x.name).join(', ')}) SELECT $1::uuid, ${select} FROM unnest(${unnest}) AS u(${alias})`;
  if (upsertOn) {
    const set = cols.filter((x) => !upsertOn.includes(x.name)).map((x) => `${x.name} = EXCLUDED.${x.name}`);
    sql += ` ON CONFLICT (sandbox_id, ${upsertOn.join(', ')}) DO UPDATE SET ${[...set, 'updated_at = now()'].join(', ')}`;
  }
  await m.query(sql, params);
}

/**
 * Writes whole aggregates: the main row is upserted, its children (periodes, relations) are
 * replaced. Used by the API (one aggregate, standlevering) and by the seed (thousands at once).
 */
export async function writeDataset(m: EntityManager, sandboxId: string, d: Partial<RioDataset>, opts: { replace?: boolean } = {}) {
  const up = opts.replace;
  if (d.bag?.length) {
    await bulkInsert(m, sandboxId, 'rio_bag_adres', [c('bag_id'), c('postcode'), c('huisnummer', 'int'), c('huisnummertoevoeging'), c('straatnaam'), c('plaatsnaam'), c('gemeentenaam'), c('gps_latitude', 'numeric'), c('gps_longitude', 'numeric')],
      d.bag.map((a) => [a.bagId, a.postcode, a.huisnummer, a.huisnummertoevoeging, a.straatnaam, a.plaatsnaam, a.gemeentenaam, a.gpsLatitude, a.gpsLongitude]));
  }
  if (d.besturen?.length) {
    if (up) await m.query('DELETE FROM rio_onderwijsbestuur_periode WHERE sandbox_id = $1 AND onderwijsbestuurcode = ANY($2)', [sandboxId, d.besturen.map((x) => x.code)]);
    await bulkInsert(m, sandboxId, 'rio_onderwijsbestuur', [c('code'), c('bevoegd_gezag_nummer'), c('kvk_nummer'), c('rsin'), c('besturende_organisatiesoort'), c('in_bedrijfdatum', 'date'), c('uit_bedrijfdatum', 'date')],
      d.besturen.map((b) => [b.code, b.bevoegdGezagNummer, b.kvkNummer, b.rsin, b.besturendeOrganisatiesoort, b.inBedrijfdatum, b.uitBedrijfdatum]), up ? ['code'] : undefined);
    await bulkInsert(m, sandboxId, 'rio_onderwijsbestuur_periode', [c('onderwijsbestuurcode'), c('begindatum', 'date'), c('einddatum', 'date'), c('naam'), c('internationale_naam')],
      d.besturen.flatMap((b) => b.periodes.map((p) => [b.code, p.begindatum, p.einddatum, p.naam, p.internationaleNaam])));
  }
  if (d.instellingen?.length) {
    if (up) {
      for (const t of ['rio_instellingserkenning_periode', 'rio_instelling_bestuur']) await m.query(`DELETE FROM ${t} WHERE sandbox_id = $1 AND instellingscode = ANY($2)`, [sandboxId, d.instellingen.map((x) => x.code)]);
    }
    await bulkInsert(m, sandboxId, 'rio_instellingserkenning', [c('code'), c('onderwijsbestuurcode'), c('soort'), c('vrijheid_van_onderwijs'), c('in_bedrijfdatum', 'date'), c('uit_bedrijfdatum', 'date'), c('erkenner'), c('stichtingsdatum', 'date'), c('so_cluster'), c('formeel_adres', 'jsonb')],
      d.instellingen.map((i) => [i.code, i.besturen.at(-1)?.onderwijsbestuurcode ?? i.onderwijsbestuurcode, i.soort, i.vrijheidVanOnderwijs, i.inBedrijfdatum, i.uitBedrijfdatum, i.erkenner, i.stichtingsdatum, i.soCluster, i.formeelAdres ? JSON.stringify(i.formeelAdres) : null]), up ? ['code'] : undefined);
    await bulkInsert(m, sandboxId, 'rio_instellingserkenning_periode', [c('instellingscode'), c('begindatum', 'date'), c('einddatum', 'date'), c('naam'), c('verkorte_naam'), arr('richtingen'), arr('grondslagen'), c('bekostigingscode'), c('wet')],
      d.instellingen.flatMap((i) => i.periodes.map((p) => [i.code, p.begindatum, p.einddatum, p.naam, p.verkorteNaam, p.richtingen, p.grondslagen, p.bekostigingscode, p.wet])));
    await bulkInsert(m, sandboxId, 'rio_instelling_bestuur', [c('instellingscode'), c('begindatum', 'date'), c('einddatum', 'date'), c('onderwijsbestuurcode')],
      d.instellingen.flatMap((i) => i.besturen.map((b) => [i.code, b.begindatum, b.einddatum, b.onderwijsbestuurcode])));
  }
  if (d.vestigingen?.length) {
    if (up) await m.query('DELETE FROM rio_vestigingserkenning_periode WHERE sandbox_id = $1 AND vestigingscode = ANY($2)', [sandboxId, d.vestigingen.map((x) => x.code)]);
    await bulkInsert(m, sandboxId, 'rio_vestigingserkenning',
      [c('code'), c('instellingscode'), c('hoofd_nevenvestiging'), c('soort'), c('in_bedrijfdatum', 'date'), c('uit_bedrijfdatum', 'date'), c('bag_id'), c('straatnaam'), c('huisnummer', 'int'), c('huisnummertoevoeging'), c('postcode'), c('plaatsnaam')],
      d.vestigingen.map((v) => [v.code, v.instellingscode, v.hoofdNevenvestiging, v.soort, v.inBedrijfdatum, v.uitBedrijfdatum, v.adres.bagId, v.adres.straatnaam, v.adres.huisnummer, v.adres.huisnummertoevoeging, v.adres.postcode, v.adres.plaatsnaam]),
      up ? ['code'] : undefined);
    await bulkInsert(m, sandboxId, 'rio_vestigingserkenning_periode', [c('vestigingscode'), c('begindatum', 'date'), c('einddatum', 'date'), c('naam'), c('bekostigingscode')],
      d.vestigingen.flatMap((v) => v.periodes.map((p) => [v.code, p.begindatum, p.einddatum, p.naam, p.bekostigingscode])));
  }
  if (d.locaties?.length) {
    await bulkInsert(m, sandboxId, 'rio_onderwijslocatie',
      [c('code'), c('bag_id'), c('straatnaam'), c('huisnummer', 'int'), c('huisnummertoevoeging'), c('postcode'), c('plaatsnaam'), c('gps_latitude', 'numeric'), c('gps_longitude', 'numeric'), arr('geregistreerd_door')],
      d.locaties.map((l) => [l.code, l.adres.bagId, l.adres.straatnaam, l.adres.huisnummer, l.adres.huisnummertoevoeging, l.adres.postcode, l.adres.plaatsnaam, l.adres.gpsLatitude, l.adres.gpsLongitude, l.geregistreerdDoor ?? []]));
  }
  if (d.aanbieders?.length) {
    if (up) {
      const codes = d.aanbieders.map((x) => x.code);
      for (const t of ['rio_onderwijsaanbieder_periode', 'rio_juridische_relatie', 'rio_aanbieder_bestuur']) {
        await m.query(`DELETE FROM ${t} WHERE sandbox_id = $1 AND onderwijsaanbiedercode = ANY($2)`, [sandboxId, codes]);
      }
    }
    await bulkInsert(m, sandboxId, 'rio_onderwijsaanbieder', [c('code'), c('in_bedrijfdatum', 'date'), c('uit_bedrijfdatum', 'date'), c('eigen_sleutel')],
      d.aanbieders.map((a) => [a.code, a.inBedrijfdatum, a.uitBedrijfdatum, a.eigenSleutel]), up ? ['code'] : undefined);
    await bulkInsert(m, sandboxId, 'rio_onderwijsaanbieder_periode', [c('onderwijsaanbiedercode'), c('begindatum', 'date'), c('einddatum', 'date'), c('naam'), c('internationale_naam')],
      d.aanbieders.flatMap((a) => a.periodes.map((p) => [a.code, p.begindatum, p.einddatum, p.naam, p.internationaleNaam])));
    await bulkInsert(m, sandboxId, 'rio_juridische_relatie', [c('onderwijsaanbiedercode'), c('instellingscode'), c('begindatum', 'date'), c('einddatum', 'date')],
      d.aanbieders.flatMap((a) => a.juridischeRelaties.map((r) => [a.code, r.instellingscode, r.begindatum, r.einddatum])));
    await bulkInsert(m, sandboxId, 'rio_aanbieder_bestuur', [c('onderwijsaanbiedercode'), c('onderwijsbestuurcode'), c('begindatum', 'date'), c('einddatum', 'date')],
      d.aanbieders.flatMap((a) => a.besturen.map((r) => [a.code, r.onderwijsbestuurcode, r.begindatum, r.einddatum])));
  }
  if (d.gebruiken?.length) {
    if (up) {
      for (const g of d.gebruiken) {
        for (const t of ['rio_onderwijslocatiegebruik_periode', 'rio_locatiegebruik_relatie']) {
          await m.query(`DELETE FROM ${t} WHERE sandbox_id = $1 AND onderwijsbestuurcode = $2 AND onderwijslocatiecode = $3`, [sandboxId, g.onderwijsbestuurcode, g.onderwijslocatiecode]);
        }
      }
    }
    await bulkInsert(m, sandboxId, 'rio_onderwijslocatiegebruik', [c('onderwijsbestuurcode'), c('onderwijslocatiecode'), c('in_bedrijfdatum', 'date'), c('uit_bedrijfdatum', 'date'), c('eigen_sleutel')],
      d.gebruiken.map((g) => [g.onderwijsbestuurcode, g.onderwijslocatiecode, g.inBedrijfdatum, g.uitBedrijfdatum, g.eigenSleutel]), up ? ['onderwijsbestuurcode', 'onderwijslocatiecode'] : undefined);
    await bulkInsert(m, sandboxId, 'rio_onderwijslocatiegebruik_periode', [c('onderwijsbestuurcode'), c('onderwijslocatiecode'), c('begindatum', 'date'), c('einddatum', 'date'), c('naam')],
      d.gebruiken.flatMap((g) => g.periodes.map((p) => [g.onderwijsbestuurcode, g.onderwijslocatiecode, p.begindatum, p.einddatum, p.naam])));
    await bulkInsert(m, sandboxId, 'rio_locatiegebruik_relatie', [c('onderwijsbestuurcode'), c('onderwijslocatiecode'), c('vestigingscode'), c('begindatum', 'date'), c('einddatum', 'date')],
      d.gebruiken.flatMap((g) => g.relaties.map((r) => [g.onderwijsbestuurcode, g.onderwijslocatiecode, r.vestigingscode, r.begindatum, r.einddatum])));
  }
  if (d.opleidingen?.length) {
    if (up) await m.query('DELETE FROM rio_aangeboden_opleiding_periode WHERE sandbox_id = $1 AND aangeboden_opleidingcode = ANY($2::uuid[])', [sandboxId, d.opleidingen.map((x) => x.code)]);
    await bulkInsert(m, sandboxId, 'rio_aangeboden_opleiding',
      [c('code', 'uuid'), c('onderwijsaanbiedercode'), c('onderwijslocatiecode'), c('opleidingseenheidcode'), c('soort'), c('begindatum', 'date'), c('einddatum', 'date'), c('eerste_instroomdatum', 'date'), arr('doelgroepen'), c('eigen_sleutel'),
        c('laatste_instroomdatum', 'date'), c('afwijkende_opleidingsduur_eenheid'), c('afwijkende_opleidingsduur_omvang', 'int')],
      d.opleidingen.map((o) => [
        o.code, o.onderwijsaanbiedercode, o.onderwijslocatiecode, o.opleidingseenheidcode, o.soort, o.begindatum, o.einddatum, o.eersteInstroomdatum, o.doelgroepen, o.eigenSleutel,
        o.laatsteInstroomdatum, o.afwijkendeOpleidingsduur?.eenheid ?? null, o.afwijkendeOpleidingsduur?.omvang ?? null,
      ]),
      up ? ['code'] : undefined);
    await bulkInsert(m, sandboxId, 'rio_aangeboden_opleiding_periode',
      [c('aangeboden_opleidingcode', 'uuid'), c('begindatum', 'date'), c('einddatum', 'date'), c('eigen_naam'), c('internationale_naam'), c('omschrijving'), c('onderwijsconcept'), c('doorlopende_leerlijn'), c('bijzondere_inrichting'), arr('samenwerkende_onderwijsaanbiedercodes')],
      d.opleidingen.flatMap((o) => o.periodes.map((p) => [o.code, p.begindatum, p.einddatum, p.eigenNaam, p.internationaleNaam, p.omschrijving, p.onderwijsconcept, p.doorlopendeLeerlijn, p.bijzondereInrichting, p.samenwerkendeOnderwijsaanbiedercodes])));
  }
  if (d.contactadressen?.length) await writeContactadressen(m, sandboxId, [], d.contactadressen);
  if (d.groepen?.length) {
    if (up) {
      const codes = d.groepen.map((x) => x.code);
      for (const t of ['rio_onderwijsaanbiedergroep_periode', 'rio_aanbiedergroep_lid']) {
        await m.query(`DELETE FROM ${t} WHERE sandbox_id = $1 AND onderwijsaanbiedergroepcode = ANY($2)`, [sandboxId, codes]);
      }
    }
    await bulkInsert(m, sandboxId, 'rio_onderwijsaanbiedergroep', [c('code'), c('onderwijsbestuurcode'), c('in_bedrijfdatum', 'date'), c('uit_bedrijfdatum', 'date')],
      d.groepen.map((g) => [g.code, g.onderwijsbestuurcode, g.inBedrijfdatum, g.uitBedrijfdatum]), up ? ['code'] : undefined);
    await bulkInsert(m, sandboxId, 'rio_onderwijsaanbiedergroep_periode', [c('onderwijsaanbiedergroepcode'), c('begindatum', 'date'), c('einddatum', 'date'), c('naam'), c('internationale_naam')],
      d.groepen.flatMap((g) => g.periodes.map((p) => [g.code, p.begindatum, p.einddatum, p.naam, p.internationaleNaam])));
    await bulkInsert(m, sandboxId, 'rio_aanbiedergroep_lid', [c('onderwijsaanbiedergroepcode'), c('onderwijsaanbiedercode'), c('begindatum', 'date'), c('einddatum', 'date')],
      d.groepen.flatMap((g) => g.onderwijsaanbieders.map((l) => [g.code, l.onderwijsaanbiedercode, l.begindatum, l.einddatum])));
  }
  if (d.organisatierelaties?.length) await writeOrganisatierelaties(m, sandboxId, [], d.organisatierelaties);
  if (d.overgangen?.length) {
    await bulkInsert(m, sandboxId, 'rio_overgang',
      [c('id', 'uuid'), c('soort'), c('instellingscode'), c('van_onderwijsbestuurcode'), c('naar_onderwijsbestuurcode'), c('overgangsdatum', 'date'), arr('vestigingscodes'), arr('onderwijsaanbiedercodes'), arr('onderwijslocatiecodes'), c('geregistreerd_op', 'timestamptz')],
      d.overgangen.map((o) => [o.id, o.soort, o.instellingscode, o.vanOnderwijsbestuurcode, o.naarOnderwijsbestuurcode, o.overgangsdatum, o.vestigingscodes, o.onderwijsaanbiedercodes, o.onderwijslocatiecodes, o.geregistreerdOp]));
  }
}

/** Replaces every organisatierelatie that starts at these eenheden (standlevering per van-eenheid). */
export async function writeOrganisatierelaties(m: EntityManager, sandboxId: string, vanCodes: string[], rows: OrganisatierelatieState[]) {
  if (vanCodes.length) await m.query('DELETE FROM rio_organisatierelatie WHERE sandbox_id = $1 AND van_code = ANY($2)', [sandboxId, vanCodes]);
  await bulkInsert(m, sandboxId, 'rio_organisatierelatie', [c('van_code'), c('naar_code'), c('soort'), c('begindatum', 'date'), c('einddatum', 'date')],
    rows.map((r) => [r.vanCode, r.naarCode, r.soort, r.begindatum, r.einddatum]));
}

/** Replaces every contactadres of these organisatorische eenheden (standlevering per eenheid). */
export async function writeContactadressen(m: EntityManager, sandboxId: string, codes: string[], rows: ContactadresState[]) {
  if (codes.length) await m.query('DELETE FROM rio_contactadres WHERE sandbox_id = $1 AND code = ANY($2)', [sandboxId, codes]);
  await bulkInsert(m, sandboxId, 'rio_contactadres',
    [c('code'), c('context'), c('subcontextnummer', 'int'), c('begindatum', 'date'), c('einddatum', 'date'), c('subcontext'), arr('types'), c('e_mailadres'), c('telefoonnummer'), c('webadres'), c('contactnaam')],
    rows.map((x) => [x.code, x.context, x.subcontextnummer, x.begindatum, x.einddatum, x.subcontext, x.types, x.eMailadres, x.telefoonnummer, x.webadres, x.contactnaam]));
}

/** Every RIO table of a sandbox, children first. */
export async function purgeRio(m: EntityManager, sandboxId: string) {
  for (const t of [
    'rio_mutatie',
    'rio_contactadres',
    'rio_organisatierelatie',
    'rio_onderwijsaanbiedergroep',
    'rio_code_teller',
    'rio_overgang',
    'rio_aangeboden_opleiding',
    'rio_onderwijslocatiegebruik',
    'rio_onderwijsaanbieder',
    'rio_onderwijslocatie',
    'rio_bag_adres',
    'rio_vestigingserkenning',
    'rio_instellingserkenning',
    'rio_onderwijsbestuur',
  ]) {
    await m.query(`DELETE FROM ${t} WHERE sandbox_id = $1`, [sandboxId]);
  }
}

/** Hands out the next code of a type in a sandbox (rio.md §12.1), safe under concurrency. */
export async function nextCode(m: EntityManager, sandboxId: string, soort: RioCodeSoort): Promise<string> {
  const rows: { laatste: number }[] = await m.query(
    `INSERT INTO rio_code_teller (sandbox_id, soort, laatste) VALUES ($1, $2, 1)
     ON CONFLICT (sandbox_id, soort) DO UPDATE SET laatste = rio_code_teller.laatste + 1 RETURNING laatste`,
    [sandboxId, soort],
  );
  return formatRioCode(soort, rows[0].laatste);
}

export async function setCodeTeller(m: EntityManager, sandboxId: string, soort: RioCodeSoort, laatste: number) {
  await m.query(
    `INSERT INTO rio_code_teller (sandbox_id, soort, laatste) VALUES ($1, $2, $3)
     ON CONFLICT (sandbox_id, soort) DO UPDATE SET laatste = GREATEST(rio_code_teller.laatste, EXCLUDED.laatste)`,
    [sandboxId, soort, laatste],
  );
}

export type SoortObject = 'onderwijsbesturen' | 'onderwijsinstellingserkenningen' | 'vestigingserkenningen' | 'onderwijsaanbieders' | 'onderwijslocaties' | 'onderwijslocatiegebruiken' | 'aangeboden-opleidingen' | 'onderwijsaanbiedergroepen';
export type SoortWijziging = 'TOEGEVOEGD' | 'GEWIJZIGD' | 'VERWIJDERD';

/** Appends to the mutation log the change feeds read. */
export async function logMutatie(m: EntityManager, sandboxId: string, soortObject: SoortObject, code: string, soortWijziging: SoortWijziging, tijdstip: Date) {
  await m.query('INSERT INTO rio_mutatie (sandbox_id, soort_object, code, soort_wijziging, tijdstip) VALUES ($1, $2, $3, $4, $5)', [sandboxId, soortObject, code, soortWijziging, tijdstip]);
}
