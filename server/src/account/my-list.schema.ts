import { sql } from 'drizzle-orm';
import { bigint, index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { titles } from '../catalog/titles.schema';
import { profiles } from '../profiles/profiles.schema';

export const myListEntries = pgTable(
  'my_list_entries',
  {
    profileId: text('profile_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    titleId: text('title_id')
      .notNull()
      .references(() => titles.id, { onDelete: 'cascade' }),
    addedAt: timestamp('added_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** From activity_seq: the list's order, newest first. */
    seq: bigint('seq', { mode: 'number' })
      .notNull()
      .default(sql`nextval('activity_seq')`),
  },
  (table) => [primaryKey({ columns: [table.profileId, table.titleId] }), index('my_list_entries_profile_seq_idx').on(table.profileId, table.seq)],
);
