import { Injectable } from '@angular/core';

interface Entry {
  value: Promise<unknown>;
  storedAt: number;
}

/**
 * Remembers answers for a while and shares requests already on their way, so going back to a page
 * shows it at once and two components asking at once cause one request.
 */
@Injectable({ providedIn: 'root' })
export class RequestCache {
  private readonly entries = new Map<string, Entry>();

  get<T>(key: string, maxAgeMs: number, load: () => Promise<T>): Promise<T> {
    const entry = this.entries.get(key);
    if (entry && Date.now() - entry.storedAt < maxAgeMs) return entry.value as Promise<T>;
    const value = load();
    this.entries.set(key, { value, storedAt: Date.now() });
    // A failure is not worth remembering.
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }

  /** Forgets every entry whose key starts with one of the prefixes. */
  invalidate(...prefixes: string[]): void {
    for (const key of [...this.entries.keys()]) {
      if (prefixes.some((prefix) => key.startsWith(prefix))) this.entries.delete(key);
    }
  }

  clear(): void {
    this.entries.clear();
  }
}
