import { AttemptCounterRepository } from '../../src/auth/attempt-counter.repository';

const NOW = Date.UTC(2026, 0, 1);
let sequence = 0;

function key(): string {
  return `address:contract-${process.pid}-${++sequence}`;
}

export function attemptCountersContract(counters: () => AttemptCounterRepository): void {
  describe('AttemptCounterRepository', () => {
    it('counts hits in a window and starts again once it closes', async () => {
      const address = key();
      expect(await counters().hit(address, 60_000, NOW)).toEqual({ count: 1, endsAt: NOW + 60_000 });
      expect(await counters().hit(address, 60_000, NOW + 1_000)).toEqual({ count: 2, endsAt: NOW + 60_000 });
      expect(await counters().peek(address, NOW + 59_999)).toEqual({ count: 2, endsAt: NOW + 60_000 });
      expect(await counters().peek(address, NOW + 60_000)).toBeUndefined();
      expect(await counters().hit(address, 60_000, NOW + 60_000)).toEqual({ count: 1, endsAt: NOW + 120_000 });
    });

    it('counts every one of many concurrent hits once', async () => {
      const address = key();
      const windows = await Promise.all(Array.from({ length: 20 }, () => counters().hit(address, 60_000, NOW)));
      expect(windows.map((window) => window.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
      expect((await counters().peek(address, NOW))?.count).toBe(20);
    });

    it('forgets a key on clear, idempotently', async () => {
      const address = key();
      await counters().hit(address, 60_000, NOW);
      await counters().clear(address);
      await counters().clear(address);
      expect(await counters().peek(address, NOW)).toBeUndefined();
    });

    it('sweeps closed windows and keeps open ones', async () => {
      const closing = key();
      const open = key();
      await counters().hit(closing, 10, NOW);
      await counters().hit(open, 3_600_000, NOW);
      expect(await counters().deleteExpired(NOW + 10)).toBeGreaterThanOrEqual(1);
      expect(await counters().peek(open, NOW + 10)).toEqual({ count: 1, endsAt: NOW + 3_600_000 });
      const remaining = await counters().count();
      await counters().clear(open);
      expect(await counters().count()).toBe(remaining - 1);
    });
  });
}
