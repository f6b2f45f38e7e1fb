import type { CatalogSort } from './catalog-sort-index';

/** What a catalog page is filtered by and sorted in; all optional. */
export interface CatalogFilter {
  /** Canonical genre name, or a name that matches none (then nothing matches). */
  genre?: string;
  /** Folded query words; each must start a word of the name. */
  words?: string[];
  /** Titles above this maturity level are left out (see maturity.ts); all when undefined. */
  maxLevel?: number;
  /** Only titles of this decade (1990 for the 1990s). */
  decade?: number;
  /** The order of the pages; catalog order when undefined. Word searches page in catalog order only. */
  sort?: CatalogSort;
}

export interface CatalogPage<T> {
  items: T[];
  /** True when more titles match after the last item. */
  hasMore: boolean;
  /** The last item's position in the page's sort order: what a cursor to the next page holds. */
  lastPosition?: number;
}

export interface GenreCount {
  name: string;
  count: number;
}
