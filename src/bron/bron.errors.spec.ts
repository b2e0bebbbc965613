import { RodCode } from '../rod';
import { BronAfkeurcode } from './bron.errors';
import { VOLGNUMMER_DUBBEL } from './migraties/conversie';

const nummer = (code: string) => /^(\d{3})_[a-z0-9_]+$/.exec(code)?.[1];

describe("the migration's own reject codes", () => {
  it("never share a number with ROD's codes: a reject report lists both", () => {
    const rod = new Map(Object.values(RodCode).map((c) => [nummer(c), c]));
    expect(rod.size).toBe(Object.values(RodCode).length);
    for (const code of Object.values(BronAfkeurcode)) {
      expect(nummer(code)).toMatch(/^9\d\d$/);
      expect({ code, deelt: rod.get(nummer(code)) ?? null }).toEqual({ code, deelt: null });
    }
    expect(new Set(Object.values(BronAfkeurcode).map(nummer)).size).toBe(Object.values(BronAfkeurcode).length);
  });

  it('the conversion rejects a key twice in the files with its own code', () => {
    expect(VOLGNUMMER_DUBBEL).toBe('900_inschrijvingvolgnummer_dubbel_in_bron');
  });
});
