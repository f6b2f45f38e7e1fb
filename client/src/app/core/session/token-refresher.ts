import { inject, Injectable } from '@angular/core';
import { Router } from '@angular/router';
import { Api, refresh } from '@streaming/api';
import { Notifier } from '../notify/notifier';
import { SessionStore } from './session.store';

/**
 * Exchanges the refresh token for a new pair, once for everyone: requests that fail with 401 at the
 * same moment all wait on the same refresh. When it fails the viewer is signed out cleanly.
 */
@Injectable({ providedIn: 'root' })
export class TokenRefresher {
  private readonly api = inject(Api);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  private inFlight: Promise<string> | null = null;

  /** A fresh access token; `rejectedToken` is the one the server refused, to skip needless refreshes. */
  freshAccessToken(rejectedToken: string | null): Promise<string> {
    const current = this.session.accessToken();
    if (current && current !== rejectedToken) return Promise.resolve(current);
    this.inFlight ??= this.refresh().finally(() => (this.inFlight = null));
    return this.inFlight;
  }

  private async refresh(): Promise<string> {
    const refreshToken = this.session.refreshToken();
    if (!refreshToken) throw new Error('Not signed in');
    try {
      const pair = await this.api.invoke(refresh, { body: { refreshToken } });
      this.session.replaceTokens(pair.jwt, pair.refreshToken);
      return pair.jwt;
    } catch (error) {
      this.signOut();
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
