import { HttpErrorResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Router } from '@angular/router';
import { Api, refresh } from '@streaming/api';
import { Notifier } from '../notify/notifier';
import { HandedPair, RefreshHandoff } from './refresh-handoff';
import { SessionStore } from './session.store';

/** The Web Lock every tab of the app takes to refresh, so one refresh serves them all. */
export const REFRESH_LOCK = 'streaming.token-refresh';

/**
 * The refresh worked but the profile this tab watches as is gone (removed on another device): the
 * request is not retried, since it would act for another profile, and the viewer picks again.
 */
export class ProfileRemovedError extends Error {
  constructor() {
    super('The profile in use was removed');
  }
}

/**
 * Exchanges the refresh token for a new pair, once for everyone: requests that fail with 401 at the
 * same moment all wait on the same refresh, and other tabs wait on it too (a Web Lock; the API also
 * answers a refresh repeated within seconds with the same pair, for browsers without locks). When it
 * fails the viewer is signed out cleanly.
 */
@Injectable({ providedIn: 'root' })
export class TokenRefresher {
  private readonly api = inject(Api);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  private readonly handoff = inject(RefreshHandoff);
  private inFlight: Promise<string> | null = null;

  /** A fresh access token; `rejectedToken` is the one the server refused, to skip needless refreshes. */
  freshAccessToken(rejectedToken: string | null): Promise<string> {
    const current = this.session.accessToken();
    if (current && current !== rejectedToken) return Promise.resolve(current);
    this.inFlight ??= this.refreshAcrossTabs(rejectedToken).finally(() => (this.inFlight = null));
    return this.inFlight;
  }

  private async refreshAcrossTabs(rejectedToken: string | null): Promise<string> {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    if (!locks) return this.refreshUnlessDone(rejectedToken);
    return await locks.request(REFRESH_LOCK, () => this.refreshUnlessDone(rejectedToken));
  }

  /** Refreshes, unless another tab did while this one waited for the lock and handed its new pair over. */
  private async refreshUnlessDone(rejectedToken: string | null): Promise<string> {
    const stored = this.session.reload();
    if (stored && stored.jwt !== rejectedToken) return stored.jwt;
    const refreshToken = stored?.refreshToken;
    if (!refreshToken) throw new Error('Not signed in');
    const handed = await this.handoff.find(refreshToken).catch(() => null);
    if (handed) return this.adopt(handed, stored.profile !== null);
    let pair: HandedPair;
    try {
      pair = await this.api.invoke(refresh, { body: { refreshToken } });
    } catch (error) {
      // The API refused the refresh token: the login is over. Anything else (offline, a 503) leaves
      // the viewer signed in, and the request fails as it would have.
      if (error instanceof HttpErrorResponse && (error.status === 400 || error.status === 401)) this.signOut();
      throw error;
    }
    // Committed before the lock is released, so a tab waiting on it finds the pair.
    await this.handoff.record(refreshToken, pair).catch(() => undefined);
    return this.adopt(pair, stored.profile !== null);
  }

  /** Keeps the new pair; when it speaks for no profile though this tab had chosen one, that profile was removed. */
  private adopt(pair: HandedPair, hadProfile: boolean): string {
    // A pair handed over by an older version of the app says nothing about profiles.
    if (pair.profileId !== null || !hadProfile) {
      this.session.replaceTokens(pair.jwt, pair.refreshToken);
      return pair.jwt;
    }
    this.session.loseProfile(pair.jwt, pair.refreshToken);
    this.notifier.info('That profile was removed. Choose who’s watching.');
    void this.router.navigate(['/profiles']);
    throw new ProfileRemovedError();
  }

  private signOut(): void {
    this.session.clear();
    this.notifier.info('Your session has ended. Please sign in again.');
    const returnUrl = this.router.url;
    void this.router.navigate(['/signin'], { queryParams: returnUrl && returnUrl !== '/' ? { returnUrl } : {} });
  }
}
