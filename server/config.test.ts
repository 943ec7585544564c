import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('has working defaults: port 8080, SQLite under ./data', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 8080,
      publicUrl: 'http://localhost:8080',
      logLevel: 'info',
    });
    expect(config.database).toEqual({
      kind: 'sqlite',
      path: expect.stringMatching(/data\/parley\.sqlite$/),
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('uses PostgreSQL when DATABASE_URL says so', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://u@h/db',
    });
  });

  it('trims a trailing slash from PUBLIC_URL', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://c.example/' }).publicUrl).toBe('https://c.example');
  });

  it('loads the apps from the build unless DEV_SERVER_URL names a dev server (npm run dev)', () => {
    expect(loadConfig({}).devServerUrl).toBeUndefined();
    expect(loadConfig({ DEV_SERVER_URL: 'http://127.0.0.1:5173/' }).devServerUrl).toBe(
      'http://127.0.0.1:5173',
    );
    expect(() => loadConfig({ DEV_SERVER_URL: 'javascript:alert(1)' })).toThrow(/DEV_SERVER_URL/);
  });

  it('fails at boot naming every bad variable', () => {
    const attempt = () =>
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/PORT/);
    expect(attempt).toThrow(/DATABASE_URL/);
    expect(attempt).toThrow(/LOG_LEVEL/);
  });

  it('trusts no proxy by default: X-Forwarded-For is ignored', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
  });

  it('takes a hop count or the proxies’ addresses, as Express documents', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8' }).trustProxy).toEqual(['10.0.0.0/8']);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.5,2001:db8::/32' }).trustProxy).toEqual([
      'loopback',
      '10.0.0.5',
      '2001:db8::/32',
    ]);
  });

  it('refuses TRUST_PROXY=true at start, saying what to write instead', () => {
    const attempt = () => loadConfig({ TRUST_PROXY: 'true' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/TRUST_PROXY: .*any X-Forwarded-For/);
    expect(attempt).toThrow(/TRUST_PROXY=1/);
    expect(attempt).toThrow(/TRUST_PROXY=10\.0\.0\.0\/8/);
  });

  it('refuses an entry that is not an address, a range or a named range', () => {
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/8,proxy.internal' })).toThrow(
      /"proxy\.internal" is not a hop count, an IP address, a CIDR range/,
    );
    expect(() => loadConfig({ TRUST_PROXY: '99' })).toThrow(/at most 10/);
  });

  it('shares state through Redis only with a shared AUTH_SECRET, and refuses to start without one', () => {
    expect(() => loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(
      /AUTH_SECRET: must be set when REDIS_URL is set/,
    );
    expect(() => loadConfig({ REDIS_URL: 'http://redis' })).toThrow(
      /REDIS_URL: must be a redis:\/\//,
    );
    const config = loadConfig({ REDIS_URL: 'redis://r:6379', AUTH_SECRET: 'x'.repeat(32) });
    expect(config.redis).toEqual({ url: 'redis://r:6379', prefix: 'parley:' });
    expect(loadConfig({}).redis).toBeNull();
  });
});
