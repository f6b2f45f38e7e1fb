import { Injectable } from '@angular/core';

const KEY_PREFIX = 'streaming.profile.';

/**
 * The profile last chosen on this device, per account, so the next sign-in here goes straight to
 * it. Kept apart from the session: signing out forgets the session, not who usually watches.
 */
@Injectable({ providedIn: 'root' })
export class RememberedProfile {
  private readonly storage = localStorage;

  get(userId: string): string | null {
    return this.storage.getItem(KEY_PREFIX + userId);
  }

  remember(userId: string, profileId: string): void {
    this.storage.setItem(KEY_PREFIX + userId, profileId);
  }

  forget(userId: string): void {
    this.storage.removeItem(KEY_PREFIX + userId);
  }
}
