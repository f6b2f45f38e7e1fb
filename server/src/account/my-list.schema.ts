import { sql } from 'drizzle-orm';
import { bigint, index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { titles } from '../catalog/titles.schema';
import { users } from '../users/users.schema';

export const myListEntries = pgTable(
  'my_list_entries',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    titleId: text('title_id')
      .notNull()
      .references(() => titles.id, { onDelete: 'cascade' }),
    addedAt: timestamp('added_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** From activity_seq: the list's order, newest first. */
    seq: bigint('seq', { mode: 'number' })
      .notNull()
      .default(sql`nextval('activity_seq')`),
  },
  (table) => [primaryKey({ columns: [table.userId, table.titleId] }), index('my_list_entries_user_seq_idx').on(table.userId, table.seq)],
);
