import { eq } from 'drizzle-orm';
import { episodes } from '../../src/series/episodes.schema';
import { PostgresEpisodeRepository } from '../../src/series/postgres-episode.repository';
import { curatedEpisodes } from '../../src/series/series-seed';
import { StoreUnderTest } from './store-under-test';

/** `seeded` stores (PostgreSQL) also show that seeding happens once and only adds what is missing. */
export function episodesContract(store: () => StoreUnderTest, options: { seeded: boolean }): void {
  describe('EpisodeRepository', () => {
    const expected = curatedEpisodes();

    it('holds every curated episode, each series in viewing order', async () => {
      expect(await store().episodes.count()).toBe(expected.length);
      for (const titleId of new Set(expected.map((episode) => episode.titleId))) {
        expect(await store().episodes.forTitle(titleId)).toEqual(expected.filter((episode) => episode.titleId === titleId));
      }
      expect(await store().episodes.findById('tt1003-s1e4')).toEqual(expected.find((episode) => episode.id === 'tt1003-s1e4'));
    });

    it('has no episodes for a film or an unknown title, and finds no unknown episode', async () => {
      expect(await store().episodes.forTitle('tt1000')).toEqual([]);
      expect(await store().episodes.forTitle('tt9999')).toEqual([]);
      expect(await store().episodes.findById('tt1003-s9e1')).toBeUndefined();
    });

    it('never hands out its own lists for a caller to change', async () => {
      const list = await store().episodes.forTitle('tt1003');
      list.pop();
      expect(await store().episodes.forTitle('tt1003')).toHaveLength(list.length + 1);
    });

    if (options.seeded) {
      it('seeds once: loading again adds nothing, and an episode gone missing is added back', async () => {
        const database = store().database;
        if (!database) throw new Error('a seeded store has a database');
        await database.orm().delete(episodes).where(eq(episodes.id, 'tt1084-s4e3'));
        const reloaded = await PostgresEpisodeRepository.load(database);
        expect(await reloaded.count()).toBe(expected.length);
        expect(await reloaded.findById('tt1084-s4e3')).toEqual(expected.find((episode) => episode.id === 'tt1084-s4e3'));
      });
    }
  });
}
