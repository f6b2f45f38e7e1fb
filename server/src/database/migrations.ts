import { migrate as migrateNodePostgres } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseClient } from './database-client';

/**
 * The committed SQL migrations: beside this file in the source tree, and copied beside main.js in
 * the production build.
 */
export function migrationsFolder(): string {
  const candidates = [join(__dirname, 'migrations'), join(__dirname, 'database', 'migrations')];
  const found = candidates.find((candidate) => existsSync(join(candidate, 'meta', '_journal.json')));
  if (!found) throw new Error(`The database migrations are missing (looked in ${candidates.join(', ')})`);
  return found;
}

/** Applies every migration not yet applied, one instance at a time; already applied ones are skipped. */
export async function migrateDatabase(database: DatabaseClient): Promise<void> {
  const config = { migrationsFolder: migrationsFolder() };
  await database.exclusively(async (orm) => {
    if (database.kind === 'pglite') await migratePglite(orm as unknown as PgliteDatabase, config);
    else await migrateNodePostgres(orm as unknown as NodePgDatabase, config);
  });
}
