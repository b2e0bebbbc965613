import { buildDataset } from './rio-seed';

describe('RIO seed: the erkenning and aanbod attributes appear at every scale, deterministically', () => {
  it.each(['small', 'national'] as const)('%s', (scale) => {
    const { dataset: d } = buildDataset(scale, 7);
    expect(d.instellingen.every((i) => i.erkenner === 'OCW' && i.stichtingsdatum != null && i.stichtingsdatum < i.inBedrijfdatum && i.formeelAdres?.type === 'BINNENLANDS')).toBe(true);
    expect(d.instellingen.every((i) => (i.soort === 'SPEC') === (i.soCluster != null) && i.periodes.every((p) => p.wet === (i.soort === 'SPEC' ? 'WEC' : 'WPO') && p.grondslagen.length > 0))).toBe(true);
    expect(d.besturen.every((b) => b.besturendeOrganisatiesoort === 'BINS')).toBe(true);
    expect(d.aanbieders.every((a) => a.eigenSleutel === `LAS-${a.juridischeRelaties[0].instellingscode}`)).toBe(true);
    expect(d.gebruiken.every((g) => g.eigenSleutel?.startsWith('gebouw-'))).toBe(true);
    expect(d.opleidingen.every((o) => o.eigenSleutel?.startsWith('aanbod-'))).toBe(true);
    expect(d.opleidingen.some((o) => o.laatsteInstroomdatum != null && o.einddatum != null && o.laatsteInstroomdatum < o.einddatum)).toBe(true);
    const samen = d.opleidingen.filter((o) => o.periodes[0].samenwerkendeOnderwijsaanbiedercodes.length);
    expect(samen.length).toBeGreaterThan(scale === 'national' ? 50 : 0);
    const codes = new Set(d.aanbieders.map((a) => a.code));
    expect(samen.every((o) => o.soort === 'BO' && o.periodes[0].samenwerkendeOnderwijsaanbiedercodes.every((c) => codes.has(c) && c !== o.onderwijsaanbiedercode))).toBe(true);
    if (scale === 'national') expect(d.opleidingen.some((o) => o.afwijkendeOpleidingsduur?.eenheid === 'J')).toBe(true);
    expect(buildDataset(scale, 7).dataset).toEqual(d);
  });
});

describe('RIO seed: an overgang at every scale', () => {
  it.each(['small', 'national'] as const)('%s: 02AC went over from 100B001 to 100B002 on 2010-08-01, its aanbieder and locatiegebruik with it', (scale) => {
    const { dataset: d } = buildDataset(scale, 7);
    expect(d.overgangen.filter((o) => o.instellingscode === '02AC').map((o) => [o.vanOnderwijsbestuurcode, o.naarOnderwijsbestuurcode, o.overgangsdatum])).toEqual([['100B001', '100B002', '2010-08-01']]);
    const instelling = d.instellingen.find((i) => i.code === '02AC')!;
    expect(instelling.onderwijsbestuurcode).toBe('100B002');
    expect(instelling.besturen.map((b) => [b.onderwijsbestuurcode, b.begindatum, b.einddatum])).toEqual([['100B001', '2002-08-01', '2010-08-01'], ['100B002', '2010-08-01', null]]);
    const [overgang] = d.overgangen.filter((o) => o.instellingscode === '02AC');
    expect(overgang.onderwijsaanbiedercodes).toHaveLength(1);
    expect(d.aanbieders.find((a) => a.code === overgang.onderwijsaanbiedercodes[0])!.besturen.map((b) => b.onderwijsbestuurcode)).toEqual(['100B001', '100B002']);
    expect(overgang.onderwijslocatiecodes).toHaveLength(1);
    expect(d.gebruiken.filter((g) => g.onderwijslocatiecode === overgang.onderwijslocatiecodes[0]).map((g) => [g.onderwijsbestuurcode, g.uitBedrijfdatum])).toEqual([['100B001', '2010-08-01'], ['100B002', null]]);
  });
});
