import { integer, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { titles } from '../catalog/titles.schema';

/** The episodes of the titles that are series; a title without any is a film. Seeded like the catalog. */
export const episodes = pgTable(
  'episodes',
  {
    /** `<titleId>-s<season>e<number>`. */
    id: text('id').primaryKey(),
    titleId: text('title_id')
      .notNull()
      .references(() => titles.id, { onDelete: 'cascade' }),
    season: integer('season').notNull(),
    number: integer('number').notNull(),
    name: text('name').notNull(),
    synopsis: text('synopsis').notNull(),
    runtimeMinutes: integer('runtime_minutes').notNull(),
  },
  (table) => [unique('episodes_title_season_number_unique').on(table.titleId, table.season, table.number)],
);
