import { SequencedPage } from '../common/paging/sequenced-page';

/** Titles a viewer saved for later. Unknown titles are the caller's to refuse; implementations may reject them. */
export abstract class MyListRepository {
  /** Adds a title; a title already on the list keeps its place. Idempotent. */
  abstract add(profileId: string, titleId: string, addedAt: number): Promise<void>;
  /** Idempotent. */
  abstract remove(profileId: string, titleId: string): Promise<void>;
  /** Title ids, newest first: the order in which adds were accepted, never a tie. */
  abstract list(profileId: string): Promise<string[]>;
  /**
   * Up to `limit` entries in the list's order that come after sequence number `after` (from the start
   * when null); walking from page to page sees every entry once while the list does not change.
   */
  abstract page(profileId: string, after: number | null, limit: number): Promise<SequencedPage<{ titleId: string }>>;
  abstract contains(profileId: string, titleId: string): Promise<boolean>;
}
