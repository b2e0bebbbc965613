import { TtlCache } from './ttl-cache';

describe('TtlCache', () => {
  it('shares one read between requests that find the value stale together, and keeps it for the ttl', async () => {
    const cache = new TtlCache<number>(60_000);
    let reads = 0;
    const load = async () => {
      reads++;
      await new Promise((r) => setTimeout(r, 10));
      return reads;
    };
    const values = await Promise.all(Array.from({ length: 20 }, () => cache.get('s', load)));
    expect(values).toEqual(Array(20).fill(1));
    expect(await cache.get('s', load)).toBe(1);
    expect(reads).toBe(1);
    expect(await cache.get('other', load)).toBe(2);
  });

  it('reads again after the ttl', async () => {
    const cache = new TtlCache<number>(5);
    let reads = 0;
    const load = async () => ++reads;
    expect(await cache.get('s', load)).toBe(1);
    await new Promise((r) => setTimeout(r, 15));
    expect(await cache.get('s', load)).toBe(2);
  });

  it('after forget, reads anew; a read that began before it does not fill the cache', async () => {
    const cache = new TtlCache<string>(60_000);
    let release!: () => void;
    const slow = cache.get('s', () => new Promise<string>((r) => (release = () => r('before'))));
    cache.forget('s');
    const fresh = cache.get('s', async () => 'after');
    release();
    expect(await slow).toBe('before');
    expect(await fresh).toBe('after');
    expect(await cache.get('s', async () => 'third')).toBe('after');
  });

  it('a failed read is not kept', async () => {
    const cache = new TtlCache<number>(60_000);
    await expect(cache.get('s', async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('s', async () => 7)).toBe(7);
  });
});
