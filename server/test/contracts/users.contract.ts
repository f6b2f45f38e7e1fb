import { StoreUnderTest } from './store-under-test';

export function usersContract(store: () => StoreUnderTest): void {
  describe('UserRepository', () => {
    it('stores a user and finds it by id and by email', async () => {
      const user = await store().newUser();
      expect(await store().users.findById(user.id)).toEqual(user);
      expect(await store().users.findByEmail(user.email)).toEqual(user);
      expect(await store().users.findById('user_nobody')).toBeUndefined();
      expect(await store().users.findByEmail('nobody@example.com')).toBeUndefined();
    });

    it('refuses a second account with the same email, keeping the first', async () => {
      const user = await store().newUser();
      expect(await store().users.insert({ ...user, id: `${user.id}_twin`, name: 'Twin' })).toBe(false);
      expect((await store().users.findByEmail(user.email))?.id).toBe(user.id);
      expect(await store().users.findById(`${user.id}_twin`)).toBeUndefined();
    });

    it('lets exactly one of many concurrent sign-ups with one email win', async () => {
      const base = await store().newUser();
      const email = `race.${base.id}@example.com`;
      const results = await Promise.all(Array.from({ length: 8 }, (_, index) => store().users.insert({ ...base, id: `${base.id}_race${index}`, email })));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('changes the name and the password hash; an unknown id changes nothing', async () => {
      const user = await store().newUser();
      expect(await store().users.update(user.id, { name: 'Renamed' })).toEqual({ ...user, name: 'Renamed' });
      expect(await store().users.update(user.id, { passwordHash: 'new-hash' })).toEqual({ ...user, name: 'Renamed', passwordHash: 'new-hash' });
      expect(await store().users.findById(user.id)).toEqual({ ...user, name: 'Renamed', passwordHash: 'new-hash' });
      expect(await store().users.update('user_nobody', { name: 'Ghost' })).toBeUndefined();
    });

    it('hands out copies: changing what it returned changes nothing stored', async () => {
      const user = await store().newUser();
      const found = await store().users.findById(user.id);
      if (!found) throw new Error('not found');
      found.name = 'Tampered';
      expect((await store().users.findById(user.id))?.name).toBe(user.name);
    });
  });
}
