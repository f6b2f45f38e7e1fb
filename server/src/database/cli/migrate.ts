// `npm run db:migrate`: brings the configured database (DATABASE_URL, else the embedded one in
// DATA_DIR) up to the committed migrations. The API does the same at start; this is for doing it
// ahead of a deploy, and for seeing where a database stands.
import { sql } from 'drizzle-orm';
import { ConfigError } from '../../config/config-error';
import { loadConfig } from '../../config/load-config';
import { StartupError } from '../../config/startup-error';
import { DatabaseClient } from '../database-client';
import { openDatabase } from '../open-database';
import { rowsOf } from '../orm';

async function appliedCount(database: DatabaseClient): Promise<number> {
  const [row] = await rowsOf<{ applied: number }>(database.orm(), sql`select count(*)::int as applied from drizzle.__drizzle_migrations`);
  return row?.applied ?? 0;
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  if (config.store === 'memory') throw new ConfigError('STORE=memory has no database to migrate');
  const database = await openDatabase(config);
  try {
    process.stdout.write(`${database.location}: ${await appliedCount(database)} migrations applied, schema up to date\n`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof StartupError;
  process.stderr.write(`${known ? (error as Error).message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
