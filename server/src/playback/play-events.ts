import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock/clock';
import { PlayEvent, PlayEventKind } from './play-event';
import { PlayEventRepository } from './play-event.repository';

export type PlayEventListener = (event: PlayEvent) => void | Promise<void>;

/**
 * Plays and completions: each is appended to the durable log, then handed to whoever listens
 * (recommendations), which has applied it by the time `record` resolves.
 */
@Injectable()
export class PlayEvents {
  private readonly listeners: PlayEventListener[] = [];

  constructor(
    private readonly log: PlayEventRepository,
    private readonly clock: Clock,
  ) {}

  subscribe(listener: PlayEventListener): void {
    this.listeners.push(listener);
  }

  recordPlay(userId: string, titleId: string): Promise<void> {
    return this.record('play', userId, titleId);
  }

  recordCompletion(userId: string, titleId: string): Promise<void> {
    return this.record('complete', userId, titleId);
  }

  /** Every event since `since` (Unix ms), in order: for rebuilding what listens at start. */
  replay(since: number, visit: (events: PlayEvent[]) => void | Promise<void>): Promise<void> {
    return this.log.replay(since, visit);
  }

  /** A viewer's recent titles before an event, for rebuilding a window that was let go. */
  recentEngagements(userId: string, limit: number, beforeSeq: number): Promise<{ titleId: string; kind: PlayEventKind }[]> {
    return this.log.recentEngagements(userId, limit, beforeSeq);
  }

  private async record(kind: PlayEventKind, userId: string, titleId: string): Promise<void> {
    const event = await this.log.append({ kind, userId, titleId, occurredAt: this.clock.now() });
    for (const listener of this.listeners) await listener(event);
  }
}
