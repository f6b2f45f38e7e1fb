import { SequencedPage } from '../common/paging/sequenced-page';
import { ViewingProgress } from './viewing-progress';

export interface ProgressSave {
  saved: boolean;
  wasCompleted: boolean;
}

/** Viewing progress per viewer and title. */
export abstract class ProgressRepository {
  /**
   * Saves where a viewer is, and moves the entry to the front. A save whose `updatedAt` is older than
   * the stored one's (a heartbeat that arrived late) changes nothing (`saved: false`).
   * `wasCompleted` tells whether the entry it replaced was completed, so a completion counts once.
   */
  abstract save(progress: ViewingProgress): Promise<ProgressSave>;
  abstract find(profileId: string, titleId: string): Promise<ViewingProgress | undefined>;
  /** A viewer's progress, most recently saved first (by the order saves were accepted, never a tie). */
  abstract listByProfile(profileId: string): Promise<ViewingProgress[]>;
  /**
   * Up to `limit` entries in the list's order that come after sequence number `after` (from the start
   * when null); walking from page to page sees every entry once while the list does not change.
   */
  abstract page(profileId: string, after: number | null, limit: number): Promise<SequencedPage<ViewingProgress>>;
  /** Idempotent. */
  abstract delete(profileId: string, titleId: string): Promise<void>;
}
