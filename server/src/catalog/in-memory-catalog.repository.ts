import { Injectable } from '@nestjs/common';
import { CatalogFilter, CatalogPage, GenreCount } from './catalog-filter';
import { CATALOG_SORTS, CatalogSort, CatalogSortIndex, compareFor } from './catalog-sort-index';
import { CatalogRepository } from './catalog.repository';
import { maturityLevel, TOP_MATURITY_LEVEL } from './maturity';
import { foldText, searchWords } from './search-text';
import { SimilarityIndex } from './similarity-index';
import { Title } from './title';

/** Longest word prefix indexed for search-as-you-type; longer query words are checked against the name. */
const MAX_PREFIX = 12;

/** First index in an ascending list whose value is greater than `value`. */
function upperBound(sorted: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function contains(sorted: ArrayLike<number>, value: number): boolean {
  const index = upperBound(sorted, value) - 1;
  return index >= 0 && sorted[index] === value;
}

/**
 * The catalog in memory, with the indexes its queries need: by id; per sort order, by genre, decade and
 * maturity ceiling (ascending lists of positions in that order, see CatalogSortIndex); and by word
 * prefix (ascending ordinals). A page walks the shortest list from the cursor and checks the others
 * by binary search, so its cost follows the page, not the catalog.
 */
@Injectable()
export class InMemoryCatalogRepository extends CatalogRepository {
  private readonly titles: Title[];
  private readonly byId = new Map<string, Title>();
  private readonly sorted = new Map<CatalogSort, CatalogSortIndex>();
  private readonly ordinalsByPrefix = new Map<string, number[]>();
  private readonly nameWords: string[][];
  private readonly genreNames = new Map<string, string>();
  private readonly similarity: SimilarityIndex;
  /** Each title's maturity level, by ordinal. */
  private readonly levels: number[];
  /** By ceiling (index = level): every visible title, most popular first. */
  private readonly byPopularity: Title[][] = [];
  /** By ceiling: per canonical genre, its visible titles most popular first. */
  private readonly byPopularityInGenre: Map<string, Title[]>[] = [];
  /** By ceiling: the genres with visible titles and how many. */
  private readonly genreCountsByLevel: GenreCount[][] = [];

  constructor(titles: Title[]) {
    super();
    this.titles = [...titles].sort((a, b) => a.ordinal - b.ordinal);
    this.titles.forEach((title, index) => {
      if (title.ordinal !== index) throw new Error(`Catalog ordinals must run 0..n-1; ${title.id} has ${title.ordinal}`);
    });
    this.nameWords = this.titles.map((title) => searchWords(title.name));
    for (const title of this.titles) {
      this.byId.set(title.id, title);
      for (const genre of title.genres) {
        this.genreNames.set(genre.toLowerCase(), genre);
      }
      const prefixes = new Set<string>();
      for (const word of this.nameWords[title.ordinal]) {
        for (let length = 1; length <= Math.min(word.length, MAX_PREFIX); length++) prefixes.add(word.slice(0, length));
      }
      for (const prefix of prefixes) this.push(this.ordinalsByPrefix, prefix, title.ordinal);
    }
    this.similarity = new SimilarityIndex(this.titles);
    this.levels = this.titles.map((title) => maturityLevel(title.maturityRating));
    const foldedNames = this.titles.map((title) => foldText(title.name));
    for (const sort of CATALOG_SORTS) this.sorted.set(sort, new CatalogSortIndex(this.titles, compareFor(sort, foldedNames), this.levels));
    const mostPopularFirst = [...this.titles].sort((a, b) => b.popularity - a.popularity || a.ordinal - b.ordinal);
    for (let level = 0; level <= TOP_MATURITY_LEVEL; level++) {
      const visible = mostPopularFirst.filter((title) => this.levels[title.ordinal] <= level);
      const inGenre = new Map<string, Title[]>();
      for (const title of visible) {
        for (const genre of title.genres) {
          const list = inGenre.get(genre);
          if (list) list.push(title);
          else inGenre.set(genre, [title]);
        }
      }
      this.byPopularity.push(visible);
      this.byPopularityInGenre.push(inGenre);
      this.genreCountsByLevel.push([...inGenre].map(([name, titles]) => ({ name, count: titles.length })).sort((a, b) => a.name.localeCompare(b.name)));
    }
  }

  /** A ceiling as an index into the per-level lists. */
  private levelOf(maxLevel: number | undefined): number {
    return maxLevel === undefined ? TOP_MATURITY_LEVEL : Math.max(0, Math.min(TOP_MATURITY_LEVEL, Math.floor(maxLevel)));
  }

  async findById(id: string): Promise<Title | undefined> {
    return this.byId.get(id);
  }

  async findMany(ids: readonly string[]): Promise<Title[]> {
    const found: Title[] = [];
    for (const id of ids) {
      const title = this.byId.get(id);
      if (title) found.push(title);
    }
    return found;
  }

  async findPage(filter: CatalogFilter, afterPosition: number | null, limit: number): Promise<CatalogPage<Title>> {
    const sort = filter.sort ?? 'catalog';
    const index = this.sorted.get(sort) as CatalogSortIndex;
    const words = filter.words ?? [];
    // Prefix lists hold ordinals, which are positions in catalog order only.
    if (words.length > 0 && sort !== 'catalog') throw new Error('word searches page in catalog order only');
    const lists: ArrayLike<number>[] = [];
    const upTo = index.upTo(this.levelOf(filter.maxLevel));
    if (upTo) lists.push(upTo);
    if (filter.genre !== undefined && filter.decade !== undefined) lists.push(index.genreInDecade(filter.genre, filter.decade));
    else if (filter.genre !== undefined) lists.push(index.genre(filter.genre));
    else if (filter.decade !== undefined) lists.push(index.decade(filter.decade));
    for (const word of words) lists.push(this.ordinalsByPrefix.get(word.slice(0, MAX_PREFIX)) ?? []);
    const longWords = words.filter((word) => word.length > MAX_PREFIX);
    const start = afterPosition === null ? -1 : afterPosition;

    const positions: number[] = [];
    if (lists.length === 0) {
      const end = Math.min(index.byRank.length, start + 1 + limit + 1);
      for (let position = start + 1; position < end; position++) positions.push(position);
    } else {
      lists.sort((a, b) => a.length - b.length);
      const [driver, ...others] = lists;
      for (let at = upperBound(driver, start); at < driver.length && positions.length <= limit; at++) {
        const position = driver[at];
        if (!others.every((list) => contains(list, position))) continue;
        if (longWords.length > 0 && !this.matchesLongWords(index.byRank[position].ordinal, longWords)) continue;
        positions.push(position);
      }
    }
    const hasMore = positions.length > limit;
    const kept = hasMore ? positions.slice(0, limit) : positions;
    return { items: kept.map((position) => index.byRank[position]), hasMore, lastPosition: kept[kept.length - 1] };
  }

  async genreCounts(maxLevel?: number): Promise<GenreCount[]> {
    return this.genreCountsByLevel[this.levelOf(maxLevel)].map((entry) => ({ ...entry }));
  }

  async findSimilar(id: string, limit: number, exclude?: ReadonlySet<string>, maxLevel?: number): Promise<Title[]> {
    const title = this.byId.get(id);
    const level = this.levelOf(maxLevel);
    const admits = level < TOP_MATURITY_LEVEL ? (candidate: Title) => this.levels[candidate.ordinal] <= level : undefined;
    return title ? this.similarity.similarTo(title, limit, exclude, admits) : [];
  }

  async topByPopularity(genre: string | undefined, limit: number, exclude?: ReadonlySet<string>, maxLevel?: number): Promise<Title[]> {
    const level = this.levelOf(maxLevel);
    const ranked = genre === undefined ? this.byPopularity[level] : (this.byPopularityInGenre[level].get(genre) ?? []);
    const result: Title[] = [];
    // Walks the precomputed list: the cost follows the limit and the exclusions met, not the catalog.
    for (let index = 0; index < ranked.length && result.length < limit; index++) {
      if (!exclude?.has(ranked[index].id)) result.push(ranked[index]);
    }
    return result;
  }

  async canonicalGenre(name: string): Promise<string | undefined> {
    return this.genreNames.get(name.toLowerCase());
  }

  async count(): Promise<number> {
    return this.titles.length;
  }

  private matchesLongWords(ordinal: number, longWords: string[]): boolean {
    const words = this.nameWords[ordinal];
    return longWords.every((query) => words.some((word) => word.startsWith(query)));
  }

  private push(index: Map<string, number[]>, key: string, ordinal: number): void {
    const list = index.get(key);
    if (list) list.push(ordinal);
    else index.set(key, [ordinal]);
  }
}
