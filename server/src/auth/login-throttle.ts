import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Clock } from '../common/clock/clock';
import { TooManyRequestsException } from '../common/exceptions/too-many-requests.exception';
import { AppConfig } from '../config/app-config';

interface Window {
  count: number;
  endsAt: number;
}

const SWEEP_INTERVAL_MS = 60_000;

/**
 * Fixed-window limits on sign-in: attempts per client address, failures per account. Windows end,
 * so a flood can slow an account's owner down but never lock them out for good.
 */
@Injectable()
export class LoginThrottle implements OnModuleInit, OnModuleDestroy {
  private readonly attemptsByAddress = new Map<string, Window>();
  private readonly failuresByAccount = new Map<string, Window>();
  private sweepTimer?: NodeJS.Timeout;

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.sweepTimer = setInterval(() => this.sweep(), SWEEP_INTERVAL_MS);
    this.sweepTimer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweepTimer);
  }

  /** Counts an attempt from this address; throws 429 when the address or the account is over its limit. */
  admit(address: string, email: string): void {
    const now = this.clock.now();
    const account = this.current(this.failuresByAccount, email, now);
    if (account && account.count >= this.config.loginMaxFailuresPerAccount) {
      this.refuse(account, now);
    }
    const attempts = this.bump(this.attemptsByAddress, address, now, this.config.loginAddressWindowSeconds);
    if (attempts.count > this.config.loginMaxAttemptsPerAddress) this.refuse(attempts, now);
  }

  recordFailure(email: string): void {
    this.bump(this.failuresByAccount, email, this.clock.now(), this.config.loginAccountWindowSeconds);
  }

  recordSuccess(email: string): void {
    this.failuresByAccount.delete(email);
  }

  /** How many keys are held; the sweep keeps this bounded by recent activity. */
  size(): number {
    return this.attemptsByAddress.size + this.failuresByAccount.size;
  }

  sweep(): void {
    const now = this.clock.now();
    for (const windows of [this.attemptsByAddress, this.failuresByAccount]) {
      for (const [key, window] of windows) if (window.endsAt <= now) windows.delete(key);
    }
  }

  private current(windows: Map<string, Window>, key: string, now: number): Window | undefined {
    const window = windows.get(key);
    if (window && window.endsAt <= now) {
      windows.delete(key);
      return undefined;
    }
    return window;
  }

  private bump(windows: Map<string, Window>, key: string, now: number, windowSeconds: number): Window {
    let window = this.current(windows, key, now);
    if (!window) windows.set(key, (window = { count: 0, endsAt: now + windowSeconds * 1000 }));
    window.count++;
    return window;
  }

  private refuse(window: Window, now: number): never {
    const retryAfterSeconds = Math.max(1, Math.ceil((window.endsAt - now) / 1000));
    throw new TooManyRequestsException(
      `Too many sign-in attempts; try again in ${retryAfterSeconds} seconds`,
      retryAfterSeconds,
    );
  }
}
