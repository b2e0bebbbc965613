import { controleerKenmerken, kenmerkenStand } from './kenmerken';

const uit = (t: { code: string; veld?: string }[]) => t.map((x) => `${x.code}${x.veld}`);

describe('concept, experiment and VVE of an inschrijving', () => {
  it('valid values pass; stored sorted without doubles', () => {
    expect(controleerKenmerken({ pedagogischDidactischConcept: ['MONTESSORI', 'AGORA'], experiment: ['TWEETALIG_PRIMAIR_ONDERWIJS'], vveProgramma: 'PIRAMIDE' }, '2020-08-18', '1')).toEqual([]);
    expect(kenmerkenStand({ pedagogischDidactischConcept: ['MONTESSORI', 'AGORA', 'AGORA'] })).toEqual({ pedagogischDidactischConcept: ['AGORA', 'MONTESSORI'], experiment: [], vveProgramma: null });
  });

  it('046 for an unknown value and for one not valid on datumInschrijving (vanaf inclusive, tot exclusive)', () => {
    expect(uit(controleerKenmerken({ pedagogischDidactischConcept: ['AGORA'] }, '2014-07-31', '1'))).toEqual(['046_waardenlijst_fout/pedagogischDidactischConcept/0']);
    expect(controleerKenmerken({ pedagogischDidactischConcept: ['AGORA'] }, '2014-08-01', '1')).toEqual([]);
    expect(uit(controleerKenmerken({ experiment: ['TWEETALIG_PRIMAIR_ONDERWIJS', 'X'] }, '2024-08-01', '1'))).toEqual(['046_waardenlijst_fout/experiment/0', '046_waardenlijst_fout/experiment/1']);
    expect(uit(controleerKenmerken({ vveProgramma: 'IK_EN_KO' }, '2009-08-01', '1'))).toEqual(['046_waardenlijst_fout/vveProgramma']);
  });

  it('melding 235 for VVE outside groep 1–2', () => {
    expect(uit(controleerKenmerken({ vveProgramma: 'PIRAMIDE' }, '2025-08-18', '3'))).toEqual(['235_vve_buiten_groep_1_2/vveProgramma']);
    expect(controleerKenmerken({ vveProgramma: 'PIRAMIDE' }, '2025-08-18', '2')).toEqual([]);
  });
});
