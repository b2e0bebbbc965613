import { soContract } from './conversie';

describe('record 322 as the so contract (AanleverenInschrijvingSO)', () => {
  const so = { schoolsoort: '2', cluster: 4, soortOnderwijs: 'AUTISME', soortVerblijf: 'REGULIER', arrangement: null, uitstroomprofiel: 'ARBEIDSMARKT', beschikkingsnummer: 'TLV-2021-000042', tlvDatumBegin: '2021-08-23', tlvDatumEinde: null };

  it('the so part as sent, the toelaatbaarheidsverklaring with its dates', () => {
    expect(soContract(so)).toEqual({
      speciaalOnderwijs: { schoolsoort: '2', cluster: 4, soortOnderwijs: 'AUTISME', soortVerblijf: 'REGULIER', arrangement: null, uitstroomprofiel: 'ARBEIDSMARKT' },
      toelaatbaarheidsverklaring: [{ beschikkingsnummer: 'TLV-2021-000042', datumBegin: '2021-08-23' }],
    });
    expect(soContract({ ...so, tlvDatumEinde: '2023-07-31' }).toelaatbaarheidsverklaring).toEqual([{ beschikkingsnummer: 'TLV-2021-000042', datumBegin: '2021-08-23', datumEinde: '2023-07-31' }]);
  });

  it('no toelaatbaarheidsverklaring without both beschikkingsnummer and first day (ROD then judges cluster 3/4 with 291)', () => {
    expect(soContract({ ...so, beschikkingsnummer: null }).toelaatbaarheidsverklaring).toEqual([]);
    expect(soContract({ ...so, tlvDatumBegin: null }).toelaatbaarheidsverklaring).toEqual([]);
  });
});
