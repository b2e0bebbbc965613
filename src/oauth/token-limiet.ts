/**
 * Rate limit of the token endpoint per client id (a token bucket per id, known or not, so the answer does not tell
 * which ids exist): `burst` requests at once, refilled at `perMinuut`. In memory per instance; the oldest buckets are
 * dropped beyond `maxIds`, so random ids cannot grow it without bound.
 */
export class TokenLimiet {
  private readonly emmers = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly burst: number,
    private readonly perMinuut: number,
    private readonly maxIds = 10_000,
    private readonly nu: () => number = Date.now,
  ) {}

  /** Takes one request for this id: 0 when allowed, else the seconds until the next one is (for Retry-After). */
  neem(id: string): number {
    const t = this.nu();
    const e = this.emmers.get(id);
    const tokens = e ? Math.min(this.burst, e.tokens + ((t - e.at) / 60_000) * this.perMinuut) : this.burst;
    this.emmers.delete(id);
    if (tokens < 1) {
      this.emmers.set(id, { tokens, at: t });
      return Math.max(1, Math.ceil(((1 - tokens) * 60) / this.perMinuut));
    }
    this.emmers.set(id, { tokens: tokens - 1, at: t });
    if (this.emmers.size > this.maxIds) this.emmers.delete(this.emmers.keys().next().value as string);
    return 0;
  }
}
