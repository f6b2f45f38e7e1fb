import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';

/** The Redis the shared-state suites use; each app they start gets a key prefix of its own there. */
export const TEST_REDIS_URL = process.env['TEST_REDIS_URL'] || 'redis://127.0.0.1:6379';
/** Set by the global setup when Redis cannot be reached (never under CI, where that fails the run). */
export const REDIS_UNAVAILABLE_ENV = 'TEST_REDIS_UNAVAILABLE';

export function redisUnavailable(): string | undefined {
  return process.env[REDIS_UNAVAILABLE_ENV] || undefined;
}

/** A prefix no other test run uses, so runs sharing one Redis never see each other's keys or messages. */
export function uniqueRedisPrefix(): string {
  return `test:${process.pid}:${randomBytes(4).toString('hex')}:`;
}

export async function probeRedis(): Promise<string | undefined> {
  const client = new Redis(TEST_REDIS_URL, { lazyConnect: true, connectTimeout: 3_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    return undefined;
  } catch (error) {
    return `TEST_REDIS_URL (${TEST_REDIS_URL}) cannot be reached: ${(error as Error).message}`;
  } finally {
    client.disconnect();
  }
}
