import { bsnMetControlecijfer, isGeldigBsn, isGeldigOnderwijsnummer, onderwijsnummerVoor } from './pgn';

describe('persoonsgebonden nummer checks', () => {
  it('accepts the spec examples of a BSN and rejects a changed digit', () => {
    expect(isGeldigBsn('111222333')).toBe(true);
    expect(isGeldigBsn('123456782')).toBe(true);
    expect(isGeldigBsn('123456781')).toBe(false);
    expect(isGeldigBsn('000000000')).toBe(false);
    expect(isGeldigBsn('12345678')).toBe(false);
  });

  it('accepts the spec examples of an onderwijsnummer', () => {
    for (const on of ['100000004', '100000016', '101222331']) expect(isGeldigOnderwijsnummer(on)).toBe(true);
    expect(isGeldigOnderwijsnummer('100000005')).toBe(false);
    expect(isGeldigOnderwijsnummer('200000004')).toBe(false);
  });

  it('no number passes both checks', () => {
    for (let n = 0; n < 2000; n++) {
      const on = onderwijsnummerVoor(n);
      if (on) {
        expect(isGeldigOnderwijsnummer(on)).toBe(true);
        expect(isGeldigBsn(on)).toBe(false);
      }
    }
  });

  it('completes 8 digits into a valid BSN when a check digit exists', () => {
    const bsn = bsnMetControlecijfer('11122233');
    expect(bsn).toBe('111222333');
    let made = 0;
    for (let i = 10000000; i < 10000100; i++) {
      const b = bsnMetControlecijfer(String(i));
      if (b) {
        made++;
        expect(isGeldigBsn(b)).toBe(true);
      }
    }
    expect(made).toBeGreaterThan(80);
  });
});
