import { controleerOrganisatierelaties } from '../rules/organisatierelaties';
import { binnenLevensduur, controleerPeriodes } from '../rules/periodes';
import { buildDataset } from './rio-seed';

describe('RIO seed: onderwijsaanbiedergroepen and organisatierelaties of both kinds at every scale, valid and deterministic', () => {
  it.each(['small', 'national'] as const)('%s', (scale) => {
    const { dataset: d, tellers } = buildDataset(scale, 7);
    const levens = new Map([...d.besturen, ...d.aanbieders, ...d.groepen].map((e) => [e.code, e]));
    expect(d.groepen.slice(0, 2).map((g) => [g.code, g.onderwijsbestuurcode, g.inBedrijfdatum, g.uitBedrijfdatum, g.onderwijsaanbieders.map((l) => l.onderwijsaanbiedercode)])).toEqual([
      ['100G001', '100B001', '2004-08-01', '2020-08-01', ['100A001', '100A002']],
      ['100G002', '100B001', '2020-08-01', null, ['100A001', '100A002', '100A003']],
    ]);
    expect(tellers.G).toBe(d.groepen.length);
    if (scale === 'national') expect(d.groepen.length).toBeGreaterThan(10);
    for (const g of d.groepen) {
      expect(controleerPeriodes(g.periodes, g)).toEqual([]);
      expect(g.onderwijsaanbieders.every((l) => binnenLevensduur(l, g) && binnenLevensduur(l, levens.get(l.onderwijsaanbiedercode)!))).toBe(true);
    }
    expect(new Set(d.organisatierelaties.map((r) => r.soort))).toEqual(new Set(['HIERARCHISCH', 'OVERGANG']));
    expect(controleerOrganisatierelaties(d.organisatierelaties, [], (c) => levens.get(c))).toEqual([]);
    expect(buildDataset(scale, 7).dataset.organisatierelaties).toEqual(d.organisatierelaties);
  });
});
