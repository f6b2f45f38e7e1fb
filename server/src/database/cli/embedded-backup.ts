// `npm run db:backup -- <file>` / `npm run db:restore -- <file>`: the embedded database (PGlite in
// DATA_DIR) to and from one gzipped tarball. The API must be stopped: one process owns the folder.
// A PostgreSQL server is backed up with its own tools (pg_dump / pg_restore; see the README).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError } from '../../config/config-error';
import { loadConfig } from '../../config/load-config';
import { IN_MEMORY_DATA_DIR } from '../open-database';
import { PgliteDatabaseClient } from '../pglite-database-client';

async function main(): Promise<void> {
  const [command, file] = process.argv.slice(2);
  if ((command !== 'backup' && command !== 'restore') || !file) throw new ConfigError('usage: embedded-backup.ts backup|restore <file.tar.gz>');
  const config = loadConfig(process.env);
  if (config.databaseUrl) throw new ConfigError('DATABASE_URL is set: back up a PostgreSQL server with pg_dump, and restore it with pg_restore');
  if (config.dataDir === IN_MEMORY_DATA_DIR) throw new ConfigError('DATA_DIR=memory:// keeps nothing to back up');
  const target = resolve(file);
  if (command === 'backup') {
    const database = await PgliteDatabaseClient.open(config.dataDir);
    try {
      const dump = await database.dump('gzip');
      writeFileSync(target, Buffer.from(await dump.arrayBuffer()), { mode: 0o600 });
      process.stdout.write(`Backed up ${database.location} to ${target} (${dump.size} bytes)\n`);
    } finally {
      await database.close();
    }
    return;
  }
  if (existsSync(join(config.dataDir, 'pglite'))) {
    throw new ConfigError(`DATA_DIR ${config.dataDir} already holds a database: move ${join(config.dataDir, 'pglite')} aside first, or restore into another DATA_DIR`);
  }
  const database = await PgliteDatabaseClient.open(config.dataDir, { loadDataDir: new Blob([readFileSync(target)]) });
  try {
    await database.ping();
    process.stdout.write(`Restored ${target} into ${database.location}\n`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
