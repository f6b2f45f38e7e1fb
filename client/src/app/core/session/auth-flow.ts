import { inject, Injectable } from '@angular/core';
import { Api, login, logout, signup } from '@streaming/api';
import { RequestCache } from '../cache/request-cache';
import { SessionStore } from './session.store';

/** Signing up, in and out: the API calls and what the app must remember or forget with them. */
@Injectable({ providedIn: 'root' })
export class AuthFlow {
  private readonly api = inject(Api);
  private readonly session = inject(SessionStore);
  private readonly cache = inject(RequestCache);

  async signUp(email: string, password: string, name: string): Promise<void> {
    const response = await this.api.invoke(signup, { body: { email, password, name } });
    this.cache.clear();
    this.session.start({ user: response.user, jwt: response.jwt, refreshToken: response.refreshToken });
  }

  async signIn(email: string, password: string): Promise<void> {
    const response = await this.api.invoke(login, { body: { email, password } });
    this.cache.clear();
    this.session.start({ user: response.user, jwt: response.jwt, refreshToken: response.refreshToken });
  }

  /** Ends this login on the server too; the viewer is signed out here even if the server cannot be reached. */
  async signOut(): Promise<void> {
    const refreshToken = this.session.refreshToken();
    this.session.clear();
    this.cache.clear();
    if (refreshToken) await this.api.invoke(logout, { body: { refreshToken } }).catch(() => undefined);
  }

  /** After "sign out everywhere" the server has already ended this login; only local state remains. */
  forgetLocally(): void {
    this.session.clear();
    this.cache.clear();
  }
}
