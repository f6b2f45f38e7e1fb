import { Injectable } from '@angular/core';

/** A new token pair, filed under the refresh token it replaced. */
export interface HandedPair {
  jwt: string;
  refreshToken: string;
  /** The profile the new access token speaks for; null: none (the chosen one was removed). */
  profileId: string | null;
}

const DATABASE = 'streaming.session';
const STORE = 'refresh-handoff';
/** Longer than any wait for the refresh lock; older entries are useless and are swept. */
const KEEP_MS = 60_000;

interface Entry extends HandedPair {
  replaced: string;
  at: number;
}

/**
 * Passes a refreshed pair from the tab that refreshed to tabs that waited on the refresh lock.
 *
 * localStorage cannot do this: Chromium gives each tab its own cached copy and spreads writes to the
 * others asynchronously, so a tab granted the lock can still read the old pair (seen in the two-tab
 * e2e test under load). IndexedDB transactions all go through one backend: a write committed before
 * the lock is released is seen by every transaction begun after it.
 */
@Injectable({ providedIn: 'root' })
export class RefreshHandoff {
  private database: Promise<IDBDatabase | null> | null = null;

  /** The pair that replaced `refreshToken`, when another tab refreshed it a moment ago. */
  async find(refreshToken: string): Promise<HandedPair | null> {
    const database = await this.open();
    if (!database) return null;
    const entry = await request<Entry | undefined>(database.transaction(STORE, 'readonly').objectStore(STORE).get(refreshToken));
    return entry && Date.now() - entry.at < KEEP_MS ? { jwt: entry.jwt, refreshToken: entry.refreshToken, profileId: entry.profileId } : null;
  }

  /** Files `pair` under the token it replaced, and resolves once that is committed. */
  async record(replaced: string, pair: HandedPair): Promise<void> {
    const database = await this.open();
    if (!database) return;
    const transaction = database.transaction(STORE, 'readwrite');
    const store = transaction.objectStore(STORE);
    const now = Date.now();
    store.put({ replaced, jwt: pair.jwt, refreshToken: pair.refreshToken, profileId: pair.profileId, at: now } satisfies Entry);
    store.index('at').openCursor(IDBKeyRange.upperBound(now - KEEP_MS)).onsuccess = (event) => {
      const cursor = (event.target as IDBRequest<IDBCursorWithValue | null>).result;
      if (!cursor) return;
      cursor.delete();
      cursor.continue();
    };
    await committed(transaction);
  }

  /**
   * Drops every pair still held, at sign-out: a pair may outlive the login by up to a minute, and a
   * shared computer should keep no token once its viewer has signed out.
   */
  async forgetAll(): Promise<void> {
    const database = await this.open();
    if (!database) return;
    const transaction = database.transaction(STORE, 'readwrite');
    transaction.objectStore(STORE).clear();
    await committed(transaction);
  }

  /** Null where IndexedDB is missing or refused (private modes, tests): tabs then fall back on localStorage. */
  private open(): Promise<IDBDatabase | null> {
    this.database ??= new Promise<IDBDatabase | null>((resolve) => {
      if (typeof indexedDB === 'undefined') return resolve(null);
      try {
        const opening = indexedDB.open(DATABASE, 1);
        opening.onupgradeneeded = () => opening.result.createObjectStore(STORE, { keyPath: 'replaced' }).createIndex('at', 'at');
        opening.onsuccess = () => resolve(opening.result);
        opening.onerror = () => resolve(null);
        opening.onblocked = () => resolve(null);
      } catch {
        resolve(null);
      }
    });
    return this.database;
  }
}

function request<T>(pending: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    pending.onsuccess = () => resolve(pending.result);
    pending.onerror = () => reject(pending.error);
  });
}

function committed(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error);
  });
}
