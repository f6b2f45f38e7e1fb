import { Rating, StoredRating } from './rating';

/** One rating per viewer and title. */
export abstract class RatingsRepository {
  abstract set(userId: string, titleId: string, rating: Rating, updatedAt: number): Promise<void>;
  abstract remove(userId: string, titleId: string): Promise<void>;
  /** A viewer's ratings, most recent first. */
  abstract list(userId: string): Promise<StoredRating[]>;
}
