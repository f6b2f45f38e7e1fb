import { loadConfig } from '../config/load-config';
import { MediaLibrary } from '../media/media-library.service';
import { InMemoryEpisodeRepository } from '../series/in-memory-episode.repository';
import { SeriesService } from '../series/series.service';
import { aSeries } from '../../test/support/episode-builder';
import { InMemoryProgressRepository } from './in-memory-progress.repository';
import { SeriesProgressService } from './series-progress.service';
import { ViewingProgress } from './viewing-progress';

const SHOW = 'tt1001';
const [S1E1, S1E2, S2E1] = aSeries(SHOW, [2, 1]);
const NEXT_LENGTH = 42;

/** Episodes never started play a stream of NEXT_LENGTH seconds; the real library reads packaged media from disk. */
class FixedLengthMedia extends MediaLibrary {
  override forEpisode() {
    return { directory: '/nowhere', manifest: { id: 'prog', name: 'Programme', durationSeconds: NEXT_LENGTH, renditions: [], subtitles: [], encryption: 'none' as const } };
  }
}

describe('SeriesProgressService', () => {
  let progress: InMemoryProgressRepository;
  let standings: SeriesProgressService;

  beforeEach(() => {
    progress = new InMemoryProgressRepository();
    standings = new SeriesProgressService(new SeriesService(new InMemoryEpisodeRepository([S1E1, S1E2, S2E1])), progress, new FixedLengthMedia(loadConfig({ JWT_SECRET: 'series-progress-unit' })));
  });

  const entry = (episodeId: string | undefined, position: number, completed: boolean): ViewingProgress => ({
    profileId: 'prof_1',
    titleId: SHOW,
    ...(episodeId ? { episodeId } : {}),
    position,
    duration: 100,
    completed,
    updatedAt: 1,
  });

  it('stays on an episode that is not finished', async () => {
    expect(await standings.standing(entry(S1E2.id, 30, false))).toEqual({ last: S1E2, upNext: { episode: S1E2, position: 30, duration: 100 } });
    expect(await standings.finished(entry(S1E2.id, 30, false))).toBe(false);
  });

  it('moves to the next episode, across the season, from its start when it was never started', async () => {
    expect(await standings.standing(entry(S1E2.id, 99, true))).toEqual({ last: S1E2, upNext: { episode: S2E1, position: 0, duration: NEXT_LENGTH } });
    expect(await standings.finished(entry(S1E2.id, 99, true))).toBe(false);
  });

  it('picks the next episode up where it was left, and from its start when it was finished before', async () => {
    await progress.save({ ...entry(S1E2.id, 25, false), duration: 60, updatedAt: 0 });
    expect((await standings.standing(entry(S1E1.id, 99, true)))?.upNext).toEqual({ episode: S1E2, position: 25, duration: 60 });
    await progress.save({ ...entry(S1E2.id, 60, true), duration: 60, updatedAt: 0 });
    expect((await standings.standing(entry(S1E1.id, 99, true)))?.upNext).toEqual({ episode: S1E2, position: 0, duration: 60 });
  });

  it('finishes the series with its last episode', async () => {
    expect(await standings.standing(entry(S2E1.id, 99, true))).toEqual({ last: S2E1 });
    expect(await standings.finished(entry(S2E1.id, 99, true))).toBe(true);
  });

  it('has no standing for a film, or for an episode the catalog no longer has; those finish by their own flag', async () => {
    expect(await standings.standing(entry(undefined, 99, true))).toBeUndefined();
    expect(await standings.standing(entry(`${SHOW}-s9e9`, 10, false))).toBeUndefined();
    expect(await standings.finished(entry(undefined, 99, true))).toBe(true);
    expect(await standings.finished(entry(`${SHOW}-s9e9`, 10, false))).toBe(false);
  });
});
