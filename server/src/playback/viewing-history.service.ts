import { Injectable } from '@nestjs/common';
import { CatalogService } from '../catalog/catalog.service';
import { TitleSummaryDto } from '../catalog/dto/title-summary.dto';
import { ContinueWatchingDto } from './dto/continue-watching.dto';
import { HistoryDto } from './dto/history.dto';
import { ProgressRepository } from './progress.repository';
import { ViewingProgress } from './viewing-progress';

/** What a viewer has watched: Continue Watching, history, and forgetting a title. */
@Injectable()
export class ViewingHistoryService {
  constructor(
    private readonly progress: ProgressRepository,
    private readonly catalog: CatalogService,
  ) {}

  /** Titles started and not finished, most recent first. */
  async continueWatching(userId: string): Promise<ContinueWatchingDto> {
    const entries = (await this.progress.listByUser(userId)).filter((entry) => !entry.completed && entry.position > 0);
    const items = (await this.withTitles(entries)).map(({ entry, title }) => ({
      title,
      position: entry.position,
      duration: entry.duration,
      progress: Math.min(1, entry.position / entry.duration),
      updatedAt: new Date(entry.updatedAt).toISOString(),
    }));
    return { items };
  }

  async history(userId: string): Promise<HistoryDto> {
    const items = (await this.withTitles(await this.progress.listByUser(userId))).map(({ entry, title }) => ({
      title,
      position: entry.position,
      duration: entry.duration,
      completed: entry.completed,
      updatedAt: new Date(entry.updatedAt).toISOString(),
    }));
    return { items };
  }

  /** The raw progress entries, most recent first; for recommendations. */
  entries(userId: string): Promise<ViewingProgress[]> {
    return this.progress.listByUser(userId);
  }

  async forget(userId: string, titleId: string): Promise<void> {
    await this.catalog.get(titleId);
    await this.progress.delete(userId, titleId);
  }

  /** Pairs progress entries with their title cards, dropping titles the catalog no longer has. */
  private async withTitles(entries: ViewingProgress[]): Promise<{ entry: ViewingProgress; title: TitleSummaryDto }[]> {
    const titles = new Map((await this.catalog.findMany(entries.map((entry) => entry.titleId))).map((title) => [title.id, title]));
    const paired = [];
    for (const entry of entries) {
      const title = titles.get(entry.titleId);
      if (title) paired.push({ entry, title: this.catalog.summary(title) });
    }
    return paired;
  }
}
