import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import { isSession, Session } from './session';

export const SESSION_STORAGE_KEY = 'streaming.session';

function readStored(storage: Storage): Session | null {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(SESSION_STORAGE_KEY) ?? 'null');
    return isSession(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** The signed-in viewer and their tokens, as signals; kept in step with other tabs. */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly storage = localStorage;
  private readonly state = signal<Session | null>(readStored(this.storage));

  readonly session = this.state.asReadonly();
  readonly user = computed(() => this.state()?.user ?? null);
  readonly isSignedIn = computed(() => this.state() !== null);

  constructor() {
    // Another tab signed in, refreshed or signed out: follow it.
    const onStorage = (event: StorageEvent) => {
      if (event.key === SESSION_STORAGE_KEY) this.state.set(readStored(this.storage));
    };
    window.addEventListener('storage', onStorage);
    inject(DestroyRef).onDestroy(() => window.removeEventListener('storage', onStorage));
  }

  accessToken(): string | null {
    return this.state()?.jwt ?? null;
  }

  refreshToken(): string | null {
    return this.state()?.refreshToken ?? null;
  }

  /** The session as stored now, which another tab may have just changed; the signals follow it. */
  reload(): Session | null {
    const stored = readStored(this.storage);
    this.state.set(stored);
    return stored;
  }

  start(session: Session): void {
    this.write(session);
  }

  replaceTokens(jwt: string, refreshToken: string): void {
    const current = this.state();
    if (current) this.write({ ...current, jwt, refreshToken });
  }

  rename(name: string): void {
    const current = this.state();
    if (current) this.write({ ...current, user: { ...current.user, name } });
  }

  clear(): void {
    this.storage.removeItem(SESSION_STORAGE_KEY);
    this.state.set(null);
  }

  private write(session: Session): void {
    this.storage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
    this.state.set(session);
  }
}
