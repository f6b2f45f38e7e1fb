import { ConfigError } from './config-error';
import { loadConfig } from './load-config';

describe('loadConfig', () => {
  it('gives the contract defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 5000,
      webPort: 3000,
      corsOrigins: ['http://localhost:3000'],
      jwtTtlSeconds: 900,
      refreshTtlSeconds: 2_592_000,
      streamTokenTtlSeconds: 21_600,
      bcryptRounds: 10,
      catalogSize: 100,
      publicUrl: 'http://localhost:5000',
    });
  });

  it('makes a random secret per process in development', () => {
    expect(loadConfig({}).jwtSecret).not.toEqual(loadConfig({}).jwtSecret);
    expect(loadConfig({}).jwtSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses to start in production without JWT_SECRET, saying why', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(new ConfigError('JWT_SECRET is required when NODE_ENV=production: set it to a random string of at least 32 characters'));
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(/at least 32 characters/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 's'.repeat(32) }).jwtSecret).toBe('s'.repeat(32));
  });

  it.each([
    ['JWT_TTL_SECONDS', 'abc'],
    ['JWT_TTL_SECONDS', '-5'],
    ['JWT_TTL_SECONDS', '1.5'],
    ['PORT', '70000'],
    ['BCRYPT_ROUNDS', '3'],
    ['CATALOG_SIZE', '0'],
  ])('names the variable in one line when %s=%s', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^${name} must be a whole number`));
  });

  it('parses and checks CORS_ORIGINS', () => {
    expect(loadConfig({ CORS_ORIGINS: 'http://a.example, https://b.example:8443' }).corsOrigins).toEqual(['http://a.example', 'https://b.example:8443']);
    expect(() => loadConfig({ CORS_ORIGINS: 'not a url' })).toThrow(/^CORS_ORIGINS must be a comma list/);
    expect(() => loadConfig({ CORS_ORIGINS: 'http://a.example/' })).toThrow(/bare origins/);
  });
});
