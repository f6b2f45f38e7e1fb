import { hostname } from 'node:os';
import { resolve } from 'node:path';
import proxyAddr from 'proxy-addr';
import { AppConfig } from './app-config';
import { ConfigError } from './config-error';
import { persistedSecrets, randomSecret } from './persisted-secrets';

type Env = Record<string, string | undefined>;

const MIN_PRODUCTION_SECRET_LENGTH = 32;
/** Relative to the workspace root, where every npm script runs. */
const DEFAULT_MEDIA_DIR = 'server/media';
const DEFAULT_DATA_DIR = '.data';
/** Secrets the server signs with, by environment variable. */
const SECRET_NAMES = ['JWT_SECRET', 'STREAM_SECRET', 'CURSOR_SECRET'] as const;
type SecretName = (typeof SECRET_NAMES)[number];

export interface LoadConfigOptions {
  /**
   * Keep secrets the environment does not give in DATA_DIR, generated once, so a restart signs
   * nobody out (the server's entry point). Otherwise they are random per process (tests).
   */
  persistSecrets?: boolean;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const text = raw.trim();
  if (!/^\d+$/.test(text)) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  const value = Number(text);
  if (value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got ${value})`);
  }
  return value;
}

function origins(env: Env, name: string, fallback: string): string[] {
  const list = (env[name] ?? fallback)
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  for (const origin of list) {
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      throw new ConfigError(`${name} must be a comma list of origins like http://localhost:3000 (got "${origin}")`);
    }
    if (parsed.origin !== origin) {
      throw new ConfigError(`${name} entries must be bare origins without a path or trailing slash (got "${origin}", did you mean "${parsed.origin}"?)`);
    }
  }
  return list;
}

function given(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

/** Secrets from the environment; those missing come from DATA_DIR (kept there once made) or are made per process. */
function secrets(env: Env, nodeEnv: string, keepIn: string | undefined): Record<SecretName, string> {
  const jwt = given(env, 'JWT_SECRET');
  if (nodeEnv === 'production') {
    if (jwt === undefined) throw new ConfigError('JWT_SECRET is required when NODE_ENV=production: set it to a random string of at least 32 characters');
    if (jwt.length < MIN_PRODUCTION_SECRET_LENGTH) throw new ConfigError(`JWT_SECRET must be at least ${MIN_PRODUCTION_SECRET_LENGTH} characters in production`);
  }
  const missing = SECRET_NAMES.filter((name) => given(env, name) === undefined);
  const kept = keepIn !== undefined && missing.length > 0 ? persistedSecrets(keepIn, missing) : {};
  const value = (name: SecretName) => given(env, name) ?? kept[name] ?? randomSecret();
  return { JWT_SECRET: value('JWT_SECRET'), STREAM_SECRET: value('STREAM_SECRET'), CURSOR_SECRET: value('CURSOR_SECRET') };
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) throw new ConfigError(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
  return raw as T;
}

/** A postgres:// URL, checked without ever echoing a password into the error. */
function databaseUrl(env: Env): string | undefined {
  const raw = env['DATABASE_URL']?.trim();
  if (raw === undefined || raw === '') return undefined;
  const hint = 'DATABASE_URL must be a URL like postgres://user:password@localhost:5432/streaming';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${hint} (the value given could not be parsed)`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') throw new ConfigError(`${hint} (got the scheme "${url.protocol}")`);
  if (url.hostname === '') throw new ConfigError(`${hint} (it names no host)`);
  return raw;
}

function redisUrl(env: Env): string | undefined {
  const raw = env['REDIS_URL']?.trim();
  if (raw === undefined || raw === '') return undefined;
  const hint = 'REDIS_URL must be a URL like redis://localhost:6379';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${hint} (the value given could not be parsed)`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw new ConfigError(`${hint} (got the scheme "${url.protocol}")`);
  return raw;
}

/** A comma list of proxy addresses, subnets or the names Express knows (loopback, linklocal, uniquelocal). */
function trustProxy(env: Env): string[] | undefined {
  const raw = env['TRUST_PROXY']?.trim();
  if (raw === undefined || raw === '') return undefined;
  const entries = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  try {
    proxyAddr.compile(entries);
  } catch (error) {
    throw new ConfigError(`TRUST_PROXY must be a comma list of proxy addresses, subnets, or loopback/linklocal/uniquelocal (${(error as Error).message})`);
  }
  return entries;
}

/** Instances that share state need a server database, Redis, and the same secrets: say in one line what is missing. */
function checkScaleOut(env: Env, instances: number, databaseUrlValue: string | undefined, redisUrlValue: string | undefined, store: string): void {
  if (instances <= 1) return;
  const missing = [
    ...(store === 'memory' ? ['STORE=postgres (not memory)'] : []),
    ...(databaseUrlValue === undefined ? ['DATABASE_URL'] : []),
    ...(redisUrlValue === undefined ? ['REDIS_URL'] : []),
    ...SECRET_NAMES.filter((name) => given(env, name) === undefined),
  ];
  if (missing.length > 0) {
    throw new ConfigError(`INSTANCES=${instances}: instances that share the load need a PostgreSQL server, Redis and the same secrets; missing: ${missing.join(', ')}`);
  }
}

function mediaAccelRedirect(env: Env): string | undefined {
  const raw = env['MEDIA_ACCEL_REDIRECT']?.trim();
  if (raw === undefined || raw === '') return undefined;
  if (!/^\/[A-Za-z0-9_/-]*\/$/.test(raw)) throw new ConfigError(`MEDIA_ACCEL_REDIRECT must be a path that starts and ends with "/", like /_media/ (got "${raw}")`);
  return raw;
}

function publicUrl(env: Env, port: number): string {
  const raw = env['PUBLIC_URL'];
  if (raw === undefined || raw.trim() === '') return `http://localhost:${port}`;
  try {
    const url = new URL(raw.trim());
    return url.origin + url.pathname.replace(/\/+$/, '');
  } catch {
    throw new ConfigError(`PUBLIC_URL must be an absolute URL like http://localhost:5000 (got "${raw}")`);
  }
}

/** Reads and validates the environment once; throws a ConfigError naming the first bad variable. */
export function loadConfig(env: Env, options: LoadConfigOptions = {}): AppConfig {
  const nodeEnv = env['NODE_ENV']?.trim() || 'development';
  const port = integer(env, 'PORT', 5000, 1, 65535);
  const store = oneOf(env, 'STORE', ['postgres', 'memory'] as const, 'postgres');
  const dataDirValue = env['DATA_DIR']?.trim() || DEFAULT_DATA_DIR;
  // memory:// keeps the embedded database in memory (tests); anything else is a folder.
  const dataDir = dataDirValue === 'memory://' ? dataDirValue : resolve(dataDirValue);
  const databaseUrlValue = databaseUrl(env);
  const redisUrlValue = redisUrl(env);
  const instances = integer(env, 'INSTANCES', 1, 1, 256);
  checkScaleOut(env, instances, databaseUrlValue, redisUrlValue, store);
  const secretValues = secrets(env, nodeEnv, options.persistSecrets && store === 'postgres' && dataDir !== 'memory://' ? dataDir : undefined);
  return new AppConfig({
    nodeEnv,
    port,
    webPort: integer(env, 'WEB_PORT', 3000, 1, 65535),
    corsOrigins: origins(env, 'CORS_ORIGINS', 'http://localhost:3000'),
    jwtSecret: secretValues.JWT_SECRET,
    streamSecret: secretValues.STREAM_SECRET,
    cursorSecret: secretValues.CURSOR_SECRET,
    jwtTtlSeconds: integer(env, 'JWT_TTL_SECONDS', 900, 1, 86_400),
    refreshTtlSeconds: integer(env, 'REFRESH_TTL_SECONDS', 2_592_000, 60, 31_536_000),
    refreshGraceSeconds: integer(env, 'REFRESH_GRACE_SECONDS', 10, 0, 60),
    streamTokenTtlSeconds: integer(env, 'STREAM_TOKEN_TTL_SECONDS', 21_600, 1, 604_800),
    bcryptRounds: integer(env, 'BCRYPT_ROUNDS', 10, 4, 15),
    hashQueueMaxWaitMs: integer(env, 'HASH_QUEUE_MAX_WAIT_MS', 3000, 0, 60_000),
    catalogSize: integer(env, 'CATALOG_SIZE', 100, 1, 1_000_000),
    loginMaxAttemptsPerAddress: integer(env, 'LOGIN_MAX_ATTEMPTS_PER_ADDRESS', 30, 1, 1_000_000),
    loginAddressWindowSeconds: integer(env, 'LOGIN_ADDRESS_WINDOW_SECONDS', 60, 1, 86_400),
    signupMaxPerAddress: integer(env, 'SIGNUP_MAX_PER_ADDRESS', 20, 1, 1_000_000),
    signupAddressWindowSeconds: integer(env, 'SIGNUP_ADDRESS_WINDOW_SECONDS', 3600, 1, 86_400),
    loginMaxFailuresPerAccount: integer(env, 'LOGIN_MAX_FAILURES_PER_ACCOUNT', 5, 1, 1_000_000),
    loginAccountWindowSeconds: integer(env, 'LOGIN_ACCOUNT_WINDOW_SECONDS', 900, 1, 86_400),
    mediaDir: resolve(env['MEDIA_DIR']?.trim() || DEFAULT_MEDIA_DIR),
    publicUrl: publicUrl(env, port),
    store,
    databaseUrl: databaseUrlValue,
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', 10, 1, 1000),
    databaseStartTimeoutSeconds: integer(env, 'DATABASE_START_TIMEOUT_SECONDS', 30, 0, 3600),
    dataDir,
    redisUrl: redisUrlValue,
    redisPrefix: env['REDIS_PREFIX']?.trim() || 'streaming:',
    trustProxy: trustProxy(env),
    instances,
    instanceId: env['INSTANCE_ID']?.trim() || `${hostname()}:${process.pid}`,
    mediaAccelRedirect: mediaAccelRedirect(env),
    logRequests: (env['LOG_REQUESTS'] ?? (env['NODE_ENV'] === 'test' ? 'false' : 'true')) !== 'false',
  });
}
