import { Injectable } from '@nestjs/common';
import { CatalogService } from '../catalog/catalog.service';
import { Audience } from '../catalog/audience';
import { TitleSummaryDto } from '../catalog/dto/title-summary.dto';
import { ProfileViewer } from '../common/decorators/current-user.decorator';
import { ListPageQueryDto, wantsPage } from '../common/dto/list-page-query.dto';
import { ListCursor } from '../common/paging/list-cursor.service';
import { ContinueWatchingDto } from './dto/continue-watching.dto';
import { HistoryDto } from './dto/history.dto';
import { ProgressRepository } from './progress.repository';
import { TitleWatch } from './title-watch';
import { ViewingProgress } from './viewing-progress';

/** What a profile has watched: Continue Watching, history, and forgetting a title. */
@Injectable()
export class ViewingHistoryService {
  constructor(
    private readonly progress: ProgressRepository,
    private readonly catalog: CatalogService,
    private readonly cursors: ListCursor,
  ) {}

  /** Titles started and not finished, most recent first. */
  async continueWatching(viewer: ProfileViewer): Promise<ContinueWatchingDto> {
    const entries = (await this.progress.listByProfile(viewer.profileId)).filter((entry) => !entry.completed && entry.position > 0);
    const items = (await this.withTitles(entries, viewer.audience)).map(({ entry, title }) => ({
      title,
      position: entry.position,
      duration: entry.duration,
      progress: Math.min(1, entry.position / entry.duration),
      updatedAt: new Date(entry.updatedAt).toISOString(),
    }));
    return { items };
  }

  /** Everything watched, most recent first: a page when `limit` or `cursor` is given, else all of it. */
  async history(viewer: ProfileViewer, query: ListPageQueryDto = {}): Promise<HistoryDto> {
    const shown = async (entries: ViewingProgress[]) => {
      const titles = new Map((await this.catalog.findMany(entries.map((entry) => entry.titleId), viewer.audience)).map((title) => [title.id, title]));
      return entries.map((entry) => {
        const title = titles.get(entry.titleId);
        if (!title) return undefined;
        return {
          title: this.catalog.summary(title),
          position: entry.position,
          duration: entry.duration,
          completed: entry.completed,
          updatedAt: new Date(entry.updatedAt).toISOString(),
        };
      });
    };
    if (!wantsPage(query)) {
      const items = (await shown(await this.progress.listByProfile(viewer.profileId))).filter((item) => item !== undefined);
      return { items, cursor: null };
    }
    return this.cursors.page(`history|${viewer.profileId}`, query, (after, limit) => this.progress.page(viewer.profileId, after, limit), shown);
  }

  /** Every title the profile has started, most recent first, whatever its ceiling; for recommendations. */
  async watched(profileId: string): Promise<TitleWatch[]> {
    return (await this.progress.listByProfile(profileId)).map(({ titleId, position, duration, completed, updatedAt }) => ({
      titleId,
      share: Math.min(1, position / duration),
      completed,
      updatedAt,
    }));
  }

  async forget(viewer: ProfileViewer, titleId: string): Promise<void> {
    await this.catalog.get(titleId);
    await this.progress.delete(viewer.profileId, titleId);
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
