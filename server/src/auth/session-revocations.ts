import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { RedisClients } from '../redis/redis-clients';

const CHANNEL_NAME = 'sessions:ended';
/** How long ending a login waits for every other instance to say it has forgotten it. */
const ACK_TIMEOUT_MS = 1_000;

interface EndedMessage {
  id: string;
  from: string;
  sessionIds: string[];
}

export interface RevocationHandlers {
  /** These logins ended: stop trusting anything remembered about them. */
  forget(sessionIds: string[]): void;
  /** Messages may have been missed: forget everything remembered. */
  forgetAll(): void;
}

/**
 * The end of logins, told to every instance. Each instance may remember live logins (so a request
 * need not ask the database); this is what makes them forget. With REDIS_URL the news goes out over
 * Redis pub/sub and `revoke` resolves only once every other subscribed instance has acknowledged it,
 * so when a sign-out answers, no instance accepts the old token. While the subscription is down,
 * remembering is not trusted at all (`trusted` is false) and every request asks the database.
 */
@Injectable()
export class SessionRevocations implements OnModuleInit {
  private readonly logger = new Logger('Sessions');
  private handlers?: RevocationHandlers;
  private subscribed = false;
  /** Revocations this instance sent, by message id: how many acknowledgements came, and how many are due once known. */
  private readonly channel: string;
  private readonly waiting = new Map<string, { received: number; expected?: number; done: () => void }>();

  constructor(
    private readonly redis: RedisClients,
    private readonly config: AppConfig,
  ) {
    this.channel = redis.channel(CHANNEL_NAME);
  }

  /** Whether what an instance remembers about logins may be used: always alone, only while subscribed with Redis. */
  get trusted(): boolean {
    return !this.redis.configured || this.subscribed;
  }

  register(handlers: RevocationHandlers): void {
    this.handlers = handlers;
  }

  async onModuleInit(): Promise<void> {
    const subscriber = this.redis.subscriber();
    if (!subscriber) return;
    const ackChannel = this.ackChannel(this.config.instanceId);
    subscriber.on('message', (channel, text) => {
      if (channel === this.channel) this.receive(text);
      else if (channel === ackChannel) this.acknowledged(text);
    });
    const distrust = () => {
      if (!this.subscribed) return;
      this.subscribed = false;
      this.handlers?.forgetAll();
      this.logger.warn('Lost the Redis subscription: every request checks its login in the database until it is back');
    };
    subscriber.on('close', distrust);
    subscriber.on('error', distrust);
    // ioredis subscribes again on every reconnect; trust starts over from an empty memory each time.
    subscriber.on('ready', () => void this.trustOnceSubscribed(subscriber, ackChannel));
    await this.trustOnceSubscribed(subscriber, ackChannel);
  }

  /** Forgets these logins here, then on every other instance; resolves once they have all said so (or a second has passed). */
  async revoke(sessionIds: string[]): Promise<void> {
    if (sessionIds.length === 0) return;
    this.handlers?.forget(sessionIds);
    const redis = this.redis.commands;
    if (!redis) return;
    const message: EndedMessage = { id: randomBytes(9).toString('base64url'), from: this.config.instanceId, sessionIds };
    try {
      const acknowledged = new Promise<void>((done) => this.waiting.set(message.id, { received: 0, done }));
      const receivers = await redis.publish(this.channel, JSON.stringify(message));
      const wait = this.waiting.get(message.id);
      if (!wait) return;
      // PUBLISH counts every subscriber that got the message, this instance's own included.
      wait.expected = receivers - (this.subscribed ? 1 : 0);
      this.settle(wait);
      const timedOut = await Promise.race([acknowledged.then(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(true), ACK_TIMEOUT_MS).unref())]);
      if (timedOut) this.logger.warn(`Not every instance confirmed the end of ${sessionIds.length} login(s) within ${ACK_TIMEOUT_MS} ms`);
    } catch (error) {
      // The others lost Redis too (so they trust nothing they remember), or will within seconds.
      this.redis.reportFailure('the end of logins could not be told to the other instances', error);
    } finally {
      this.waiting.delete(message.id);
    }
  }

  private async trustOnceSubscribed(subscriber: NonNullable<ReturnType<RedisClients['subscriber']>>, ackChannel: string): Promise<void> {
    try {
      await subscriber.subscribe(this.channel, ackChannel);
      this.handlers?.forgetAll();
      this.subscribed = true;
    } catch (error) {
      this.redis.reportFailure('logins are checked in the database on every request until it is back', error);
    }
  }

  private receive(text: string): void {
    let message: EndedMessage;
    try {
      message = JSON.parse(text) as EndedMessage;
    } catch {
      return;
    }
    if (message.from === this.config.instanceId || !Array.isArray(message.sessionIds)) return;
    this.handlers?.forget(message.sessionIds);
    void this.redis.commands?.publish(this.ackChannel(message.from), message.id).catch((error: unknown) => this.redis.reportFailure('an end of logins was not acknowledged', error));
  }

  private ackChannel(instanceId: string): string {
    return `${this.channel}:acks:${instanceId}`;
  }

  private acknowledged(messageId: string): void {
    const wait = this.waiting.get(messageId);
    if (!wait) return;
    wait.received++;
    this.settle(wait);
  }

  /** An acknowledgement may come before PUBLISH's own answer: done once both are in and enough have come. */
  private settle(wait: { received: number; expected?: number; done: () => void }): void {
    if (wait.expected !== undefined && wait.received >= wait.expected) wait.done();
  }
}
