import { adresToegestaan, webhookDoelFout } from './webhook-doel';

describe('webhook targets (WEBHOOK_PRIVATE_TARGETS)', () => {
  it('refuses link-local, metadata and private addresses unless private targets are allowed', () => {
    for (const a of ['169.254.169.254', 'fd00:ec2::254', 'fe80::1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '100.64.0.1', '0.0.0.0', '::', '::ffff:169.254.169.254', '224.0.0.1']) {
      expect([a, adresToegestaan(a, 'none'), adresToegestaan(a, 'loopback')]).toEqual([a, false, false]);
      expect(adresToegestaan(a, 'private')).toBe(true);
    }
  });

  it('allows loopback only from level loopback, and public addresses always', () => {
    for (const a of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1']) {
      expect([a, adresToegestaan(a, 'none'), adresToegestaan(a, 'loopback')]).toEqual([a, false, true]);
    }
    for (const a of ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946', '172.32.0.1']) expect([a, adresToegestaan(a, 'none')]).toEqual([a, true]);
    expect(adresToegestaan('not-an-ip', 'loopback')).toBe(false);
  });

  it('judges every address a host name resolves to', async () => {
    const dns = (map: Record<string, string[]>) => async (h: string) => {
      if (!map[h]) throw new Error('ENOTFOUND');
      return map[h];
    };
    const resolve = dns({ 'las.example.nl': ['93.184.216.34'], 'rebind.example.nl': ['93.184.216.34', '169.254.169.254'], localhost: ['127.0.0.1', '::1'] });
    expect(await webhookDoelFout('https://las.example.nl/hook', 'none', resolve)).toBeNull();
    expect(await webhookDoelFout('https://rebind.example.nl/hook', 'loopback', resolve)).toContain('169.254.169.254');
    expect(await webhookDoelFout('http://localhost:8080/hook', 'loopback', resolve)).toBeNull();
    expect(await webhookDoelFout('http://localhost:8080/hook', 'none', resolve)).toContain('127.0.0.1');
    expect(await webhookDoelFout('http://[fe80::1]/hook', 'loopback', resolve)).toContain('fe80::1');
    expect(await webhookDoelFout('http://169.254.169.254/latest/meta-data', 'loopback', resolve)).toContain('169.254.169.254');
    expect(await webhookDoelFout('http://unknown.example.nl/hook', 'none', resolve)).toBeNull();
    expect(await webhookDoelFout('http://10.0.0.1/hook', 'private', resolve)).toBeNull();
  });
});
