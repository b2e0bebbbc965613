import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import type { BronBestandFout, BronLeerling, BronLeesItem } from './bron-bestand';
import { BRON_RECORDS, ontleedBestandsnaam } from './bron-layout';
import { leesBronBestand } from './bron-lezer';
import { alsBytes, leerlingRegels, schrijfBronBestand, sluitRegel, voorloopRegel } from './bron-schrijver';

const NAAM = '01AA001A.P01';
const VOORLOOP = { brin4: '01AA', batchnummer: 1, aanleverpunt: 1, aanmaakdatum: '2021-12-06' };

const leerling = (over: Partial<BronLeerling> = {}): BronLeerling => ({
  regel: 0,
  burgerservicenummer: '999990019',
  onderwijsnummer: null,
  geboortedatum: '2015-03-15',
  geslacht: 'V',
  postcode: '3581AA',
  achternaam: 'Brontë-Öztürk',
  voorvoegsel: "'t",
  voornamen: 'Zoë Anaïs',
  inschrijvingen: [
    {
      regel: 0,
      inschrijvingvolgnummer: 'LAS-000123',
      datumInschrijving: '2019-03-15',
      datumUitschrijving: null,
      periodes: [
        { regel: 0, datumBegin: '2019-03-15', vestigingscode: '01AA00', groep: '1' },
        { regel: 0, datumBegin: '2019-08-19', vestigingscode: '01AA01', groep: '2' },
      ],
    },
  ],
  ...over,
});

const TWEE = [
  leerling(),
  leerling({
    burgerservicenummer: null,
    onderwijsnummer: '100000028',
    geboortedatum: '2016-00-00',
    geslacht: 'O',
    postcode: null,
    achternaam: 'Kowalski',
    voorvoegsel: null,
    voornamen: '.',
    inschrijvingen: [{ regel: 0, inschrijvingvolgnummer: '7', datumInschrijving: '2020-09-01', datumUitschrijving: '2021-07-16', periodes: [{ regel: 0, datumBegin: '2020-09-01', vestigingscode: '01AA00', groep: '2' }] }],
  }),
];

async function* stukken(bytes: Buffer, grootte: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += grootte) yield bytes.subarray(i, i + grootte);
}

async function lees(bytes: Buffer, naam = NAAM, grootte = 65536): Promise<BronLeesItem[]> {
  const uit: BronLeesItem[] = [];
  for await (const item of leesBronBestand(stukken(bytes, grootte), naam)) uit.push(item);
  return uit;
}

const einde = (items: BronLeesItem[]) => {
  const e = items[items.length - 1];
  if (e.soort !== 'einde') throw new Error('einde ontbreekt');
  return e;
};
const fouten = async (bytes: Buffer, naam = NAAM): Promise<Pick<BronBestandFout, 'code' | 'regel'>[]> => einde(await lees(bytes, naam)).fouten.map(({ code, regel }) => ({ code, regel }));
const leerlingen = (items: BronLeesItem[]) => items.flatMap((i) => (i.soort === 'leerling' ? [i.leerling] : []));

/** The lines of a good file, to break one at a time. */
const regels = () => {
  const r = [voorloopRegel({ ...VOORLOOP, aantalPersonen: 2 }), ...TWEE.flatMap(leerlingRegels)];
  r.push(sluitRegel(r.length + 1, { personen: 2, inschrijvingen: 2, periodes: 3 }));
  return r;
};

describe('BRON po export: round trip', () => {
  it('reads back what the writer wrote, diacritics intact, with line numbers', async () => {
    const bytes = schrijfBronBestand(VOORLOOP, TWEE);
    expect(bytes.includes(Buffer.from('Zoë Anaïs', 'latin1'))).toBe(true);
    expect(bytes.includes(Buffer.from('Zoë', 'utf8'))).toBe(false);
    expect(bytes.toString('latin1').split('\r\n').slice(0, -1).map((r) => r.length)).toEqual([33, 138, 39, 19, 19, 138, 39, 19, 39]);
    const items = await lees(bytes);
    expect(items[0]).toEqual({ soort: 'voorloop', voorloop: { ...VOORLOOP, aantalPersonen: 2 } });
    const [a, b] = leerlingen(items);
    expect(a).toEqual({
      ...TWEE[0],
      regel: 2,
      inschrijvingen: [{ ...TWEE[0].inschrijvingen[0], regel: 3, periodes: [{ ...TWEE[0].inschrijvingen[0].periodes[0], regel: 4 }, { ...TWEE[0].inschrijvingen[0].periodes[1], regel: 5 }] }],
    });
    expect(b).toEqual({ ...TWEE[1], regel: 6, inschrijvingen: [{ ...TWEE[1].inschrijvingen[0], regel: 7, periodes: [{ ...TWEE[1].inschrijvingen[0].periodes[0], regel: 8 }] }] });
    expect(einde(items)).toEqual({ soort: 'einde', fouten: [], aantalRegels: 9, aantallen: { personen: 2, inschrijvingen: 2, periodes: 3 } });
  });

  it('reads the same in one-byte chunks and gunzips a gzipped file by its magic bytes', async () => {
    const bytes = schrijfBronBestand(VOORLOOP, TWEE);
    const heel = await lees(bytes);
    expect(await lees(bytes, NAAM, 1)).toEqual(heel);
    expect(await lees(gzipSync(bytes), NAAM + '.gz', 7)).toEqual(heel);
    expect(await lees(gzipSync(bytes), NAAM, 1)).toEqual(heel);
  });

  it('an empty school is a voorloop and a sluit', async () => {
    const items = await lees(schrijfBronBestand(VOORLOOP, []));
    expect(einde(items)).toEqual({ soort: 'einde', fouten: [], aantalRegels: 2, aantallen: { personen: 0, inschrijvingen: 0, periodes: 0 } });
  });

  it('the writer refuses what the layout cannot hold', () => {
    expect(() => leerlingRegels(leerling({ achternaam: 'Nguyễn' }))).toThrow(/ISO-8859-1/);
    expect(() => leerlingRegels(leerling({ achternaam: 'x'.repeat(51) }))).toThrow(/past niet/);
    expect(() => leerlingRegels(leerling({ geslacht: 'X' as 'M' }))).toThrow(/onbekende waarde/);
  });

  it('file names follow <BRIN4><batch:3>A.P<aanleverpunt:2>', () => {
    expect(ontleedBestandsnaam('uploads/12AB007A.P03')).toEqual({ brin4: '12AB', batchnummer: 7, aanleverpunt: 3 });
    expect(ontleedBestandsnaam('12AB007A.P03.gz')).toEqual({ brin4: '12AB', batchnummer: 7, aanleverpunt: 3 });
    for (const slecht of ['12AB007A.B03', '12AB07A.P03', '12ab007A.P03', '12AB007T.P03', '12AB007A.P03.zip']) expect(ontleedBestandsnaam(slecht)).toBeNull();
  });
});

describe('BRON po export: the so/vso record 322 (our own addition)', () => {
  const so = {
    regel: 0, schoolsoort: '2', cluster: 4, soortOnderwijs: 'AUTISME', soortVerblijf: 'REGULIER', arrangement: null, uitstroomprofiel: 'ARBEIDSMARKT',
    beschikkingsnummer: 'TLV-2021-0007', tlvDatumBegin: '2021-08-23', tlvDatumEinde: null,
  };
  const vso = leerling({ inschrijvingen: [{ ...leerling().inschrijvingen[0], speciaalOnderwijs: so }] });

  it('is written right after its inschrijving, before the periodes, and read back onto it with its line', async () => {
    const regelsVso = leerlingRegels(vso);
    expect(regelsVso.map((r) => r.slice(0, 3))).toEqual(['310', '320', '322', '321', '321']);
    expect(regelsVso[2]).toHaveLength(BRON_RECORDS.speciaalOnderwijs.lengte);
    const items = await lees(schrijfBronBestand(VOORLOOP, [vso, TWEE[1]]));
    expect(einde(items)).toMatchObject({ fouten: [], aantallen: { personen: 2, inschrijvingen: 2, periodes: 3 } });
    const [gelezen, zonder] = leerlingen(items);
    expect(gelezen.inschrijvingen[0].speciaalOnderwijs).toEqual({ ...so, regel: 4 });
    expect(gelezen.inschrijvingen[0].periodes.map((p) => p.regel)).toEqual([5, 6]);
    expect(zonder.inschrijvingen[0].speciaalOnderwijs).toBeUndefined();
  });

  it('only directly after a 320: after a periode, twice, or after a persoon it is out of order', async () => {
    const r = [voorloopRegel({ ...VOORLOOP, aantalPersonen: 1 }), ...leerlingRegels(vso)];
    const metSluit = (x: string[]) => [...x, sluitRegel(x.length + 1, { personen: 1, inschrijvingen: 1, periodes: 2 })];
    const na = (i: number, extra: string) => metSluit([...r.slice(0, i), extra, ...r.slice(i)]);
    expect(await fouten(alsBytes(metSluit(r)))).toEqual([]);
    expect(r.map((x) => x.slice(0, 3))).toEqual(['300', '310', '320', '322', '321', '321']);
    expect(await fouten(alsBytes(na(5, r[3])))).toEqual([{ code: 'VOLGORDE_ONGELDIG', regel: 6 }]);
    expect(await fouten(alsBytes(na(4, r[3])))).toEqual([{ code: 'VOLGORDE_ONGELDIG', regel: 5 }]);
    expect(await fouten(alsBytes(metSluit([r[0], r[1], r[3], r[2], r[4], r[5]])))).toEqual([{ code: 'VOLGORDE_ONGELDIG', regel: 3 }]);
    // A schoolsoort that is no digit does not fit the field.
    const fout = [...r];
    fout[3] = '322X' + fout[3].slice(4);
    expect(await fouten(alsBytes(metSluit(fout)))).toEqual([{ code: 'VELD_ONGELDIG', regel: 4 }]);
  });
});

describe('BRON po export: whole-file faults, each with its line', () => {
  it('bad file name, and a voorloop that does not match the name', async () => {
    expect(await fouten(schrijfBronBestand(VOORLOOP, TWEE), 'leerlingen.txt')).toEqual([{ code: 'BESTANDSNAAM_ONGELDIG', regel: null }]);
    expect(await fouten(schrijfBronBestand(VOORLOOP, TWEE), '01AB001A.P01')).toEqual([{ code: 'BESTANDSNAAM_ONGELDIG', regel: 1 }]);
    expect(await fouten(schrijfBronBestand(VOORLOOP, TWEE), '01AA002A.P01')).toEqual([{ code: 'BESTANDSNAAM_ONGELDIG', regel: 1 }]);
  });

  it('wrong encoding: UTF-8 text, a UTF-8 BOM, control bytes, LF without CR', async () => {
    const utf8 = Buffer.from(schrijfBronBestand(VOORLOOP, TWEE).toString('latin1'), 'utf8');
    expect(await fouten(utf8)).toEqual([{ code: 'CODERING_ONGELDIG', regel: 2 }]);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), schrijfBronBestand(VOORLOOP, TWEE)]);
    expect((await fouten(bom)).map((f) => f.code)).toContain('CODERING_ONGELDIG');
    expect((await fouten(bom))[0]).toEqual({ code: 'CODERING_ONGELDIG', regel: 1 });
    const r = regels();
    r[5] = r[5].slice(0, 40) + '\x85' + r[5].slice(41);
    expect(await fouten(alsBytes(r))).toEqual([{ code: 'CODERING_ONGELDIG', regel: 6 }]);
    const tab = regels();
    tab[2] = tab[2].replace(' ', '\t');
    expect(await fouten(alsBytes(tab))).toEqual([{ code: 'CODERING_ONGELDIG', regel: 3 }]);
    const lf = Buffer.from(regels().join('\n') + '\n', 'latin1');
    expect((await fouten(lf)).slice(0, 2)).toEqual([{ code: 'CODERING_ONGELDIG', regel: 1 }, { code: 'CODERING_ONGELDIG', regel: 2 }]);
  });

  it('unknown record type', async () => {
    const r = regels();
    r.splice(4, 0, '323' + ' '.repeat(16));
    r[r.length - 1] = sluitRegel(r.length, { personen: 2, inschrijvingen: 2, periodes: 3 });
    expect(await fouten(alsBytes(r))).toEqual([{ code: 'RECORDSOORT_ONBEKEND', regel: 5 }]);
  });

  it('truncated record, a record too long, and a file cut off mid-line', async () => {
    const kort = regels();
    kort[1] = kort[1].slice(0, 100);
    expect(await fouten(alsBytes(kort))).toEqual([{ code: 'RECORD_AFGEKAPT', regel: 2 }]);
    const lang = regels();
    lang[3] += 'X';
    expect(await fouten(alsBytes(lang))).toEqual([{ code: 'RECORD_TE_LANG', regel: 4 }]);
    const heel = alsBytes(regels());
    expect(await fouten(heel.subarray(0, heel.length - 20))).toEqual([{ code: 'RECORD_AFGEKAPT', regel: 9 }]);
    expect(await fouten(heel.subarray(0, heel.length - 2))).toEqual([{ code: 'RECORD_AFGEKAPT', regel: 9 }]);
    expect(await fouten(heel.subarray(0, heel.length - 41))).toEqual([{ code: 'SLUIT_ONTBREEKT', regel: 8 }]);
  });

  it('a line without LF longer than any record is not kept in memory but refused', async () => {
    const r = regels();
    r[2] = '320' + 'A'.repeat(20000);
    expect(await fouten(alsBytes(r))).toEqual([{ code: 'RECORD_TE_LANG', regel: 3 }]);
    const inStukken = einde(await lees(alsBytes(r), NAAM, 1000));
    expect(inStukken.fouten.map(({ code, regel }) => ({ code, regel }))).toEqual([{ code: 'RECORD_TE_LANG', regel: 3 }]);
    expect(inStukken.aantalRegels).toBe(9);
  });

  it('missing voorloop, missing sluit, an empty file', async () => {
    expect(await fouten(alsBytes(regels().slice(1)))).toEqual([
      { code: 'VOORLOOP_ONTBREEKT', regel: 1 },
      { code: 'CONTROLETOTAAL_ONJUIST', regel: 8 },
    ]);
    expect(await fouten(alsBytes(regels().slice(0, -1)))).toEqual([{ code: 'SLUIT_ONTBREEKT', regel: 8 }]);
    expect(await fouten(Buffer.alloc(0))).toEqual([
      { code: 'VOORLOOP_ONTBREEKT', regel: 1 },
      { code: 'SLUIT_ONTBREEKT', regel: 1 },
    ]);
  });

  it('wrong control totals in the sluit and in the voorloop', async () => {
    const r = regels();
    r[8] = sluitRegel(9, { personen: 2, inschrijvingen: 3, periodes: 3 });
    expect(await fouten(alsBytes(r))).toEqual([{ code: 'CONTROLETOTAAL_ONJUIST', regel: 9 }]);
    r[8] = sluitRegel(10, { personen: 1, inschrijvingen: 2, periodes: 4 });
    expect(await fouten(alsBytes(r))).toEqual([
      { code: 'CONTROLETOTAAL_ONJUIST', regel: 9 },
      { code: 'CONTROLETOTAAL_ONJUIST', regel: 9 },
      { code: 'CONTROLETOTAAL_ONJUIST', regel: 9 },
    ]);
    const v = regels();
    v[0] = voorloopRegel({ ...VOORLOOP, aantalPersonen: 3 });
    expect(await fouten(alsBytes(v))).toEqual([{ code: 'CONTROLETOTAAL_ONJUIST', regel: 1 }]);
  });

  it('records out of order', async () => {
    const periodeVoorInschrijving = regels();
    [periodeVoorInschrijving[2], periodeVoorInschrijving[3]] = [periodeVoorInschrijving[3], periodeVoorInschrijving[2]];
    expect(await fouten(alsBytes(periodeVoorInschrijving))).toEqual([{ code: 'VOLGORDE_ONGELDIG', regel: 3 }]);
    const inschrijvingZonderPersoon = regels();
    inschrijvingZonderPersoon.splice(1, 1);
    inschrijvingZonderPersoon.splice(5, 0, regels()[1]);
    expect((await fouten(alsBytes(inschrijvingZonderPersoon)))[0]).toEqual({ code: 'VOLGORDE_ONGELDIG', regel: 2 });
    const naSluit = regels();
    naSluit.push(naSluit[1]);
    expect(await fouten(alsBytes(naSluit))).toEqual([{ code: 'VOLGORDE_ONGELDIG', regel: 10 }]);
    const tweedeVoorloop = regels();
    tweedeVoorloop[5] = voorloopRegel({ ...VOORLOOP, aantalPersonen: 2 });
    expect((await fouten(alsBytes(tweedeVoorloop)))[0]).toEqual({ code: 'VOLGORDE_ONGELDIG', regel: 6 });
  });

  it('a field that does not fit its picture', async () => {
    const r = regels();
    const p = BRON_RECORDS.persoon.velden.find((v) => v.naam === 'geslacht')!.positie;
    r[1] = r[1].slice(0, p - 1) + 'X' + r[1].slice(p);
    const d = regels();
    d[2] = d[2].slice(0, 23) + '2019-3-1' + d[2].slice(31);
    const leeg = regels();
    leeg[3] = leeg[3].slice(0, 11) + '      ' + leeg[3].slice(17);
    expect(await fouten(alsBytes(r))).toEqual([{ code: 'VELD_ONGELDIG', regel: 2 }]);
    expect(await fouten(alsBytes(d))).toEqual([{ code: 'VELD_ONGELDIG', regel: 3 }]);
    expect(await fouten(alsBytes(leeg))).toEqual([{ code: 'VELD_ONGELDIG', regel: 4 }]);
    const maandOnbekendDagBekend = regels();
    maandOnbekendDagBekend[1] = maandOnbekendDagBekend[1].slice(0, 13) + '20150015' + maandOnbekendDagBekend[1].slice(21);
    expect(await fouten(alsBytes(maandOnbekendDagBekend))).toEqual([{ code: 'VELD_ONGELDIG', regel: 2 }]);
    const pgnLetters = regels();
    pgnLetters[1] = pgnLetters[1].slice(0, 4) + '99999001X' + pgnLetters[1].slice(13);
    expect(await fouten(alsBytes(pgnLetters))).toEqual([{ code: 'VELD_ONGELDIG', regel: 2 }]);
  });

  it('a broken gzip stream is a fault of the file, not a crash', async () => {
    const gz = gzipSync(schrijfBronBestand(VOORLOOP, TWEE));
    const f = await fouten(gz.subarray(0, gz.length - 12), NAAM + '.gz');
    expect(f[0].code).toBe('CODERING_ONGELDIG');
  });

  it('yields no pupils after the first fault, and never more than MAX_FOUTEN faults', async () => {
    const r = regels();
    r[6] = r[6].slice(0, 30);
    const items = await lees(alsBytes(r));
    expect(leerlingen(items).map((l) => l.regel)).toEqual([2]);
    const utf8 = Buffer.from(Array.from({ length: 300 }, () => '310ë').join('\r\n'), 'utf8');
    const e = einde(await lees(utf8));
    expect(e.fouten.length).toBe(101);
    expect(e.aantalRegels).toBe(300);
  });
});

describe('BRON po export: the source belongs to the caller', () => {
  it('a caller that hashes the bytes on their way in can drain what the reader left (stopped early, broken gzip) and count every byte', async () => {
    const gz = gzipSync(schrijfBronBestand(VOORLOOP, TWEE));
    const kapot = Buffer.concat([gz.subarray(0, 40), Buffer.alloc(100000, 0x41)]);
    for (const [bytes, stop] of [[schrijfBronBestand(VOORLOOP, TWEE), true], [gz, true], [kapot, false]] as const) {
      let geteld = 0;
      const bron = Readable.from(
        (async function* () {
          for await (const c of stukken(bytes, 16)) {
            geteld += c.length;
            yield c;
          }
        })(),
      );
      const items: BronLeesItem[] = [];
      for await (const item of leesBronBestand(bron, NAAM)) {
        items.push(item);
        if (stop && item.soort === 'voorloop') break;
      }
      for await (const _ of bron) void _;
      expect(geteld).toBe(bytes.length);
      if (!stop) expect(einde(items).fouten[0].code).toBe('CODERING_ONGELDIG');
    }
  });
});
