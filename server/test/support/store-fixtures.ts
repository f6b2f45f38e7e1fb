import { Logger } from '@nestjs/common';
import { readFileSync, writeFileSync } from 'node:fs';
import { seedCatalog } from '../../src/catalog/postgres-catalog.repository';
import { seedEpisodes } from '../../src/series/postgres-episode.repository';
import { migrateDatabase } from '../../src/database/migrations';
import { sql } from 'drizzle-orm';
import { DatabaseClient } from '../../src/database/database-client';
import { Orm } from '../../src/database/orm';
import { PgliteDatabaseClient } from '../../src/database/pglite-database-client';
import { createTestDatabase, postgresServerUnavailable } from './postgres-server';

export type StoreName = 'memory' | 'pglite' | 'postgres';
export const STORE_NAMES: readonly StoreName[] = ['memory', 'pglite', 'postgres'];

/** A store to run the app or a suite on: the environment that selects it, and a database to inject when the test made one. */
export interface StoreFixture {
  name: StoreName;
  env: Record<string, string>;
  /** An embedded database already migrated and seeded, to use instead of opening one. */
  database?: DatabaseClient;
  close(): Promise<void>;
}

const quiet = new Logger('TestTemplate');
quiet.log = () => undefined;
const templates = new Map<number, Promise<Blob>>();
/** The default template, made once per run by the global setup and left in a file for every worker. */
export const TEMPLATE_FILE_ENV = 'TEST_PGLITE_TEMPLATE';
const DEFAULT_CATALOG_SIZE = 100;

/** A new embedded database, migrated and seeded with `catalogSize` titles and their episodes, as a dump. */
async function buildTemplate(catalogSize: number): Promise<Blob> {
  const database = await PgliteDatabaseClient.open(undefined);
  try {
    await migrateDatabase(database);
    await seedCatalog(database.orm(), catalogSize, quiet);
    await seedEpisodes(database.orm());
    return await database.dump();
  } finally {
    await database.close();
  }
}

/** Writes the default template to `file`, for the global setup (creating a database costs seconds; loading a copy, well under one). */
export async function writeDefaultTemplate(file: string): Promise<void> {
  writeFileSync(file, Buffer.from(await (await buildTemplate(DEFAULT_CATALOG_SIZE)).arrayBuffer()));
}

/**
 * An embedded database migrated and seeded with `catalogSize` titles: the global setup's file for
 * the default size, else made once per test process.
 */
function pgliteTemplate(catalogSize: number): Promise<Blob> {
  let template = templates.get(catalogSize);
  if (!template) {
    const file = process.env[TEMPLATE_FILE_ENV];
    template = catalogSize === DEFAULT_CATALOG_SIZE && file ? Promise.resolve(new Blob([readFileSync(file)])) : buildTemplate(catalogSize);
    templates.set(catalogSize, template);
  }
  return template;
}

/**
 * One of this test process's embedded databases, lent to an app: it may run transactions and close
 * it as it likes, but closing only hands it back (the next test empties it instead of opening anew).
 */
class BorrowedDatabase extends DatabaseClient {
  readonly kind = 'pglite' as const;

  constructor(private readonly pooled: PgliteDatabaseClient) {
    super();
  }

  get location(): string {
    return this.pooled.location;
  }

  protected get root(): Orm {
    return this.pooled.orm();
  }

  exclusively<T>(work: (orm: Orm) => Promise<T>): Promise<T> {
    return this.pooled.exclusively(work);
  }

  ping(): Promise<void> {
    return this.pooled.ping();
  }

  async close(): Promise<void> {
    return undefined;
  }
}

const pooled = new Map<number, Promise<PgliteDatabaseClient>>();

/**
 * The embedded database for `catalogSize` titles, emptied of everything but the catalog: loading a
 * copy of the template takes a second or more on a busy machine, emptying one a few milliseconds.
 */
async function freshPglite(catalogSize: number): Promise<DatabaseClient> {
  let database = pooled.get(catalogSize);
  if (!database) {
    database = pgliteTemplate(catalogSize).then((template) => PgliteDatabaseClient.open(undefined, { loadDataDir: template }));
    pooled.set(catalogSize, database);
  }
  const client = await database;
  await client.orm().execute(sql`truncate table users, attempt_counters restart identity cascade`);
  return new BorrowedDatabase(client);
}

/** Closes this test file's embedded databases (the Jest setup does, after each file), so nothing keeps the process alive. */
export async function closePooledDatabases(): Promise<void> {
  const open = [...pooled.values()];
  pooled.clear();
  await Promise.all(open.map(async (database) => (await database).close()));
}

/** The store `TEST_STORE` names for the API tests: the embedded PostgreSQL unless told otherwise. */
export function defaultTestStore(): StoreName {
  const name = (process.env['TEST_STORE'] ?? 'pglite') as StoreName;
  if (!STORE_NAMES.includes(name)) throw new Error(`TEST_STORE must be one of ${STORE_NAMES.join(', ')} (got "${name}")`);
  return name;
}

export async function openStore(name: StoreName, catalogSize = 100): Promise<StoreFixture> {
  switch (name) {
    case 'memory':
      return { name, env: { STORE: 'memory' }, close: async () => undefined };
    case 'pglite': {
      const database = await freshPglite(catalogSize);
      return { name, env: { STORE: 'postgres', DATA_DIR: 'memory://' }, database, close: () => database.close() };
    }
    case 'postgres': {
      const unavailable = postgresServerUnavailable();
      if (unavailable) throw new Error(`The PostgreSQL server store is not available: ${unavailable}`);
      const database = await createTestDatabase();
      return { name, env: { STORE: 'postgres', DATABASE_URL: database.url }, close: () => database.drop() };
    }
  }
}
