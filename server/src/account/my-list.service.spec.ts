import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { CatalogCursor } from '../catalog/catalog-cursor.service';
import { CatalogService } from '../catalog/catalog.service';
import { InMemoryCatalogRepository } from '../catalog/in-memory-catalog.repository';
import { loadConfig } from '../config/load-config';
import { FakeClock } from '../../test/support/fake-clock';
import { loneHomePages } from '../../test/support/home-pages';
import { aTitle } from '../../test/support/title-builder';
import { InMemoryMyListRepository } from './in-memory-my-list.repository';
import { MyListService } from './my-list.service';
import { ListCursor } from '../common/paging/list-cursor.service';

const FAMILY = aTitle(0, { maturityRating: 'G' });
const TEEN = aTitle(1, { maturityRating: 'PG-13' });
const GROWN_UP = aTitle(2, { maturityRating: 'R' });

describe('MyListService', () => {
  const config = loadConfig({ JWT_SECRET: 'my-list-unit' });
  const viewer = { profileId: 'prof_1', audience: { maxLevel: 4 } };
  const child = { profileId: 'prof_1', audience: { maxLevel: 2, ceiling: 'PG' } };
  let clock: FakeClock;
  let myList: MyListService;

  beforeEach(() => {
    clock = new FakeClock();
    const catalog = new CatalogService(new InMemoryCatalogRepository([FAMILY, TEEN, GROWN_UP]), new CatalogCursor(config), config);
    myList = new MyListService(new InMemoryMyListRepository(), catalog, clock, new ListCursor(config), loneHomePages(config, clock));
  });

  const listed = async (who = viewer) => (await myList.list(who)).items.map((title) => title.id);

  it('lists titles newest first, and adding one twice keeps it once where it was', async () => {
    await myList.add(viewer, FAMILY.id);
    clock.advance(1);
    await myList.add(viewer, TEEN.id);
    clock.advance(1);
    await myList.add(viewer, FAMILY.id);
    expect(await listed()).toEqual([TEEN.id, FAMILY.id]);
  });

  it('removes a title, and removing one not on the list is no error', async () => {
    await myList.add(viewer, FAMILY.id);
    await myList.remove(viewer, FAMILY.id);
    await myList.remove(viewer, FAMILY.id);
    await myList.remove(viewer, TEEN.id);
    expect(await listed()).toEqual([]);
  });

  it('answers 404 naming an unknown title, for adding and for removing', async () => {
    await expect(myList.add(viewer, 'tt9999')).rejects.toThrow(new NotFoundException('Title tt9999 does not exist'));
    await expect(myList.remove(viewer, 'tt9999')).rejects.toThrow(NotFoundException);
  });

  it('refuses to add a title above the profile’s ceiling with 403, yet lets one already saved be taken off', async () => {
    await expect(myList.add(child, GROWN_UP.id)).rejects.toThrow(ForbiddenException);
    await myList.add(viewer, TEEN.id);
    await myList.remove(child, TEEN.id);
    expect(await listed()).toEqual([]);
  });

  it('shows a profile only the saved titles it may see, and keeps the rest saved', async () => {
    await myList.add(viewer, FAMILY.id);
    await myList.add(viewer, GROWN_UP.id);
    expect(await listed(child)).toEqual([FAMILY.id]);
    expect(await myList.titleIds(viewer.profileId)).toEqual([GROWN_UP.id, FAMILY.id]);
  });

  it('keeps each profile’s list its own', async () => {
    await myList.add(viewer, FAMILY.id);
    expect(await listed({ ...viewer, profileId: 'prof_2' })).toEqual([]);
  });
});
