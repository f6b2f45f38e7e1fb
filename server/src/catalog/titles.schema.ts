import { sql } from 'drizzle-orm';
import { doublePrecision, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';

/** The catalog; the API serves it from an in-process read model loaded from here at start. */
export const titles = pgTable('titles', {
  id: text('id').primaryKey(),
  /** Position in the catalog's stable order, 0..n-1; cursors point at it. */
  ordinal: integer('ordinal').notNull().unique(),
  name: text('name').notNull(),
  synopsis: text('synopsis').notNull(),
  year: integer('year').notNull(),
  genres: text('genres').array().notNull(),
  maturityRating: text('maturity_rating').notNull(),
  runtimeMinutes: integer('runtime_minutes').notNull(),
  popularity: doublePrecision('popularity').notNull(),
  artwork: jsonb('artwork').$type<{ palette: string[]; motif: string }>().notNull(),
  /** Leads first; empty for generated titles. */
  cast: text('cast').array().notNull().default(sql`'{}'::text[]`),
  director: text('director'),
});
