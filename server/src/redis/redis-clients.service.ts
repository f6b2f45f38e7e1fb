import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import Redis, { RedisOptions } from 'ioredis';
import { AppConfig } from '../config/app-config';

/** One warning this often at most while Redis is out of reach. */
const OUTAGE_LOG_INTERVAL_MS = 10_000;

function describe(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' && !message.includes(code) ? `${code} ${message}` : message;
}

/**
 * The connections to Redis when REDIS_URL is set: one for commands, which fail at once while Redis
 * is away (callers fall back to what they can do alone) rather than queueing; and one subscriber,
 * made on first use, which resubscribes by itself when Redis comes back.
 */
@Injectable()
export class RedisClients implements OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  private lastOutageLog = 0;
  readonly commands?: Redis;
  private subscriberConnection?: Redis;

  constructor(private readonly config: AppConfig) {
    if (config.redisUrl) this.commands = this.connect('commands', { enableOfflineQueue: false });
  }

  get configured(): boolean {
    return this.commands !== undefined;
  }

  /** Put before every key by the connection itself; SCAN patterns and the keys SCAN returns carry it in full. */
  get keyPrefix(): string {
    return this.config.redisPrefix;
  }

  /** The name of a channel, within this deployment's prefix (key names get it from the connection). */
  channel(name: string): string {
    return `${this.config.redisPrefix}${name}`;
  }

  /** Whether commands can be sent right now. */
  get ready(): boolean {
    return this.commands?.status === 'ready';
  }

  /** The subscriber connection (Redis wants one of its own for pub/sub). */
  subscriber(): Redis | undefined {
    if (!this.config.redisUrl) return undefined;
    this.subscriberConnection ??= this.connect('subscriber', { enableOfflineQueue: true });
    return this.subscriberConnection;
  }

  /** Logs that Redis failed a command, at most once per interval: the caller has fallen back already. */
  reportFailure(what: string, error: unknown): void {
    if (Date.now() - this.lastOutageLog < OUTAGE_LOG_INTERVAL_MS) return;
    this.lastOutageLog = Date.now();
    this.logger.warn(`Redis unavailable (${describe(error)}): ${what}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.commands, this.subscriberConnection].map((connection) => connection?.quit().catch(() => connection.disconnect())));
  }

  private connect(role: string, options: RedisOptions): Redis {
    const connection = new Redis(this.config.redisUrl as string, {
      ...options,
      connectionName: `streaming-api:${this.config.instanceId}:${role}`,
      keyPrefix: this.config.redisPrefix,
      connectTimeout: 2_000,
      commandTimeout: 1_000,
      maxRetriesPerRequest: 0,
      // Keep trying, never faster than every 2 s: the instance serves on without Redis meanwhile.
      retryStrategy: (attempt) => Math.min(attempt * 250, 2_000),
    });
    connection.on('error', (error) => this.reportFailure(`the ${role} connection keeps retrying`, error));
    connection.on('ready', () => this.logger.log(`${role} connection ready`));
    return connection;
  }
}
