import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Which addresses a webhook may point at (WEBHOOK_PRIVATE_TARGETS). On a shared instance a subscription must not make
 * the simulator call into its own network: link-local and cloud metadata (169.254.169.254, fd00:ec2::254), private
 * ranges, loopback. `none`: public addresses only; `loopback` (default, for local development and test receivers on
 * 127.0.0.1): public and loopback; `private`: anything.
 */
export type PrivateDoelen = 'none' | 'loopback' | 'private';
export const PRIVATE_DOELEN: PrivateDoelen[] = ['none', 'loopback', 'private'];

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** Not public: unspecified, private, shared (CGNAT), link-local and metadata, benchmarking, documentation, multicast, reserved. */
const nietPubliek = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  nietPubliek.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  nietPubliek.addSubnet(net, prefix, 'ipv6');
}

/** Whether one IP address may be a webhook target under the setting. */
export function adresToegestaan(adres: string, niveau: PrivateDoelen): boolean {
  if (niveau === 'private') return true;
  // An IPv4-mapped IPv6 address is judged as the IPv4 address it carries.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(adres);
  const ip = mapped ? mapped[1] : adres;
  const type = isIP(ip) === 4 ? 'ipv4' : isIP(ip) === 6 ? 'ipv6' : null;
  if (!type) return false;
  if (loopback.check(ip, type)) return niveau === 'loopback';
  return !nietPubliek.check(ip, type);
}

/**
 * Resolves the URL's host and judges every address it has: null when allowed, else why not. A host that does not
 * resolve (yet) is allowed here; the delivery checks again before every POST.
 */
export async function webhookDoelFout(url: string, niveau: PrivateDoelen, resolve: (host: string) => Promise<string[]> = resolveAll): Promise<string | null> {
  if (niveau === 'private') return null;
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
  } catch {
    return 'not a URL';
  }
  let adressen: string[];
  if (isIP(host)) adressen = [host];
  else {
    try {
      adressen = await resolve(host);
    } catch {
      return null;
    }
  }
  const verboden = adressen.filter((a) => !adresToegestaan(a, niveau));
  return verboden.length ? `${host} resolves to ${verboden.join(', ')}, which is not a public address; WEBHOOK_PRIVATE_TARGETS is ${niveau}` : null;
}

async function resolveAll(host: string): Promise<string[]> {
  return (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
}
