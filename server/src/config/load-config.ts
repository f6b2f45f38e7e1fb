import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { AppConfig } from './app-config';
import { ConfigError } from './config-error';

type Env = Record<string, string | undefined>;

const MIN_PRODUCTION_SECRET_LENGTH = 32;
/** Relative to the workspace root, where every npm script runs. */
const DEFAULT_MEDIA_DIR = 'server/media';

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

function jwtSecret(env: Env, nodeEnv: string): string {
  const secret = env['JWT_SECRET'];
  if (secret !== undefined && secret !== '') {
    if (nodeEnv === 'production' && secret.length < MIN_PRODUCTION_SECRET_LENGTH) {
      throw new ConfigError(`JWT_SECRET must be at least ${MIN_PRODUCTION_SECRET_LENGTH} characters in production`);
    }
    return secret;
  }
  if (nodeEnv === 'production') {
    throw new ConfigError('JWT_SECRET is required when NODE_ENV=production: set it to a random string of at least 32 characters');
  }
  // Development: a fresh secret per process, so tokens from an earlier run simply stop working.
  return randomBytes(32).toString('base64url');
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
export function loadConfig(env: Env): AppConfig {
  const nodeEnv = env['NODE_ENV']?.trim() || 'development';
  const port = integer(env, 'PORT', 5000, 1, 65535);
  return new AppConfig({
    nodeEnv,
    port,
    webPort: integer(env, 'WEB_PORT', 3000, 1, 65535),
    corsOrigins: origins(env, 'CORS_ORIGINS', 'http://localhost:3000'),
    jwtSecret: jwtSecret(env, nodeEnv),
    jwtTtlSeconds: integer(env, 'JWT_TTL_SECONDS', 900, 1, 86_400),
    refreshTtlSeconds: integer(env, 'REFRESH_TTL_SECONDS', 2_592_000, 60, 31_536_000),
    streamTokenTtlSeconds: integer(env, 'STREAM_TOKEN_TTL_SECONDS', 21_600, 1, 604_800),
    bcryptRounds: integer(env, 'BCRYPT_ROUNDS', 10, 4, 15),
    catalogSize: integer(env, 'CATALOG_SIZE', 100, 1, 1_000_000),
    loginMaxAttemptsPerAddress: integer(env, 'LOGIN_MAX_ATTEMPTS_PER_ADDRESS', 30, 1, 1_000_000),
    loginAddressWindowSeconds: integer(env, 'LOGIN_ADDRESS_WINDOW_SECONDS', 60, 1, 86_400),
    loginMaxFailuresPerAccount: integer(env, 'LOGIN_MAX_FAILURES_PER_ACCOUNT', 5, 1, 1_000_000),
    loginAccountWindowSeconds: integer(env, 'LOGIN_ACCOUNT_WINDOW_SECONDS', 900, 1, 86_400),
    mediaDir: resolve(env['MEDIA_DIR']?.trim() || DEFAULT_MEDIA_DIR),
    publicUrl: publicUrl(env, port),
    logRequests: (env['LOG_REQUESTS'] ?? (env['NODE_ENV'] === 'test' ? 'false' : 'true')) !== 'false',
  });
}
