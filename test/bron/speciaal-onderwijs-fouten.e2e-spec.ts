import type { BronFoutcategorie } from '../../src/bron/format/bron-generator';
import type { StagingSpeciaalOnderwijs } from '../../src/bron/migraties/staging';
import { bearer, tokenFor } from '../support/auth';
import { createTestApp, TestApp } from '../support/test-app';
import { converteerGegenereerd, herhalingsSandbox } from './bron-support';
import { sendAsLas } from './replay-naar-rod';

jest.setTimeout(300_000);

const NU = '2021-12-10T10:00:00Z';

interface Rij {
  nr: string;
  bestandsnaam: string;
  persoon_regel: number;
  instellingscode: string;
  burgerservicenummer: string | null;
  geboortedatum: string;
  geslacht: string;
  achternaam: string;
  inschrijvingvolgnummer: string;
  datum_inschrijving: string;
  datum_uitschrijving: string | null;
  periodes: string;
  speciaal_onderwijs: StagingSpeciaalOnderwijs | null;
  goedgekeurd: boolean;
  fouten: string[];
  meldingen: string[];
}

/** What /rod/v1 gives for each (v)so flaw: a 322 at a bo/sbo school 290, cluster 3/4 without TLV 291; a vso pupil past the vso age is goedgekeurd with melding 251. */
const VERWACHT: Partial<Record<BronFoutcategorie, { goedgekeurd: boolean; fouten: string[]; melding?: string }>> = {
  SO_CONTRACT_OP_BO_SCHOOL: { goedgekeurd: false, fouten: ['290_contract_past_niet_bij_soort_school'] },
  SO_TLV_ONTBREEKT: { goedgekeurd: false, fouten: ['291_tlv_ontbreekt'] },
  VSO_TE_OUD: { goedgekeurd: true, fouten: [], melding: '251_leerling_te_oud' },
};

/**
 * The (v)so flaws of the generator through the conversion: each gets ROD's verdict of the so contract, exactly what
 * /rod/v1 gives when the same record is sent again in a fresh sandbox of the same seed, and the counts reconcile.
 */
describe('bron: (v)so flaws are judged by the so contract exactly as /rod/v1 judges them', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('converts, reconciles and replays the (v)so flaws through /rod/v1', async () => {
    const admin = await tokenFor(t, 'demo-beheer');
    const { id, manifest } = await converteerGegenereerd(t, admin, NU, { leerlingen: 1500, seed: 5, rioSchaal: 'small', rioSeed: 1, foutkansen: { SO_CONTRACT_OP_BO_SCHOOL: 0.01, SO_TLV_ONTBREEKT: 0.2, VSO_TE_OUD: 0.2 } }, 120_000);

    const rijen: Rij[] = await t.db.query(
      `SELECT s.*, b.bestandsnaam, r.goedgekeurd,
              (SELECT coalesce(array_agg(x->>'code' ORDER BY x->>'code'), '{}') FROM jsonb_array_elements(r.terugmeldingen) x WHERE x->>'soort' = 'FOUTMELDING') AS fouten,
              (SELECT coalesce(array_agg(x->>'code' ORDER BY x->>'code'), '{}') FROM jsonb_array_elements(r.terugmeldingen) x WHERE x->>'soort' = 'MELDING') AS meldingen
         FROM bron_staging s JOIN bron_bestand b ON b.id = s.bestand_id
         JOIN bron_resultaat r ON r.migratie_id = s.migratie_id AND r.nr = s.nr AND NOT r.proef
        WHERE s.migratie_id = $1 ORDER BY s.nr`,
      [id],
    );
    const categorieVan = new Map(manifest.fouten.map((f) => [`${f.bestand}|${f.leerlingRegel}`, f.categorie]));
    const gevlagd = (x: Rij) => categorieVan.get(`${x.bestandsnaam}|${x.persoon_regel}`);

    // Each flaw, as the manifest lists it, gets exactly ROD's verdict; every other record is goedgekeurd.
    const perCategorie = new Map<string, number>();
    const afwijkend: string[] = [];
    for (const x of rijen) {
      const c = gevlagd(x);
      if (!c) {
        if (!x.goedgekeurd) afwijkend.push(`${x.bestandsnaam}:${x.persoon_regel} unflawed but ${x.fouten}`);
        continue;
      }
      perCategorie.set(c, (perCategorie.get(c) ?? 0) + 1);
      const v = VERWACHT[c]!;
      if (x.goedgekeurd !== v.goedgekeurd || x.fouten.join() !== v.fouten.join() || (v.melding && !x.meldingen.includes(v.melding))) {
        afwijkend.push(`${x.bestandsnaam}:${x.persoon_regel} ${c}: ${x.goedgekeurd} ${x.fouten} ${x.meldingen}`);
      }
    }
    expect(afwijkend.slice(0, 10)).toEqual([]);
    for (const c of Object.keys(VERWACHT)) {
      expect([c, perCategorie.get(c) ?? 0]).toEqual([c, manifest.foutenPerCategorie[c as BronFoutcategorie]]);
      expect(manifest.foutenPerCategorie[c as BronFoutcategorie]).toBeGreaterThanOrEqual(2);
    }

    // Counts reconcile: read = converted + rejected in total, per school and per file; the rejected are exactly the rejecting flaws.
    const telling = (await t.http().get(`/bron/v1/migraties/${id}/telling`).set(bearer(admin))).body;
    const afwijzend = manifest.fouten.filter((f) => VERWACHT[f.categorie]?.goedgekeurd === false);
    expect(telling.totaal).toEqual({ gelezen: rijen.length, goedgekeurd: rijen.length - afwijzend.length, afgekeurd: afwijzend.length, open: 0 });
    expect(telling.totaal.gelezen).toBe(manifest.totaal.inschrijvingen);
    for (const s of telling.perSchool) {
      expect([s.instellingscode, s.gelezen, s.goedgekeurd + s.afgekeurd, s.afgekeurd]).toEqual([s.instellingscode, s.gelezen, s.gelezen, afwijzend.filter((f) => f.bestand.startsWith(s.instellingscode)).length]);
    }
    for (const b of telling.perBestand) {
      expect([b.bestandsnaam, b.goedgekeurd + b.afgekeurd]).toEqual([b.bestandsnaam, manifest.bestanden.find((m) => m.bestand === b.bestandsnaam)!.inschrijvingen]);
    }

    // The reject report of a (v)so school and of a bo school name ROD's codes, each with its sleutel.
    for (const c of ['SO_TLV_ONTBREEKT', 'SO_CONTRACT_OP_BO_SCHOOL'] as const) {
      const f = afwijzend.find((x) => x.categorie === c)!;
      const rapport = (await t.http().get(`/bron/v1/migraties/${id}/afkeuringen?instellingscode=${f.bestand.slice(0, 4)}`).set(bearer(admin))).body;
      expect(rapport.afkeuringen.filter((a: { code: string }) => a.code === VERWACHT[c]!.fouten[0]).length).toBe(afwijzend.filter((x) => x.categorie === c && x.bestand === f.bestand).length);
      expect(rapport.afkeuringen.find((a: { regel: number }) => a.regel === f.leerlingRegel! + 1)).toMatchObject({ bestandsnaam: f.bestand, code: VERWACHT[c]!.fouten[0], sleutel: expect.stringMatching(/^\d+\/\d+$/) });
    }

    // A fresh sandbox of the same seed, its clock at the same moment, las-alfa mandated for every school, the persons BRON held registered.
    const { sandboxId, beheer, las } = await herhalingsSandbox(t, admin, NU);

    // The replay: every flawed record, every record at a (v)so school, and a sample of the other converted ones (pupils with a BSN).
    const teSpelen = rijen.filter((x, i) => x.burgerservicenummer && (gevlagd(x) || x.speciaal_onderwijs || i % 20 === 0));
    expect(teSpelen.filter((x) => gevlagd(x)).length).toBeGreaterThanOrEqual(6);
    for (const x of teSpelen) {
      const p = await t.http().post('/rod/v1/personen').set(bearer(beheer)).send({ burgerservicenummer: x.burgerservicenummer, geboortedatum: x.geboortedatum, geslacht: x.geslacht, achternaam: x.achternaam });
      expect([201, 409]).toContain(p.status);
    }
    const verschillen: string[] = [];
    for (const x of teSpelen) {
      const res = await sendAsLas(t, las, sandboxId, x, NU);
      const ok = res.status === 201 || res.status === 200;
      const codes = (l: { code: string }[] | undefined) => (l ?? []).map((f) => f.code).sort().join();
      const fouten = res.status === 422 ? codes(res.body.foutmeldingen) : ok ? '' : `HTTP ${res.status} ${JSON.stringify(res.body)}`;
      // For a flawed record the meldingen too (251 for a vso pupil past the vso age).
      const meldingenVerschillen = gevlagd(x) && ok && codes(res.body.meldingen) !== x.meldingen.join();
      if (ok !== x.goedgekeurd || fouten !== x.fouten.join() || meldingenVerschillen) {
        verschillen.push(`${x.bestandsnaam}:${x.persoon_regel} ${gevlagd(x) ?? ''}: conversie ${x.goedgekeurd} ${x.fouten} ${x.meldingen} / rod ${res.status} ${fouten} ${codes(res.body.meldingen)}`);
      }
    }
    expect(verschillen.slice(0, 10)).toEqual([]);
  });
});
