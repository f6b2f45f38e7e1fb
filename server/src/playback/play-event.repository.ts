import { NewPlayEvent, PlayEvent } from './play-event';

export interface ReplayFrom {
  occurredSince?: number;
  afterSeq?: number;
}

/**
 * The durable log of plays and completions: the source of truth that trending, co-watching and
 * taste are rebuilt from. Append-only; sequence numbers only grow.
 */
export abstract class PlayEventRepository {
  /** Appends an event; returns it with its sequence number. */
  abstract append(event: NewPlayEvent): Promise<PlayEvent>;
  /**
   * Visits, in sequence order and a batch at a time, every event that occurred at or after
   * `occurredSince` (Unix ms) and comes after sequence number `afterSeq`; either may be left out.
   */
  abstract replay(from: ReplayFrom, visit: (events: PlayEvent[]) => void | Promise<void>, batchSize?: number): Promise<void>;
  /**
   * A viewer's most recently engaged titles before event `beforeSeq`, newest first, at most `limit`,
   * each with its strongest kind (`complete` over `play`) among the viewer's events.
   */
  abstract recentEngagements(profileId: string, limit: number, beforeSeq: number): Promise<{ titleId: string; kind: PlayEvent['kind'] }[]>;
}
