import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Header of every webhook delivery: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>` (Stripe's scheme). */
export const HANDTEKENING_HEADER = 'ROD-Signature';

/** A new subscription secret: 32 random bytes, shown to the vendor once. */
export function nieuwGeheim(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

export function handtekening(geheim: string, tijdstip: number, body: string): string {
  return createHmac('sha256', geheim).update(`${tijdstip}.${body}`).digest('hex');
}

export function handtekeningHeader(geheim: string, tijdstip: number, body: string): string {
  return `t=${tijdstip},v1=${handtekening(geheim, tijdstip, body)}`;
}

/**
 * What a receiver does: parse the header, recompute the HMAC over the raw body, compare in constant time,
 * and refuse a timestamp older than the tolerance (replay). Any v1 may match (during a secret rotation there are two).
 */
export function verifieer(header: string | undefined, geheim: string, body: string, nuSeconden = Math.floor(Date.now() / 1000), toleratieSeconden = 300): boolean {
  if (!header) return false;
  const delen = header.split(',').map((d) => d.trim().split('=') as [string, string]);
  const t = Number(delen.find(([k]) => k === 't')?.[1]);
  if (!Number.isInteger(t) || Math.abs(nuSeconden - t) > toleratieSeconden) return false;
  const verwacht = Buffer.from(handtekening(geheim, t, body), 'hex');
  return delen
    .filter(([k, v]) => k === 'v1' && /^[0-9a-f]{64}$/.test(v ?? ''))
    .some(([, v]) => timingSafeEqual(Buffer.from(v, 'hex'), verwacht));
}
