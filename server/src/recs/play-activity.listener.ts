import { Injectable, OnModuleInit } from '@nestjs/common';
import { Clock } from '../common/clock/clock';
import { PlayEvents } from '../playback/play-events';
import { CoWatchIndex } from './co-watch-index';
import { TrendingWindow } from './trending-window';

/** Keeps the trending window and the co-watch neighbours fresh as viewers play and finish titles. */
@Injectable()
export class PlayActivityListener implements OnModuleInit {
  constructor(
    private readonly events: PlayEvents,
    private readonly trending: TrendingWindow,
    private readonly coWatch: CoWatchIndex,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.events.subscribe((kind, userId, titleId) => {
      this.trending.record(userId, titleId, this.clock.now());
      this.coWatch.record(userId, titleId, kind);
    });
  }
}
