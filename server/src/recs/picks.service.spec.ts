import { Rating } from '../account/rating';
import { CatalogCursor } from '../catalog/catalog-cursor.service';
import { CatalogService } from '../catalog/catalog.service';
import { InMemoryCatalogRepository } from '../catalog/in-memory-catalog.repository';
import { Title } from '../catalog/title';
import { loadConfig } from '../config/load-config';
import { FakeClock } from '../../test/support/fake-clock';
import { CoWatchIndex } from './co-watch-index';
import { PicksService } from './picks.service';
import { buildTasteProfile } from './taste-profile';
import { TrendingWindow } from './trending-window';
import { TrendingService } from './trending.service';
import { ViewerSignals } from './viewer-signals';
import { aTitle } from '../../test/support/title-builder';


const TITLES = [
  aTitle(0, { genres: ['Sci-Fi'], year: 2000, popularity: 0.5 }),
  aTitle(1, { genres: ['Sci-Fi'], year: 2001, popularity: 0.6 }),
  aTitle(2, { genres: ['Sci-Fi'], year: 2001, popularity: 0.5 }),
  aTitle(3, { genres: ['Comedy'], year: 2000, popularity: 0.9 }),
  aTitle(4, { genres: ['Comedy'], year: 1990, popularity: 0.8 }),
  aTitle(5, { genres: ['Drama'], year: 1980, popularity: 0.7 }),
  aTitle(6, { genres: ['Documentary'], year: 2010, popularity: 0.3 }),
  aTitle(7, { genres: ['Sci-Fi', 'Drama'], year: 2002, popularity: 0.4 }),
];
const byId = new Map(TITLES.map((t) => [t.id, t]));
const get = (id: string) => byId.get(id) as Title;
const ids = (titles: Title[]) => titles.map((t) => t.id);

describe('PicksService', () => {
  let clock: FakeClock;
  let coWatch: CoWatchIndex;
  let window: TrendingWindow;
  let picks: PicksService;

  beforeEach(() => {
    const config = loadConfig({ JWT_SECRET: 'picks-unit' });
    const catalog = new CatalogService(new InMemoryCatalogRepository(TITLES), new CatalogCursor(config), config);
    clock = new FakeClock();
    coWatch = new CoWatchIndex({ windowSize: 10, maxNeighbours: 10, maxViewers: 1000 });
    window = new TrendingWindow({ bucketMs: 3_600_000, bucketCount: 169, rankedSize: 10 });
    picks = new PicksService(catalog, coWatch, new TrendingService(window, catalog, clock));
  });

  function profile(signals: Partial<ViewerSignals>) {
    return buildTasteProfile({ history: [], ratings: [], myList: [], ...signals }, clock.now());
  }

  function watchedAll(viewerId: string, titleIds: string[]): void {
    for (const titleId of titleIds) {
      window.record(viewerId, titleId, clock.now());
      coWatch.record(viewerId, titleId, 'complete');
    }
  }

  it('gives a viewer it knows nothing about the week’s most played titles, then the most popular', async () => {
    watchedAll('a', ['tt1006', 'tt1005']);
    watchedAll('b', ['tt1006']);
    expect(ids(await picks.forYou(profile({}), 4, new Set()))).toEqual(['tt1006', 'tt1005', 'tt1003', 'tt1004']);
  });

  it('leads with the genre the viewer finished, never a title they finished or excluded', async () => {
    const liked = profile({ history: [{ title: get('tt1000'), progress: 1, completed: true, updatedAt: clock.now() }] });
    const items = ids(await picks.forYou(liked, 8, liked.excludedIds));
    expect(items.slice(0, 3)).toEqual(['tt1001', 'tt1002', 'tt1007']);
    expect(items).not.toContain('tt1000');
  });

  it('pushes back the titles watched together with a thumbs-down', async () => {
    const history = [{ title: get('tt1000'), progress: 1, completed: true, updatedAt: clock.now() }];
    for (const viewer of ['a', 'b', 'c']) watchedAll(viewer, ['tt1004', 'tt1001']);
    expect(ids(await picks.forYou(profile({ history }), 2, new Set(['tt1000'])))).toEqual(['tt1001', 'tt1002']);
    const disliking = profile({ history, ratings: [{ title: get('tt1004'), rating: Rating.Down }] });
    const items = ids(await picks.forYou(disliking, 8, disliking.excludedIds));
    expect(items[0]).toBe('tt1002');
    expect(items.indexOf('tt1001')).toBeGreaterThan(0);
    expect(items).not.toContain('tt1004');
  });

  it('puts what the title’s viewers also watched before what merely resembles it', async () => {
    watchedAll('a', ['tt1000', 'tt1006']);
    const items = ids(await picks.because(get('tt1000'), profile({}), 4, new Set()));
    expect(items).toEqual(['tt1006', 'tt1001', 'tt1002', 'tt1007']);
  });
});
