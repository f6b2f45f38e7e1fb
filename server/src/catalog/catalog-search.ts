import { CatalogSortIndex } from './catalog-sort-index';
import { searchWords } from './search-text';
import { contains, intersectAfter, lowerBoundText } from './sorted-lists';
import { Title } from './title';

/** Longest word prefix indexed for search-as-you-type; longer query words are checked against the words themselves. */
export const MAX_PREFIX = 12;

/**
 * How close a match is, closest first: the name starts with the query; every query word starts a word
 * of the name; of one cast member's or the director's name (one person: "Isolde Varnholm" is not
 * Isolde Szarvek beside Radomir Varnholm); of a genre; is a word of the synopsis.
 */
export enum SearchTier {
  NamePrefix = 0,
  NameWords = 1,
  People = 2,
  Genre = 3,
  Synopsis = 4,
}
const TIERS = [SearchTier.NamePrefix, SearchTier.NameWords, SearchTier.People, SearchTier.Genre, SearchTier.Synopsis];

/** A search position is tier × TIER_SPAN + the place within the tier (an A–Z rank, else an ordinal). */
const TIER_SPAN = 1_000_000_000;

/** The filters of a search page, as lists to intersect: in catalog order (ordinals) and in A–Z order (ranks). */
export interface SearchFilterLists {
  byOrdinal: ArrayLike<number>[];
  byNameRank: ArrayLike<number>[];
}

function prefixesOf(words: Iterable<string>): Set<string> {
  const prefixes = new Set<string>();
  for (const word of words) {
    for (let length = 1; length <= Math.min(word.length, MAX_PREFIX); length++) prefixes.add(word.slice(0, length));
  }
  return prefixes;
}

function push(index: Map<string, number[]>, key: string, ordinal: number): void {
  const list = index.get(key);
  if (list) list.push(ordinal);
  else index.set(key, [ordinal]);
}

const startsAll = (queryWords: readonly string[], words: readonly string[] | undefined) =>
  words !== undefined && queryWords.every((query) => words.some((word) => word.startsWith(query)));

/**
 * Search over names, cast and director, genres and synopses, closest matches first. Each field has an
 * index of ascending ordinals (word prefixes; whole words for synopses); a page walks the tiers in
 * order, each by intersecting its lists from the cursor on, and keeps a title only in the closest tier
 * it matches, so a cursor walk sees every match once.
 */
export class CatalogSearchIndex {
  private readonly namePrefixes = new Map<string, number[]>();
  private readonly peoplePrefixes = new Map<string, number[]>();
  private readonly genrePrefixes = new Map<string, number[]>();
  private readonly synopsisWords = new Map<string, number[]>();
  /** By ordinal: the words of the name, of the people, of the genres. */
  private readonly nameWords: string[][];
  private readonly peopleWords: (string[][] | undefined)[] = [];
  private readonly genreWords = new Map<string, string[]>();
  /** By A–Z rank: the name's words joined by one space, what "starts with the query" is checked on. */
  private readonly nameKeys: string[];

  constructor(
    private readonly titles: readonly Title[],
    private readonly byName: CatalogSortIndex,
  ) {
    this.nameWords = titles.map((title) => searchWords(title.name));
    this.nameKeys = byName.byRank.map((title) => this.nameWords[title.ordinal].join(' '));
    for (const title of titles) {
      for (const prefix of prefixesOf(this.nameWords[title.ordinal])) push(this.namePrefixes, prefix, title.ordinal);
      const people = [...(title.cast ?? []), ...(title.director ? [title.director] : [])];
      if (people.length > 0) {
        const words = people.map((person) => searchWords(person));
        this.peopleWords[title.ordinal] = words;
        for (const prefix of prefixesOf(words.flat())) push(this.peoplePrefixes, prefix, title.ordinal);
      }
      const genreWords = new Set<string>();
      for (const genre of title.genres) {
        let words = this.genreWords.get(genre);
        if (!words) this.genreWords.set(genre, (words = searchWords(genre)));
        for (const word of words) genreWords.add(word);
      }
      for (const prefix of prefixesOf(genreWords)) push(this.genrePrefixes, prefix, title.ordinal);
      for (const word of new Set(searchWords(title.synopsis))) push(this.synopsisWords, word, title.ordinal);
    }
  }

  /** The closest tier a title matches the query words in (it matches at least the synopsis when asked). */
  tierOf(title: Title, words: readonly string[]): SearchTier {
    const nameWords = this.nameWords[title.ordinal];
    if (nameWords.join(' ').startsWith(words.join(' '))) return SearchTier.NamePrefix;
    if (startsAll(words, nameWords)) return SearchTier.NameWords;
    if (this.peopleWords[title.ordinal]?.some((person) => startsAll(words, person))) return SearchTier.People;
    if (startsAll(words, title.genres.flatMap((genre) => this.genreWords.get(genre) ?? []))) return SearchTier.Genre;
    return SearchTier.Synopsis;
  }

  /** Up to `limit` matches after search position `after`, closest first; positions say where each is. */
  page(words: readonly string[], filters: SearchFilterLists, after: number | null, limit: number): { items: Title[]; positions: number[]; hasMore: boolean } {
    const startTier = after === null ? 0 : Math.floor(after / TIER_SPAN);
    const items: Title[] = [];
    const positions: number[] = [];
    for (const tier of TIERS) {
      if (tier < startTier || items.length > limit) continue;
      const within = tier === startTier && after !== null ? after % TIER_SPAN : -1;
      const wanted = limit + 1 - items.length;
      const found = tier === SearchTier.NamePrefix ? this.namePrefixMatches(words, filters, within, wanted) : this.tierMatches(tier, words, filters, within, wanted);
      for (const [place, title] of found) {
        items.push(title);
        positions.push(tier * TIER_SPAN + place);
      }
    }
    const hasMore = items.length > limit;
    return { items: items.slice(0, limit), positions: positions.slice(0, limit), hasMore };
  }

  /** Names that start with the query: one contiguous range of the A–Z order. */
  private namePrefixMatches(words: readonly string[], filters: SearchFilterLists, after: number, wanted: number): [number, Title][] {
    const phrase = words.join(' ');
    const end = lowerBoundText(this.nameKeys, `${phrase}\uffff`);
    const found: [number, Title][] = [];
    for (let rank = Math.max(after + 1, lowerBoundText(this.nameKeys, phrase)); rank < end && found.length < wanted; rank++) {
      if (filters.byNameRank.every((list) => contains(list, rank))) found.push([rank, this.byName.byRank[rank]]);
    }
    return found;
  }

  private tierMatches(tier: SearchTier, words: readonly string[], filters: SearchFilterLists, after: number, wanted: number): [number, Title][] {
    const index = tier === SearchTier.NameWords ? this.namePrefixes : tier === SearchTier.People ? this.peoplePrefixes : tier === SearchTier.Genre ? this.genrePrefixes : this.synopsisWords;
    const lists = words.map((word) => index.get(tier === SearchTier.Synopsis ? word : word.slice(0, MAX_PREFIX)) ?? []);
    const ordinals = intersectAfter([...lists, ...filters.byOrdinal], after, wanted, (ordinal) => this.tierOf(this.titles[ordinal], words) === tier);
    return ordinals.map((ordinal) => [ordinal, this.titles[ordinal]]);
  }
}
