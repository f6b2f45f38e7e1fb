import { BadRequestException, NotFoundException } from '@nestjs/common';
import { aSeries } from '../../test/support/episode-builder';
import { aTitle } from '../../test/support/title-builder';
import { InMemoryEpisodeRepository } from './in-memory-episode.repository';
import { SeriesService } from './series.service';

const FILM = aTitle(0);
const SHOW = aTitle(1);
const MINI = aTitle(2);
const SHOW_EPISODES = aSeries(SHOW.id, [3, 1, 2]);

describe('SeriesService', () => {
  // Stored out of order: the service must answer in viewing order anyway.
  const series = new SeriesService(new InMemoryEpisodeRepository([...SHOW_EPISODES].reverse().concat(aSeries(MINI.id, [3]))));

  it('gives a series its seasons in order with their episode counts, and a film none', async () => {
    expect(await series.seasons(SHOW.id)).toEqual([
      { number: 1, episodeCount: 3 },
      { number: 2, episodeCount: 1 },
      { number: 3, episodeCount: 2 },
    ]);
    expect(await series.seasons(FILM.id)).toEqual([]);
  });

  it('lists one season in order; a missing or unknown season is a 400 naming the seasons; a film is a 404', async () => {
    expect((await series.seasonEpisodes(SHOW, 3)).map((episode) => episode.id)).toEqual([`${SHOW.id}-s3e1`, `${SHOW.id}-s3e2`]);
    await expect(series.seasonEpisodes(SHOW, undefined)).rejects.toThrow(new BadRequestException(`season is required: ${SHOW.id} has seasons 1, 2 and 3`));
    await expect(series.seasonEpisodes(SHOW, 4)).rejects.toThrow(new BadRequestException(`${SHOW.id} has no season 4; its seasons are 1, 2 and 3`));
    await expect(series.seasonEpisodes(MINI, 2)).rejects.toThrow(new BadRequestException(`${MINI.id} has no season 2; its season is 1`));
    await expect(series.seasonEpisodes(FILM, 1)).rejects.toThrow(new NotFoundException(`${FILM.id} is a film: only a series has episodes`));
  });

  it('plays a named episode of a series, refuses a series without one or with another title’s, and a film with one', async () => {
    expect(await series.episodeToPlay(SHOW, `${SHOW.id}-s2e1`)).toMatchObject({ season: 2, number: 1 });
    expect(await series.episodeToPlay(FILM, undefined)).toBeUndefined();
    await expect(series.episodeToPlay(SHOW, undefined)).rejects.toThrow(new BadRequestException(`${SHOW.id} is a series: episodeId is required (e.g. ${SHOW.id}-s1e1)`));
    await expect(series.episodeToPlay(SHOW, `${MINI.id}-s1e1`)).rejects.toThrow(new NotFoundException(`${SHOW.id} has no episode ${MINI.id}-s1e1`));
    await expect(series.episodeToPlay(SHOW, `${SHOW.id}-s2e2`)).rejects.toThrow(NotFoundException);
    await expect(series.episodeToPlay(FILM, `${FILM.id}-s1e1`)).rejects.toThrow(new BadRequestException(`${FILM.id} is a film: it has no episodes, so send no episodeId`));
  });

  it('goes on to the next episode of the season, then the first of the next season, then nothing', async () => {
    const next = async (id: string) => (await series.next((await series.find(id))!))?.id;
    expect(await next(`${SHOW.id}-s1e2`)).toBe(`${SHOW.id}-s1e3`);
    expect(await next(`${SHOW.id}-s1e3`)).toBe(`${SHOW.id}-s2e1`);
    expect(await next(`${SHOW.id}-s2e1`)).toBe(`${SHOW.id}-s3e1`);
    expect(await next(`${SHOW.id}-s3e2`)).toBeUndefined();
  });
});
