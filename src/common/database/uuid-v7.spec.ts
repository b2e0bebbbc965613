import { uuidV7 } from './uuid-v7';

describe('uuidV7', () => {
  it('is a version 7, RFC 9562 variant UUID carrying the time in its first 48 bits', () => {
    const id = uuidV7(Date.UTC(2026, 0, 2, 3, 4, 5, 678));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.UTC(2026, 0, 2, 3, 4, 5, 678));
  });

  it('sorts by time and differs within the same millisecond', () => {
    const a = uuidV7(1_700_000_000_000);
    const b = uuidV7(1_700_000_000_001);
    expect(a < b).toBe(true);
    const zelfde = new Set(Array.from({ length: 1000 }, () => uuidV7(1_700_000_000_000)));
    expect(zelfde.size).toBe(1000);
  });
});
