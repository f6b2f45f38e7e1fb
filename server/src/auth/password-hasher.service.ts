import { Injectable, OnModuleInit } from '@nestjs/common';
import { compare, hash } from 'bcrypt';
import { availableParallelism } from 'node:os';
import { BoundedWorkPool, PoolSaturatedError } from '../common/concurrency/bounded-work-pool';
import { ServiceUnavailableException } from '../common/exceptions/service-unavailable.exception';
import { AppConfig } from '../config/app-config';

/**
 * At most this many bcrypt computations at once: one core fewer than the machine has (at least one),
 * so a burst of sign-ins queues here instead of crowding the event loop (and the file reads that
 * share libuv's pool) off the CPU.
 */
export const MAX_CONCURRENT_HASHES = Math.max(1, availableParallelism() - 1);

/**
 * bcrypt, always async so hashing runs on libuv's pool and never blocks the event loop, never more at
 * once than leaves a core for the loop, and never queued for longer than HASH_QUEUE_MAX_WAIT_MS: past
 * that a caller gets 503 with Retry-After at once, so a flood of sign-ins or sign-ups cannot build a
 * queue that every later viewer waits behind.
 */
@Injectable()
export class PasswordHasher implements OnModuleInit {
  private dummyHash?: Promise<string>;
  private readonly pool: BoundedWorkPool;

  constructor(private readonly config: AppConfig) {
    this.pool = new BoundedWorkPool(MAX_CONCURRENT_HASHES, config.hashQueueMaxWaitMs);
  }

  /** Makes the timing decoy, which also tells the pool what one hash costs on this machine. */
  async onModuleInit(): Promise<void> {
    this.dummyHash = this.pool.calibrate(() => hash('not a real password, only a timing decoy', this.config.bcryptRounds));
    await this.dummyHash;
  }

  /** Throws 503 when a hash started now would wait too long; call before spending anything else on a request. */
  admit(): void {
    try {
      this.pool.admit();
    } catch (error) {
      if (!(error instanceof PoolSaturatedError)) throw error;
      const seconds = Math.max(1, Math.ceil(error.expectedWaitMs / 1000));
      throw new ServiceUnavailableException(`Too many sign-ins at once; try again in ${seconds} seconds`, seconds);
    }
  }

  async hash(password: string): Promise<string> {
    this.admit();
    return this.pool.run(() => hash(password, this.config.bcryptRounds));
  }

  async verify(password: string, passwordHash: string): Promise<boolean> {
    this.admit();
    return this.pool.run(() => compare(password, passwordHash));
  }

  /**
   * Spends the same work as a real check and always fails: used for unknown emails so that
   * "no such account" and "wrong password" take similar time.
   */
  async verifyNothing(password: string): Promise<false> {
    this.dummyHash ??= this.hash('not a real password, only a timing decoy');
    await this.verify(password, await this.dummyHash);
    return false;
  }
}
