import { RefreshSession } from '../../src/auth/refresh-session';
import { StoreUnderTest } from './store-under-test';

/** Rollback is what the PostgreSQL stores add; the in-memory store's writes are single steps that cannot fail halfway. */
export function transactionsContract(store: () => StoreUnderTest): void {
  describe('Transactions', () => {
    it('commits every write of a unit of work together, or none when it fails', async () => {
      const base = await store().newUser();
      const user = { ...base, id: `${base.id}_tx`, email: `tx.${base.email}` };
      const session: RefreshSession = { id: `${user.id}_session`, userId: user.id, createdAt: 0, expiresAt: Date.UTC(2030, 0, 1) };
      await expect(
        store().transactions.run(async () => {
          await store().users.insert(user);
          await store().refreshTokens.createSession(session, `${user.id}_token`);
          throw new Error('fails after both writes');
        }),
      ).rejects.toThrow('fails after both writes');
      expect(await store().users.findById(user.id)).toBeUndefined();
      expect(await store().refreshTokens.findSession(session.id)).toBeUndefined();

      await store().transactions.run(async () => {
        await store().users.insert(user);
        await store().refreshTokens.createSession(session, `${user.id}_token`);
      });
      expect(await store().users.findById(user.id)).toBeDefined();
      expect(await store().refreshTokens.findSession(session.id)).toBeDefined();
    });

    it('runs after-commit effects only once the work has committed, and never for work rolled back', async () => {
      const effects: string[] = [];
      await store().transactions.run(async () => {
        void store().transactions.afterCommit(() => {
          effects.push('committed');
        });
        expect(effects).toEqual([]);
      });
      expect(effects).toEqual(['committed']);
      await store()
        .transactions.run(async () => {
          void store().transactions.afterCommit(() => {
            effects.push('rolled back');
          });
          throw new Error('rollback');
        })
        .catch(() => undefined);
      expect(effects).toEqual(['committed']);
      await store().transactions.afterCommit(() => {
        effects.push('outside');
      });
      expect(effects).toEqual(['committed', 'outside']);
    });
  });
}
