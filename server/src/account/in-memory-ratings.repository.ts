import { Injectable } from '@nestjs/common';
import { Rating, StoredRating } from './rating';
import { RatingsRepository } from './ratings.repository';

@Injectable()
export class InMemoryRatingsRepository extends RatingsRepository {
  private readonly byUser = new Map<string, Map<string, StoredRating>>();

  async set(userId: string, titleId: string, rating: Rating, updatedAt: number): Promise<void> {
    let ratings = this.byUser.get(userId);
    if (!ratings) this.byUser.set(userId, (ratings = new Map()));
    ratings.delete(titleId);
    ratings.set(titleId, { titleId, rating, updatedAt });
  }

  async remove(userId: string, titleId: string): Promise<void> {
    this.byUser.get(userId)?.delete(titleId);
  }

  async list(userId: string): Promise<StoredRating[]> {
    return [...(this.byUser.get(userId)?.values() ?? [])].reverse().map((rating) => ({ ...rating }));
  }
}
