import { dropAbandonedTestDatabases, probePostgresServer, SERVER_UNAVAILABLE_ENV } from './postgres-server';

/**
 * Before the server's tests: finds out whether the PostgreSQL server suites can run. Without a server
 * they are skipped and this says so plainly; under CI (CI=true) a missing server fails the run, since
 * CI must test all three stores.
 */
export default async function globalSetup(): Promise<void> {
  const problem = await probePostgresServer();
  if (problem === undefined) {
    await dropAbandonedTestDatabases();
    return;
  }
  if (process.env['CI'] === 'true') throw new Error(`The PostgreSQL server suites must run under CI, but ${problem}`);
  process.env[SERVER_UNAVAILABLE_ENV] = problem;
  process.stderr.write(
    `\n  NOT RUN: the PostgreSQL server store's suites (repository contracts, restart, kill and outage tests on a server).\n  Why: ${problem}.\n  Start PostgreSQL or set TEST_DATABASE_URL to run them; the memory and embedded (PGlite) stores are tested either way.\n\n`,
  );
}
