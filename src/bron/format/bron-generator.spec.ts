import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { buildDataset } from '../../rio';
import { isGeldigBsn, isGeldigOnderwijsnummer } from '../../rod';
import { controleerDatums, overlappen } from '../../rod/rules/inschrijving-regels';
import { MAX_LEEFTIJD, teOud, voorVierdeVerjaardag } from '../../rod/rules/leeftijd';
import type { BronLeerling, BronLeesItem } from './bron-bestand';
import { BRON_FOUTCATEGORIEEN, BronFoutcategorie, BronGeneratorOpties, BronManifest, genereerBronBestanden, parseFoutkansen } from './bron-generator';
import { leesBronBestand } from './bron-lezer';

function genereer(opties: BronGeneratorOpties) {
  const bestanden: { bestand: string; inhoud: Buffer }[] = [];
  const gen = genereerBronBestanden(opties);
  let r = gen.next();
  for (; !r.done; r = gen.next()) bestanden.push(r.value);
  return { bestanden, manifest: r.value };
}

async function lees(bestand: string, inhoud: Buffer): Promise<BronLeesItem[]> {
  const uit: BronLeesItem[] = [];
  for await (const item of leesBronBestand(Readable.from([inhoud]), bestand)) uit.push(item);
  return uit;
}

// The (v)so categories higher: one so/vso pupil for every 50 bo/sbo pupils.
const OPTIES: BronGeneratorOpties = { leerlingen: 6000, seed: 7, rioSchaal: 'small', foutkansen: { ...parseFoutkansen('0.01'), SO_TLV_ONTBREEKT: 0.08, VSO_TE_OUD: 0.08 } };

describe('BRON po generator', () => {
  let bestanden: { bestand: string; inhoud: Buffer }[];
  let manifest: BronManifest;
  /** Every pupil of every file without a file-level flaw, with its file. */
  const leerlingen: { bestand: string; brin4: string; l: BronLeerling }[] = [];
  const verdicts = new Map<string, Extract<BronLeesItem, { soort: 'einde' }>>();

  beforeAll(async () => {
    ({ bestanden, manifest } = genereer(OPTIES));
    for (const b of bestanden) {
      for (const item of await lees(b.bestand, b.inhoud)) {
        if (item.soort === 'leerling') leerlingen.push({ bestand: b.bestand, brin4: b.bestand.slice(0, 4), l: item.leerling });
        if (item.soort === 'einde') verdicts.set(b.bestand, item);
      }
    }
  });

  it('writes one file per school of the RIO seed, as many bo/sbo pupils as asked, counts as in the manifest', () => {
    const { dataset } = buildDataset('small', 1);
    const scholen = dataset.instellingen.map((i) => `${i.code}001A.P01`);
    expect(bestanden.map((b) => b.bestand).sort()).toEqual(scholen.sort());
    for (const m of manifest.bestanden) {
      const v = verdicts.get(m.bestand)!;
      expect({ regels: v.aantalRegels, ...v.aantallen }).toEqual({ regels: m.regels, personen: m.personen, inschrijvingen: m.inschrijvingen, periodes: m.periodes });
    }
    const eigen = manifest.totaal.personen - leerlingen.filter((x) => x.l.inschrijvingen.some((i) => /^[57]/.test(i.inschrijvingvolgnummer))).length;
    expect(eigen).toBeGreaterThanOrEqual(OPTIES.leerlingen - manifest.bestanden.filter((b) => b.bestandsfout).reduce((a, b) => a + b.personen, 0));
    expect(manifest.totaal.personen).toBeGreaterThan(OPTIES.leerlingen);
  });

  it('a file with a file-level flaw is refused by the reader with exactly that code and line; the others read clean', () => {
    const bestandsfouten = manifest.fouten.filter((f) => f.bestandsfout);
    expect(new Set(bestandsfouten.map((f) => f.categorie))).toEqual(new Set(['CONTROLETOTAAL_ONJUIST', 'RECORD_AFGEKAPT']));
    for (const m of manifest.bestanden) {
      const verwacht = bestandsfouten.filter((f) => f.bestand === m.bestand).map((f) => ({ code: f.bestandsfout, regel: f.regel }));
      expect(verdicts.get(m.bestand)!.fouten.map((f) => ({ code: f.code, regel: f.regel }))).toEqual(verwacht);
    }
  });

  it('every record-level flaw in the manifest is really there, and there is no other', () => {
    const { dataset } = buildDataset('small', 1);
    const spec = new Set(dataset.instellingen.filter((i) => i.soort === 'SPEC').map((i) => i.code));
    const vestigingen = new Map(dataset.vestigingen.map((v) => [v.code, v]));
    const gevonden = new Set<string>();
    const sleutel = (bestand: string, regel: number, c: BronFoutcategorie) => `${bestand}:${regel}:${c}`;
    const perPgn = new Map<string, { bestand: string; l: BronLeerling }[]>();
    for (const { bestand, brin4, l } of leerlingen) {
      const vind = (c: BronFoutcategorie) => gevonden.add(sleutel(bestand, l.regel, c));
      const pgn = l.burgerservicenummer ?? l.onderwijsnummer!;
      if (l.burgerservicenummer ? !isGeldigBsn(pgn) : !isGeldigOnderwijsnummer(pgn)) vind('PGN_CONTROLECIJFER');
      const volgnummers = new Set<string>();
      for (const i of l.inschrijvingen) {
        if (voorVierdeVerjaardag(l.geboortedatum, i.datumInschrijving)) vind('TE_JONG');
        if (controleerDatums(i.datumInschrijving, i.datumUitschrijving, i.periodes).length) vind('PERIODES_OVERLAPPEN');
        if (volgnummers.has(i.inschrijvingvolgnummer)) vind('VOLGNUMMER_DUBBEL');
        const so = i.speciaalOnderwijs;
        if (so && !spec.has(brin4)) vind('SO_CONTRACT_OP_BO_SCHOOL');
        if (so && spec.has(brin4) && so.cluster >= 3 && !so.beschikkingsnummer) vind('SO_TLV_ONTBREEKT');
        if (so?.schoolsoort === '2' && teOud(l.geboortedatum, '2021-12-06', MAX_LEEFTIJD.VSO)) vind('VSO_TE_OUD');
        volgnummers.add(i.inschrijvingvolgnummer);
        for (const p of i.periodes) {
          const v = vestigingen.get(p.vestigingscode);
          if (!v) vind('BRIN6_ONBEKEND');
          else {
            if (v.instellingscode !== brin4) vind('BRIN6_NIET_ONDER_BRIN4');
            // Every known BRIN6 is in bedrijf on the periode's first day.
            expect(v.inBedrijfdatum <= p.datumBegin && (!v.uitBedrijfdatum || p.datumBegin < v.uitBedrijfdatum)).toBe(true);
          }
        }
      }
      perPgn.set(pgn, [...(perPgn.get(pgn) ?? []), { bestand, l }]);
    }
    // The same pupil in two files: never overlapping, except the flaw (found in the later file).
    let verhuisd = 0;
    for (const [, keren] of perPgn) {
      if (keren.length < 2) continue;
      expect(keren.length).toBe(2);
      const [a, b] = keren;
      expect({ ...b.l, regel: 0, inschrijvingen: [] }).toEqual({ ...a.l, regel: 0, inschrijvingen: [] });
      if (a.l.inschrijvingen.some((x) => b.l.inschrijvingen.some((y) => overlappen(x, y)))) gevonden.add(sleutel(b.bestand, b.l.regel, 'LEERLING_OP_TWEE_SCHOLEN'));
      else verhuisd++;
    }
    expect(verhuisd).toBeGreaterThan(20);
    const verwacht = new Set(manifest.fouten.filter((f) => !f.bestandsfout).map((f) => sleutel(f.bestand, f.leerlingRegel!, f.categorie)));
    expect([...gevonden].sort()).toEqual([...verwacht].sort());
    for (const c of BRON_FOUTCATEGORIEEN) expect(manifest.foutenPerCategorie[c]).toBeGreaterThan(0);
  });

  it('the manifest line of a flaw is the record that carries it', () => {
    const regels = new Map(bestanden.map((b) => [b.bestand, b.inhoud.toString('latin1').split('\r\n')]));
    const soort: Record<BronFoutcategorie, string> = {
      PGN_CONTROLECIJFER: '310', TE_JONG: '310', LEERLING_OP_TWEE_SCHOLEN: '310', BRIN6_ONBEKEND: '321', BRIN6_NIET_ONDER_BRIN4: '321',
      PERIODES_OVERLAPPEN: '321', VOLGNUMMER_DUBBEL: '320', CONTROLETOTAAL_ONJUIST: '399', RECORD_AFGEKAPT: '3',
      SO_CONTRACT_OP_BO_SCHOOL: '322', SO_TLV_ONTBREEKT: '322', VSO_TE_OUD: '310',
    };
    for (const f of manifest.fouten) expect(regels.get(f.bestand)![f.regel - 1].startsWith(soort[f.categorie])).toBe(true);
  });

  it('(v)so schools: every inschrijving carries its so/vso part (322), so and vso pupils of an age ROD accepts (but the flaws), one for every 50 bo/sbo pupils; no 322 elsewhere (but the flaw)', () => {
    const { dataset } = buildDataset('small', 1);
    const spec = new Set(dataset.instellingen.filter((i) => i.soort === 'SPEC').map((i) => i.code));
    expect(spec.has('02AC')).toBe(true);
    const so = leerlingen.filter(({ brin4 }) => spec.has(brin4));
    expect(so.length).toBe(manifest.bestanden.filter((b) => spec.has(b.brin4)).reduce((a, b) => a + b.personen, 0));
    expect(so.length).toBeGreaterThanOrEqual(OPTIES.leerlingen / 50);
    const gevlagd = (bestand: string, l: BronLeerling) => manifest.fouten.some((f) => f.bestand === bestand && f.leerlingRegel === l.regel);
    const boMet322 = leerlingen.filter(({ brin4, l }) => !spec.has(brin4) && l.inschrijvingen.some((i) => i.speciaalOnderwijs));
    expect(boMet322.length).toBe(manifest.foutenPerCategorie.SO_CONTRACT_OP_BO_SCHOOL);
    expect(boMet322.every(({ bestand, l }) => gevlagd(bestand, l))).toBe(true);
    expect(so.every(({ l }) => l.inschrijvingen.every((i) => i.speciaalOnderwijs))).toBe(true);
    const datum = '2021-12-06';
    const soorten = new Set<string>();
    for (const { bestand, l } of so) {
      if (gevlagd(bestand, l)) continue;
      const [i] = l.inschrijvingen;
      const x = i.speciaalOnderwijs!;
      soorten.add(x.schoolsoort);
      const leeftijd = Number(datum.slice(0, 4)) - Number(l.geboortedatum.slice(0, 4)) - (datum.slice(5) < l.geboortedatum.slice(5) ? 1 : 0);
      if (x.schoolsoort === '2') {
        // 12 to 19 on 1 October; never 20 before 1 August (WEC: not too old for vso).
        expect([leeftijd >= 12, leeftijd <= 20, teOud(l.geboortedatum, datum, MAX_LEEFTIJD.VSO), x.uitstroomprofiel !== null, i.periodes.every((p) => p.groep === '8')]).toEqual([true, true, false, true, true]);
      } else {
        expect([leeftijd >= 4, leeftijd <= 13, teOud(l.geboortedatum, datum), x.uitstroomprofiel]).toEqual([true, true, false, null]);
      }
      // 02AC is CLUSTER_4 in RIO: a toelaatbaarheidsverklaring from the first day.
      if (x.cluster >= 3) expect([x.beschikkingsnummer?.startsWith('TLV-'), x.tlvDatumBegin]).toEqual([true, i.datumInschrijving]);
      expect(voorVierdeVerjaardag(l.geboortedatum, i.datumInschrijving)).toBe(false);
      expect(isGeldigBsn(l.burgerservicenummer!)).toBe(true);
    }
    expect([...soorten].sort()).toEqual(['1', '2']);
    expect(so.filter(({ brin4 }) => brin4 === '02AC').every(({ l }) => l.inschrijvingen[0].speciaalOnderwijs!.cluster === 4)).toBe(true);
  });

  it('pupils are realistic: valid and unique PGNs, some onderwijsnummers, age fits groep, periodes on school days, diacritics', () => {
    const schoon = leerlingen.filter(({ bestand, l }) => !manifest.fouten.some((f) => f.bestand === bestand && f.leerlingRegel === l.regel) && !l.inschrijvingen.some((i) => i.speciaalOnderwijs));
    expect(schoon.length).toBeGreaterThan(5000);
    const metOnderwijsnummer = schoon.filter(({ l }) => l.onderwijsnummer);
    expect(metOnderwijsnummer.length).toBeGreaterThan(20);
    expect(metOnderwijsnummer.every(({ l }) => l.postcode === null)).toBe(true);
    expect(schoon.some(({ l }) => /[ëïéöüç]/.test(`${l.achternaam} ${l.voornamen}`))).toBe(true);
    const datum = '2021-12-06';
    for (const { l } of schoon) {
      const open = l.inschrijvingen.find((i) => !i.datumUitschrijving);
      if (!open) continue;
      const groep = Number(open.periodes[open.periodes.length - 1].groep);
      const leeftijd = Number(datum.slice(0, 4)) - Number(l.geboortedatum.slice(0, 4)) - (datum.slice(5) < l.geboortedatum.slice(5) ? 1 : 0);
      expect(leeftijd).toBeGreaterThanOrEqual(groep + 2);
      expect(leeftijd).toBeLessThanOrEqual(groep + 4);
      for (const i of l.inschrijvingen) for (const p of i.periodes.slice(1)) expect(['08', '09']).toContain(p.datumBegin.slice(5, 7));
    }
  });

  it('is deterministic per seed: the same bytes for the same options, other bytes for another seed; gzip on request', async () => {
    const hash = (g: ReturnType<typeof genereer>) => {
      const h = createHash('sha256');
      for (const b of g.bestanden) h.update(b.bestand).update(b.inhoud);
      return h.update(JSON.stringify(g.manifest)).digest('hex');
    };
    const klein = { ...OPTIES, leerlingen: 800 };
    expect(hash(genereer(klein))).toBe(hash(genereer(klein)));
    expect(hash(genereer({ ...klein, seed: 8 }))).not.toBe(hash(genereer(klein)));
    const gz = genereer({ ...klein, gzip: true });
    const plat = genereer(klein);
    expect(gz.bestanden[0].bestand).toBe(`${plat.bestanden[0].bestand}.gz`);
    expect(await lees(gz.bestanden[0].bestand, gz.bestanden[0].inhoud)).toEqual(await lees(plat.bestanden[0].bestand, plat.bestanden[0].inhoud));
  });

  it('(v)so flaw rates leave the bo and sbo files as they were', () => {
    const { dataset } = buildDataset('small', 1);
    const spec = new Set(dataset.instellingen.filter((i) => i.soort === 'SPEC').map((i) => i.code));
    const zonder = genereer({ leerlingen: 800, seed: 7, rioSchaal: 'small' });
    const met = genereer({ leerlingen: 800, seed: 7, rioSchaal: 'small', foutkansen: { SO_TLV_ONTBREEKT: 0.2, VSO_TE_OUD: 0.2 } });
    const bo = (g: ReturnType<typeof genereer>) => g.bestanden.filter((b) => !spec.has(b.bestand.slice(0, 4)));
    expect(bo(met)).toEqual(bo(zonder));
    expect(met.manifest.fouten.map((f) => f.categorie).sort()).toEqual(expect.arrayContaining(['SO_TLV_ONTBREEKT', 'VSO_TE_OUD']));
    expect(met.manifest.fouten.every((f) => spec.has(f.bestand.slice(0, 4)))).toBe(true);
  });

  it('parses flaw rates for all categories or per category', () => {
    expect(parseFoutkansen('0.002').TE_JONG).toBe(0.002);
    expect(parseFoutkansen('te_jong=0.1,RECORD_AFGEKAPT=0.5')).toEqual({ TE_JONG: 0.1, RECORD_AFGEKAPT: 0.5 });
    expect(() => parseFoutkansen('ONBEKEND=0.1')).toThrow(/onbekende categorie/);
    expect(() => parseFoutkansen('2')).toThrow(/geen kans/);
  });
});
