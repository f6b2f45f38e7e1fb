import { boolean, doublePrecision, index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { titles } from '../catalog/titles.schema';
import { profiles } from '../profiles/profiles.schema';
import { episodes } from '../series/episodes.schema';

/** Progress per episode; the series' own row in viewing_progress points at the episode watched last. */
export const episodeProgress = pgTable(
  'episode_progress',
  {
    profileId: text('profile_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    episodeId: text('episode_id')
      .notNull()
      .references(() => episodes.id, { onDelete: 'cascade' }),
    /** The series, so forgetting a title forgets its episodes in one statement. */
    titleId: text('title_id')
      .notNull()
      .references(() => titles.id, { onDelete: 'cascade' }),
    position: doublePrecision('position').notNull(),
    duration: doublePrecision('duration').notNull(),
    completed: boolean('completed').notNull(),
    /** An older heartbeat never overwrites a newer one. */
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.profileId, table.episodeId] }), index('episode_progress_profile_title_idx').on(table.profileId, table.titleId)],
);
