import { SequencedPage } from '../common/paging/sequenced-page';
import { EpisodeProgress, ViewingProgress } from './viewing-progress';

export interface ProgressSave {
  saved: boolean;
  wasCompleted: boolean;
}

/** Viewing progress per viewer and title, and per episode of a series. */
export abstract class ProgressRepository {
  /**
   * Saves where a viewer is, and moves the entry to the front. A save whose `updatedAt` is older than
   * the stored one's (a heartbeat that arrived late) changes nothing (`saved: false`).
   * `wasCompleted` tells whether the entry it replaced was completed, so a completion counts once.
   *
   * With an `episodeId`, the episode's own entry is saved by the same rule, and `saved` and
   * `wasCompleted` speak of it; the title's entry takes the episode's position only if it is not newer
   * (a late heartbeat of an earlier episode updates that episode, not where the series stands).
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
  abstract findEpisode(profileId: string, episodeId: string): Promise<EpisodeProgress | undefined>;
  /** A viewer's entries for the episodes of one series, latest heartbeat first (ties by episode id). */
  abstract listEpisodes(profileId: string, titleId: string): Promise<EpisodeProgress[]>;
  /** Forgets the title and, for a series, every episode of it. Idempotent. */
  abstract delete(profileId: string, titleId: string): Promise<void>;
}
