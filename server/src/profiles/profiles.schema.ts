import { sql } from 'drizzle-orm';
import { bigint, boolean, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../users/users.schema';

export const profiles = pgTable(
  'profiles',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    avatar: text('avatar').notNull(),
    kids: boolean('kids').notNull(),
    maturityCeiling: text('maturity_ceiling').notNull(),
    pinHash: text('pin_hash'),
    autoplayNext: boolean('autoplay_next').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** From activity_seq: an account's profiles in the order they were added. */
    seq: bigint('seq', { mode: 'number' })
      .notNull()
      .default(sql`nextval('activity_seq')`),
  },
  (table) => [index('profiles_user_seq_idx').on(table.userId, table.seq)],
);
