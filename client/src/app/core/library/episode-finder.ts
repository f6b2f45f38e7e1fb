import { inject, Injectable } from '@angular/core';
import type { EpisodeDto, TitleDetailsDto } from '@streaming/api';
import { ViewerLibrary } from './viewer-library';

/** The episode Play starts for a series, and where in it. */
export interface EpisodeToPlay {
  episode: Pick<EpisodeDto, 'id' | 'season' | 'number' | 'name'>;
  /** Seconds into it to resume from; null to start at the beginning. */
  resumeAt: number | null;
}

/** Finds episodes of a series through the viewer's library (and its cache). */
@Injectable({ providedIn: 'root' })
export class EpisodeFinder {
  private readonly library = inject(ViewerLibrary);

  /**
   * What Play starts: the episode Continue Watching holds for this series (the one in progress, or
   * the next after one finished), else the first episode of the first season.
   */
  async toPlay(series: TitleDetailsDto): Promise<EpisodeToPlay | null> {
    const continueWatching = await this.library.continueWatching();
    const item = continueWatching.items.find((candidate) => candidate.title.id === series.id && candidate.episode);
    if (item?.episode) return { episode: item.episode, resumeAt: item.position > 0 ? item.position : null };
    const first = series.seasons?.[0];
    if (!first) return null;
    const episode = (await this.library.episodes(series.id, first.number)).items[0];
    return episode ? { episode, resumeAt: null } : null;
  }

  /** An episode of the series by id, looked for season by season; null when it has no such episode. */
  async find(series: TitleDetailsDto, episodeId: string): Promise<EpisodeDto | null> {
    for (const season of series.seasons ?? []) {
      const episode = (await this.library.episodes(series.id, season.number)).items.find((candidate) => candidate.id === episodeId);
      if (episode) return episode;
    }
    return null;
  }
}
