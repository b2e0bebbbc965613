import { createHmac } from 'node:crypto';
import { handtekeningHeader, nieuwGeheim, verifieer } from './handtekening';

describe('webhook signature', () => {
  const geheim = 'whsec_test';
  const body = '{"id":"1"}';

  it('is HMAC-SHA256 over "t.body" in hex', () => {
    const expected = createHmac('sha256', geheim).update(`1700000000.${body}`).digest('hex');
    expect(handtekeningHeader(geheim, 1700000000, body)).toBe(`t=1700000000,v1=${expected}`);
  });

  it('verifies the right secret and body within the tolerance', () => {
    const h = handtekeningHeader(geheim, 1700000000, body);
    expect(verifieer(h, geheim, body, 1700000100)).toBe(true);
    expect(verifieer(h, 'whsec_other', body, 1700000100)).toBe(false);
    expect(verifieer(h, geheim, body + ' ', 1700000100)).toBe(false);
    expect(verifieer(h, geheim, body, 1700000301)).toBe(false);
    expect(verifieer(undefined, geheim, body)).toBe(false);
    expect(verifieer('t=x,v1=zz', geheim, body)).toBe(false);
  });

  it('makes a fresh secret every time', () => {
    expect(nieuwGeheim()).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(nieuwGeheim()).not.toBe(nieuwGeheim());
  });
});
