/**
 * A value per key, read at most once at a time and kept for `ttlMs` from the moment its read began: requests that find it
 * stale together share one read instead of each sending its own. `forget` drops the value, and a read that began before it
 * never fills the cache afterwards, so a change made through this instance is seen by the next request at once.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; at: number }>();
  private readonly loading = new Map<string, Promise<V>>();
  private readonly generations = new Map<string, number>();

  constructor(private readonly ttlMs: number) {}

  get(key: string, load: () => Promise<V>): Promise<V> {
    const entry = this.entries.get(key);
    if (entry && Date.now() - entry.at < this.ttlMs) return Promise.resolve(entry.value);
    const underway = this.loading.get(key);
    if (underway) return underway;
    const generation = this.generations.get(key) ?? 0;
    const at = Date.now();
    const promise = load()
      .then((value) => {
        if ((this.generations.get(key) ?? 0) === generation) this.entries.set(key, { value, at });
        return value;
      })
      .finally(() => {
        if (this.loading.get(key) === promise) this.loading.delete(key);
      });
    this.loading.set(key, promise);
    return promise;
  }

  forget(key: string): void {
    this.entries.delete(key);
    this.loading.delete(key);
    this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
  }
}
