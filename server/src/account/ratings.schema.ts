import { sql } from 'drizzle-orm';
import { bigint, check, index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { titles } from '../catalog/titles.schema';
import { profiles } from '../profiles/profiles.schema';

export const ratings = pgTable(
  'ratings',
  {
    profileId: text('profile_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    titleId: text('title_id')
      .notNull()
      .references(() => titles.id, { onDelete: 'cascade' }),
    rating: text('rating', { enum: ['down', 'up', 'love'] }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** From activity_seq, renewed on every change: most recent first. */
    seq: bigint('seq', { mode: 'number' })
      .notNull()
      .default(sql`nextval('activity_seq')`),
  },
  (table) => [
    primaryKey({ columns: [table.profileId, table.titleId] }),
    index('ratings_profile_seq_idx').on(table.profileId, table.seq),
    check('ratings_rating_check', sql`${table.rating} in ('down', 'up', 'love')`),
  ],
);
