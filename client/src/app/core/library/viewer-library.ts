import { inject, Injectable, signal } from '@angular/core';
import {
  addToMyList,
  Api,
  BecauseYouWatchedDto,
  EpisodeListDto,
  getBecauseYouWatched,
  listEpisodes,
  clearRating,
  ContinueWatchingDto,
  getContinueWatching,
  getHistory,
  getHome,
  getTrending,
  getMyList,
  getRatings,
  getTitle,
  HistoryDto,
  HomePageDto,
  listCatalog,
  listGenres,
  CatalogPageDto,
  GenreListDto,
  Rating,
  RatingListDto,
  RecommendationListDto,
  rateTitle,
  removeFromHistory,
  removeFromMyList,
  TitleDetailsDto,
  TitleListDto,
  ListCatalog$Params,
} from '@streaming/api';
import { RequestCache } from '../cache/request-cache';

const SECOND = 1000;
/** Titles per page of a growing list: a few rows of posters. */
export const PAGE_SIZE = 24;

export type BrowseSort = NonNullable<ListCatalog$Params['sort']>;
export type MaturityRating = NonNullable<ListCatalog$Params['maturity']>;

export interface BrowseQuery {
  genre: string;
  sort?: BrowseSort;
  decade?: number;
  maturity?: MaturityRating;
}
const MINUTE = 60 * SECOND;

/**
 * The viewer's view of the API, with caching: pages revisited show at once, and a change (My List,
 * a rating, progress) forgets exactly what it made stale.
 */
@Injectable({ providedIn: 'root' })
export class ViewerLibrary {
  private readonly api = inject(Api);
  private readonly cache = inject(RequestCache);
  private readonly progressChanges = signal(0);
  /** Goes up each time playback progress is saved or forgotten, for pages that show it. */
  readonly progressVersion = this.progressChanges.asReadonly();

  home(): Promise<HomePageDto> {
    return this.cache.get('recs:home', 30 * SECOND, () => this.api.invoke(getHome));
  }

  title(id: string): Promise<TitleDetailsDto> {
    return this.cache.get(`title:${id}`, 10 * MINUTE, () => this.api.invoke(getTitle, { id }));
  }

  /** One season's episodes of a series, in order. */
  episodes(titleId: string, season: number): Promise<EpisodeListDto> {
    return this.cache.get(`episodes:${titleId}:${season}`, 10 * MINUTE, () => this.api.invoke(listEpisodes, { id: titleId, season }));
  }

  /** Titles like this one for this viewer (leaving out what they finished or turned down). */
  similarTo(titleId: string): Promise<BecauseYouWatchedDto> {
    return this.cache.get(`recs:because:${titleId}`, MINUTE, () => this.api.invoke(getBecauseYouWatched, { titleId }));
  }

  /** One page of search results, closest matches first; the page after `cursor`, or the first. */
  search(q: string, cursor: string | null = null): Promise<CatalogPageDto> {
    return this.cache.get(`catalog:q:${q}:${cursor ?? ''}`, MINUTE, () => this.api.invoke(listCatalog, cursor ? { q, limit: PAGE_SIZE, cursor } : { q, limit: PAGE_SIZE }));
  }

  /** What everyone is watching: offered when a search finds nothing. */
  trending(): Promise<RecommendationListDto> {
    return this.cache.get('recs:trending', MINUTE, () => this.api.invoke(getTrending));
  }

  genres(): Promise<GenreListDto> {
    return this.cache.get('catalog:genres', 10 * MINUTE, () => this.api.invoke(listGenres));
  }

  /** One page of a genre, sorted and filtered; the page after `cursor`, or the first. */
  browse(query: BrowseQuery, cursor: string | null): Promise<CatalogPageDto> {
    const params = { genre: query.genre, limit: PAGE_SIZE, ...(query.sort ? { sort: query.sort } : {}), ...(query.decade ? { decade: query.decade } : {}), ...(query.maturity ? { maturity: query.maturity } : {}) };
    const key = `catalog:browse:${JSON.stringify(params)}:${cursor ?? ''}`;
    return this.cache.get(key, MINUTE, () => this.api.invoke(listCatalog, cursor ? { ...params, cursor } : params));
  }

  continueWatching(): Promise<ContinueWatchingDto> {
    return this.cache.get('me:continue', 15 * SECOND, () => this.api.invoke(getContinueWatching));
  }

  history(): Promise<HistoryDto> {
    return this.cache.get('me:history', 15 * SECOND, () => this.api.invoke(getHistory));
  }

  myList(): Promise<TitleListDto> {
    return this.cache.get('me:list', MINUTE, () => this.api.invoke(getMyList));
  }

  ratings(): Promise<RatingListDto> {
    return this.cache.get('me:ratings', MINUTE, () => this.api.invoke(getRatings));
  }

  async addToList(titleId: string): Promise<void> {
    await this.api.invoke(addToMyList, { titleId });
    this.cache.invalidate('me:list', 'recs:');
  }

  async removeFromList(titleId: string): Promise<void> {
    await this.api.invoke(removeFromMyList, { titleId });
    this.cache.invalidate('me:list', 'recs:');
  }

  async rate(titleId: string, rating: Rating | null): Promise<void> {
    if (rating) await this.api.invoke(rateTitle, { titleId, body: { rating } });
    else await this.api.invoke(clearRating, { titleId });
    this.cache.invalidate('me:ratings', 'recs:');
  }

  async forgetProgress(titleId: string): Promise<void> {
    await this.api.invoke(removeFromHistory, { titleId });
    this.progressChanged();
  }

  /** Playback moved: Continue Watching, history, episodes' progress and recommendations are stale. */
  progressChanged(): void {
    this.cache.invalidate('me:continue', 'me:history', 'recs:', 'episodes:');
    this.progressChanges.update((version) => version + 1);
  }
}
