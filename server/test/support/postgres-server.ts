import { Client } from 'pg';

/** The PostgreSQL server the server-store suites use; each run makes its own database in it and drops it after. */
export const TEST_DATABASE_URL = process.env['TEST_DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/postgres';
/** Set by the global setup when the server cannot be reached (never under CI, where that fails the run). */
export const SERVER_UNAVAILABLE_ENV = 'TEST_POSTGRES_SERVER_UNAVAILABLE';
const DATABASE_PREFIX = 'streaming_test_';

/** Why the server-store suites do not run here, or undefined when they do. */
export function postgresServerUnavailable(): string | undefined {
  return process.env[SERVER_UNAVAILABLE_ENV] || undefined;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

let created = 0;

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A new, empty database on the test server, named after this process so a later run can clean up after a crash. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `${DATABASE_PREFIX}${process.pid}_${++created}_${Date.now().toString(36)}`;
  await admin((client) => client.query(`create database "${name}"`));
  return {
    url: withDatabase(TEST_DATABASE_URL, name),
    name,
    drop: () => admin((client) => client.query(`drop database if exists "${name}" with (force)`)).then(() => undefined),
  };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Drops test databases whose process is gone (a run killed before it could drop them). */
export async function dropAbandonedTestDatabases(): Promise<number> {
  return admin(async (client) => {
    const { rows } = await client.query<{ datname: string }>(`select datname from pg_database where datname like '${DATABASE_PREFIX}%'`);
    let dropped = 0;
    for (const { datname } of rows) {
      const pid = Number(datname.slice(DATABASE_PREFIX.length).split('_')[0]);
      if (Number.isInteger(pid) && !isRunning(pid)) {
        await client.query(`drop database if exists "${datname}" with (force)`);
        dropped++;
      }
    }
    return dropped;
  });
}

/** Whether the server answers; the reason when not. */
export async function probePostgresServer(): Promise<string | undefined> {
  const redacted = (() => {
    const url = new URL(TEST_DATABASE_URL);
    if (url.password) url.password = '***';
    return url.toString();
  })();
  try {
    await admin((client) => client.query('select 1'));
    return undefined;
  } catch (error) {
    const code = (error as { code?: string }).code;
    return `TEST_DATABASE_URL (${redacted}) cannot be reached: ${code ?? ''} ${(error as Error).message}`.replace(/\s+/g, ' ').trim();
  }
}
