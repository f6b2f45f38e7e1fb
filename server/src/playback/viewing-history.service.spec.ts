import { NotFoundException } from '@nestjs/common';
import { CatalogCursor } from '../catalog/catalog-cursor.service';
import { CatalogService } from '../catalog/catalog.service';
import { InMemoryCatalogRepository } from '../catalog/in-memory-catalog.repository';
import { loadConfig } from '../config/load-config';
import { FakeClock } from '../../test/support/fake-clock';
import { loneHomePages } from '../../test/support/home-pages';
import { aTitle } from '../../test/support/title-builder';
import { InMemoryProgressRepository } from './in-memory-progress.repository';
import { ViewingHistoryService } from './viewing-history.service';
import { ListCursor } from '../common/paging/list-cursor.service';
import { MediaLibrary } from '../media/media-library.service';
import { InMemoryEpisodeRepository } from '../series/in-memory-episode.repository';
import { SeriesService } from '../series/series.service';
import { aSeries } from '../../test/support/episode-builder';
import { SeriesProgressService } from './series-progress.service';

const FAMILY = aTitle(0, { maturityRating: 'G' });
const TEEN = aTitle(1, { maturityRating: 'PG' });
const GROWN_UP = aTitle(2, { maturityRating: 'R' });
const FINISHED = aTitle(3, { maturityRating: 'G' });
const SHOW = aTitle(4, { maturityRating: 'G' });
/** Two seasons: three episodes, then two. */
const SHOW_EPISODES = aSeries(SHOW.id, [3, 2]);
const EPISODE_LENGTH = 36;

/** Every episode plays a stream of EPISODE_LENGTH seconds; the real library reads packaged media from disk. */
class FixedLengthMedia extends MediaLibrary {
  override forEpisode() {
    return { directory: '/nowhere', manifest: { id: 'prog', name: 'Programme', durationSeconds: EPISODE_LENGTH, renditions: [], subtitles: [], encryption: 'none' as const } };
  }
}

describe('ViewingHistoryService', () => {
  const config = loadConfig({ JWT_SECRET: 'history-unit' });
  const viewer = { profileId: 'prof_1', audience: { maxLevel: 5 } };
  const child = { profileId: 'prof_1', audience: { maxLevel: 2, ceiling: 'PG' } };
  let clock: FakeClock;
  let progress: InMemoryProgressRepository;
  let history: ViewingHistoryService;

  beforeEach(() => {
    clock = new FakeClock();
    progress = new InMemoryProgressRepository();
    const catalog = new CatalogService(new InMemoryCatalogRepository([FAMILY, TEEN, GROWN_UP, FINISHED, SHOW]), new CatalogCursor(config), config);
    const media = new FixedLengthMedia(config);
    history = new ViewingHistoryService(progress, catalog, new ListCursor(config), new SeriesProgressService(new SeriesService(new InMemoryEpisodeRepository(SHOW_EPISODES)), progress, media), loneHomePages(config, clock));
  });

  async function watched(titleId: string, position: number, completed = false, duration = 600): Promise<void> {
    clock.advance(60);
    await progress.save({ profileId: viewer.profileId, titleId, position, duration, completed, updatedAt: clock.now() });
  }

  it('continues the titles started and not finished, most recent first, with how far each got', async () => {
    await watched(FAMILY.id, 150);
    await watched(FINISHED.id, 600, true);
    await watched(TEEN.id, 0);
    await watched(GROWN_UP.id, 300);
    const { items } = await history.continueWatching(viewer);
    expect(items.map((item) => item.title.id)).toEqual([GROWN_UP.id, FAMILY.id]);
    expect(items[1]).toMatchObject({ position: 150, duration: 600, progress: 0.25, updatedAt: new Date(clock.now() - 180_000).toISOString() });
  });

  it('never shows progress past the whole title', async () => {
    await watched(FAMILY.id, 601, false, 600);
    expect((await history.continueWatching(viewer)).items[0].progress).toBe(1);
  });

  it('keeps finished titles in the history, most recent first', async () => {
    await watched(FINISHED.id, 600, true);
    await watched(FAMILY.id, 150);
    await watched(FINISHED.id, 30);
    const { items } = await history.history(viewer);
    expect(items.map((item) => [item.title.id, item.completed])).toEqual([
      [FINISHED.id, false],
      [FAMILY.id, false],
    ]);
    await watched(FAMILY.id, 600, true);
    expect((await history.history(viewer)).items[0]).toMatchObject({ title: { id: FAMILY.id }, completed: true });
  });

  it('shows a profile only the titles under its ceiling, in Continue Watching and in history', async () => {
    await watched(FAMILY.id, 150);
    await watched(GROWN_UP.id, 300);
    expect((await history.continueWatching(child)).items.map((item) => item.title.id)).toEqual([FAMILY.id]);
    expect((await history.history(child)).items.map((item) => item.title.id)).toEqual([FAMILY.id]);
    expect((await history.watched(viewer.profileId)).map((entry) => entry.titleId)).toEqual([GROWN_UP.id, FAMILY.id]);
  });

  it('drops entries for titles the catalog no longer has', async () => {
    await watched('tt9999', 100);
    await watched(FAMILY.id, 150);
    expect((await history.history(viewer)).items.map((item) => item.title.id)).toEqual([FAMILY.id]);
  });

  it('forgets a title, even one above the ceiling, and forgetting it again is no error', async () => {
    await watched(FAMILY.id, 150);
    await watched(GROWN_UP.id, 300);
    await history.forget(child, GROWN_UP.id);
    await history.forget(child, GROWN_UP.id);
    expect((await history.history(viewer)).items.map((item) => item.title.id)).toEqual([FAMILY.id]);
    expect(await progress.find(viewer.profileId, GROWN_UP.id)).toBeUndefined();
  });

  it('answers 404 for forgetting an unknown title', async () => {
    await expect(history.forget(viewer, 'tt9999')).rejects.toThrow(new NotFoundException('Title tt9999 does not exist'));
  });

  describe('a series', () => {
    const [s1e1, s1e2, s1e3, s2e1, s2e2] = SHOW_EPISODES;

    async function episode(episodeId: string, position: number): Promise<void> {
      clock.advance(60);
      const completed = position >= 0.95 * EPISODE_LENGTH;
      await progress.save({ profileId: viewer.profileId, titleId: SHOW.id, episodeId, position, duration: EPISODE_LENGTH, completed, updatedAt: clock.now() });
    }

    const carryOn = async () => (await history.continueWatching(viewer)).items.filter((item) => item.title.id === SHOW.id);

    it('continues at the episode in progress', async () => {
      await episode(s1e2.id, 12);
      expect(await carryOn()).toEqual([
        { title: expect.objectContaining({ id: SHOW.id }), episode: { id: s1e2.id, season: 1, number: 2, name: 'S1E2' }, position: 12, duration: EPISODE_LENGTH, progress: 12 / EPISODE_LENGTH, updatedAt: new Date(clock.now()).toISOString() },
      ]);
    });

    it('moves on to the next episode once one is finished, across a season, from where that one was left', async () => {
      await episode(s1e2.id, EPISODE_LENGTH);
      expect(await carryOn()).toMatchObject([{ episode: { id: s1e3.id }, position: 0, duration: EPISODE_LENGTH, progress: 0 }]);
      await episode(s2e1.id, 9);
      await episode(s1e3.id, EPISODE_LENGTH);
      expect(await carryOn()).toMatchObject([{ episode: { id: s2e1.id, season: 2, number: 1 }, position: 9 }]);
    });

    it('leaves Continue Watching once its last episode is finished, and counts as finished for recommendations and history', async () => {
      await episode(s1e1.id, 20);
      await episode(s2e2.id, EPISODE_LENGTH);
      expect(await carryOn()).toEqual([]);
      expect(await history.watched(viewer.profileId)).toMatchObject([{ titleId: SHOW.id, completed: true }]);
      expect((await history.history(viewer)).items).toMatchObject([{ title: { id: SHOW.id }, episode: { id: s2e2.id }, completed: true }]);
    });

    it('is one history entry, about the episode watched last, and not finished while episodes remain', async () => {
      await episode(s1e1.id, EPISODE_LENGTH);
      await episode(s1e2.id, 5);
      expect((await history.history(viewer)).items).toEqual([
        { title: expect.objectContaining({ id: SHOW.id }), episode: { id: s1e2.id, season: 1, number: 2, name: 'S1E2' }, position: 5, duration: EPISODE_LENGTH, completed: false, updatedAt: new Date(clock.now()).toISOString() },
      ]);
      await episode(s1e2.id, EPISODE_LENGTH);
      expect(await history.watched(viewer.profileId)).toMatchObject([{ titleId: SHOW.id, completed: false }]);
    });

    it('gives each episode’s progress, and forgetting the series forgets them all', async () => {
      await episode(s1e1.id, EPISODE_LENGTH);
      await episode(s1e2.id, 5);
      expect([...(await history.episodeProgress(viewer.profileId, SHOW.id)).entries()].map(([id, entry]) => [id, entry.position, entry.completed])).toEqual([
        [s1e2.id, 5, false],
        [s1e1.id, EPISODE_LENGTH, true],
      ]);
      await history.forget(viewer, SHOW.id);
      expect((await history.episodeProgress(viewer.profileId, SHOW.id)).size).toBe(0);
      expect(await carryOn()).toEqual([]);
    });
  });
});
