import { LruCache } from '../common/cache/lru-cache';
import { RefreshSession } from './refresh-session';

/**
 * Logins recently seen live, so an authenticated request need not ask the store. Whoever ends a
 * login forgets it here once the end is committed; a lookup that started before some login was
 * forgotten does not put what it read back (it may have read the login just before it ended). An
 * entry is kept at most `maxAgeMs`, which bounds how stale it could be if news of an end were lost.
 */
export class SessionCache {
  private readonly sessions: LruCache<string, { session: RefreshSession; storedAt: number }>;
  private forgetCount = 0;

  constructor(
    capacity: number,
    private readonly maxAgeMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.sessions = new LruCache(capacity);
  }

  get(sessionId: string): RefreshSession | undefined {
    const entry = this.sessions.get(sessionId);
    if (!entry) return undefined;
    if (this.now() - entry.storedAt > this.maxAgeMs) {
      this.sessions.delete(sessionId);
      return undefined;
    }
    return entry.session;
  }

  /** Taken before reading the store; `remember` only keeps what was read if nothing was forgotten since. */
  ticket(): number {
    return this.forgetCount;
  }

  remember(ticket: number, session: RefreshSession): void {
    if (ticket === this.forgetCount) this.sessions.set(session.id, { session, storedAt: this.now() });
  }

  forget(sessionIds: Iterable<string>): void {
    this.forgetCount++;
    for (const sessionId of sessionIds) this.sessions.delete(sessionId);
  }

  forgetAll(): void {
    this.forgetCount++;
    this.sessions.clear();
  }
}
