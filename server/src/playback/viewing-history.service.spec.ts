import { NotFoundException } from '@nestjs/common';
import { CatalogCursor } from '../catalog/catalog-cursor.service';
import { CatalogService } from '../catalog/catalog.service';
import { InMemoryCatalogRepository } from '../catalog/in-memory-catalog.repository';
import { loadConfig } from '../config/load-config';
import { FakeClock } from '../../test/support/fake-clock';
import { aTitle } from '../../test/support/title-builder';
import { InMemoryProgressRepository } from './in-memory-progress.repository';
import { ViewingHistoryService } from './viewing-history.service';
import { ListCursor } from '../common/paging/list-cursor.service';

const FAMILY = aTitle(0, { maturityRating: 'G' });
const TEEN = aTitle(1, { maturityRating: 'PG' });
const GROWN_UP = aTitle(2, { maturityRating: 'R' });
const FINISHED = aTitle(3, { maturityRating: 'G' });

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
    const catalog = new CatalogService(new InMemoryCatalogRepository([FAMILY, TEEN, GROWN_UP, FINISHED]), new CatalogCursor(config), config);
    history = new ViewingHistoryService(progress, catalog, new ListCursor(config));
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
});
