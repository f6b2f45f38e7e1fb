import { TOP_MATURITY_LEVEL } from './maturity';
import { Title } from './title';

/** Orders a catalog page can come in: `catalog` is the stable catalog order (by ordinal). */
export const CATALOG_SORTS = ['catalog', 'popular', 'newest', 'az'] as const;
export type CatalogSort = (typeof CATALOG_SORTS)[number];

/** The decade a year belongs to: 1994 → 1990. */
export function decadeOf(year: number): number {
  return Math.floor(year / 10) * 10;
}

/** How each sort orders two titles (A–Z by the name's search words, `nameKeys`, by ordinal); ties fall back to catalog order, so every order is total. */
export function compareFor(sort: CatalogSort, nameKeys: readonly string[]): (a: Title, b: Title) => number {
  switch (sort) {
    case 'popular':
      return (a, b) => b.popularity - a.popularity || a.ordinal - b.ordinal;
    case 'newest':
      return (a, b) => b.year - a.year || a.ordinal - b.ordinal;
    case 'az':
      return (a, b) => {
        const x = nameKeys[a.ordinal];
        const y = nameKeys[b.ordinal];
        return x < y ? -1 : x > y ? 1 : a.ordinal - b.ordinal;
      };
    case 'catalog':
      return (a, b) => a.ordinal - b.ordinal;
  }
}

function packed(index: Map<string | number, number[]>): Map<string | number, Int32Array> {
  return new Map([...index].map(([key, ranks]) => [key, Int32Array.from(ranks)]));
}

/**
 * The catalog in one sort order, with the filters' indexes in that order: each index is the ascending
 * list of positions ("ranks") in this order of the titles it holds. A page for this sort intersects
 * them from the cursor's rank on, exactly as the catalog-order indexes do, so no request scans the
 * catalog whatever it is sorted by.
 */
export class CatalogSortIndex {
  /** Titles by rank. */
  readonly byRank: Title[];
  private readonly byGenre: Map<string | number, Int32Array>;
  private readonly byDecade: Map<string | number, Int32Array>;
  /** Genre and decade together: the browse page's commonest pair, so it never walks a sparse match. */
  private readonly byGenreDecade: Map<string | number, Int32Array>;
  /** Below the top level: the ranks of titles at or below that maturity level. */
  private readonly upToLevel: Int32Array[] = [];

  constructor(titles: readonly Title[], compare: (a: Title, b: Title) => number, levels: readonly number[]) {
    this.byRank = [...titles].sort(compare);
    const genres = new Map<string | number, number[]>();
    const decades = new Map<string | number, number[]>();
    const genreDecades = new Map<string | number, number[]>();
    const upToLevel: number[][] = Array.from({ length: TOP_MATURITY_LEVEL }, () => []);
    this.byRank.forEach((title, rank) => {
      for (const genre of title.genres) {
        push(genres, genre, rank);
        push(genreDecades, `${genre}|${decadeOf(title.year)}`, rank);
      }
      push(decades, decadeOf(title.year), rank);
      for (let level = levels[title.ordinal]; level < TOP_MATURITY_LEVEL; level++) upToLevel[level].push(rank);
    });
    this.byGenre = packed(genres);
    this.byDecade = packed(decades);
    this.byGenreDecade = packed(genreDecades);
    this.upToLevel = upToLevel.map((ranks) => Int32Array.from(ranks));
  }

  genre(name: string): ArrayLike<number> {
    return this.byGenre.get(name) ?? EMPTY;
  }

  decade(decade: number): ArrayLike<number> {
    return this.byDecade.get(decade) ?? EMPTY;
  }

  genreInDecade(name: string, decade: number): ArrayLike<number> {
    return this.byGenreDecade.get(`${name}|${decade}`) ?? EMPTY;
  }

  /** Undefined at the top level: nothing is held back, nothing to intersect. */
  upTo(level: number): ArrayLike<number> | undefined {
    return level < TOP_MATURITY_LEVEL ? this.upToLevel[level] : undefined;
  }
}

const EMPTY = new Int32Array(0);

function push(index: Map<string | number, number[]>, key: string | number, rank: number): void {
  const list = index.get(key);
  if (list) list.push(rank);
  else index.set(key, [rank]);
}
