import { Injectable } from '@nestjs/common';
import { CatalogService } from '../catalog/catalog.service';
import { Audience } from '../catalog/audience';
import { TitleSummaryDto } from '../catalog/dto/title-summary.dto';
import { ProfileViewer } from '../common/decorators/current-user.decorator';
import { ListPageQueryDto, wantsPage } from '../common/dto/list-page-query.dto';
import { ListCursor } from '../common/paging/list-cursor.service';
import { HomePages } from '../recs/home-pages.service';
import { Episode } from '../series/episode';
import { EpisodeRefDto } from '../series/dto/episode-ref.dto';
import { ContinueWatchingDto } from './dto/continue-watching.dto';
import { ContinueWatchingItemDto } from './dto/continue-watching-item.dto';
import { HistoryDto } from './dto/history.dto';
import { HistoryItemDto } from './dto/history-item.dto';
import { ProgressRepository } from './progress.repository';
import { SeriesProgressService } from './series-progress.service';
import { TitleWatch } from './title-watch';
import { EpisodeProgress, ViewingProgress } from './viewing-progress';

function episodeRef({ id, season, number, name }: Episode): EpisodeRefDto {
  return { id, season, number, name };
}

/**
 * What a profile has watched: Continue Watching, history, and forgetting a title. A series is one
 * entry, about the episode watched last; SeriesProgressService says where it carries on.
 */
@Injectable()
export class ViewingHistoryService {
  constructor(
    private readonly progress: ProgressRepository,
    private readonly catalog: CatalogService,
    private readonly cursors: ListCursor,
    private readonly seriesProgress: SeriesProgressService,
    private readonly homePages: HomePages,
  ) {}

  /**
   * Titles started and not finished, most recent first; a series once, at the episode in progress or,
   * once an episode is finished, at the next one, until its last episode is finished.
   */
  async continueWatching(viewer: ProfileViewer): Promise<ContinueWatchingDto> {
    // One read of the next episode's progress per finished episode: asked together, as history does.
    const entries = await this.withTitles(await this.progress.listByProfile(viewer.profileId), viewer.audience);
    const items = await Promise.all(entries.map(({ entry, title }) => this.carryOn(entry, title)));
    return { items: items.filter((item): item is ContinueWatchingItemDto => item !== undefined) };
  }

  /**
   * Everything watched, most recent first: a page when `limit` or `cursor` is given, else all of it.
   * A series is one entry, about the episode watched last; it is completed once its last episode is.
   */
  async history(viewer: ProfileViewer, query: ListPageQueryDto = {}): Promise<HistoryDto> {
    const shown = async (entries: ViewingProgress[]): Promise<(HistoryItemDto | undefined)[]> => {
      const titles = new Map((await this.catalog.findMany(entries.map((entry) => entry.titleId), viewer.audience)).map((title) => [title.id, title]));
      return Promise.all(
        entries.map(async (entry) => {
          const title = titles.get(entry.titleId);
          if (!title) return undefined;
          const standing = await this.seriesProgress.standing(entry);
          return {
            title: this.catalog.summary(title),
            episode: standing ? episodeRef(standing.last) : null,
            position: entry.position,
            duration: entry.duration,
            completed: standing ? standing.upNext === undefined : entry.completed,
            updatedAt: new Date(entry.updatedAt).toISOString(),
          };
        }),
      );
    };
    if (!wantsPage(query)) {
      const items = (await shown(await this.progress.listByProfile(viewer.profileId))).filter((item) => item !== undefined);
      return { items, cursor: null };
    }
    return this.cursors.page(`history|${viewer.profileId}`, query, (after, limit) => this.progress.page(viewer.profileId, after, limit), shown);
  }

  /**
   * Every title the profile has started, most recent first, whatever its ceiling; for recommendations.
   * A series counts as one title, completed once its last episode is.
   */
  async watched(profileId: string): Promise<TitleWatch[]> {
    const entries = await this.progress.listByProfile(profileId);
    return Promise.all(
      entries.map(async (entry) => ({
        titleId: entry.titleId,
        share: Math.min(1, entry.position / entry.duration),
        completed: await this.seriesProgress.finished(entry),
        updatedAt: entry.updatedAt,
      })),
    );
  }

  /** The profile's progress in each episode of a series it has started, by episode id. */
  async episodeProgress(profileId: string, titleId: string): Promise<Map<string, EpisodeProgress>> {
    return new Map((await this.progress.listEpisodes(profileId, titleId)).map((entry) => [entry.episodeId, entry]));
  }

  /** Forgets a title; for a series, every episode of it too. */
  async forget(viewer: ProfileViewer, titleId: string): Promise<void> {
    await this.catalog.get(titleId);
    await this.progress.delete(viewer.profileId, titleId);
    await this.homePages.historyChanged(viewer.profileId);
  }

  /** The Continue Watching item of an entry, if it has one. */
  private async carryOn(entry: ViewingProgress, title: TitleSummaryDto): Promise<ContinueWatchingItemDto | undefined> {
    const updatedAt = new Date(entry.updatedAt).toISOString();
    const standing = await this.seriesProgress.standing(entry);
    if (!standing) {
      if (entry.completed || entry.position <= 0) return undefined;
      return { title, episode: null, position: entry.position, duration: entry.duration, progress: Math.min(1, entry.position / entry.duration), updatedAt };
    }
    const { upNext } = standing;
    // An episode barely opened is not yet "in progress"; the episode after a finished one always is up next.
    if (!upNext || (upNext.episode === standing.last && upNext.position <= 0)) return undefined;
    return { title, episode: episodeRef(upNext.episode), position: upNext.position, duration: upNext.duration, progress: Math.min(1, upNext.position / upNext.duration), updatedAt };
  }

  /** Pairs progress entries with their title cards, dropping titles the catalog no longer has or this audience may not see. */
  private async withTitles(entries: ViewingProgress[], audience: Audience): Promise<{ entry: ViewingProgress; title: TitleSummaryDto }[]> {
    const titles = new Map((await this.catalog.findMany(entries.map((entry) => entry.titleId), audience)).map((title) => [title.id, title]));
    const paired = [];
    for (const entry of entries) {
      const title = titles.get(entry.titleId);
      if (title) paired.push({ entry, title: this.catalog.summary(title) });
    }
    return paired;
  }
}
