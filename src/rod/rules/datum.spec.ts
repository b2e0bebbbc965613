import { beginSchooljaar, dagenTussen, isDatum, isOnvolledigeDatum, laatsteDatum, plusDagen, plusJaren, vroegsteDatum } from './datum';

describe('dates', () => {
  it('accepts real dates only', () => {
    expect(isDatum('2024-02-29')).toBe(true);
    expect(isDatum('2023-02-29')).toBe(false);
    expect(isDatum('2023-13-01')).toBe(false);
    expect(isDatum('2023-1-01')).toBe(false);
  });

  it('accepts partial dates with 00 for unknown parts', () => {
    expect(isOnvolledigeDatum('2016-00-00')).toBe(true);
    expect(isOnvolledigeDatum('2016-05-00')).toBe(true);
    expect(isOnvolledigeDatum('2016-05-31')).toBe(true);
    expect(isOnvolledigeDatum('2016-00-12')).toBe(false);
    expect(isOnvolledigeDatum('2016-02-30')).toBe(false);
  });

  it('gives the earliest and latest date a partial date stands for', () => {
    expect(vroegsteDatum('2016-00-00')).toBe('2016-01-01');
    expect(laatsteDatum('2016-00-00')).toBe('2016-12-31');
    expect(vroegsteDatum('2016-02-00')).toBe('2016-02-01');
    expect(laatsteDatum('2016-02-00')).toBe('2016-02-29');
    expect(laatsteDatum('2016-02-10')).toBe('2016-02-10');
  });

  it('adds years, moving 29 February to 1 March', () => {
    expect(plusJaren('2016-02-29', 4)).toBe('2020-02-29');
    expect(plusJaren('2016-02-29', 1)).toBe('2017-03-01');
    expect(plusJaren('2018-06-15', 4)).toBe('2022-06-15');
  });

  it('counts days and finds the schooljaar', () => {
    expect(plusDagen('2024-12-31', 1)).toBe('2025-01-01');
    expect(dagenTussen('2024-01-01', '2024-01-09')).toBe(8);
    expect(beginSchooljaar('2024-07-31')).toBe('2023-08-01');
    expect(beginSchooljaar('2024-08-01')).toBe('2024-08-01');
  });
});
