import { sql } from 'drizzle-orm';
import { bigint, check, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { titles } from '../catalog/titles.schema';
import { profiles } from '../profiles/profiles.schema';

/** Every play and completion, in order: the source of truth that trending, co-watching and taste are rebuilt from. */
export const playEvents = pgTable(
  'play_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    profileId: text('profile_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    titleId: text('title_id')
      .notNull()
      .references(() => titles.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['play', 'complete'] }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    index('play_events_occurred_at_idx').on(table.occurredAt),
    index('play_events_profile_seq_idx').on(table.profileId, table.seq),
    check('play_events_kind_check', sql`${table.kind} in ('play', 'complete')`),
  ],
);
