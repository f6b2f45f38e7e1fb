import { Profile } from '../../src/profiles/profile';
import { StoreUnderTest } from './store-under-test';

export function profilesContract(store: () => StoreUnderTest): void {
  describe('ProfileRepository', () => {
    it("lists an account's profiles in the order they were added, and finds each", async () => {
      const first = await store().newProfile();
      const second = await store().newProfile({ userId: first.userId, name: 'Second', createdAt: first.createdAt });
      const third = await store().newProfile({ userId: first.userId, name: 'Third', kids: true, maturityCeiling: 'PG' });
      expect((await store().profiles.listByUser(first.userId)).map((profile) => profile.id)).toEqual([first.id, second.id, third.id]);
      expect(await store().profiles.find(third.id)).toEqual(third);
      expect(await store().profiles.find('prof_nobody')).toBeUndefined();
      expect(await store().profiles.listByUser('user_nobody')).toEqual([]);
    });

    it('refuses a profile past the limit, even when many are added at once', async () => {
      const first = await store().newProfile();
      const added = await Promise.all(
        Array.from({ length: 8 }, (_, index) => store().profiles.add({ ...first, id: `${first.id}_more${index}`, name: `More ${index}` }, 5)),
      );
      expect(added.filter(Boolean)).toHaveLength(4);
      expect(await store().profiles.listByUser(first.userId)).toHaveLength(5);
    });

    it("changes a profile of its own account only, and hands out copies", async () => {
      const profile = await store().newProfile();
      const stranger = await store().newProfile();
      expect(await store().profiles.update(profile.userId, profile.id, { name: 'Renamed', pinHash: 'hash', kids: true, maturityCeiling: 'G' })).toEqual({
        ...profile,
        name: 'Renamed',
        pinHash: 'hash',
        kids: true,
        maturityCeiling: 'G',
      });
      expect(await store().profiles.update(stranger.userId, profile.id, { name: 'Hijacked' })).toBeUndefined();
      const found = (await store().profiles.find(profile.id)) as Profile;
      found.name = 'Tampered';
      expect((await store().profiles.find(profile.id))?.name).toBe('Renamed');
    });

    it('removes a profile of its own account, never the last, and never leaves none when removals race', async () => {
      const first = await store().newProfile();
      const second = await store().newProfile({ userId: first.userId });
      expect(await store().profiles.remove('user_nobody', second.id)).toBe('missing');
      expect(await store().profiles.remove(first.userId, 'prof_nobody')).toBe('missing');
      const outcomes = await Promise.all([store().profiles.remove(first.userId, first.id), store().profiles.remove(first.userId, second.id)]);
      expect(outcomes.sort()).toEqual(['last', 'removed']);
      expect(await store().profiles.listByUser(first.userId)).toHaveLength(1);
    });
  });
}
