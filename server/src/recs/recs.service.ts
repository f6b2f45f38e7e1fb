import { Injectable } from '@nestjs/common';
import { CatalogService } from '../catalog/catalog.service';
import { TitleSummaryDto } from '../catalog/dto/title-summary.dto';
import { Title } from '../catalog/title';
import { Audience } from '../catalog/audience';
import { Clock } from '../common/clock/clock';
import { ProfileViewer } from '../common/decorators/current-user.decorator';
import { BecauseYouWatchedDto } from './dto/because-you-watched.dto';
import { HomePageDto } from './dto/home-page.dto';
import { RecommendationListDto } from './dto/recommendation-list.dto';
import { HomeRows, ROW_SIZE } from './home-rows';
import { PicksService } from './picks.service';
import { buildTasteProfile, knowsNothing, TasteProfile } from './taste-profile';
import { TrendingService } from './trending.service';
import { ViewerSignals } from './viewer-signals';
import { ViewerSignalsService } from './viewer-signals.service';

export const DEFAULT_FOR_YOU_LIMIT = 20;
/** Genre rows close the home page; this many of them. */
export const GENRE_ROWS = 6;

function genreRowId(genre: string): string {
  return `genre-${genre.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}

/** The recommendation endpoints: the whole home page, and the lists it is made of. */
@Injectable()
export class RecsService {
  constructor(
    private readonly signals: ViewerSignalsService,
    private readonly picks: PicksService,
    private readonly trending: TrendingService,
    private readonly catalog: CatalogService,
    private readonly clock: Clock,
  ) {}

  /** The profile's home page, of titles it may see only. */
  async home(viewer: ProfileViewer): Promise<HomePageDto> {
    const { audience } = viewer;
    const { signals, profile } = await this.viewer(viewer);
    const page = new HomeRows();
    const liked = (title: Title) => !profile.dislikedIds.has(title.id);
    const started = signals.history.filter((entry) => !entry.completed && entry.progress > 0).map((entry) => entry.title);
    const continueWatching = page.ownRow('continue-watching', 'Continue Watching', started.filter(liked));
    const myList = page.ownRow('my-list', 'My List', signals.myList.filter(liked));

    // Rows take their titles in order of importance; a less important row yields a shared title.
    const exclusion = page.exclusion(profile.excludedIds);
    const trending = page.row('trending', 'Trending Now', await this.trending.titles(ROW_SIZE, exclusion, audience), exclusion);
    // Knowing nothing of the viewer, Top picks would repeat Trending Now: it carries on where that stops.
    const pickExclusion = knowsNothing(profile) ? page.shownExclusion(profile.excludedIds) : exclusion;
    const topPicks = page.row('top-picks', 'Top picks for you', await this.picks.forYou(profile, ROW_SIZE, pickExclusion, audience), pickExclusion);
    const because = [];
    for (const source of profile.becauseSources) {
      const items = await this.picks.because(source, profile, ROW_SIZE, exclusion, audience);
      because.push(page.row(`because-${source.id}`, `Because you watched ${source.name}`, items, exclusion));
    }
    const genres = [];
    const shown = page.shownExclusion(profile.excludedIds);
    for (const genre of await this.genresFor(profile, audience)) {
      if (genres.length >= GENRE_ROWS) break;
      const fresh = await this.catalog.topByPopularity(genre, ROW_SIZE, shown, audience);
      const repeats = fresh.length < ROW_SIZE ? await this.catalog.topByPopularity(genre, ROW_SIZE, exclusion, audience) : [];
      const row = page.genreRow(genreRowId(genre), genre, fresh, repeats);
      if (row) genres.push(row);
    }

    const rows = [continueWatching, myList, trending, ...because, topPicks, ...genres].filter((row) => row !== undefined);
    return { rows: rows.map((row) => ({ id: row.id, title: row.title, items: this.summaries(row.items) })) };
  }

  async forYou(viewer: ProfileViewer, limit = DEFAULT_FOR_YOU_LIMIT): Promise<RecommendationListDto> {
    const { profile } = await this.viewer(viewer);
    return { items: this.summaries(await this.picks.forYou(profile, limit, profile.excludedIds, viewer.audience)) };
  }

  async because(viewer: ProfileViewer, titleId: string): Promise<BecauseYouWatchedDto> {
    const source = await this.catalog.get(titleId, viewer.audience);
    const { profile } = await this.viewer(viewer);
    const items = await this.picks.because(source, profile, ROW_SIZE, profile.excludedIds, viewer.audience);
    return { source: this.catalog.summary(source), items: this.summaries(items) };
  }

  async trendingNow(viewer: ProfileViewer): Promise<RecommendationListDto> {
    const { profile } = await this.viewer(viewer);
    return { items: this.summaries(await this.trending.titles(ROW_SIZE, profile.dislikedIds, viewer.audience)) };
  }

  private async viewer(viewer: ProfileViewer): Promise<{ signals: ViewerSignals; profile: TasteProfile }> {
    const signals = await this.signals.load(viewer.profileId, viewer.audience);
    return { signals, profile: buildTasteProfile(signals, this.clock.now()) };
  }

  /** Every genre, the viewer's favourites first, then the rest by how much of the catalog they hold. */
  private async genresFor(profile: TasteProfile, audience: Audience): Promise<string[]> {
    const editorial = (await this.catalog.genres(audience)).items.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    const affinity = (genre: string) => profile.genreAffinity.get(genre) ?? 0;
    return editorial
      .map((genre, rank) => ({ name: genre.name, rank }))
      .sort((a, b) => affinity(b.name) - affinity(a.name) || a.rank - b.rank)
      .map((genre) => genre.name);
  }

  private summaries(titles: readonly Title[]): TitleSummaryDto[] {
    return titles.map((title) => this.catalog.summary(title));
  }
}
