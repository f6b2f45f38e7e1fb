import { Injectable } from '@nestjs/common';
import { MyListService } from '../account/my-list.service';
import { RatingsService } from '../account/ratings.service';
import { Audience } from '../catalog/audience';
import { CatalogService } from '../catalog/catalog.service';
import { Title } from '../catalog/title';
import { ViewingHistoryService } from '../playback/viewing-history.service';
import { RatedTitle, ViewerSignals, WatchedTitle } from './viewer-signals';

/** Gathers a viewer's history, ratings and My List, with their titles looked up in one go. */
@Injectable()
export class ViewerSignalsService {
  constructor(
    private readonly history: ViewingHistoryService,
    private readonly ratings: RatingsService,
    private readonly myList: MyListService,
    private readonly catalog: CatalogService,
  ) {}

  /** A profile's signals, about titles this audience may see only. */
  async load(profileId: string, audience: Audience): Promise<ViewerSignals> {
    const [progress, ratings, listIds] = await Promise.all([this.history.watched(profileId), this.ratings.given(profileId), this.myList.titleIds(profileId)]);
    const ids = new Set([...progress.map((entry) => entry.titleId), ...ratings.map((entry) => entry.titleId), ...listIds]);
    const titles = new Map<string, Title>();
    for (const title of await this.catalog.findMany([...ids], audience)) titles.set(title.id, title);

    const history: WatchedTitle[] = [];
    for (const entry of progress) {
      const title = titles.get(entry.titleId);
      if (!title) continue;
      history.push({ title, progress: entry.share, completed: entry.completed, updatedAt: entry.updatedAt });
    }
    const rated: RatedTitle[] = [];
    for (const entry of ratings) {
      const title = titles.get(entry.titleId);
      if (title) rated.push({ title, rating: entry.rating });
    }
    const myList: Title[] = [];
    for (const titleId of listIds) {
      const title = titles.get(titleId);
      if (title) myList.push(title);
    }
    return { history, ratings: rated, myList };
  }
}
