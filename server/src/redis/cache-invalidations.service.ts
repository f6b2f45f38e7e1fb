import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { RedisClients } from './redis-clients.service';

const CHANNEL_NAME = 'invalidations';
/** How long a change waits for every other instance to say it has forgotten what it remembered. */
const ACK_TIMEOUT_MS = 1_000;

interface InvalidationMessage {
  id: string;
  from: string;
  topic: string;
  keys: string[];
}

export interface InvalidationHandlers {
  /** These entries changed or ended: stop trusting anything remembered about them. */
  forget(keys: string[]): void;
  /** Messages may have been missed: forget everything remembered. */
  forgetAll(): void;
}

/**
 * Changes to what instances remember in process (live logins, profiles), told to every instance, by
 * topic. With REDIS_URL the news goes out over Redis pub/sub and `invalidate` resolves only once
 * every other subscribed instance has acknowledged it, so when a sign-out (or a profile change)
 * answers, no instance serves the old state. While the subscription is down, remembering is not
 * trusted at all (`trusted` is false) and every request asks the database. Without Redis there is
 * one instance, and the news stays in it.
 */
@Injectable()
export class CacheInvalidations implements OnModuleInit {
  private readonly logger = new Logger('Invalidations');
  private readonly handlers = new Map<string, InvalidationHandlers>();
  private subscribed = false;
  private readonly channel: string;
  /** Changes this instance sent, by message id: how many acknowledgements came, and how many are due once known. */
  private readonly waiting = new Map<string, { received: number; expected?: number; done: () => void }>();

  constructor(
    private readonly redis: RedisClients,
    private readonly config: AppConfig,
  ) {
    this.channel = redis.channel(CHANNEL_NAME);
  }

  /** Whether what an instance remembers may be used: always alone, only while subscribed with Redis. */
  get trusted(): boolean {
    return !this.redis.configured || this.subscribed;
  }

  /** Who forgets what for `topic` (one owner per topic). */
  register(topic: string, handlers: InvalidationHandlers): void {
    this.handlers.set(topic, handlers);
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
      this.forgetEverything();
      this.logger.warn('Lost the Redis subscription: every request checks logins and profiles in the database until it is back');
    };
    subscriber.on('close', distrust);
    subscriber.on('error', distrust);
    // ioredis subscribes again on every reconnect; trust starts over from an empty memory each time.
    subscriber.on('ready', () => void this.trustOnceSubscribed(subscriber, ackChannel));
    await this.trustOnceSubscribed(subscriber, ackChannel);
  }

  /** Forgets `keys` of `topic` here, then on every other instance; resolves once they have all said so (or a second has passed). */
  async invalidate(topic: string, keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    this.handlers.get(topic)?.forget(keys);
    const redis = this.redis.commands;
    if (!redis) return;
    const message: InvalidationMessage = { id: randomBytes(9).toString('base64url'), from: this.config.instanceId, topic, keys };
    try {
      const acknowledged = new Promise<void>((done) => this.waiting.set(message.id, { received: 0, done }));
      const receivers = await redis.publish(this.channel, JSON.stringify(message));
      const wait = this.waiting.get(message.id);
      if (!wait) return;
      // PUBLISH counts every subscriber that got the message, this instance's own included.
      wait.expected = receivers - (this.subscribed ? 1 : 0);
      this.settle(wait);
      const timedOut = await Promise.race([acknowledged.then(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(true), ACK_TIMEOUT_MS).unref())]);
      if (timedOut) this.logger.warn(`Not every instance confirmed forgetting ${keys.length} ${topic} entr${keys.length === 1 ? 'y' : 'ies'} within ${ACK_TIMEOUT_MS} ms`);
    } catch (error) {
      // The others lost Redis too (so they trust nothing they remember), or will within seconds.
      this.redis.reportFailure(`a change to ${topic} could not be told to the other instances`, error);
    } finally {
      this.waiting.delete(message.id);
    }
  }

  private forgetEverything(): void {
    for (const handlers of this.handlers.values()) handlers.forgetAll();
  }

  private async trustOnceSubscribed(subscriber: NonNullable<ReturnType<RedisClients['subscriber']>>, ackChannel: string): Promise<void> {
    try {
      await subscriber.subscribe(this.channel, ackChannel);
      this.forgetEverything();
      this.subscribed = true;
    } catch (error) {
      this.redis.reportFailure('logins and profiles are checked in the database on every request until it is back', error);
    }
  }

  private receive(text: string): void {
    let message: InvalidationMessage;
    try {
      message = JSON.parse(text) as InvalidationMessage;
    } catch {
      return;
    }
    if (message.from === this.config.instanceId || typeof message.topic !== 'string' || !Array.isArray(message.keys)) return;
    this.handlers.get(message.topic)?.forget(message.keys);
    void this.redis.commands?.publish(this.ackChannel(message.from), message.id).catch((error: unknown) => this.redis.reportFailure('a change was not acknowledged', error));
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
