import { Logger } from '@nestjs/common';
import { drizzle } from 'drizzle-orm/node-postgres';
import { Client, Pool } from 'pg';
import { StartupError } from '../config/startup-error';
import { setTimeout as sleep } from 'node:timers/promises';
import { describeDatabaseError, isDatabaseUnavailable } from './database-unavailable';
import { DatabaseClient } from './database-client';
import { Orm } from './orm';

/** Any fixed number: the advisory lock that migrations and seeding take, so instances starting together take turns. */
const START_LOCK_KEY = 0x5f2e_a11;

export interface PostgresOptions {
  url: string;
  poolSize: number;
  /** How long start-up keeps trying to connect before it gives up. */
  startTimeoutSeconds: number;
}

/** host:port/database of a DATABASE_URL: enough to find the server, never the password. */
export function describeDatabaseUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname || '/'}`;
}

/** A PostgreSQL server through a `pg` pool. Broken connections are dropped and replaced on demand, so service resumes by itself. */
export class PostgresDatabaseClient extends DatabaseClient {
  readonly kind = 'postgres' as const;
  private readonly logger = new Logger('Database');
  private readonly drizzleOrm: Orm;
  private lastPoolWarning = 0;

  private constructor(
    private readonly pool: Pool,
    readonly location: string,
    private readonly url: string,
  ) {
    super();
    this.drizzleOrm = drizzle({ client: pool }) as unknown as Orm;
    // An idle connection the server drops (a restart, an outage) must not take the process with it.
    pool.on('error', (error) => {
      if (Date.now() - this.lastPoolWarning < 10_000) return;
      this.lastPoolWarning = Date.now();
      this.logger.warn(`PostgreSQL connection lost: ${describeDatabaseError(error)}`);
    });
  }

  /** Connects, retrying while the server is unreachable for up to `startTimeoutSeconds`; a refusal (bad password, no such database) fails at once. */
  static async connect(options: PostgresOptions): Promise<PostgresDatabaseClient> {
    const location = describeDatabaseUrl(options.url);
    const pool = new Pool({
      connectionString: options.url,
      max: options.poolSize,
      // A request waits this long for a connection, then gets 503 rather than hanging.
      connectionTimeoutMillis: 3_000,
      idleTimeoutMillis: 30_000,
      statement_timeout: 15_000,
      query_timeout: 20_000,
      application_name: 'streaming-api',
    });
    const client = new PostgresDatabaseClient(pool, location, options.url);
    const deadline = Date.now() + options.startTimeoutSeconds * 1000;
    let delay = 250;
    for (;;) {
      try {
        await client.ping();
        return client;
      } catch (error) {
        if (!isDatabaseUnavailable(error) || Date.now() + delay > deadline) {
          await pool.end().catch(() => undefined);
          const waited = isDatabaseUnavailable(error) ? ` after trying for ${options.startTimeoutSeconds} s` : '';
          throw new StartupError(`Cannot use PostgreSQL at ${location} (DATABASE_URL)${waited}: ${describeDatabaseError(error)}`);
        }
        await sleep(delay);
        delay = Math.min(delay * 2, 2_000);
      }
    }
  }

  protected get root(): Orm {
    return this.drizzleOrm;
  }

  async exclusively<T>(work: (orm: Orm) => Promise<T>): Promise<T> {
    const connection = await this.pool.connect();
    try {
      await connection.query('select pg_advisory_lock($1)', [START_LOCK_KEY]);
      try {
        return await work(drizzle({ client: connection }) as unknown as Orm);
      } finally {
        await connection.query('select pg_advisory_unlock($1)', [START_LOCK_KEY]);
      }
    } finally {
      connection.release();
    }
  }

  async ping(): Promise<void> {
    await this.pool.query('select 1');
  }

  /**
   * LISTENs on `channel` over a connection of its own, reconnecting after losses (every 0.25 to 2 s)
   * and calling `reconnected` each time it listens again, since notifications sent meanwhile are
   * gone. Resolves once listening; the function it returns stops.
   */
  async listen(channel: string, notified: (payload: string) => void, reconnected: () => void): Promise<() => Promise<void>> {
    let stopped = false;
    let current: Client | undefined;
    const connect = async (): Promise<void> => {
      const client = new Client({ connectionString: this.url, connectionTimeoutMillis: 3_000, application_name: 'streaming-api:listen' });
      client.on('notification', (message) => {
        if (message.channel === channel && message.payload !== undefined) notified(message.payload);
      });
      client.on('error', () => undefined);
      await client.connect();
      await client.query(`listen "${channel.replace(/"/g, '""')}"`);
      current = client;
      client.once('end', () => {
        if (stopped) return;
        this.logger.warn(`Lost the LISTEN connection for ${channel}; reconnecting`);
        void retry();
      });
    };
    const retry = async (): Promise<void> => {
      for (let delay = 250; !stopped; delay = Math.min(delay * 2, 2_000)) {
        await new Promise((wake) => setTimeout(wake, delay).unref());
        try {
          await connect();
          reconnected();
          return;
        } catch {
          // Still away: try again after a longer pause.
        }
      }
    };
    await connect();
    return async () => {
      stopped = true;
      await current?.end().catch(() => undefined);
    };
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
