/**
 * Film and TV ratings on one scale, least mature first: ratings on one level ask the same of a
 * viewer. A profile's maturity ceiling is one of these ratings; it sees the titles at or below its
 * level.
 */
export const MATURITY_SCALE: readonly (readonly string[])[] = [['TV-Y'], ['G', 'TV-G'], ['TV-Y7', 'PG', 'TV-PG'], ['PG-13', 'TV-14'], ['R', 'TV-MA'], ['NC-17']];

/** Every rating, in the scale's order. */
export const MATURITY_RATINGS: readonly string[] = MATURITY_SCALE.flat();

/** The highest level: nothing is held back. */
export const TOP_MATURITY_LEVEL = MATURITY_SCALE.length - 1;

/** A kids profile's ceiling is at most this level (TV-Y7 / PG). */
export const KIDS_MAX_LEVEL = 2;

/** What a new profile gets unless it says otherwise. */
export const DEFAULT_CEILING = 'NC-17';
export const DEFAULT_KIDS_CEILING = 'TV-Y7';

const LEVEL_BY_RATING = new Map(MATURITY_SCALE.flatMap((ratings, level) => ratings.map((rating) => [rating, level] as const)));

export function isMaturityRating(rating: string): boolean {
  return LEVEL_BY_RATING.has(rating);
}

/** The level of a rating; a rating not on the scale counts as the most mature, so it is never shown by mistake. */
export function maturityLevel(rating: string): number {
  return LEVEL_BY_RATING.get(rating) ?? TOP_MATURITY_LEVEL;
}
