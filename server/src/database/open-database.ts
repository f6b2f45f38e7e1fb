import { AppConfig } from '../config/app-config';
import { DatabaseClient } from './database-client';
import { migrateDatabase } from './migrations';
import { PgliteDatabaseClient } from './pglite-database-client';
import { PostgresDatabaseClient } from './postgres-database-client';

/** `DATA_DIR=memory://` keeps the embedded database in memory: for tests that need PostgreSQL but nothing on disk. */
export const IN_MEMORY_DATA_DIR = 'memory://';

/** Connects to the configured PostgreSQL (server or embedded) and brings its schema up to date. */
export async function openDatabase(config: AppConfig): Promise<DatabaseClient> {
  const database = config.databaseUrl
    ? await PostgresDatabaseClient.connect({ url: config.databaseUrl, poolSize: config.databasePoolSize, startTimeoutSeconds: config.databaseStartTimeoutSeconds })
    : await PgliteDatabaseClient.open(config.dataDir === IN_MEMORY_DATA_DIR ? undefined : config.dataDir);
  try {
    await migrateDatabase(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}
