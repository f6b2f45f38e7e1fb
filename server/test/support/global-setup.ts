import { dropAbandonedTestDatabases, probePostgresServer, SERVER_UNAVAILABLE_ENV } from './postgres-server';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { probeRedis, REDIS_UNAVAILABLE_ENV } from './redis-server';
import { TEMPLATE_FILE_ENV, writeDefaultTemplate } from './store-fixtures';

/**
 * Before the server's tests: finds out whether the suites that need a PostgreSQL server or Redis can
 * run. Without them they are skipped and this says so plainly; under CI (CI=true) a missing server
 * fails the run, since CI must test every store and the scale-out.
 */
export default async function globalSetup(): Promise<void> {
  // One embedded database migrated and seeded for the whole run; each test loads a copy.
  const template = join(tmpdir(), `streaming-test-template-${process.pid}.tar`);
  await writeDefaultTemplate(template);
  process.env[TEMPLATE_FILE_ENV] = template;
  const database = await probePostgresServer();
  const redis = await probeRedis();
  if (process.env['CI'] === 'true' && (database || redis)) throw new Error(`The PostgreSQL server and Redis suites must run under CI, but ${[database, redis].filter(Boolean).join('; ')}`);
  if (database === undefined) await dropAbandonedTestDatabases();
  else {
    process.env[SERVER_UNAVAILABLE_ENV] = database;
    process.stderr.write(
      `\n  NOT RUN: the PostgreSQL server store's suites (repository contracts, restart, kill and outage tests, scale-out across instances).\n  Why: ${database}.\n  Start PostgreSQL or set TEST_DATABASE_URL to run them; the memory and embedded (PGlite) stores are tested either way.\n\n`,
    );
  }
  if (redis !== undefined) {
    process.env[REDIS_UNAVAILABLE_ENV] = redis;
    process.stderr.write(`\n  NOT RUN: the Redis suites (shared sign-in counters, the end of logins across instances).\n  Why: ${redis}.\n  Start Redis or set TEST_REDIS_URL to run them.\n\n`);
  }
}
