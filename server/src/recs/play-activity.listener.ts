import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Clock } from '../common/clock/clock';
import { PlayEvent } from '../playback/play-event';
import { PlayEvents } from '../playback/play-events.service';
import { CoWatchIndex } from './co-watch-index';
import { TrendingWindow } from './trending-window';

const DAY_MS = 86_400_000;
/** Trending counts the last 7 days; a little more covers the partly elapsed oldest hour. */
const TRENDING_REPLAY_MS = 7 * DAY_MS + 3_600_000;
/** Co-watching is rebuilt from this much of the log: enough to know which titles go together, bounded so a start stays quick. */
export const CO_WATCH_REPLAY_MS = 90 * DAY_MS;

/**
 * Keeps the trending window and the co-watch neighbours fresh as viewers play and finish titles,
 * after rebuilding both from the event log at start. Events are applied one at a time, in order.
 */
@Injectable()
export class PlayActivityListener implements OnModuleInit {
  private readonly logger = new Logger('Recs');
  private applying: Promise<void> = Promise.resolve();
  private trendingSince = 0;

  constructor(
    private readonly events: PlayEvents,
    private readonly trending: TrendingWindow,
    private readonly coWatch: CoWatchIndex,
    private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    const started = Date.now();
    this.trendingSince = this.clock.now() - TRENDING_REPLAY_MS;
    const replayed = await this.events.follow(this.clock.now() - CO_WATCH_REPLAY_MS, (event) => this.enqueue(event));
    if (replayed > 0) this.logger.log(`Rebuilt trending and co-watching from ${replayed} play events in ${Date.now() - started} ms`);
  }

  /** Applies events strictly in the order they come; a failure is logged, never passed on to the viewer's request. */
  private enqueue(event: PlayEvent): Promise<void> {
    this.applying = this.applying.then(() => this.apply(event)).catch((error: unknown) => this.logger.warn(`A play event was not applied: ${String(error)}`));
    return this.applying;
  }

  private async apply(event: PlayEvent): Promise<void> {
    if (event.occurredAt >= this.trendingSince) this.trending.record(event.profileId, event.titleId, event.occurredAt);
    if (!this.coWatch.hasWindow(event.profileId)) {
      this.coWatch.restoreWindow(event.profileId, await this.events.recentEngagements(event.profileId, this.coWatch.windowSize, event.seq));
    }
    this.coWatch.record(event.profileId, event.titleId, event.kind);
  }
}
