import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { RememberedEntries } from '../common/cache/remembered-entries';
import { Clock } from '../common/clock/clock';
import { DEFAULT_CEILING } from '../catalog/maturity';
import { CacheInvalidations } from '../redis/cache-invalidations.service';
import { avatarFor } from './avatars';
import { Profile } from './profile';
import { ProfileRepository } from './profile.repository';

/** At most this many profiles in one account. */
export const MAX_PROFILES = 5;
/** Accounts whose profiles are remembered in process; beyond this the least recently used is read again. */
const REMEMBERED_ACCOUNTS = 50_000;
/** How long remembered profiles are trusted without reading them again, should news of a change be lost. */
const REMEMBERED_MAX_AGE_MS = 30_000;
/** An account's profiles changed, by user id, on the invalidation channel. */
export const PROFILES_TOPIC = 'profiles';

export function newProfileId(): string {
  return `prof_${randomBytes(12).toString('base64url')}`;
}

/** The profile a token names, or the account's first when it names none. */
function pick(profiles: readonly Profile[], profileId: string | undefined): Profile | undefined {
  return profileId === undefined ? profiles[0] : profiles.find((profile) => profile.id === profileId);
}

/**
 * Which profile a request speaks for, answered mostly from memory: every authenticated request asks.
 * An account's profiles are remembered together and forgotten, on every instance, when one changes.
 */
@Injectable()
export class ProfileDirectory {
  private readonly remembered = new RememberedEntries<Profile[]>(REMEMBERED_ACCOUNTS, REMEMBERED_MAX_AGE_MS);

  constructor(
    private readonly profiles: ProfileRepository,
    private readonly invalidations: CacheInvalidations,
    private readonly clock: Clock,
  ) {
    invalidations.register(PROFILES_TOPIC, { forget: (userIds) => this.remembered.forget(userIds), forgetAll: () => this.remembered.forgetAll() });
  }

  /** An account's profiles, oldest first. */
  async list(userId: string): Promise<Profile[]> {
    let profiles = this.invalidations.trusted ? this.remembered.get(userId) : undefined;
    if (!profiles) {
      const ticket = this.remembered.ticket();
      profiles = await this.profiles.listByUser(userId);
      this.remembered.remember(ticket, userId, profiles);
    }
    return profiles;
  }

  /** The profile a token speaks for: the one it names, if it is this account's, else (naming none) the account's first. */
  async resolve(userId: string, profileId?: string): Promise<Profile | undefined> {
    return pick(await this.list(userId), profileId);
  }

  /**
   * `resolve`'s answer when this instance remembers the account's profiles (the common case),
   * without a promise: `null` for a profile that does not exist, `undefined` when the store must be asked.
   */
  resolveFromMemory(userId: string, profileId?: string): Profile | null | undefined {
    const profiles = this.invalidations.trusted ? this.remembered.get(userId) : undefined;
    return profiles === undefined ? undefined : (pick(profiles, profileId) ?? null);
  }

  /** The first profile of a new account, named after it; part of sign-up's transaction. */
  async createFirst(userId: string, name: string): Promise<Profile> {
    const profile: Profile = {
      id: newProfileId(),
      userId,
      name,
      avatar: avatarFor(0),
      kids: false,
      maturityCeiling: DEFAULT_CEILING,
      pinHash: null,
      autoplayNext: true,
      createdAt: this.clock.now(),
    };
    await this.profiles.add(profile, MAX_PROFILES);
    return profile;
  }

  /** After a change to an account's profiles: every instance reads them again. */
  changed(userId: string): Promise<void> {
    return this.invalidations.invalidate(PROFILES_TOPIC, [userId]);
  }
}
