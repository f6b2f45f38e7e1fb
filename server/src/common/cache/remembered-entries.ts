import { LruCache } from './lru-cache';

/**
 * Entries an instance remembers so a request need not ask the store (live logins, an account's
 * profiles). Whoever changes one forgets it here once the change is committed; a lookup that started
 * before something was forgotten does not put what it read back (it may have read the old state).
 * An entry is kept at most `maxAgeMs`, which bounds how stale it could be if news of a change were lost.
 */
export class RememberedEntries<V> {
  private readonly entries: LruCache<string, { value: V; storedAt: number }>;
  private forgetCount = 0;

  constructor(
    capacity: number,
    private readonly maxAgeMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.entries = new LruCache(capacity);
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.now() - entry.storedAt > this.maxAgeMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Taken before reading the store; `remember` only keeps what was read if nothing was forgotten since. */
  ticket(): number {
    return this.forgetCount;
  }

  remember(ticket: number, key: string, value: V): void {
    if (ticket === this.forgetCount) this.entries.set(key, { value, storedAt: this.now() });
  }

  forget(keys: Iterable<string>): void {
    this.forgetCount++;
    for (const key of keys) this.entries.delete(key);
  }

  forgetAll(): void {
    this.forgetCount++;
    this.entries.clear();
  }
}
