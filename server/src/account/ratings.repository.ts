import { SequencedPage } from '../common/paging/sequenced-page';
import { Rating, StoredRating } from './rating';

/** One rating per viewer and title. */
export abstract class RatingsRepository {
  /** Sets or changes the rating; a change moves it to the front of the list. */
  abstract set(profileId: string, titleId: string, rating: Rating, updatedAt: number): Promise<void>;
  /** Idempotent. */
  abstract remove(profileId: string, titleId: string): Promise<void>;
  /** A viewer's ratings, most recently set first (by the order the sets were accepted, never a tie). */
  abstract list(profileId: string): Promise<StoredRating[]>;
  /**
   * Up to `limit` entries in the list's order that come after sequence number `after` (from the start
   * when null); walking from page to page sees every entry once while the list does not change.
   */
  abstract page(profileId: string, after: number | null, limit: number): Promise<SequencedPage<StoredRating>>;
}
