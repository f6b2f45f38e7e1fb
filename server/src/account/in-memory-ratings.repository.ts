import { Injectable } from '@nestjs/common';
import { Rating, StoredRating } from './rating';
import { RatingsRepository } from './ratings.repository';

@Injectable()
export class InMemoryRatingsRepository extends RatingsRepository {
  private readonly byProfile = new Map<string, Map<string, StoredRating>>();

  async set(profileId: string, titleId: string, rating: Rating, updatedAt: number): Promise<void> {
    let ratings = this.byProfile.get(profileId);
    if (!ratings) this.byProfile.set(profileId, (ratings = new Map()));
    ratings.delete(titleId);
    ratings.set(titleId, { titleId, rating, updatedAt });
  }

  async remove(profileId: string, titleId: string): Promise<void> {
    this.byProfile.get(profileId)?.delete(titleId);
  }

  async list(profileId: string): Promise<StoredRating[]> {
    return [...(this.byProfile.get(profileId)?.values() ?? [])].reverse().map((rating) => ({ ...rating }));
  }
}
