import { BUILT_IN_JWT_SECRET, ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('gives defaults for an empty environment', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.SEED_ON_START).toBe(true);
  });

  it('converts numbers and booleans', () => {
    const c = loadConfig({ PORT: '8080', SEED_ON_START: 'false', DATABASE_URL: 'postgres://u@h/db' });
    expect(c.PORT).toBe(8080);
    expect(c.SEED_ON_START).toBe(false);
    expect(c.DATABASE_URL).toBe('postgres://u@h/db');
  });

  it('lists every wrong variable at once', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', JWT_SECRET: 'short', LOG_LEVEL: 'loud', SEED_ON_START: 'maybe' });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const vars = error!.problems.map((p) => p.split('=')[0]);
    expect(new Set(vars)).toEqual(new Set(['PORT', 'DATABASE_URL', 'JWT_SECRET', 'LOG_LEVEL', 'SEED_ON_START']));
    expect(error!.message).toContain('JWT_SECRET');
  });

  it('outside development refuses the built-in JWT secret, and creates demo clients only when asked', () => {
    expect(loadConfig({}).DEMO_CLIENTS).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).JWT_SECRET).toBe(BUILT_IN_JWT_SECRET);
    for (const env of [{ NODE_ENV: 'production' }, { NODE_ENV: 'production', JWT_SECRET: BUILT_IN_JWT_SECRET }, { NODE_ENV: 'staging' }]) {
      expect(() => loadConfig(env)).toThrow(/JWT_SECRET: the built-in signing key is public/);
    }
    const prod = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) });
    expect(prod.DEMO_CLIENTS).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), DEMO_CLIENTS: 'true' }).DEMO_CLIENTS).toBe(true);
    expect(loadConfig({ DEMO_CLIENTS: 'false' }).DEMO_CLIENTS).toBe(false);
  });

  it('never prints a secret in its complaint', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({ JWT_SECRET: 'kort-geheim', BEHEER_CLIENT_SECRET: 'ook-kort' });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error!.problems.map((p) => p.split('=')[0]).sort()).toEqual(['BEHEER_CLIENT_SECRET', 'JWT_SECRET']);
    expect(error!.message).not.toMatch(/kort-geheim|ook-kort/);
  });
});
