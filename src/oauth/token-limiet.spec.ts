import { TokenLimiet } from './token-limiet';

describe('token endpoint rate limit per client id', () => {
  it('allows a burst, then answers the seconds to wait, and refills over time', () => {
    let nu = 0;
    const l = new TokenLimiet(3, 60, 100, () => nu);
    expect([l.neem('a'), l.neem('a'), l.neem('a')]).toEqual([0, 0, 0]);
    expect(l.neem('a')).toBe(1);
    expect(l.neem('b')).toBe(0);
    nu += 1000;
    expect(l.neem('a')).toBe(0);
    expect(l.neem('a')).toBeGreaterThanOrEqual(1);
    nu += 60_000;
    expect([l.neem('a'), l.neem('a'), l.neem('a'), l.neem('a')]).toEqual([0, 0, 0, 1]);
  });

  it('keeps at most maxIds buckets, dropping the least recently used', () => {
    const l = new TokenLimiet(1, 1, 2, () => 0);
    l.neem('a');
    l.neem('b');
    l.neem('c');
    expect(l.neem('a')).toBe(0);
    expect(l.neem('c')).toBeGreaterThan(0);
  });
});
