import { TestBed } from '@angular/core/testing';
import type { TitleDetailsDto } from '@streaming/api';
import { EpisodeFinder } from './episode-finder';
import { ViewerLibrary } from './viewer-library';

const SERIES = { id: 'tt1003', kind: 'series', seasons: [{ number: 1, episodeCount: 2 }, { number: 2, episodeCount: 1 }] } as TitleDetailsDto;
const episode = (season: number, number: number) => ({ id: `tt1003-s${season}e${number}`, season, number, name: `Episode ${season}.${number}`, synopsis: '', runtimeMinutes: 40, progress: null });
const SEASONS: Record<number, ReturnType<typeof episode>[]> = { 1: [episode(1, 1), episode(1, 2)], 2: [episode(2, 1)] };
const inProgress = (position: number) => ({ title: { id: 'tt1003' }, position, duration: 2400, progress: position / 2400, updatedAt: '', episode: { id: 'tt1003-s2e1', season: 2, number: 1, name: 'Episode 2.1' } });

function finder(continueWatching: unknown[] = []) {
  const episodes = jest.fn(async (_id: string, season: number) => ({ items: SEASONS[season] ?? [] }));
  TestBed.configureTestingModule({
    providers: [{ provide: ViewerLibrary, useValue: { episodes, continueWatching: jest.fn().mockResolvedValue({ items: continueWatching }) } }],
  });
  return { finder: TestBed.inject(EpisodeFinder), episodes };
}

describe('EpisodeFinder', () => {
  it('plays the episode Continue Watching holds for the series, from where the viewer stopped', async () => {
    const { finder: episodes } = finder([{ title: { id: 'tt1099' }, position: 5, duration: 10, progress: 0.5, updatedAt: '', episode: null }, inProgress(754)]);
    expect(await episodes.toPlay(SERIES)).toEqual({ episode: expect.objectContaining({ id: 'tt1003-s2e1' }), resumeAt: 754 });
  });

  it('starts the next episode (held at 0) from its beginning', async () => {
    const { finder: episodes } = finder([inProgress(0)]);
    expect(await episodes.toPlay(SERIES)).toEqual({ episode: expect.objectContaining({ id: 'tt1003-s2e1' }), resumeAt: null });
  });

  it('plays S1:E1 when nothing of the series is in progress', async () => {
    const { finder: episodes } = finder();
    expect(await episodes.toPlay(SERIES)).toEqual({ episode: expect.objectContaining({ id: 'tt1003-s1e1' }), resumeAt: null });
  });

  it('finds an episode season by season, and says null for one the series does not have', async () => {
    const { finder: episodes, episodes: seasonRequests } = finder();
    expect((await episodes.find(SERIES, 'tt1003-s1e2'))?.name).toBe('Episode 1.2');
    expect(seasonRequests).toHaveBeenCalledTimes(1);
    expect((await episodes.find(SERIES, 'tt1003-s2e1'))?.name).toBe('Episode 2.1');
    expect(await episodes.find(SERIES, 'tt1003-s9e9')).toBeNull();
  });
});
