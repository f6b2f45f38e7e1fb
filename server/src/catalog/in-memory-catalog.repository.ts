import { Injectable } from '@nestjs/common';
import { CatalogFilter, CatalogPage, GenreCount } from './catalog-filter';
import { CatalogSearchIndex } from './catalog-search';
import { CATALOG_SORTS, CatalogSort, CatalogSortIndex, compareFor } from './catalog-sort-index';
import { CatalogRepository } from './catalog.repository';
import { maturityLevel, TOP_MATURITY_LEVEL } from './maturity';
import { searchWords } from './search-text';
import { intersectAfter } from './sorted-lists';
import { SimilarityIndex } from './similarity-index';
import { Title } from './title';

/**
 * The catalog in memory, with the indexes its queries need: by id; per sort order, by genre, decade and
 * maturity ceiling (ascending lists of positions in that order, see CatalogSortIndex); and for search,
 * by words of names, people, genres and synopses (CatalogSearchIndex). A page walks the shortest list
 * from the cursor and checks the others by binary search, so its cost follows the page, not the catalog.
 */
@Injectable()
export class InMemoryCatalogRepository extends CatalogRepository {
  private readonly titles: Title[];
  private readonly byId = new Map<string, Title>();
  private readonly sorted = new Map<CatalogSort, CatalogSortIndex>();
  private readonly search: CatalogSearchIndex;
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
    for (const title of this.titles) {
      this.byId.set(title.id, title);
      for (const genre of title.genres) this.genreNames.set(genre.toLowerCase(), genre);
    }
    this.similarity = new SimilarityIndex(this.titles);
    this.levels = this.titles.map((title) => maturityLevel(title.maturityRating));
    const nameKeys = this.titles.map((title) => searchWords(title.name).join(' '));
    for (const sort of CATALOG_SORTS) this.sorted.set(sort, new CatalogSortIndex(this.titles, compareFor(sort, nameKeys), this.levels));
    this.search = new CatalogSearchIndex(this.titles, this.sorted.get('az') as CatalogSortIndex);
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
    const words = filter.words ?? [];
    if (words.length > 0) {
      // Search pages come closest match first; the filters apply in every tier.
      if (sort !== 'catalog') throw new Error('a search pages closest match first, in no other sort');
      const byOrdinal = this.filterLists(this.sorted.get('catalog') as CatalogSortIndex, filter);
      const byNameRank = this.filterLists(this.sorted.get('az') as CatalogSortIndex, filter);
      const found = this.search.page(words, { byOrdinal, byNameRank }, afterPosition, limit);
      return { items: found.items, hasMore: found.hasMore, lastPosition: found.positions[found.positions.length - 1] };
    }
    const index = this.sorted.get(sort) as CatalogSortIndex;
    const lists = this.filterLists(index, filter);
    const start = afterPosition === null ? -1 : afterPosition;
    let positions: number[];
    if (lists.length === 0) {
      positions = [];
      const end = Math.min(index.byRank.length, start + 1 + limit + 1);
      for (let position = start + 1; position < end; position++) positions.push(position);
    } else {
      positions = intersectAfter(lists, start, limit + 1);
    }
    const hasMore = positions.length > limit;
    const kept = hasMore ? positions.slice(0, limit) : positions;
    return { items: kept.map((position) => index.byRank[position]), hasMore, lastPosition: kept[kept.length - 1] };
  }

  /** The lists a filter asks to intersect, in one sort order's positions. */
  private filterLists(index: CatalogSortIndex, filter: CatalogFilter): ArrayLike<number>[] {
    const lists: ArrayLike<number>[] = [];
    const upTo = index.upTo(this.levelOf(filter.maxLevel));
    if (upTo) lists.push(upTo);
    if (filter.genre !== undefined && filter.decade !== undefined) lists.push(index.genreInDecade(filter.genre, filter.decade));
    else if (filter.genre !== undefined) lists.push(index.genre(filter.genre));
    else if (filter.decade !== undefined) lists.push(index.decade(filter.decade));
    return lists;
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
}
