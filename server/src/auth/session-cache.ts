import { LruCache } from '../common/cache/lru-cache';
import { RefreshSession } from './refresh-session';

/**
 * Logins recently seen live, so an authenticated request need not ask the store. Whoever ends a
 * login forgets it here once the end is committed; a lookup that started before some login was
 * forgotten does not put what it read back (it may have read the login just before it ended).
 */
export class SessionCache {
  private readonly sessions: LruCache<string, RefreshSession>;
  private forgetCount = 0;

  constructor(capacity: number) {
    this.sessions = new LruCache(capacity);
  }

  get(sessionId: string): RefreshSession | undefined {
    return this.sessions.get(sessionId);
  }

  /** Taken before reading the store; `remember` only keeps what was read if nothing was forgotten since. */
  ticket(): number {
    return this.forgetCount;
  }

  remember(ticket: number, session: RefreshSession): void {
    if (ticket === this.forgetCount) this.sessions.set(session.id, session);
  }

  forget(sessionIds: Iterable<string>): void {
    this.forgetCount++;
    for (const sessionId of sessionIds) this.sessions.delete(sessionId);
  }
}
