import { Rating } from '../../src/account/rating';
import { SequencedPage } from '../../src/common/paging/sequenced-page';
import { StoreUnderTest } from './store-under-test';

const NOW = Date.UTC(2026, 0, 1);

/** Walks a sequenced list page by page, as a service does, and returns every entry it saw. */
async function walk<T>(read: (after: number | null, limit: number) => Promise<SequencedPage<T>>, limit: number): Promise<(T & { seq: number })[]> {
  const seen: (T & { seq: number })[] = [];
  let after: number | null = null;
  for (;;) {
    const page = await read(after, limit);
    expect(page.entries.length).toBeLessThanOrEqual(limit);
    seen.push(...page.entries);
    if (!page.more) return seen;
    expect(page.entries).toHaveLength(limit);
    after = page.entries[page.entries.length - 1].seq;
  }
}

export function listsContract(store: () => StoreUnderTest): void {
  describe('MyListRepository', () => {
    it('lists newest first by the order adds were accepted, even within one millisecond', async () => {
      const { id } = await store().newProfile();
      for (const titleId of ['tt1003', 'tt1001', 'tt1002']) await store().myList.add(id, titleId, NOW);
      expect(await store().myList.list(id)).toEqual(['tt1002', 'tt1001', 'tt1003']);
    });

    it('keeps a title already on the list in its place when added again', async () => {
      const { id } = await store().newProfile();
      await store().myList.add(id, 'tt1001', NOW);
      await store().myList.add(id, 'tt1002', NOW + 1);
      await store().myList.add(id, 'tt1001', NOW + 2);
      expect(await store().myList.list(id)).toEqual(['tt1002', 'tt1001']);
    });

    it('removes idempotently, answers contains, and keeps viewers apart', async () => {
      const viewer = await store().newProfile();
      const other = await store().newProfile();
      await store().myList.add(viewer.id, 'tt1001', NOW);
      await store().myList.add(other.id, 'tt1005', NOW);
      expect(await store().myList.contains(viewer.id, 'tt1001')).toBe(true);
      expect(await store().myList.contains(viewer.id, 'tt1005')).toBe(false);
      await store().myList.remove(viewer.id, 'tt1001');
      await store().myList.remove(viewer.id, 'tt1001');
      expect(await store().myList.list(viewer.id)).toEqual([]);
      expect(await store().myList.list(other.id)).toEqual(['tt1005']);
    });
  });

  describe('MyListRepository pages', () => {
    it('walks the list newest first in pages, every entry once, and keeps viewers apart', async () => {
      const { id } = await store().newProfile();
      const other = await store().newProfile();
      const added = Array.from({ length: 7 }, (_, i) => `tt${1010 + i}`);
      for (const titleId of added) await store().myList.add(id, titleId, NOW);
      await store().myList.add(other.id, 'tt1050', NOW);
      const seen = await walk((after, limit) => store().myList.page(id, after, limit), 3);
      expect(seen.map((entry) => entry.titleId)).toEqual([...added].reverse());
      expect(await walk((after, limit) => store().myList.page(id, after, limit), 7)).toHaveLength(7);
      expect(await store().myList.page(id, null, 7)).toMatchObject({ more: false });
      expect(await store().myList.page('nobody', null, 5)).toEqual({ entries: [], more: false });
    });
  });

  describe('RatingsRepository', () => {
    it('keeps one rating per title, most recently set first, and a change moves it to the front', async () => {
      const { id } = await store().newProfile();
      await store().ratings.set(id, 'tt1001', Rating.Up, NOW);
      await store().ratings.set(id, 'tt1002', Rating.Down, NOW);
      await store().ratings.set(id, 'tt1003', Rating.Love, NOW);
      await store().ratings.set(id, 'tt1001', Rating.Love, NOW + 5);
      expect(await store().ratings.list(id)).toEqual([
        { titleId: 'tt1001', rating: Rating.Love, updatedAt: NOW + 5 },
        { titleId: 'tt1003', rating: Rating.Love, updatedAt: NOW },
        { titleId: 'tt1002', rating: Rating.Down, updatedAt: NOW },
      ]);
    });

    it('removes idempotently and keeps viewers apart', async () => {
      const viewer = await store().newProfile();
      const other = await store().newProfile();
      await store().ratings.set(viewer.id, 'tt1001', Rating.Up, NOW);
      await store().ratings.set(other.id, 'tt1001', Rating.Down, NOW);
      await store().ratings.remove(viewer.id, 'tt1001');
      await store().ratings.remove(viewer.id, 'tt1001');
      expect(await store().ratings.list(viewer.id)).toEqual([]);
      expect(await store().ratings.list(other.id)).toEqual([{ titleId: 'tt1001', rating: Rating.Down, updatedAt: NOW }]);
    });
  });

  describe('RatingsRepository pages', () => {
    it('walks ratings most recently set first in pages, every rating once', async () => {
      const { id } = await store().newProfile();
      for (let i = 0; i < 5; i++) await store().ratings.set(id, `tt${1020 + i}`, Rating.Up, NOW + i);
      await store().ratings.set(id, 'tt1020', Rating.Love, NOW + 9);
      const seen = await walk((after, limit) => store().ratings.page(id, after, limit), 2);
      expect(seen.map(({ titleId, rating }) => [titleId, rating])).toEqual([
        ['tt1020', Rating.Love],
        ['tt1024', Rating.Up],
        ['tt1023', Rating.Up],
        ['tt1022', Rating.Up],
        ['tt1021', Rating.Up],
      ]);
      expect(seen[0].updatedAt).toBe(NOW + 9);
    });
  });
}
