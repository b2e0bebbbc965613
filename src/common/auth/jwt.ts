import { createHmac, createPublicKey, timingSafeEqual, verify as verifySignature, KeyObject } from 'node:crypto';

const b64url = (buf: Buffer | string) => Buffer.from(buf).toString('base64url');

export interface JwtHeader {
  alg: string;
  typ?: string;
  kid?: string;
}

export class JwtError extends Error {}

export function signHs256(payload: Record<string, unknown>, secret: string): string {
  const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'at+jwt' }));
  const body = b64url(JSON.stringify(payload));
  const sig = createHmac('sha256', secret).update(`${header}.${body}`).digest('base64url');
  return `${header}.${body}.${sig}`;
}

export function decodeJwt(token: string): { header: JwtHeader; payload: Record<string, unknown>; signingInput: string; signature: Buffer } {
  const parts = token.split('.');
  if (parts.length !== 3) throw new JwtError('not a JWT');
  try {
    const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8')) as JwtHeader;
    const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Record<string, unknown>;
    if (!header || typeof header !== 'object' || !payload || typeof payload !== 'object') throw new Error();
    return { header, payload, signingInput: `${parts[0]}.${parts[1]}`, signature: Buffer.from(parts[2], 'base64url') };
  } catch {
    throw new JwtError('malformed JWT');
  }
}

/** Verifies an HS256 token signed by us and its time claims; returns the payload. */
export function verifyHs256(token: string, secret: string, nowSeconds: number): Record<string, unknown> {
  const { header, payload, signingInput, signature } = decodeJwt(token);
  if (header.alg !== 'HS256') throw new JwtError('unexpected algorithm');
  const expected = createHmac('sha256', secret).update(signingInput).digest();
  if (expected.length !== signature.length || !timingSafeEqual(expected, signature)) throw new JwtError('bad signature');
  checkTimes(payload, nowSeconds);
  return payload;
}

/** Checks a verified payload's time claims (exp, nbf with 30 s of leeway) at `now`; returns the payload. */
export function checkTimes(payload: Record<string, unknown>, now: number): Record<string, unknown> {
  if (typeof payload.exp !== 'number' || payload.exp <= now) throw new JwtError('token expired');
  if (typeof payload.nbf === 'number' && payload.nbf > now + 30) throw new JwtError('token not yet valid');
  return payload;
}

const ASYMMETRIC: Record<string, { hash: string; dsaEncoding?: 'ieee-p1363' }> = {
  RS256: { hash: 'sha256' },
  PS256: { hash: 'sha256' },
  ES256: { hash: 'sha256', dsaEncoding: 'ieee-p1363' },
};

export function publicKeyFrom(pem: string): KeyObject {
  return createPublicKey(pem);
}

/** Verifies a client assertion (private_key_jwt, RFC 7523) signed with the client's registered key. */
export function verifyAssertion(token: string, key: KeyObject, nowSeconds: number): Record<string, unknown> {
  const { header, payload, signingInput, signature } = decodeJwt(token);
  const alg = ASYMMETRIC[header.alg];
  if (!alg) throw new JwtError(`algorithm ${header.alg} is not accepted; use RS256, PS256 or ES256`);
  const ok = verifySignature(
    alg.hash,
    Buffer.from(signingInput),
    header.alg === 'PS256' ? { key, padding: 6 /* RSA_PKCS1_PSS_PADDING */, saltLength: 32 } : { key, dsaEncoding: alg.dsaEncoding },
    signature,
  );
  if (!ok) throw new JwtError('bad signature');
  checkTimes(payload, nowSeconds);
  return payload;
}
