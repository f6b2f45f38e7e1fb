import { StoreUnderTest } from './store-under-test';

const NOW = Date.UTC(2026, 0, 1);
let sequence = 0;

function key(): string {
  return `address:contract-${process.pid}-${++sequence}`;
}

export function attemptCountersContract(store: () => StoreUnderTest): void {
  describe('AttemptCounterRepository', () => {
    it('counts hits in a window and starts again once it closes', async () => {
      const counters = store().attempts;
      const address = key();
      expect(await counters.hit(address, 60_000, NOW)).toEqual({ count: 1, endsAt: NOW + 60_000 });
      expect(await counters.hit(address, 60_000, NOW + 1_000)).toEqual({ count: 2, endsAt: NOW + 60_000 });
      expect(await counters.peek(address, NOW + 59_999)).toEqual({ count: 2, endsAt: NOW + 60_000 });
      expect(await counters.peek(address, NOW + 60_000)).toBeUndefined();
      expect(await counters.hit(address, 60_000, NOW + 60_000)).toEqual({ count: 1, endsAt: NOW + 120_000 });
    });

    it('counts every one of many concurrent hits once', async () => {
      const address = key();
      const windows = await Promise.all(Array.from({ length: 20 }, () => store().attempts.hit(address, 60_000, NOW)));
      expect(windows.map((window) => window.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
      expect((await store().attempts.peek(address, NOW))?.count).toBe(20);
    });

    it('forgets a key on clear, idempotently', async () => {
      const address = key();
      await store().attempts.hit(address, 60_000, NOW);
      await store().attempts.clear(address);
      await store().attempts.clear(address);
      expect(await store().attempts.peek(address, NOW)).toBeUndefined();
    });

    it('sweeps closed windows and keeps open ones', async () => {
      const closing = key();
      const open = key();
      await store().attempts.hit(closing, 10, NOW);
      await store().attempts.hit(open, 3_600_000, NOW);
      expect(await store().attempts.deleteExpired(NOW + 10)).toBeGreaterThanOrEqual(1);
      expect(await store().attempts.peek(open, NOW + 10)).toEqual({ count: 1, endsAt: NOW + 3_600_000 });
      const remaining = await store().attempts.count();
      await store().attempts.clear(open);
      expect(await store().attempts.count()).toBe(remaining - 1);
    });
  });
}
