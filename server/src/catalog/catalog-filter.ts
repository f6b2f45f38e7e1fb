/** What a catalog page is filtered by; both optional. */
export interface CatalogFilter {
  /** Canonical genre name, or a name that matches none (then nothing matches). */
  genre?: string;
  /** Folded query words; each must start a word of the name. */
  words?: string[];
  /** Titles above this maturity level are left out (see maturity.ts); all when undefined. */
  maxLevel?: number;
}

export interface CatalogPage<T> {
  items: T[];
  /** True when more titles match after the last item. */
  hasMore: boolean;
}

export interface GenreCount {
  name: string;
  count: number;
}
