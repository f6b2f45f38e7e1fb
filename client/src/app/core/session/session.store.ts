import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import type { ProfileDto } from '@streaming/api';
import { RefreshHandoff } from './refresh-handoff';
import { readSession, Session } from './session';

export const SESSION_STORAGE_KEY = 'streaming.session';

function readStored(storage: Storage): Session | null {
  try {
    return readSession(JSON.parse(storage.getItem(SESSION_STORAGE_KEY) ?? 'null'));
  } catch {
    return null;
  }
}

/** The signed-in viewer and their tokens, as signals; kept in step with other tabs. */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly storage = localStorage;
  private readonly handoff = inject(RefreshHandoff);
  private readonly state = signal<Session | null>(readStored(this.storage));

  readonly session = this.state.asReadonly();
  readonly user = computed(() => this.state()?.user ?? null);
  readonly isSignedIn = computed(() => this.state() !== null);
  /** The profile this login watches as; null until one is chosen. */
  readonly profile = computed(() => this.state()?.profile ?? null);

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

  /** A new login, which has chosen no profile yet. */
  start(session: Omit<Session, 'profile'>): void {
    this.write({ ...session, profile: null });
  }

  /** The login now watches as `profile`, with an access token bound to it. */
  chooseProfile(jwt: string, profile: ProfileDto): void {
    const current = this.state();
    if (current) this.write({ ...current, jwt, profile });
  }

  /** The chosen profile was changed (renamed, new avatar, new ceiling). */
  updateProfile(profile: ProfileDto): void {
    const current = this.state();
    if (current?.profile?.id === profile.id) this.write({ ...current, profile });
  }

  replaceTokens(jwt: string, refreshToken: string): void {
    const current = this.state();
    if (current) this.write({ ...current, jwt, refreshToken });
  }

  /** The chosen profile was removed (on another device): new tokens that speak for none, and no profile chosen. */
  loseProfile(jwt: string, refreshToken: string): void {
    const current = this.state();
    if (current) this.write({ ...current, jwt, refreshToken, profile: null });
  }

  rename(name: string): void {
    const current = this.state();
    if (current) this.write({ ...current, user: { ...current.user, name } });
  }

  /** Signs this browser out: the stored session and any refreshed pair still waiting for other tabs. */
  clear(): void {
    this.storage.removeItem(SESSION_STORAGE_KEY);
    this.state.set(null);
    void this.handoff.forgetAll().catch(() => undefined);
  }

  private write(session: Session): void {
    this.storage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
    this.state.set(session);
  }
}
