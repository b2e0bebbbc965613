import type { BronLeerling, BronLeesItem } from '../format/bron-bestand';
import { copyRegel } from '../../common/database/copy';
import { StagingSchrijver } from './staging';

const MIG = '0b7a6c1e-7d1f-4c53-9a55-3a0d1d2b9f10';
const BESTAND = '5e0f0d4c-2a51-4a86-8f0b-7c1a3f2e6d11';

/** The staging line of an inschrijving by the column list, each value through the generic COPY escaping. */
function verwacht(l: BronLeerling, brin4: string, eersteNr: number): string {
  let nr = eersteNr;
  return l.inschrijvingen
    .map((i) =>
      copyRegel([
        MIG, nr++, BESTAND, brin4, i.regel, l.regel, l.burgerservicenummer, l.onderwijsnummer, l.geboortedatum, l.geslacht, l.postcode, l.achternaam, l.voorvoegsel,
        l.voornamen, i.inschrijvingvolgnummer, i.datumInschrijving, i.datumUitschrijving,
        JSON.stringify(i.periodes.map((p) => ({ r: p.regel, d: p.datumBegin, v: p.vestigingscode, g: p.groep }))),
        i.speciaalOnderwijs ? JSON.stringify((({ regel: _, ...so }) => so)(i.speciaalOnderwijs)) : null,
      ]),
    )
    .join('');
}

const leerling = (over: Partial<BronLeerling> = {}): BronLeerling => ({
  regel: 2,
  burgerservicenummer: '999990019',
  onderwijsnummer: null,
  geboortedatum: '2015-03-00',
  geslacht: 'V',
  postcode: null,
  achternaam: 'Brontë-Öztürk',
  voorvoegsel: "'t",
  voornamen: 'Zoë Anaïs',
  inschrijvingen: [
    {
      regel: 3,
      inschrijvingvolgnummer: 'LAS-000123',
      datumInschrijving: '2019-03-15',
      datumUitschrijving: null,
      periodes: [
        { regel: 4, datumBegin: '2019-03-15', vestigingscode: '01AA00', groep: '1' },
        { regel: 5, datumBegin: '2019-08-19', vestigingscode: '01AA01', groep: '2' },
      ],
    },
  ],
  ...over,
});

function schrijf(items: BronLeesItem[][], eersteNr = 1): { tekst: string; schrijver: StagingSchrijver } {
  const schrijver = new StagingSchrijver(MIG);
  schrijver.bestand(BESTAND, eersteNr);
  const stukken: Buffer[] = [];
  for (const batch of items) {
    schrijver.add(batch);
    stukken.push(...schrijver.neem());
  }
  stukken.push(...schrijver.neem(true));
  return { tekst: Buffer.concat(stukken).toString('latin1'), schrijver };
}

const VOORLOOP: BronLeesItem = { soort: 'voorloop', voorloop: { brin4: '01AA', batchnummer: 1, aanleverpunt: 1, aanmaakdatum: '2021-12-06', aantalPersonen: 2 } };

describe('staging: COPY text written straight from the parsed records', () => {
  it('writes what the column list with the generic COPY escaping would, as ISO-8859-1 bytes', () => {
    const lastig = leerling({
      regel: 7,
      burgerservicenummer: null,
      onderwijsnummer: '100000028',
      postcode: '3581AA',
      achternaam: 'Back\\slash "Quote"',
      voorvoegsel: null,
      voornamen: 'Tab\tNieuw\nRegel\rEinde',
      inschrijvingen: [
        {
          regel: 8,
          inschrijvingvolgnummer: 'A\\B',
          datumInschrijving: '2020-09-01',
          datumUitschrijving: '2021-07-16',
          speciaalOnderwijs: { regel: 9, schoolsoort: '2', cluster: 4, soortOnderwijs: null, soortVerblijf: 'REGULIER', arrangement: null, uitstroomprofiel: 'ARBEIDSMARKT', beschikkingsnummer: 'TLV\\"1', tlvDatumBegin: '2020-08-01', tlvDatumEinde: null },
          periodes: [{ regel: 10, datumBegin: '2020-09-01', vestigingscode: '01"A\\0', groep: '\\' }],
        },
        { regel: 11, inschrijvingvolgnummer: '2', datumInschrijving: '2021-08-01', datumUitschrijving: null, periodes: [] },
      ],
    });
    const { tekst, schrijver } = schrijf([[VOORLOOP, { soort: 'leerling', leerling: leerling() }], [{ soort: 'leerling', leerling: lastig }]], 41);
    expect(tekst).toBe(verwacht(leerling(), '01AA', 41) + verwacht(lastig, '01AA', 42));
    expect(schrijver.uitkomst).toMatchObject({ leerlingen: 2, inschrijvingen: 3 });
  });

  it('hands on chunks of about 256 kB, a line split between two where it falls, and keeps the file verdict', () => {
    const veel = Array.from({ length: 3000 }, (_, k) => ({ soort: 'leerling' as const, leerling: leerling({ regel: k, achternaam: `Naam-${k}-${'é'.repeat(k % 40)}` }) }));
    const schrijver = new StagingSchrijver(MIG);
    const u = schrijver.bestand(BESTAND, 1);
    schrijver.add([VOORLOOP, ...veel]);
    const vol = schrijver.neem();
    expect(vol.length).toBeGreaterThan(1);
    for (const b of vol) {
      expect(b.length).toBeLessThanOrEqual(256 * 1024);
      expect(b.length).toBeGreaterThan(255 * 1024);
    }
    schrijver.add([{ soort: 'einde', fouten: [], aantalRegels: 9001, aantallen: { personen: 3000, inschrijvingen: 3000, periodes: 6000 } }]);
    const tekst = Buffer.concat([...vol, ...schrijver.neem(true)]).toString('latin1');
    expect(tekst).toBe(veel.map((v, k) => verwacht(v.leerling, '01AA', k + 1)).join(''));
    expect(u).toMatchObject({ leerlingen: 3000, inschrijvingen: 3000, aantalRegels: 9001, voorloop: VOORLOOP.voorloop });
    expect(schrijver.neem(true)).toEqual([]);
  });

  it('the next file of a group starts its own verdict and numbering', () => {
    const schrijver = new StagingSchrijver(MIG);
    schrijver.bestand(BESTAND, 1);
    schrijver.add([VOORLOOP, { soort: 'leerling', leerling: leerling() }]);
    const tweede = schrijver.bestand(BESTAND, 2);
    schrijver.add([{ soort: 'leerling', leerling: leerling() }]);
    expect(tweede).toMatchObject({ voorloop: null, leerlingen: 1, inschrijvingen: 1 });
    expect(Buffer.concat(schrijver.neem(true)).toString('latin1')).toBe(verwacht(leerling(), '01AA', 1) + verwacht(leerling(), '', 2));
  });
});
