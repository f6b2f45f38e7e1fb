import { Injectable } from '@nestjs/common';
import { CatalogService } from '../catalog/catalog.service';
import { Clock } from '../common/clock/clock';
import { RatingListDto } from './dto/rating-list.dto';
import { Rating, StoredRating } from './rating';
import { RatingsRepository } from './ratings.repository';

/** Thumbs down, up, or love, one per title. */
@Injectable()
export class RatingsService {
  constructor(
    private readonly ratings: RatingsRepository,
    private readonly catalog: CatalogService,
    private readonly clock: Clock,
  ) {}

  async rate(userId: string, titleId: string, rating: Rating): Promise<void> {
    await this.catalog.get(titleId);
    await this.ratings.set(userId, titleId, rating, this.clock.now());
  }

  async clear(userId: string, titleId: string): Promise<void> {
    await this.catalog.get(titleId);
    await this.ratings.remove(userId, titleId);
  }

  async list(userId: string): Promise<RatingListDto> {
    const items = (await this.ratings.list(userId)).map((entry) => ({ ...entry, updatedAt: new Date(entry.updatedAt).toISOString() }));
    return { items };
  }

  /** Raw ratings, most recent first; for recommendations. */
  entries(userId: string): Promise<StoredRating[]> {
    return this.ratings.list(userId);
  }
}
