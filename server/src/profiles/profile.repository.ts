import { Profile, ProfileChanges } from './profile';

export type ProfileRemoval = 'removed' | 'last' | 'missing';

/**
 * An account's profiles. Adding and removing are atomic against each other: concurrent adds never
 * pass the limit, concurrent removals never leave an account without a profile.
 */
export abstract class ProfileRepository {
  /** Adds a profile unless its account already has `limit`; false when full. The account must exist. */
  abstract add(profile: Profile, limit: number): Promise<boolean>;
  /** An account's profiles, in the order they were added (never a tie). */
  abstract listByUser(userId: string): Promise<Profile[]>;
  abstract find(id: string): Promise<Profile | undefined>;
  /** Changes a profile of this account; undefined when it has no such profile. */
  abstract update(userId: string, id: string, changes: ProfileChanges): Promise<Profile | undefined>;
  /** Removes a profile of this account, unless it is the account's last. */
  abstract remove(userId: string, id: string): Promise<ProfileRemoval>;
}
