import { Injectable } from '@nestjs/common';
import { AttemptCounterRepository, AttemptWindow } from './attempt-counter.repository';

@Injectable()
export class InMemoryAttemptCounterRepository extends AttemptCounterRepository {
  private readonly windows = new Map<string, AttemptWindow>();

  async hit(key: string, windowMs: number, now: number): Promise<AttemptWindow> {
    let window = this.open(key, now);
    if (!window) this.windows.set(key, (window = { count: 0, endsAt: now + windowMs }));
    window.count++;
    return { ...window };
  }

  async peek(key: string, now: number): Promise<AttemptWindow | undefined> {
    const window = this.open(key, now);
    return window && { ...window };
  }

  async clear(key: string): Promise<void> {
    this.windows.delete(key);
  }

  async deleteExpired(now: number): Promise<number> {
    let removed = 0;
    for (const [key, window] of this.windows) {
      if (window.endsAt <= now) {
        this.windows.delete(key);
        removed++;
      }
    }
    return removed;
  }

  async count(): Promise<number> {
    return this.windows.size;
  }

  private open(key: string, now: number): AttemptWindow | undefined {
    const window = this.windows.get(key);
    return window && window.endsAt > now ? window : undefined;
  }
}
