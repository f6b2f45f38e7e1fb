import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it('picks the store: PostgreSQL by default (embedded unless DATABASE_URL), memory when asked', () => {
    expect(loadConfig({})).toMatchObject({ store: 'postgres', databaseUrl: undefined, dataDir: join(process.cwd(), '.data') });
    expect(loadConfig({ STORE: 'memory' }).store).toBe('memory');
    expect(loadConfig({ DATABASE_URL: 'postgres://app:pw@db.internal:6543/streaming' }).databaseUrl).toBe('postgres://app:pw@db.internal:6543/streaming');
    expect(loadConfig({ DATA_DIR: 'memory://' }).dataDir).toBe('memory://');
    expect(() => loadConfig({ STORE: 'mongo' })).toThrow(new ConfigError('STORE must be one of postgres, memory (got "mongo")'));
  });

  it.each([
    ['mysql://app:secret-pw@db/streaming', /scheme "mysql:"/],
    ['postgres://app:secret-pw@:5432/streaming', /could not be parsed|names no host/],
    ['not a url with secret-pw', /could not be parsed/],
  ])('refuses DATABASE_URL=%s in one line that never repeats the password', (url, reason) => {
    let message = '';
    try {
      loadConfig({ DATABASE_URL: url });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toMatch(/^DATABASE_URL must be a URL like postgres:\/\//);
    expect(message).toMatch(reason);
    expect(message).not.toContain('secret-pw');
  });

  it('reads the scale-out settings: Redis, trusted proxies, instances, media handed to the proxy', () => {
    const config = loadConfig({ REDIS_URL: 'redis://cache.internal:6380/2', TRUST_PROXY: 'loopback, 10.0.0.0/8', INSTANCE_ID: 'api-2', MEDIA_ACCEL_REDIRECT: '/_media/' });
    expect(config).toMatchObject({ redisUrl: 'redis://cache.internal:6380/2', trustProxy: ['loopback', '10.0.0.0/8'], instanceId: 'api-2', mediaAccelRedirect: '/_media/', instances: 1 });
    expect(loadConfig({})).toMatchObject({ redisUrl: undefined, trustProxy: undefined, mediaAccelRedirect: undefined });
    expect(() => loadConfig({ REDIS_URL: 'http://cache:6379' })).toThrow(/^REDIS_URL must be a URL like redis:\/\/localhost:6379 \(got the scheme "http:"\)$/);
    expect(() => loadConfig({ TRUST_PROXY: 'loopback, not-an-address' })).toThrow(/^TRUST_PROXY must be a comma list of proxy addresses/);
    expect(() => loadConfig({ MEDIA_ACCEL_REDIRECT: '_media' })).toThrow(/^MEDIA_ACCEL_REDIRECT must be a path that starts and ends with "\/"/);
  });

  it('lets several instances start only with a server database, Redis and shared secrets, saying in one line what is missing', () => {
    expect(() => loadConfig({ INSTANCES: '2' })).toThrow(
      new ConfigError('INSTANCES=2: instances that share the load need a PostgreSQL server, Redis and the same secrets; missing: DATABASE_URL, REDIS_URL, JWT_SECRET, STREAM_SECRET, CURSOR_SECRET'),
    );
    expect(() => loadConfig({ INSTANCES: '2', STORE: 'memory', DATABASE_URL: 'postgres://db/app', REDIS_URL: 'redis://cache', JWT_SECRET: 'j'.repeat(32), STREAM_SECRET: 's'.repeat(32), CURSOR_SECRET: 'c'.repeat(32) })).toThrow(
      /missing: STORE=postgres \(not memory\)$/,
    );
    const shared = { INSTANCES: '2', DATABASE_URL: 'postgres://db/app', REDIS_URL: 'redis://cache', JWT_SECRET: 'j'.repeat(32), STREAM_SECRET: 's'.repeat(32), CURSOR_SECRET: 'c'.repeat(32) };
    expect(loadConfig(shared).instances).toBe(2);
  });

  describe('secrets kept in DATA_DIR', () => {
    let dataDir: string;

    beforeEach(() => {
      dataDir = mkdtempSync(join(tmpdir(), 'config-secrets-'));
    });

    afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

    it('are generated once, readable by the owner only, and the same on the next start', () => {
      const first = loadConfig({ DATA_DIR: dataDir }, { persistSecrets: true });
      const file = join(dataDir, 'secrets.json');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const second = loadConfig({ DATA_DIR: dataDir }, { persistSecrets: true });
      for (const key of ['jwtSecret', 'streamSecret', 'cursorSecret'] as const) {
        expect(second[key]).toBe(first[key]);
        expect(first[key].length).toBeGreaterThanOrEqual(32);
      }
      expect(new Set([first.jwtSecret, first.streamSecret, first.cursorSecret]).size).toBe(3);
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ JWT_SECRET: first.jwtSecret, STREAM_SECRET: first.streamSecret, CURSOR_SECRET: first.cursorSecret });
    });

    it('give way to the environment, which is never written to disk', () => {
      const config = loadConfig({ DATA_DIR: dataDir, JWT_SECRET: 'from-the-environment-from-the-environment' }, { persistSecrets: true });
      expect(config.jwtSecret).toBe('from-the-environment-from-the-environment');
      expect(readFileSync(join(dataDir, 'secrets.json'), 'utf8')).not.toContain('from-the-environment');
    });

    it('are not kept for the memory store or without asking', () => {
      loadConfig({ DATA_DIR: dataDir, STORE: 'memory' }, { persistSecrets: true });
      loadConfig({ DATA_DIR: dataDir });
      expect(() => statSync(join(dataDir, 'secrets.json'))).toThrow();
    });

    it('name DATA_DIR in one line when it cannot be written', () => {
      chmodSync(dataDir, 0o500);
      const blocked = join(dataDir, 'inner');
      if (process.getuid?.() === 0) {
        // root writes anywhere: a file where the folder should be blocks it just the same.
        writeFileSync(blocked, 'not a folder');
      }
      expect(() => loadConfig({ DATA_DIR: blocked }, { persistSecrets: true })).toThrow(/^DATA_DIR .*inner cannot be used \(E[A-Z]+\)/);
      chmodSync(dataDir, 0o700);
    });

    it('refuses a damaged secrets file rather than silently signing everyone out', () => {
      writeFileSync(join(dataDir, 'secrets.json'), '{ not json');
      expect(() => loadConfig({ DATA_DIR: dataDir }, { persistSecrets: true })).toThrow(/secrets file .* is not valid JSON/);
    });
  });
});
