import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { CatalogCursor } from '../catalog/catalog-cursor.service';
import { CatalogService } from '../catalog/catalog.service';
import { InMemoryCatalogRepository } from '../catalog/in-memory-catalog.repository';
import { loadConfig } from '../config/load-config';
import { FakeClock } from '../../test/support/fake-clock';
import { loneHomePages } from '../../test/support/home-pages';
import { aTitle } from '../../test/support/title-builder';
import { InMemoryRatingsRepository } from './in-memory-ratings.repository';
import { Rating } from './rating';
import { RatingsService } from './ratings.service';
import { ListCursor } from '../common/paging/list-cursor.service';

const FAMILY = aTitle(0, { maturityRating: 'G' });
const TEEN = aTitle(1, { maturityRating: 'PG-13' });
const GROWN_UP = aTitle(2, { maturityRating: 'R' });

describe('RatingsService', () => {
  const config = loadConfig({ JWT_SECRET: 'ratings-unit' });
  const viewer = { profileId: 'prof_1', audience: { maxLevel: 4 } };
  const child = { profileId: 'prof_1', audience: { maxLevel: 2, ceiling: 'PG' } };
  let clock: FakeClock;
  let ratings: RatingsService;

  beforeEach(() => {
    clock = new FakeClock();
    const catalog = new CatalogService(new InMemoryCatalogRepository([FAMILY, TEEN, GROWN_UP]), new CatalogCursor(config), config);
    ratings = new RatingsService(new InMemoryRatingsRepository(), catalog, clock, new ListCursor(config), loneHomePages(config, clock));
  });

  const listed = async (who = viewer) => (await ratings.list(who)).items.map(({ titleId, rating }) => `${titleId} ${rating}`);

  it('keeps one rating per title: a new one replaces the old and moves the title to the front', async () => {
    await ratings.rate(viewer, FAMILY.id, Rating.Up);
    clock.advance(1);
    await ratings.rate(viewer, TEEN.id, Rating.Love);
    clock.advance(1);
    await ratings.rate(viewer, FAMILY.id, Rating.Down);
    expect(await listed()).toEqual([`${FAMILY.id} down`, `${TEEN.id} love`]);
    expect((await ratings.list(viewer)).items[0].updatedAt).toBe(new Date(clock.now()).toISOString());
  });

  it('clears a rating, and clearing one never given is no error', async () => {
    await ratings.rate(viewer, FAMILY.id, Rating.Up);
    await ratings.clear(viewer, FAMILY.id);
    await ratings.clear(viewer, FAMILY.id);
    expect(await listed()).toEqual([]);
    expect(await ratings.given(viewer.profileId)).toEqual([]);
  });

  it('answers 404 naming an unknown title, for rating and for clearing', async () => {
    await expect(ratings.rate(viewer, 'tt9999', Rating.Up)).rejects.toThrow(new NotFoundException('Title tt9999 does not exist'));
    await expect(ratings.clear(viewer, 'tt9999')).rejects.toThrow(NotFoundException);
  });

  it('refuses to rate a title above the profile’s ceiling, yet lets a rating of one be cleared', async () => {
    await expect(ratings.rate(child, GROWN_UP.id, Rating.Up)).rejects.toThrow(ForbiddenException);
    await ratings.rate(viewer, GROWN_UP.id, Rating.Up);
    await ratings.clear(child, GROWN_UP.id);
    expect(await ratings.given(viewer.profileId)).toEqual([]);
  });

  it('lists only ratings of titles the profile may see, while recommendations get them all', async () => {
    await ratings.rate(viewer, FAMILY.id, Rating.Up);
    await ratings.rate(viewer, GROWN_UP.id, Rating.Down);
    expect(await listed(child)).toEqual([`${FAMILY.id} up`]);
    expect((await ratings.given(viewer.profileId)).map((entry) => entry.titleId)).toEqual([GROWN_UP.id, FAMILY.id]);
  });
});
