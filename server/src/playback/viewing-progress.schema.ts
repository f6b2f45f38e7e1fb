import { sql } from 'drizzle-orm';
import { bigint, boolean, doublePrecision, index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { titles } from '../catalog/titles.schema';
import { profiles } from '../profiles/profiles.schema';
import { episodes } from '../series/episodes.schema';

export const viewingProgress = pgTable(
  'viewing_progress',
  {
    profileId: text('profile_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    titleId: text('title_id')
      .notNull()
      .references(() => titles.id, { onDelete: 'cascade' }),
    /** For a series, the episode watched last (position, duration and completed are its). */
    episodeId: text('episode_id').references(() => episodes.id, { onDelete: 'set null' }),
    position: doublePrecision('position').notNull(),
    duration: doublePrecision('duration').notNull(),
    completed: boolean('completed').notNull(),
    /** When the heartbeat that set this arrived; an older one never overwrites a newer one. */
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** From activity_seq, renewed on every save: most recently updated first. */
    seq: bigint('seq', { mode: 'number' })
      .notNull()
      .default(sql`nextval('activity_seq')`),
  },
  (table) => [primaryKey({ columns: [table.profileId, table.titleId] }), index('viewing_progress_profile_seq_idx').on(table.profileId, table.seq)],
);
