import { Logger } from '@nestjs/common';
import { buildCatalog, catalogRange } from '../../src/catalog/catalog-seed';
import { PostgresCatalogRepository, seedCatalog } from '../../src/catalog/postgres-catalog.repository';
import { titles } from '../../src/catalog/titles.schema';
import { eq } from 'drizzle-orm';
import { Title } from '../../src/catalog/title';
import { StoreUnderTest } from './store-under-test';

const quiet = new Logger('CatalogContract');
quiet.log = () => undefined;

/** `seeded` stores (PostgreSQL) also show that seeding happens once and only adds what is missing. */
export function catalogContract(store: () => StoreUnderTest, options: { seeded: boolean }): void {
  describe('CatalogRepository', () => {
    const expected = buildCatalog(100);

    it('holds the seeded catalog, title for title, in catalog order', async () => {
      expect(await store().catalog.count()).toBe(100);
      expect(await store().catalog.findMany(expected.map((title) => title.id))).toEqual(expected);
      expect(await store().catalog.findById('tt1042')).toEqual(expected[42]);
    });

    it('pages the whole catalog once, in order, and answers genre questions like the seed', async () => {
      const seen: Title[] = [];
      let after: number | null = null;
      for (;;) {
        const page = await store().catalog.findPage({}, after, 7);
        seen.push(...page.items);
        if (!page.hasMore) break;
        after = page.items[page.items.length - 1].ordinal;
      }
      expect(seen.map((title) => title.id)).toEqual(expected.map((title) => title.id));
      const genres = new Map<string, number>();
      for (const title of expected) for (const genre of title.genres) genres.set(genre, (genres.get(genre) ?? 0) + 1);
      expect(new Map((await store().catalog.genreCounts()).map((entry) => [entry.name, entry.count]))).toEqual(genres);
      expect(await store().catalog.canonicalGenre('DRAMA')).toBe('Drama');
    });

    if (options.seeded) {
      it('seeds once: loading again adds nothing, and a larger size adds only the titles missing', async () => {
        const database = store().database;
        if (!database) throw new Error('a seeded store has a database');
        await seedCatalog(database.orm(), 100, quiet);
        expect(await (await PostgresCatalogRepository.load(database, 100)).count()).toBe(100);
        const grown = await PostgresCatalogRepository.load(database, 130);
        expect(await grown.count()).toBe(130);
        expect(await grown.findMany(catalogRange(95, 130).map((title) => title.id))).toEqual(catalogRange(95, 130));
      });

      it('gives curated titles seeded before credits existed their cast and director on the next load', async () => {
        const database = store().database;
        if (!database) throw new Error('a seeded store has a database');
        await database.orm().update(titles).set({ cast: [], director: null }).where(eq(titles.id, 'tt1001'));
        const reloaded = await PostgresCatalogRepository.load(database, 100);
        const [curated] = catalogRange(1, 2);
        expect(curated.cast?.length).toBeGreaterThan(0);
        expect(await reloaded.findById('tt1001')).toMatchObject({ cast: curated.cast, director: curated.director });
      });
    }
  });
}
