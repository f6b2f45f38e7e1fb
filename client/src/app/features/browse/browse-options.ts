import type { BrowseSort, MaturityRating } from '../../core/library/viewer-library';

export const SORT_OPTIONS: { value: BrowseSort | ''; label: string }[] = [
  { value: '', label: 'Featured' },
  { value: 'popular', label: 'Popular' },
  { value: 'newest', label: 'Newest' },
  { value: 'az', label: 'A–Z' },
];

/** The decades the catalog spans, newest first. */
export const DECADE_OPTIONS: number[] = [2020, 2010, 2000, 1990, 1980, 1970, 1960, 1950];

export const MATURITY_OPTIONS: { value: MaturityRating; label: string }[] = [
  { value: 'G', label: 'G and below' },
  { value: 'PG', label: 'PG and below' },
  { value: 'PG-13', label: 'PG-13 and below' },
  { value: 'R', label: 'R and below' },
];

const SORTS = new Set<string>(SORT_OPTIONS.map((option) => option.value).filter(Boolean));
const MATURITIES = new Set<string>(MATURITY_OPTIONS.map((option) => option.value));

/** A sort from the URL, if it is one the API knows; anything else browses in the featured order. */
export function sortFrom(value: string | undefined): BrowseSort | undefined {
  return value && SORTS.has(value) ? (value as BrowseSort) : undefined;
}

export function decadeFrom(value: string | undefined): number | undefined {
  const decade = Number(value);
  return value && DECADE_OPTIONS.includes(decade) ? decade : undefined;
}

export function maturityFrom(value: string | undefined): MaturityRating | undefined {
  return value && MATURITIES.has(value) ? (value as MaturityRating) : undefined;
}
