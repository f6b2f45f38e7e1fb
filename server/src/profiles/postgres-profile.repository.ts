import { Injectable } from '@nestjs/common';
import { and, asc, count, eq } from 'drizzle-orm';
import { DatabaseClient } from '../database/database-client';
import { users } from '../users/users.schema';
import { Profile, ProfileChanges } from './profile';
import { ProfileRemoval, ProfileRepository } from './profile.repository';
import { profiles } from './profiles.schema';

function toProfile(row: typeof profiles.$inferSelect): Profile {
  return {
    id: row.id,
    userId: row.userId,
    name: row.name,
    avatar: row.avatar,
    kids: row.kids,
    maturityCeiling: row.maturityCeiling,
    pinHash: row.pinHash,
    autoplayNext: row.autoplayNext,
    createdAt: row.createdAt.getTime(),
  };
}

@Injectable()
export class PostgresProfileRepository extends ProfileRepository {
  constructor(private readonly database: DatabaseClient) {
    super();
  }

  add(profile: Profile, limit: number): Promise<boolean> {
    return this.database.transaction(async () => {
      const orm = this.database.orm();
      // The account's row is the lock: adds and removals for one account take turns.
      await orm.select({ id: users.id }).from(users).where(eq(users.id, profile.userId)).for('update');
      const [row] = await orm.select({ profiles: count() }).from(profiles).where(eq(profiles.userId, profile.userId));
      if (Number(row?.profiles ?? 0) >= limit) return false;
      await orm.insert(profiles).values({ ...profile, createdAt: new Date(profile.createdAt) });
      return true;
    });
  }

  async listByUser(userId: string): Promise<Profile[]> {
    const rows = await this.database.orm().select().from(profiles).where(eq(profiles.userId, userId)).orderBy(asc(profiles.seq));
    return rows.map(toProfile);
  }

  async find(id: string): Promise<Profile | undefined> {
    const [row] = await this.database.orm().select().from(profiles).where(eq(profiles.id, id));
    return row && toProfile(row);
  }

  async update(userId: string, id: string, changes: ProfileChanges): Promise<Profile | undefined> {
    if (Object.keys(changes).length === 0) {
      const profile = await this.find(id);
      return profile?.userId === userId ? profile : undefined;
    }
    const [row] = await this.database
      .orm()
      .update(profiles)
      .set(changes)
      .where(and(eq(profiles.id, id), eq(profiles.userId, userId)))
      .returning();
    return row && toProfile(row);
  }

  remove(userId: string, id: string): Promise<ProfileRemoval> {
    return this.database.transaction(async () => {
      const orm = this.database.orm();
      await orm.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
      const owned = await orm.select({ id: profiles.id }).from(profiles).where(eq(profiles.userId, userId));
      if (!owned.some((row) => row.id === id)) return 'missing';
      if (owned.length === 1) return 'last';
      await orm.delete(profiles).where(and(eq(profiles.id, id), eq(profiles.userId, userId)));
      return 'removed';
    });
  }
}
