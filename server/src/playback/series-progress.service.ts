import { Injectable } from '@nestjs/common';
import { MediaLibrary } from '../media/media-library.service';
import { Episode } from '../series/episode';
import { SeriesService } from '../series/series.service';
import { ProgressRepository } from './progress.repository';
import { ViewingProgress } from './viewing-progress';

/** Where to carry on in a series, and how far that episode has got. */
export interface UpNext {
  episode: Episode;
  position: number;
  duration: number;
}

/** Where a profile stands in a series, read from the series' entry (the episode watched last). */
export interface SeriesStanding {
  /** The episode watched last. */
  last: Episode;
  /**
   * What to watch now: `last` while it is unfinished, else the episode after it (from where that one
   * was left, if it was started); absent once the last episode is finished: the series is finished.
   */
  upNext?: UpNext;
}

/** The rule of "Continue Watching" for a series: the episode in progress, else the next one, else done. */
@Injectable()
export class SeriesProgressService {
  constructor(
    private readonly series: SeriesService,
    private readonly progress: ProgressRepository,
    private readonly media: MediaLibrary,
  ) {}

  /** Undefined for a film's entry, or one whose episode the catalog no longer has. */
  async standing(entry: ViewingProgress): Promise<SeriesStanding | undefined> {
    const last = entry.episodeId === undefined ? undefined : await this.series.find(entry.episodeId);
    if (!last) return undefined;
    if (!entry.completed) return { last, upNext: { episode: last, position: entry.position, duration: entry.duration } };
    const next = await this.series.next(last);
    if (!next) return { last };
    const saved = await this.progress.findEpisode(entry.profileId, next.id);
    return {
      last,
      upNext: {
        episode: next,
        position: saved && !saved.completed ? saved.position : 0,
        duration: saved?.duration ?? this.media.forEpisode(next.id).manifest.durationSeconds,
      },
    };
  }

  /** Whether an entry is done with: a film watched to the end, or a series whose last episode is. */
  async finished(entry: ViewingProgress): Promise<boolean> {
    const last = entry.episodeId === undefined ? undefined : await this.series.find(entry.episodeId);
    if (!last || !entry.completed) return entry.completed;
    return (await this.series.next(last)) === undefined;
  }
}
