import { generateKeyPairSync, sign } from 'node:crypto';
import { decodeJwt, JwtError, publicKeyFrom, signHs256, verifyAssertion, verifyHs256 } from './jwt';
import { hashSecret, verifySecret } from './secret-hash';

const now = 1_800_000_000;

describe('HS256 access tokens', () => {
  const secret = 'x'.repeat(40);

  it('round-trips claims', () => {
    const t = signHs256({ sub: 'a', exp: now + 60 }, secret);
    expect(verifyHs256(t, secret, now)).toEqual({ sub: 'a', exp: now + 60 });
  });

  it('rejects a wrong key, a changed payload and an expired token', () => {
    const t = signHs256({ sub: 'a', exp: now + 60 }, secret);
    expect(() => verifyHs256(t, 'y'.repeat(40), now)).toThrow(JwtError);
    const [h, , s] = t.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ sub: 'admin', exp: now + 60 })).toString('base64url')}.${s}`;
    expect(() => verifyHs256(forged, secret, now)).toThrow('bad signature');
    expect(() => verifyHs256(t, secret, now + 61)).toThrow('token expired');
  });

  it('rejects alg=none and garbage', () => {
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"exp":9999999999}').toString('base64url')}.`;
    expect(() => verifyHs256(none, secret, now)).toThrow(JwtError);
    expect(() => decodeJwt('nope')).toThrow(JwtError);
  });
});

describe('private_key_jwt assertions', () => {
  const assertion = (alg: string, key: Parameters<typeof sign>[2], payload: object) => {
    const input = `${Buffer.from(JSON.stringify({ alg })).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
    return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
  };

  it('accepts RS256 and ES256 signed by the registered key, and nothing else', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const payload = { iss: 'c', sub: 'c', exp: now + 60 };
    const rsaPub = publicKeyFrom(rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString());
    expect(verifyAssertion(assertion('RS256', rsa.privateKey, payload), rsaPub, now)).toEqual(payload);
    const ecJwt = assertion('ES256', { key: ec.privateKey, dsaEncoding: 'ieee-p1363' }, payload);
    expect(verifyAssertion(ecJwt, publicKeyFrom(ec.publicKey.export({ type: 'spki', format: 'pem' }).toString()), now)).toEqual(payload);
    expect(() => verifyAssertion(ecJwt, rsaPub, now)).toThrow(JwtError);
    expect(() => verifyAssertion(assertion('HS256', rsa.privateKey, payload), rsaPub, now)).toThrow('not accepted');
  });
});

describe('secret hashing', () => {
  it('verifies the right secret only, with a salt per hash', async () => {
    const a = await hashSecret('geheim');
    const b = await hashSecret('geheim');
    expect(a).not.toBe(b);
    expect(a).not.toContain('geheim');
    expect(await verifySecret('geheim', a)).toBe(true);
    expect(await verifySecret('Geheim', a)).toBe(false);
    expect(await verifySecret('geheim', 'plain$text')).toBe(false);
  });
});
