import { inject, Injectable } from '@angular/core';
import { Api, login, logout, signup } from '@streaming/api';
import { RequestCache } from '../cache/request-cache';
import { ProfileSwitcher } from '../profiles/profile-switcher';
import { SessionStore } from './session.store';

/**
 * Signing up, in and out: the API calls and what the app must remember or forget with them. A new
 * login goes straight to the profile this device remembers (or the account's only one) unless it is
 * locked; otherwise no profile is chosen and the route guards send the viewer to the picker.
 */
@Injectable({ providedIn: 'root' })
export class AuthFlow {
  private readonly api = inject(Api);
  private readonly session = inject(SessionStore);
  private readonly cache = inject(RequestCache);
  private readonly profiles = inject(ProfileSwitcher);

  async signUp(email: string, password: string, name: string): Promise<void> {
    const response = await this.api.invoke(signup, { body: { email, password, name } });
    this.cache.clear();
    this.session.start({ user: response.user, jwt: response.jwt, refreshToken: response.refreshToken });
    await this.profiles.chooseWithoutAsking().catch(() => false);
  }

  async signIn(email: string, password: string): Promise<void> {
    const response = await this.api.invoke(login, { body: { email, password } });
    this.cache.clear();
    this.session.start({ user: response.user, jwt: response.jwt, refreshToken: response.refreshToken });
    await this.profiles.chooseWithoutAsking().catch(() => false);
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
