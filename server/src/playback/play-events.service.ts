import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '../common/clock/clock';
import { PlayEvent, PlayEventKind } from './play-event';
import { PlayEventFeed } from './play-event-feed';
import { PlayEventRepository } from './play-event.repository';
import { RecentSequences } from './recent-sequences';

export type PlayEventFollower = (event: PlayEvent) => void | Promise<void>;

/** Events remembered as applied, so duplicates (own, then announced) are dropped; far more than arrive between two checks. */
const REMEMBERED_SEQUENCES = 100_000;

/**
 * Plays and completions: each is appended to the durable log, then handed to whoever follows
 * (recommendations), which has applied it by the time `record` resolves. Events other instances
 * append arrive through the feed; each event is applied once, whichever way it came.
 */
@Injectable()
export class PlayEvents implements OnApplicationShutdown {
  private readonly logger = new Logger('PlayEvents');
  private follower?: PlayEventFollower;
  private readonly applied = new RecentSequences(REMEMBERED_SEQUENCES);
  /** Announcements that came while the log was being replayed, applied right after it. */
  private held?: PlayEvent[];

  constructor(
    private readonly log: PlayEventRepository,
    private readonly feed: PlayEventFeed,
    private readonly clock: Clock,
  ) {}

  /**
   * Replays the log from `since` (Unix ms) into `follower`, then keeps it fresh with every event
   * recorded here or announced by the feed. The feed is followed before the replay starts, so no
   * event falls between the two.
   */
  async follow(since: number, follower: PlayEventFollower): Promise<number> {
    this.held = [];
    await this.feed.start(
      (event) => void this.arrived(event),
      () => void this.catchUp(),
    );
    let replayed = 0;
    await this.log.replay({ occurredSince: since }, async (batch) => {
      for (const event of batch) {
        if (this.applied.add(event.seq)) await follower(event);
      }
      replayed += batch.length;
    });
    this.follower = follower;
    const held = this.held.sort((a, b) => a.seq - b.seq);
    this.held = undefined;
    for (const event of held) await this.apply(event);
    return replayed;
  }

  recordPlay(profileId: string, titleId: string): Promise<void> {
    return this.record('play', profileId, titleId);
  }

  recordCompletion(profileId: string, titleId: string): Promise<void> {
    return this.record('complete', profileId, titleId);
  }

  /** A profile's recent titles before an event, for rebuilding a window that was let go. */
  recentEngagements(profileId: string, limit: number, beforeSeq: number): Promise<{ titleId: string; kind: PlayEventKind }[]> {
    return this.log.recentEngagements(profileId, limit, beforeSeq);
  }

  onApplicationShutdown(): Promise<void> {
    return this.feed.stop();
  }

  private async record(kind: PlayEventKind, profileId: string, titleId: string): Promise<void> {
    await this.apply(await this.log.append({ kind, profileId, titleId, occurredAt: this.clock.now() }));
  }

  private async arrived(event: PlayEvent): Promise<void> {
    if (this.held) this.held.push(event);
    else await this.apply(event);
  }

  private async apply(event: PlayEvent): Promise<void> {
    if (!this.follower || !this.applied.add(event.seq)) return;
    await this.follower(event);
  }

  /** News may have been lost while the feed was away: whatever the log holds past the last event seen is applied now. */
  private async catchUp(): Promise<void> {
    try {
      await this.log.replay({ afterSeq: this.applied.highest }, async (batch) => {
        for (const event of batch) await this.apply(event);
      });
    } catch (error) {
      this.logger.warn(`Could not catch up on play events after a reconnect: ${String(error)}`);
    }
  }
}
