import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { Title } from '../catalog/title';
import { Episode } from './episode';
import { EpisodeRepository } from './episode.repository';
import { Season } from './season';

function listed(numbers: number[]): string {
  return numbers.length === 1 ? `${numbers[0]}` : `${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
}

/**
 * The rules of series: a title with episodes is a series, a title without is a film; which season
 * and which episode a request may name; what comes next. Callers check the title's visibility first.
 */
@Injectable()
export class SeriesService {
  constructor(private readonly episodes: EpisodeRepository) {}

  /** A series' seasons in order with their episode counts; empty for a film. */
  async seasons(titleId: string): Promise<Season[]> {
    const seasons: Season[] = [];
    for (const episode of await this.episodes.forTitle(titleId)) {
      const last = seasons[seasons.length - 1];
      if (last?.number === episode.season) last.episodeCount++;
      else seasons.push({ number: episode.season, episodeCount: 1 });
    }
    return seasons;
  }

  /** The episodes of one season: 404 for a film, 400 naming the seasons there are when `season` is absent or not one of them. */
  async seasonEpisodes(title: Title, season: number | undefined): Promise<Episode[]> {
    const all = await this.episodes.forTitle(title.id);
    if (all.length === 0) throw new NotFoundException(`${title.id} is a film: only a series has episodes`);
    const numbers = [...new Set(all.map((episode) => episode.season))];
    if (season === undefined) throw new BadRequestException(`season is required: ${title.id} has season${numbers.length > 1 ? 's' : ''} ${listed(numbers)}`);
    const inSeason = all.filter((episode) => episode.season === season);
    if (inSeason.length === 0) throw new BadRequestException(`${title.id} has no season ${season}; its season${numbers.length > 1 ? 's are' : ' is'} ${listed(numbers)}`);
    return inSeason;
  }

  /**
   * What a play request names: the episode for a series (required: 400 without, 404 when it is not
   * one of this title's), nothing for a film (400 when an episode is named).
   */
  async episodeToPlay(title: Title, episodeId: string | undefined): Promise<Episode | undefined> {
    const all = await this.episodes.forTitle(title.id);
    if (all.length === 0) {
      if (episodeId !== undefined) throw new BadRequestException(`${title.id} is a film: it has no episodes, so send no episodeId`);
      return undefined;
    }
    if (episodeId === undefined) throw new BadRequestException(`${title.id} is a series: episodeId is required (e.g. ${all[0].id})`);
    const episode = all.find((candidate) => candidate.id === episodeId);
    if (!episode) throw new NotFoundException(`${title.id} has no episode ${episodeId}`);
    return episode;
  }

  /** The episode after this one: the next in its season, else the first of the next season; undefined after the last. */
  async next(episode: Episode): Promise<Episode | undefined> {
    const all = await this.episodes.forTitle(episode.titleId);
    const index = all.findIndex((candidate) => candidate.id === episode.id);
    return index < 0 ? undefined : all[index + 1];
  }

  find(episodeId: string): Promise<Episode | undefined> {
    return this.episodes.findById(episodeId);
  }
}
