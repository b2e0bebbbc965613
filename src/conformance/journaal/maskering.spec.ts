import { Maskering } from './maskering';

describe('Maskering', () => {
  const m = new Maskering('k'.repeat(32));
  const sandbox = '5b1f8a52-3c3b-4c8e-9d1f-2f1d0e4b6a11';

  it('masks person numbers under their fields and as bare nine-digit strings, keeping ids and other values', () => {
    const uit = m.waarde(sandbox, {
      persoonsgebondenNummer: { burgerservicenummer: '999990019' },
      onderwijsnummer: '100000028',
      opmerking: '999990020',
      inschrijvingId: '0e1d2c3b-0000-4999-8999-123456789012',
      groep: '3',
      lijst: [{ bsn: 999990032 }],
    }) as Record<string, any>;
    const txt = JSON.stringify(uit);
    for (const n of ['999990019', '100000028', '999990020', '999990032']) expect(txt).not.toContain(n);
    expect(uit.persoonsgebondenNummer.burgerservicenummer).toMatch(/^\*{5}019#[0-9a-f]{10}$/);
    expect(uit.inschrijvingId).toBe('0e1d2c3b-0000-4999-8999-123456789012');
    expect(uit.groep).toBe('3');
  });

  it('masks JSON text the same way as the parsed value, leaving ids alone', () => {
    const waarde = { persoonsgebondenNummer: { burgerservicenummer: '999990019' }, opmerking: '999990020', id: '0e1d2c3b-0000-4999-8999-123456789012', lijst: [{ bsn: 999990032 }], n: 123456789 };
    const tekst = m.tekst(sandbox, JSON.stringify(waarde));
    expect(JSON.parse(tekst)).toEqual({ ...(m.waarde(sandbox, waarde) as object), n: 123456789 });
    for (const n of ['999990019', '999990020', '999990032']) expect(tekst).not.toContain(n);
  });

  it('gives one number the same mask within a sandbox and another in another sandbox', () => {
    expect(m.nummer(sandbox, '999990019')).toBe(m.nummer(sandbox, '999990019'));
    expect(m.nummer(sandbox, '999990019')).not.toBe(m.nummer(sandbox, '999990020'));
    expect(m.nummer('other', '999990019')).not.toBe(m.nummer(sandbox, '999990019'));
  });
});
