import { NewPlayEvent, PlayEvent } from './play-event';

/**
 * The durable log of plays and completions: the source of truth that trending, co-watching and
 * taste are rebuilt from. Append-only; sequence numbers only grow.
 */
export abstract class PlayEventRepository {
  /** Appends an event; returns it with its sequence number. */
  abstract append(event: NewPlayEvent): Promise<PlayEvent>;
  /** Visits every event that occurred at or after `since` (Unix ms), in sequence order, a batch at a time. */
  abstract replay(since: number, visit: (events: PlayEvent[]) => void | Promise<void>, batchSize?: number): Promise<void>;
  /**
   * A viewer's most recently engaged titles before event `beforeSeq`, newest first, at most `limit`,
   * each with its strongest kind (`complete` over `play`) among the viewer's events.
   */
  abstract recentEngagements(userId: string, limit: number, beforeSeq: number): Promise<{ titleId: string; kind: PlayEvent['kind'] }[]>;
}
