import { RefreshSession } from '../../src/auth/refresh-session';
import { StoreUnderTest } from './store-under-test';

/**
 * Rollback is what the PostgreSQL stores add; the in-memory store's writes are single steps that
 * cannot fail halfway. `sideBySide`: the store runs units of work at once (a server's pool; the
 * embedded database takes them in turn).
 */
export function transactionsContract(store: () => StoreUnderTest, { sideBySide }: { sideBySide: boolean }): void {
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

    if (sideBySide) {
      it('keeps a unit of work whole while another one, begun before it, ends first', async () => {
        const base = await store().newUser();
        const user = (suffix: string) => ({ ...base, id: `${base.id}_${suffix}`, email: `${suffix}.${base.email}` });
        let secondInside!: () => void;
        const secondHasWritten = new Promise<void>((resolve) => (secondInside = resolve));
        const first = store().transactions.run(async () => {
          await store().users.insert(user('first'));
          await secondHasWritten;
        });
        const second = store().transactions.run(async () => {
          await store().users.insert(user('second_before'));
          secondInside();
          await first;
          // Written after the other unit of work ended: still this one's, so rolled back with it.
          await store().users.insert(user('second_after'));
          throw new Error('rolls back');
        });
        await expect(second).rejects.toThrow('rolls back');
        expect(await store().users.findById(user('first').id)).toBeDefined();
        expect(await store().users.findById(user('second_before').id)).toBeUndefined();
        expect(await store().users.findById(user('second_after').id)).toBeUndefined();
      });
    }

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
