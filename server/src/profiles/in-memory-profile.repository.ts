import { Injectable } from '@nestjs/common';
import { Profile, ProfileChanges } from './profile';
import { ProfileRemoval, ProfileRepository } from './profile.repository';

/** Each method runs without awaiting, so each is atomic on the one event loop. */
@Injectable()
export class InMemoryProfileRepository extends ProfileRepository {
  private readonly byId = new Map<string, Profile>();
  /** userId → profile ids, oldest first. */
  private readonly idsByUser = new Map<string, string[]>();

  async add(profile: Profile, limit: number): Promise<boolean> {
    const ids = this.idsByUser.get(profile.userId) ?? [];
    if (ids.length >= limit) return false;
    this.byId.set(profile.id, { ...profile });
    this.idsByUser.set(profile.userId, [...ids, profile.id]);
    return true;
  }

  async listByUser(userId: string): Promise<Profile[]> {
    return (this.idsByUser.get(userId) ?? []).map((id) => ({ ...(this.byId.get(id) as Profile) }));
  }

  async find(id: string): Promise<Profile | undefined> {
    const profile = this.byId.get(id);
    return profile && { ...profile };
  }

  async update(userId: string, id: string, changes: ProfileChanges): Promise<Profile | undefined> {
    const profile = this.byId.get(id);
    if (!profile || profile.userId !== userId) return undefined;
    const updated = { ...profile, ...changes };
    this.byId.set(id, updated);
    return { ...updated };
  }

  async remove(userId: string, id: string): Promise<ProfileRemoval> {
    const ids = this.idsByUser.get(userId) ?? [];
    if (!ids.includes(id)) return 'missing';
    if (ids.length === 1) return 'last';
    this.byId.delete(id);
    this.idsByUser.set(
      userId,
      ids.filter((other) => other !== id),
    );
    return 'removed';
  }
}
