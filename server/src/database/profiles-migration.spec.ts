import { migrate } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { sql } from 'drizzle-orm';
import { rmSync } from 'node:fs';
import { migrateDatabase } from './migrations';
import { rowsOf } from './orm';
import { PgliteDatabaseClient } from './pglite-database-client';
import { migrationsFolderBefore } from '../../test/support/migrations-before';

describe('migration 0001_profiles', () => {
  it("gives every existing account its first profile and moves what it owned there", async () => {
    const database = await PgliteDatabaseClient.open(undefined);
    const before = migrationsFolderBefore('0001_profiles');
    try {
      await migrate(database.orm() as unknown as PgliteDatabase, { migrationsFolder: before });
      const orm = database.orm();
      await orm.execute(sql`insert into titles (id, ordinal, name, synopsis, year, genres, maturity_rating, runtime_minutes, popularity, artwork)
        values ('tt1000', 0, 'One', 's', 2000, '{Drama}', 'PG', 90, 0.5, '{"palette":[],"motif":"orb"}'), ('tt1001', 1, 'Two', 's', 2001, '{Drama}', 'R', 90, 0.5, '{"palette":[],"motif":"orb"}')`);
      await orm.execute(sql`insert into users (id, email, name, password_hash, created_at) values
        ('user_a', 'a@example.com', 'Ada', 'hash', '2026-01-01T00:00:00Z'), ('user_b', 'b@example.com', 'Bea', 'hash', '2026-01-02T00:00:00Z')`);
      await orm.execute(sql`insert into login_sessions (id, user_id, created_at, expires_at) values ('s1', 'user_a', now(), now() + interval '1 day')`);
      await orm.execute(sql`insert into my_list_entries (user_id, title_id, added_at) values ('user_a', 'tt1000', now()), ('user_b', 'tt1001', now())`);
      await orm.execute(sql`insert into ratings (user_id, title_id, rating, updated_at) values ('user_a', 'tt1001', 'love', now())`);
      await orm.execute(sql`insert into viewing_progress (user_id, title_id, position, duration, completed, updated_at) values ('user_b', 'tt1000', 12, 30, false, now())`);
      await orm.execute(sql`insert into play_events (user_id, title_id, kind, occurred_at) values ('user_a', 'tt1000', 'play', now()), ('user_b', 'tt1000', 'complete', now())`);

      await migrateDatabase(database);

      const profiles = await rowsOf<{ id: string; user_id: string; name: string; kids: boolean; maturity_ceiling: string }>(orm, sql`select id, user_id, name, kids, maturity_ceiling from profiles order by seq`);
      expect(profiles.map((profile) => [profile.user_id, profile.name, profile.kids, profile.maturity_ceiling])).toEqual([
        ['user_a', 'Ada', false, 'NC-17'],
        ['user_b', 'Bea', false, 'NC-17'],
      ]);
      const profileOf = new Map(profiles.map((profile) => [profile.user_id, profile.id]));
      expect(await rowsOf(orm, sql`select profile_id, title_id from my_list_entries order by title_id`)).toEqual([
        { profile_id: profileOf.get('user_a'), title_id: 'tt1000' },
        { profile_id: profileOf.get('user_b'), title_id: 'tt1001' },
      ]);
      expect(await rowsOf(orm, sql`select profile_id, rating from ratings`)).toEqual([{ profile_id: profileOf.get('user_a'), rating: 'love' }]);
      expect(await rowsOf(orm, sql`select profile_id, position from viewing_progress`)).toEqual([{ profile_id: profileOf.get('user_b'), position: 12 }]);
      expect(await rowsOf(orm, sql`select profile_id, kind from play_events order by seq`)).toEqual([
        { profile_id: profileOf.get('user_a'), kind: 'play' },
        { profile_id: profileOf.get('user_b'), kind: 'complete' },
      ]);
      expect(await rowsOf(orm, sql`select id, profile_id from login_sessions`)).toEqual([{ id: 's1', profile_id: null }]);
      // The new keys hold: one entry per profile and title.
      await expect(orm.execute(sql`insert into my_list_entries (profile_id, title_id, added_at) values (${profileOf.get('user_a')}, 'tt1000', now())`)).rejects.toThrow();
    } finally {
      await database.close();
      rmSync(before, { recursive: true, force: true });
    }
  }, 60_000);
});
