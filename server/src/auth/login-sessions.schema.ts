import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { profiles } from '../profiles/profiles.schema';
import { users } from '../users/users.schema';

/** One row per login: the family every refresh token rotated from that login belongs to. */
export const loginSessions = pgTable(
  'login_sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** The profile chosen in this login; its removal leaves the login on the account's first profile. */
    profileId: text('profile_id').references(() => profiles.id, { onDelete: 'set null' }),
  },
  (table) => [index('login_sessions_user_id_idx').on(table.userId), index('login_sessions_expires_at_idx').on(table.expiresAt)],
);

/** Refresh tokens by SHA-256 hash; ending a login deletes its tokens with it. */
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => loginSessions.id, { onDelete: 'cascade' }),
    /** When it was exchanged for its successor; null while it is the login's live token. */
    rotatedAt: timestamp('rotated_at', { withTimezone: true, mode: 'date' }),
  },
  (table) => [index('refresh_tokens_session_id_idx').on(table.sessionId)],
);
