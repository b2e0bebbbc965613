import { AANBIEDER_CODE, BESTUUR_CODE, BRIN4, BRIN6, formatRioCode, isValidRsin, LOCATIE_CODE, normalisePostcode, POSTCODE, rioCodeNumber, rsinFrom, vestigingHoortBijInstelling } from './identifiers';

describe('RIO identifiers', () => {
  it('accepts an RSIN that passes the 11-proef and rejects one that does not', () => {
    // 8·9 + 0·8 + … + 1·2 = 74; 74 − 8 = 66 = 6 × 11
    expect(isValidRsin('800000018')).toBe(true);
    expect(isValidRsin('111222333')).toBe(true); // 9+8+7+12+10+8+9+6 = 69; 69 − 3 = 66
    expect(isValidRsin('800000019')).toBe(false);
    expect(isValidRsin('111222334')).toBe(false);
  });

  it('rejects an RSIN that is not exactly nine digits, and all zeros', () => {
    for (const v of ['80000001', '8000000180', '80000001A', '', ' 800000018', '000000000']) expect(isValidRsin(v)).toBe(false);
  });

  it('completes eight digits to a valid RSIN, or null when the check digit would be 10', () => {
    expect(rsinFrom('80000001')).toBe('800000018');
    expect(rsinFrom('80000002')).toBeNull();
    for (let i = 0; i < 200; i++) {
      const r = rsinFrom(String(81000000 + i * 13));
      if (r) expect(isValidRsin(r)).toBe(true);
    }
  });

  it('renders allocated codes as nnnLnnn and reads the number back', () => {
    expect(formatRioCode('B', 1)).toBe('100B001');
    expect(formatRioCode('A', 999)).toBe('100A999');
    expect(formatRioCode('X', 1000)).toBe('101X000');
    expect(formatRioCode('A', 7123)).toBe('107A123');
    expect(rioCodeNumber('107A123')).toBe(7123);
    expect(() => formatRioCode('B', 0)).toThrow(RangeError);
  });

  it('checks the shapes of codes', () => {
    expect(BESTUUR_CODE.test('100B001')).toBe(true);
    expect(BESTUUR_CODE.test('100A001')).toBe(false);
    expect(AANBIEDER_CODE.test('110A133')).toBe(true);
    expect(LOCATIE_CODE.test('110X912')).toBe(true);
    expect(LOCATIE_CODE.test('110x912')).toBe(false);
    expect(BRIN4.test('25BE')).toBe(true);
    expect(BRIN4.test('25be')).toBe(false);
    expect(BRIN6.test('21AZ00')).toBe(true);
    expect(BRIN6.test('21AZ0')).toBe(false);
    expect(vestigingHoortBijInstelling('21AZ01', '21AZ')).toBe(true);
    expect(vestigingHoortBijInstelling('21AY01', '21AZ')).toBe(false);
  });

  it('normalises and checks postcodes', () => {
    expect(normalisePostcode('3581 aa')).toBe('3581AA');
    expect(POSTCODE.test('3581AA')).toBe(true);
    expect(POSTCODE.test('0581AA')).toBe(false);
  });
});
