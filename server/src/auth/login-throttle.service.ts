import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Clock } from '../common/clock/clock';
import { TooManyRequestsException } from '../common/exceptions/too-many-requests.exception';
import { AppConfig } from '../config/app-config';
import { AttemptCounterRepository, AttemptWindow } from './attempt-counter.repository';

const SWEEP_INTERVAL_MS = 60_000;

function addressKey(address: string): string {
  return `address:${address}`;
}

function accountKey(email: string): string {
  return `account:${email}`;
}

function signupKey(address: string): string {
  return `signup:${address}`;
}

function pinKey(profileId: string): string {
  return `pin:${profileId}`;
}

/**
 * Fixed-window limits on signing in and up: sign-in attempts per client address, failures per
 * account, and accounts created per address, counted where every instance sees them (Redis, or the
 * store). Windows end, so a flood can slow an account's owner down but never lock them out for good.
 */
@Injectable()
export class LoginThrottle implements OnModuleInit, OnModuleDestroy {
  private sweepTimer?: NodeJS.Timeout;

  constructor(
    private readonly counters: AttemptCounterRepository,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    if (this.counters.forgetsClosedWindows) return;
    this.sweepTimer = setInterval(() => void this.sweep().catch(() => undefined), SWEEP_INTERVAL_MS);
    this.sweepTimer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweepTimer);
  }

  /** Counts an attempt from this address; throws 429 when the address or the account is over its limit. */
  async admit(address: string, email: string): Promise<void> {
    const now = this.clock.now();
    const account = await this.counters.peek(accountKey(email), now);
    if (account && account.count >= this.config.loginMaxFailuresPerAccount) this.refuse(account, now);
    const attempts = await this.counters.hit(addressKey(address), this.config.loginAddressWindowSeconds * 1000, now);
    if (attempts.count > this.config.loginMaxAttemptsPerAddress) this.refuse(attempts, now);
  }

  /** Counts a sign-up from this address; throws 429 past the address's limit. */
  async admitSignup(address: string): Promise<void> {
    const now = this.clock.now();
    const signups = await this.counters.hit(signupKey(address), this.config.signupAddressWindowSeconds * 1000, now);
    if (signups.count > this.config.signupMaxPerAddress) this.refuse(signups, now, 'Too many accounts created from this address');
  }

  /** Throws 429 while the account is paused for failed guesses of its password (sign-in, or confirming an action). */
  async admitAccount(email: string): Promise<void> {
    const now = this.clock.now();
    const account = await this.counters.peek(accountKey(email), now);
    if (account && account.count >= this.config.loginMaxFailuresPerAccount) this.refuse(account, now);
  }

  /** Throws 429 while a profile is paused for wrong PINs; they count like failed sign-ins of an account. */
  async admitPin(profileId: string): Promise<void> {
    const now = this.clock.now();
    const guesses = await this.counters.peek(pinKey(profileId), now);
    if (guesses && guesses.count >= this.config.loginMaxFailuresPerAccount) this.refuse(guesses, now, 'Too many wrong PINs');
  }

  async recordPinFailure(profileId: string): Promise<void> {
    await this.counters.hit(pinKey(profileId), this.config.loginAccountWindowSeconds * 1000, this.clock.now());
  }

  recordPinSuccess(profileId: string): Promise<void> {
    return this.counters.clear(pinKey(profileId));
  }

  async recordFailure(email: string): Promise<void> {
    await this.counters.hit(accountKey(email), this.config.loginAccountWindowSeconds * 1000, this.clock.now());
  }

  recordSuccess(email: string): Promise<void> {
    return this.counters.clear(accountKey(email));
  }

  /** How many keys are held; the sweep keeps this bounded by recent activity. */
  size(): Promise<number> {
    return this.counters.count();
  }

  sweep(): Promise<number> {
    return this.counters.deleteExpired(this.clock.now());
  }

  private refuse(window: AttemptWindow, now: number, what = 'Too many sign-in attempts'): never {
    const retryAfterSeconds = Math.max(1, Math.ceil((window.endsAt - now) / 1000));
    throw new TooManyRequestsException(`${what}; try again in ${retryAfterSeconds} seconds`, retryAfterSeconds);
  }
}
