import { contractFout, controleerSpeciaalOnderwijs, speciaalOnderwijsStand } from './speciaal-onderwijs';

const codes = (t: { code: string; veld?: string }[]) => t.map((x) => `${x.code}${x.veld}`).sort();

describe('so/vso contract rules (rod.md §4.3)', () => {
  it('the contract follows the RIO Instellingssoort: so/vso only at SPEC, bo only elsewhere; unknown BRIN4 left to 220', () => {
    expect(contractFout('SPEC', true, '02AC')).toEqual([]);
    expect(contractFout('BAS', false, '01AA')).toEqual([]);
    expect(contractFout('SBAS', false, '01AC')).toEqual([]);
    expect(contractFout('BAS', true, '01AA').map((x) => x.code)).toEqual(['290_contract_past_niet_bij_soort_school']);
    expect(contractFout('SPEC', false, '02AC').map((x) => x.code)).toEqual(['290_contract_past_niet_bij_soort_school']);
    expect(contractFout(null, true, '99ZZ')).toEqual([]);
  });

  it('a complete so and vso part passes', () => {
    expect(controleerSpeciaalOnderwijs({ schoolsoort: '1', cluster: 3, soortOnderwijs: 'MOEILIJK_LEREND' }, 1)).toEqual([]);
    expect(controleerSpeciaalOnderwijs({ schoolsoort: '2', cluster: 1, soortOnderwijs: 'VISUEEL_GEHANDICAPT', arrangement: 'LICHT', uitstroomprofiel: 'DAGBESTEDING' }, 0)).toEqual([]);
    expect(controleerSpeciaalOnderwijs({ schoolsoort: '1', cluster: 3, soortOnderwijs: 'EPILEPSIE', arrangement: 'INTENSIEF' }, 1)).toEqual([]);
    expect(speciaalOnderwijsStand({ schoolsoort: '2', cluster: 4, uitstroomprofiel: 'ARBEIDSMARKT' })).toEqual({
      schoolsoort: 'VSO', cluster: 4, soortOnderwijs: null, soortVerblijf: null, arrangement: null, uitstroomprofiel: 'ARBEIDSMARKT',
    });
  });

  it('code lists: 046 per field', () => {
    expect(codes(controleerSpeciaalOnderwijs({ schoolsoort: '3', cluster: 0, soortOnderwijs: 'X', soortVerblijf: 'Y', arrangement: 'Z', uitstroomprofiel: 'W' }, 0))).toEqual([
      '046_waardenlijst_fout/arrangement', '046_waardenlijst_fout/cluster', '046_waardenlijst_fout/schoolsoort', '046_waardenlijst_fout/soortOnderwijs',
      '046_waardenlijst_fout/soortVerblijf', '046_waardenlijst_fout/uitstroomprofiel',
    ]);
  });

  it('what each cluster and schoolsoort requires or forbids: 291–296', () => {
    expect(codes(controleerSpeciaalOnderwijs({ schoolsoort: '1', cluster: 4 }, 0))).toEqual(['291_tlv_ontbreekt/toelaatbaarheidsverklaring']);
    expect(codes(controleerSpeciaalOnderwijs({ schoolsoort: '1', cluster: 2 }, 0))).toEqual(['292_soort_onderwijs_ontbreekt/soortOnderwijs']);
    expect(codes(controleerSpeciaalOnderwijs({ schoolsoort: '1', cluster: 2, soortOnderwijs: 'AUTISME' }, 0))).toEqual(['293_soort_onderwijs_past_niet_bij_cluster/soortOnderwijs']);
    expect(codes(controleerSpeciaalOnderwijs({ schoolsoort: '2', cluster: 3 }, 1))).toEqual(['294_uitstroomprofiel_ontbreekt/uitstroomprofiel']);
    expect(codes(controleerSpeciaalOnderwijs({ schoolsoort: '1', cluster: 3, uitstroomprofiel: 'ARBEIDSMARKT' }, 1))).toEqual(['295_uitstroomprofiel_alleen_bij_vso/uitstroomprofiel']);
    expect(codes(controleerSpeciaalOnderwijs({ schoolsoort: '1', cluster: 4, arrangement: 'LICHT' }, 1))).toEqual(['296_arrangement_past_niet_bij_cluster/arrangement']);
  });
});
