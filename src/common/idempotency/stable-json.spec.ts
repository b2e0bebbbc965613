import fc from 'fast-check';
import { stableStringify } from './stable-json';

/** The definition: keys sorted, undefined values left out, every item and value in turn. */
function reference(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  const entries = Object.keys(value as object)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${reference((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

describe('stableStringify', () => {
  it('sorts keys at every level and leaves undefined values out', () => {
    expect(stableStringify({ b: 1, a: { d: [2, { z: null, y: 'x' }], c: undefined } })).toBe('{"a":{"d":[2,{"y":"x","z":null}]},"b":1}');
    expect(stableStringify({ b: 1, a: 2 })).toBe(stableStringify({ a: 2, b: 1 }));
  });

  it('gives the same text as its definition for any value (hashes stored earlier still match)', () => {
    fc.assert(
      fc.property(fc.anything({ withSparseArray: true, withNullPrototype: true, withObjectString: true, withDate: true }), (v) => {
        expect(stableStringify(v)).toBe(reference(v));
      }),
      { numRuns: 3000 },
    );
  });
});
