import { badgeSvg, htmlRapport, junitXml, RunRapport, totalen } from './rapport';

const gevallen = [
  { nummer: 'PG01', titel: 'Eén', instructie: 'Doe iets', uitslag: 'GESLAAGD' as const, reden: 'ok', uitwisselingen: ['1'], details: [{ id: '1', tijdstip: '2026-01-01T00:00:00Z', methode: 'POST', pad: '/rod/v1/x', status: 201, codes: [] }] },
  { nummer: 'PG02', titel: 'Twee <b>', instructie: 'Doe meer', uitslag: 'MISLUKT' as const, reden: 'kapot & "fout"', uitwisselingen: ['2'], details: [{ id: '2', tijdstip: '2026-01-01T00:00:01Z', methode: 'POST', pad: '/rod/v1/y', status: 422, codes: ['afgekeurd'] }] },
  { nummer: 'PG03', titel: 'Drie', instructie: 'Nog meer', uitslag: 'NIET_GEPROBEERD' as const, reden: 'niets', uitwisselingen: [], details: [] },
];
const rapport: RunRapport = { runId: 'r1', sandbox: 'ci', clientId: 'las-alfa', catalogusVersie: '2026.1', gestartOp: '2026-01-01T00:00:00Z', afgerondOp: null, status: 'LOPEND', totalen: totalen(gevallen), gevallen };

describe('reports', () => {
  it('JUnit: a failure per failed case with its reason and exchanges, skipped for not attempted, text escaped', () => {
    const x = junitXml(rapport);
    expect(x).toContain('tests="3" failures="1" skipped="1"');
    expect(x).toContain('<failure message="kapot &amp; &quot;fout&quot;" type="PG02">#2 POST /rod/v1/y → 422 [afgekeurd]</failure>');
    expect(x).toContain('<skipped message="niets"/>');
    expect(x).toContain('name="PG02 Twee &lt;b&gt;"');
  });

  it('HTML lists every case and escapes', () => {
    const h = htmlRapport(rapport);
    for (const g of gevallen) expect(h).toContain(`id="${g.nummer}"`);
    expect(h).toContain('Twee &lt;b&gt;');
    expect(h).toContain('1 geslaagd, 1 mislukt, 1 niet geprobeerd');
  });

  it('the badge says passed of total, red when a case failed', () => {
    const s = badgeSvg(rapport);
    expect(s).toContain('1/3 geslaagd');
    expect(s).toContain('#cf222e');
  });
});
