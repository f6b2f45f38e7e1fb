import { Injectable } from '@nestjs/common';
import { CatalogService } from '../catalog/catalog.service';
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
    const items = [];
    for (const entry of await this.progress.listByUser(userId)) {
      if (entry.completed || entry.position <= 0) continue;
      const title = await this.catalog.find(entry.titleId);
      if (!title) continue;
      items.push({
        title: this.catalog.summary(title),
        position: entry.position,
        duration: entry.duration,
        progress: Math.min(1, entry.position / entry.duration),
        updatedAt: new Date(entry.updatedAt).toISOString(),
      });
    }
    return { items };
  }

  async history(userId: string): Promise<HistoryDto> {
    const items = [];
    for (const entry of await this.progress.listByUser(userId)) {
      const title = await this.catalog.find(entry.titleId);
      if (!title) continue;
      items.push({
        title: this.catalog.summary(title),
        position: entry.position,
        duration: entry.duration,
        completed: entry.completed,
        updatedAt: new Date(entry.updatedAt).toISOString(),
      });
    }
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
}
