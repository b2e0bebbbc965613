import { ConfigError, loadConfig } from './app-config';

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
});
