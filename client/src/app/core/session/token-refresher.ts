import { HttpErrorResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Router } from '@angular/router';
import { Api, refresh } from '@streaming/api';
import { Notifier } from '../notify/notifier';
import { RefreshHandoff } from './refresh-handoff';
import { SessionStore } from './session.store';

/** The Web Lock every tab of the app takes to refresh, so one refresh serves them all. */
export const REFRESH_LOCK = 'streaming.token-refresh';

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
    if (handed) {
      this.session.replaceTokens(handed.jwt, handed.refreshToken);
      return handed.jwt;
    }
    try {
      const pair = await this.api.invoke(refresh, { body: { refreshToken } });
      this.session.replaceTokens(pair.jwt, pair.refreshToken);
      // Committed before the lock is released, so a tab waiting on it finds the pair.
      await this.handoff.record(refreshToken, pair).catch(() => undefined);
      return pair.jwt;
    } catch (error) {
      // The API refused the refresh token: the login is over. Anything else (offline, a 503) leaves
      // the viewer signed in, and the request fails as it would have.
      if (error instanceof HttpErrorResponse && (error.status === 400 || error.status === 401)) this.signOut();
      throw error;
    }
  }

  private signOut(): void {
    this.session.clear();
    this.notifier.info('Your session has ended. Please sign in again.');
    const returnUrl = this.router.url;
    void this.router.navigate(['/signin'], { queryParams: returnUrl && returnUrl !== '/' ? { returnUrl } : {} });
  }
}
