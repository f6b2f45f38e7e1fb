import { Logger } from '@nestjs/common';
import { seedCatalog } from '../../src/catalog/postgres-catalog.repository';
import { migrateDatabase } from '../../src/database/migrations';
import { PgliteDatabaseClient } from '../../src/database/pglite-database-client';
import { createTestDatabase, postgresServerUnavailable } from './postgres-server';

export type StoreName = 'memory' | 'pglite' | 'postgres';
export const STORE_NAMES: readonly StoreName[] = ['memory', 'pglite', 'postgres'];

/** A store to run the app or a suite on: the environment that selects it, and a database to inject when the test made one. */
export interface StoreFixture {
  name: StoreName;
  env: Record<string, string>;
  /** An embedded database already migrated and seeded, to use instead of opening one. */
  database?: PgliteDatabaseClient;
  close(): Promise<void>;
}

const quiet = new Logger('TestTemplate');
quiet.log = () => undefined;
const templates = new Map<number, Promise<Blob>>();

/**
 * An embedded database migrated and seeded with `catalogSize` titles, dumped once per test process:
 * a copy loads in about half a second, where creating one takes about two.
 */
function pgliteTemplate(catalogSize: number): Promise<Blob> {
  let template = templates.get(catalogSize);
  if (!template) {
    template = (async () => {
      const database = await PgliteDatabaseClient.open(undefined);
      try {
        await migrateDatabase(database);
        await seedCatalog(database.orm(), catalogSize, quiet);
        return await database.dump();
      } finally {
        await database.close();
      }
    })();
    templates.set(catalogSize, template);
  }
  return template;
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
      const database = await PgliteDatabaseClient.open(undefined, { loadDataDir: await pgliteTemplate(catalogSize) });
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
