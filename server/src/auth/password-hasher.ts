import { Injectable } from '@nestjs/common';
import { compare, hash } from 'bcrypt';
import { availableParallelism } from 'node:os';
import { AppConfig } from '../config/app-config';

/**
 * At most this many bcrypt computations at once: one core fewer than the machine has (at least one),
 * so a burst of sign-ins queues here instead of crowding the event loop (and the file reads that
 * share libuv's pool) off the CPU.
 */
const MAX_CONCURRENT_HASHES = Math.max(1, availableParallelism() - 1);

/**
 * bcrypt, always async so hashing runs on libuv's pool and never blocks the event loop, and never
 * more at once than leaves a core for the loop.
 */
@Injectable()
export class PasswordHasher {
  private dummyHash?: Promise<string>;
  private running = 0;
  private readonly queue: (() => void)[] = [];

  constructor(private readonly config: AppConfig) {}

  hash(password: string): Promise<string> {
    return this.limited(() => hash(password, this.config.bcryptRounds));
  }

  verify(password: string, passwordHash: string): Promise<boolean> {
    return this.limited(() => compare(password, passwordHash));
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

  private async limited<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= MAX_CONCURRENT_HASHES) await new Promise<void>((resolve) => this.queue.push(resolve));
    else this.running++;
    try {
      return await work();
    } finally {
      // Hand the slot straight to the next in line, or give it back.
      const next = this.queue.shift();
      if (next) next();
      else this.running--;
    }
  }
}
