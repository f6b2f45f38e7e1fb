import { Rating, StoredRating } from './rating';

/** One rating per viewer and title. */
export abstract class RatingsRepository {
  /** Sets or changes the rating; a change moves it to the front of the list. */
  abstract set(profileId: string, titleId: string, rating: Rating, updatedAt: number): Promise<void>;
  /** Idempotent. */
  abstract remove(profileId: string, titleId: string): Promise<void>;
  /** A viewer's ratings, most recently set first (by the order the sets were accepted, never a tie). */
  abstract list(profileId: string): Promise<StoredRating[]>;
}
