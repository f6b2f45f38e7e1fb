import { ViewingProgress } from '../../src/playback/viewing-progress';
import { StoreUnderTest } from './store-under-test';

const NOW = Date.UTC(2026, 0, 1);

/** `relational` stores also refuse a save for a title they do not hold, without failing the saves written with it. */
export function progressContract(store: () => StoreUnderTest, options: { relational: boolean }): void {
  describe('ProgressRepository', () => {
    function at(profileId: string, titleId: string, position: number, updatedAt: number, completed = false): ViewingProgress {
      return { profileId, titleId, position, duration: 100, completed, updatedAt };
    }

    it('saves and finds where a viewer is', async () => {
      const { id } = await store().newProfile();
      expect(await store().progress.save(at(id, 'tt1001', 12.5, NOW))).toEqual({ saved: true, wasCompleted: false });
      expect(await store().progress.find(id, 'tt1001')).toEqual(at(id, 'tt1001', 12.5, NOW));
      expect(await store().progress.find(id, 'tt1002')).toBeUndefined();
    });

    it('never lets a late, older heartbeat overwrite a newer position', async () => {
      const { id } = await store().newProfile();
      await store().progress.save(at(id, 'tt1001', 50, NOW + 2_000));
      expect(await store().progress.save(at(id, 'tt1001', 40, NOW + 1_000))).toEqual({ saved: false, wasCompleted: false });
      expect((await store().progress.find(id, 'tt1001'))?.position).toBe(50);
      expect((await store().progress.save(at(id, 'tt1001', 55, NOW + 2_000))).saved).toBe(true);
      expect((await store().progress.find(id, 'tt1001'))?.position).toBe(55);
    });

    it('tells whether the entry it replaced was completed, so a completion counts once', async () => {
      const { id } = await store().newProfile();
      expect(await store().progress.save(at(id, 'tt1001', 96, NOW, true))).toEqual({ saved: true, wasCompleted: false });
      expect(await store().progress.save(at(id, 'tt1001', 99, NOW + 1, true))).toEqual({ saved: true, wasCompleted: true });
      expect(await store().progress.save(at(id, 'tt1001', 3, NOW + 2))).toEqual({ saved: true, wasCompleted: true });
      expect(await store().progress.save(at(id, 'tt1001', 97, NOW + 3, true))).toEqual({ saved: true, wasCompleted: false });
    });

    it('pages most recently saved first, every entry once, each with its sequence number', async () => {
      const { id } = await store().newProfile();
      for (let i = 0; i < 5; i++) await store().progress.save(at(id, `tt${1030 + i}`, 5, NOW + i));
      await store().progress.save(at(id, 'tt1031', 9, NOW + 9));
      const first = await store().progress.page(id, null, 2);
      expect(first.more).toBe(true);
      expect(first.entries.map((entry) => entry.titleId)).toEqual(['tt1031', 'tt1034']);
      expect(first.entries[0]).toMatchObject(at(id, 'tt1031', 9, NOW + 9));
      const second = await store().progress.page(id, first.entries[1].seq, 2);
      expect(second.entries.map((entry) => entry.titleId)).toEqual(['tt1033', 'tt1032']);
      const last = await store().progress.page(id, second.entries[1].seq, 2);
      expect(last).toMatchObject({ more: false, entries: [{ titleId: 'tt1030' }] });
    });

    it('lists most recently saved first by the order saves were accepted, even within one millisecond', async () => {
      const { id } = await store().newProfile();
      for (const titleId of ['tt1003', 'tt1001', 'tt1002']) await store().progress.save(at(id, titleId, 5, NOW));
      await store().progress.save(at(id, 'tt1003', 6, NOW));
      expect((await store().progress.listByProfile(id)).map((entry) => entry.titleId)).toEqual(['tt1003', 'tt1002', 'tt1001']);
    });

    it('keeps the last of many concurrent heartbeats by arrival time', async () => {
      const { id } = await store().newProfile();
      await Promise.all(Array.from({ length: 10 }, (_, index) => store().progress.save(at(id, 'tt1001', index, NOW + index))));
      expect((await store().progress.find(id, 'tt1001'))?.position).toBe(9);
    });

    it('saves many viewers at once, each learning its own outcome', async () => {
      const viewers = await Promise.all(Array.from({ length: 60 }, () => store().newProfile()));
      const outcomes = await Promise.all(viewers.map((viewer, index) => store().progress.save(at(viewer.id, 'tt1001', index, NOW))));
      expect(outcomes).toEqual(viewers.map(() => ({ saved: true, wasCompleted: false })));
      const stored = await Promise.all(viewers.map((viewer) => store().progress.find(viewer.id, 'tt1001')));
      expect(stored.map((entry) => entry?.position)).toEqual(viewers.map((_, index) => index));
    });

    if (options.relational) {
      it('fails a save for a title it does not hold on its own, while the saves beside it are written', async () => {
        const viewer = await store().newProfile();
        const results = await Promise.allSettled([
          store().progress.save(at(viewer.id, 'tt1001', 1, NOW)),
          store().progress.save(at(viewer.id, 'tt9999999', 2, NOW)),
          store().progress.save(at(viewer.id, 'tt1002', 3, NOW)),
        ]);
        expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
        expect((await store().progress.listByProfile(viewer.id)).map((entry) => entry.titleId).sort()).toEqual(['tt1001', 'tt1002']);
      });
    }

    it('deletes idempotently and keeps viewers apart', async () => {
      const viewer = await store().newProfile();
      const other = await store().newProfile();
      await store().progress.save(at(viewer.id, 'tt1001', 5, NOW));
      await store().progress.save(at(other.id, 'tt1001', 7, NOW));
      await store().progress.delete(viewer.id, 'tt1001');
      await store().progress.delete(viewer.id, 'tt1001');
      expect(await store().progress.listByProfile(viewer.id)).toEqual([]);
      expect((await store().progress.find(other.id, 'tt1001'))?.position).toBe(7);
    });
  
    describe('per episode', () => {
      function inEpisode(profileId: string, episodeId: string, position: number, updatedAt: number, completed = false): ViewingProgress {
        return { ...at(profileId, 'tt1003', position, updatedAt, completed), episodeId };
      }

      it('keeps each episode’s own entry, and the series’ entry at the episode saved last', async () => {
        const { id } = await store().newProfile();
        expect(await store().progress.save(inEpisode(id, 'tt1003-s1e1', 99, NOW, true))).toEqual({ saved: true, wasCompleted: false });
        expect(await store().progress.save(inEpisode(id, 'tt1003-s1e2', 12, NOW + 1))).toEqual({ saved: true, wasCompleted: false });
        expect(await store().progress.findEpisode(id, 'tt1003-s1e1')).toEqual(inEpisode(id, 'tt1003-s1e1', 99, NOW, true));
        expect(await store().progress.findEpisode(id, 'tt1003-s1e2')).toEqual(inEpisode(id, 'tt1003-s1e2', 12, NOW + 1));
        expect(await store().progress.findEpisode(id, 'tt1003-s1e3')).toBeUndefined();
        expect(await store().progress.find(id, 'tt1003')).toEqual(inEpisode(id, 'tt1003-s1e2', 12, NOW + 1));
        expect(await store().progress.listByProfile(id)).toEqual([inEpisode(id, 'tt1003-s1e2', 12, NOW + 1)]);
        expect((await store().progress.listEpisodes(id, 'tt1003')).map((entry) => [entry.episodeId, entry.position])).toEqual([
          ['tt1003-s1e2', 12],
          ['tt1003-s1e1', 99],
        ]);
        expect(await store().progress.listEpisodes(id, 'tt1001')).toEqual([]);
      });

      it('answers for the episode: whether its own entry was completed, and a late heartbeat changes it alone', async () => {
        const { id } = await store().newProfile();
        await store().progress.save(inEpisode(id, 'tt1003-s1e1', 99, NOW, true));
        await store().progress.save(inEpisode(id, 'tt1003-s1e2', 10, NOW + 10));
        expect(await store().progress.save(inEpisode(id, 'tt1003-s1e1', 98, NOW + 5, true))).toEqual({ saved: true, wasCompleted: true });
        expect((await store().progress.find(id, 'tt1003'))?.episodeId).toBe('tt1003-s1e2');
        expect(await store().progress.save(inEpisode(id, 'tt1003-s1e1', 40, NOW + 1))).toEqual({ saved: false, wasCompleted: true });
        expect((await store().progress.findEpisode(id, 'tt1003-s1e1'))?.position).toBe(98);
      });

      it('writes every episode of heartbeats that arrive together, the series’ entry at the newest', async () => {
        const { id } = await store().newProfile();
        const outcomes = await Promise.all([
          store().progress.save(inEpisode(id, 'tt1003-s1e1', 30, NOW + 2)),
          store().progress.save(inEpisode(id, 'tt1003-s1e2', 20, NOW + 3)),
          store().progress.save(inEpisode(id, 'tt1003-s1e3', 10, NOW + 1)),
        ]);
        expect(outcomes).toEqual([0, 1, 2].map(() => ({ saved: true, wasCompleted: false })));
        expect((await store().progress.listEpisodes(id, 'tt1003')).map((entry) => entry.episodeId)).toEqual(['tt1003-s1e2', 'tt1003-s1e1', 'tt1003-s1e3']);
        expect(await store().progress.find(id, 'tt1003')).toMatchObject({ episodeId: 'tt1003-s1e2', position: 20 });
      });

      it('forgets a series with all its episodes, and nobody else’s', async () => {
        const viewer = await store().newProfile();
        const other = await store().newProfile();
        await store().progress.save(inEpisode(viewer.id, 'tt1003-s1e1', 5, NOW));
        await store().progress.save(inEpisode(other.id, 'tt1003-s1e1', 7, NOW));
        await store().progress.delete(viewer.id, 'tt1003');
        expect(await store().progress.find(viewer.id, 'tt1003')).toBeUndefined();
        expect(await store().progress.listEpisodes(viewer.id, 'tt1003')).toEqual([]);
        expect((await store().progress.findEpisode(other.id, 'tt1003-s1e1'))?.position).toBe(7);
      });

      if (options.relational) {
        it('fails a save for an episode it does not hold, while the saves beside it are written', async () => {
          const { id } = await store().newProfile();
          const results = await Promise.allSettled([store().progress.save(inEpisode(id, 'tt1003-s1e1', 1, NOW)), store().progress.save(inEpisode(id, 'tt1003-s9e9', 2, NOW + 1))]);
          expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected']);
          expect(await store().progress.find(id, 'tt1003')).toMatchObject({ episodeId: 'tt1003-s1e1' });
        });
      }
    });
  });
}
