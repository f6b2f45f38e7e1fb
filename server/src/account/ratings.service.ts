import { Injectable } from '@nestjs/common';
import { CatalogService } from '../catalog/catalog.service';
import { Clock } from '../common/clock/clock';
import { ListPageQueryDto, wantsPage } from '../common/dto/list-page-query.dto';
import { ListCursor } from '../common/paging/list-cursor.service';
import { ProfileViewer } from '../common/decorators/current-user.decorator';
import { HomePages } from '../recs/home-pages.service';
import { RatingListDto } from './dto/rating-list.dto';
import { Rating, StoredRating, TitleRating } from './rating';
import { RatingsRepository } from './ratings.repository';

/** Thumbs down, up, or love, one per title and profile. */
@Injectable()
export class RatingsService {
  constructor(
    private readonly ratings: RatingsRepository,
    private readonly catalog: CatalogService,
    private readonly clock: Clock,
    private readonly cursors: ListCursor,
    private readonly homePages: HomePages,
  ) {}

  async rate(viewer: ProfileViewer, titleId: string, rating: Rating): Promise<void> {
    await this.catalog.get(titleId, viewer.audience);
    await this.ratings.set(viewer.profileId, titleId, rating, this.clock.now());
    await this.homePages.changed(viewer.profileId);
  }

  async clear(viewer: ProfileViewer, titleId: string): Promise<void> {
    await this.catalog.get(titleId);
    await this.ratings.remove(viewer.profileId, titleId);
    await this.homePages.changed(viewer.profileId);
  }

  /** The profile's ratings of titles it may see, most recent first. */
  async list(viewer: ProfileViewer, query: ListPageQueryDto = {}): Promise<RatingListDto> {
    const shown = async (entries: StoredRating[]) => {
      const visible = new Set((await this.catalog.findMany(entries.map((entry) => entry.titleId), viewer.audience)).map((title) => title.id));
      return entries.map((entry) =>
        visible.has(entry.titleId) ? { titleId: entry.titleId, rating: entry.rating, updatedAt: new Date(entry.updatedAt).toISOString() } : undefined,
      );
    };
    if (!wantsPage(query)) {
      const items = (await shown(await this.ratings.list(viewer.profileId))).filter((item) => item !== undefined);
      return { items, cursor: null };
    }
    return this.cursors.page(`ratings|${viewer.profileId}`, query, (after, limit) => this.ratings.page(viewer.profileId, after, limit), shown);
  }

  /** Every rating the profile has given, most recent first, whatever its ceiling; for recommendations. */
  async given(profileId: string): Promise<TitleRating[]> {
    return (await this.ratings.list(profileId)).map(({ titleId, rating }) => ({ titleId, rating }));
  }
}
