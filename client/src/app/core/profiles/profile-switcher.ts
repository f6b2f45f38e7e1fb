import { effect, inject, Injectable } from '@angular/core';
import { Router } from '@angular/router';
import { Api, listProfiles, ProfileDto, selectProfile } from '@streaming/api';
import { RequestCache } from '../cache/request-cache';
import { SessionStore } from '../session/session.store';
import { RememberedProfile } from './remembered-profile';

/**
 * Who is watching: lists the account's profiles and chooses one, after which the login's access
 * token speaks for it. Every cached answer belongs to the profile that asked, so a change of profile
 * (here or in another tab) forgets them all.
 */
@Injectable({ providedIn: 'root' })
export class ProfileSwitcher {
  private readonly api = inject(Api);
  private readonly session = inject(SessionStore);
  private readonly cache = inject(RequestCache);
  private readonly remembered = inject(RememberedProfile);
  private readonly router = inject(Router);
  /** The profile whose answers the cache holds. */
  private cachedFor = this.session.profile()?.id ?? null;

  constructor() {
    // A change this tab did not make: another tab chose a profile, or signed out.
    effect(() => {
      const id = this.session.profile()?.id ?? null;
      if (id === this.cachedFor) return;
      this.cachedFor = id;
      this.cache.clear();
      if (id) void this.router.navigateByUrl('/');
    });
  }

  list(): Promise<ProfileDto[]> {
    return this.api.invoke(listProfiles).then((answer) => answer.items);
  }

  /** Watches as `profile` from now on, here and (remembered) at this device's next sign-in; a locked one needs its PIN. */
  async choose(profile: ProfileDto, pin?: string): Promise<ProfileDto> {
    const chosen = await this.api.invoke(selectProfile, { id: profile.id, body: pin === undefined ? {} : { pin } });
    this.cachedFor = chosen.profile.id;
    this.session.chooseProfile(chosen.jwt, chosen.profile);
    this.cache.clear();
    const userId = this.session.user()?.id;
    if (userId) this.remembered.remember(userId, chosen.profile.id);
    return chosen.profile;
  }

  /**
   * Right after signing in: the profile remembered on this device, or the account's only one, is
   * chosen at once unless it is locked. Returns whether a profile was chosen; if not, the picker asks.
   */
  async chooseWithoutAsking(): Promise<boolean> {
    const userId = this.session.user()?.id;
    if (!userId) return false;
    const profiles = await this.list();
    const rememberedId = this.remembered.get(userId);
    const candidate = profiles.find((profile) => profile.id === rememberedId) ?? (profiles.length === 1 ? profiles[0] : undefined);
    if (!candidate || candidate.locked) return false;
    await this.choose(candidate);
    return true;
  }

  /** The chosen profile was edited on the manage page: what it may see may have changed too. */
  chosenProfileChanged(profile: ProfileDto): void {
    if (this.session.profile()?.id !== profile.id) return;
    this.session.updateProfile(profile);
    this.cache.clear();
  }
}
