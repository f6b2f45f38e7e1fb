import { migrate } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { sql } from 'drizzle-orm';
import { rmSync } from 'node:fs';
import { PostgresRefreshTokenRepository } from '../auth/postgres-refresh-token.repository';
import { migrationsFolderBefore } from '../../test/support/migrations-before';
import { migrateDatabase } from './migrations';
import { rowsOf } from './orm';
import { PgliteDatabaseClient } from './pglite-database-client';

describe('migration 0002_refresh_grace', () => {
  it('keeps tokens rotated before it used, outside any grace period, and live ones live', async () => {
    const database = await PgliteDatabaseClient.open(undefined);
    const before = migrationsFolderBefore('0002_refresh_grace');
    try {
      await migrate(database.orm() as unknown as PgliteDatabase, { migrationsFolder: before });
      const orm = database.orm();
      await orm.execute(sql`insert into users (id, email, name, password_hash, created_at) values ('user_a', 'a@example.com', 'Ada', 'hash', now())`);
      await orm.execute(sql`insert into login_sessions (id, user_id, created_at, expires_at) values ('s1', 'user_a', now(), now() + interval '1 day')`);
      await orm.execute(sql`insert into refresh_tokens (token_hash, session_id, rotated) values ('used', 's1', true), ('live', 's1', false)`);

      await migrateDatabase(database);

      expect(await rowsOf(orm, sql`select token_hash, extract(epoch from rotated_at)::int as rotated_at from refresh_tokens order by token_hash`)).toEqual([
        { token_hash: 'live', rotated_at: null },
        { token_hash: 'used', rotated_at: 0 },
      ]);
      const tokens = new PostgresRefreshTokenRepository(database);
      // The token rotated before the upgrade comes back: a copy, whatever the grace period.
      expect(await tokens.rotate('used', 'live', Date.now(), 60_000)).toEqual({ outcome: 'reused', sessionId: 's1' });
      expect(await tokens.findSession('s1')).toBeUndefined();
    } finally {
      await database.close();
      rmSync(before, { recursive: true, force: true });
    }
  }, 60_000);
});
