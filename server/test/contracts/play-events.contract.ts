import { PlayEvent } from '../../src/playback/play-event';
import { StoreUnderTest } from './store-under-test';

const NOW = Date.UTC(2026, 0, 1);

export function playEventsContract(store: () => StoreUnderTest): void {
  describe('PlayEventRepository', () => {
    it('numbers events in the order they were appended', async () => {
      const { id } = await store().newProfile();
      const first = await store().playEvents.append({ profileId: id, titleId: 'tt1001', kind: 'play', occurredAt: NOW });
      const second = await store().playEvents.append({ profileId: id, titleId: 'tt1001', kind: 'complete', occurredAt: NOW });
      expect(second.seq).toBeGreaterThan(first.seq);
      expect(first).toEqual({ seq: first.seq, profileId: id, titleId: 'tt1001', kind: 'play', occurredAt: NOW });
    });

    it('replays the events since a time in sequence order, a batch at a time', async () => {
      const { id } = await store().newProfile();
      const since = NOW + 10_000_000;
      await store().playEvents.append({ profileId: id, titleId: 'tt1001', kind: 'play', occurredAt: since - 1 });
      const appended: PlayEvent[] = [];
      for (let index = 0; index < 7; index++) {
        appended.push(await store().playEvents.append({ profileId: id, titleId: `tt10${10 + index}`, kind: 'play', occurredAt: since + index }));
      }
      const batches: PlayEvent[][] = [];
      await store().playEvents.replay({ occurredSince: since }, (batch) => void batches.push(batch), 3);
      const mine = batches.flat().filter((event) => event.profileId === id);
      expect(mine).toEqual(appended);
      expect(batches.every((batch) => batch.length <= 3)).toBe(true);
      const seqs = batches.flat().map((event) => event.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    });

    it('replays only what comes after a sequence number, to catch up after missed news', async () => {
      const { id } = await store().newProfile();
      const first = await store().playEvents.append({ profileId: id, titleId: 'tt1001', kind: 'play', occurredAt: NOW });
      const second = await store().playEvents.append({ profileId: id, titleId: 'tt1002', kind: 'play', occurredAt: NOW });
      const seen: PlayEvent[] = [];
      await store().playEvents.replay({ afterSeq: first.seq }, (batch) => void seen.push(...batch));
      expect(seen.map((event) => event.seq)).toContain(second.seq);
      expect(seen.map((event) => event.seq)).not.toContain(first.seq);
      expect(seen.every((event) => event.seq > first.seq)).toBe(true);
    });

    it("gives a viewer's recent titles newest first, each once, completion over play, before a given event", async () => {
      const { id } = await store().newProfile();
      const other = await store().newProfile();
      const append = (titleId: string, kind: PlayEvent['kind'], profileId = id) => store().playEvents.append({ profileId, titleId, kind, occurredAt: NOW });
      await append('tt1001', 'play');
      await append('tt1002', 'play');
      await append('tt1001', 'complete');
      await append('tt1009', 'play', other.id);
      await append('tt1003', 'play');
      const later = await append('tt1004', 'play');
      expect(await store().playEvents.recentEngagements(id, 10, later.seq)).toEqual([
        { titleId: 'tt1003', kind: 'play' },
        { titleId: 'tt1001', kind: 'complete' },
        { titleId: 'tt1002', kind: 'play' },
      ]);
      expect(await store().playEvents.recentEngagements(id, 2, later.seq + 1)).toEqual([
        { titleId: 'tt1004', kind: 'play' },
        { titleId: 'tt1003', kind: 'play' },
      ]);
    });
  });
}
