import { PGlite, PGliteOptions } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { accessSync, constants, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../config/config-error';
import { DatabaseClient } from './database-client';
import { Orm } from './orm';

const LOCK_FILE = 'pglite.lock';
/** Folders this process has open: PGlite must never open one folder twice. */
const openHere = new Set<string>();

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Claims `dataDir` for this process; PGlite has one connection and two processes on one folder would corrupt it. */
function claim(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx', mode: 0o600 });
      openHere.add(dataDir);
      return () => {
        openHere.delete(dataDir);
        try {
          if (readFileSync(path, 'utf8') === String(process.pid)) unlinkSync(path);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(path, 'utf8'));
      const heldHere = holder === process.pid && openHere.has(dataDir);
      if (heldHere || (holder !== process.pid && Number.isInteger(holder) && holder > 0 && isRunning(holder))) {
        throw new ConfigError(`DATA_DIR ${dataDir} is in use by another API process (pid ${holder}): stop it, or give this one its own DATA_DIR or a DATABASE_URL`);
      }
      // A process that died without letting go (kill -9): its claim is void.
      unlinkSync(path);
    }
  }
  throw new ConfigError(`DATA_DIR ${dataDir} could not be claimed: remove ${path} if no API process is running`);
}

function ensureWritable(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    accessSync(dataDir, constants.W_OK);
  } catch (error) {
    throw new ConfigError(`DATA_DIR ${dataDir} cannot be used (${(error as NodeJS.ErrnoException).code ?? String(error)}): set DATA_DIR to a folder this process may read and write, or set DATABASE_URL`);
  }
}

/** The embedded PostgreSQL: PGlite in `DATA_DIR/pglite`, or in memory when no folder is given (tests). */
export class PgliteDatabaseClient extends DatabaseClient {
  readonly kind = 'pglite' as const;
  private readonly drizzleOrm: Orm;

  private constructor(
    private readonly pglite: PGlite,
    readonly location: string,
    private readonly release: () => void,
  ) {
    super();
    this.drizzleOrm = drizzle({ client: pglite }) as unknown as Orm;
  }

  /** In `dataDir`, or in memory when none is given; `loadDataDir` starts it from a dump (see `dump`). */
  static async open(dataDir: string | undefined, options: Pick<PGliteOptions, 'loadDataDir'> = {}): Promise<PgliteDatabaseClient> {
    if (dataDir === undefined) {
      const pglite = new PGlite(options);
      await pglite.waitReady;
      return new PgliteDatabaseClient(pglite, 'memory', () => undefined);
    }
    ensureWritable(dataDir);
    const release = claim(dataDir);
    try {
      const folder = join(dataDir, 'pglite');
      const pglite = new PGlite(folder, options);
      await pglite.waitReady;
      return new PgliteDatabaseClient(pglite, folder, release);
    } catch (error) {
      release();
      throw error;
    }
  }

  protected get root(): Orm {
    return this.drizzleOrm;
  }

  /** One process owns the folder, and PGlite runs one statement at a time: holding it is already exclusive. */
  exclusively<T>(work: (orm: Orm) => Promise<T>): Promise<T> {
    return work(this.drizzleOrm);
  }

  /** The whole database as a tarball (gzip when asked), for backups and for starting copies quickly. */
  dump(compression: 'gzip' | 'none' = 'none'): Promise<Blob> {
    return this.pglite.dumpDataDir(compression);
  }

  async ping(): Promise<void> {
    await this.pglite.query('select 1');
  }

  async close(): Promise<void> {
    try {
      if (!this.pglite.closed) await this.pglite.close();
    } finally {
      this.release();
    }
  }
}
